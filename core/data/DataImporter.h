#pragma once
// Why this exists: one entry point for reading a user's file into rows, used by the import
// job, the CLI and the UI's import wizard (preview). It picks the format, runs the streaming
// reader, applies the field mapping, enforces the bad-record policy (all-or-nothing or
// skip-and-report), reports progress and honours cancel. It never stores anything itself:
// `store` receives each good row (DatasetRepository writes them inside one transaction).
//
// Usage:
//   1. DataImporter::preview(options, 20) for the wizard: format, delimiter, columns, first rows.
//   2. DataImporter::run(options, store, progress, cancel) -> ImportReport, or throws
//      ImportError (nothing usable / a bad record in all-or-nothing mode) or ImportCancelled.
#include "data/ImportTypes.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace tb {

struct ImportPreview {
    std::string format;
    char delimiter = 0;
    std::vector<std::string> columns;          // after mapping; first-seen order
    std::vector<std::string> sourceColumns;    // before mapping (what the mapping can pick from)
    std::vector<nlohmann::json> rows;          // after mapping
    std::vector<BadRecord> badRecords;         // met while reading the previewed part
};

class DataImporter {
public:
    using StoreFn = std::function<void(const nlohmann::json& row)>;

    // The format to use: options.format unless Auto, else from the extension, else from the
    // first non-blank byte ('[' json, '{' jsonl, otherwise csv).
    static ImportFormat resolveFormat(const ImportOptions& options);

    static ImportPreview preview(const ImportOptions& options, std::size_t maxRows = 20);
    static ImportReport run(const ImportOptions& options, const StoreFn& store, const ImportProgressFn& progress = {},
                            const CancelFn& cancel = {});

    // The mapping applied to one row (select + rename); fields the row lacks are left out.
    static nlohmann::json applyMapping(const std::vector<FieldMap>& fields, nlohmann::json&& row);
};

} // namespace tb
