#pragma once
// `tunebench export --run RUN (--adapter OUT | --merged OUT)`: implemented by the training
// room (CmdExportRun.cpp); CmdExport.cpp dispatches to it when --run is given.
#include "cli/Command.h"

namespace tb::cli {
int exportRun(const Args& args, const Context& ctx);
}
