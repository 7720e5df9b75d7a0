#pragma once
// Why this exists: the three readers (CSV/TSV, JSONL, JSON array) push what they read into
// one interface, one record at a time, so nothing holds the whole file: the importer stores
// each record as it arrives, the preview stops after N. Returning false from any callback
// stops the reader (cancel, preview full, all-or-nothing met a bad record).
#include "data/ImportTypes.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace tb {

class RecordVisitor {
public:
    virtual ~RecordVisitor() = default;
    // A well-formed record: a JSON object; `line` is the 1-based line where it starts; `keys`
    // are its field names in the order the file has them (nlohmann::json sorts its keys).
    virtual bool record(nlohmann::json&& row, int64_t line, const std::vector<std::string>& keys) = 0;
    // A malformed record. `fatal`: the reader cannot go on after it (unterminated quote,
    // JSON array syntax error) and stops whatever is returned.
    virtual bool bad(const BadRecord& bad, bool fatal) = 0;
    // Called every few hundred kilobytes with the bytes consumed so far.
    virtual bool progress(int64_t /*bytesRead*/) { return true; }
};

} // namespace tb
