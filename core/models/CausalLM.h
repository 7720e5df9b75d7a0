#pragma once
// Why this exists: the one interface the trainer, PEFT, evaluation and generation use for every
// decoder-only architecture. Modules and parameters are registered under Hugging Face names
// (`model.layers.0.self_attn.q_proj`, `transformer.h.0.attn.c_attn`,
// `gpt_neox.layers.0.attention.query_key_value`), so named_parameters() matches the
// safetensors keys name for name and PEFT target patterns match named_modules().
//
// Usage:
//   1. auto lm = tb::loadCausalLM(dir, {"auto", "fp32"});           (models/ModelLoader.h)
//   2. tb::ForwardInput in; in.inputIds = ids;  (or in.inputsEmbeds = lm->embed(ids) ...)
//   3. auto out = lm->forward(in); out.logits is [B, T, vocab]
#include "models/KVCache.h"
#include "models/ModelConfig.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace tb {

struct ForwardInput {
    torch::Tensor inputIds;       // [B, T] int64, or undefined when inputsEmbeds is given
    torch::Tensor inputsEmbeds;   // [B, T, hidden] (prompt tuning prepends virtual tokens here)
    // [B, past + T] of 0/1 (left padding allowed); undefined = attend to everything.
    torch::Tensor attentionMask;
    // [B, T] int64; undefined = as transformers derives them: from the mask
    // (cumsum(mask) - 1, masked positions set to 1) or past .. past + T - 1 without one.
    torch::Tensor positionIds;
    KVCache* cache = nullptr;     // when set: reads past keys/values, appends, advances length
    bool outputHiddenStates = false;
    // 0: logits for every position; n > 0: only for the last n positions (saves the vocab
    // projection on long prompts during generation).
    int64_t logitsToKeep = 0;
    // Training: return the final (normed) hidden states and the output projection instead of
    // logits, so the loss can be computed in chunks without the [B, T, vocab] matrix
    // (training/CausalLmLoss.h). Ignored (logits are computed) when the output projection
    // carries an adapter.
    bool skipLogits = false;
    // Training: recompute each decoder layer in backward instead of keeping its activations
    // (gradient checkpointing, models/LayerCheckpoint.h). Only with grad mode on and no cache.
    bool checkpointLayers = false;
    // With checkpointLayers: only the first N decoder layers (0: all). Each checkpointed layer
    // saves its activations (about 21 MB for SmolLM2-135M at 4 x 256 tokens) for one more forward.
    int64_t checkpointLayerCount = 0;
};

struct ForwardOutput {
    torch::Tensor logits;                     // [B, T or logitsToKeep, vocab], fp32 as computed
    std::vector<torch::Tensor> hiddenStates;  // embeddings + after each layer (last one normed), as HF
    // With skipLogits: the final hidden states [B, T, hidden] and the output projection
    // (weight [vocab, hidden], bias [vocab] or undefined); logits stay undefined.
    torch::Tensor hidden, outputWeight, outputBias;
};

class CausalLM : public torch::nn::Module {
public:
    explicit CausalLM(ModelConfig config) : config_(std::move(config)) {}
    ~CausalLM() override = default;

    virtual ForwardOutput forward(const ForwardInput& input) = 0;

    // The token-embedding module and its Hugging Face name ("model.embed_tokens",
    // "transformer.wte", "gpt_neox.embed_in").
    virtual torch::nn::Embedding tokenEmbedding() = 0;
    virtual std::string tokenEmbeddingName() const = 0;
    torch::Tensor embed(const torch::Tensor& ids) { return tokenEmbedding()->forward(ids); }

    // A cache for `batch` sequences of up to `capacity` positions, on the model's device/dtype.
    virtual std::unique_ptr<KVCache> makeCache(int64_t batch, int64_t capacity) const;

    const ModelConfig& config() const { return config_; }
    torch::Device device() const;
    torch::ScalarType dtype() const;
    int64_t contextLength() const { return config_.maxPositions; }

    // Sum of parameter element counts (tied weights once).
    int64_t parameterCount() const;

    // Re-links fused inference buffers (q/k/v, gate/up) to the parameters. The loader calls it;
    // call it again after moving the module with to() (otherwise the unfused path is used,
    // which is equally exact, only slower).
    virtual void bindFusedProjections() {}

protected:
    ModelConfig config_;
};

} // namespace tb
