#pragma once
// Why this exists: tokenizer.json patterns (Split pre-tokenizers, Replace normalizers) are
// Oniguruma-style regexes with Unicode properties (\p{L}, \p{N}, lookahead); PCRE2 in UTF +
// UCP mode with JIT matches them the same way and fast. Thread-safe after construction.
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tb {

class Regex {
public:
    // Throws tb::Error naming the pattern and PCRE2's message when it does not compile.
    explicit Regex(const std::string& pattern);
    ~Regex();
    Regex(const Regex&) = delete;
    Regex& operator=(const Regex&) = delete;

    // All non-overlapping matches, left to right, as byte ranges [begin, end). Empty matches
    // are skipped (the search moves on one character).
    std::vector<std::pair<size_t, size_t>> findAll(std::string_view text) const;
    const std::string& pattern() const { return pattern_; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string pattern_;
};

} // namespace tb
