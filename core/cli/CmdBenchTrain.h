#pragma once
// `tunebench bench train ...`: implemented by the training room (CmdBenchTrain.cpp);
// CmdBench.cpp dispatches `bench train` to benchTrain() and accepts the flags that
// benchTrainFlags() lists (in addition to its own).
#include "cli/Command.h"

#include <vector>

namespace tb::cli {
std::vector<FlagSpec> benchTrainFlags();
int benchTrain(const Args& args, const Context& ctx);
}
