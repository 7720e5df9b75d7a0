// Placeholder until this area lands: the command is listed and says it is not available yet.
#include "cli/Command.h"

#include <iostream>

namespace tb::cli {

Command makeTrainCommand() {
    Command c;
    c.name = "train";
    c.summary = "fine-tune a model (full, selective, LoRA, prompt tuning, IA3)";
    c.usage = "";
    c.run = [](const Args&, const Context&) {
        std::cerr << "tunebench train: not available in this build yet\n";
        return 1;
    };
    return c;
}

} // namespace tb::cli
