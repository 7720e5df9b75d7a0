// The per-layer LoRA/IA3 modules live in the model's AdaptableLinear slots, so once attached
// nothing else needs to be kept; a prompt-tuning adapter is only its [n, hidden] embeddings,
// which SoftPromptLM keeps.
#include "peft/AdapterLoader.h"

#include "models/CausalLM.h"
#include "peft/PeftModel.h"
#include "peft/prompt_tuning/SoftPromptLM.h"
#include "util/Error.h"

namespace tb {

std::shared_ptr<CausalLM> withAdapterFromDir(std::shared_ptr<CausalLM> model, const std::string& dir) {
    if (!model) throw Error("no model to put the adapter on");
    auto adapter = peft::readAdapterFolder(*model, dir);
    if (adapter->numVirtualTokens() == 0) {
        adapter->attach(*model);
        return model;
    }
    if (model->config().isEncoderDecoder)
        throw UsageError(dir + " is a prompt-tuning adapter for an encoder-decoder model: its soft prompt goes in front "
                               "of the encoder input, which `tunebench generate` and `forward` do; this command runs "
                               "decoder-only models");
    return std::make_shared<peft::SoftPromptLM>(model, adapter->virtualTokenEmbeds().detach());
}

} // namespace tb
