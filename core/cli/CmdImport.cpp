// Placeholder until this area lands: the command is listed and says it is not available yet.
#include "cli/Command.h"

#include <iostream>

namespace tb::cli {

Command makeImportCommand() {
    Command c;
    c.name = "import";
    c.summary = "import a CSV/TSV/JSON/JSONL file as a dataset";
    c.usage = "";
    c.run = [](const Args&, const Context&) {
        std::cerr << "tunebench import: not available in this build yet\n";
        return 1;
    };
    return c;
}

} // namespace tb::cli
