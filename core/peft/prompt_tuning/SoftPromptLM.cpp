#include "peft/prompt_tuning/SoftPromptLM.h"

#include "util/Error.h"

namespace tb::peft {
namespace {

ModelConfig shortenedContext(const ModelConfig& base, int64_t virtualTokens) {
    ModelConfig c = base;
    if (c.maxPositions > 0) c.maxPositions = std::max<int64_t>(c.maxPositions - virtualTokens, 0);
    return c;
}

} // namespace

int64_t prependVirtualTokens(CausalLM& base, const torch::Tensor& prompts, ForwardInput& in) {
    if (prompts.dim() != 2 || prompts.size(1) != base.config().hiddenSize)
        throw Error("prompt tuning: virtual tokens must be [n, " + std::to_string(base.config().hiddenSize) + "]");
    if (in.inputIds.defined() == in.inputsEmbeds.defined())
        throw Error("forward: give exactly one of input ids and inputs_embeds");
    const int64_t n = prompts.size(0);
    const int64_t past = in.cache ? in.cache->length() : 0;
    const bool prepend = past == 0;
    const torch::Tensor given = in.inputIds.defined() ? in.inputIds : in.inputsEmbeds;   // a handle: `in` changes below
    const int64_t batch = given.size(0);
    if (prepend) {
        auto embeds = in.inputsEmbeds.defined() ? in.inputsEmbeds : base.embed(in.inputIds);
        auto virt = prompts.to(embeds.device(), embeds.scalar_type()).unsqueeze(0).expand({batch, n, embeds.size(2)});
        in.inputsEmbeds = torch::cat({virt, embeds}, 1);
        in.inputIds = torch::Tensor();
    }
    if (in.attentionMask.defined())
        in.attentionMask = torch::cat({torch::ones({batch, n}, in.attentionMask.options()), in.attentionMask}, 1);
    in.positionIds = torch::Tensor();
    return prepend ? n : 0;
}

SoftPromptLM::SoftPromptLM(std::shared_ptr<CausalLM> base, const torch::Tensor& virtualTokens)
    : CausalLM(shortenedContext(base->config(), virtualTokens.dim() == 2 ? virtualTokens.size(0) : 0)),
      base_(std::move(base)) {
    if (virtualTokens.dim() != 2 || virtualTokens.size(1) != base_->config().hiddenSize)
        throw Error("prompt tuning: virtual tokens must be [n, " + std::to_string(base_->config().hiddenSize) +
                    "] for this model");
    if (base_->config().isEncoderDecoder)
        throw Error("SoftPromptLM is for decoder-only models; encoder-decoder models take soft prompts in the encoder");
    register_module("base", base_);
    prompts_ = register_buffer("prompt_embeddings", virtualTokens.detach().to(base_->device()));
}

std::unique_ptr<KVCache> SoftPromptLM::makeCache(int64_t batch, int64_t capacity) const {
    return base_->makeCache(batch, capacity + numVirtualTokens());
}

ForwardOutput SoftPromptLM::forward(const ForwardInput& input) {
    ForwardInput in = input;
    const int64_t callerLength = (input.inputIds.defined() ? input.inputIds : input.inputsEmbeds).size(1);
    const int64_t added = prependVirtualTokens(*base_, prompts_, in);
    // Logits (or the hidden states for a chunked loss) only for the caller's positions.
    if (added > 0 && (in.logitsToKeep <= 0 || in.logitsToKeep > callerLength)) in.logitsToKeep = callerLength;
    auto out = base_->forward(in);
    if (added > 0)
        for (auto& h : out.hiddenStates) h = h.narrow(1, added, h.size(1) - added);
    return out;
}

} // namespace tb::peft
