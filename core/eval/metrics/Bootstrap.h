#pragma once
// Why this exists: a corpus mean without an interval invites reading noise as progress.
// This is the percentile bootstrap rouge_score's BootstrapAggregator uses (resample the
// examples with replacement, take the mean of each resample, report the 2.5th and 97.5th
// percentiles with numpy's default linear interpolation), made reproducible: a fixed number
// of resamples (1000) from a fixed-seed Mersenne Twister (mt19937_64, seed 20240601) with
// unbiased index draws, so the same scores always give the same interval. The point estimate
// is the plain mean of all examples (rouge_score reports the bootstrap median instead, which
// differs from the mean only by resampling noise).
#include <cstdint>
#include <vector>

namespace tb::metrics {

struct MeanInterval {
    double mean = 0.0;
    double low = 0.0;
    double high = 0.0;
};

struct BootstrapOptions {
    int resamples = 1000;
    double confidence = 0.95;
    uint64_t seed = 20240601;
};

// Several metrics of the same examples: one resample drives all columns, as in rouge_score.
// columns[c][i] is metric c of example i. Empty input gives zeros.
std::vector<MeanInterval> bootstrapMeans(const std::vector<std::vector<double>>& columns,
                                         const BootstrapOptions& options = {});
MeanInterval bootstrapMean(const std::vector<double>& values, const BootstrapOptions& options = {});

// numpy.percentile(values, q) with the default 'linear' method; q in [0, 100].
double percentileLinear(std::vector<double> values, double q);

} // namespace tb::metrics
