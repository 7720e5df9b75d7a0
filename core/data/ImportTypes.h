#pragma once
// Why this exists: the vocabulary shared by the importers (core/data), the repository that
// stores what they read (core/workspace/DatasetRepository) and the import job/CLI: options,
// the per-record error report, progress and cancel. Plain C++, no Qt.
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace tb {

enum class ImportFormat { Auto, Csv, Tsv, Json, Jsonl };

std::string formatName(ImportFormat f);                 // "csv", "tsv", "json", "jsonl", "auto"
ImportFormat parseImportFormat(const std::string& s);   // throws UsageError on an unknown name
// From the file name (.csv .tsv .tab .json .jsonl .ndjson); Auto when it cannot tell.
ImportFormat formatFromPath(const std::string& path);

// One field of the result: take `from` in the source row and store it as `to`.
struct FieldMap {
    std::string from, to;
};

struct ImportOptions {
    std::string path;
    std::string datasetName;
    ImportFormat format = ImportFormat::Auto;
    bool skipBad = false;              // false: any bad record aborts the import, nothing written
    char delimiter = 0;                // CSV/TSV: 0 = detect (',' ';' '\t' '|') from the first lines
    bool hasHeader = true;             // CSV/TSV: first row names the fields (else col1, col2, ...)
    std::vector<FieldMap> fields;      // empty: keep every field as it is; else select + rename, in order
    std::size_t maxBadRecordsListed = 1000;   // the report keeps this many (all are counted)
};

// A malformed record: where it is and what is wrong, e.g.
// {"data.csv", 12, "row has 4 fields but the header has 3"}.
struct BadRecord {
    std::string file;
    int64_t line = 0;       // 1-based line where the record starts (0 when unknown)
    std::string message;
    std::string toString() const { return file + ":" + std::to_string(line) + ": " + message; }
};

struct ImportReport {
    std::string path;
    std::string format;              // the format actually used
    char delimiter = 0;              // CSV/TSV
    std::vector<std::string> columns;
    int64_t rowsImported = 0;
    int64_t rowsSkipped = 0;
    std::vector<BadRecord> badRecords;   // at most ImportOptions::maxBadRecordsListed
    int64_t bytes = 0;
    double seconds = 0;
};

struct ImportProgress {
    int64_t bytesRead = 0, bytesTotal = 0;
    int64_t rows = 0, skipped = 0;
};
using ImportProgressFn = std::function<void(const ImportProgress&)>;
using CancelFn = std::function<bool()>;   // returns true when the user asked to stop

// All-or-nothing import met a bad record (or the file cannot be read at all); what() is
// "file:line: message". Nothing was written.
class ImportError : public Error {
public:
    ImportError(const std::string& message, std::vector<BadRecord> bad = {})
        : Error(message), bad_(std::move(bad)) {}
    const std::vector<BadRecord>& badRecords() const { return bad_; }

private:
    std::vector<BadRecord> bad_;
};

class ImportCancelled : public Error {
public:
    ImportCancelled() : Error("import cancelled; nothing was written") {}
};

} // namespace tb
