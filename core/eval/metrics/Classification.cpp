#include "eval/metrics/Classification.h"

#include "util/Error.h"

namespace tb::metrics {

namespace {
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool isAlnum(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80; }
} // namespace

std::string normalizeAnswer(const std::string& s) {
    std::string out;
    bool pending = false;
    for (char c : s) {
        if (isSpace(c)) {
            pending = !out.empty();
            continue;
        }
        if (pending) { out.push_back(' '); pending = false; }
        out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
    }
    while (!out.empty() && (out.back() == '.' || out.back() == '!' || out.back() == '?' || out.back() == ' '))
        out.pop_back();
    return out;
}

bool exactMatch(const std::string& prediction, const std::vector<std::string>& references) {
    const std::string p = normalizeAnswer(prediction);
    for (const auto& r : references)
        if (normalizeAnswer(r) == p) return true;
    return false;
}

std::optional<size_t> matchAnswerChoice(const std::string& prediction, const std::vector<std::string>& choices) {
    const std::string p = normalizeAnswer(prediction);
    for (size_t i = 0; i < choices.size(); ++i)
        if (normalizeAnswer(choices[i]) == p) return i;
    std::optional<size_t> best;
    size_t bestLen = 0;
    for (size_t i = 0; i < choices.size(); ++i) {
        const std::string c = normalizeAnswer(choices[i]);
        if (c.empty() || c.size() >= p.size() || p.compare(0, c.size(), c) != 0) continue;
        if (isAlnum(static_cast<unsigned char>(p[c.size()]))) continue;
        if (c.size() > bestLen) { best = i; bestLen = c.size(); }
    }
    return best;
}

ClassificationSummary classificationAccuracy(const std::vector<std::string>& predictions,
                                             const std::vector<std::string>& references,
                                             const std::vector<std::string>& choices) {
    if (predictions.size() != references.size())
        throw Error("accuracy: " + std::to_string(predictions.size()) + " predictions but "
                    + std::to_string(references.size()) + " references");
    ClassificationSummary s;
    for (size_t i = 0; i < predictions.size(); ++i) {
        ++s.total;
        if (choices.empty()) {
            if (exactMatch(predictions[i], {references[i]})) ++s.correct;
            continue;
        }
        const auto pc = matchAnswerChoice(predictions[i], choices);
        if (!pc) { ++s.invalid; continue; }
        const auto rc = matchAnswerChoice(references[i], choices);
        if (rc && *rc == *pc) ++s.correct;
    }
    return s;
}

} // namespace tb::metrics
