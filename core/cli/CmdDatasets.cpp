// `tunebench datasets`: the datasets in the workspace, one JSON line each.
#include "cli/Command.h"
#include "workspace/DatasetRepository.h"
#include "workspace/InstructionSetRepository.h"
#include "workspace/Workspace.h"

#include <nlohmann/json.hpp>

namespace tb::cli {

Command makeDatasetsCommand() {
    Command c;
    c.name = "datasets";
    c.summary = "list the datasets (and instruction sets) in the workspace";
    c.usage = "[--instructions]";
    c.flags = {{"instructions", false, "list the instruction sets instead"}};
    c.run = [](const Args& args, const Context& ctx) {
        auto ws = Workspace::open(ctx.workspacePath.empty() ? Workspace::defaultPath()
                                                            : QString::fromStdString(ctx.workspacePath));
        if (args.has("instructions")) {
            for (const auto& i : InstructionSetRepository(ws).list())
                printJsonLine(nlohmann::json{{"name", i.name.toStdString()}, {"train", i.train},
                                             {"validation", i.validation}, {"test", i.test},
                                             {"created_at", i.createdAt.toStdString()}}
                                  .dump());
            return 0;
        }
        for (const auto& d : DatasetRepository(ws).list()) {
            nlohmann::json cols = nlohmann::json::array();
            for (const auto& col : d.columns) cols.push_back(col.toStdString());
            printJsonLine(nlohmann::json{{"name", d.name.toStdString()}, {"rows", d.rowCount}, {"columns", cols},
                                         {"format", d.format.toStdString()}, {"source", d.sourcePath.toStdString()}}
                              .dump());
        }
        return 0;
    };
    return c;
}

} // namespace tb::cli
