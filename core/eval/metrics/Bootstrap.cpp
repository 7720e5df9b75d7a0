#include "eval/metrics/Bootstrap.h"

#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace tb::metrics {

namespace {
// Unbiased draw in [0, n) by rejection (independent of the standard library's distributions,
// which differ between implementations).
uint64_t drawIndex(std::mt19937_64& rng, uint64_t n) {
    const uint64_t limit = UINT64_MAX - (UINT64_MAX % n);
    uint64_t x;
    do { x = rng(); } while (x >= limit);
    return x % n;
}
} // namespace

double percentileLinear(std::vector<double> values, double q) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const double pos = (q / 100.0) * static_cast<double>(values.size() - 1);
    const double lo = std::floor(pos);
    const size_t i = static_cast<size_t>(lo);
    if (i + 1 >= values.size()) return values.back();
    const double frac = pos - lo;
    return values[i] + (values[i + 1] - values[i]) * frac;
}

std::vector<MeanInterval> bootstrapMeans(const std::vector<std::vector<double>>& columns, const BootstrapOptions& options) {
    if (options.resamples <= 0) throw Error("bootstrap: the number of resamples must be positive");
    if (options.confidence < 0 || options.confidence > 1) throw Error("bootstrap: confidence must be in [0, 1]");
    std::vector<MeanInterval> out(columns.size());
    if (columns.empty()) return out;
    const size_t n = columns[0].size();
    for (const auto& c : columns)
        if (c.size() != n) throw Error("bootstrap: metric columns have different lengths");
    if (n == 0) return out;
    for (size_t c = 0; c < columns.size(); ++c) {
        double s = 0.0;
        for (double v : columns[c]) s += v;
        out[c].mean = s / static_cast<double>(n);
    }
    std::mt19937_64 rng(options.seed);
    std::vector<std::vector<double>> means(columns.size(), std::vector<double>(static_cast<size_t>(options.resamples)));
    std::vector<size_t> idx(n);
    for (int r = 0; r < options.resamples; ++r) {
        for (size_t k = 0; k < n; ++k) idx[k] = static_cast<size_t>(drawIndex(rng, n));
        for (size_t c = 0; c < columns.size(); ++c) {
            double s = 0.0;
            for (size_t k : idx) s += columns[c][k];
            means[c][static_cast<size_t>(r)] = s / static_cast<double>(n);
        }
    }
    const double delta = (1 - options.confidence) / 2;
    for (size_t c = 0; c < columns.size(); ++c) {
        out[c].low = percentileLinear(means[c], 100 * delta);
        out[c].high = percentileLinear(means[c], 100 * (1 - delta));
    }
    return out;
}

MeanInterval bootstrapMean(const std::vector<double>& values, const BootstrapOptions& options) {
    return bootstrapMeans({values}, options).front();
}

} // namespace tb::metrics
