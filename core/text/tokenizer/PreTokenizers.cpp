// The pre-tokenizers of tokenizer.json (HF tokenizers `pre_tokenizers` module).
#include "text/tokenizer/Components.h"
#include "text/tokenizer/Pattern.h"
#include "text/unicode/Utf8.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

namespace tb::tok {

PreTokenizer::~PreTokenizer() = default;

const std::vector<std::string>& byteToUnicode() {
    static const std::vector<std::string> table = [] {
        std::vector<std::string> t(256);
        int n = 0;
        for (int b = 0; b < 256; ++b) {
            const bool keep = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
            t[static_cast<size_t>(b)] = utf8::encode(static_cast<char32_t>(keep ? b : 256 + n++));
        }
        return t;
    }();
    return table;
}

int unicodeToByte(char32_t cp) {
    static const std::unordered_map<char32_t, int> rev = [] {
        std::unordered_map<char32_t, int> m;
        const auto& t = byteToUnicode();
        for (int b = 0; b < 256; ++b) {
            size_t n = 0;
            m[utf8::decode(t[static_cast<size_t>(b)], 0, n)] = b;
        }
        return m;
    }();
    const auto it = rev.find(cp);
    return it == rev.end() ? -1 : it->second;
}

SplitBehavior parseBehavior(const std::string& name, const std::string& where) {
    if (name == "Removed") return SplitBehavior::Removed;
    if (name == "Isolated") return SplitBehavior::Isolated;
    if (name == "MergedWithPrevious") return SplitBehavior::MergedWithPrevious;
    if (name == "MergedWithNext") return SplitBehavior::MergedWithNext;
    if (name == "Contiguous") return SplitBehavior::Contiguous;
    throw Error("tokenizer.json: " + where + " behavior '" + name + "' is not supported (supported: Removed, "
                "Isolated, MergedWithPrevious, MergedWithNext, Contiguous)");
}

std::vector<std::pair<size_t, size_t>> applyBehavior(
    const std::vector<std::pair<std::pair<size_t, size_t>, bool>>& spans, SplitBehavior behavior) {
    std::vector<std::pair<size_t, size_t>> out;
    switch (behavior) {
    case SplitBehavior::Removed:
        for (const auto& [r, m] : spans) if (!m) out.push_back(r);
        break;
    case SplitBehavior::Isolated:
        for (const auto& s : spans) out.push_back(s.first);
        break;
    case SplitBehavior::MergedWithPrevious: {
        bool prevMatch = false;
        for (const auto& [r, m] : spans) {
            if (m && !prevMatch && !out.empty()) out.back().second = r.second;
            else out.push_back(r);
            prevMatch = m;
        }
        break;
    }
    case SplitBehavior::MergedWithNext: {
        bool prevMatch = false;
        for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
            if (it->second && !prevMatch && !out.empty()) out.back().first = it->first.first;
            else out.push_back(it->first);
            prevMatch = it->second;
        }
        std::reverse(out.begin(), out.end());
        break;
    }
    case SplitBehavior::Contiguous: {
        int prev = -1;
        for (const auto& [r, m] : spans) {
            if (prev == static_cast<int>(m) && !out.empty()) out.back().second = r.second;
            else out.push_back(r);
            prev = static_cast<int>(m);
        }
        break;
    }
    }
    return out;
}

