#pragma once
// Why this exists: sentencepiece models (T5, FLAN-T5, ALBERT...) carry their normaliser as a
// "precompiled charsmap": a double-array trie from UTF-8 prefixes to replacement strings.
// Hugging Face's `Precompiled` normalizer applies it grapheme by grapheme; this reproduces
// that exactly (including its use of the first, shortest trie match).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tb::tok {

class PrecompiledCharsmap {
public:
    // `blob` is the decoded precompiled_charsmap bytes. Throws tb::Error when malformed.
    explicit PrecompiledCharsmap(const std::string& blob);
    std::string normalize(std::string_view text) const;

private:
    bool transform(std::string_view chunk, std::string& out) const;
    std::vector<uint32_t> trie_;
    std::string normalized_;
};

std::string base64Decode(const std::string& in);

} // namespace tb::tok
