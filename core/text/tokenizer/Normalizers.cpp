// The normalizers of tokenizer.json (HF tokenizers `normalizers` module), on plain strings.
#include "text/tokenizer/Components.h"
#include "text/tokenizer/Pattern.h"
#include "text/tokenizer/PrecompiledCharsmap.h"
#include "text/unicode/Regex.h"
#include "text/unicode/Utf8.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

namespace tb::tok {

Normalizer::~Normalizer() = default;

namespace {

using json = nlohmann::json;

class UnicodeForm : public Normalizer {
public:
    explicit UnicodeForm(const char* f) : form_(f) {}
    void apply(std::string& s) const override { s = utf8::normalize(s, form_); }
private:
    const char* form_;
};

class Lowercase : public Normalizer {
public:
    void apply(std::string& s) const override { s = utf8::toLower(s); }
};

class Prepend : public Normalizer {
public:
    explicit Prepend(std::string p) : p_(std::move(p)) {}
    void apply(std::string& s) const override { if (!s.empty()) s.insert(0, p_); }
private:
    std::string p_;
};

class Strip : public Normalizer {
public:
    Strip(bool l, bool r) : left_(l), right_(r) {}
    void apply(std::string& s) const override {
        size_t b = 0, e = s.size();
        if (left_) {
            while (b < e) {
                size_t n = 0;
                const char32_t c = utf8::decode(s, b, n);
                if (!utf8::isWhitespace(c)) break;
                b += n;
            }
        }
        if (right_) {
            while (e > b) {
                size_t k = e - 1;
                while (k > b && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
                size_t n = 0;
                const char32_t c = utf8::decode(s, k, n);
                if (!utf8::isWhitespace(c)) break;
                e = k;
            }
        }
        s = s.substr(b, e - b);
    }
private:
    bool left_, right_;
};

class StripAccents : public Normalizer {
public:
    void apply(std::string& s) const override {
        std::string out;
        for (size_t i = 0, n = 0; i < s.size(); i += n) {
            const char32_t c = utf8::decode(s, i, n);
            if (!utf8::isCombiningMark(c)) out.append(s, i, n);
        }
        s.swap(out);
    }
};

class Replace : public Normalizer {
public:
    Replace(Pattern p, std::string c) : pattern_(std::move(p)), content_(std::move(c)) {}
    void apply(std::string& s) const override {
        const auto matches = pattern_.find(s);
        if (matches.empty()) return;
        std::string out;
        size_t prev = 0;
        for (const auto& [b, e] : matches) { out.append(s, prev, b - prev); out += content_; prev = e; }
        out.append(s, prev, std::string::npos);
        s.swap(out);
    }
private:
    Pattern pattern_;
    std::string content_;
};

class Precompiled : public Normalizer {
public:
    explicit Precompiled(const std::string& blob) : map_(blob) {}
    void apply(std::string& s) const override { s = map_.normalize(s); }
private:
    PrecompiledCharsmap map_;
};

// BertNormalizer: clean_text, handle_chinese_chars, strip_accents, lowercase.
class BertNormalizer : public Normalizer {
public:
    BertNormalizer(bool clean, bool chinese, bool strip, bool lower) : clean_(clean), chinese_(chinese), strip_(strip), lower_(lower) {}
    void apply(std::string& s) const override {
        std::string out;
        for (size_t i = 0, n = 0; i < s.size(); i += n) {
            const char32_t c = utf8::decode(s, i, n);
            if (clean_) {
                if (c == 0 || c == 0xFFFD || (c != '\t' && c != '\n' && c != '\r' && utf8::isControl(c))) continue;
                if (utf8::isWhitespace(c)) { out += ' '; continue; }
            }
            const bool cjk = (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF) ||
                             (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF) ||
                             (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
            if (chinese_ && cjk) { out += ' '; utf8::append(out, c); out += ' '; continue; }
            out.append(s, i, n);
        }
        if (strip_) { out = utf8::normalize(out, "NFD"); StripAccents().apply(out); }
        if (lower_) out = utf8::toLower(out);
        s.swap(out);
    }
private:
    bool clean_, chinese_, strip_, lower_;
};

class Sequence : public Normalizer {
public:
    explicit Sequence(std::vector<std::unique_ptr<Normalizer>> v) : items_(std::move(v)) {}
    void apply(std::string& s) const override { for (const auto& n : items_) n->apply(s); }
private:
    std::vector<std::unique_ptr<Normalizer>> items_;
};

} // namespace

std::string jsonType(const json& j, const std::string& where) {
    if (!j.is_object() || !j.contains("type") || !j["type"].is_string())
        throw Error("tokenizer.json: " + where + " has no \"type\"");
    return j["type"].get<std::string>();
}

std::unique_ptr<Normalizer> makeNormalizer(const json& j, const std::string& where) {
    if (j.is_null()) return nullptr;
    const std::string type = jsonType(j, where);
    if (type == "NFC") return std::make_unique<UnicodeForm>("NFC");
    if (type == "NFD") return std::make_unique<UnicodeForm>("NFD");
    if (type == "NFKC") return std::make_unique<UnicodeForm>("NFKC");
    if (type == "NFKD") return std::make_unique<UnicodeForm>("NFKD");
    if (type == "Lowercase") return std::make_unique<Lowercase>();
    if (type == "StripAccents") return std::make_unique<StripAccents>();
    if (type == "Prepend") return std::make_unique<Prepend>(j.at("prepend").get<std::string>());
    if (type == "Strip") return std::make_unique<Strip>(j.value("strip_left", true), j.value("strip_right", true));
    if (type == "Replace") return std::make_unique<Replace>(Pattern::parse(j.at("pattern"), where), j.at("content").get<std::string>());
    if (type == "Precompiled") {
        const auto& m = j.at("precompiled_charsmap");
        if (m.is_null()) return nullptr;
        return std::make_unique<Precompiled>(base64Decode(m.get<std::string>()));
    }
    if (type == "BertNormalizer") {
        const auto flag = [&](const char* k, bool d) { return j.contains(k) && !j[k].is_null() ? j[k].get<bool>() : d; };
        const bool lower = flag("lowercase", true);
        return std::make_unique<BertNormalizer>(flag("clean_text", true), flag("handle_chinese_chars", true),
                                                flag("strip_accents", lower), lower);
    }
    if (type == "Sequence") {
        std::vector<std::unique_ptr<Normalizer>> v;
        const auto& arr = j.at("normalizers");
        for (size_t i = 0; i < arr.size(); ++i) {
            auto n = makeNormalizer(arr[i], where + ".normalizers[" + std::to_string(i) + "]");
            if (n) v.push_back(std::move(n));
        }
        return std::make_unique<Sequence>(std::move(v));
    }
    throw Error("tokenizer.json: " + where + " type '" + type + "' is not supported (supported: NFC, NFD, NFKC, NFKD, "
                "Lowercase, StripAccents, Prepend, Strip, Replace, Precompiled, BertNormalizer, Sequence)");
}

} // namespace tb::tok
