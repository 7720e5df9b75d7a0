// Placeholder until this area lands: the command is listed and says it is not available yet.
#include "cli/Command.h"

#include <iostream>

namespace tb::cli {

Command makeBenchCommand() {
    Command c;
    c.name = "bench";
    c.summary = "measure generation and training speed against the reference";
    c.usage = "";
    c.run = [](const Args&, const Context&) {
        std::cerr << "tunebench bench: not available in this build yet\n";
        return 1;
    };
    return c;
}

} // namespace tb::cli
