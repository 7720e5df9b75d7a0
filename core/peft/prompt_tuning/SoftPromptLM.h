#pragma once
// Why this exists: a trained prompt-tuning adapter must be usable wherever a model is (generate,
// forward, evaluation, the playground), not only inside the trainer. SoftPromptLM is the base
// model as PEFT's PeftModelForCausalLM runs it for inference:
//   - the learned virtual-token embeddings go in front of the first forward's input embeddings
//     (with a KV cache they then stay in the cache, so later steps pass only the new token);
//   - the attention mask gets n leading ones;
//   - positions follow the mask, so virtual tokens take 0 .. n-1 and a prompt's tokens continue
//     from n, as they did in training. Without left padding this is exactly what PEFT computes.
//     With left padding PEFT differs: its prepare_inputs_for_generation drops the mask-derived
//     position ids transformers makes, so padding tokens take positions too and a prompt's
//     completion depends on what else is in its batch. We keep each prompt's positions as in
//     training (batched and one-by-one generation agree); see tests/peft/test_peft_live.cpp.
// Unlike PeftModel::forward, outputs cover only the caller's tokens (the virtual positions are
// not returned), so anything that lines logits up with input ids — generation, loss,
// perplexity — works on it unchanged. The context it reports is the base's minus n.
//
// Usage:
//   auto lm = std::make_shared<peft::SoftPromptLM>(base, adapter.virtualTokenEmbeds().detach());
//   generate(*lm, prompts, options);     or withAdapterFromDir(base, dir)  (peft/AdapterLoader.h)
#include "models/CausalLM.h"

#include <memory>

namespace tb::peft {

class SoftPromptLM : public CausalLM {
public:
    // virtualTokens: [n, hidden] (moved to the base's device; cast to the input dtype per call).
    SoftPromptLM(std::shared_ptr<CausalLM> base, const torch::Tensor& virtualTokens);

    ForwardOutput forward(const ForwardInput& input) override;
    torch::nn::Embedding tokenEmbedding() override { return base_->tokenEmbedding(); }
    std::string tokenEmbeddingName() const override { return base_->tokenEmbeddingName(); }
    // Room for the virtual tokens as well as `capacity` positions of the caller's.
    std::unique_ptr<KVCache> makeCache(int64_t batch, int64_t capacity) const override;
    void bindFusedProjections() override { base_->bindFusedProjections(); }

    int64_t numVirtualTokens() const { return prompts_.size(0); }
    CausalLM& base() { return *base_; }

private:
    std::shared_ptr<CausalLM> base_;
    torch::Tensor prompts_;
};

// What PEFT hands the base model for prompt tuning, done to `in` in place: without a cache or
// with an empty one, `prompts` ([n, hidden]) is prepended to the input embeddings; the mask
// (when given) gets n leading ones; given position ids are dropped (as PEFT does), so the base
// derives them from the mask. Returns the number of positions prepended (0 when the cache
// already holds the virtual tokens).
int64_t prependVirtualTokens(CausalLM& base, const torch::Tensor& prompts, ForwardInput& in);

} // namespace tb::peft
