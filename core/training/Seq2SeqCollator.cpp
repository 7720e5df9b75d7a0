#include "training/Seq2SeqCollator.h"

#include "models/Seq2SeqLM.h"
#include "text/Tokenizer.h"
#include "util/Error.h"

#include <algorithm>

namespace tb {

namespace {
// Cuts ids to `max`, keeping a closing EOS closed (the tokenizer's special token survives
// truncation in transformers).
void truncateKeepingEos(std::vector<int64_t>& ids, int64_t max, int64_t eosId) {
    if (max <= 0 || static_cast<int64_t>(ids.size()) <= max) return;
    const bool closed = eosId >= 0 && !ids.empty() && ids.back() == eosId;
    ids.resize(static_cast<size_t>(max));
    if (closed) ids.back() = eosId;
}
} // namespace

TokenizedExample tokenizeSeq2SeqExample(const Tokenizer& tok, const TextExample& ex, int64_t maxSourceLength,
                                        int64_t maxTargetLength, int64_t eosId) {
    TokenizedExample out;
    out.ids = tok.encode(ex.prompt, true);
    truncateKeepingEos(out.ids, maxSourceLength, eosId);
    if (out.ids.empty()) throw UsageError("an example's prompt tokenizes to nothing; the encoder needs at least one token");
    out.labels = tok.encode(ex.completion, false);
    if (eosId >= 0) out.labels.push_back(eosId);
    truncateKeepingEos(out.labels, maxTargetLength, eosId);
    return out;
}

Batch collateSeq2Seq(const std::vector<TokenizedExample>& examples, const std::vector<size_t>& rows, int64_t padId) {
    const auto b = static_cast<int64_t>(rows.size());
    int64_t s = 1, t = 1;
    for (auto r : rows) {
        s = std::max<int64_t>(s, static_cast<int64_t>(examples.at(r).ids.size()));
        t = std::max<int64_t>(t, static_cast<int64_t>(examples.at(r).labels.size()));
    }
    std::vector<int64_t> ids(static_cast<size_t>(b * s), padId), mask(ids.size(), 0), labels(static_cast<size_t>(b * t), -100);
    Batch batch;
    for (int64_t i = 0; i < b; ++i) {
        const auto& e = examples.at(rows[static_cast<size_t>(i)]);
        std::copy(e.ids.begin(), e.ids.end(), ids.begin() + i * s);
        std::fill_n(mask.begin() + i * s, e.ids.size(), 1);
        std::copy(e.labels.begin(), e.labels.end(), labels.begin() + i * t);
        batch.tokens += static_cast<int64_t>(e.ids.size() + e.labels.size());
        batch.labelTokens += static_cast<int64_t>(std::count_if(e.labels.begin(), e.labels.end(), [](int64_t v) { return v != -100; }));
    }
    auto i64 = torch::TensorOptions().dtype(torch::kInt64);
    batch.inputIds = torch::from_blob(ids.data(), {b, s}, i64).clone();
    batch.attentionMask = torch::from_blob(mask.data(), {b, s}, i64).clone();
    batch.labels = torch::from_blob(labels.data(), {b, t}, i64).clone();
    return batch;
}

torch::Tensor seq2seqLoss(Seq2SeqLM& model, const Batch& batch, const torch::Tensor& virtualTokens) {
    const auto device = model.device();
    auto ids = batch.inputIds.to(device);
    auto mask = batch.attentionMask.to(device);
    auto labels = batch.labels.to(device);
    Seq2SeqInput in;
    if (virtualTokens.defined() && virtualTokens.size(0) > 0) {
        auto embeds = model.tokenEmbedding()->forward(ids);
        auto soft = virtualTokens.to(device, embeds.scalar_type()).unsqueeze(0).expand({ids.size(0), -1, -1});
        in.encoderMask = torch::cat({torch::ones({ids.size(0), virtualTokens.size(0)}, mask.options()), mask}, 1);
        in.encoderHidden = model.encode({}, in.encoderMask, torch::cat({soft, embeds}, 1));
    } else {
        in.encoderMask = mask;
        in.encoderHidden = model.encode(ids, mask);
    }
    in.decoderInputIds = model.shiftRight(labels);
    auto logits = model.decode(in).logits;
    if (logits.scalar_type() != torch::kFloat32) logits = logits.to(torch::kFloat32);
    return torch::nn::functional::cross_entropy(logits.reshape({-1, logits.size(-1)}), labels.reshape({-1}),
                                                torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100));
}

} // namespace tb
