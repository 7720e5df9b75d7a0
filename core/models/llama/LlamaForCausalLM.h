#pragma once
// Why this exists: the Llama family (Llama 1/2/3, Mistral, Qwen2, SmolLM, TinyLlama) as
// transformers 4.40's LlamaForCausalLM computes it: RMSNorm, rotary, grouped-query attention,
// SwiGLU MLP; Qwen2's q/k/v biases and Mistral's sliding window come from the config.
#include "models/CausalLM.h"

namespace tb {

std::shared_ptr<CausalLM> makeLlamaForCausalLM(const ModelConfig& config);

} // namespace tb
