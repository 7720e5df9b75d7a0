#pragma once
// Why this exists: the causal-LM loss as transformers computes it (position t predicts token
// t + 1; mean cross-entropy over labels that are not -100), shared by the trainer, `bench train`
// and the parity tests. Logits of prompt-tuning virtual tokens are dropped first.
#include <torch/torch.h>

namespace tb {

torch::Tensor causalLmLoss(const torch::Tensor& logits, const torch::Tensor& labels, int64_t numVirtualTokens = 0);

} // namespace tb
