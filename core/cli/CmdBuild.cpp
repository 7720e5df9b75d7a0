// Placeholder until this area lands: the command is listed and says it is not available yet.
#include "cli/Command.h"

#include <iostream>

namespace tb::cli {

Command makeBuildCommand() {
    Command c;
    c.name = "build";
    c.summary = "build an instruction set from datasets and templates";
    c.usage = "";
    c.run = [](const Args&, const Context&) {
        std::cerr << "tunebench build: not available in this build yet\n";
        return 1;
    };
    return c;
}

} // namespace tb::cli
