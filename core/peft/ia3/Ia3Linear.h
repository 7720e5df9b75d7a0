#pragma once
// Why this exists: IA3 on one projection: a learned vector rescales the output (base(x) * l,
// l stored [out, 1]) or, for feed-forward down projections, the input (base(x * l), l [1, in]),
// exactly as PEFT's IA3 Linear layer.
#include "models/AdaptableLinear.h"

namespace tb::peft {

class Ia3Linear : public LinearAdapter {
public:
    Ia3Linear(int64_t in, int64_t out, bool feedForward, torch::TensorOptions options);
    torch::Tensor adapt(const torch::Tensor& x, AdaptableLinearImpl& layer) override;
    // k and v scale the base output (FusedProjection may compute it); feed-forward scales the input.
    bool acceptsComputedBase() const override { return !feedForward; }
    torch::Tensor adaptComputedBase(const torch::Tensor& x, const torch::Tensor& base, AdaptableLinearImpl& layer) override;

    torch::Tensor l;     // "ia3_l"
    bool feedForward;
    bool merged = false;
};

} // namespace tb::peft
