// `--adapter DIR` for forward/generate/eval: attaches a saved LoRA or IA3 adapter to the model's
// projections. The per-layer modules live in the AdaptableLinear slots, so nothing else needs
// to be kept. Prompt tuning changes the inputs, which a bare CausalLM cannot do: PeftModel does.
#include "peft/AdapterLoader.h"

#include "models/CausalLM.h"
#include "peft/MethodRegistry.h"
#include "peft/PeftModel.h"
#include "peft/TensorFiles.h"
#include "util/Error.h"

#include <filesystem>

namespace tb {

void applyAdapterFromDir(CausalLM& model, const std::string& dir) {
    auto cfg = peft::readAdapterConfig(dir);
    const std::string type = cfg.value("peft_type", "");
    const auto& entry = peft::findMethod(type.empty() ? "?" : type);
    if (entry.name == "prompt")
        throw UsageError(dir + " is a prompt-tuning adapter: it prepends virtual tokens, which this command "
                               "cannot do on a bare model; use `tunebench eval` (or PeftModel) for soft prompts");
    if (entry.peftType.empty()) throw Error(dir + ": peft_type " + type + " is not an adapter type");
    const auto weights = (std::filesystem::path(dir) / "adapter_model.safetensors").string();
    if (!std::filesystem::exists(weights)) throw Error(dir + " has no adapter_model.safetensors");
    peft::MethodContext ctx{model, {}, nullptr, false};
    cfg["method"] = entry.name;
    auto adapter = entry.inject(cfg, ctx);
    adapter->loadPeftState(peft::loadTensors(weights));
    adapter->attach(model);
}

} // namespace tb
