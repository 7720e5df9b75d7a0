// Tokenizer::fromModelDir / fromFile: finds the tokenizer files of a model folder and applies
// what transformers 4.40 takes from tokenizer_config.json / special_tokens_map.json.
#include "text/Tokenizer.h"
#include "text/tokenizer/HfTokenizer.h"
#include "text/tokenizer/SentencePieceTokenizer.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace tb {

namespace fs = std::filesystem;
using json = nlohmann::json;
using tok::AddedToken;

Tokenizer::~Tokenizer() = default;

int64_t Tokenizer::bosId() const { return bosToken.empty() ? -1 : tokenToId(bosToken); }
int64_t Tokenizer::eosId() const { return eosToken.empty() ? -1 : tokenToId(eosToken); }
int64_t Tokenizer::padId() const { return padToken.empty() ? -1 : tokenToId(padToken); }

namespace {

json readJson(const fs::path& p, const std::string& what) {
    std::ifstream f(p, std::ios::binary);
    if (!f) throw Error("cannot open " + what + " '" + p.string() + "'");
    std::ostringstream ss;
    ss << f.rdbuf();
    try {
        return json::parse(ss.str());
    } catch (const json::exception& e) {
        throw Error(what + " '" + p.string() + "' is not valid JSON (" + e.what() + ")");
    }
}

std::string contentOf(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_object() && v.contains("content") && v["content"].is_string()) return v["content"].get<std::string>();
    return {};
}

AddedToken tokenFrom(const json& v, bool special) {
    AddedToken t;
    t.content = contentOf(v);
    t.special = special;
    t.normalized = !special;
    if (v.is_object()) {
        t.lstrip = v.value("lstrip", false);
        t.rstrip = v.value("rstrip", false);
        t.singleWord = v.value("single_word", false);
        t.normalized = v.value("normalized", !special);
        if (v.contains("special") && v["special"].is_boolean()) t.special = v["special"].get<bool>() || special;
    }
    return t;
}

struct Config {
    json cfg = json::object();   // tokenizer_config.json
    json map = json::object();   // special_tokens_map.json
    bool present = false;
    // transformers' special_tokens_map_extended, in its order.
    std::vector<json> specials() const {
        std::vector<json> out;
        for (const char* k : {"bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token"}) {
            const json v = value(k);
            if (!contentOf(v).empty()) out.push_back(v);
        }
        const json extra = value("additional_special_tokens");
        if (extra.is_array()) for (const auto& v : extra) if (!contentOf(v).empty()) out.push_back(v);
        return out;
    }
    json value(const char* k) const {
        if (cfg.contains(k)) return cfg[k];
        if (map.contains(k)) return map[k];
        return nullptr;
    }
    bool flag(const char* k, bool fallback) const {
        return cfg.contains(k) && cfg[k].is_boolean() ? cfg[k].get<bool>() : fallback;
    }
    std::string cls() const { return cfg.contains("tokenizer_class") && cfg["tokenizer_class"].is_string() ? cfg["tokenizer_class"].get<std::string>() : ""; }
};

Config readConfig(const fs::path& dir) {
    Config c;
    if (fs::is_regular_file(dir / "tokenizer_config.json")) {
        c.cfg = readJson(dir / "tokenizer_config.json", "tokenizer_config.json");
        if (!c.cfg.is_object()) throw Error("tokenizer_config.json in '" + dir.string() + "' must be a JSON object");
        c.present = true;
    }
    if (fs::is_regular_file(dir / "special_tokens_map.json")) {
        c.map = readJson(dir / "special_tokens_map.json", "special_tokens_map.json");
        if (!c.map.is_object()) c.map = json::object();
        c.present = true;
    }
    return c;
}

void applyNames(Tokenizer& t, const Config& c) {
    if (!c.present) return;
    t.bosToken = contentOf(c.value("bos_token"));
    t.eosToken = contentOf(c.value("eos_token"));
    t.unkToken = contentOf(c.value("unk_token"));
    t.padToken = contentOf(c.value("pad_token"));
    const json ct = c.value("chat_template");
    if (ct.is_string()) t.chatTemplate = ct.get<std::string>();
    else if (ct.is_array())   // [{"name": "default", "template": ...}, ...]
        for (const auto& e : ct)
            if (e.is_object() && e.value("name", std::string()) == "default") t.chatTemplate = e.value("template", std::string());
}

// What PreTrainedTokenizerFast.__init__ does with added_tokens_decoder and the special tokens.
void applyAddedTokens(tok::HfTokenizer& t, const Config& c) {
    std::vector<std::string> specialNames;
    for (const auto& v : c.specials()) specialNames.push_back(contentOf(v));
    const auto isSpecialName = [&](const std::string& s) { return std::find(specialNames.begin(), specialNames.end(), s) != specialNames.end(); };
    if (c.cfg.contains("added_tokens_decoder") && c.cfg["added_tokens_decoder"].is_object()) {
        std::map<long long, json> sorted;
        for (const auto& [k, v] : c.cfg["added_tokens_decoder"].items()) {
            try { sorted[std::stoll(k)] = v; } catch (const std::exception&) {
                throw Error("tokenizer_config.json: added_tokens_decoder key '" + k + "' is not a token id");
            }
        }
        for (const auto& [id, v] : sorted) {
            AddedToken tok = tokenFrom(v, false);
            tok.special = tok.special || isSpecialName(tok.content);
            if (!tok.content.empty()) t.addToken(tok);
        }
    }
    for (const auto& v : c.specials()) {
        const std::string s = contentOf(v);
        if (!t.isAdded(s)) t.addToken(tokenFrom(v, true));   // only tokens not added yet
    }
    t.finishAddedTokens();
}

