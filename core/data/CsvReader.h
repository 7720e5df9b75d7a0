#pragma once
// Why this exists: CSV/TSV is how most people's own data arrives. This is a streaming RFC 4180
// reader (a byte-at-a-time state machine over 64 KiB chunks): quoted fields may hold the
// delimiter, doubled quotes and line breaks; CRLF, LF and lone CR end records; a UTF-8 BOM is
// skipped; the first row names the fields. Each malformed record is reported with its line
// (ragged row, stray character after a closing quote, invalid UTF-8 at line N byte M) and the
// reader goes on with the next one; an unterminated quote is fatal (it swallows the rest).
// Lenient where Python's csv module is: a quote inside an unquoted field is kept literally;
// blank lines are skipped. Values stay strings (CSV has no types).
// Why not a packaged parser: Debian has libcsv-dev (streaming, RFC 4180) and libfccp-dev. libcsv
// reports errors without a position (no line, no byte), knows nothing of BOMs, headers or UTF-8,
// and only fails an unterminated quote at the end; fast-cpp-csv-parser needs the column count at
// compile time and rejects line breaks inside quoted fields. Precise per-record errors are a
// requirement here, so this ~250-line state machine is ours.
#include "data/RecordVisitor.h"
#include "data/Utf8Validator.h"

#include <istream>
#include <string>
#include <vector>

namespace tb {

class CsvReader {
public:
    struct Options {
        char delimiter = ',';
        bool hasHeader = true;   // else the fields are named col1, col2, ...
    };

    // The delimiter among , \t ; | that splits the sample's first lines into the same
    // (non-zero) number of fields most consistently; ',' when none does.
    static char detectDelimiter(const std::string& sample);

    CsvReader(std::istream& in, std::string fileLabel, Options options);
    // Reads to the end (or until a visitor callback returns false).
    void read(RecordVisitor& visitor);
    // The field names (after the header row has been read).
    const std::vector<std::string>& columns() const { return columns_; }
    int64_t bytesRead() const { return bytes_; }

private:
    enum class State { StartField, Unquoted, Quoted, QuotedQuote, AfterCR };
    bool step(unsigned char c);   // false: stop
    void endField();
    bool endRecord();
    bool finish();
    void setBad(const std::string& message);

    std::istream& in_;
    std::string file_;
    Options opt_;
    std::vector<std::string> columns_;
    bool headerDone_ = false;
    RecordVisitor* visitor_ = nullptr;

    State state_ = State::StartField;
    std::vector<std::string> fields_;
    std::string field_;
    bool anyQuoted_ = false;
    bool recordStarted_ = false;
    int64_t line_ = 1, col_ = 0, recordLine_ = 1, quoteLine_ = 0, seqLine_ = 1, seqCol_ = 0;
    std::string badMessage_;
    Utf8Validator utf8_;
    int64_t bytes_ = 0;
    bool stopped_ = false;
};

} // namespace tb
