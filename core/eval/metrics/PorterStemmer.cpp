#include "eval/metrics/PorterStemmer.h"

#include <functional>
#include <unordered_map>
#include <vector>

namespace tb::metrics {

namespace {

using Cond = std::function<bool(const std::string&)>;

struct Rule {
    std::string suffix;       // "*d" means "ends in a double consonant"
    std::string replacement;
    Cond condition;           // empty: unconditional
};

bool isVowelChar(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// A 'y' is a consonant at the start of the word or after a vowel.
bool isConsonant(const std::string& w, size_t i) {
    if (isVowelChar(w[i])) return false;
    if (w[i] != 'y') return true;
    bool negate = false;
    while (i > 0 && w[i] == 'y') { negate = !negate; --i; }
    return (!isVowelChar(w[i])) != negate;
}

// m in [C](VC){m}[V]: the number of vowel->consonant transitions.
int measure(const std::string& stem) {
    int m = 0;
    bool prevCons = true, havePrev = false;
    for (size_t i = 0; i < stem.size(); ++i) {
        bool cons;
        if (isVowelChar(stem[i])) cons = false;
        else if (stem[i] == 'y') cons = (i == 0) ? true : !prevCons;
        else cons = true;
        if (havePrev && !prevCons && cons) ++m;
        prevCons = cons;
        havePrev = true;
    }
    return m;
}

bool containsVowel(const std::string& stem) {
    bool prevCons = true;
    for (size_t i = 0; i < stem.size(); ++i) {
        bool cons;
        if (isVowelChar(stem[i])) cons = false;
        else if (stem[i] == 'y') cons = (i == 0) ? true : !prevCons;
        else cons = true;
        if (!cons) return true;
        prevCons = cons;
    }
    return false;
}

bool endsWith(const std::string& w, const std::string& suf) {
    return w.size() >= suf.size() && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
}

std::string dropSuffix(const std::string& w, size_t n) { return w.substr(0, w.size() - n); }

bool endsDoubleConsonant(const std::string& w) {
    return w.size() >= 2 && w[w.size() - 1] == w[w.size() - 2] && isConsonant(w, w.size() - 1);
}

// *o: consonant-vowel-consonant, the last not w/x/y; NLTK also accepts a two-letter
// vowel-consonant word.
bool endsCvc(const std::string& w) {
    const size_t n = w.size();
    if (n >= 3 && isConsonant(w, n - 3) && !isConsonant(w, n - 2) && isConsonant(w, n - 1) && w[n - 1] != 'w'
        && w[n - 1] != 'x' && w[n - 1] != 'y')
        return true;
    return n == 2 && !isConsonant(w, 0) && isConsonant(w, 1);
}

// The first rule whose suffix matches decides: it applies if its condition holds, otherwise
// the word is returned unchanged (no later rule is tried).
std::string applyRules(const std::string& word, const std::vector<Rule>& rules) {
    for (const Rule& r : rules) {
        if (r.suffix == "*d" && endsDoubleConsonant(word)) {
            const std::string stem = dropSuffix(word, 2);
            if (!r.condition || r.condition(stem)) return stem + r.replacement;
            return word;
        }
        if (endsWith(word, r.suffix)) {
            const std::string stem = dropSuffix(word, r.suffix.size());
            if (!r.condition || r.condition(stem)) return stem + r.replacement;
            return word;
        }
    }
    return word;
}

bool positiveMeasure(const std::string& s) { return measure(s) > 0; }

std::string step1a(const std::string& w) {
    if (endsWith(w, "ies") && w.size() == 4) return dropSuffix(w, 3) + "ie";
    static const std::vector<Rule> rules = {
        {"sses", "ss", {}}, {"ies", "i", {}}, {"ss", "ss", {}}, {"s", "", {}}};
    return applyRules(w, rules);
}

std::string step1b(const std::string& w) {
    if (endsWith(w, "ied")) return dropSuffix(w, 3) + (w.size() == 4 ? "ie" : "i");
    if (endsWith(w, "eed")) {
        const std::string stem = dropSuffix(w, 3);
        return measure(stem) > 0 ? stem + "ee" : w;
    }
    std::string inter;
    bool ok = false;
    for (const char* suf : {"ed", "ing"}) {
        const std::string s(suf);
        if (endsWith(w, s)) {
            inter = dropSuffix(w, s.size());
            if (containsVowel(inter)) { ok = true; break; }
        }
    }
    if (!ok) return w;
    const char last = inter.empty() ? '\0' : inter.back();
    const std::vector<Rule> rules = {
        {"at", "ate", {}},
        {"bl", "ble", {}},
        {"iz", "ize", {}},
        {"*d", std::string(1, last), [last](const std::string&) { return last != 'l' && last != 's' && last != 'z'; }},
        {"", "e", [](const std::string& s) { return measure(s) == 1 && endsCvc(s); }},
    };
    return applyRules(inter, rules);
}

std::string step1c(const std::string& w) {
    static const std::vector<Rule> rules = {
        {"y", "i", [](const std::string& s) { return s.size() > 1 && isConsonant(s, s.size() - 1); }}};
    return applyRules(w, rules);
}

std::string step2(const std::string& w) {
    if (endsWith(w, "alli") && positiveMeasure(dropSuffix(w, 4))) return step2(dropSuffix(w, 4) + "al");
    static const std::vector<Rule> fixed = {
        {"ational", "ate", positiveMeasure}, {"tional", "tion", positiveMeasure},
        {"enci", "ence", positiveMeasure},   {"anci", "ance", positiveMeasure},
        {"izer", "ize", positiveMeasure},    {"bli", "ble", positiveMeasure},
        {"alli", "al", positiveMeasure},     {"entli", "ent", positiveMeasure},
        {"eli", "e", positiveMeasure},       {"ousli", "ous", positiveMeasure},
        {"ization", "ize", positiveMeasure}, {"ation", "ate", positiveMeasure},
        {"ator", "ate", positiveMeasure},    {"alism", "al", positiveMeasure},
        {"iveness", "ive", positiveMeasure}, {"fulness", "ful", positiveMeasure},
        {"ousness", "ous", positiveMeasure}, {"aliti", "al", positiveMeasure},
        {"iviti", "ive", positiveMeasure},   {"biliti", "ble", positiveMeasure},
        {"fulli", "ful", positiveMeasure},
    };
    std::vector<Rule> rules = fixed;
    // NLTK's "logi" rule tests the measure of the word minus "ogi" (i.e. the stem plus 'l').
    const std::string minus3 = w.size() >= 3 ? dropSuffix(w, 3) : std::string();
    rules.push_back({"logi", "log", [minus3](const std::string&) { return positiveMeasure(minus3); }});
    return applyRules(w, rules);
}

std::string step3(const std::string& w) {
    static const std::vector<Rule> rules = {
        {"icate", "ic", positiveMeasure}, {"ative", "", positiveMeasure}, {"alize", "al", positiveMeasure},
        {"iciti", "ic", positiveMeasure}, {"ical", "ic", positiveMeasure}, {"ful", "", positiveMeasure},
        {"ness", "", positiveMeasure}};
    return applyRules(w, rules);
}

std::string step4(const std::string& w) {
    const Cond gt1 = [](const std::string& s) { return measure(s) > 1; };
    static const std::vector<Rule> rules = {
        {"al", "", gt1},   {"ance", "", gt1}, {"ence", "", gt1}, {"er", "", gt1},    {"ic", "", gt1},
        {"able", "", gt1}, {"ible", "", gt1}, {"ant", "", gt1},  {"ement", "", gt1}, {"ment", "", gt1},
        {"ent", "", gt1},
        {"ion", "", [](const std::string& s) { return measure(s) > 1 && (s.back() == 's' || s.back() == 't'); }},
        {"ou", "", gt1},   {"ism", "", gt1},  {"ate", "", gt1},  {"iti", "", gt1},   {"ous", "", gt1},
        {"ive", "", gt1},  {"ize", "", gt1}};
    return applyRules(w, rules);
}

std::string step5a(const std::string& w) {
    if (endsWith(w, "e")) {
        const std::string stem = dropSuffix(w, 1);
        const int m = measure(stem);
        if (m > 1) return stem;
        if (m == 1 && !endsCvc(stem)) return stem;
    }
    return w;
}

std::string step5b(const std::string& w) {
    if (endsWith(w, "ll") && measure(dropSuffix(w, 1)) > 1) return dropSuffix(w, 1);
    return w;
}

const std::unordered_map<std::string, std::string>& irregularForms() {
    static const std::unordered_map<std::string, std::string> pool = {
        {"sky", "sky"},       {"skies", "sky"},     {"dying", "die"},      {"lying", "lie"},
        {"tying", "tie"},     {"news", "news"},     {"innings", "inning"}, {"inning", "inning"},
        {"outings", "outing"}, {"outing", "outing"}, {"cannings", "canning"}, {"canning", "canning"},
        {"howe", "howe"},     {"proceed", "proceed"}, {"exceed", "exceed"}, {"succeed", "succeed"}};
    return pool;
}

} // namespace

std::string PorterStemmer::stem(const std::string& word) const {
    // Words repeat a lot in a corpus: remember this thread's recent stems.
    thread_local std::unordered_map<std::string, std::string> cache;
    if (auto it = cache.find(word); it != cache.end()) return it->second;
    std::string s = stemUncached(word);
    if (cache.size() > 200000) cache.clear();
    cache.emplace(word, s);
    return s;
}

std::string PorterStemmer::stemUncached(const std::string& word) const {
    std::string w = word;
    for (char& c : w)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const auto& pool = irregularForms();
    if (auto it = pool.find(w); it != pool.end()) return it->second;
    if (word.size() <= 2) return w;
    w = step1a(w);
    w = step1b(w);
    w = step1c(w);
    w = step2(w);
    w = step3(w);
    w = step4(w);
    w = step5a(w);
    w = step5b(w);
    return w;
}

} // namespace tb::metrics
