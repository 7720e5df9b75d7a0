#pragma once
// Why this exists: rotary position embeddings as transformers computes them for Llama-family
// and GPT-NeoX models (inv_freq = 1 / theta^(2i/dim), cos/sin of position * inv_freq in fp32),
// with linear, dynamic-NTK and llama3 rope scaling. A cos/sin table for the context is built
// once; dynamic scaling recomputes when a sequence runs past the trained length.
#include "models/ModelConfig.h"

#include <torch/torch.h>

namespace tb {

class RotaryEmbedding {
public:
    RotaryEmbedding(const ModelConfig& config, int64_t rotaryDim);
    // cos, sin as [B, 1, T, rotaryDim] in `dtype` for position ids [B, T].
    std::pair<torch::Tensor, torch::Tensor> cosSin(const torch::Tensor& positionIds, torch::ScalarType dtype);

private:
    torch::Tensor invFreq(double base) const;
    void buildTable(int64_t length, double base, torch::Device device);

    ModelConfig config_;
    int64_t dim_;
    torch::Tensor cos_, sin_;   // [length, dim] fp32
    double tableBase_ = 0;
};

} // namespace tb
