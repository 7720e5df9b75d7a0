// Placeholder: the training room replaces this file with `bench train`.
#include "cli/CmdBenchTrain.h"

#include <iostream>

namespace tb::cli {

std::vector<FlagSpec> benchTrainFlags() { return {}; }

int benchTrain(const Args&, const Context&) {
    std::cerr << "tunebench bench train: not available in this build yet\n";
    return 1;
}

} // namespace tb::cli
