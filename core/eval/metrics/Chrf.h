#pragma once
// Why this exists: chrF as sacrebleu 2.4.x computes it with its defaults (character n-grams
// up to 6, no word n-grams, beta 2, whitespace removed, no eps smoothing: precision and
// recall averaged over the orders that have n-grams on both sides). With several
// references a segment keeps the statistics of the reference with the best chrF; the corpus
// score is computed from the summed statistics.
#include <string>
#include <vector>

namespace tb::metrics {

constexpr int kChrfCharOrder = 6;

struct ChrfStats {
    // [hyp, ref, match] per order 1..6
    std::vector<long long> values = std::vector<long long>(3 * kChrfCharOrder, 0);
    ChrfStats& operator+=(const ChrfStats& o);
};

ChrfStats chrfSegmentStats(const std::string& hypothesis, const std::vector<std::string>& references);
double chrfFromStats(const ChrfStats& stats);  // 0..100
double sentenceChrf(const std::string& hypothesis, const std::vector<std::string>& references);
double corpusChrf(const std::vector<std::string>& hypotheses,
                  const std::vector<std::vector<std::string>>& referencesPerSegment);

} // namespace tb::metrics
