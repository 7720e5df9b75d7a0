#include "peft/ia3/Ia3Linear.h"

namespace tb::peft {

Ia3Linear::Ia3Linear(int64_t in, int64_t out, bool ff, torch::TensorOptions options) : feedForward(ff) {
    l = register_parameter("ia3_l", ff ? torch::ones({1, in}, options) : torch::ones({out, 1}, options));
}

torch::Tensor Ia3Linear::adapt(const torch::Tensor& x, AdaptableLinearImpl& layer) {
    if (merged) return layer.baseForward(x);
    auto scale = l.flatten();
    if (feedForward) return layer.baseForward(x * scale.to(x.scalar_type()));
    return adaptComputedBase(x, layer.baseForward(x), layer);
}

torch::Tensor Ia3Linear::adaptComputedBase(const torch::Tensor& x, const torch::Tensor& y, AdaptableLinearImpl& layer) {
    if (feedForward) return adapt(x, layer);
    if (merged) return y;
    return y * l.flatten().to(y.scalar_type());
}

} // namespace tb::peft
