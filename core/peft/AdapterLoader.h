#pragma once
// Why this exists: `tunebench forward/generate --adapter DIR`, evaluation and the playground run
// a saved PEFT adapter folder (adapter_config.json + adapter_model.safetensors) on a loaded
// base model, whatever the method. Implemented by the PEFT room.
#include <memory>
#include <string>

namespace tb {

class CausalLM;

// Reads DIR (PEFT layout) and returns the model to run: `model` itself with a LoRA or IA3
// adapter attached to its projections, or, for a prompt-tuning adapter on a decoder-only model,
// a peft::SoftPromptLM around `model` that prepends the learned virtual tokens. Throws tb::Error
// (unreadable or mismatched folder) or tb::UsageError (an adapter that cannot run this way).
std::shared_ptr<CausalLM> withAdapterFromDir(std::shared_ptr<CausalLM> model, const std::string& dir);

} // namespace tb
