#include "text/tokenizer/AddedVocabulary.h"

#include "text/unicode/Utf8.h"

#include <algorithm>

namespace tb::tok {

void AddedVocabulary::upsert(const AddedToken& token) {
    if (token.content.empty()) return;
    const auto it = byContent_.find(token.content);
    if (it != byContent_.end()) {
        tokens_[it->second] = token;
    } else {
        byContent_[token.content] = tokens_.size();
        tokens_.push_back(token);
    }
}

void AddedVocabulary::rebuild(const Normalizer* normalizer) {
    byId_.clear();
    byContent_.clear();
    raw_ = Trie{};
    normalized_ = Trie{};
    for (size_t i = 0; i < tokens_.size(); ++i) {
        const auto& t = tokens_[i];
        byContent_[t.content] = i;
        byId_[t.id] = i;
        if (t.normalized) {
            std::string pattern = t.content;
            if (normalizer) normalizer->apply(pattern);
            normalized_.add(pattern, static_cast<int32_t>(i));
        } else {
            raw_.add(t.content, static_cast<int32_t>(i));
        }
    }
}

void AddedVocabulary::Trie::add(const std::string& pattern, int32_t token) {
    if (pattern.empty()) return;
    int32_t node = 0;
    for (unsigned char c : pattern) {
        int32_t child = -1;
        for (const auto& [label, n] : nodes[static_cast<size_t>(node)].next)
            if (label == c) { child = n; break; }
        if (child < 0) {
            child = static_cast<int32_t>(nodes.size());
            nodes[static_cast<size_t>(node)].next.emplace_back(c, child);
            nodes.emplace_back();
        }
        node = child;
    }
    first[static_cast<unsigned char>(pattern[0])] = true;
    if (nodes[static_cast<size_t>(node)].token < 0) nodes[static_cast<size_t>(node)].token = token;
}

int32_t AddedVocabulary::Trie::longest(std::string_view s, size_t pos, size_t& len) const {
    int32_t found = -1;
    int32_t node = 0;
    for (size_t k = pos; k < s.size(); ++k) {
        int32_t child = -1;
        for (const auto& [label, n] : nodes[static_cast<size_t>(node)].next)
            if (label == static_cast<unsigned char>(s[k])) { child = n; break; }
        if (child < 0) break;
        node = child;
        if (nodes[static_cast<size_t>(node)].token >= 0) { found = nodes[static_cast<size_t>(node)].token; len = k + 1 - pos; }
    }
    return found;
}

namespace {

bool isWordChar(char32_t c) { return utf8::isAlphanumeric(c) || c == '_'; }

char32_t lastChar(std::string_view s, size_t end) {
    if (end == 0) return 0;
    size_t k = end - 1;
    while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    size_t n = 0;
    return utf8::decode(s, k, n);
}

} // namespace

std::vector<AddedVocabulary::Span> AddedVocabulary::split(std::string_view s, bool normalizedSet) const {
    const Trie& trie = normalizedSet ? normalized_ : raw_;
    std::vector<Span> out;
    size_t startOffset = 0;
    if (trie.nodes.size() > 1) {
        for (size_t pos = 0; pos < s.size();) {
            size_t len = 0;
            const int32_t ti = trie.first[static_cast<unsigned char>(s[pos])] ? trie.longest(s, pos, len) : -1;
            if (ti < 0) { ++pos; continue; }
            const AddedToken& t = tokens_[static_cast<size_t>(ti)];
            size_t start = pos, stop = pos + len;
            pos = stop;   // matches never overlap, even when one is discarded
            if (t.singleWord) {
                size_t n = 0;
                const bool startOk = start == 0 || !isWordChar(lastChar(s, start));
                const bool stopOk = stop == s.size() || !isWordChar(utf8::decode(s, stop, n));
                if (!startOk || !stopOk) continue;
            }
            if (t.lstrip) {
                size_t b = start;
                while (b > 0) {
                    const char32_t c = lastChar(s, b);
                    if (!utf8::isWhitespace(c)) break;
                    b -= utf8::encode(c).size();
                }
                start = std::max(b, startOffset);
            }
            if (t.rstrip) {
                while (stop < s.size()) {
                    size_t n = 0;
                    const char32_t c = utf8::decode(s, stop, n);
                    if (!utf8::isWhitespace(c)) break;
                    stop += n;
                }
            }
            pos = stop;
            if (startOffset < start) out.push_back(Span{startOffset, start, -1});
            out.push_back(Span{start, stop, t.id});
            startOffset = stop;
        }
    }
    if (startOffset < s.size()) out.push_back(Span{startOffset, s.size(), -1});
    return out;
}

const AddedToken* AddedVocabulary::byId(int64_t id) const {
    const auto it = byId_.find(id);
    return it == byId_.end() ? nullptr : &tokens_[it->second];
}

const AddedToken* AddedVocabulary::byContent(const std::string& content) const {
    const auto it = byContent_.find(content);
    return it == byContent_.end() ? nullptr : &tokens_[it->second];
}

} // namespace tb::tok
