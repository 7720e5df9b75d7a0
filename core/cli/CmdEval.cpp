// Placeholder until this area lands: the command is listed and says it is not available yet.
#include "cli/Command.h"

#include <iostream>

namespace tb::cli {

Command makeEvalCommand() {
    Command c;
    c.name = "eval";
    c.summary = "compare base and tuned models on a split";
    c.usage = "";
    c.run = [](const Args&, const Context&) {
        std::cerr << "tunebench eval: not available in this build yet\n";
        return 1;
    };
    return c;
}

} // namespace tb::cli
