#pragma once
// Why this exists: rouge_score's use_stemmer=True runs NLTK's PorterStemmer in its default
// NLTK_EXTENSIONS mode. Stemmed ROUGE only matches the reference if every rule, exception and
// tie-break of that mode is reproduced, so this is a rule-for-rule implementation of it
// (Porter 1980 + Martin Porter's published extensions + NLTK's additions).
#include <string>

namespace tb::metrics {

class PorterStemmer {
public:
    // Stems a lower-case ASCII word (rouge_score only passes [a-z0-9]+ tokens).
    std::string stem(const std::string& word) const;

private:
    std::string stemUncached(const std::string& word) const;
};

} // namespace tb::metrics
