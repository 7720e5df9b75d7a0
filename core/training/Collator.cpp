#include "training/Collator.h"

#include "text/Tokenizer.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <numeric>
#include <random>

namespace tb {

std::vector<TextExample> loadJsonlExamples(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw UsageError("cannot open " + path);
    std::vector<TextExample> out;
    std::string line;
    int64_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception& e) {
            throw UsageError(path + ":" + std::to_string(n) + ": not valid JSON (" + e.what() + ")");
        }
        if (!j.is_object() || !j.contains("prompt") || !j.contains("completion") || !j["prompt"].is_string() ||
            !j["completion"].is_string())
            throw UsageError(path + ":" + std::to_string(n) + ": expected {\"prompt\": string, \"completion\": string}");
        out.push_back({j["prompt"].get<std::string>(), j["completion"].get<std::string>()});
    }
    if (out.empty()) throw UsageError(path + " holds no examples");
    return out;
}

TokenizedExample tokenizeExample(const Tokenizer& tok, const TextExample& ex, int64_t maxLength,
                                 bool trainOnPrompt, int64_t eosId) {
    auto prompt = tok.encode(ex.prompt, true);
    auto completion = tok.encode(ex.completion, false);
    if (eosId >= 0) completion.push_back(eosId);
    const auto max = static_cast<size_t>(maxLength);
    if (prompt.size() + completion.size() > max) {
        // Keep as much completion as fits beside at least half the budget of prompt.
        const size_t keepPrompt = std::min(prompt.size(), max / 2);
        const size_t keepCompletion = std::min(completion.size(), max - keepPrompt);
        const size_t finalPrompt = std::min(prompt.size(), max - keepCompletion);
        completion.resize(keepCompletion);
        if (finalPrompt < prompt.size()) {
            // Drop the prompt's start but keep a leading BOS.
            const int64_t bos = tok.bosId();
            const bool hasBos = bos >= 0 && !prompt.empty() && prompt.front() == bos && finalPrompt > 0;
            std::vector<int64_t> cut;
            if (hasBos) cut.push_back(bos);
            cut.insert(cut.end(), prompt.end() - static_cast<std::ptrdiff_t>(finalPrompt - (hasBos ? 1 : 0)), prompt.end());
            prompt = std::move(cut);
        }
    }
    TokenizedExample out;
    out.ids = prompt;
    out.ids.insert(out.ids.end(), completion.begin(), completion.end());
    out.labels.assign(prompt.size(), trainOnPrompt ? 0 : -100);
    if (trainOnPrompt)
        for (size_t i = 0; i < prompt.size(); ++i) out.labels[i] = prompt[i];
    out.labels.insert(out.labels.end(), completion.begin(), completion.end());
    return out;
}

std::vector<TokenizedExample> packExamples(const std::vector<TokenizedExample>& examples, int64_t length) {
    std::vector<TokenizedExample> out;
    TokenizedExample cur;
    for (const auto& e : examples) {
        for (size_t i = 0; i < e.ids.size(); ++i) {
            cur.ids.push_back(e.ids[i]);
            cur.labels.push_back(e.labels[i]);
            if (static_cast<int64_t>(cur.ids.size()) == length) {
                out.push_back(std::move(cur));
                cur = {};
            }
        }
    }
    if (cur.ids.size() > 1) out.push_back(std::move(cur));
    return out;
}

std::vector<std::vector<size_t>> batchOrder(const std::vector<int64_t>& lengths, int64_t batchSize,
                                            uint64_t seed, int64_t epoch, bool groupByLength, bool shuffle) {
    std::vector<size_t> idx(lengths.size());
    std::iota(idx.begin(), idx.end(), size_t{0});
    if (shuffle) {
        std::mt19937_64 rng(seed * 1000003ULL + static_cast<uint64_t>(epoch));
        // Fisher-Yates with our own draws: std::shuffle's use of the engine is library-specific.
        for (size_t i = idx.size(); i > 1; --i) std::swap(idx[i - 1], idx[rng() % i]);
    }
    const auto bs = static_cast<size_t>(batchSize);
    if (groupByLength && shuffle) {
        const size_t mega = bs * 50;
        for (size_t s = 0; s < idx.size(); s += mega) {
            auto b = idx.begin() + static_cast<std::ptrdiff_t>(s);
            auto e = idx.begin() + static_cast<std::ptrdiff_t>(std::min(idx.size(), s + mega));
            std::stable_sort(b, e, [&](size_t x, size_t y) { return lengths[x] > lengths[y]; });
        }
    }
    std::vector<std::vector<size_t>> batches;
    for (size_t s = 0; s < idx.size(); s += bs)
        batches.emplace_back(idx.begin() + static_cast<std::ptrdiff_t>(s),
                             idx.begin() + static_cast<std::ptrdiff_t>(std::min(idx.size(), s + bs)));
    return batches;
}

Batch collate(const std::vector<TokenizedExample>& examples, const std::vector<size_t>& rows, int64_t padId) {
    size_t maxLen = 0;
    for (auto r : rows) maxLen = std::max(maxLen, examples[r].ids.size());
    const auto B = static_cast<int64_t>(rows.size());
    const auto T = static_cast<int64_t>(maxLen);
    auto ids = torch::full({B, T}, padId < 0 ? 0 : padId, torch::kInt64);
    auto mask = torch::zeros({B, T}, torch::kInt64);
    auto labels = torch::full({B, T}, -100, torch::kInt64);
    auto pi = ids.accessor<int64_t, 2>();
    auto pm = mask.accessor<int64_t, 2>();
    auto pl = labels.accessor<int64_t, 2>();
    Batch b;
    for (int64_t i = 0; i < B; ++i) {
        const auto& e = examples[rows[static_cast<size_t>(i)]];
        for (size_t t = 0; t < e.ids.size(); ++t) {
            pi[i][static_cast<int64_t>(t)] = e.ids[t];
            pm[i][static_cast<int64_t>(t)] = 1;
            pl[i][static_cast<int64_t>(t)] = e.labels[t];
            if (t > 0 && e.labels[t] != -100) ++b.labelTokens;
        }
        b.tokens += static_cast<int64_t>(e.ids.size());
    }
    b.inputIds = ids;
    b.attentionMask = mask;
    b.labels = labels;
    return b;
}

} // namespace tb
