#include "models/DecoderInputs.h"

#include "models/ModelOps.h"
#include "util/Error.h"

namespace tb {

DecoderInputs prepareDecoderInputs(const ForwardInput& in, const ModelConfig& config,
                                   const std::function<torch::Tensor(const torch::Tensor&)>& embed,
                                   torch::ScalarType dtype, bool checkContext) {
    DecoderInputs d;
    if (in.inputIds.defined() == in.inputsEmbeds.defined())
        throw Error("forward: give exactly one of input ids and inputs_embeds");
    if (in.inputIds.defined()) {
        if (in.inputIds.dim() != 2) throw Error("forward: input ids must be [batch, length]");
        d.hidden = embed(in.inputIds);
    } else {
        if (in.inputsEmbeds.dim() != 3 || in.inputsEmbeds.size(2) != config.hiddenSize)
            throw Error("forward: inputs_embeds must be [batch, length, " + std::to_string(config.hiddenSize) + "]");
        d.hidden = in.inputsEmbeds.to(dtype);
    }
    d.batch = d.hidden.size(0);
    d.length = d.hidden.size(1);
    d.past = in.cache ? in.cache->length() : 0;
    if (in.cache && in.cache->batch() != d.batch)
        throw Error("forward: KV cache holds " + std::to_string(in.cache->batch()) + " sequences, input has " +
                    std::to_string(d.batch));
    if (checkContext && d.past + d.length > config.maxPositions)
        throw Error("the input is " + std::to_string(d.past + d.length) + " tokens long but the model's context is " +
                    std::to_string(config.maxPositions) + " positions; shorten the prompt (or lower max new tokens)");
    const auto device = d.hidden.device();
    d.positionIds = in.positionIds.defined() ? in.positionIds.to(device)
                                             : ops::positionIds(in.attentionMask, d.batch, d.length, d.past, device);
    d.bias = ops::attentionBias(in.attentionMask, d.batch, d.length, d.past, dtype, device, config.slidingWindow);
    return d;
}

torch::Tensor keepLast(const torch::Tensor& h, int64_t n) {
    if (n <= 0 || n >= h.size(1)) return h;
    return h.narrow(1, h.size(1) - n, n);
}

torch::Tensor runDecoderLayer(const ForwardInput& in, const torch::nn::Module& layer, int64_t index, LayerFn fn,
                              const torch::Tensor& h) {
    const bool selected = in.checkpointLayerCount <= 0 || index < in.checkpointLayerCount;
    if (in.checkpointLayers && selected && !in.cache && torch::GradMode::is_enabled()) {
        auto params = trainableParameters(layer);
        if (h.requires_grad() || !params.empty()) return checkpointLayer(std::move(fn), h, params);
    }
    return fn(h);
}

void finishDecoderOutput(ForwardOutput& out, const ForwardInput& in, const torch::Tensor& h, AdaptableLinear head,
                         const torch::Tensor& tiedWeight) {
    auto last = keepLast(h, in.logitsToKeep);
    if (in.skipLogits && (head.is_empty() || !head->hasActiveAdapter())) {
        out.hidden = last;
        out.outputWeight = head.is_empty() ? tiedWeight : head->weightOutIn();
        if (!head.is_empty()) out.outputBias = head->bias;
        return;
    }
    out.logits = head.is_empty() ? torch::nn::functional::linear(last, tiedWeight) : head->forward(last);
}

} // namespace tb
