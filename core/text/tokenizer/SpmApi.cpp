#include "text/tokenizer/SpmApi.h"

#include "util/Error.h"

#include <dlfcn.h>
#include <limits.h>
#include <unistd.h>

#include <mutex>

namespace tb::tok {
namespace {

std::string exeDir() {
    char buf[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return {};
    std::string p(buf, static_cast<size_t>(n));
    return p.substr(0, p.rfind('/'));
}

const SpmApi* loadApi(std::string* tried) {
    std::vector<std::string> candidates;
    if (const char* env = std::getenv("TUNEBENCH_SPM_PLUGIN")) candidates.push_back(env);
    const std::string dir = exeDir();
    if (!dir.empty()) {
        candidates.push_back(dir + "/libtunebench_spm.so");
        candidates.push_back(dir + "/../lib/libtunebench_spm.so");
        candidates.push_back(dir + "/../lib/tunebench/libtunebench_spm.so");
    }
#ifdef TB_SPM_PLUGIN_PATH
    candidates.push_back(TB_SPM_PLUGIN_PATH);
#endif
    for (const auto& c : candidates) {
        tried->append(tried->empty() ? "" : ", ").append(c);
        // RTLD_DEEPBIND: the plugin and its sentencepiece bind to their own protobuf-lite
        // symbols, not to the libprotobuf LibTorch brought into the process.
        void* h = dlopen(c.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
        if (!h) continue;
        using Fn = const SpmApi* (*)();
        if (auto fn = reinterpret_cast<Fn>(dlsym(h, "tunebench_spm_api"))) return fn();
    }
    return nullptr;
}

} // namespace

const SpmApi& spmApi() {
    static std::once_flag once;
    static const SpmApi* api = nullptr;
    static std::string tried;
    std::call_once(once, [] { api = loadApi(&tried); });
    if (!api)
        throw Error("cannot load the sentencepiece plugin libtunebench_spm.so (looked in: " + tried +
                    "). Reinstall Tunebench, or use the model's tokenizer.json instead of tokenizer.model.");
    return *api;
}

} // namespace tb::tok
