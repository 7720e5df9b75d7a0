#include "text/template/JinjaLexer.h"

#include <algorithm>
#include <cstdlib>

namespace tb::jinja {
namespace {

bool asciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// Python's str.rstrip() for UTF-8 text.
std::string pyRstrip(const std::string& s) {
    const auto cps = toCodePoints(s);
    size_t end = cps.size();
    while (end > 0 && isPySpace(cps[end - 1])) --end;
    return fromCodePoints(cps, 0, end);
}

// Length of the run of (Python) whitespace starting at pos.
size_t spaceRun(const std::string& s, size_t pos) {
    size_t p = pos;
    while (p < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[p]);
        if (c < 0x80) {
            if (!isPySpace(c)) break;
            ++p;
            continue;
        }
        size_t len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : 2;
        const auto cps = toCodePoints(s.substr(p, len));
        if (cps.empty() || !isPySpace(cps[0])) break;
        p += len;
    }
    return p - pos;
}

void appendUtf8(std::string& out, uint32_t cp) {
    out += fromCodePoints(std::vector<char32_t>{static_cast<char32_t>(cp)}, 0, 1);
}

int hexVal(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Python's "unicode-escape" decoding of a string literal body.
std::string unescape(const std::string& s) {
    std::string out;
    for (size_t k = 0; k < s.size(); ++k) {
        if (s[k] != '\\' || k + 1 >= s.size()) { out += s[k]; continue; }
        const char e = s[++k];
        switch (e) {
        case '\n': break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case 'x': case 'u': case 'U': {
            const size_t want = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            uint32_t cp = 0;
            size_t got = 0;
            while (got < want && k + 1 + got < s.size() && hexVal(s[k + 1 + got]) >= 0) cp = cp * 16 + static_cast<uint32_t>(hexVal(s[k + 1 + got++]));
            if (got < want) throw std::runtime_error(std::string("truncated \\") + e + " escape in a string literal");
            k += want;
            appendUtf8(out, cp);
            break;
        }
        default:
            if (e >= '0' && e <= '7') {
                uint32_t cp = static_cast<uint32_t>(e - '0');
                for (int n = 0; n < 2 && k + 1 < s.size() && s[k + 1] >= '0' && s[k + 1] <= '7'; ++n) cp = cp * 8 + static_cast<uint32_t>(s[++k] - '0');
                appendUtf8(out, cp);
            } else {
                out += '\\';
                out += e;
            }
        }
    }
    return out;
}

class Lexer {
public:
    Lexer(std::string src, const Options& o) : src_(std::move(src)), opt_(o) {
        lineStarts_.push_back(0);
        for (size_t k = 0; k < src_.size(); ++k)
            if (src_[k] == '\n') lineStarts_.push_back(k + 1);
    }

    std::vector<Token> run() {
        size_t pos = 0;
        bool lineStarting = true;
        const size_t n = src_.size();
        while (pos < n) {
            size_t k = pos;
            while (true) {
                k = src_.find('{', k);
                if (k == std::string::npos || k + 1 >= n) { k = std::string::npos; break; }
                const char c = src_[k + 1];
                if (c == '{' || c == '%' || c == '#') break;
                ++k;
            }
            if (k == std::string::npos) {
                emit(Token::Type::Data, src_.substr(pos), pos);
                break;
            }
            const char tag = src_[k + 1];
            size_t p = k + 2;
            char sign = 0;
            if (p < n && (src_[p] == '-' || src_[p] == '+')) sign = src_[p++];
            std::string text = src_.substr(pos, k - pos);
            if (sign == '-') {
                text = pyRstrip(text);
            } else if (sign != '+' && opt_.lstripBlocks && tag != '{') {
                const size_t lpos = text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1;
                if ((lpos > 0 || lineStarting) && lpos < text.size() && spaceRun(text, lpos) == text.size() - lpos)
                    text.resize(lpos);
            }
            if (!text.empty()) emit(Token::Type::Data, text, pos);

            if (tag == '#') {
                pos = lexComment(k, p);
            } else if (tag == '%' && isRawBegin(p)) {
                pos = lexRaw(k, p);
            } else {
                pos = lexTag(k, p, tag == '%');
            }
            lineStarting = pos > 0 && src_[pos - 1] == '\n';
        }
        Token end;
        end.type = Token::Type::End;
        lineCol(n, end.line, end.col);
        tokens_.push_back(end);
        return std::move(tokens_);
    }

private:
    // Positions are asked for in increasing order, so walk forward from the last answer
    // (computing each column from the line start would be quadratic on long lines).
    void lineCol(size_t pos, int& line, int& col) const {
        if (pos < lastPos_) {
            const auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), pos) - 1;
            line = static_cast<int>(it - lineStarts_.begin()) + 1;
            col = static_cast<int>(codePointLength(src_.substr(*it, pos - *it))) + 1;
            return;
        }
        for (size_t k = lastPos_; k < pos && k < src_.size(); ++k) {
            if (src_[k] == '\n') { ++lastLine_; lastCol_ = 1; }
            else if ((static_cast<unsigned char>(src_[k]) & 0xC0) != 0x80) ++lastCol_;
        }
        lastPos_ = pos;
        line = lastLine_;
        col = lastCol_;
    }
    mutable size_t lastPos_ = 0;
    mutable int lastLine_ = 1, lastCol_ = 1;
    [[noreturn]] void fail(size_t pos, const std::string& msg) const {
        int l, c;
        lineCol(pos, l, c);
        throw JinjaError(l, c, msg);
    }
    void emit(Token::Type t, std::string text, size_t pos) {
        Token tok;
        tok.type = t;
        tok.text = std::move(text);
        lineCol(pos, tok.line, tok.col);
        tokens_.push_back(std::move(tok));
    }
    bool startsWith(size_t pos, const char* s) const { return src_.compare(pos, std::char_traits<char>::length(s), s) == 0; }
    size_t skipWs(size_t pos) const { return pos + spaceRun(src_, pos); }

