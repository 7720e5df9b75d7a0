#include "text/tokenizer/PrecompiledCharsmap.h"

#include "text/unicode/Utf8.h"
#include "util/Error.h"

#include <cstring>

namespace tb::tok {

std::string base64Decode(const std::string& in) {
    static int table[256];
    static bool init = false;
    if (!init) {
        for (int& t : table) t = -1;
        const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; ++i) table[static_cast<unsigned char>(a[i])] = i;
        init = true;
    }
    std::string out;
    out.reserve(in.size() * 3 / 4);
    uint32_t buf = 0;
    int bits = 0;
    for (unsigned char c : in) {
        if (c == '=' || c == '\n' || c == '\r') continue;
        const int v = table[c];
        if (v < 0) throw Error("precompiled_charsmap: invalid base64 character");
        buf = (buf << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buf >> bits) & 0xFF);
        }
    }
    return out;
}

PrecompiledCharsmap::PrecompiledCharsmap(const std::string& blob) {
    if (blob.size() < 4) throw Error("precompiled_charsmap is too short");
    uint32_t trieSize = 0;
    std::memcpy(&trieSize, blob.data(), 4);   // little-endian on every platform we build for
    if (trieSize % 4 != 0 || 4 + static_cast<size_t>(trieSize) > blob.size())
        throw Error("precompiled_charsmap: trie size " + std::to_string(trieSize) + " does not fit the data");
    trie_.resize(trieSize / 4);
    std::memcpy(trie_.data(), blob.data() + 4, trieSize);
    normalized_ = blob.substr(4 + trieSize);
}

// sentencepiece's Darts double-array trie: the first (shortest) prefix of `chunk` that is a key.
bool PrecompiledCharsmap::transform(std::string_view chunk, std::string& out) const {
    if (trie_.empty()) return false;
    const auto offset = [](uint32_t u) -> size_t { return (u >> 10) << ((u & (1u << 9)) >> 6); };
    const auto label = [](uint32_t u) -> uint32_t { return u & ((1u << 31) | 0xFF); };
    const auto hasLeaf = [](uint32_t u) { return ((u >> 8) & 1) == 1; };
    const auto value = [](uint32_t u) -> uint32_t { return u & ((1u << 31) - 1); };
    size_t node = 0;
    node ^= offset(trie_[node]);
    for (unsigned char c : chunk) {
        if (c == 0) break;
        node ^= c;
        if (node >= trie_.size()) return false;
        const uint32_t unit = trie_[node];
        if (label(unit) != c) return false;
        node ^= offset(unit);
        if (node >= trie_.size()) return false;
        if (hasLeaf(unit)) {
            const size_t index = value(trie_[node]);
            if (index >= normalized_.size()) return false;
            size_t end = index;
            while (end < normalized_.size() && normalized_[end] != 0) ++end;
            out.append(normalized_, index, end - index);
            return true;
        }
    }
    return false;
}

std::string PrecompiledCharsmap::normalize(std::string_view text) const {
    std::string out;
    out.reserve(text.size());
    for (const auto& [b, e] : utf8::graphemes(text)) {
        const std::string_view g = text.substr(b, e - b);
        if (g.size() < 6 && transform(g, out)) continue;
        for (size_t i = 0, n = 0; i < g.size(); i += n) {
            n = utf8::seqLen(static_cast<unsigned char>(g[i]));
            if (i + n > g.size()) n = g.size() - i;
            const std::string_view part = g.substr(i, n);
            if (!transform(part, out)) out.append(part);
        }
    }
    return out;
}

} // namespace tb::tok
