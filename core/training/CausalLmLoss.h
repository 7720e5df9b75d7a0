#pragma once
// Why this exists: the causal-LM loss as transformers computes it (position t predicts token
// t + 1; mean cross-entropy over labels that are not -100), shared by the trainer, `bench train`,
// evaluation and the parity tests. Logits of prompt-tuning virtual tokens are dropped first.
//
// From a forward run with ForwardInput::skipLogits, the loss is computed from the final hidden
// states and the output projection a few hundred rows at a time: the [B, T, vocab] logits
// (200 MB at batch 4 × 256 tokens × 49,152 for SmolLM2), their log-softmax and gradient never
// exist at once. The gradient is computed in the same pass (the loss is the graph's end), so
// nothing is recomputed in backward. Same value as the logits path to float rounding.
#include "models/CausalLM.h"

#include <torch/torch.h>

namespace tb {

torch::Tensor causalLmLoss(const torch::Tensor& logits, const torch::Tensor& labels, int64_t numVirtualTokens = 0);

// Uses out.logits when present, else out.hidden / outputWeight / outputBias (chunked). Called
// inside an autocast scope (models/Autocast.h) for the hidden states' device, the chunked path
// runs the output projection's GEMMs in autocast's dtype, as autocast would run the head's
// linear; the softmax and the loss stay fp32 (as transformers upcasts the logits).
torch::Tensor causalLmLoss(const ForwardOutput& out, const torch::Tensor& labels, int64_t numVirtualTokens = 0);

// The targets causalLmLoss compares with: labels shifted left by one, -100 for the virtual
// tokens and the last position. [B, numVirtualTokens + T].
torch::Tensor shiftedTargets(const torch::Tensor& labels, int64_t numVirtualTokens = 0);

// Rows per chunk when chunkRows is 0: about 2^25 logits (128 MB in fp32; 682 rows for a
// 49,152 vocabulary). Larger chunks make the output projection's GEMMs faster (measured on
// SmolLM2's head: 170 rows 173/176 GFLOP/s forward/backward, 512 rows 234/252) for memory.
int64_t defaultLossChunkRows(int64_t vocab);

// Mean cross-entropy of softmax(hidden W^T + b) against target (-100 ignored), `chunkRows`
// rows at a time (0: defaultLossChunkRows). hidden [N, H], weight [V, H], bias [V] or undefined, target [N].
// Differentiable in hidden, weight and bias. NaN when no target counts (as cross_entropy).
// gemmDtype kBFloat16/kHalf: hidden, weight and bias are cast to it for the GEMMs (logits and
// both gradients); kFloat32 (default): the GEMMs run in hidden's dtype.
torch::Tensor linearCrossEntropy(const torch::Tensor& hidden, const torch::Tensor& weight, const torch::Tensor& bias,
                                 const torch::Tensor& target, int64_t chunkRows = 0,
                                 torch::ScalarType gemmDtype = torch::kFloat32);

} // namespace tb
