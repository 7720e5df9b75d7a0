#pragma once
// Why this exists: GPT-2 as transformers' GPT2LMHeadModel computes it: learned absolute
// positions, Conv1D projections stored [in, out] (AdaptableLinear's conv1d layout), pre-norm
// blocks, gelu_new MLP, lm_head tied to wte.
#include "models/CausalLM.h"

namespace tb {

std::shared_ptr<CausalLM> makeGpt2LMHeadModel(const ModelConfig& config);

} // namespace tb
