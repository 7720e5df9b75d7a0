// Placeholder until this area lands: the command is listed and says it is not available yet.
#include "cli/Command.h"

#include <iostream>

namespace tb::cli {

Command makeForwardCommand() {
    Command c;
    c.name = "forward";
    c.summary = "run a forward pass: last-position logits and loss";
    c.usage = "";
    c.run = [](const Args&, const Context&) {
        std::cerr << "tunebench forward: not available in this build yet\n";
        return 1;
    };
    return c;
}

} // namespace tb::cli
