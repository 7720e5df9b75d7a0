#pragma once
// Why this exists: the pieces every architecture shares, written once with transformers'
// exact semantics: masks (left padding, causal, sliding window), position ids from the mask,
// scaled-dot-product attention with grouped-query heads, norms and activations.
#include <torch/torch.h>

#include <string>

namespace tb::ops {

// Additive attention bias [B, 1, T, S] (0 allowed, dtype-min masked) for T queries after
// `past` cached positions; S = past + T. mask: [B, S] 0/1 or undefined. Returns undefined
// when nothing needs masking (T == 1, no mask, no window).
torch::Tensor attentionBias(const torch::Tensor& mask, int64_t batch, int64_t t, int64_t past,
                            torch::ScalarType dtype, torch::Device device, int64_t slidingWindow = 0);

// position ids [B, T] as transformers derives them in generation: cumsum(mask) - 1 with
// masked positions set to 1, the last T columns; arange(past, past + T) without a mask.
torch::Tensor positionIds(const torch::Tensor& mask, int64_t batch, int64_t t, int64_t past, torch::Device device);

// softmax(q k^T * scale + bias) v with q [B, H, T, D], k/v [B, KvH, S, D] (H multiple of KvH,
// head h reads kv head h / (H / KvH) as repeat_kv does). Softmax in fp32. Returns [B, T, H*D].
// dropout > 0: dropout on the probabilities (pass 0 outside training), drawn over [B, H, T, S]
// in memory order as transformers' eager attention draws it, so a seed gives the same mask.
// causalBias: bias is (or includes) the causal mask, as attentionBias builds it for decoders.
// On CUDA with LibTorch 2.5 or later (and no dropout) this runs LibTorch's fused attention
// (scaled_dot_product_attention); TUNEBENCH_SDPA=off keeps the plain path, =cpu uses the fused
// one on the CPU too.
torch::Tensor attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                        const torch::Tensor& bias, double scale, double dropout = 0.0, bool causalBias = false);

// nn.Dropout(p): x unchanged when not training or p == 0 (no random numbers drawn, as torch).
torch::Tensor dropout(const torch::Tensor& x, double p, bool training);

// weight * (x * rsqrt(mean(x^2, -1) + eps)) in fp32. `training`: the one-pass kernels of
// ops::fusedRmsNorm (FusedOps.h) where they apply. They sum x^2 in another order than ATen, so
// inference (eval mode) keeps ATen's operations and the reference stack's rounding exactly.
torch::Tensor rmsNorm(const torch::Tensor& x, const torch::Tensor& weight, double eps, bool training = false);
torch::Tensor activation(const std::string& name, const torch::Tensor& x);

// x * cos + rotate_half(x) * sin over the first cos.size(-1) dims of x (the rest pass through).
// x [B, H, T, D]; cos/sin [B, 1, T, rot].
torch::Tensor applyRotary(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin);

// transformers' RepetitionPenaltyLogitsProcessor over every id in `seen` [B, N] (prompt included).
void repetitionPenalty(torch::Tensor& logits, const torch::Tensor& seen, double penalty);
// TopKLogitsWarper then TopPLogitsWarper (min_tokens_to_keep 1); topK 0 / topP 1 = off.
void topKTopP(torch::Tensor& logits, int64_t topK, double topP);

} // namespace tb::ops
