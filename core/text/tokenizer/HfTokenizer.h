#pragma once
// Why this exists: a Hugging Face `tokenizers` pipeline built from tokenizer.json (or from a
// GPT-2 vocab.json + merges.txt): added tokens -> normalizer -> pre-tokenizer -> BPE/Unigram
// model -> post-processor, and the decoder chain back, with the reference library's semantics.
#include "text/Tokenizer.h"
#include "text/tokenizer/AddedVocabulary.h"
#include "text/tokenizer/Components.h"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>
#include <vector>

namespace tb::tok {

class HfTokenizer : public Tokenizer {
public:
    // The parsed tokenizer.json. Throws tb::Error naming an unsupported component.
    static std::unique_ptr<HfTokenizer> fromJson(const nlohmann::json& j);
    // GPT-2 folder layout: byte-level BPE with <|endoftext|> as special token.
    static std::unique_ptr<HfTokenizer> fromGpt2Files(const std::string& vocabJson, const std::string& mergesTxt,
                                                      bool addPrefixSpace);

    std::vector<int64_t> encode(const std::string& text, bool addSpecialTokens = true) const override;
    std::string decode(const std::vector<int64_t>& ids, bool skipSpecialTokens = false) const override;
    std::string idToToken(int64_t id) const override;
    int64_t tokenToId(const std::string& token) const override;
    int64_t vocabSize() const override;

    // transformers-side adjustments (tokenizer_config.json):
    // adds the token or replaces its flags; the id comes from the vocabulary or is appended.
    void addToken(AddedToken token);
    void finishAddedTokens();
    bool isAdded(const std::string& content) const { return added_.byContent(content) != nullptr; }   // rebuilds the matchers after addToken calls
    // Replaces the post-processor by "[prefix] $A [suffix]" (LlamaTokenizerFast's rebuild).
    void setTemplate(std::vector<int64_t> prefix, std::vector<int64_t> suffix);
    void setCleanUpTokenizationSpaces(bool on) { cleanUp_ = on; }

private:
    HfTokenizer() = default;
    void guessSpecialNames();
    void parsePostProcessor(const nlohmann::json& j, const std::string& where);

    std::unique_ptr<Normalizer> normalizer_;
    std::unique_ptr<PreTokenizer> preTokenizer_;
    std::unique_ptr<Model> model_;
    std::unique_ptr<Decoder> decoder_;
    AddedVocabulary added_;
    std::vector<int64_t> prefix_, suffix_;   // post-processor for a single sequence
    bool cleanUp_ = false;
};

// transformers' clean_up_tokenization (" ." -> "." and friends).
std::string cleanUpTokenization(std::string s);

} // namespace tb::tok
