// `tunebench import FILE --dataset NAME [--format csv|tsv|json|jsonl] [--skip-bad]`: streams a
// file into a new dataset in one transaction. Progress and the final summary are JSON lines.
#include "cli/Command.h"
#include "data/DataImporter.h"
#include "util/Error.h"
#include "workspace/DatasetRepository.h"
#include "workspace/Workspace.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>

namespace tb::cli {
namespace {

std::shared_ptr<Workspace> openWorkspace(const Context& ctx) {
    return Workspace::open(ctx.workspacePath.empty() ? Workspace::defaultPath() : QString::fromStdString(ctx.workspacePath));
}

nlohmann::json badList(const std::vector<BadRecord>& bad) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& b : bad) a.push_back({{"file", b.file}, {"line", b.line}, {"message", b.message}});
    return a;
}

// "from:to,other" -> mapping (a name alone keeps it as it is).
std::vector<FieldMap> parseFields(const std::vector<std::string>& items) {
    std::vector<FieldMap> out;
    for (const auto& it : items) {
        const std::size_t c = it.find(':');
        FieldMap m;
        m.from = c == std::string::npos ? it : it.substr(0, c);
        m.to = c == std::string::npos ? it : it.substr(c + 1);
        if (m.from.empty() || m.to.empty()) throw UsageError("--fields: '" + it + "' should be FIELD or FROM:TO");
        out.push_back(m);
    }
    return out;
}

char parseDelimiter(const std::string& s) {
    if (s.empty()) return 0;
    if (s == "\\t" || s == "tab") return '\t';
    if (s.size() != 1) throw UsageError("--delimiter must be one character (or 'tab')");
    return s[0];
}

} // namespace

Command makeImportCommand() {
    Command c;
    c.name = "import";
    c.summary = "import a CSV/TSV/JSON/JSONL file as a dataset";
    c.usage = "FILE --dataset NAME [--format csv|tsv|json|jsonl] [--skip-bad] [--fields A,B:NEW] [--preview N]";
    c.maxPositionals = 1;
    c.flags = {
        {"dataset", true, "name of the new dataset"},
        {"format", true, "csv, tsv, json (an array) or jsonl (default: from the extension and content)"},
        {"skip-bad", false, "skip malformed records and report them (default: any bad record aborts, nothing written)"},
        {"delimiter", true, "CSV delimiter (default: detected among , tab ; |)"},
        {"no-header", false, "CSV/TSV: the first row is data; fields are named col1, col2, ..."},
        {"fields", true, "keep only these fields, renaming FROM:TO (e.g. dialogue,summary:target)"},
        {"preview", true, "print the first N rows as the import would store them, and write nothing"},
    };
    c.run = [](const Args& args, const Context& ctx) {
        if (args.positionals().empty()) throw UsageError("tunebench import: give the FILE to import");
        ImportOptions o;
        o.path = args.positionals().front();
        o.format = parseImportFormat(args.str("format"));
        o.skipBad = args.has("skip-bad");
        o.delimiter = parseDelimiter(args.str("delimiter"));
        o.hasHeader = !args.has("no-header");
        o.fields = parseFields(args.list("fields"));
        if (args.has("preview")) {
            const ImportPreview p = DataImporter::preview(o, static_cast<std::size_t>(args.integer("preview", 10)));
            nlohmann::json out = {{"event", "preview"}, {"format", p.format}, {"columns", p.columns},
                                  {"source_columns", p.sourceColumns}, {"rows", p.rows},
                                  {"bad_records", badList(p.badRecords)}};
            if (p.delimiter) out["delimiter"] = std::string(1, p.delimiter);
            printJsonLine(out.dump());
            return 0;
        }
        o.datasetName = args.required("dataset");
        auto ws = openWorkspace(ctx);
        DatasetRepository repo(ws);
        auto last = std::chrono::steady_clock::now() - std::chrono::seconds(1);
        try {
            const ImportReport r = repo.importFile(o, [&](const ImportProgress& p) {
                const auto now = std::chrono::steady_clock::now();
                if (now - last < std::chrono::milliseconds(250) && p.bytesRead < p.bytesTotal) return;
                last = now;
                printJsonLine(nlohmann::json{{"event", "progress"}, {"bytes", p.bytesRead}, {"total_bytes", p.bytesTotal},
                                             {"rows", p.rows}, {"skipped", p.skipped}}
                                  .dump());
            });
            nlohmann::json out = {{"event", "done"},
                                  {"dataset", o.datasetName},
                                  {"file", o.path},
                                  {"format", r.format},
                                  {"columns", r.columns},
                                  {"rows_imported", r.rowsImported},
                                  {"rows_skipped", r.rowsSkipped},
                                  {"bad_records", badList(r.badRecords)},
                                  {"seconds", r.seconds},
                                  {"rows_per_second", r.seconds > 0 ? static_cast<double>(r.rowsImported) / r.seconds : 0.0}};
            if (r.delimiter) out["delimiter"] = std::string(1, r.delimiter);
            printJsonLine(out.dump());
            return 0;
        } catch (const ImportError& e) {
            printJsonLine(nlohmann::json{{"event", "failed"}, {"dataset", o.datasetName}, {"message", e.what()},
                                         {"rows_imported", 0}, {"bad_records", badList(e.badRecords())}}
                              .dump());
            std::cerr << "tunebench import: " << e.what() << "\n";
            return 1;
        }
    };
    return c;
}

} // namespace tb::cli
