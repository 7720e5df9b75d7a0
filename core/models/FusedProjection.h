#pragma once
// Why this exists: q/k/v (and gate/up) must stay separate modules for PEFT names and
// checkpoints, but at inference one GEMM over their concatenated weights is faster (one pass
// over the input, one kernel launch). bind() moves the parts' weights into one buffer and
// makes each part's parameter a view of it, so in-place updates (loading, optimiser steps,
// LoRA merges) keep both in step without copies. The fused path is used only when it is
// exact: no gradient needed for the frozen weights, the parts still alias the buffer, and no
// active adapter, or (forward() only) adapters that add to the base output (LoRA; see
// LinearAdapter::acceptsComputedBase): with LoRA on q and v, q, k and v's frozen weights run as
// one GEMM forward and one backward instead of three each, and their input gradients arrive
// as one tensor instead of three summed.
#include "models/AdaptableLinear.h"

#include <vector>

namespace tb {

class FusedProjection {
public:
    FusedProjection() = default;
    explicit FusedProjection(std::vector<AdaptableLinear> parts) : parts_(std::move(parts)) {}
    // Call after the module reached its final device/dtype (Module::to replaces storage).
    void bind();
    // Outputs of every part, in order.
    std::vector<torch::Tensor> forward(const torch::Tensor& x);
    // The parts' outputs side by side ([.., sum of out features]) from one GEMM, or an
    // undefined tensor when the fused path is not exact here (then use forward()).
    torch::Tensor joined(const torch::Tensor& x);
    // joined()'s result cut into the parts' outputs (views; their gradients are put together in
    // one pass).
    std::vector<torch::Tensor> split(const torch::Tensor& y) const;

private:
    bool usable(bool adaptersOnTop) const;
    std::vector<AdaptableLinear> parts_;
    torch::Tensor weight_, bias_;
    std::vector<int64_t> sizes_;
};

} // namespace tb
