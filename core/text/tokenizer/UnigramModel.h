#pragma once
// Why this exists: the Unigram model of HF tokenizers (T5, FLAN-T5, ALBERT, XLNet...): a
// Viterbi search over the pieces of a byte trie, with the unknown-piece penalty, unk fusing and
// byte fallback exactly as tokenizers' encode_optimized does it.
#include "text/tokenizer/Components.h"
#include "text/tokenizer/WordCache.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tb::tok {

class UnigramModel : public Model {
public:
    UnigramModel(std::vector<std::pair<std::string, double>> vocab, int64_t unkId, bool byteFallback);
    static std::unique_ptr<UnigramModel> fromJson(const nlohmann::json& model);

    void tokenize(const std::string& word, std::vector<int64_t>& out) const override;
    int64_t tokenToId(const std::string& token) const override;
    std::string idToToken(int64_t id) const override;
    bool hasId(int64_t id) const override { return id >= 0 && id < vocabSize(); }
    int64_t vocabSize() const override { return static_cast<int64_t>(vocab_.size()); }

private:
    struct Node {
        int32_t id = -1;
        std::vector<std::pair<unsigned char, int32_t>> children;
    };
    std::vector<std::string> viterbi(const std::string& s) const;

    std::vector<std::pair<std::string, double>> vocab_;
    std::unordered_map<std::string, int64_t> ids_;
    std::vector<Node> trie_;
    int64_t unkId_;
    bool byteFallback_;
    double minScore_ = 0;
    WordCache cache_;
};

} // namespace tb::tok
