#pragma once
// Why this exists: the loss a model assigns to a split's reference completions is the cheapest
// signal of whether tuning helped (and, on a second task, of forgetting). Same data path as
// training (training/Collator: prompt ⊕ completion ⊕ EOS, loss on the completion tokens only),
// so the numbers line up with the trainer's validation loss.
#include "models/CausalLM.h"
#include "training/Collator.h"

#include <atomic>
#include <functional>
#include <vector>

namespace tb {
class Tokenizer;
}

namespace tb::eval {

struct LossSummary {
    double meanLoss = 0.0;     // mean token cross-entropy over all completion tokens of the split
    double perplexity = 0.0;   // exp(meanLoss)
    int64_t tokens = 0;        // tokens that carried loss
    int64_t examples = 0;
    bool cancelled = false;
};

// Token-weighted over the whole split (sum of per-token losses / number of tokens), so long and
// short examples count per token, independent of the batch size. Sequences longer than
// maxLength are truncated as the trainer does (the completion is kept).
LossSummary evaluateLoss(CausalLM& model, const Tokenizer& tokenizer, const std::vector<TextExample>& examples,
                         int64_t batchSize, int64_t maxLength, int64_t eosId,
                         const std::atomic<bool>* cancel = nullptr,
                         const std::function<void(int64_t done)>& progress = {});

} // namespace tb::eval
