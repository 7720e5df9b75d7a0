#pragma once
// Why this exists: one interface over every tokenizer format a fine-tuning workbench meets —
// Hugging Face tokenizer.json (BPE, byte-level or sentencepiece-style, and Unigram),
// GPT-2's vocab.json + merges.txt, and sentencepiece .model files — with the exact ids the
// reference stack (transformers / tokenizers / sentencepiece) produces. No torch, no Qt.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace tb {

class Tokenizer {
public:
    // A model or tokenizer folder: tokenizer.json, else vocab.json + merges.txt, else
    // tokenizer.model / spiece.model; reads tokenizer_config.json and special_tokens_map.json
    // (add_bos_token / add_eos_token, special tokens, chat_template). Throws tb::Error.
    static std::unique_ptr<Tokenizer> fromModelDir(const std::string& dir);
    // One file: a tokenizer.json or a sentencepiece .model (no tokenizer_config.json).
    static std::unique_ptr<Tokenizer> fromFile(const std::string& path);
    virtual ~Tokenizer();

    // addSpecialTokens = transformers' add_special_tokens (BOS/EOS/template). Special tokens
    // written in the text are recognised either way.
    virtual std::vector<int64_t> encode(const std::string& text, bool addSpecialTokens = true) const = 0;
    virtual std::string decode(const std::vector<int64_t>& ids, bool skipSpecialTokens = false) const = 0;
    virtual std::string idToToken(int64_t id) const = 0;
    virtual int64_t tokenToId(const std::string& token) const = 0;   // -1 if absent
    virtual int64_t vocabSize() const = 0;

    int64_t bosId() const;   // -1 when absent
    int64_t eosId() const;   // -1 when absent
    int64_t padId() const;   // -1 when absent

    std::string bosToken, eosToken, padToken, unkToken;   // from tokenizer_config/special_tokens_map
    std::string chatTemplate;                             // tokenizer_config.json "chat_template" (may be empty)
};

} // namespace tb
