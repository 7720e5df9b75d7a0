// tunebench: no arguments opens the desktop application; a subcommand runs headless.
#include "cli/Cli.h"

#ifdef TUNEBENCH_WITH_GUI
#include "ui/app/GuiMain.h"
#endif

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
    if (tb::cli::wantsHeadless(argc, argv)) return tb::cli::runCli(argc, argv);
#ifdef TUNEBENCH_WITH_GUI
    return tb::ui::guiMain(argc, argv);
#else
    std::cerr << "This build of tunebench has no GUI; run `tunebench --help` for the headless subcommands.\n";
    return 2;
#endif
}
