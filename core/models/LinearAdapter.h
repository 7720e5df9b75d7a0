#pragma once
// Why this exists: the PEFT room's hook into every projection. An adapter sits in the slot of
// an AdaptableLinear and *wraps* the base computation: it receives the input and the layer,
// and decides how to combine them, so LoRA (base(x) + B(A(drop(x))) * s), IA3 (base(x) * l,
// or base(x * l) for feed-forward down projections) and anything else that fits that shape
// need no surgery on the model. Merge/unmerge modify layer.weight in place (under
// torch::NoGradGuard); AdaptableLinearImpl::weightOutIn() gives the [out, in] view for both
// layouts.
#include <torch/torch.h>

namespace tb {

class AdaptableLinearImpl;

class LinearAdapter : public torch::nn::Module {
public:
    ~LinearAdapter() override = default;
    // The adapted output. Call layer.baseForward(x) (or with a modified input) for the frozen
    // computation; never call layer.forward(x) from here (it would recurse).
    virtual torch::Tensor adapt(const torch::Tensor& x, AdaptableLinearImpl& layer) = 0;
};

} // namespace tb
