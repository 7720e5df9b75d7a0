// `tunebench export --run RUN (--adapter OUT | --merged OUT)`: a trained run's adapter as a
// PEFT folder, or the base model with the adapter merged in as a normal Hugging Face folder.
#include "cli/CmdExportRun.h"

#include "models/ModelLoader.h"
#include "peft/PeftModel.h"
#include "util/Error.h"
#include "workspace/RunRepository.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace tb::cli {

int exportRun(const Args& args, const Context& ctx) {
    auto ws = Workspace::open(ctx.workspacePath.empty() ? Workspace::defaultPath() : QString::fromStdString(ctx.workspacePath));
    RunRepository repo(ws);
    const qint64 id = args.integer("run", 0);
    auto run = repo.find(id);
    if (!run) throw UsageError("no run " + std::to_string(id) + " in the workspace (see `tunebench workspace`)");
    const bool toAdapter = args.has("adapter"), toMerged = args.has("merged");
    if (toAdapter == toMerged) throw UsageError("tunebench export --run: give exactly one of --adapter OUT or --merged OUT");
    const std::string src = run->adapterPath.toStdString();
    if (src.empty() || !fs::exists(src))
        throw UsageError("run " + std::to_string(id) + " has no saved adapter yet (status " + run->status.toStdString() +
                         "); finish or resume it first");
    const bool isAdapter = fs::exists(fs::path(src) / "adapter_config.json");
    const std::string out = toAdapter ? args.str("adapter") : args.str("merged");
    fs::create_directories(out);
    nlohmann::json result = {{"run_id", id}, {"path", fs::absolute(out).string()}};
    if (toAdapter) {
        if (!isAdapter)
            throw UsageError("run " + std::to_string(id) + " trained the model's own weights (" + run->method.toStdString() +
                             "); there is no adapter: use --merged OUT");
        for (const char* f : {"adapter_config.json", "adapter_model.safetensors"})
            fs::copy_file(fs::path(src) / f, fs::path(out) / f, fs::copy_options::overwrite_existing);
        result["kind"] = "adapter";
    } else if (!isAdapter) {
        for (const auto& e : fs::directory_iterator(src))
            if (e.is_regular_file()) fs::copy_file(e.path(), fs::path(out) / e.path().filename(), fs::copy_options::overwrite_existing);
        result["kind"] = "model";
    } else {
        const std::string modelDir = run->modelPath.toStdString();
        peft::PeftModel pm(loadCausalLM(modelDir, LoadOptions{"cpu", "fp32"}), modelDir);
        pm.loadAdapter(src);
        pm.exportMerged(out);
        result["kind"] = "merged";
    }
    printJsonLine(result.dump());
    return 0;
}

} // namespace tb::cli
