#include "training/CausalLmLoss.h"

namespace tb {

torch::Tensor causalLmLoss(const torch::Tensor& logits, const torch::Tensor& labels, int64_t numVirtualTokens) {
    // PEFT prepends -100 labels for the virtual tokens, so the last virtual position predicts
    // the first real token. Shifting the labels (not the logits) keeps the logits a view: no
    // copy of the [B*T, vocab] matrix.
    auto full = labels;
    if (numVirtualTokens > 0)
        full = torch::cat({torch::full({labels.size(0), numVirtualTokens}, -100, labels.options()), labels}, 1);
    auto target = torch::full_like(full, -100);
    target.slice(1, 0, -1).copy_(full.slice(1, 1));
    auto l = logits.scalar_type() == torch::kFloat32 ? logits : logits.to(torch::kFloat32);
    return torch::nn::functional::cross_entropy(l.reshape({-1, l.size(-1)}), target.reshape({-1}),
                                                torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100));
}

} // namespace tb
