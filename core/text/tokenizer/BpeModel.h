#pragma once
// Why this exists: the BPE model of HF tokenizers (GPT-2, Llama-3, Qwen2, NeoX, Mistral...):
// vocab + ranked merges applied with a priority queue (no quadratic rescans), byte fallback,
// unk fusing, continuing-subword prefix / end-of-word suffix, ignore_merges and a word cache.
#include "text/tokenizer/Components.h"
#include "text/tokenizer/WordCache.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tb::tok {

class BpeModel : public Model {
public:
    struct Options {
        std::string unkToken;          // empty: none
        bool fuseUnk = false;
        bool byteFallback = false;
        bool ignoreMerges = false;
        std::string continuingSubwordPrefix;
        std::string endOfWordSuffix;
    };
    // Throws tb::Error when a merge names a token missing from the vocab.
    BpeModel(std::unordered_map<std::string, int64_t> vocab,
             const std::vector<std::pair<std::string, std::string>>& merges, Options options);
    // The "model" object of tokenizer.json (both merge spellings).
    static std::unique_ptr<BpeModel> fromJson(const nlohmann::json& model);
    // GPT-2 layout: vocab.json + merges.txt.
    static std::unique_ptr<BpeModel> fromFiles(const std::string& vocabJson, const std::string& mergesTxt);

    void tokenize(const std::string& word, std::vector<int64_t>& out) const override;
    int64_t tokenToId(const std::string& token) const override;
    std::string idToToken(int64_t id) const override;
    bool hasId(int64_t id) const override;
    int64_t vocabSize() const override { return static_cast<int64_t>(vocab_.size()); }

private:
    void mergeWord(const std::string& word, std::vector<int64_t>& out) const;

    std::unordered_map<std::string, int64_t> vocab_;
    std::unordered_map<int64_t, std::string> reverse_;
    std::unordered_map<uint64_t, std::pair<int32_t, int32_t>> merges_;   // (a,b) -> (rank, new id)
    Options opt_;
    int64_t unkId_ = -1;
    WordCache cache_;
};

} // namespace tb::tok
