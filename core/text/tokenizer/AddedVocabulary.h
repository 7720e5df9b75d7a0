#pragma once
// Why this exists: added and special tokens ("<|im_start|>", "<s>", "<extra_id_0>") are cut
// out of the text before the model sees it, with HF tokenizers' exact rules: leftmost-longest
// matching, lstrip / rstrip / single_word, and separate matching of "normalized" tokens on the
// normalized text.
#include "text/tokenizer/Components.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tb::tok {

struct AddedToken {
    std::string content;
    int64_t id = -1;
    bool special = false;
    bool lstrip = false, rstrip = false, singleWord = false, normalized = false;
};

class AddedVocabulary {
public:
    struct Span {
        size_t begin, end;
        int64_t id;   // -1: ordinary text
    };
    // Adds or replaces (by content) a token. Call rebuild() after the last change.
    void upsert(const AddedToken& token);
    void rebuild(const Normalizer* normalizer);

    // Cuts text into added-token spans and ordinary spans (normalizedSet: the tokens with
    // normalized=true, matched on normalized text; otherwise the others, on raw text).
    std::vector<Span> split(std::string_view text, bool normalizedSet) const;

    const AddedToken* byId(int64_t id) const;
    const AddedToken* byContent(const std::string& content) const;
    const std::vector<AddedToken>& tokens() const { return tokens_; }
    bool empty() const { return tokens_.empty(); }

private:
    struct Trie {
        struct Node { int32_t token = -1; std::vector<std::pair<unsigned char, int32_t>> next; };
        std::vector<Node> nodes{1};
        bool first[256] = {};
        void add(const std::string& pattern, int32_t token);
        // Longest pattern starting at pos: token index and length, or -1.
        int32_t longest(std::string_view s, size_t pos, size_t& len) const;
    };
    std::vector<AddedToken> tokens_;
    std::unordered_map<std::string, size_t> byContent_;
    std::unordered_map<int64_t, size_t> byId_;
    Trie raw_, normalized_;
};

} // namespace tb::tok
