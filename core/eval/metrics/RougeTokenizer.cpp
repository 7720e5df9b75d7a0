#include "eval/metrics/RougeTokenizer.h"

#include "eval/metrics/PyText.h"

namespace tb::metrics {

namespace {
bool isLowerAlnum(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
} // namespace

std::vector<std::string> RougeTokenizer::tokenize(const std::string& text) const {
    // After Python's str.lower(), only two non-ASCII code points yield [a-z0-9]:
    // U+0130 (capital I with dot) -> "i" + U+0307, and U+212A (Kelvin sign) -> "k".
    // Everything else outside [a-z0-9] is a separator.
    std::vector<std::string> tokens;
    std::string cur;
    auto flush = [&]() {
        if (cur.empty()) return;
        std::string tok = (useStemmer_ && cur.size() > 3) ? stemmer_.stem(cur) : cur;
        bool valid = !tok.empty();
        for (char c : tok) valid = valid && isLowerAlnum(static_cast<unsigned char>(c));
        if (valid) tokens.push_back(std::move(tok));
        cur.clear();
    };
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    for (size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            const char lc = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
            if (isLowerAlnum(static_cast<unsigned char>(lc))) cur.push_back(lc);
            else flush();
            ++i;
            continue;
        }
        // U+0130 = C4 B0, U+212A = E2 84 AA
        if (c == 0xC4 && i + 1 < n && p[i + 1] == 0xB0) {
            cur.push_back('i');
            flush();  // the combining dot that follows is a separator
            i += 2;
            continue;
        }
        if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x84 && p[i + 2] == 0xAA) {
            cur.push_back('k');
            i += 3;
            continue;
        }
        flush();
        ++i;
        while (i < n && (p[i] & 0xC0) == 0x80) ++i;
    }
    flush();
    return tokens;
}

} // namespace tb::metrics
