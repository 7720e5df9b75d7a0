#pragma once
// Why this exists: `tunebench forward/generate --adapter DIR` and evaluation attach a saved PEFT
// adapter folder (adapter_config.json + adapter_model.safetensors) to a loaded model.
// Implemented by the PEFT room.
#include <string>

namespace tb {

class CausalLM;

// Reads DIR (PEFT layout) and attaches the adapter to `model`. Throws tb::Error.
void applyAdapterFromDir(CausalLM& model, const std::string& dir);

} // namespace tb
