#include "models/FusedProjection.h"

namespace tb {

void FusedProjection::bind() {
    if (parts_.empty()) return;
    bool allBias = true, anyBias = false;
    for (const auto& p : parts_) {
        if (p->conv1dLayout()) return;   // only the [out, in] layout is fused
        allBias = allBias && p->bias.defined();
        anyBias = anyBias || p->bias.defined();
    }
    if (anyBias && !allBias) return;
    torch::NoGradGuard ng;
    std::vector<torch::Tensor> ws, bs;
    sizes_.clear();
    for (const auto& p : parts_) {
        ws.push_back(p->weight);
        if (allBias) bs.push_back(p->bias);
        sizes_.push_back(p->outFeatures());
    }
    weight_ = torch::cat(ws, 0).contiguous();
    bias_ = allBias ? torch::cat(bs, 0).contiguous() : torch::Tensor();
    int64_t off = 0;
    for (size_t i = 0; i < parts_.size(); ++i) {
        auto& p = parts_[i];
        p->weight.set_data(weight_.narrow(0, off, sizes_[i]));
        if (allBias) p->bias.set_data(bias_.narrow(0, off, sizes_[i]));
        off += sizes_[i];
    }
}

bool FusedProjection::usable() const {
    if (!weight_.defined()) return false;
    const bool grad = torch::GradMode::is_enabled();
    int64_t off = 0;
    const auto rowBytes = weight_.size(1) * weight_.element_size();
    for (size_t i = 0; i < parts_.size(); ++i) {
        const auto& p = parts_[i];
        if (p->hasActiveAdapter()) return false;
        if (grad && (p->weight.requires_grad() || (p->bias.defined() && p->bias.requires_grad()))) return false;
        if (p->weight.data_ptr() != static_cast<char*>(weight_.data_ptr()) + off * rowBytes) return false;
        if (bias_.defined() && p->bias.data_ptr() != static_cast<char*>(bias_.data_ptr()) + off * bias_.element_size())
            return false;
        off += sizes_[i];
    }
    return true;
}

torch::Tensor FusedProjection::joined(const torch::Tensor& x) {
    return usable() ? torch::nn::functional::linear(x, weight_, bias_) : torch::Tensor();
}

std::vector<torch::Tensor> FusedProjection::split(const torch::Tensor& y) const {
    std::vector<torch::Tensor> out;
    int64_t off = 0;
    for (auto s : sizes_) {
        out.push_back(y.narrow(-1, off, s));
        off += s;
    }
    return out;
}

std::vector<torch::Tensor> FusedProjection::forward(const torch::Tensor& x) {
    if (auto y = joined(x); y.defined()) return split(y);
    std::vector<torch::Tensor> out;
    for (auto& p : parts_) out.push_back(p->forward(x));
    return out;
}

} // namespace tb
