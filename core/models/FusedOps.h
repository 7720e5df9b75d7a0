#pragma once
// Why this exists: places where autograd's generic backward, or ATen's composition of small
// operations, costs more than the maths.
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
//  - Attention: autograd keeps the [B, H, T, S] softmax output of every layer for backward, the
//    largest activation at longer sequences (SmolLM2-135M, batch 4: 9 MB a layer at 256
//    tokens, 151 MB at 1024, against 2.4 MB for q). recomputedAttention keeps q, k and v and
//    recomputes the probabilities in backward (one extra q k^T product), a block of query rows
//    at a time, so neither pass holds more than one block's probabilities.
//  - RMSNorm and rotary: ATen's compositions make many passes over memory (and, for q, k
//    and v in transposed views, copies around attention); fusedRmsNorm and the fp32 CPU path
//    of rotary are one loop each way (CpuKernels.h).
// All compute what the plain ATen expressions compute (same operations in forward, or, for
// fusedRmsNorm, another order of one sum; backward within float rounding).
#include <torch/types.h>

#include <string>

namespace tb::ops {

// act(gateUp[..., :F]) * gateUp[..., F:], F = gateUp.size(-1) / 2. act: "silu"/"swish" take
// the fused backward; any other name returns an undefined tensor (the caller splits instead).
torch::Tensor gatedActivation(const std::string& act, const torch::Tensor& gateUp);

// weight * (x * rsqrt(mean(x^2, -1) + eps)) for fp32 CPU tensors, one pass over x forward (two
// reads) and one backward (kernels in CpuKernels.h); autograd keeps x and the per-row 1/rms.
// The ATen composition took 4.0 ms forward and backward (0.55 forward) for SmolLM2-135M's
// [4, 256, 576]; the fused backward takes 0.45 ms in a profiled step. Returns an undefined
// tensor for any other dtype or device (the caller composes ATen operations).
torch::Tensor fusedRmsNorm(const torch::Tensor& x, const torch::Tensor& weight, double eps);

// x * cos + rotate_half(x) * sin over the first cos.size(-1) dims of x, the rest unchanged.
// For fp32 CPU x [B, H, T, D] (D contiguous) the result is contiguous, computed by one loop
// (CpuKernels.h) bitwise equal to the plain expression, and its backward writes x's gradient in
// x's layout: q and k reach attention without a copy, and their gradients reach the projection
// without one.
torch::Tensor rotary(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin);

// x [B, H, T, D] as a contiguous tensor, with that backward (v on its way to attention).
torch::Tensor headMajor(const torch::Tensor& x);

// softmax(q k^T * scale + bias) v as ops::attention computes it (q [B, H, T, D], k/v
// [B, KvH, S, D], bias [B or 1, 1, T, S] or undefined), returned as [B, H, T, D], with the
// recomputing backward. blockRows: query rows per block (0: blocks of at most 32 MB of fp32
// probabilities, and with `causal` at most kCausalBlockRows rows). causal: the bias masks every
// key after a query's own position (S - T + row), so each block leaves out the keys none of
// its rows sees. Without dropout; the caller takes the plain path when it needs dropout.
// The most fp32 probabilities one block holds (blockRows = 0).
constexpr int64_t kAttentionBlockBytes = int64_t{32} << 20;
// With a causal bias, blocks are at most this many query rows (and at most that size).
constexpr int64_t kCausalBlockRows = 128;
torch::Tensor recomputedAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                  const torch::Tensor& bias, double scale, int64_t blockRows = 0, bool causal = false);

// The same attention for fp32 CPU tensors while training, through one kernel per (batch, kv
// head) (CpuAttention.h: blocks of 64 query rows whose scores stay in cache, fused
// multiply-adds, its own exp), returned as [B, T, H * D]; backward recomputes the
// probabilities from each row's log-sum-exp. Equal to recomputedAttention within float
// rounding. Returns an undefined tensor where it does not apply (another dtype or device, no
// AVX-512, CPU autocast, a bias of another shape or one that needs a gradient).
torch::Tensor cpuAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& bias,
                           double scale, bool causal);

// While one lives on this thread, attention takes the plain path and keeps its probabilities
// (the tests compare the other paths with it).
struct KeepAttentionProbs {
    KeepAttentionProbs();
    ~KeepAttentionProbs();
    KeepAttentionProbs(const KeepAttentionProbs&) = delete;
    KeepAttentionProbs& operator=(const KeepAttentionProbs&) = delete;
};
bool attentionKeepsProbs();

// While one lives on this thread, a checkpointed layer runs (LayerCheckpoint.h): its first
// forward (without gradient) and its recompute in backward both use cpuAttention where it
// applies, so the two compute the same values; elsewhere the recompute keeps the probabilities
// (backward follows at once and only one layer's are alive, so recomputing them again would
// only cost time).
struct CheckpointedLayer {
    CheckpointedLayer();
    ~CheckpointedLayer();
    CheckpointedLayer(const CheckpointedLayer&) = delete;
    CheckpointedLayer& operator=(const CheckpointedLayer&) = delete;
};
bool inCheckpointedLayer();

} // namespace tb::ops
