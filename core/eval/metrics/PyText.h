#pragma once
// Why this exists: rouge_score and sacrebleu are Python; their results depend on what
// Python's str.split(), str.rstrip() and str.lower() do with Unicode. These helpers give the
// same answers on UTF-8 std::string, so our metrics agree with the reference to the last bit.
#include <cstdint>
#include <string>
#include <vector>

namespace tb::metrics {

// Decodes UTF-8 into code points. Invalid bytes decode as themselves (0x80..0xFF), so no
// input is ever rejected (JSON input is valid UTF-8 anyway).
std::u32string decodeUtf8(const std::string& s);
std::string encodeUtf8(const std::u32string& s);
void appendUtf8(std::string& out, char32_t cp);

// Python's str.isspace() (the set str.split() with no argument splits on).
bool isPySpace(char32_t cp);

// Python's str.split() with no argument: runs of Unicode whitespace separate, no empty parts.
std::vector<std::string> pySplit(const std::string& s);
// ' '.join(s.split())
std::string pyNormalizeSpaces(const std::string& s);
// s.rstrip()
std::string pyRstrip(const std::string& s);

} // namespace tb::metrics
