// Linked into every test executable that runs LibTorch (tests/CMakeLists.txt): before main(),
// the test process takes the CPU settings tunebench gives itself (util/ProcessTuning.h: the
// OpenBLAS kernels for this CPU, short OpenMP/OpenBLAS spinning, denormals flushed), so the
// tests exercise the same kernels a user's run does, and the tunebench processes they start
// inherit exactly those settings. Re-executes the test once when something had to be set.
#include "util/ProcessTuning.h"

#include <string>
#include <vector>

namespace {

struct TuneBeforeMain {
    TuneBeforeMain() {
        // main()'s argv is not available yet; /proc/self/cmdline holds the same arguments.
        auto args = tb::ownCommandLine();
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        tb::tuneProcessEnvironment(args.empty() ? nullptr : argv.data());
    }
};

const TuneBeforeMain tuneBeforeMain;

} // namespace
