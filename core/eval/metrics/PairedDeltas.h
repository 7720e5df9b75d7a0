#pragma once
// Why this exists: "did the tuned model get better, and where?" is a per-example question.
// Given one metric for the same examples under a base and a candidate model, this counts
// wins / ties / losses, gives the mean difference with a paired bootstrap 95% interval
// (resampling examples, Bootstrap.h's fixed seed), and lists the largest gains and
// regressions so they can be read side by side.
#include "eval/metrics/Bootstrap.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace tb::metrics {

struct ExampleDelta {
    size_t index = 0;
    double base = 0.0;
    double candidate = 0.0;
    double delta() const { return candidate - base; }
};

struct PairedDeltas {
    long long wins = 0, ties = 0, losses = 0;   // |delta| <= tieEpsilon is a tie
    MeanInterval meanDelta;
    std::vector<ExampleDelta> largestGains;        // delta > 0, largest first
    std::vector<ExampleDelta> largestRegressions;  // delta < 0, most negative first
    nlohmann::json toJson() const;
};

PairedDeltas pairedDeltas(const std::vector<double>& base, const std::vector<double>& candidate, size_t topK = 5,
                          double tieEpsilon = 1e-12, const BootstrapOptions& bootstrap = {});

} // namespace tb::metrics
