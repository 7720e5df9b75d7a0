#pragma once
// Why this exists: the Datasets page's Export: a workspace dataset written out as JSON Lines,
// a JSON array or CSV (RFC 4180 quoting), streamed row by row from the repository.
#include <QString>

#include <memory>

namespace tb {
class DatasetRepository;
}

namespace tb { namespace ui {

class DatasetExporter {
public:
    enum class Format { Jsonl, Json, Csv };
    static Format formatForPath(const QString& path);   // by extension, JSONL by default
    // Returns the number of rows written; throws tb::Error with the reason on failure.
    static qint64 write(const tb::DatasetRepository& repo, const QString& dataset, const QString& path, Format format);
};

} } // namespace tb::ui
