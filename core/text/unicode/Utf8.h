#pragma once
// Why this exists: the tokenizers need a few exact Unicode operations on UTF-8 strings
// (code point iteration, Rust's char::is_whitespace / is_numeric / is_alphanumeric, Unicode
// normalisation forms, grapheme clusters, Rust's lossy UTF-8 decoding) and no heavy library
// beyond utf8proc.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tb::utf8 {

// Decodes the code point at s[i]; sets len to its byte length (1 for an invalid byte,
// which is returned as U+FFFD).
char32_t decode(std::string_view s, size_t i, size_t& len);
// Byte length of the UTF-8 sequence starting with lead byte c (1 for invalid bytes).
size_t seqLen(unsigned char c);
void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);
std::vector<char32_t> codepoints(std::string_view s);

bool isWhitespace(char32_t c);     // Rust char::is_whitespace (Unicode White_Space)
bool isNumeric(char32_t c);        // Rust char::is_numeric (Nd, Nl, No)
bool isAlphabetic(char32_t c);     // Unicode letters (L*) and marks used as letters
bool isAlphanumeric(char32_t c);
bool isPunctuation(char32_t c);    // Unicode P* or ASCII punctuation
bool isControl(char32_t c);        // Cc/Cf/Cn/Co (as HF's BertNormalizer)
bool isCombiningMark(char32_t c);  // Mn

// Unicode normalisation: "NFC", "NFD", "NFKC", "NFKD". Invalid UTF-8 is returned unchanged.
std::string normalize(std::string_view s, const char* form);
std::string toLower(std::string_view s);

// Extended grapheme clusters (UAX #29), as byte ranges [begin, end).
std::vector<std::pair<size_t, size_t>> graphemes(std::string_view s);

// Rust's String::from_utf8_lossy: every maximal invalid subsequence becomes one U+FFFD.
std::string lossy(std::string_view bytes);
bool isValid(std::string_view bytes);

} // namespace tb::utf8
