#pragma once
// Why this exists: --version, the About dialog and `bench` report what the numbers ran on
// (LibTorch, the BLAS actually loaded and its threads, CUDA), and every entry point sets
// CPU threads once, deliberately, so OpenBLAS and Torch's OpenMP do not oversubscribe.
#include <string>

namespace tb {

struct RuntimeInfo {
    std::string torchVersion;
    std::string blasLibrary;   // resolved path of the BLAS shared object in this process
    std::string blasName;      // "OpenBLAS 0.3.21 ..." or "reference BLAS"
    int blasThreads = 0;       // -1 when the BLAS cannot tell
    int torchThreads = 0;
    bool cudaAvailable = false;
    int cudaDeviceCount = 0;
};

RuntimeInfo runtimeInfo();

// Sets Torch's intra-op threads to `threads` (0: the number of cores, or TUNEBENCH_THREADS)
// and OpenBLAS to 1 thread inside Torch's parallel regions unless OPENBLAS_NUM_THREADS is set.
// Returns the thread count used.
int configureCpuThreads(int threads = 0);

} // namespace tb
