#include "eval/Perplexity.h"

#include "text/Tokenizer.h"
#include "training/CausalLmLoss.h"
#include "util/Error.h"

#include <cmath>
#include <numeric>

namespace tb::eval {

LossSummary evaluateLoss(CausalLM& model, const Tokenizer& tokenizer, const std::vector<TextExample>& examples,
                         int64_t batchSize, int64_t maxLength, int64_t eosId, const std::atomic<bool>* cancel,
                         const std::function<void(int64_t done)>& progress) {
    if (batchSize <= 0) throw UsageError("evaluation: the batch size must be positive");
    if (maxLength < 2) throw UsageError("evaluation: the sequence length must be at least 2");
    torch::NoGradGuard noGrad;
    const bool wasTraining = model.is_training();
    model.eval();
    std::vector<TokenizedExample> tokenized;
    tokenized.reserve(examples.size());
    for (const auto& ex : examples) tokenized.push_back(tokenizeExample(tokenizer, ex, maxLength, false, eosId));
    int64_t padId = tokenizer.padId();
    if (padId < 0) padId = eosId >= 0 ? eosId : 0;

    LossSummary out;
    double lossSum = 0.0;
    const size_t bs = static_cast<size_t>(batchSize);
    for (size_t start = 0; start < tokenized.size(); start += bs) {
        if (cancel && cancel->load()) { out.cancelled = true; break; }
        std::vector<size_t> rows(std::min(bs, tokenized.size() - start));
        std::iota(rows.begin(), rows.end(), start);
        const Batch b = collate(tokenized, rows, padId);
        ForwardInput in;
        in.inputIds = b.inputIds.to(model.device());
        in.attentionMask = b.attentionMask.to(model.device());
        in.skipLogits = true;   // the loss in chunks: no [B, T, vocab] logits (CausalLmLoss.h)
        const auto labels = b.labels.to(model.device());
        const int64_t counted = labels.slice(1, 1).ne(-100).sum().item<int64_t>();   // token t+1 predicted at t
        if (counted > 0) lossSum += causalLmLoss(model.forward(in), labels).item<double>() * static_cast<double>(counted);
        out.tokens += counted;
        out.examples += static_cast<int64_t>(rows.size());
        if (progress) progress(out.examples);
    }
    if (wasTraining) model.train();
    if (out.tokens > 0) {
        out.meanLoss = lossSum / static_cast<double>(out.tokens);
        out.perplexity = std::exp(out.meanLoss);
    }
    return out;
}

} // namespace tb::eval
