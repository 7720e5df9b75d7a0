#include "data/CsvReader.h"

#include <array>
#include <set>

namespace tb {

char CsvReader::detectDelimiter(const std::string& sample) {
    const std::array<char, 4> candidates = {',', '\t', ';', '|'};
    std::vector<std::array<int, 4>> perLine;
    std::array<int, 4> counts{};
    bool quoted = false;
    std::size_t start = sample.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    for (std::size_t i = start; i < sample.size() && perLine.size() < 20; ++i) {
        const char c = sample[i];
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) {
            if (c == '\r' && i + 1 < sample.size() && sample[i + 1] == '\n') ++i;
            perLine.push_back(counts);
            counts = {};
        } else if (!quoted) {
            for (std::size_t k = 0; k < candidates.size(); ++k)
                if (c == candidates[k]) ++counts[k];
        }
    }
    if (perLine.empty() || counts != std::array<int, 4>{}) perLine.push_back(counts);   // a last line without newline
    char best = ',';
    int bestConsistent = 0, bestCount = 0;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        const int first = perLine[0][k];
        if (first == 0) continue;
        int consistent = 0;
        for (const auto& l : perLine)
            if (l[k] == first) ++consistent;
        if (consistent > bestConsistent || (consistent == bestConsistent && first > bestCount)) {
            best = candidates[k];
            bestConsistent = consistent;
            bestCount = first;
        }
    }
    return best;
}

CsvReader::CsvReader(std::istream& in, std::string fileLabel, Options options)
    : in_(in), file_(std::move(fileLabel)), opt_(options) {}

void CsvReader::setBad(const std::string& message) {
    if (badMessage_.empty()) badMessage_ = message;
}

void CsvReader::endField() {
    fields_.push_back(std::move(field_));
    field_.clear();
}

bool CsvReader::endRecord() {
    Utf8Validator& v = utf8_;
    if (v.pending()) {
        setBad("invalid UTF-8 at line " + std::to_string(seqLine_) + " byte " + std::to_string(seqCol_) +
               " (a multi-byte sequence is cut off)");
        v.reset();
    }
    const bool blank = fields_.size() == 1 && fields_[0].empty() && !anyQuoted_;
    std::vector<std::string> fields = std::move(fields_);
    fields_.clear();
    std::string bad = std::move(badMessage_);
    badMessage_.clear();
    anyQuoted_ = false;
    recordStarted_ = false;
    const int64_t line = recordLine_;
    if (blank && bad.empty()) return true;

    if (!headerDone_) {
        headerDone_ = true;
        if (opt_.hasHeader) {
            if (!bad.empty()) {
                visitor_->bad({file_, line, "in the header row: " + bad}, true);
                return false;
            }
            std::set<std::string> seen;
            for (std::size_t i = 0; i < fields.size(); ++i) {
                std::string name = fields[i].empty() ? "col" + std::to_string(i + 1) : fields[i];
                if (seen.count(name)) {
                    int n = 2;
                    while (seen.count(name + "_" + std::to_string(n))) ++n;
                    name += "_" + std::to_string(n);
                }
                seen.insert(name);
                columns_.push_back(name);
            }
            return true;
        }
        for (std::size_t i = 0; i < fields.size(); ++i) columns_.push_back("col" + std::to_string(i + 1));
    }
    if (!bad.empty()) return visitor_->bad({file_, line, bad}, false);
    if (fields.size() != columns_.size())
        return visitor_->bad({file_, line,
                              "row has " + std::to_string(fields.size()) + " field" + (fields.size() == 1 ? "" : "s") +
                                  " but the header has " + std::to_string(columns_.size())},
                             false);
    nlohmann::json row = nlohmann::json::object();
    for (std::size_t i = 0; i < fields.size(); ++i) row[columns_[i]] = std::move(fields[i]);
    return visitor_->record(std::move(row), line, columns_);
}

bool CsvReader::step(unsigned char c) {
    ++col_;
    if (!utf8_.pending()) {
        seqLine_ = line_;
        seqCol_ = col_;
    }
    const Utf8Validator::Result u = utf8_.check(c);
    if (u != Utf8Validator::Result::Ok) {
        setBad("invalid UTF-8 at line " + std::to_string(seqLine_) + " byte " + std::to_string(seqCol_) +
               (u == Utf8Validator::Result::CutOff ? " (a multi-byte sequence is cut off)" : ""));
        if (u == Utf8Validator::Result::CutOff) utf8_.feed(c);   // this byte starts afresh
    }
    if (state_ == State::AfterCR) {
        state_ = State::StartField;
        if (c == '\n') {
            col_ = 0;
            return true;
        }
    }
    if (!recordStarted_) {
        recordStarted_ = true;
        recordLine_ = line_;
    }
    const char d = opt_.delimiter;
    switch (state_) {
    case State::Quoted:
        if (c == '"') state_ = State::QuotedQuote;
        else {
            field_.push_back(static_cast<char>(c));
            if (c == '\n') {
                ++line_;
                col_ = 0;
            }
        }
        return true;
    case State::QuotedQuote:
        if (c == '"') {
            field_.push_back('"');
            state_ = State::Quoted;
            return true;
        }
        if (c != static_cast<unsigned char>(d) && c != '\n' && c != '\r') {
            setBad("unexpected character after the closing quote at line " + std::to_string(line_) + " byte " +
                   std::to_string(col_) + " (a quote inside a quoted field must be doubled)");
            field_.push_back(static_cast<char>(c));
            state_ = State::Unquoted;
            return true;
        }
        break;
    case State::StartField:
        if (c == '"') {
            state_ = State::Quoted;
            quoteLine_ = line_;
            anyQuoted_ = true;
            return true;
        }
        break;
    default:
        break;
    }
    // StartField, Unquoted, or QuotedQuote at a delimiter / line end.
    if (c == static_cast<unsigned char>(d)) {
        endField();
        state_ = State::StartField;
        return true;
    }
    if (c == '\n' || c == '\r') {
        endField();
        const bool go = endRecord();
        ++line_;
        col_ = 0;
        state_ = c == '\r' ? State::AfterCR : State::StartField;
        return go;
    }
    field_.push_back(static_cast<char>(c));
    state_ = State::Unquoted;
    return true;
}

bool CsvReader::finish() {
    if (state_ == State::Quoted) {
        visitor_->bad({file_, quoteLine_,
                       "unterminated quote: the quoted field that opens at line " + std::to_string(quoteLine_) +
                           " is not closed before the end of the file"},
                      true);
        return false;
    }
    if (recordStarted_) {
        endField();
        return endRecord();
    }
    return true;
}

void CsvReader::read(RecordVisitor& visitor) {
    visitor_ = &visitor;
    utf8_.reset();
    std::vector<char> buf(1 << 16);
    bool first = true;
    while (in_) {
        in_.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const std::size_t n = static_cast<std::size_t>(in_.gcount());
        if (n == 0) break;
        std::size_t i = 0;
        if (first) {
            first = false;
            if (n >= 3 && buf[0] == '\xEF' && buf[1] == '\xBB' && buf[2] == '\xBF') i = 3;
        }
        for (; i < n; ++i)
            if (!step(static_cast<unsigned char>(buf[i]))) return;
        bytes_ += static_cast<int64_t>(n);
        if (!visitor.progress(bytes_)) return;
    }
    finish();
}

} // namespace tb