    // After an end tag: "-" eats all whitespace, trim_blocks eats one newline, "+" keeps it.
    size_t afterEnd(size_t pos, char sign) const {
        if (sign == '-') return skipWs(pos);
        if (sign == 0 && opt_.trimBlocks && pos < src_.size() && src_[pos] == '\n') return pos + 1;
        return pos;
    }

    size_t lexComment(size_t begin, size_t p) {
        const size_t e = src_.find("#}", p);
        if (e == std::string::npos) fail(begin, "unterminated comment: '{#' has no closing '#}'");
        const char sign = (e > p && (src_[e - 1] == '-' || src_[e - 1] == '+')) ? src_[e - 1] : 0;
        return afterEnd(e + 2, sign);
    }

    bool isRawBegin(size_t p) const {
        size_t q = skipWs(p);
        if (!startsWith(q, "raw")) return false;
        q = skipWs(q + 3);
        return startsWith(q, "-%}") || startsWith(q, "%}");
    }

    size_t lexRaw(size_t begin, size_t p) {
        size_t q = skipWs(skipWs(p) + 3);
        q = startsWith(q, "-%}") ? skipWs(q + 3) : q + 2;
        // find "{%[-+]? endraw [-+]?%}"
        size_t search = q;
        while (true) {
            const size_t k = src_.find("{%", search);
            if (k == std::string::npos) fail(begin, "unterminated raw block: '{% raw %}' has no '{% endraw %}'");
            size_t r = k + 2;
            char sign = 0;
            if (r < src_.size() && (src_[r] == '-' || src_[r] == '+')) sign = src_[r++];
            r = skipWs(r);
            if (!startsWith(r, "endraw")) { search = k + 2; continue; }
            r = skipWs(r + 6);
            char endSign = 0;
            if (startsWith(r, "-%}") || startsWith(r, "+%}")) { endSign = src_[r]; r += 3; }
            else if (startsWith(r, "%}")) r += 2;
            else { search = k + 2; continue; }
            std::string text = src_.substr(q, k - q);
            if (sign == '-') {
                text = pyRstrip(text);
            } else if (sign != '+' && opt_.lstripBlocks) {
                const size_t lpos = text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1;
                if (lpos > 0 && lpos < text.size() && spaceRun(text, lpos) == text.size() - lpos) text.resize(lpos);
            }
            if (!text.empty()) emit(Token::Type::Data, text, q);
            return afterEnd(r, endSign);
        }
    }

