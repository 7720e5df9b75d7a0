#include "data/JsonReaders.h"

#include "data/Utf8Validator.h"

#include <cstdio>
#include <iterator>
#include <memory>
#include <vector>

namespace tb {

std::string describeJsonParseError(const std::string& what, int64_t lineBase) {
    // nlohmann: "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
    const std::size_t at = what.find("at line ");
    long line = 0, column = 0;
    if (at != std::string::npos && std::sscanf(what.c_str() + at, "at line %ld, column %ld", &line, &column) == 2) {
        std::size_t colon = what.find(": ", at);
        std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
        return "JSON parse error at line " + std::to_string(lineBase + line) + " column " + std::to_string(column) +
               ": " + detail;
    }
    std::size_t bracket = what.find("] ");
    return "JSON parse error: " + (bracket == std::string::npos ? what : what.substr(bracket + 2));
}

std::string jsonKindName(const nlohmann::json& v) {
    switch (v.type()) {
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::null: return "null";
    default: return "a number";
    }
}

// ---------------------------------------------------------------- JSONL

void JsonlReader::read(RecordVisitor& visitor) {
    std::string line;
    std::vector<std::string> keys;
    int64_t lineNo = 0;
    int64_t lastProgress = 0;
    while (std::getline(in_, line)) {
        ++lineNo;
        bytes_ += static_cast<int64_t>(line.size()) + 1;
        if (lineNo == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        if (bytes_ - lastProgress >= (1 << 18)) {
            lastProgress = bytes_;
            if (!visitor.progress(bytes_)) return;
        }
        Utf8Validator v;
        std::size_t badByte = 0, seqStart = 0;
        bool cutOff = false;
        for (std::size_t i = 0; i < line.size() && !badByte; ++i) {
            if (!v.pending()) seqStart = i + 1;
            const Utf8Validator::Result u = v.check(static_cast<unsigned char>(line[i]));
            if (u != Utf8Validator::Result::Ok) {
                badByte = seqStart;
                cutOff = u == Utf8Validator::Result::CutOff;
            }
        }
        if (!badByte && v.pending()) {
            badByte = seqStart;
            cutOff = true;
        }
        if (badByte) {
            if (!visitor.bad({file_, lineNo, "invalid UTF-8 at line " + std::to_string(lineNo) + " byte " +
                                                 std::to_string(badByte) +
                                                 (cutOff ? " (a multi-byte sequence is cut off)" : "")},
                             false))
                return;
            continue;
        }
        nlohmann::json row;
        keys.clear();
        try {
            row = nlohmann::json::parse(line, [&keys](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
                if (depth == 1 && event == nlohmann::json::parse_event_t::key) keys.push_back(parsed.get<std::string>());
                return true;
            });
        } catch (const nlohmann::json::parse_error& e) {
            if (!visitor.bad({file_, lineNo, describeJsonParseError(e.what(), lineNo - 1)}, false)) return;
            continue;
        }
        if (!row.is_object()) {
            if (!visitor.bad({file_, lineNo, "line " + std::to_string(lineNo) + " is " + jsonKindName(row) +
                                                 ", not a JSON object ({\"field\": value, ...})"},
                             false))
                return;
            continue;
        }
        if (!visitor.record(std::move(row), lineNo, keys)) return;
    }
    visitor.progress(bytes_);
}

// ---------------------------------------------------------------- JSON array (SAX)
namespace {

// The bytes of the stream as an input iterator that counts lines and validates UTF-8 as
// nlohmann's lexer consumes them, so element lines and encoding errors can be reported.
struct ByteSource {
    std::istream& in;
    std::vector<char> buf = std::vector<char>(1 << 16);
    std::size_t pos = 0, len = 0;
    bool eof = false;
    int64_t consumed = 0;
    int64_t line = 1, col = 0;
    Utf8Validator utf8;
    int64_t badLine = 0, badCol = 0, seqLine = 1, seqCol = 0;
    bool badCutOff = false;
    explicit ByteSource(std::istream& s) : in(s) { fill(); }
    void fill() {
        pos = 0;
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        len = static_cast<std::size_t>(in.gcount());
        if (len == 0) eof = true;
    }
    void skipBom() {
        if (len >= 3 && buf[0] == '\xEF' && buf[1] == '\xBB' && buf[2] == '\xBF') {
            pos = 3;
            consumed = 3;
        }
    }
    void advance() {
        const unsigned char c = static_cast<unsigned char>(buf[pos]);
        ++col;
        if (!utf8.pending()) {
            seqLine = line;
            seqCol = col;
        }
        const Utf8Validator::Result u = utf8.check(c);
        if (u != Utf8Validator::Result::Ok && badLine == 0) {
            badLine = seqLine;
            badCol = seqCol;
            badCutOff = u == Utf8Validator::Result::CutOff;
        }
        if (c == '\n') {
            ++line;
            col = 0;
        }
        ++consumed;
        if (++pos >= len) fill();
    }
};

class ByteIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;
    ByteIterator() = default;
    explicit ByteIterator(ByteSource* s) : s_(s) {}
    const char& operator*() const { return s_->buf[s_->pos]; }
    ByteIterator& operator++() {
        s_->advance();
        return *this;
    }
    ByteIterator operator++(int) {
        ByteIterator old = *this;
        s_->advance();
        return old;
    }
    bool operator==(const ByteIterator& o) const { return atEnd() == o.atEnd(); }
    bool operator!=(const ByteIterator& o) const { return !(*this == o); }

private:
    bool atEnd() const { return !s_ || s_->eof; }
    ByteSource* s_ = nullptr;
};

class ArraySax {
public:
    using json = nlohmann::json;
    ArraySax(ByteSource& src, RecordVisitor& v, std::string file) : src_(src), v_(v), file_(std::move(file)) {}

    bool null() { return value(json(nullptr)); }
    bool boolean(bool b) { return value(json(b)); }
    bool number_integer(json::number_integer_t n) { return value(json(n)); }
    bool number_unsigned(json::number_unsigned_t n) { return value(json(n)); }
    bool number_float(json::number_float_t f, const json::string_t&) { return value(json(f)); }
    bool string(json::string_t& s) { return value(json(std::move(s))); }
    bool binary(json::binary_t&) { return value(json()); }
    bool start_object(std::size_t) { return open(json::object()); }
    bool key(json::string_t& k) {
        if (stack_.size() == 1) elementKeys_.push_back(k);
        keys_.back() = k;
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) {
        std::string msg;
        int64_t line = src_.line;
        if (src_.badLine) {
            line = src_.badLine;
            msg = "invalid UTF-8 at line " + std::to_string(src_.badLine) + " byte " + std::to_string(src_.badCol) +
                  (src_.badCutOff ? " (a multi-byte sequence is cut off)" : "");
        } else {
            msg = describeJsonParseError(ex.what(), 0);
            long l = 0;
            if (std::sscanf(msg.c_str(), "JSON parse error at line %ld", &l) == 1) line = l;
        }
        v_.bad({file_, line, msg}, true);
        failed_ = true;
        return false;
    }
    bool failed() const { return failed_; }

private:
    bool topLevelError(const std::string& what) {
        v_.bad({file_, src_.line,
                "expected a JSON array of objects ([{...}, {...}]) but the file starts with " + what +
                    "; for one object per line use --format jsonl"},
               true);
        failed_ = true;
        return false;
    }
    bool open(json container) {
        if (depth_ == 0) {
            if (!container.is_array()) return topLevelError("an object");
            depth_ = 1;
            return true;
        }
        if (depth_ == 1) {
            ++element_;
            elementLine_ = src_.line;
            elementKeys_.clear();
        }
        stack_.push_back(std::move(container));
        keys_.emplace_back();
        ++depth_;
        return true;
    }
    bool close() {
        --depth_;
        if (depth_ == 0) return true;   // the top-level array ends
        json done = std::move(stack_.back());
        stack_.pop_back();
        keys_.pop_back();
        return value(std::move(done), true);
    }
    bool value(json v, bool closing = false) {
        if (depth_ == 0) return topLevelError(jsonKindName(v));
        if (stack_.empty()) {   // a complete top-level element
            if (!closing) {
                ++element_;
                elementLine_ = src_.line;
            }
            if (src_.consumed - lastProgress_ >= (1 << 18)) {
                lastProgress_ = src_.consumed;
                if (!v_.progress(src_.consumed)) return false;
            }
            if (!v.is_object())
                return v_.bad({file_, elementLine_,
                               "element " + std::to_string(element_) + " (line " + std::to_string(elementLine_) +
                                   ") is " + jsonKindName(v) + ", not an object"},
                              false);
            return v_.record(std::move(v), elementLine_, elementKeys_);
        }
        json& top = stack_.back();
        if (top.is_array()) top.push_back(std::move(v));
        else top[keys_.back()] = std::move(v);
        return true;
    }

    ByteSource& src_;
    RecordVisitor& v_;
    std::string file_;
    std::vector<json> stack_;
    std::vector<std::string> keys_;
    std::vector<std::string> elementKeys_;
    int depth_ = 0;
    int64_t element_ = 0, elementLine_ = 0, lastProgress_ = 0;
    bool failed_ = false;
};

} // namespace

void JsonArrayReader::read(RecordVisitor& visitor) {
    ByteSource src(in_);
    src.skipBom();
    ArraySax sax(src, visitor, file_);
    nlohmann::json::sax_parse(ByteIterator(&src), ByteIterator(), &sax);
    bytes_ = src.consumed;
    if (!sax.failed()) visitor.progress(bytes_);
}

} // namespace tb
