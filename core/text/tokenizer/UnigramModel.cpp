#include "text/tokenizer/UnigramModel.h"

#include "text/unicode/Utf8.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <limits>

namespace tb::tok {

UnigramModel::UnigramModel(std::vector<std::pair<std::string, double>> vocab, int64_t unkId, bool byteFallback)
    : vocab_(std::move(vocab)), unkId_(unkId), byteFallback_(byteFallback) {
    if (unkId_ >= static_cast<int64_t>(vocab_.size())) throw Error("Unigram unk_id " + std::to_string(unkId_) + " is outside the vocab");
    trie_.emplace_back();
    minScore_ = std::numeric_limits<double>::infinity();
    for (size_t id = 0; id < vocab_.size(); ++id) {
        const auto& [piece, score] = vocab_[id];
        ids_[piece] = static_cast<int64_t>(id);
        if (score < minScore_) minScore_ = score;
        int32_t node = 0;
        for (unsigned char c : piece) {
            int32_t next = -1;
            for (const auto& [label, child] : trie_[static_cast<size_t>(node)].children)
                if (label == c) { next = child; break; }
            if (next < 0) {
                next = static_cast<int32_t>(trie_.size());
                trie_[static_cast<size_t>(node)].children.emplace_back(c, next);
                trie_.emplace_back();
            }
            node = next;
        }
        trie_[static_cast<size_t>(node)].id = static_cast<int32_t>(id);
    }
}

std::unique_ptr<UnigramModel> UnigramModel::fromJson(const nlohmann::json& m) {
    if (!m.contains("vocab") || !m["vocab"].is_array()) throw Error("tokenizer.json: Unigram model.vocab must be a list of [piece, score]");
    std::vector<std::pair<std::string, double>> vocab;
    vocab.reserve(m["vocab"].size());
    for (const auto& e : m["vocab"]) {
        if (!e.is_array() || e.size() != 2) throw Error("tokenizer.json: Unigram model.vocab entries must be [piece, score]");
        vocab.emplace_back(e[0].get<std::string>(), e[1].get<double>());
    }
    const int64_t unk = m.contains("unk_id") && m["unk_id"].is_number_integer() ? m["unk_id"].get<int64_t>() : -1;
    const bool bf = m.contains("byte_fallback") && m["byte_fallback"].is_boolean() && m["byte_fallback"].get<bool>();
    return std::make_unique<UnigramModel>(std::move(vocab), unk, bf);
}

std::vector<std::string> UnigramModel::viterbi(const std::string& s) const {
    constexpr double kUnkPenalty = 10.0;
    const double unkScore = minScore_ - kUnkPenalty;
    struct Best { int64_t id = -1; double score = 0; long start = -1; };
    const size_t n = s.size();
    std::vector<Best> best(n + 1);
    for (size_t start = 0; start < n;) {
        const double here = best[start].score;
        size_t mblen = utf8::seqLen(static_cast<unsigned char>(s[start]));
        if (start + mblen > n) mblen = n - start;
        bool single = false;
        int32_t node = 0;
        for (size_t k = start; k < n; ++k) {
            int32_t next = -1;
            for (const auto& [label, child] : trie_[static_cast<size_t>(node)].children)
                if (label == static_cast<unsigned char>(s[k])) { next = child; break; }
            if (next < 0) break;
            node = next;
            const int32_t id = trie_[static_cast<size_t>(node)].id;
            if (id < 0) continue;
            const size_t end = k + 1;
            const double cand = here + vocab_[static_cast<size_t>(id)].second;
            Best& t = best[end];
            if (t.start < 0 || cand > t.score) { t.score = cand; t.start = static_cast<long>(start); t.id = id; }
            if (end - start == mblen) single = true;
        }
        if (!single) {
            Best& t = best[start + mblen];
            const double cand = here + unkScore;
            if (t.start < 0 || cand > t.score) { t.score = cand; t.start = static_cast<long>(start); t.id = unkId_; }
        }
        start += mblen;
    }
    std::vector<std::string> results;
    std::vector<std::string> unkRun;
    const auto flush = [&] {
        if (unkRun.empty()) return;
        std::string joined;
        for (auto it = unkRun.rbegin(); it != unkRun.rend(); ++it) joined += *it;
        results.push_back(joined);
        unkRun.clear();
    };
    for (size_t end = n; end > 0;) {
        const Best& b = best[end];
        const size_t start = static_cast<size_t>(b.start);
        if (unkId_ >= 0 && b.id == unkId_) unkRun.push_back(s.substr(start, end - start));
        else { flush(); results.push_back(s.substr(start, end - start)); }
        end = start;
    }
    flush();
    return std::vector<std::string>(results.rbegin(), results.rend());
}

void UnigramModel::tokenize(const std::string& word, std::vector<int64_t>& out) const {
    if (word.empty()) return;
    if (cache_.get(word, out)) return;
    const size_t before = out.size();
    for (const auto& piece : viterbi(word)) {
        const auto it = ids_.find(piece);
        if (it != ids_.end()) { out.push_back(it->second); continue; }
        if (byteFallback_) {
            std::vector<int64_t> bytes;
            char code[8];
            for (unsigned char b : piece) {
                std::snprintf(code, sizeof code, "<0x%02X>", b);
                const auto bt = ids_.find(code);
                if (bt == ids_.end()) { bytes.clear(); break; }
                bytes.push_back(bt->second);
            }
            if (!bytes.empty()) { out.insert(out.end(), bytes.begin(), bytes.end()); continue; }
        }
        if (unkId_ < 0) throw Error("Unigram model: '" + piece + "' is not in the vocab and the model has no unk_id");
        out.push_back(unkId_);
    }
    cache_.put(word, out.data() + before, out.size() - before);
}

int64_t UnigramModel::tokenToId(const std::string& token) const {
    const auto it = ids_.find(token);
    return it == ids_.end() ? -1 : it->second;
}

std::string UnigramModel::idToToken(int64_t id) const {
    return hasId(id) ? vocab_[static_cast<size_t>(id)].first : std::string();
}

} // namespace tb::tok
