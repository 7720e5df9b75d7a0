#pragma once
// Why this exists: two places where autograd's generic backward costs more than the maths.
//  - A fused gate/up projection yields one [.., 2F] output that the MLP splits into gate and
//    up. Autograd's backward of those two slices allocates a zero-filled [.., 2F] gradient per
//    slice and adds them: three extra passes over the largest activation of the layer (the
//    fills and adds were 30 % of the operator time `bench train --profile` recorded for a LoRA
//    step on SmolLM2-135M; the profiler inflates short operators, and end to end tokens/s
//    moved within the machine's noise while peak memory fell 3,148 -> 2,930 MB).
//    gatedActivation writes both halves of the gradient straight into one buffer, and keeps
//    only the projection output for backward (not the activation's output as well).
//  - rotate_half's two slices and the partial-rotary split of gpt_neox do the same on q and k.
//    rotary() differentiates x * cos + rotate_half(x) * sin directly.
// Both compute what the plain ATen expressions compute (same operations in forward; backward
// within float rounding), and fall back to them when no gradient is needed.
#include <torch/types.h>

#include <string>

namespace tb::ops {

// act(gateUp[..., :F]) * gateUp[..., F:], F = gateUp.size(-1) / 2. act: "silu"/"swish" take
// the fused backward; any other name returns an undefined tensor (the caller splits instead).
torch::Tensor gatedActivation(const std::string& act, const torch::Tensor& gateUp);

// x * cos + rotate_half(x) * sin over the first cos.size(-1) dims of x, the rest unchanged.
torch::Tensor rotary(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin);

} // namespace tb::ops
