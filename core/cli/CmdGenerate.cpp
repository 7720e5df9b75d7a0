// Placeholder until this area lands: the command is listed and says it is not available yet.
#include "cli/Command.h"

#include <iostream>

namespace tb::cli {

Command makeGenerateCommand() {
    Command c;
    c.name = "generate";
    c.summary = "generate a completion";
    c.usage = "";
    c.run = [](const Args&, const Context&) {
        std::cerr << "tunebench generate: not available in this build yet\n";
        return 1;
    };
    return c;
}

} // namespace tb::cli
