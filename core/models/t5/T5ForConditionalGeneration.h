#pragma once
// Why this exists: T5 v1.0 and v1.1 / FLAN-T5 as transformers' T5ForConditionalGeneration
// computes them: RMS layer norm without mean, relative position buckets (bidirectional in the
// encoder, causal in the decoder) computed in the first layer and shared, no attention
// scaling, ReLU or gated-GELU feed-forward, tied head rescaled by d_model^-0.5.
#include "models/Seq2SeqLM.h"

namespace tb {

std::shared_ptr<Seq2SeqLM> makeT5ForConditionalGeneration(const ModelConfig& config);

} // namespace tb
