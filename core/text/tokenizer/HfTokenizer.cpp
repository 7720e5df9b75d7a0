#include "text/tokenizer/HfTokenizer.h"

#include "text/tokenizer/BpeModel.h"
#include "text/tokenizer/UnigramModel.h"
#include "text/unicode/Utf8.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

namespace tb::tok {

using json = nlohmann::json;

std::unique_ptr<HfTokenizer> HfTokenizer::fromJson(const json& j) {
    if (!j.is_object()) throw Error("tokenizer.json: the top level must be an object");
    std::unique_ptr<HfTokenizer> t(new HfTokenizer());
    const auto get = [&](const char* k) -> const json& {
        static const json null;
        return j.contains(k) ? j[k] : null;
    };
    if (!j.contains("model")) throw Error("tokenizer.json: no \"model\"");
    const json& m = j["model"];
    std::string type = m.is_object() && m.contains("type") && m["type"].is_string() ? m["type"].get<std::string>() : "";
    if (type.empty() && m.is_object() && m.contains("merges")) type = "BPE";   // old files omit the type
    if (type == "BPE") t->model_ = BpeModel::fromJson(m);
    else if (type == "Unigram") t->model_ = UnigramModel::fromJson(m);
    else throw Error("tokenizer.json: model type '" + type + "' is not supported (supported: BPE, Unigram)");
    t->normalizer_ = makeNormalizer(get("normalizer"));
    t->preTokenizer_ = makePreTokenizer(get("pre_tokenizer"));
    t->decoder_ = makeDecoder(get("decoder"));
    t->parsePostProcessor(get("post_processor"), "post_processor");
    if (j.contains("added_tokens") && j["added_tokens"].is_array()) {
        for (const auto& a : j["added_tokens"]) {
            AddedToken tok;
            tok.content = a.at("content").get<std::string>();
            tok.id = a.at("id").get<int64_t>();
            tok.special = a.value("special", false);
            tok.lstrip = a.value("lstrip", false);
            tok.rstrip = a.value("rstrip", false);
            tok.singleWord = a.value("single_word", false);
            tok.normalized = a.value("normalized", !tok.special);
            t->added_.upsert(tok);
        }
    }
    t->added_.rebuild(t->normalizer_.get());
    if (m.contains("unk_token") && m["unk_token"].is_string()) t->unkToken = m["unk_token"].get<std::string>();
    t->guessSpecialNames();
    return t;
}

std::unique_ptr<HfTokenizer> HfTokenizer::fromGpt2Files(const std::string& vocabJson, const std::string& mergesTxt,
                                                        bool addPrefixSpace) {
    std::unique_ptr<HfTokenizer> t(new HfTokenizer());
    t->model_ = BpeModel::fromFiles(vocabJson, mergesTxt);
    t->preTokenizer_ = makePreTokenizer(json{{"type", "ByteLevel"}, {"add_prefix_space", addPrefixSpace}, {"use_regex", true}});
    t->decoder_ = makeDecoder(json{{"type", "ByteLevel"}});
    const std::string eot = "<|endoftext|>";
    if (t->model_->tokenToId(eot) >= 0) {
        t->added_.upsert(AddedToken{eot, t->model_->tokenToId(eot), true, false, false, false, false});
        t->bosToken = t->eosToken = t->unkToken = eot;
    }
    t->added_.rebuild(nullptr);
    return t;
}

void HfTokenizer::parsePostProcessor(const json& j, const std::string& where) {
    if (j.is_null()) return;
    const std::string type = jsonType(j, where);
    if (type == "ByteLevel") return;   // offsets only
    if (type == "TemplateProcessing") {
        const json& single = j.at("single");
        const json& specials = j.contains("special_tokens") ? j["special_tokens"] : json::object();
        std::vector<int64_t> pre, post;
        bool seenA = false;
        for (const auto& item : single) {
            if (item.contains("Sequence")) { seenA = true; continue; }
            if (!item.contains("SpecialToken")) throw Error("tokenizer.json: " + where + ".single has an item that is neither Sequence nor SpecialToken");
            const std::string id = item["SpecialToken"].at("id").get<std::string>();
            if (!specials.contains(id)) throw Error("tokenizer.json: " + where + " uses special token '" + id + "' that is not in its special_tokens");
            for (const auto& x : specials[id].at("ids")) (seenA ? post : pre).push_back(x.get<int64_t>());
        }
        prefix_.insert(prefix_.begin(), pre.begin(), pre.end());   // a later processor wraps an earlier one
        suffix_.insert(suffix_.end(), post.begin(), post.end());
        return;
    }
    if (type == "RobertaProcessing" || type == "BertProcessing") {
        prefix_.insert(prefix_.begin(), j.at("cls").at(1).get<int64_t>());
        suffix_.push_back(j.at("sep").at(1).get<int64_t>());
        return;
    }
    if (type == "Sequence") {
        const auto& arr = j.at("processors");
        for (size_t i = 0; i < arr.size(); ++i) parsePostProcessor(arr[i], where + ".processors[" + std::to_string(i) + "]");
        return;
    }
    throw Error("tokenizer.json: " + where + " type '" + type + "' is not supported (supported: TemplateProcessing, "
                "ByteLevel, RobertaProcessing, BertProcessing, Sequence)");
}

// A bare tokenizer.json names no BOS/EOS: take them from the post-processor, else from the
// usual special-token spellings (tokenizer_config.json overrides both).
void HfTokenizer::guessSpecialNames() {
    const auto special = [&](const std::string& s) { const AddedToken* a = added_.byContent(s); return a && a->special; };
    if (!prefix_.empty()) bosToken = idToToken(prefix_.front());
    if (!suffix_.empty()) eosToken = idToToken(suffix_.back());
    for (const char* b : {"<s>", "<|begin_of_text|>", "<bos>", "[CLS]"})
        if (bosToken.empty() && special(b)) bosToken = b;
    for (const char* e : {"</s>", "<|end_of_text|>", "<|endoftext|>", "<eos>", "[SEP]"})
        if (eosToken.empty() && special(e)) eosToken = e;
    for (const char* p : {"<pad>", "<|padding|>", "[PAD]"})
        if (padToken.empty() && special(p)) padToken = p;
}

void HfTokenizer::addToken(AddedToken token) {
    if (const AddedToken* old = added_.byContent(token.content)) token.id = old->id;
    else if (const int64_t id = model_->tokenToId(token.content); id >= 0) token.id = id;
    else token.id = vocabSize();
    added_.upsert(token);
}

void HfTokenizer::finishAddedTokens() { added_.rebuild(normalizer_.get()); }

void HfTokenizer::setTemplate(std::vector<int64_t> prefix, std::vector<int64_t> suffix) {
    prefix_ = std::move(prefix);
    suffix_ = std::move(suffix);
}

std::vector<int64_t> HfTokenizer::encode(const std::string& rawText, bool addSpecialTokens) const {
    std::string fixed;
    const bool valid = utf8::isValid(rawText);
    if (!valid) fixed = utf8::lossy(rawText);
    const std::string& text = valid ? rawText : fixed;
    std::vector<int64_t> ids;
    ids.reserve(text.size() / 3 + 4);
    if (addSpecialTokens) ids.insert(ids.end(), prefix_.begin(), prefix_.end());
    std::vector<Piece> pieces;
    for (const auto& span : added_.split(text, false)) {
        if (span.id >= 0) { ids.push_back(span.id); continue; }
        std::string piece = text.substr(span.begin, span.end - span.begin);
        if (normalizer_) normalizer_->apply(piece);
        for (const auto& inner : added_.split(piece, true)) {
            if (inner.id >= 0) { ids.push_back(inner.id); continue; }
            pieces.clear();
            pieces.push_back(Piece{piece.substr(inner.begin, inner.end - inner.begin), span.begin == 0 && inner.begin == 0});
            if (preTokenizer_) preTokenizer_->split(pieces);
            for (const auto& p : pieces) model_->tokenize(p.text, ids);
        }
    }
    if (addSpecialTokens) ids.insert(ids.end(), suffix_.begin(), suffix_.end());
    return ids;
}

std::string HfTokenizer::decode(const std::vector<int64_t>& ids, bool skipSpecialTokens) const {
    std::vector<std::string> tokens;
    tokens.reserve(ids.size());
    for (const int64_t id : ids) {
        if (const AddedToken* a = added_.byId(id)) {
            if (skipSpecialTokens && a->special) continue;
            tokens.push_back(a->content);
        } else if (model_->hasId(id)) {
            tokens.push_back(model_->idToToken(id));
        }
    }
    std::string out;
    if (decoder_) {
        decoder_->decode(tokens);
        for (const auto& t : tokens) out += t;
    } else {
        for (size_t i = 0; i < tokens.size(); ++i) { if (i) out += ' '; out += tokens[i]; }
    }
    return cleanUp_ ? cleanUpTokenization(std::move(out)) : out;
}

std::string HfTokenizer::idToToken(int64_t id) const {
    if (const AddedToken* a = added_.byId(id)) return a->content;
    return model_->idToToken(id);
}

int64_t HfTokenizer::tokenToId(const std::string& token) const {
    if (const AddedToken* a = added_.byContent(token)) return a->id;
    return model_->tokenToId(token);
}

int64_t HfTokenizer::vocabSize() const {
    int64_t n = model_->vocabSize();
    for (const auto& t : added_.tokens())
        if (model_->tokenToId(t.content) < 0) ++n;
    return n;
}

std::string cleanUpTokenization(std::string s) {
    static const std::pair<const char*, const char*> rules[] = {
        {" .", "."}, {" ?", "?"}, {" !", "!"}, {" ,", ","}, {" ' ", "'"}, {" n't", "n't"},
        {" 'm", "'m"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"}};
    for (const auto& [from, to] : rules) {
        const std::string a = from, b = to;
        std::string out;
        size_t prev = 0;
        for (size_t p = s.find(a); p != std::string::npos; p = s.find(a, prev)) {
            out.append(s, prev, p - prev);
            out += b;
            prev = p + a.size();
        }
        out.append(s, prev, std::string::npos);
        s.swap(out);
    }
    return s;
}

} // namespace tb::tok
