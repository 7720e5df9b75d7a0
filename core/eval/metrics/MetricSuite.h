#pragma once
// Why this exists: the CLI (`tunebench metrics`), the comparison runner and the GUI all score
// (prediction, references) pairs with the same selection of metrics and need the same
// per-example records and corpus aggregates. This is that one implementation.
//
// Usage:
//   1. MetricSuite suite({/*rouge*/true, /*bleu*/true, /*chrf*/true, /*stem*/false});
//   2. for each pair: nlohmann::json line = suite.add(prediction, references);
//   3. nlohmann::json corpus = suite.aggregate();
// Shapes: per example {"rouge1": {"precision","recall","fmeasure"}, ..., "rougeLsum": ...,
//   "bleu": {"score","precisions","bp","sys_len","ref_len"} (sentence BLEU), "chrf": {"score"}};
//   corpus: the same keys with the mean ROUGE P/R/F plus "low"/"high" bootstrap 95% bounds
//   (Bootstrap.h), corpus BLEU (+ "counts", "totals") and corpus chrF, and "count".
#include "eval/metrics/Bleu.h"
#include "eval/metrics/Bootstrap.h"
#include "eval/metrics/Chrf.h"
#include "eval/metrics/Rouge.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace tb::metrics {

struct MetricSelection {
    bool rouge = true;
    bool bleu = true;
    bool chrf = true;
    bool stem = false;   // Porter-stem ROUGE tokens (rouge_score use_stemmer=True)
};

struct ExampleScores {
    RougeResult rouge;     // empty when ROUGE is off
    BleuScore bleu;        // sentence BLEU
    BleuStats bleuStats;
    ChrfStats chrfStats;
    double chrf = 0.0;
};

class MetricSuite {
public:
    explicit MetricSuite(MetricSelection selection = {}, BootstrapOptions bootstrap = {});

    // Scores one pair, keeps what the corpus aggregate needs and returns the example's scores.
    // Throws tb::Error when references is empty.
    ExampleScores score(const std::string& prediction, const std::vector<std::string>& references);
    nlohmann::json add(const std::string& prediction, const std::vector<std::string>& references);

    nlohmann::json aggregate() const;
    size_t count() const { return count_; }
    const MetricSelection& selection() const { return sel_; }

    nlohmann::json toJson(const ExampleScores& s) const;
    static nlohmann::json rougeJson(const RougeScore& s);
    static nlohmann::json bleuJson(const BleuScore& b);

    // The per-example F-measure column of a ROUGE type (for intervals and deltas elsewhere).
    const std::vector<double>& column(const std::string& rougeType, int measure /*0 P,1 R,2 F*/) const;

private:
    MetricSelection sel_;
    BootstrapOptions boot_;
    RougeScorer rouge_;
    size_t count_ = 0;
    std::vector<std::vector<double>> rougeCols_;   // type-major: [t*3 + m][example]
    BleuStats bleuTotal_;
    ChrfStats chrfTotal_;
};

} // namespace tb::metrics
