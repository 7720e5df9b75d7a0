#include "eval/metrics/Rouge.h"

#include "eval/metrics/NgramKey.h"

#include "util/Error.h"

#include <algorithm>
#include <cstring>
#include <set>
#include <unordered_map>

namespace tb::metrics {

namespace {

// Token ids shared by one target/prediction pair, so n-grams compare as small integers.
class Interner {
public:
    std::vector<int> ids(const std::vector<std::string>& toks) {
        std::vector<int> out;
        out.reserve(toks.size());
        for (const auto& t : toks) {
            auto [it, inserted] = map_.emplace(t, static_cast<int>(map_.size()));
            out.push_back(it->second);
        }
        return out;
    }

private:
    std::unordered_map<std::string, int> map_;
};

using NgramCounts = std::unordered_map<NgramKey, int, NgramKeyHash>;

NgramCounts countNgrams(const std::vector<int>& ids, int n) {
    NgramCounts counts;
    const size_t un = static_cast<size_t>(n);
    if (ids.size() < un) return counts;
    counts.reserve(ids.size());
    for (size_t i = 0; i + un <= ids.size(); ++i) ++counts[NgramKey::of(&ids[i], n)];
    return counts;
}

RougeScore rougeNIds(const std::vector<int>& target, const std::vector<int>& prediction, int n) {
    const auto t = countNgrams(target, n);
    const auto p = countNgrams(prediction, n);
    long long inter = 0, tCount = 0, pCount = 0;
    for (const auto& [k, c] : t) {
        tCount += c;
        auto it = p.find(k);
        if (it != p.end()) inter += std::min(c, it->second);
    }
    for (const auto& kv : p) pCount += kv.second;
    RougeScore s;
    s.precision = static_cast<double>(inter) / static_cast<double>(std::max(pCount, 1LL));
    s.recall = static_cast<double>(inter) / static_cast<double>(std::max(tCount, 1LL));
    s.fmeasure = rougeFmeasure(s.precision, s.recall);
    return s;
}

// (rows+1) x (cols+1) LCS table, row-major.
std::vector<int> lcsTable(const std::vector<int>& ref, const std::vector<int>& can) {
    const size_t rows = ref.size(), cols = can.size(), w = cols + 1;
    std::vector<int> t((rows + 1) * w, 0);
    for (size_t i = 1; i <= rows; ++i) {
        for (size_t j = 1; j <= cols; ++j) {
            if (ref[i - 1] == can[j - 1]) t[i * w + j] = t[(i - 1) * w + j - 1] + 1;
            else t[i * w + j] = std::max(t[(i - 1) * w + j], t[i * w + j - 1]);
        }
    }
    return t;
}

RougeScore rougeLcsIds(const std::vector<int>& target, const std::vector<int>& prediction) {
    if (target.empty() || prediction.empty()) return {};
    const auto t = lcsTable(target, prediction);
    const double lcs = t.back();
    RougeScore s;
    s.precision = lcs / static_cast<double>(prediction.size());
    s.recall = lcs / static_cast<double>(target.size());
    s.fmeasure = rougeFmeasure(s.precision, s.recall);
    return s;
}

// Indices into ref of one LCS, read back with rouge_score's tie-break (prefer moving up).
std::vector<size_t> lcsIndices(const std::vector<int>& ref, const std::vector<int>& can) {
    const auto t = lcsTable(ref, can);
    const size_t w = can.size() + 1;
    size_t i = ref.size(), j = can.size();
    std::vector<size_t> out;
    while (i > 0 && j > 0) {
        if (ref[i - 1] == can[j - 1]) {
            out.push_back(i - 1);
            --i;
            --j;
        } else if (t[i * w + j - 1] > t[(i - 1) * w + j]) {
            --j;
        } else {
            --i;
        }
    }
    return out;  // order does not matter: the caller takes a sorted union
}

RougeScore rougeLsumIds(const std::vector<std::vector<int>>& refSents, const std::vector<std::vector<int>>& canSents) {
    if (refSents.empty() || canSents.empty()) return {};
    size_t m = 0, n = 0;
    for (const auto& s : refSents) m += s.size();
    for (const auto& s : canSents) n += s.size();
    if (m == 0 || n == 0) return {};
    std::unordered_map<int, long long> cntR, cntC;
    for (const auto& s : refSents)
        for (int t : s) ++cntR[t];
    for (const auto& s : canSents)
        for (int t : s) ++cntC[t];
    long long hits = 0;
    for (const auto& r : refSents) {
        std::set<size_t> uni;
        for (const auto& c : canSents) {
            const auto idx = lcsIndices(r, c);
            uni.insert(idx.begin(), idx.end());
        }
        for (size_t i : uni) {
            const int tok = r[i];
            auto& cc = cntC[tok];
            auto& cr = cntR[tok];
            if (cc > 0 && cr > 0) {
                ++hits;
                --cc;
                --cr;
            }
        }
    }
    RougeScore s;
    s.recall = static_cast<double>(hits) / static_cast<double>(m);
    s.precision = static_cast<double>(hits) / static_cast<double>(n);
    s.fmeasure = rougeFmeasure(s.precision, s.recall);
    return s;
}

// rouge_score's Lsum sentences: split on "\n" only, drop empty strings (not blank ones).
std::vector<std::string> lsumSentences(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        const size_t nl = text.find('\n', start);
        const std::string part = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (!part.empty()) out.push_back(part);
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

int ngramOrder(const std::string& type) {
    if (type.size() == 6 && type.compare(0, 5, "rouge") == 0 && type[5] >= '1' && type[5] <= '9') return type[5] - '0';
    return 0;
}

} // namespace

double rougeFmeasure(double precision, double recall) {
    if (precision + recall > 0) return 2 * precision * recall / (precision + recall);
    return 0.0;
}

RougeScore rougeN(const std::vector<std::string>& target, const std::vector<std::string>& prediction, int n) {
    Interner in;
    const auto t = in.ids(target);
    const auto p = in.ids(prediction);
    return rougeNIds(t, p, n);
}

RougeScore rougeLcs(const std::vector<std::string>& target, const std::vector<std::string>& prediction) {
    Interner in;
    const auto t = in.ids(target);
    const auto p = in.ids(prediction);
    return rougeLcsIds(t, p);
}

RougeScore rougeLsum(const std::vector<std::vector<std::string>>& targetSents,
                     const std::vector<std::vector<std::string>>& predictionSents) {
    Interner in;
    std::vector<std::vector<int>> t, p;
    for (const auto& s : targetSents) t.push_back(in.ids(s));
    for (const auto& s : predictionSents) p.push_back(in.ids(s));
    return rougeLsumIds(t, p);
}

RougeScorer::RougeScorer(std::vector<std::string> rougeTypes, bool useStemmer)
    : types_(std::move(rougeTypes)), tokenizer_(useStemmer) {
    if (types_.empty()) throw UsageError("ROUGE: no rouge types requested");
    for (const auto& t : types_) {
        if (t != "rougeL" && t != "rougeLsum" && ngramOrder(t) == 0)
            throw UsageError("ROUGE: unknown rouge type '" + t + "' (use rouge1..rouge9, rougeL or rougeLsum)");
    }
}

RougeResult RougeScorer::score(const std::string& target, const std::string& prediction) const {
    Interner in;
    bool needTokens = false;
    for (const auto& t : types_) needTokens = needTokens || t != "rougeLsum";
    std::vector<int> tIds, pIds;
    if (needTokens) {
        tIds = in.ids(tokenizer_.tokenize(target));
        pIds = in.ids(tokenizer_.tokenize(prediction));
    }
    RougeResult out;
    for (const auto& type : types_) {
        if (type == "rougeL") {
            out[type] = rougeLcsIds(tIds, pIds);
        } else if (type == "rougeLsum") {
            std::vector<std::vector<int>> ts, ps;
            for (const auto& s : lsumSentences(target)) ts.push_back(in.ids(tokenizer_.tokenize(s)));
            for (const auto& s : lsumSentences(prediction)) ps.push_back(in.ids(tokenizer_.tokenize(s)));
            out[type] = rougeLsumIds(ts, ps);
        } else {
            out[type] = rougeNIds(tIds, pIds, ngramOrder(type));
        }
    }
    return out;
}

RougeResult RougeScorer::scoreMulti(const std::vector<std::string>& targets, const std::string& prediction) const {
    RougeResult best;
    if (targets.empty()) {
        for (const auto& t : types_) best[t] = RougeScore{};
        return best;
    }
    std::vector<RougeResult> all;
    all.reserve(targets.size());
    for (const auto& t : targets) all.push_back(score(t, prediction));
    for (const auto& type : types_) {
        size_t arg = 0;
        for (size_t i = 1; i < all.size(); ++i)
            if (all[i].at(type).fmeasure > all[arg].at(type).fmeasure) arg = i;
        best[type] = all[arg].at(type);
    }
    return best;
}

} // namespace tb::metrics
