#pragma once
// Why this exists: ROUGE numbers are only comparable when the text is tokenized the way
// rouge_score 0.1.2 does it: Python lower-casing, every character outside [a-z0-9] becomes a
// space, split on spaces, Porter-stem tokens longer than 3 characters (optional), keep only
// non-empty [a-z0-9]+ tokens.
#include "eval/metrics/PorterStemmer.h"

#include <string>
#include <vector>

namespace tb::metrics {

class RougeTokenizer {
public:
    explicit RougeTokenizer(bool useStemmer = false) : useStemmer_(useStemmer) {}
    std::vector<std::string> tokenize(const std::string& text) const;
    bool usesStemmer() const { return useStemmer_; }

private:
    bool useStemmer_;
    PorterStemmer stemmer_;
};

} // namespace tb::metrics