    size_t lexTag(size_t begin, size_t p, bool block) {
        emit(block ? Token::Type::BlockBegin : Token::Type::VarBegin, block ? "{%" : "{{", begin);
        std::vector<char> balance;
        size_t pos = p;
        const size_t n = src_.size();
        while (true) {
            if (pos >= n) {
                if (!balance.empty()) fail(begin, std::string("unterminated '") + (block ? "{%" : "{{") + "' tag: '" + balance.back() + "' was never closed");
                fail(begin, block ? "unterminated '{%' tag: missing '%}'" : "unterminated '{{' tag: missing '}}'");
            }
            if (balance.empty()) {
                if (block) {
                    if (startsWith(pos, "+%}") || startsWith(pos, "-%}")) { emit(Token::Type::BlockEnd, "%}", pos); return afterEnd(pos + 3, src_[pos]); }
                    if (startsWith(pos, "%}")) { emit(Token::Type::BlockEnd, "%}", pos); return afterEnd(pos + 2, 0); }
                } else {
                    if (startsWith(pos, "-}}")) { emit(Token::Type::VarEnd, "}}", pos); return skipWs(pos + 3); }
                    if (startsWith(pos, "}}")) { emit(Token::Type::VarEnd, "}}", pos); return pos + 2; }
                }
            }
            const char c = src_[pos];
            if (asciiSpace(c)) { ++pos; continue; }
            if (static_cast<unsigned char>(c) >= 0x80) {
                const size_t w = spaceRun(src_, pos);
                if (w) { pos += w; continue; }
                fail(pos, "unexpected character in a tag");
            }
            if (std::isdigit(static_cast<unsigned char>(c))) { pos = lexNumber(pos); continue; }
            if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
                size_t e = pos;
                while (e < n && (std::isalnum(static_cast<unsigned char>(src_[e])) || src_[e] == '_')) ++e;
                emit(Token::Type::Name, src_.substr(pos, e - pos), pos);
                pos = e;
                continue;
            }
            if (c == '\'' || c == '"') { pos = lexString(pos); continue; }
            static const char* ops2[] = {"//", "**", "==", "!=", ">=", "<="};
            bool two = false;
            for (const char* o : ops2)
                if (startsWith(pos, o)) { emit(Token::Type::Op, o, pos); pos += 2; two = true; break; }
            if (two) continue;
            if (std::string("+-/*%~<>=.,:|()[]{};").find(c) == std::string::npos)
                fail(pos, std::string("unexpected character '") + c + "'");
            if (c == '(' || c == '[' || c == '{') balance.push_back(c == '(' ? ')' : c == '[' ? ']' : '}');
            if (c == ')' || c == ']' || c == '}') {
                if (balance.empty()) fail(pos, std::string("unexpected '") + c + "'");
                if (balance.back() != c) fail(pos, std::string("unexpected '") + c + "', expected '" + balance.back() + "'");
                balance.pop_back();
            }
            emit(Token::Type::Op, std::string(1, c), pos);
            ++pos;
        }
    }

    size_t digits(size_t pos) const {
        while (pos < src_.size() && (std::isdigit(static_cast<unsigned char>(src_[pos])) ||
                                     (src_[pos] == '_' && pos + 1 < src_.size() && std::isdigit(static_cast<unsigned char>(src_[pos + 1])))))
            ++pos;
        return pos;
    }

    size_t lexNumber(size_t pos) {
        const size_t n = src_.size();
        size_t e = digits(pos);
        bool isFloat = false;
        const bool afterDot = pos > 0 && src_[pos - 1] == '.';
        if (!afterDot) {
            if (e + 1 < n && src_[e] == '.' && std::isdigit(static_cast<unsigned char>(src_[e + 1]))) { e = digits(e + 1); isFloat = true; }
            if (e < n && (src_[e] == 'e' || src_[e] == 'E')) {
                size_t x = e + 1;
                if (x < n && (src_[x] == '+' || src_[x] == '-')) ++x;
                if (x < n && std::isdigit(static_cast<unsigned char>(src_[x]))) { e = digits(x); isFloat = true; }
            }
        }
        std::string text;
        for (size_t k = pos; k < e; ++k)
            if (src_[k] != '_') text += src_[k];
        emit(isFloat ? Token::Type::Float : Token::Type::Int, text, pos);
        return e;
    }

    size_t lexString(size_t pos) {
        const char q = src_[pos];
        size_t k = pos + 1;
        while (k < src_.size() && src_[k] != q) k += (src_[k] == '\\') ? 2 : 1;
        if (k >= src_.size()) fail(pos, std::string("unterminated string literal: missing closing ") + q);
        try {
            emit(Token::Type::String, unescape(src_.substr(pos + 1, k - pos - 1)), pos);
        } catch (const std::runtime_error& e) {
            fail(pos, e.what());
        }
        return k + 1;
    }

    std::string src_;
    Options opt_;
    std::vector<size_t> lineStarts_;
    std::vector<Token> tokens_;
};

std::string normalise(const std::string& source, bool keepTrailingNewline) {
    std::string out;
    out.reserve(source.size());
    for (size_t k = 0; k < source.size(); ++k) {
        if (source[k] == '\r') {
            out += '\n';
            if (k + 1 < source.size() && source[k + 1] == '\n') ++k;
        } else {
            out += source[k];
        }
    }
    if (!keepTrailingNewline && !out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

} // namespace

std::vector<Token> tokenize(const std::string& source, const Options& options) {
    return Lexer(normalise(source, options.keepTrailingNewline), options).run();
}

} // namespace tb::jinja
