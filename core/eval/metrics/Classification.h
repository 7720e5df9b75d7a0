#pragma once
// Why this exists: classification templates (answer_choices) are judged by whether the model
// produced the right label, not by n-gram overlap. Both strings are normalised the same way
// before comparing: surrounding whitespace stripped, inner whitespace runs collapsed to one
// space, ASCII letters lower-cased, trailing sentence punctuation (. ! ?) removed.
//
// Exact match: normalise(prediction) == normalise(reference) (best over references).
// Accuracy with answer choices: the prediction is mapped to a choice -- the choice equal to
// it after normalisation, else the longest choice that starts it followed by a non-letter,
// non-digit character ("positive, I think" -> "positive") -- and is correct when that choice
// is the reference's. A prediction that maps to no choice is counted wrong and reported as
// invalid.
#include <optional>
#include <string>
#include <vector>

namespace tb::metrics {

std::string normalizeAnswer(const std::string& s);
bool exactMatch(const std::string& prediction, const std::vector<std::string>& references);
// Index into choices, or nullopt when the prediction names none of them.
std::optional<size_t> matchAnswerChoice(const std::string& prediction, const std::vector<std::string>& choices);

struct ClassificationSummary {
    long long total = 0;
    long long correct = 0;
    long long invalid = 0;     // predictions that named no answer choice
    double accuracy() const { return total ? static_cast<double>(correct) / static_cast<double>(total) : 0.0; }
};

// Accuracy of predictions against one reference label each, given the template's choices.
ClassificationSummary classificationAccuracy(const std::vector<std::string>& predictions,
                                             const std::vector<std::string>& references,
                                             const std::vector<std::string>& choices);

} // namespace tb::metrics
