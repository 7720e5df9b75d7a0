#include "eval/metrics/Chrf.h"

#include "eval/metrics/PyText.h"
#include "util/Error.h"

#include <algorithm>
#include <unordered_map>

namespace tb::metrics {

namespace {

constexpr double kBeta = 2.0;

using CharNgrams = std::vector<std::unordered_map<std::u32string, long long>>;

CharNgrams charNgrams(const std::string& text) {
    std::u32string chars;
    for (char32_t c : decodeUtf8(text))
        if (!isPySpace(c)) chars.push_back(c);
    CharNgrams out(kChrfCharOrder);
    for (size_t n = 1; n <= static_cast<size_t>(kChrfCharOrder); ++n) {
        auto& m = out[n - 1];
        for (size_t i = 0; i + n <= chars.size(); ++i) ++m[chars.substr(i, n)];
    }
    return out;
}

} // namespace

ChrfStats& ChrfStats::operator+=(const ChrfStats& o) {
    for (size_t i = 0; i < values.size(); ++i) values[i] += o.values[i];
    return *this;
}

double chrfFromStats(const ChrfStats& stats) {
    const double factor = kBeta * kBeta;
    double avgPrec = 0.0, avgRec = 0.0;
    int effective = 0;
    for (size_t i = 0; i < static_cast<size_t>(kChrfCharOrder); ++i) {
        const long long nHyp = stats.values[3 * i], nRef = stats.values[3 * i + 1], nMatch = stats.values[3 * i + 2];
        if (nHyp > 0 && nRef > 0) {
            avgPrec += static_cast<double>(nMatch) / static_cast<double>(nHyp);
            avgRec += static_cast<double>(nMatch) / static_cast<double>(nRef);
            ++effective;
        }
    }
    if (effective == 0) {
        avgPrec = avgRec = 0.0;
    } else {
        avgPrec /= effective;
        avgRec /= effective;
    }
    if (avgPrec + avgRec != 0.0) {
        double score = (1 + factor) * avgPrec * avgRec;
        score /= (factor * avgPrec) + avgRec;
        return 100 * score;
    }
    return 0.0;
}

ChrfStats chrfSegmentStats(const std::string& hypothesis, const std::vector<std::string>& references) {
    if (references.empty()) throw Error("chrF: a segment has no reference (give at least one)");
    const CharNgrams hyp = charNgrams(hypothesis);
    ChrfStats best;
    double bestF = -1.0;
    for (const auto& ref : references) {
        const CharNgrams r = charNgrams(ref);
        ChrfStats s;
        for (size_t n = 0; n < static_cast<size_t>(kChrfCharOrder); ++n) {
            long long match = 0, hypCount = 0, refCount = 0;
            for (const auto& [ng, c] : hyp[n]) {
                hypCount += c;
                auto it = r[n].find(ng);
                if (it != r[n].end()) match += std::min(c, it->second);
            }
            for (const auto& kv : r[n]) refCount += kv.second;
            s.values[3 * n] = r[n].empty() ? 0 : hypCount;
            s.values[3 * n + 1] = refCount;
            s.values[3 * n + 2] = match;
        }
        const double f = chrfFromStats(s);
        if (f > bestF) {
            bestF = f;
            best = s;
        }
    }
    return best;
}

double sentenceChrf(const std::string& hypothesis, const std::vector<std::string>& references) {
    return chrfFromStats(chrfSegmentStats(hypothesis, references));
}

double corpusChrf(const std::vector<std::string>& hypotheses,
                  const std::vector<std::vector<std::string>>& referencesPerSegment) {
    if (hypotheses.size() != referencesPerSegment.size())
        throw Error("corpus chrF: " + std::to_string(hypotheses.size()) + " hypotheses but "
                    + std::to_string(referencesPerSegment.size()) + " reference sets");
    ChrfStats total;
    for (size_t i = 0; i < hypotheses.size(); ++i) total += chrfSegmentStats(hypotheses[i], referencesPerSegment[i]);
    return chrfFromStats(total);
}

} // namespace tb::metrics
