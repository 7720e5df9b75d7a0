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
    // Adapters that leave the base computation's input alone (LoRA adds to its output) can take
    // that output computed elsewhere: FusedProjection then runs q, k and v's frozen weights as
    // one GEMM. acceptsComputedBase() says whether adaptComputedBase(x, base, layer), with base
    // equal to layer.baseForward(x), gives what adapt(x, layer) gives.
    virtual bool acceptsComputedBase() const { return false; }
    virtual torch::Tensor adaptComputedBase(const torch::Tensor& x, const torch::Tensor& base, AdaptableLinearImpl& layer) {
        return adapt(x, layer);
    }
};

} // namespace tb
