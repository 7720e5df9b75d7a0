// tunebench: no arguments opens the desktop application; a subcommand runs headless.
#include "cli/Cli.h"
#include "util/ProcessTuning.h"

#ifdef TUNEBENCH_WITH_GUI
#include "ui/app/GuiMain.h"
#endif

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
    tb::tuneProcessEnvironment(argv);   // may re-execute once with BLAS/OpenMP settings (ProcessTuning.h)
    if (tb::cli::wantsHeadless(argc, argv)) return tb::cli::runCli(argc, argv);
#ifdef TUNEBENCH_WITH_GUI
    return tb::ui::guiMain(argc, argv);
#else
    std::cerr << "This build of tunebench has no GUI; run `tunebench --help` for the headless subcommands.\n";
    return 2;
#endif
}
