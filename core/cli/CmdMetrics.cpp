// Placeholder until this area lands: the command is listed and says it is not available yet.
#include "cli/Command.h"

#include <iostream>

namespace tb::cli {

Command makeMetricsCommand() {
    Command c;
    c.name = "metrics";
    c.summary = "ROUGE/BLEU/chrF of predictions against references";
    c.usage = "";
    c.run = [](const Args&, const Context&) {
        std::cerr << "tunebench metrics: not available in this build yet\n";
        return 1;
    };
    return c;
}

} // namespace tb::cli
