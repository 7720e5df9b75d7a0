// Linked into every test executable that runs LibTorch (tests/CMakeLists.txt): before main(),
// the test process takes the CPU settings tunebench gives itself (util/ProcessTuning.h: the
// OpenBLAS kernels for this CPU, short OpenMP/OpenBLAS spinning, denormals flushed), so the
// tests exercise the same kernels a user's run does, and the tunebench processes they start
// inherit exactly those settings. Re-executes the test once when something had to be set.
#include "util/ProcessTuning.h"

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

struct TuneBeforeMain {
    TuneBeforeMain() {
        // main()'s argv is not available yet; /proc/self/cmdline holds the same arguments.
        std::ifstream in("/proc/self/cmdline", std::ios::binary);
        const std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::vector<std::string> args;
        std::string item;
        for (char c : all) {
            if (c == '\0') {
                args.push_back(item);
                item.clear();
            } else {
                item += c;
            }
        }
        if (!item.empty()) args.push_back(item);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        tb::tuneProcessEnvironment(args.empty() ? nullptr : argv.data());
    }
};

const TuneBeforeMain tuneBeforeMain;

} // namespace
