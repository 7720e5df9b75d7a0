#include "data/DataImporter.h"

#include "data/CsvReader.h"
#include "data/JsonReaders.h"
#include "data/RecordVisitor.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <set>
#include <sys/stat.h>

namespace tb {

std::string formatName(ImportFormat f) {
    switch (f) {
    case ImportFormat::Csv: return "csv";
    case ImportFormat::Tsv: return "tsv";
    case ImportFormat::Json: return "json";
    case ImportFormat::Jsonl: return "jsonl";
    default: return "auto";
    }
}

ImportFormat parseImportFormat(const std::string& s) {
    std::string l = s;
    std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (l == "csv") return ImportFormat::Csv;
    if (l == "tsv" || l == "tab") return ImportFormat::Tsv;
    if (l == "json") return ImportFormat::Json;
    if (l == "jsonl" || l == "ndjson") return ImportFormat::Jsonl;
    if (l.empty() || l == "auto") return ImportFormat::Auto;
    throw UsageError("unknown format '" + s + "': use csv, tsv, json or jsonl");
}

ImportFormat formatFromPath(const std::string& path) {
    const std::size_t dot = path.find_last_of('.');
    const std::size_t slash = path.find_last_of('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return ImportFormat::Auto;
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == "csv") return ImportFormat::Csv;
    if (ext == "tsv" || ext == "tab") return ImportFormat::Tsv;
    if (ext == "json") return ImportFormat::Json;
    if (ext == "jsonl" || ext == "ndjson") return ImportFormat::Jsonl;
    return ImportFormat::Auto;
}

namespace {

std::ifstream openInput(const std::string& path, int64_t* size) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw ImportError("cannot open " + path + ": " + std::strerror(errno) + ". Check the path.");
    if (S_ISDIR(st.st_mode)) throw ImportError(path + " is a folder; give a CSV/TSV/JSON/JSONL file.");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ImportError("cannot open " + path + ": " + std::strerror(errno));
    *size = static_cast<int64_t>(st.st_size);
    return in;
}

std::string readSample(const std::string& path, std::size_t n) {
    std::ifstream in(path, std::ios::binary);
    std::string s(n, '\0');
    in.read(&s[0], static_cast<std::streamsize>(n));
    s.resize(static_cast<std::size_t>(in.gcount()));
    return s;
}

// Collects rows, enforces the policy; shared by run() and preview().
class Collector : public RecordVisitor {
public:
    Collector(const ImportOptions& o, const DataImporter::StoreFn& store, const ImportProgressFn& progress,
              const CancelFn& cancel, int64_t total, ImportReport& report, std::size_t limit, bool previewMode)
        : opt_(o), store_(store), progress_(progress), cancel_(cancel), total_(total), report_(report),
          limit_(limit), preview_(previewMode) {}

    bool record(nlohmann::json&& row, int64_t, const std::vector<std::string>& keys) override {
        for (const auto& k : keys)
            if (seenSource_.insert(k).second) sourceColumns.push_back(k);
        nlohmann::json mapped = DataImporter::applyMapping(opt_.fields, std::move(row));
        if (opt_.fields.empty()) {
            for (const auto& k : keys)
                if (seen_.insert(k).second) report_.columns.push_back(k);
        } else {
            for (const auto& f : opt_.fields) {
                const std::string& to = f.to.empty() ? f.from : f.to;
                if (mapped.contains(to) && seen_.insert(to).second) report_.columns.push_back(to);
            }
        }
        if (store_) store_(mapped);
        if (preview_) previewRows.push_back(std::move(mapped));
        ++report_.rowsImported;
        if (cancel_ && (report_.rowsImported & 255) == 0 && cancel_()) {
            cancelled = true;
            return false;
        }
        return report_.rowsImported < static_cast<int64_t>(limit_);
    }
    bool bad(const BadRecord& b, bool fatal) override {
        ++report_.rowsSkipped;
        if (report_.badRecords.size() < opt_.maxBadRecordsListed) report_.badRecords.push_back(b);
        if (fatal) fatalSeen = true;
        if (preview_) return true;
        if (!opt_.skipBad || fatal) {   // a fatal error leaves the rest unreadable: never import a prefix
            abortedOnBad = true;
            return false;
        }
        return true;
    }
    bool progress(int64_t bytes) override {
        if (cancel_ && cancel_()) {
            cancelled = true;
            return false;
        }
        if (progress_) progress_({bytes, total_, report_.rowsImported, report_.rowsSkipped});
        return true;
    }

