// `tunebench export --instructions NAME --format jsonl|chat [--split train] [--out FILE]`, and
// `tunebench export --run RUN (--adapter OUT | --merged OUT)` (the training room's exportRun).
#include "cli/CmdExportRun.h"
#include "cli/Command.h"
#include "data/InstructionExport.h"
#include "util/Error.h"
#include "workspace/InstructionSetRepository.h"
#include "workspace/Workspace.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

namespace tb::cli {

Command makeExportCommand() {
    Command c;
    c.name = "export";
    c.summary = "export an instruction set, an adapter or a merged model";
    c.usage = "--instructions NAME --format jsonl|chat [--split train|validation|test] [--out FILE]\n"
              "       tunebench export --run RUN (--adapter OUT | --merged OUT)";
    c.flags = {
        {"instructions", true, "the instruction set to export"},
        {"format", true, "jsonl ({\"prompt\",\"completion\"}, + \"references\" when several) or chat ({\"messages\"})"},
        {"split", true, "only this split (default: all, train then validation then test)"},
        {"out", true, "write to this file (default: standard output)"},
        {"run", true, "a training run id: export its adapter or merged model"},
        {"adapter", true, "with --run: the folder for the PEFT adapter"},
        {"merged", true, "with --run: the folder for the merged model"},
    };
    c.run = [](const Args& args, const Context& ctx) {
        if (args.has("run")) return exportRun(args, ctx);
        if (!args.has("instructions"))
            throw UsageError("tunebench export: give --instructions NAME (or --run RUN for a trained model)");
        const ExportFormat format = parseExportFormat(args.str("format", "jsonl"));
        auto ws = Workspace::open(ctx.workspacePath.empty() ? Workspace::defaultPath()
                                                            : QString::fromStdString(ctx.workspacePath));
        InstructionSetRepository repo(ws);
        const QString name = QString::fromStdString(args.required("instructions"));
        const QString split = QString::fromStdString(args.str("split"));
        if (!split.isEmpty() && split != QStringLiteral("train") && split != QStringLiteral("validation") &&
            split != QStringLiteral("test"))
            throw UsageError("tunebench export: --split is train, validation or test");
        repo.require(name);
        std::ofstream file;
        const std::string outPath = args.str("out");
        if (!outPath.empty()) {
            file.open(outPath, std::ios::binary | std::ios::trunc);
            if (!file) throw Error("cannot write " + outPath + ": " + std::strerror(errno));
        }
        std::ostream& out = outPath.empty() ? std::cout : file;
        qint64 n = 0;
        repo.forEachExample(name, split, [&](const InstructionExample& ex) {
            writeExampleLine(out, ex, format);
            ++n;
            return true;
        });
        out.flush();
        if (!out) throw Error("writing the export failed (disk full?)");
        if (!outPath.empty())
            printJsonLine(nlohmann::json{{"event", "done"}, {"instructions", name.toStdString()}, {"file", outPath},
                                         {"examples", n}, {"format", args.str("format", "jsonl")}}
                              .dump());
        return 0;
    };
    return c;
}

} // namespace tb::cli
