#pragma once
// Why this exists: JSON Lines and JSON arrays are the other two ways datasets arrive (Hugging
// Face exports, Alpaca). Both stream: JSONL one line at a time; a JSON array through
// nlohmann-json's SAX interface, building only the current element, so a 100 MB array never
// sits whole in memory. Elements must be objects; nested values, numbers and booleans are kept
// as JSON. Errors say where: "JSON parse error at line N column M: ...", "invalid UTF-8 at
// line N byte M", "element 7 (line 30) is a string, not an object".
#include "data/RecordVisitor.h"

#include <istream>
#include <string>

namespace tb {

// One JSON object per line; blank lines are skipped. Every bad line is reported and skipped.
class JsonlReader {
public:
    JsonlReader(std::istream& in, std::string fileLabel) : in_(in), file_(std::move(fileLabel)) {}
    void read(RecordVisitor& visitor);
    int64_t bytesRead() const { return bytes_; }

private:
    std::istream& in_;
    std::string file_;
    int64_t bytes_ = 0;
};

// A top-level JSON array of objects. A syntax error is fatal (the rest cannot be re-synchronised);
// an element that is not an object is reported and skipped.
class JsonArrayReader {
public:
    JsonArrayReader(std::istream& in, std::string fileLabel) : in_(in), file_(std::move(fileLabel)) {}
    void read(RecordVisitor& visitor);
    int64_t bytesRead() const { return bytes_; }

private:
    std::istream& in_;
    std::string file_;
    int64_t bytes_ = 0;
};

// "JSON parse error at line N column M: <what nlohmann says>" from a nlohmann parse_error text;
// lineBase is added to its line (JSONL: the file line of the record, minus one).
std::string describeJsonParseError(const std::string& what, int64_t lineBase);

// "a string", "an array", ... for messages.
std::string jsonKindName(const nlohmann::json& v);

} // namespace tb
