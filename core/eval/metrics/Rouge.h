#pragma once
// Why this exists: ROUGE-1/2/L/Lsum with the exact semantics of Google's rouge_score 0.1.2
// (RougeScorer.score / score_multi), so the numbers a user sees here are the numbers the
// papers and the Hugging Face course report.
//
// Usage:
//   1. RougeScorer scorer({"rouge1", "rouge2", "rougeL", "rougeLsum"}, /*useStemmer=*/true);
//   2. RougeResult r = scorer.score(reference, prediction);          // one reference
//      RougeResult r = scorer.scoreMulti(references, prediction);    // best F per type
//   3. r.at("rougeL").fmeasure
#include "eval/metrics/RougeTokenizer.h"

#include <map>
#include <string>
#include <vector>

namespace tb::metrics {

struct RougeScore {
    double precision = 0.0;
    double recall = 0.0;
    double fmeasure = 0.0;
};

using RougeResult = std::map<std::string, RougeScore>;

class RougeScorer {
public:
    // Types: "rougeN" for N in 1..9, "rougeL", "rougeLsum". Throws tb::UsageError otherwise.
    explicit RougeScorer(std::vector<std::string> rougeTypes, bool useStemmer = false);

    static std::vector<std::string> defaultTypes() { return {"rouge1", "rouge2", "rougeL", "rougeLsum"}; }

    RougeResult score(const std::string& target, const std::string& prediction) const;
    // For each type, the score against the reference with the highest F (first on ties).
    // An empty reference list scores zero.
    RougeResult scoreMulti(const std::vector<std::string>& targets, const std::string& prediction) const;

    const std::vector<std::string>& types() const { return types_; }

private:
    std::vector<std::string> types_;
    RougeTokenizer tokenizer_;
};

// rouge_score's helpers, exposed for tests.
double rougeFmeasure(double precision, double recall);
RougeScore rougeN(const std::vector<std::string>& target, const std::vector<std::string>& prediction, int n);
RougeScore rougeLcs(const std::vector<std::string>& target, const std::vector<std::string>& prediction);
RougeScore rougeLsum(const std::vector<std::vector<std::string>>& targetSents,
                     const std::vector<std::vector<std::string>>& predictionSents);

} // namespace tb::metrics
