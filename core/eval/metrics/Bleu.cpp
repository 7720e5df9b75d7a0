#include "eval/metrics/Bleu.h"

#include "eval/metrics/NgramKey.h"
#include "eval/metrics/PyText.h"
#include "util/Error.h"

#include <cmath>
#include <cstdlib>
#include <unordered_map>

namespace tb::metrics {

namespace {

void replaceAll(std::string& s, const std::string& from, const std::string& to) {
    if (s.find(from) == std::string::npos) return;
    std::string out;
    out.reserve(s.size());
    size_t pos = 0;
    while (true) {
        const size_t hit = s.find(from, pos);
        if (hit == std::string::npos) break;
        out.append(s, pos, hit - pos);
        out += to;
        pos = hit + from.size();
    }
    out.append(s, pos, std::string::npos);
    s.swap(out);
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// [\{-\~\[-\` -\&\(-\+\:-\@\/] : ASCII punctuation except ' , - . and the space itself is in
// it too (0x20-0x26).
bool isSplitPunct(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 0x7B && u <= 0x7E) || (u >= 0x5B && u <= 0x60) || (u >= 0x20 && u <= 0x26)
           || (u >= 0x28 && u <= 0x2B) || (u >= 0x3A && u <= 0x40) || u == 0x2F;
}

// The patterns below only inspect ASCII, and "[^0-9]" also matches any byte of a multi-byte
// character, so a byte-wise left-to-right scan gives the same output as Python's re.sub
// over code points (matches never overlap; after a match the scan resumes behind it).
std::string tokenizeRegexp(const std::string& in) {
    std::string a;
    a.reserve(in.size() * 2);
    for (char c : in) {
        if (isSplitPunct(c)) { a += ' '; a += c; a += ' '; }
        else a += c;
    }
    // ([^0-9])([\.,]) -> "\1 \2 "
    std::string b;
    b.reserve(a.size() * 2);
    for (size_t i = 0; i < a.size();) {
        if (i + 1 < a.size() && !isDigit(a[i]) && (a[i + 1] == '.' || a[i + 1] == ',')) {
            b += a[i]; b += ' '; b += a[i + 1]; b += ' ';
            i += 2;
        } else {
            b += a[i++];
        }
    }
    // ([\.,])([^0-9]) -> " \1 \2"
    std::string c;
    c.reserve(b.size() * 2);
    for (size_t i = 0; i < b.size();) {
        if (i + 1 < b.size() && (b[i] == '.' || b[i] == ',') && !isDigit(b[i + 1])) {
            c += ' '; c += b[i]; c += ' '; c += b[i + 1];
            i += 2;
        } else {
            c += b[i++];
        }
    }
    // ([0-9])(-) -> "\1 \2 "
    std::string d;
    d.reserve(c.size() * 2);
    for (size_t i = 0; i < c.size();) {
        if (i + 1 < c.size() && isDigit(c[i]) && c[i + 1] == '-') {
            d += c[i]; d += ' '; d += '-'; d += ' ';
            i += 2;
        } else {
            d += c[i++];
        }
    }
    return pyNormalizeSpaces(d);
}

struct NgramCounts {
    std::unordered_map<NgramKey, long long, NgramKeyHash> counts;
    long long length = 0;
};

class TokenIds {
public:
    std::vector<int> ids(const std::vector<std::string>& toks) {
        std::vector<int> out;
        out.reserve(toks.size());
        for (const auto& t : toks) out.push_back(map_.emplace(t, static_cast<int>(map_.size())).first->second);
        return out;
    }

private:
    std::unordered_map<std::string, int> map_;
};

NgramCounts extractNgrams(const std::vector<int>& ids) {
    NgramCounts nc;
    nc.length = static_cast<long long>(ids.size());
    nc.counts.reserve(ids.size() * kBleuMaxOrder);
    for (size_t n = 1; n <= static_cast<size_t>(kBleuMaxOrder); ++n) {
        for (size_t i = 0; i + n <= ids.size(); ++i)
            ++nc.counts[NgramKey::of(&ids[i], static_cast<int>(n))];
    }
    return nc;
}

// sacrebleu's BLEU._preprocess_segment (case-sensitive, its default): rstrip, then 13a.
std::string preprocess(const std::string& sent) { return tokenize13a(pyRstrip(sent)); }

double myLog(double x) { return x == 0.0 ? -9999999999.0 : std::log(x); }

} // namespace

std::string tokenize13a(const std::string& lineIn) {
    std::string line = lineIn;
    replaceAll(line, "<skipped>", "");
    replaceAll(line, "-\n", "");
    replaceAll(line, "\n", " ");
    if (line.find('&') != std::string::npos) {
        replaceAll(line, "&quot;", "\"");
        replaceAll(line, "&amp;", "&");
        replaceAll(line, "&lt;", "<");
        replaceAll(line, "&gt;", ">");
    }
    return tokenizeRegexp(" " + line + " ");
}

BleuStats& BleuStats::operator+=(const BleuStats& o) {
    sysLen += o.sysLen;
    refLen += o.refLen;
    for (int i = 0; i < kBleuMaxOrder; ++i) {
        correct[static_cast<size_t>(i)] += o.correct[static_cast<size_t>(i)];
        total[static_cast<size_t>(i)] += o.total[static_cast<size_t>(i)];
    }
    return *this;
}

BleuStats bleuSegmentStats(const std::string& hypothesis, const std::vector<std::string>& references) {
    if (references.empty()) throw Error("BLEU: a segment has no reference (give at least one)");
    TokenIds dict;
    // Reference n-grams: the max count of each n-gram over the references.
    std::unordered_map<NgramKey, long long, NgramKeyHash> refMax;
    std::vector<long long> refLens;
    for (const auto& r : references) {
        const NgramCounts nc = extractNgrams(dict.ids(pySplit(preprocess(r))));
        refLens.push_back(nc.length);
        for (const auto& [k, c] : nc.counts) {
            auto& slot = refMax[k];
            if (c > slot) slot = c;
        }
    }
    const NgramCounts hyp = extractNgrams(dict.ids(pySplit(preprocess(hypothesis))));
    BleuStats s;
    s.sysLen = hyp.length;
    // Closest reference length; on equal distance the shorter one.
    long long closestDiff = -1, closestLen = -1;
    for (long long rl : refLens) {
        const long long diff = std::llabs(hyp.length - rl);
        if (closestDiff == -1 || diff < closestDiff) { closestDiff = diff; closestLen = rl; }
        else if (diff == closestDiff && rl < closestLen) closestLen = rl;
    }
    s.refLen = closestLen;
    for (const auto& [k, c] : hyp.counts) {
        const size_t n = static_cast<size_t>(k.n - 1);
        s.total[n] += c;
        auto it = refMax.find(k);
        if (it != refMax.end()) s.correct[n] += std::min(c, it->second);
    }
    return s;
}

BleuScore computeBleu(const BleuStats& stats, const BleuOptions& options) {
    BleuScore out;
    out.sysLen = stats.sysLen;
    out.refLen = stats.refLen;
    out.counts = stats.correct;
    out.totals = stats.total;
    double smoothValue = options.smoothValue;
    if (smoothValue < 0) smoothValue = options.smooth == BleuSmooth::Floor ? 0.1 : 1.0;
    if (stats.sysLen < stats.refLen)
        out.bp = stats.sysLen > 0 ? std::exp(1.0 - static_cast<double>(stats.refLen) / static_cast<double>(stats.sysLen)) : 0.0;
    else
        out.bp = 1.0;
    bool anyCorrect = false;
    for (long long c : stats.correct) anyCorrect = anyCorrect || c != 0;
    if (!anyCorrect) return out;  // score 0, precisions 0

    std::array<double, kBleuMaxOrder> correct{}, total{};
    for (size_t i = 0; i < static_cast<size_t>(kBleuMaxOrder); ++i) {
        correct[i] = static_cast<double>(stats.correct[i]);
        total[i] = static_cast<double>(stats.total[i]);
    }
    double smoothMteval = 1.0;
    int effOrder = kBleuMaxOrder;
    for (int n = 1; n <= kBleuMaxOrder; ++n) {
        const size_t k = static_cast<size_t>(n - 1);
        if (options.smooth == BleuSmooth::AddK && n > 1) {
            correct[k] += smoothValue;
            total[k] += smoothValue;
        }
        if (total[k] == 0) break;
        if (options.effectiveOrder) effOrder = n;
        if (correct[k] == 0) {
            if (options.smooth == BleuSmooth::Exp) {
                smoothMteval *= 2;
                out.precisions[k] = 100. / (smoothMteval * total[k]);
            } else if (options.smooth == BleuSmooth::Floor) {
                out.precisions[k] = 100. * smoothValue / total[k];
            }
        } else {
            out.precisions[k] = 100. * correct[k] / total[k];
        }
    }
    double sum = 0.0;
    for (int i = 0; i < effOrder; ++i) sum += myLog(out.precisions[static_cast<size_t>(i)]);
    out.score = out.bp * std::exp(sum / effOrder);
    return out;
}

BleuScore sentenceBleu(const std::string& hypothesis, const std::vector<std::string>& references) {
    return computeBleu(bleuSegmentStats(hypothesis, references), BleuOptions::sentence());
}

BleuScore corpusBleu(const std::vector<std::string>& hypotheses,
                     const std::vector<std::vector<std::string>>& referencesPerSegment) {
    if (hypotheses.size() != referencesPerSegment.size())
        throw Error("corpus BLEU: " + std::to_string(hypotheses.size()) + " hypotheses but "
                    + std::to_string(referencesPerSegment.size()) + " reference sets");
    BleuStats total;
    for (size_t i = 0; i < hypotheses.size(); ++i) total += bleuSegmentStats(hypotheses[i], referencesPerSegment[i]);
    return computeBleu(total, BleuOptions::corpus());
}

} // namespace tb::metrics
