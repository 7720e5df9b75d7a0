// `tunebench render`: rows through a prompt template -> one {"prompt","completion"} JSON line
// per row. Rows come from a JSONL/JSON file (--input) or a workspace dataset (--dataset).
#include "cli/Command.h"
#include "text/template/PromptTemplate.h"
#include "util/Error.h"
#include "workspace/DatasetRepository.h"
#include "workspace/Workspace.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>

namespace tb::cli {
namespace {

std::string dumpLine(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

void emitPair(const PromptTemplate& t, const nlohmann::json& row, const std::string& where) {
    try {
        const RenderedPair p = renderTemplate(t, row);
        printJsonLine(dumpLine(nlohmann::json{{"prompt", p.prompt}, {"completion", p.completion}}));
    } catch (const TemplateError& e) {
        throw TemplateError(where + ": " + e.what());
    }
}

// Streams rows of a JSONL file (or the elements of a JSON array file) to fn; returns false to stop.
void forEachInputRow(const std::string& path, const std::function<bool(const nlohmann::json&, const std::string&)>& fn) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UsageError("tunebench render: cannot open --input file '" + path + "'");
    const int first = in.peek();
    if (first == '[') {
        auto doc = nlohmann::json::parse(in, nullptr, false);
        if (doc.is_discarded()) throw Error(path + ": not valid JSON (expected a JSON array of row objects or JSON lines)");
        for (size_t k = 0; k < doc.size(); ++k)
            if (!fn(doc[k], path + " row " + std::to_string(k + 1))) return;
        return;
    }
    std::string line;
    long long lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        const std::string where = path + ":" + std::to_string(lineNo);
        nlohmann::json row;
        try {
            row = nlohmann::json::parse(line);
        } catch (const nlohmann::json::parse_error& e) {
            throw Error(where + ": not valid JSON (" + e.what() + ")");
        }
        if (!row.is_object()) throw Error(where + ": a row must be a JSON object of fields");
        if (!fn(row, where)) return;
    }
}

} // namespace

Command makeRenderCommand() {
    Command c;
    c.name = "render";
    c.summary = "render rows through a prompt template (one {\"prompt\",\"completion\"} JSON line per row)";
    c.usage = "--template FILE_OR_NAME (--input ROWS.jsonl | --dataset NAME) [--limit N] | --list";
    c.flags = {
        {"template", true, "a template .json file (FILE#NAME picks one from a library file) or a built-in name"},
        {"input", true, "rows as JSON lines (or a JSON array) of field objects"},
        {"dataset", true, "a dataset in the workspace"},
        {"limit", true, "render at most N rows"},
        {"list", false, "list the built-in templates (name, task, kind, fields)"},
    };
    c.run = [](const Args& args, const Context& ctx) {
        if (args.has("list")) {
            for (const auto& t : builtinTemplates())
                printJsonLine(dumpLine(nlohmann::json{{"name", t.name}, {"task", t.task}, {"kind", t.kind}, {"fields", templateFields(t)}}));
            return 0;
        }
        const std::string name = args.required("template");
        if (args.has("input") == args.has("dataset")) throw UsageError("tunebench render: give exactly one of --input FILE or --dataset NAME");
        const long long limit = args.integer("limit", -1);
        if (args.has("limit") && limit < 0) throw UsageError("tunebench render: --limit must be 0 or more");
        PromptTemplate t;
        try {
            t = loadTemplate(name);
        } catch (const TemplateError& e) {
            throw UsageError(std::string("tunebench render: ") + e.what());
        }
        long long done = 0;
        if (args.has("input")) {
            forEachInputRow(args.str("input"), [&](const nlohmann::json& row, const std::string& where) {
                if (limit >= 0 && done >= limit) return false;
                emitPair(t, row, where);
                ++done;
                return true;
            });
            return 0;
        }
        const QString path = ctx.workspacePath.empty() ? Workspace::defaultPath() : QString::fromStdString(ctx.workspacePath);
        DatasetRepository repo(Workspace::open(path));
        const QString dataset = QString::fromStdString(args.str("dataset"));
        repo.require(dataset);
        repo.forEachRow(dataset, [&](qint64 idx, const nlohmann::json& row) {
            emitPair(t, row, "dataset '" + dataset.toStdString() + "' row " + std::to_string(idx));
            return true;
        }, limit);
        return 0;
    };
    return c;
}

} // namespace tb::cli
