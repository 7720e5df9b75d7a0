#include "eval/metrics/PairedDeltas.h"

#include "util/Error.h"

#include <algorithm>
#include <cmath>

namespace tb::metrics {

PairedDeltas pairedDeltas(const std::vector<double>& base, const std::vector<double>& candidate, size_t topK,
                          double tieEpsilon, const BootstrapOptions& bootstrap) {
    if (base.size() != candidate.size())
        throw Error("per-example deltas: " + std::to_string(base.size()) + " base scores but "
                    + std::to_string(candidate.size()) + " candidate scores");
    PairedDeltas out;
    std::vector<double> diffs(base.size());
    std::vector<ExampleDelta> all;
    for (size_t i = 0; i < base.size(); ++i) {
        diffs[i] = candidate[i] - base[i];
        if (std::abs(diffs[i]) <= tieEpsilon) ++out.ties;
        else if (diffs[i] > 0) ++out.wins;
        else ++out.losses;
        all.push_back({i, base[i], candidate[i]});
    }
    out.meanDelta = bootstrapMean(diffs, bootstrap);
    std::stable_sort(all.begin(), all.end(), [](const ExampleDelta& a, const ExampleDelta& b) { return a.delta() > b.delta(); });
    for (const auto& d : all) {
        if (out.largestGains.size() >= topK || d.delta() <= tieEpsilon) break;
        out.largestGains.push_back(d);
    }
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        if (out.largestRegressions.size() >= topK || it->delta() >= -tieEpsilon) break;
        out.largestRegressions.push_back(*it);
    }
    return out;
}

nlohmann::json PairedDeltas::toJson() const {
    auto list = [](const std::vector<ExampleDelta>& v) {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& d : v) a.push_back({{"index", d.index}, {"base", d.base}, {"candidate", d.candidate}, {"delta", d.delta()}});
        return a;
    };
    return {{"wins", wins},
            {"ties", ties},
            {"losses", losses},
            {"mean_delta", meanDelta.mean},
            {"mean_delta_low", meanDelta.low},
            {"mean_delta_high", meanDelta.high},
            {"largest_gains", list(largestGains)},
            {"largest_regressions", list(largestRegressions)}};
}

} // namespace tb::metrics
