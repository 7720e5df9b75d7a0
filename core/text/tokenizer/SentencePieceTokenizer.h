#pragma once
// Why this exists: Llama-2 / TinyLlama / T5 ship a sentencepiece `tokenizer.model`
// (`spiece.model`); libsentencepiece itself encodes and decodes it, so ids are the reference's.
#include "text/Tokenizer.h"

#include <memory>
#include <string>

namespace tb::tok {

class SentencePieceTokenizer : public Tokenizer {
public:
    // Throws tb::Error when the file is missing or not a sentencepiece model.
    explicit SentencePieceTokenizer(const std::string& path);
    ~SentencePieceTokenizer() override;

    // addSpecialTokens: BOS first when addBos (default: the model has a BOS piece), EOS last
    // when addEos (default false), as LlamaTokenizer's add_bos_token / add_eos_token.
    std::vector<int64_t> encode(const std::string& text, bool addSpecialTokens = true) const override;
    std::string decode(const std::vector<int64_t>& ids, bool skipSpecialTokens = false) const override;
    std::string idToToken(int64_t id) const override;
    int64_t tokenToId(const std::string& token) const override;
    int64_t vocabSize() const override;

    void setAddBosEos(bool addBos, bool addEos) { addBos_ = addBos; addEos_ = addEos; }

private:
    void* sp_ = nullptr;  // a SentencePieceProcessor inside the plugin (SpmApi.h)
    bool addBos_ = true, addEos_ = false;
};

} // namespace tb::tok
