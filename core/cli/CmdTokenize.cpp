// Placeholder until this area lands: the command is listed and says it is not available yet.
#include "cli/Command.h"

#include <iostream>

namespace tb::cli {

Command makeTokenizeCommand() {
    Command c;
    c.name = "tokenize";
    c.summary = "tokenize text with a model's tokenizer";
    c.usage = "";
    c.run = [](const Args&, const Context&) {
        std::cerr << "tunebench tokenize: not available in this build yet\n";
        return 1;
    };
    return c;
}

} // namespace tb::cli
