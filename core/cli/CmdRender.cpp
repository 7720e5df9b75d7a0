// Placeholder until this area lands: the command is listed and says it is not available yet.
#include "cli/Command.h"

#include <iostream>

namespace tb::cli {

Command makeRenderCommand() {
    Command c;
    c.name = "render";
    c.summary = "render rows through a prompt template";
    c.usage = "";
    c.run = [](const Args&, const Context&) {
        std::cerr << "tunebench render: not available in this build yet\n";
        return 1;
    };
    return c;
}

} // namespace tb::cli
