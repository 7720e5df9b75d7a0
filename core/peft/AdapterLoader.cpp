// The per-layer LoRA/IA3 modules live in the model's AdaptableLinear slots, so once attached
// nothing else needs to be kept; a prompt-tuning adapter is only its [n, hidden] embeddings,
// which SoftPromptLM keeps.
#include "peft/AdapterLoader.h"

#include "models/CausalLM.h"
#include "peft/MethodRegistry.h"
#include "peft/PeftModel.h"
#include "peft/TensorFiles.h"
#include "peft/prompt_tuning/SoftPromptLM.h"
#include "util/Error.h"

#include <filesystem>

namespace tb {

std::shared_ptr<CausalLM> withAdapterFromDir(std::shared_ptr<CausalLM> model, const std::string& dir) {
    if (!model) throw Error("no model to put the adapter on");
    auto cfg = peft::readAdapterConfig(dir);
    const std::string type = cfg.value("peft_type", "");
    const auto& entry = peft::findMethod(type.empty() ? "?" : type);
    if (entry.peftType.empty()) throw Error(dir + ": peft_type " + type + " is not an adapter type");
    const bool encoderDecoder = model->config().isEncoderDecoder;
    const std::string wantTask = encoderDecoder ? "SEQ_2_SEQ_LM" : "CAUSAL_LM";
    if (cfg.contains("task_type") && cfg["task_type"].is_string() && cfg["task_type"] != wantTask)
        throw Error(dir + ": task_type " + cfg["task_type"].get<std::string>() + " adapters do not fit this model (it needs " +
                    wantTask + ")");
    const auto weights = (std::filesystem::path(dir) / "adapter_model.safetensors").string();
    if (!std::filesystem::exists(weights)) {
        if (std::filesystem::exists(std::filesystem::path(dir) / "adapter_model.bin"))
            throw Error(dir + " holds adapter_model.bin (a pickle); only adapter_model.safetensors is loaded. "
                              "Re-save it with save_pretrained(..., safe_serialization=True)");
        throw Error(dir + " has no adapter_model.safetensors");
    }
    if (entry.name == "prompt" && encoderDecoder)
        throw UsageError(dir + " is a prompt-tuning adapter for an encoder-decoder model: its soft prompt goes in front "
                               "of the encoder input, which `tunebench generate` and `forward` do; this command runs "
                               "decoder-only models");
    peft::MethodContext ctx{*model, {}, nullptr, false};
    cfg["method"] = entry.name;
    auto adapter = entry.inject(cfg, ctx);
    adapter->loadPeftState(peft::loadTensors(weights));
    if (adapter->numVirtualTokens() > 0)
        return std::make_shared<peft::SoftPromptLM>(model, adapter->virtualTokenEmbeds().detach());
    adapter->attach(*model);
    return model;
}

} // namespace tb