namespace {

using json = nlohmann::json;

const char* kGpt2Pattern = R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";

// Ranges of single characters satisfying pred.
template <class Pred>
std::vector<std::pair<size_t, size_t>> charMatches(const std::string& s, Pred pred) {
    std::vector<std::pair<size_t, size_t>> out;
    for (size_t i = 0, n = 0; i < s.size(); i += n) {
        const char32_t c = utf8::decode(s, i, n);
        if (pred(c)) out.emplace_back(i, i + n);
    }
    return out;
}

class ByteLevel : public PreTokenizer {
public:
    ByteLevel(bool addPrefixSpace, bool useRegex) : addPrefixSpace_(addPrefixSpace) {
        if (useRegex) regex_ = std::make_unique<Regex>(kGpt2Pattern);
    }
    void split(std::vector<Piece>& pieces) const override {
        if (addPrefixSpace_)
            for (auto& p : pieces) if (p.text.empty() || p.text[0] != ' ') p.text.insert(0, " ");
        if (regex_) splitPieces(pieces, SplitBehavior::Isolated, false, [&](const std::string& s) { return regex_->findAll(s); });
        const auto& table = byteToUnicode();
        for (auto& p : pieces) {
            std::string out;
            out.reserve(p.text.size() * 2);
            for (unsigned char c : p.text) out += table[c];
            p.text.swap(out);
        }
    }
private:
    bool addPrefixSpace_;
    std::unique_ptr<Regex> regex_;
};

class Split : public PreTokenizer {
public:
    Split(Pattern p, SplitBehavior b, bool invert) : pattern_(std::move(p)), behavior_(b), invert_(invert) {}
    void split(std::vector<Piece>& pieces) const override {
        splitPieces(pieces, behavior_, invert_, [&](const std::string& s) { return pattern_.find(s); });
    }
private:
    Pattern pattern_;
    SplitBehavior behavior_;
    bool invert_;
};

class Digits : public PreTokenizer {
public:
    explicit Digits(bool individual) : individual_(individual) {}
    void split(std::vector<Piece>& pieces) const override {
        splitPieces(pieces, individual_ ? SplitBehavior::Isolated : SplitBehavior::Contiguous, false,
                    [](const std::string& s) { return charMatches(s, utf8::isNumeric); });
    }
private:
    bool individual_;
};

class Punctuation : public PreTokenizer {
public:
    explicit Punctuation(SplitBehavior b) : behavior_(b) {}
    void split(std::vector<Piece>& pieces) const override {
        splitPieces(pieces, behavior_, false, [](const std::string& s) { return charMatches(s, utf8::isPunctuation); });
    }
private:
    SplitBehavior behavior_;
};

class WhitespaceSplit : public PreTokenizer {
public:
    void split(std::vector<Piece>& pieces) const override {
        splitPieces(pieces, SplitBehavior::Removed, false, [](const std::string& s) { return charMatches(s, utf8::isWhitespace); });
    }
};

class Whitespace : public PreTokenizer {
public:
    Whitespace() : regex_(R"(\w+|[^\w\s]+)") {}
    void split(std::vector<Piece>& pieces) const override {
        splitPieces(pieces, SplitBehavior::Removed, true, [&](const std::string& s) { return regex_.findAll(s); });
    }
private:
    Regex regex_;
};

class BertPre : public PreTokenizer {
public:
    void split(std::vector<Piece>& pieces) const override {
        WhitespaceSplit().split(pieces);
        Punctuation(SplitBehavior::Isolated).split(pieces);
    }
};

enum class Prepend { Always, First, Never };

class Metaspace : public PreTokenizer {
public:
    Metaspace(std::string rep, Prepend scheme, bool split) : rep_(std::move(rep)), scheme_(scheme), split_(split) {}
    void split(std::vector<Piece>& pieces) const override {
        for (auto& p : pieces) {
            std::string out;
            out.reserve(p.text.size() + 3);
            for (char c : p.text) { if (c == ' ') out += rep_; else out += c; }
            const bool starts = out.compare(0, rep_.size(), rep_) == 0;
            if (!starts && (scheme_ == Prepend::Always || (scheme_ == Prepend::First && p.atStart))) out.insert(0, rep_);
            p.text.swap(out);
        }
        if (split_) {
            const Pattern pat{rep_, nullptr};
            splitPieces(pieces, SplitBehavior::MergedWithNext, false, [&](const std::string& s) { return pat.find(s); });
        }
    }
private:
    std::string rep_;
    Prepend scheme_;
    bool split_;
};

class Sequence : public PreTokenizer {
public:
    explicit Sequence(std::vector<std::unique_ptr<PreTokenizer>> v) : items_(std::move(v)) {}
    void split(std::vector<Piece>& pieces) const override { for (const auto& p : items_) p->split(pieces); }
private:
    std::vector<std::unique_ptr<PreTokenizer>> items_;
};

bool flag(const json& j, const char* key, bool fallback) {
    return j.contains(key) && j[key].is_boolean() ? j[key].get<bool>() : fallback;
}

} // namespace

std::unique_ptr<PreTokenizer> makePreTokenizer(const json& j, const std::string& where) {
    if (j.is_null()) return nullptr;
    const std::string type = jsonType(j, where);
    if (type == "ByteLevel") return std::make_unique<ByteLevel>(flag(j, "add_prefix_space", true), flag(j, "use_regex", true));
    if (type == "Split") {
        const std::string behavior = j.value("behavior", std::string("Isolated"));
        return std::make_unique<Split>(Pattern::parse(j.at("pattern"), where), parseBehavior(behavior, where),
                                       flag(j, "invert", false));
    }
    if (type == "Digits") return std::make_unique<Digits>(flag(j, "individual_digits", false));
    if (type == "Punctuation") return std::make_unique<Punctuation>(parseBehavior(j.value("behavior", std::string("Isolated")), where));
    if (type == "Whitespace") return std::make_unique<Whitespace>();
    if (type == "WhitespaceSplit") return std::make_unique<WhitespaceSplit>();
    if (type == "BertPreTokenizer") return std::make_unique<BertPre>();
    if (type == "Metaspace") {
        const std::string rep = j.value("replacement", std::string("\xE2\x96\x81"));
        Prepend scheme = flag(j, "add_prefix_space", true) ? Prepend::Always : Prepend::Never;
        if (j.contains("prepend_scheme") && j["prepend_scheme"].is_string()) {
            const std::string s = j["prepend_scheme"].get<std::string>();
            if (s == "always") scheme = Prepend::Always;
            else if (s == "first") scheme = Prepend::First;
            else if (s == "never") scheme = Prepend::Never;
            else throw Error("tokenizer.json: " + where + " prepend_scheme '" + s + "' is not supported (supported: always, first, never)");
        }
        return std::make_unique<Metaspace>(rep, scheme, flag(j, "split", true));
    }
    if (type == "Sequence") {
        std::vector<std::unique_ptr<PreTokenizer>> v;
        const auto& arr = j.at("pretokenizers");
        for (size_t i = 0; i < arr.size(); ++i) {
            auto p = makePreTokenizer(arr[i], where + ".pretokenizers[" + std::to_string(i) + "]");
            if (p) v.push_back(std::move(p));
        }
        return std::make_unique<Sequence>(std::move(v));
    }
    throw Error("tokenizer.json: " + where + " type '" + type + "' is not supported (supported: ByteLevel, Split, "
                "Digits, Punctuation, Whitespace, WhitespaceSplit, BertPreTokenizer, Metaspace, Sequence)");
}

} // namespace tb::tok
