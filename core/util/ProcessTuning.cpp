#include "util/ProcessTuning.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <dlfcn.h>
#include <unistd.h>
#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>
#endif

namespace tb {
namespace {
using CharFn = char* (*)();

} // namespace

std::string blasCoreName() {
    auto fn = reinterpret_cast<CharFn>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    if (!fn) return {};
    const char* name = fn();
    return name ? std::string(name) : std::string();
}

std::string preferredBlasCore(const std::string& detectedCore) {
    std::string core = detectedCore;
    std::transform(core.begin(), core.end(), core.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // The generic fallbacks OpenBLAS' dynamic-arch detection uses for CPUs it does not know.
    const bool generic = core == "prescott" || core == "core2" || core == "nehalem" || core == "katmai" ||
                         core == "unknown" || core == "atom" || core == "penryn" || core == "dunnington";
    if (!generic) return {};
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("avx512vl"))
        return "SkylakeX";
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return "Haswell";
    if (__builtin_cpu_supports("avx")) return "SandyBridge";
#endif
    return {};
}

bool cpuHasNativeBf16() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512bf16") || cpuHasAmxBf16();
#else
    return false;
#endif
}

bool cpuHasAmxBf16() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("amx-tile") && __builtin_cpu_supports("amx-bf16");
#else
    return false;
#endif
}

namespace {
constexpr unsigned kFtzDaz = 0x8040;   // MXCSR bit 15 (flush to zero) and bit 6 (denormals are zero)
}

void flushDenormals() {
#if defined(__x86_64__) || defined(__i386__)
    _mm_setcsr(_mm_getcsr() | kFtzDaz);
    // OpenBLAS started its threads when it loaded; the next GEMM starts them again from here.
    using ShutdownFn = int (*)();
    if (auto shutdown = reinterpret_cast<ShutdownFn>(dlsym(RTLD_DEFAULT, "blas_thread_shutdown_"))) shutdown();
#endif
}

bool denormalsFlushed() {
#if defined(__x86_64__) || defined(__i386__)
    return (_mm_getcsr() & kFtzDaz) == kFtzDaz;
#else
    return false;
#endif
}

void tuneProcessEnvironment(char** argv) {
    if (std::getenv("TUNEBENCH_NO_ENV_TUNING")) return;
    if (std::getenv("TUNEBENCH_ENV_TUNED")) {
        flushDenormals();
        return;
    }
    std::string set;
    auto setDefault = [&set](const char* name, const std::string& value) {
        if (std::getenv(name) || value.empty() || ::setenv(name, value.c_str(), 0) != 0) return;
        set += (set.empty() ? "" : ",") + std::string(name);
    };
    if (!std::getenv("OPENBLAS_CORETYPE")) setDefault("OPENBLAS_CORETYPE", preferredBlasCore(blasCoreName()));
    if (!std::getenv("OMP_WAIT_POLICY")) setDefault("GOMP_SPINCOUNT", "1000");
    // 2^20 TSC cycles (well under a millisecond) of yielding before OpenBLAS' idle threads
    // sleep, instead of 2^28 (~0.1 s): see the header.
    if (blasCoreName().size()) setDefault("OPENBLAS_THREAD_TIMEOUT", "20");
    if (set.empty() || !argv || !argv[0]) {
        flushDenormals();
        return;
    }
    ::setenv("TUNEBENCH_ENV_TUNED", set.c_str(), 1);
    ::execv("/proc/self/exe", argv);
    // execv failed (no /proc?): carry on with the libraries as they loaded.
    flushDenormals();
}

std::vector<std::string> tunedVariables() {
    std::vector<std::string> out;
    const char* v = std::getenv("TUNEBENCH_ENV_TUNED");
    if (!v) return out;
    std::string s = v, item;
    for (char c : s + ",") {
        if (c == ',') {
            if (!item.empty()) out.push_back(item);
            item.clear();
        } else {
            item += c;
        }
    }
    return out;
}

} // namespace tb
