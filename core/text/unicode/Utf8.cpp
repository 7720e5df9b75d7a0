#include "text/unicode/Utf8.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace tb::utf8 {

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when invalid; `bad` receives the length of
// the maximal invalid prefix (what one U+FFFD replaces) when invalid.
size_t validSeq(std::string_view s, size_t i, size_t& bad) {
    const auto b = [&](size_t k) -> int { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : -1; };
    const int c = b(0);
    bad = 1;
    if (c < 0x80) return 1;
    int need = 0, lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c == 0xE0) { need = 2; lo = 0xA0; }
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) need = 2;
    else if (c == 0xED) { need = 2; hi = 0x9F; }
    else if (c == 0xF0) { need = 3; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) need = 3;
    else if (c == 0xF4) { need = 3; hi = 0x8F; }
    else return 0;
    for (int k = 1; k <= need; ++k) {
        const int x = b(k);
        const int l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
        if (x < l || x > h) { bad = k; return 0; }
    }
    return static_cast<size_t>(need) + 1;
}

int32_t category(char32_t c) { return utf8proc_category(static_cast<utf8proc_int32_t>(c)); }

} // namespace

size_t seqLen(unsigned char c) {
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return 2;
    if (c >= 0xE0 && c <= 0xEF) return 3;
    if (c >= 0xF0 && c <= 0xF4) return 4;
    return 1;
}

char32_t decode(std::string_view s, size_t i, size_t& len) {
    size_t bad = 1;
    const size_t n = validSeq(s, i, bad);
    if (n == 0) { len = bad; return 0xFFFD; }
    len = n;
    const auto u = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k])); };
    switch (n) {
    case 1: return u(0);
    case 2: return ((u(0) & 0x1F) << 6) | (u(1) & 0x3F);
    case 3: return ((u(0) & 0x0F) << 12) | ((u(1) & 0x3F) << 6) | (u(2) & 0x3F);
    default: return ((u(0) & 0x07) << 18) | ((u(1) & 0x3F) << 12) | ((u(2) & 0x3F) << 6) | (u(3) & 0x3F);
    }
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18)); out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string encode(char32_t cp) { std::string s; append(s, cp); return s; }

std::vector<char32_t> codepoints(std::string_view s) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    for (size_t i = 0, n = 0; i < s.size(); i += n) out.push_back(decode(s, i, n));
    return out;
}

bool isWhitespace(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
           c == 0x3000;
}

bool isNumeric(char32_t c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    const auto k = category(c);
    return k == UTF8PROC_CATEGORY_ND || k == UTF8PROC_CATEGORY_NL || k == UTF8PROC_CATEGORY_NO;
}

bool isAlphabetic(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const auto k = category(c);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LL || k == UTF8PROC_CATEGORY_LT ||
           k == UTF8PROC_CATEGORY_LM || k == UTF8PROC_CATEGORY_LO || k == UTF8PROC_CATEGORY_NL;
}

bool isAlphanumeric(char32_t c) { return isAlphabetic(c) || isNumeric(c); }

bool isPunctuation(char32_t c) {
    if (c < 0x80) return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
    const auto k = category(c);
    return k == UTF8PROC_CATEGORY_PC || k == UTF8PROC_CATEGORY_PD || k == UTF8PROC_CATEGORY_PS ||
           k == UTF8PROC_CATEGORY_PE || k == UTF8PROC_CATEGORY_PI || k == UTF8PROC_CATEGORY_PF ||
           k == UTF8PROC_CATEGORY_PO;
}

bool isControl(char32_t c) {
    const auto k = category(c);
    return k == UTF8PROC_CATEGORY_CC || k == UTF8PROC_CATEGORY_CF || k == UTF8PROC_CATEGORY_CN ||
           k == UTF8PROC_CATEGORY_CO;
}

bool isCombiningMark(char32_t c) { return category(c) == UTF8PROC_CATEGORY_MN; }

std::string normalize(std::string_view s, const char* form) {
    const std::string f = form;
    int opts = UTF8PROC_STABLE;
    if (f == "NFC") opts |= UTF8PROC_COMPOSE;
    else if (f == "NFD") opts |= UTF8PROC_DECOMPOSE;
    else if (f == "NFKC") opts |= UTF8PROC_COMPOSE | UTF8PROC_COMPAT;
    else opts |= UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT;
    bool ascii = true;
    for (unsigned char ch : s) if (ch >= 0x80) { ascii = false; break; }
    if (ascii) return std::string(s);
    utf8proc_uint8_t* out = nullptr;
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                static_cast<utf8proc_ssize_t>(s.size()), &out,
                                static_cast<utf8proc_option_t>(opts));
    if (n < 0) return std::string(s);
    std::string r(reinterpret_cast<char*>(out), static_cast<size_t>(n));
    std::free(out);
    return r;
}

std::string toLower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0, n = 0; i < s.size(); i += n) {
        const char32_t c = decode(s, i, n);
        if (c == 0x130) { out += "i\xCC\x87"; continue; }   // Rust: 'İ' lowercases to "i̇"
        append(out, static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))));
    }
    return out;
}

std::vector<std::pair<size_t, size_t>> graphemes(std::string_view s) {
    std::vector<std::pair<size_t, size_t>> out;
    utf8proc_int32_t state = 0;
    char32_t prev = 0;
    size_t start = 0;
    for (size_t i = 0, n = 0; i < s.size(); i += n) {
        const char32_t c = decode(s, i, n);
        if (i > 0 && utf8proc_grapheme_break_stateful(static_cast<utf8proc_int32_t>(prev),
                                                      static_cast<utf8proc_int32_t>(c), &state)) {
            out.emplace_back(start, i);
            start = i;
        }
        prev = c;
    }
    if (start < s.size()) out.emplace_back(start, s.size());
    return out;
}

std::string lossy(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (size_t i = 0; i < bytes.size();) {
        size_t bad = 1;
        const size_t n = validSeq(bytes, i, bad);
        if (n == 0) { out += "\xEF\xBF\xBD"; i += bad; }
        else { out.append(bytes.data() + i, n); i += n; }
    }
    return out;
}

bool isValid(std::string_view bytes) {
    for (size_t i = 0; i < bytes.size();) {
        size_t bad = 1;
        const size_t n = validSeq(bytes, i, bad);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

} // namespace tb::utf8
