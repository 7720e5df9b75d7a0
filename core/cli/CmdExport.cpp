// Placeholder until this area lands: the command is listed and says it is not available yet.
#include "cli/Command.h"

#include <iostream>

namespace tb::cli {

Command makeExportCommand() {
    Command c;
    c.name = "export";
    c.summary = "export an instruction set, an adapter or a merged model";
    c.usage = "";
    c.run = [](const Args&, const Context&) {
        std::cerr << "tunebench export: not available in this build yet\n";
        return 1;
    };
    return c;
}

} // namespace tb::cli
