#include "eval/metrics/PyText.h"

namespace tb::metrics {

std::u32string decodeUtf8(const std::string& s) {
    std::u32string out;
    out.reserve(s.size());
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        int len = 0;
        char32_t cp = 0;
        if (c < 0x80) { out.push_back(c); ++i; continue; }
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        bool ok = len > 0 && i + static_cast<size_t>(len) <= n;
        for (int k = 1; ok && k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) ok = false;
            else cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (!ok) { out.push_back(c); ++i; continue; }
        out.push_back(cp);
        i += static_cast<size_t>(len);
    }
    return out;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string encodeUtf8(const std::u32string& s) {
    std::string out;
    out.reserve(s.size());
    for (char32_t cp : s) appendUtf8(out, cp);
    return out;
}

bool isPySpace(char32_t cp) {
    if (cp <= 0x20) return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    if (cp < 0x85) return false;
    switch (cp) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

namespace {
// Length in bytes of the whitespace code point starting at s[i], or 0.
size_t spaceAt(const std::string& s, size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) return isPySpace(c) ? 1 : 0;
    if (c == 0xC2 && i + 1 < s.size()) {
        const auto d = static_cast<unsigned char>(s[i + 1]);
        return (d == 0x85 || d == 0xA0) ? 2 : 0;
    }
    if ((c == 0xE1 || c == 0xE2 || c == 0xE3) && i + 2 < s.size()) {
        const char32_t cp = (char32_t(c & 0x0F) << 12) | (char32_t(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6)
                            | char32_t(static_cast<unsigned char>(s[i + 2]) & 0x3F);
        if ((static_cast<unsigned char>(s[i + 1]) & 0xC0) != 0x80 || (static_cast<unsigned char>(s[i + 2]) & 0xC0) != 0x80)
            return 0;
        return isPySpace(cp) ? 3 : 0;
    }
    return 0;
}
} // namespace

std::vector<std::string> pySplit(const std::string& s) {
    std::vector<std::string> out;
    size_t i = 0;
    const size_t n = s.size();
    std::string cur;
    bool inWord = false;
    while (i < n) {
        const size_t w = spaceAt(s, i);
        if (w) {
            if (inWord) { out.push_back(std::move(cur)); cur.clear(); inWord = false; }
            i += w;
        } else {
            cur.push_back(s[i]);
            inWord = true;
            ++i;
        }
    }
    if (inWord) out.push_back(std::move(cur));
    return out;
}

std::string pyNormalizeSpaces(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    const size_t n = s.size();
    bool pendingSpace = false;
    while (i < n) {
        const size_t w = spaceAt(s, i);
        if (w) {
            pendingSpace = !out.empty();
            i += w;
        } else {
            if (pendingSpace) { out.push_back(' '); pendingSpace = false; }
            out.push_back(s[i]);
            ++i;
        }
    }
    return out;
}

std::string pyRstrip(const std::string& s) {
    // Walk forward remembering the end of the last non-space code point.
    size_t i = 0, end = 0;
    const size_t n = s.size();
    while (i < n) {
        const size_t w = spaceAt(s, i);
        if (w) { i += w; continue; }
        ++i;
        while (i < n && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
        end = i;
    }
    return s.substr(0, end);
}

} // namespace tb::metrics
