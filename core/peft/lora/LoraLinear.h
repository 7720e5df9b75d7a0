#pragma once
// Why this exists: LoRA on one projection, in the AdaptableLinear slot:
// y = base(x) + B(A(dropout(x))) * scaling, with A [r, in] and B [out, r] as PEFT stores them.
// The low-rank path is two thin matmuls; B·A is never formed during training (only by merge).
#include "models/AdaptableLinear.h"

namespace tb::peft {

class LoraLinear : public LinearAdapter {
public:
    LoraLinear(int64_t in, int64_t out, int64_t r, double scaling, double dropout,
               torch::TensorOptions options);

    torch::Tensor adapt(const torch::Tensor& x, AdaptableLinearImpl& layer) override;
    bool acceptsComputedBase() const override { return true; }
    torch::Tensor adaptComputedBase(const torch::Tensor& x, const torch::Tensor& base, AdaptableLinearImpl& layer) override;

    // PEFT's init: A kaiming_uniform_(a=sqrt(5)) (= U(-1/sqrt(in), 1/sqrt(in))) or, "gaussian",
    // N(0, 1/r); B zeros. Draws from torch's default generator.
    void initialise(bool gaussian);
    // B·A·scaling as [out, in] (for merge and export only).
    torch::Tensor deltaWeight() const;

    torch::Tensor A, B;
    double scaling;
    double dropout;
    bool merged = false;
};

} // namespace tb::peft
