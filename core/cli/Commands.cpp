// The table of subcommands. Keep it sorted the way --help should list them.
#include "cli/Command.h"

namespace tb::cli {

Command makeImportCommand();
Command makeDatasetsCommand();
Command makeRenderCommand();
Command makeRenderChatCommand();
Command makeBuildCommand();
Command makeExportCommand();
Command makeTokenizeCommand();
Command makeForwardCommand();
Command makeGenerateCommand();
Command makeTrainCommand();
Command makeMetricsCommand();
Command makeEvalCommand();
Command makeBenchCommand();
Command makeWorkspaceCommand();

std::vector<Command> allCommands() {
    return {
        makeImportCommand(),   makeDatasetsCommand(),   makeRenderCommand(), makeRenderChatCommand(), makeBuildCommand(),
        makeExportCommand(),   makeTokenizeCommand(), makeForwardCommand(), makeGenerateCommand(),
        makeTrainCommand(),    makeMetricsCommand(), makeEvalCommand(),    makeBenchCommand(),
        makeWorkspaceCommand(),
    };
}

} // namespace tb::cli
