#pragma once
// Why this exists: the bookkeeping every decoder forward starts with — ids or embeddings,
// past length from the cache, position ids and the attention bias — done once, the same way.
#include "models/AdaptableLinear.h"
#include "models/CausalLM.h"
#include "models/LayerCheckpoint.h"

namespace tb {

struct DecoderInputs {
    torch::Tensor hidden;       // [B, T, H] token embeddings (or inputs_embeds)
    torch::Tensor positionIds;  // [B, T]
    torch::Tensor bias;         // [B, 1, T, S] or undefined
    int64_t batch = 0, length = 0, past = 0;
};

// `embed` turns ids into embeddings; checks shapes and the context length.
DecoderInputs prepareDecoderInputs(const ForwardInput& in, const ModelConfig& config,
                                   const std::function<torch::Tensor(const torch::Tensor&)>& embed,
                                   torch::ScalarType dtype, bool checkContext);

// Keeps the last n positions of h (n <= 0: all).
torch::Tensor keepLast(const torch::Tensor& h, int64_t n);

// Decoder layer `index`: fn(h), or through checkpointLayer when in.checkpointLayers asks for it
// (grad mode on, no cache, index below in.checkpointLayerCount unless that is 0). fn is kept
// until backward: capture by value.
torch::Tensor runDecoderLayer(const ForwardInput& in, const torch::nn::Module& layer, int64_t index, LayerFn fn,
                              const torch::Tensor& h);

// The end of every decoder forward: logits for the last in.logitsToKeep positions through
// `head` (or the tied embedding weight when head is empty), or with in.skipLogits the hidden
// states and the projection (ForwardOutput::hidden/outputWeight/outputBias).
void finishDecoderOutput(ForwardOutput& out, const ForwardInput& in, const torch::Tensor& h, AdaptableLinear head,
                         const torch::Tensor& tiedWeight);

} // namespace tb