std::unique_ptr<Tokenizer> loadTokenizerJson(const fs::path& file) {
    const json j = readJson(file, "tokenizer.json");
    try {
        return tok::HfTokenizer::fromJson(j);
    } catch (const json::exception& e) {
        throw Error("tokenizer.json '" + file.string() + "' has an unexpected layout: " + e.what());
    }
}

bool isLlamaClass(const std::string& cls) {
    for (const char* k : {"LlamaTokenizer", "LlamaTokenizerFast", "CodeLlamaTokenizer", "CodeLlamaTokenizerFast",
                          "GemmaTokenizer", "GemmaTokenizerFast"})
        if (cls == k) return true;
    return false;
}

} // namespace

std::unique_ptr<Tokenizer> Tokenizer::fromFile(const std::string& path) {
    const fs::path p(path);
    if (!fs::exists(p)) throw Error("tokenizer file '" + path + "' does not exist");
    if (fs::is_directory(p)) return fromModelDir(path);
    const std::string ext = p.extension().string();
    if (ext == ".json") return loadTokenizerJson(p);
    if (ext == ".model") return std::make_unique<tok::SentencePieceTokenizer>(path);
    throw Error("'" + path + "' is not a tokenizer file this build reads (expected tokenizer.json or a sentencepiece .model)");
}

std::unique_ptr<Tokenizer> Tokenizer::fromModelDir(const std::string& dirPath) {
    const fs::path dir(dirPath);
    if (!fs::exists(dir)) throw Error("tokenizer folder '" + dirPath + "' does not exist");
    if (!fs::is_directory(dir)) return fromFile(dirPath);
    const Config c = readConfig(dir);
    const std::string cls = c.cls();
    if (fs::is_regular_file(dir / "tokenizer.json")) {
        auto t = loadTokenizerJson(dir / "tokenizer.json");
        auto* hf = static_cast<tok::HfTokenizer*>(t.get());
        if (c.present) {
            applyAddedTokens(*hf, c);
            applyNames(*t, c);
            hf->setCleanUpTokenizationSpaces(c.flag("clean_up_tokenization_spaces", true));
            if (isLlamaClass(cls)) {
                // LlamaTokenizerFast.update_post_processor: "<bos> $A <eos>" from the flags
                const bool addBos = c.flag("add_bos_token", true), addEos = c.flag("add_eos_token", false);
                std::vector<int64_t> pre, post;
                if (addBos) {
                    if (t->bosId() < 0) throw Error("tokenizer_config.json in '" + dirPath + "': add_bos_token is true but there is no bos_token");
                    pre.push_back(t->bosId());
                }
                if (addEos) {
                    if (t->eosId() < 0) throw Error("tokenizer_config.json in '" + dirPath + "': add_eos_token is true but there is no eos_token");
                    post.push_back(t->eosId());
                }
                hf->setTemplate(pre, post);
            }
        }
        return t;
    }
    if (fs::is_regular_file(dir / "vocab.json") && fs::is_regular_file(dir / "merges.txt")) {
        auto t = tok::HfTokenizer::fromGpt2Files((dir / "vocab.json").string(), (dir / "merges.txt").string(),
                                                 c.flag("add_prefix_space", false));
        if (c.present) {
            applyAddedTokens(*t, c);
            applyNames(*t, c);
            t->setCleanUpTokenizationSpaces(c.flag("clean_up_tokenization_spaces", true));
            if (c.flag("add_bos_token", false) && t->bosId() >= 0) t->setTemplate({t->bosId()}, {});
        }
        return t;
    }
    for (const char* name : {"tokenizer.model", "spiece.model"}) {
        if (!fs::is_regular_file(dir / name)) continue;
        auto t = std::make_unique<tok::SentencePieceTokenizer>((dir / name).string());
        if (c.present) {
            const bool t5 = cls.rfind("T5", 0) == 0;
            t->setAddBosEos(c.flag("add_bos_token", !t5), c.flag("add_eos_token", t5));
            const std::string sp = t->bosToken, se = t->eosToken, su = t->unkToken, sd = t->padToken;
            applyNames(*t, c);
            if (t->bosToken.empty()) t->bosToken = c.value("bos_token").is_null() ? sp : "";
            if (t->eosToken.empty()) t->eosToken = c.value("eos_token").is_null() ? se : "";
            if (t->unkToken.empty()) t->unkToken = su;
            if (t->padToken.empty()) t->padToken = c.value("pad_token").is_null() ? sd : "";
        }
        return t;
    }
    throw Error("no tokenizer found in '" + dirPath + "' (looked for tokenizer.json, vocab.json + merges.txt, "
                "tokenizer.model, spiece.model)");
}

} // namespace tb
