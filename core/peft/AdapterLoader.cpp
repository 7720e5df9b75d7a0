// Placeholder: the PEFT room replaces this file with the real adapter loader.
#include "peft/AdapterLoader.h"

#include "util/Error.h"

namespace tb {

void applyAdapterFromDir(CausalLM&, const std::string& dir) {
    throw Error("--adapter " + dir + ": adapters are not available in this build yet");
}

} // namespace tb
