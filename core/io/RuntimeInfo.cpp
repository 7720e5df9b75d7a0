#include "io/RuntimeInfo.h"

#include "util/ProcessTuning.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <dlfcn.h>
#include <fstream>
#include <sstream>
#include <thread>
#include <cstdlib>
#include <climits>

namespace tb {
namespace {

std::string loadedBlasPath() {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        auto slash = line.find('/');
        if (slash == std::string::npos) continue;
        std::string path = line.substr(slash);
        if (path.find("libblas") != std::string::npos || path.find("libopenblas") != std::string::npos) {
            char buf[PATH_MAX];
            if (realpath(path.c_str(), buf)) return buf;
            return path;
        }
    }
    return {};
}

using IntFn = int (*)();
using CharFn = char* (*)();
using SetFn = void (*)(int);

} // namespace

RuntimeInfo runtimeInfo() {
    RuntimeInfo info;
    info.torchVersion = TORCH_VERSION;
    info.torchThreads = at::get_num_threads();
    info.blasLibrary = loadedBlasPath();
    auto getThreads = reinterpret_cast<IntFn>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    auto getConfig = reinterpret_cast<CharFn>(dlsym(RTLD_DEFAULT, "openblas_get_config"));
    if (getThreads) {
        info.blasThreads = getThreads();
        const std::string config = getConfig ? getConfig() : "";
        info.blasName = config.rfind("OpenBLAS", 0) == 0 ? config : "OpenBLAS " + config;
        const std::string core = blasCoreName();
        if (!core.empty()) info.blasName += " (kernels: " + core + ")";
    } else if (info.blasLibrary.empty() && at::hasMKL()) {
        info.blasThreads = -1;   // PyTorch's wheels link MKL statically; it follows torch's threads
        info.blasName = "MKL, linked into LibTorch";
    } else {
        info.blasThreads = -1;
        info.blasName = info.blasLibrary.find("openblas") != std::string::npos ? "OpenBLAS" : "reference BLAS (slow: install libopenblas0-pthread)";
    }
    info.cudaAvailable = torch::cuda::is_available();
    info.cudaDeviceCount = info.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
    return info;
}

int configureCpuThreads(int threads) {
    if (threads <= 0) {
        if (const char* env = std::getenv("TUNEBENCH_THREADS")) threads = std::atoi(env);
    }
    if (threads <= 0) threads = static_cast<int>(std::thread::hardware_concurrency());
    if (threads <= 0) threads = 1;
    at::set_num_threads(threads);
    // Torch calls BLAS from one thread for a GEMM; OpenBLAS then parallelises it itself.
    // Keep OpenBLAS at the same count unless the user pinned it.
    if (!std::getenv("OPENBLAS_NUM_THREADS")) {
        if (auto setThreads = reinterpret_cast<SetFn>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
            setThreads(threads);
    }
    return threads;
}

} // namespace tb
