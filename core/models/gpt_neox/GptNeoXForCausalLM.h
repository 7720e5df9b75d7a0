#pragma once
// Why this exists: GPT-NeoX / Pythia as transformers' GPTNeoXForCausalLM computes it: fused
// per-head query_key_value, partial rotary (rotary_pct), parallel residual, untied embed_out.
#include "models/CausalLM.h"

namespace tb {

std::shared_ptr<CausalLM> makeGptNeoXForCausalLM(const ModelConfig& config);

} // namespace tb
