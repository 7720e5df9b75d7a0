#pragma once
// Why this exists: BLEU with the exact semantics of sacrebleu 2.4.x: the 13a tokenizer
// (mteval-v13a), clipped n-gram counts against the max count over references, the closest
// reference length (shorter wins ties) for the brevity penalty, smoothing, effective order.
// Case-sensitive, as sacrebleu's default. Corpus BLEU sums the statistics of all segments; sentence BLEU is sacrebleu.sentence_bleu
// (smooth 'exp', effective order on).
//
// Usage:
//   1. BleuStats s = bleuSegmentStats(hypothesis, references);   // per segment
//   2. accumulate with s1 += s2 over the corpus
//   3. BleuScore b = computeBleu(total, BleuOptions::corpus());   // or ::sentence()
#include <array>
#include <string>
#include <vector>

namespace tb::metrics {

constexpr int kBleuMaxOrder = 4;

// sacrebleu's Tokenizer13a: the input line is already rstrip()ed by the caller of BLEU.
std::string tokenize13a(const std::string& line);

struct BleuStats {
    long long sysLen = 0;
    long long refLen = 0;
    std::array<long long, kBleuMaxOrder> correct{};
    std::array<long long, kBleuMaxOrder> total{};
    BleuStats& operator+=(const BleuStats& o);
};

enum class BleuSmooth { None, Floor, AddK, Exp };

struct BleuOptions {
    BleuSmooth smooth = BleuSmooth::Exp;
    double smoothValue = -1.0;   // < 0: sacrebleu's default for the method (floor 0.1, add-k 1)
    bool effectiveOrder = false;
    static BleuOptions corpus() { return {}; }                       // sacrebleu.corpus_bleu defaults
    static BleuOptions sentence() { return {BleuSmooth::Exp, -1.0, true}; }  // sentence_bleu
};

struct BleuScore {
    double score = 0.0;           // 0..100
    std::array<double, kBleuMaxOrder> precisions{};  // 0..100
    double bp = 0.0;
    long long sysLen = 0;
    long long refLen = 0;
    std::array<long long, kBleuMaxOrder> counts{};
    std::array<long long, kBleuMaxOrder> totals{};
};

// Statistics of one hypothesis against its references (raw, untokenized text).
// Throws tb::Error when references is empty.
BleuStats bleuSegmentStats(const std::string& hypothesis, const std::vector<std::string>& references);
BleuScore computeBleu(const BleuStats& stats, const BleuOptions& options);

BleuScore sentenceBleu(const std::string& hypothesis, const std::vector<std::string>& references);
BleuScore corpusBleu(const std::vector<std::string>& hypotheses,
                     const std::vector<std::vector<std::string>>& referencesPerSegment);

} // namespace tb::metrics