    std::vector<std::string> sourceColumns;
    std::vector<nlohmann::json> previewRows;
    bool cancelled = false, abortedOnBad = false, fatalSeen = false;

private:
    const ImportOptions& opt_;
    DataImporter::StoreFn store_;
    ImportProgressFn progress_;
    CancelFn cancel_;
    int64_t total_;
    ImportReport& report_;
    std::size_t limit_;
    bool preview_;
    std::set<std::string> seen_, seenSource_;
};

struct ReadResult {
    ImportFormat format;
    char delimiter = 0;
};

ReadResult readFile(const ImportOptions& options, Collector& c, int64_t* bytesRead) {
    int64_t size = 0;
    std::ifstream in = openInput(options.path, &size);
    const ImportFormat format = DataImporter::resolveFormat(options);
    ReadResult r{format, 0};
    switch (format) {
    case ImportFormat::Csv:
    case ImportFormat::Tsv: {
        CsvReader::Options o;
        o.hasHeader = options.hasHeader;
        o.delimiter = options.delimiter ? options.delimiter
                      : format == ImportFormat::Tsv ? '\t'
                                                    : CsvReader::detectDelimiter(readSample(options.path, 1 << 16));
        r.delimiter = o.delimiter;
        CsvReader reader(in, options.path, o);
        reader.read(c);
        *bytesRead = reader.bytesRead();
        break;
    }
    case ImportFormat::Jsonl: {
        JsonlReader reader(in, options.path);
        reader.read(c);
        *bytesRead = reader.bytesRead();
        break;
    }
    default: {
        JsonArrayReader reader(in, options.path);
        reader.read(c);
        *bytesRead = reader.bytesRead();
        break;
    }
    }
    return r;
}

bool isBlankFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char buf[4096];
    bool first = true;
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        std::size_t n = static_cast<std::size_t>(in.gcount()), i = 0;
        if (first && n >= 3 && std::memcmp(buf, "\xEF\xBB\xBF", 3) == 0) i = 3;
        first = false;
        for (; i < n; ++i)
            if (!std::isspace(static_cast<unsigned char>(buf[i]))) return false;
    }
    return true;
}

} // namespace

ImportFormat DataImporter::resolveFormat(const ImportOptions& options) {
    if (options.format != ImportFormat::Auto) return options.format;
    ImportFormat f = formatFromPath(options.path);
    const std::string sample = readSample(options.path, 4096);
    const std::size_t p = sample.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    const char first = p == std::string::npos ? 0 : sample[p];
    if (f == ImportFormat::Json && first == '{') return ImportFormat::Jsonl;   // JSON Lines named .json
    if (f != ImportFormat::Auto) return f;
    if (first == '[') return ImportFormat::Json;
    if (first == '{') return ImportFormat::Jsonl;
    return ImportFormat::Csv;
}

nlohmann::json DataImporter::applyMapping(const std::vector<FieldMap>& fields, nlohmann::json&& row) {
    if (fields.empty()) return std::move(row);
    nlohmann::json out = nlohmann::json::object();
    for (const auto& f : fields) {
        auto it = row.find(f.from);
        if (it != row.end()) out[f.to.empty() ? f.from : f.to] = std::move(*it);
    }
    return out;
}

ImportPreview DataImporter::preview(const ImportOptions& options, std::size_t maxRows) {
    ImportReport report;
    ImportOptions o = options;
    o.skipBad = true;
    Collector c(o, {}, {}, {}, 0, report, std::max<std::size_t>(maxRows, 1), true);
    int64_t bytes = 0;
    ReadResult r = readFile(o, c, &bytes);
    ImportPreview p;
    p.format = formatName(r.format);
    p.delimiter = r.delimiter;
    p.columns = report.columns;
    p.sourceColumns = c.sourceColumns;
    p.rows = std::move(c.previewRows);
    p.badRecords = report.badRecords;
    return p;
}

ImportReport DataImporter::run(const ImportOptions& options, const StoreFn& store, const ImportProgressFn& progress,
                               const CancelFn& cancel) {
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& f : options.fields)
        if (f.from.empty()) throw UsageError("field mapping: a source field name is empty");
    ImportReport report;
    report.path = options.path;
    int64_t size = 0;
    openInput(options.path, &size);   // a clear message for a missing file before anything else
    if (isBlankFile(options.path)) throw ImportError(options.path + " is empty: there is nothing to import.");
    Collector c(options, store, progress, cancel, size, report, static_cast<std::size_t>(-1) >> 1, false);
    int64_t bytes = 0;
    ReadResult r = readFile(options, c, &bytes);
    report.format = formatName(r.format);
    report.delimiter = r.delimiter;
    report.bytes = bytes;
    if (c.cancelled) throw ImportCancelled();
    if (c.abortedOnBad) {
        const BadRecord& b = report.badRecords.front();
        throw ImportError(b.toString() + ". Nothing was imported" +
                              (c.fatalSeen ? "." : "; fix the file, or use skip-bad to import the other rows."),
                          report.badRecords);
    }
    if (report.rowsImported == 0) {
        std::string msg = options.path + ": no rows to import";
        if (!report.badRecords.empty()) msg += " (every record was bad; first: " + report.badRecords.front().toString() + ")";
        else if (!report.columns.empty() || r.format == ImportFormat::Csv || r.format == ImportFormat::Tsv)
            msg += " (only a header row?)";
        throw ImportError(msg + ".", report.badRecords);
    }
    if (progress) progress({bytes, size, report.rowsImported, report.rowsSkipped});
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return report;
}

} // namespace tb
