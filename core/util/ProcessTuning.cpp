#include "util/ProcessTuning.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
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

namespace {
const char* const kSpinFp32 = "1000";
const char* const kSpinBf16 = "30000";

// Whether the command line asks for bf16: `--precision bf16` (or `=bf16`), or, without a
// --precision flag (flags override the file), `--config RUN.json` whose "precision" is "bf16".
bool asksForBf16(char** argv) {
    if (!argv) return false;
    std::string precision, config;
    for (int i = 1; argv[i]; ++i) {
        const std::string a = argv[i];
        const bool hasNext = argv[i + 1] != nullptr;
        if (a == "--precision" && hasNext) precision = argv[i + 1];
        else if (a.rfind("--precision=", 0) == 0) precision = a.substr(12);
        else if (a == "--config" && hasNext) config = argv[i + 1];
        else if (a.rfind("--config=", 0) == 0) config = a.substr(9);
    }
    if (!precision.empty() || config.empty()) return precision == "bf16";
    std::ifstream in(config);
    std::string text, line;
    while (text.size() < (1u << 20) && std::getline(in, line)) text += line;
    text.erase(std::remove_if(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); }), text.end());
    return text.find("\"precision\":\"bf16\"") != std::string::npos;
}
} // namespace

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
    // bf16 training (asked for on the command line, asksForBf16) runs its GEMMs in oneDNN on
    // OpenMP's threads, not OpenBLAS': there idle threads that spin a little longer between
    // parallel regions pay (30000: LoRA bench 569-573 tokens/s against 464-478 at 1000), while
    // fp32 work needs the cores free for OpenBLAS' threads soon (30000 cost batch-8 generation
    // 8 %; fp32 training unchanged).
    if (!std::getenv("OMP_WAIT_POLICY")) setDefault("GOMP_SPINCOUNT", asksForBf16(argv) ? kSpinBf16 : kSpinFp32);
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

std::vector<std::string> ownCommandLine() {
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
    return args;
}

void retuneForBf16() {
    const auto tuned = tunedVariables();
    if (std::find(tuned.begin(), tuned.end(), "GOMP_SPINCOUNT") == tuned.end()) return;   // the user's own, or no tuning
    const char* now = std::getenv("GOMP_SPINCOUNT");
    if (!now || std::string(now) == kSpinBf16) return;
    auto args = ownCommandLine();
    if (args.empty()) return;
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::setenv("GOMP_SPINCOUNT", kSpinBf16, 1);
    ::execv("/proc/self/exe", argv.data());
    ::setenv("GOMP_SPINCOUNT", now, 1);   // execv failed: carry on as started (the variable as libgomp read it)
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
