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

bool FusedProjection::usable(bool adaptersOnTop) const {
    if (!weight_.defined()) return false;
    const bool grad = torch::GradMode::is_enabled();
    int64_t off = 0;
    const auto rowBytes = weight_.size(1) * weight_.element_size();
    for (size_t i = 0; i < parts_.size(); ++i) {
        const auto& p = parts_[i];
        if (p->hasActiveAdapter() && !(adaptersOnTop && p->adapter()->acceptsComputedBase())) return false;
        if (grad && (p->weight.requires_grad() || (p->bias.defined() && p->bias.requires_grad()))) return false;
        if (p->weight.data_ptr() != static_cast<char*>(weight_.data_ptr()) + off * rowBytes) return false;
        if (bias_.defined() && p->bias.data_ptr() != static_cast<char*>(bias_.data_ptr()) + off * bias_.element_size())
            return false;
        off += sizes_[i];
    }
    return true;
}

torch::Tensor FusedProjection::joined(const torch::Tensor& x) {
    return usable(false) ? torch::nn::functional::linear(x, weight_, bias_) : torch::Tensor();
}

std::vector<torch::Tensor> FusedProjection::split(const torch::Tensor& y) const {
    // One autograd node whose backward concatenates the parts' gradients; a narrow() per part
    // would give each a zero-filled gradient of y's size, summed.
    return y.split_with_sizes(sizes_, -1);
}

std::vector<torch::Tensor> FusedProjection::forward(const torch::Tensor& x) {
    if (auto y = joined(x); y.defined()) return split(y);
    if (usable(true)) {
        auto out = split(torch::nn::functional::linear(x, weight_, bias_));
        for (size_t i = 0; i < parts_.size(); ++i)
            if (parts_[i]->hasActiveAdapter()) out[i] = parts_[i]->adapter()->adaptComputedBase(x, out[i], *parts_[i]);
        return out;
    }
    std::vector<torch::Tensor> out;
    for (auto& p : parts_) out.push_back(p->forward(x));
    return out;
}

} // namespace tb
