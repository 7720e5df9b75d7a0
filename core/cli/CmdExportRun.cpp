// Placeholder until the training room lands.
#include "cli/CmdExportRun.h"

#include <iostream>

namespace tb::cli {
int exportRun(const Args&, const Context&) {
    std::cerr << "tunebench export --run: not available in this build yet\n";
    return 1;
}
}
