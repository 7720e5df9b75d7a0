#pragma once
// Why this exists: one table of subcommands. Each subcommand lives in its own
// Cmd<Name>.cpp and returns its Command from a make<Name>Command() function listed in
// Commands.cpp; the dispatcher adds --help and --workspace to every command.
#include "cli/Args.h"

#include <functional>
#include <string>
#include <vector>

namespace tb::cli {

struct Context {
    std::string workspacePath;  // empty: the default location (Workspace::defaultPath())
};

struct Command {
    std::string name;
    std::string summary;
    std::string usage;               // after "tunebench <name> "
    std::vector<FlagSpec> flags;
    int maxPositionals = 0;
    std::function<int(const Args&, const Context&)> run;
};

std::vector<Command> allCommands();

// Writes one compact JSON line to stdout and flushes (the CLI's output format).
void printJsonLine(const std::string& json);

} // namespace tb::cli
