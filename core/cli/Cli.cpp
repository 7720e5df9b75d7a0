#include "cli/Cli.h"

#include "cli/Command.h"
#include "io/RuntimeInfo.h"
#include "util/Error.h"
#include "util/ProcessTuning.h"

#include <QCoreApplication>
#include <QtGlobal>

#include <cstring>
#include <exception>
#include <iostream>
#include <sstream>

namespace tb::cli {
namespace {

const char* kUsage =
    "usage: tunebench [--workspace PATH] [<subcommand> [flags]]\n"
    "       tunebench --version | --help\n\n"
    "With no subcommand, tunebench opens the desktop application.\n\n";

std::string helpReport() {
    std::ostringstream os;
    os << kUsage << "subcommands:\n";
    for (const auto& c : commandList()) {
        std::string left = "  " + c.name;
        if (left.size() < 16) left.resize(16, ' ');
        os << left << c.summary << "\n";
    }
    os << "\nglobal flags:\n"
          "  --workspace PATH  use this workspace file instead of the default\n"
          "  --version         print versions, the BLAS in use and CUDA availability\n"
          "  --help            this text; `tunebench <subcommand> --help` for a subcommand\n";
    return os.str();
}

} // namespace

std::vector<CommandInfo> commandList() {
    std::vector<CommandInfo> out;
    for (const auto& c : allCommands()) out.push_back({c.name, c.summary});
    return out;
}

std::string versionReport() {
    configureCpuThreads();
    RuntimeInfo info = runtimeInfo();
    std::ostringstream os;
    os << "tunebench " << TUNEBENCH_VERSION << "\n"
       << "Qt " << qVersion() << "\n"
       << "LibTorch " << info.torchVersion << "\n"
       << "BLAS: " << info.blasName << " (" << (info.blasLibrary.empty() ? "no shared library" : info.blasLibrary)
       << "), threads " << info.blasThreads << "\n"
       << "Torch intra-op threads " << info.torchThreads << "\n"
       << "Denormal floats " << (denormalsFlushed() ? "flushed to zero" : "kept") << "\n"
       << "CUDA " << (info.cudaAvailable ? "available, " + std::to_string(info.cudaDeviceCount) + " device(s)" : std::string("not available")) << "\n";
    return os.str();
}

bool wantsHeadless(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--workspace") { ++i; continue; }
        if (a.rfind("--workspace=", 0) == 0) continue;
        // the GUI's own options (parsed by tb::ui::parseGuiOptions)
        if (a == "--language" || a == "--screenshot-dir") { ++i; continue; }
        if (a.rfind("--language=", 0) == 0 || a.rfind("--screenshot-dir=", 0) == 0) continue;
        return true;  // any other argument: a subcommand, --help, --version or an error to report
    }
    return false;
}

void printJsonLine(const std::string& json) {
    std::cout << json << '\n' << std::flush;
}

int runCli(int argc, char** argv) {
    // Same identity as the GUI, so both find the same default workspace.
    QCoreApplication::setOrganizationName(QStringLiteral("Tunebench"));
    QCoreApplication::setApplicationName(QStringLiteral("tunebench"));
    Context ctx;
    int i = 1;
    for (; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--workspace" && i + 1 < argc) { ctx.workspacePath = argv[++i]; continue; }
        if (a.rfind("--workspace=", 0) == 0) { ctx.workspacePath = a.substr(12); continue; }
        if (a == "--version" || a == "-V") { std::cout << versionReport(); return 0; }
        if (a == "--help" || a == "-h" || a == "help") { std::cout << helpReport(); return 0; }
        if (a.rfind("-", 0) == 0) {
            std::cerr << "tunebench: unknown flag " << a << "\n\n" << helpReport();
            return 2;
        }
        break;
    }
    if (i >= argc) { std::cerr << helpReport(); return 2; }
    const std::string name = argv[i];
    std::vector<std::string> rest(argv + i + 1, argv + argc);
    for (auto& cmd : allCommands()) {
        if (cmd.name != name) continue;
        std::vector<FlagSpec> specs = cmd.flags;
        specs.push_back({"workspace", true, "workspace file (default: the app's data location)"});
        specs.push_back({"help", false, "show this help"});
        try {
            for (const auto& r : rest)
                if (r == "--help" || r == "-h") {
                    std::cout << cmd.summary << "\n\n" << Args::helpText(cmd.name, cmd.usage, specs);
                    return 0;
                }
            Args args(cmd.name, rest, specs, cmd.maxPositionals);
            if (args.has("workspace")) ctx.workspacePath = args.str("workspace");
            configureCpuThreads();
            return cmd.run(args, ctx);
        } catch (const UsageError& e) {
            std::cerr << e.what() << "\n";
            return 2;
        } catch (const std::exception& e) {
            std::cerr << "tunebench " << name << ": " << e.what() << "\n";
            return 1;
        }
    }
    std::cerr << "tunebench: unknown subcommand '" << name << "'\n\n" << helpReport();
    return 2;
}

} // namespace tb::cli
