#pragma once
// Why this exists: the headless `tunebench <subcommand>` entry point. app/main.cpp calls
// runCli() when a subcommand is given; this header has no torch or widget types.
#include <string>
#include <vector>

namespace tb::cli {

// Returns true if argv names a subcommand (or --version/--help) to run headless.
bool wantsHeadless(int argc, char** argv);

// Runs the subcommand; returns the process exit code (0 ok, 1 failure, 2 usage error).
int runCli(int argc, char** argv);

// The version banner for --version (also shown in the About dialog).
std::string versionReport();

// The names and one-line descriptions of all subcommands (for --help and the GUI).
struct CommandInfo {
    std::string name;
    std::string summary;
};
std::vector<CommandInfo> commandList();

} // namespace tb::cli
