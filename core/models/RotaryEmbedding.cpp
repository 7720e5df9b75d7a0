#include "models/RotaryEmbedding.h"

#include <cmath>

namespace tb {

RotaryEmbedding::RotaryEmbedding(const ModelConfig& config, int64_t rotaryDim) : config_(config), dim_(rotaryDim) {}

torch::Tensor RotaryEmbedding::invFreq(double base) const {
    auto exponents = torch::arange(0, dim_, 2, torch::kInt64).to(torch::kFloat32) / static_cast<float>(dim_);
    auto inv = 1.0 / torch::pow(torch::tensor(base, torch::kFloat32), exponents);
    const auto& rs = config_.ropeScaling;
    if (rs.type == "llama3") {
        // Llama 3.1: long wavelengths scaled by 1/factor, short ones kept, a smooth blend between.
        const double lowWavelen = rs.originalMaxPositions / rs.lowFreqFactor;
        const double highWavelen = rs.originalMaxPositions / rs.highFreqFactor;
        auto wavelen = 2 * M_PI / inv;
        auto scaled = torch::where(wavelen > lowWavelen, inv / rs.factor, inv);
        auto smooth = (rs.originalMaxPositions / wavelen - rs.lowFreqFactor) / (rs.highFreqFactor - rs.lowFreqFactor);
        auto smoothed = (1 - smooth) * scaled / rs.factor + smooth * scaled;
        auto isMedium = (wavelen >= highWavelen) & (wavelen <= lowWavelen);
        inv = torch::where(isMedium, smoothed, scaled);
    }
    return inv;
}

void RotaryEmbedding::buildTable(int64_t length, double base, torch::Device device) {
    auto inv = invFreq(base);
    auto t = torch::arange(length, torch::kInt64).to(torch::kFloat32);
    if (config_.ropeScaling.type == "linear") t = t / static_cast<float>(config_.ropeScaling.factor);
    auto freqs = torch::outer(t, inv);
    auto emb = torch::cat({freqs, freqs}, -1);
    cos_ = emb.cos().to(device);
    sin_ = emb.sin().to(device);
    tableBase_ = base;
}

std::pair<torch::Tensor, torch::Tensor> RotaryEmbedding::cosSin(const torch::Tensor& positionIds, torch::ScalarType dtype) {
    const auto device = positionIds.device();
    double base = config_.ropeTheta;
    int64_t need = config_.maxPositions;
    if (config_.ropeScaling.type == "dynamic" || !cos_.defined() || cos_.device() != device) {
        const int64_t maxPos = positionIds.max().item<int64_t>() + 1;
        if (config_.ropeScaling.type == "dynamic" && maxPos > config_.maxPositions) {
            // transformers' DynamicNTK: base grows with the sequence length.
            const double f = config_.ropeScaling.factor;
            base = base * std::pow(f * maxPos / config_.maxPositions - (f - 1), static_cast<double>(dim_) / (dim_ - 2));
            need = maxPos;
        }
        need = std::max(need, maxPos);
    }
    if (!cos_.defined() || cos_.device() != device || cos_.size(0) < need || base != tableBase_)
        buildTable(need, base, device);
    auto flat = positionIds.reshape({-1});
    const auto b = positionIds.size(0), t = positionIds.size(1);
    auto c = cos_.index_select(0, flat).view({b, 1, t, dim_}).to(dtype);
    auto s = sin_.index_select(0, flat).view({b, 1, t, dim_}).to(dtype);
    return {c, s};
}

} // namespace tb
