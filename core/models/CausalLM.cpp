#include "models/CausalLM.h"

#include <set>

namespace tb {

std::unique_ptr<KVCache> CausalLM::makeCache(int64_t batch, int64_t capacity) const {
    return std::make_unique<KVCache>(config_.numLayers, batch, config_.numKvHeads, capacity, config_.headDim,
                                     torch::TensorOptions().dtype(dtype()).device(device()));
}

torch::Device CausalLM::device() const {
    auto ps = parameters();
    return ps.empty() ? torch::Device(torch::kCPU) : ps.front().device();
}

torch::ScalarType CausalLM::dtype() const {
    auto ps = parameters();
    return ps.empty() ? torch::kFloat32 : ps.front().scalar_type();
}

int64_t CausalLM::parameterCount() const {
    std::set<const void*> seen;
    int64_t n = 0;
    for (const auto& p : parameters())
        if (seen.insert(p.unsafeGetTensorImpl()).second) n += p.numel();
    return n;
}

} // namespace tb
