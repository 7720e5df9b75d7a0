#pragma once
// Why this exists: prompt tuning as PEFT 0.10.0 defines it: `num_virtual_tokens` learned
// embeddings prepended to the input embeddings (the model stays frozen), initialised randomly
// (N(0, 1), nn.Embedding's default) or from the embeddings of a text's tokens (repeated or cut
// to length), saved as `prompt_embeddings` [n, hidden].
#include "peft/Adapter.h"

#include <vector>

namespace tb::peft {

struct PromptTuningConfig {
    int64_t numVirtualTokens = 20;
    bool fromText = false;          // prompt_tuning_init: "RANDOM" or "TEXT"
    std::string initText;
    std::string tokenizerPath;      // tokenizer_name_or_path written to adapter_config.json
    static PromptTuningConfig fromJson(const nlohmann::json& j);
    nlohmann::json toJson() const;
};

class PromptTuningAdapter : public Adapter {
public:
    // initTokenIds: the tokenizer's ids for initText (with special tokens, as PEFT tokenizes it);
    // required when config.fromText.
    PromptTuningAdapter(CausalLM& model, PromptTuningConfig config, const std::vector<int64_t>& initTokenIds = {});

    std::string method() const override { return "prompt"; }
    nlohmann::json configJson() const override;
    nlohmann::json peftConfigJson() const override;
    NamedTensors trainable() override { return {{"prompt_embeddings", embeddings_}}; }
    NamedTensors peftState() override { return {{"prompt_embeddings", embeddings_}}; }
    void loadPeftState(const std::map<std::string, torch::Tensor>& tensors) override;

    int64_t numVirtualTokens() const override { return enabled_ ? config_.numVirtualTokens : 0; }
    torch::Tensor virtualTokenEmbeds() override { return embeddings_.narrow(0, 0, config_.numVirtualTokens); }

private:
    PromptTuningConfig config_;
    torch::Tensor embeddings_;
    int64_t hidden_ = 0, heads_ = 0, layers_ = 0, submodules_ = 1;
};

} // namespace tb::peft
