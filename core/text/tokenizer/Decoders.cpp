// The decoders of tokenizer.json (HF tokenizers `decoders` module): decode_chain semantics.
#include "text/tokenizer/Components.h"
#include "text/tokenizer/Pattern.h"
#include "text/unicode/Utf8.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

namespace tb::tok {

Decoder::~Decoder() = default;

namespace {

using json = nlohmann::json;

class ByteLevelDec : public Decoder {
public:
    void decode(std::vector<std::string>& tokens) const override {
        std::string bytes;
        for (const auto& t : tokens) {
            std::string mapped;
            bool ok = true;
            for (size_t i = 0, n = 0; i < t.size(); i += n) {
                const int b = unicodeToByte(utf8::decode(t, i, n));
                if (b < 0) { ok = false; break; }
                mapped += static_cast<char>(b);
            }
            bytes += ok ? mapped : t;
        }
        tokens.assign(1, utf8::lossy(bytes));
    }
};

class MetaspaceDec : public Decoder {
public:
    MetaspaceDec(std::string rep, bool prepend) : rep_(std::move(rep)), prepend_(prepend) {}
    void decode(std::vector<std::string>& tokens) const override {
        for (size_t i = 0; i < tokens.size(); ++i) {
            std::string out;
            const std::string& t = tokens[i];
            for (size_t k = 0; k < t.size();) {
                if (!rep_.empty() && t.compare(k, rep_.size(), rep_) == 0) {
                    if (!(i == 0 && prepend_)) out += ' ';
                    k += rep_.size();
                } else {
                    out += t[k++];
                }
            }
            tokens[i].swap(out);
        }
    }
private:
    std::string rep_;
    bool prepend_;
};

class ReplaceDec : public Decoder {
public:
    ReplaceDec(Pattern p, std::string c) : pattern_(std::move(p)), content_(std::move(c)) {}
    void decode(std::vector<std::string>& tokens) const override {
        for (auto& t : tokens) {
            const auto m = pattern_.find(t);
            if (m.empty()) continue;
            std::string out;
            size_t prev = 0;
            for (const auto& [b, e] : m) { out.append(t, prev, b - prev); out += content_; prev = e; }
            out.append(t, prev, std::string::npos);
            t.swap(out);
        }
    }
private:
    Pattern pattern_;
    std::string content_;
};

int hexByte(const std::string& t) {
    if (t.size() != 6 || t.compare(0, 3, "<0x") != 0 || t[5] != '>') return -1;
    int v = 0;
    for (int k = 3; k < 5; ++k) {
        const char c = t[static_cast<size_t>(k)];
        v *= 16;
        if (c >= '0' && c <= '9') v += c - '0';
        else if (c >= 'A' && c <= 'F') v += c - 'A' + 10;
        else if (c >= 'a' && c <= 'f') v += c - 'a' + 10;
        else return -1;
    }
    return v;
}

class ByteFallbackDec : public Decoder {
public:
    void decode(std::vector<std::string>& tokens) const override {
        std::vector<std::string> out;
        std::string pending;
        const auto flush = [&] {
            if (pending.empty()) return;
            if (utf8::isValid(pending)) out.push_back(pending);
            else for (size_t i = 0; i < pending.size(); ++i) out.emplace_back("\xEF\xBF\xBD");
            pending.clear();
        };
        for (auto& t : tokens) {
            const int b = hexByte(t);
            if (b >= 0) { pending += static_cast<char>(b); continue; }
            flush();
            out.push_back(std::move(t));
        }
        flush();
        tokens.swap(out);
    }
};

class FuseDec : public Decoder {
public:
    void decode(std::vector<std::string>& tokens) const override {
        std::string all;
        for (const auto& t : tokens) all += t;
        tokens.assign(1, all);
    }
};

class StripDec : public Decoder {
public:
    StripDec(std::string content, size_t start, size_t stop) : content_(std::move(content)), start_(start), stop_(stop) {}
    void decode(std::vector<std::string>& tokens) const override {
        for (auto& t : tokens) {
            const auto cps = utf8::codepoints(t);
            size_t b = 0, e = cps.size();
            while (b < start_ && b < e && utf8::encode(cps[b]) == content_) ++b;
            size_t cut = 0;
            while (cut < stop_ && e > b && utf8::encode(cps[e - 1]) == content_) { --e; ++cut; }
            std::string out;
            for (size_t k = b; k < e; ++k) utf8::append(out, cps[k]);
            t.swap(out);
        }
    }
private:
    std::string content_;
    size_t start_, stop_;
};

class WordPieceDec : public Decoder {
public:
    WordPieceDec(std::string prefix, bool cleanup) : prefix_(std::move(prefix)), cleanup_(cleanup) {}
    void decode(std::vector<std::string>& tokens) const override {
        for (size_t i = 0; i < tokens.size(); ++i) {
            auto& t = tokens[i];
            if (i != 0) {
                if (t.compare(0, prefix_.size(), prefix_) == 0) t.erase(0, prefix_.size());
                else t.insert(0, " ");
            }
            if (cleanup_) {
                for (const auto& [a, b] : std::vector<std::pair<std::string, std::string>>{
                         {" .", "."}, {" ?", "?"}, {" !", "!"}, {" ,", ","}, {" ' ", "'"}, {" n't", "n't"},
                         {" 'm", "'m"}, {" do not", " don't"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"}}) {
                    for (size_t p = t.find(a); p != std::string::npos; p = t.find(a, p + b.size())) t.replace(p, a.size(), b);
                }
            }
        }
    }
private:
    std::string prefix_;
    bool cleanup_;
};

class BpeDec : public Decoder {
public:
    explicit BpeDec(std::string suffix) : suffix_(std::move(suffix)) {}
    void decode(std::vector<std::string>& tokens) const override {
        for (size_t i = 0; i < tokens.size(); ++i) {
            auto& t = tokens[i];
            const std::string rep = i + 1 == tokens.size() ? "" : " ";
            for (size_t p = t.find(suffix_); !suffix_.empty() && p != std::string::npos; p = t.find(suffix_, p + rep.size()))
                t.replace(p, suffix_.size(), rep);
        }
    }
private:
    std::string suffix_;
};

class SequenceDec : public Decoder {
public:
    explicit SequenceDec(std::vector<std::unique_ptr<Decoder>> v) : items_(std::move(v)) {}
    void decode(std::vector<std::string>& tokens) const override { for (const auto& d : items_) d->decode(tokens); }
private:
    std::vector<std::unique_ptr<Decoder>> items_;
};

} // namespace

std::unique_ptr<Decoder> makeDecoder(const json& j, const std::string& where) {
    if (j.is_null()) return nullptr;
    const std::string type = jsonType(j, where);
    if (type == "ByteLevel") return std::make_unique<ByteLevelDec>();
    if (type == "Metaspace") {
        bool prepend = !j.contains("add_prefix_space") || !j["add_prefix_space"].is_boolean() || j["add_prefix_space"].get<bool>();
        if (j.contains("prepend_scheme") && j["prepend_scheme"].is_string()) prepend = j["prepend_scheme"].get<std::string>() != "never";
        return std::make_unique<MetaspaceDec>(j.value("replacement", std::string("\xE2\x96\x81")), prepend);
    }
    if (type == "Replace") return std::make_unique<ReplaceDec>(Pattern::parse(j.at("pattern"), where), j.at("content").get<std::string>());
    if (type == "ByteFallback") return std::make_unique<ByteFallbackDec>();
    if (type == "Fuse") return std::make_unique<FuseDec>();
    if (type == "Strip")
        return std::make_unique<StripDec>(j.at("content").get<std::string>(), j.value("start", size_t{0}), j.value("stop", size_t{0}));
    if (type == "WordPiece") return std::make_unique<WordPieceDec>(j.value("prefix", std::string("##")), j.value("cleanup", true));
    if (type == "BPEDecoder") return std::make_unique<BpeDec>(j.value("suffix", std::string("</w>")));
    if (type == "Sequence") {
        std::vector<std::unique_ptr<Decoder>> v;
        const auto& arr = j.at("decoders");
        for (size_t i = 0; i < arr.size(); ++i) {
            auto d = makeDecoder(arr[i], where + ".decoders[" + std::to_string(i) + "]");
            if (d) v.push_back(std::move(d));
        }
        return std::make_unique<SequenceDec>(std::move(v));
    }
    throw Error("tokenizer.json: " + where + " type '" + type + "' is not supported (supported: ByteLevel, Metaspace, "
                "Replace, ByteFallback, Fuse, Strip, WordPiece, BPEDecoder, Sequence)");
}

} // namespace tb::tok
