#include "peft/lora/LoraLinear.h"

#include <cmath>

namespace tb::peft {

LoraLinear::LoraLinear(int64_t in, int64_t out, int64_t r, double scaling_, double dropout_,
                       torch::TensorOptions options)
    : scaling(scaling_), dropout(dropout_) {
    A = register_parameter("lora_A", torch::zeros({r, in}, options));
    B = register_parameter("lora_B", torch::zeros({out, r}, options));
}

void LoraLinear::initialise(bool gaussian) {
    torch::NoGradGuard ng;
    if (gaussian) {
        A.normal_(0.0, 1.0 / static_cast<double>(A.size(0)));
    } else {
        // kaiming_uniform_(a=sqrt(5)): gain = sqrt(2 / (1 + 5)), bound = gain * sqrt(3 / fan_in)
        const double bound = std::sqrt(1.0 / 3.0) * std::sqrt(3.0 / static_cast<double>(A.size(1)));
        A.uniform_(-bound, bound);
    }
    B.zero_();
}

torch::Tensor LoraLinear::adapt(const torch::Tensor& x, AdaptableLinearImpl& layer) {
    return adaptComputedBase(x, layer.baseForward(x), layer);
}

torch::Tensor LoraLinear::adaptComputedBase(const torch::Tensor& x, const torch::Tensor& result, AdaptableLinearImpl&) {
    if (merged) return result;
    auto h = x.scalar_type() == A.scalar_type() ? x : x.to(A.scalar_type());
    if (dropout > 0.0 && is_training()) h = torch::dropout(h, dropout, true);
    auto low = torch::matmul(torch::matmul(h, A.t()), B.t());
    if (low.scalar_type() != result.scalar_type()) low = low.to(result.scalar_type());
    return torch::add(result, low, scaling);
}

torch::Tensor LoraLinear::deltaWeight() const { return torch::mm(B, A) * scaling; }

} // namespace tb::peft
