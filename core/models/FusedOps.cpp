#include "models/FusedOps.h"

#include <torch/csrc/autograd/custom_function.h>
#include <torch/torch.h>

namespace tb::ops {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

bool isSilu(const std::string& act) { return act == "silu" || act == "swish"; }

torch::Tensor gatedPlain(const torch::Tensor& gateUp) {
    const int64_t f = gateUp.size(-1) / 2;
    return torch::silu(gateUp.narrow(-1, 0, f)) * gateUp.narrow(-1, f, f);
}

class GatedSiluFunction : public torch::autograd::Function<GatedSiluFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& gateUp) {
        ctx->save_for_backward({gateUp});
        return gatedPlain(gateUp);
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs) {
        const auto gateUp = ctx->get_saved_variables()[0];
        const int64_t f = gateUp.size(-1) / 2;
        const auto gate = gateUp.narrow(-1, 0, f), up = gateUp.narrow(-1, f, f);
        const auto& go = gradOutputs[0];
        auto grad = torch::empty(gateUp.sizes(), gateUp.options().memory_format(at::MemoryFormat::Contiguous));
        auto gradGate = grad.narrow(-1, 0, f), gradUp = grad.narrow(-1, f, f);
        // d/d gate = go * up * silu'(gate); d/d up = go * silu(gate). Both written in place.
        at::silu_backward_out(gradGate, go * up, gate);
        at::mul_out(gradUp, go, torch::silu(gate));
        return {grad};
    }
};

// rotate_half(y) = cat(-y2, y1); its transpose (the backward) is cat(y2, -y1).
torch::Tensor rotateHalf(const torch::Tensor& y, bool transpose) {
    const int64_t half = y.size(-1) / 2;
    const auto y1 = y.narrow(-1, 0, half), y2 = y.narrow(-1, half, half);
    return transpose ? torch::cat({y2, -y1}, -1) : torch::cat({-y2, y1}, -1);
}

torch::Tensor rotaryPlain(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    const int64_t rot = cos.size(-1), d = x.size(-1);
    const auto xr = rot == d ? x : x.narrow(-1, 0, rot);
    auto out = xr * cos + rotateHalf(xr, false) * sin;
    if (rot == d) return out;
    return torch::cat({out, x.narrow(-1, rot, d - rot)}, -1);
}

class RotaryFunction : public torch::autograd::Function<RotaryFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
        ctx->save_for_backward({cos, sin});
        return rotaryPlain(x, cos, sin);
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs) {
        const auto saved = ctx->get_saved_variables();
        const auto &cos = saved[0], &sin = saved[1];
        const auto& g = gradOutputs[0];
        const int64_t rot = cos.size(-1), d = g.size(-1);
        const auto gr = rot == d ? g : g.narrow(-1, 0, rot);
        auto dx = gr * cos + rotateHalf(gr * sin, true);
        if (rot != d) dx = torch::cat({dx, g.narrow(-1, rot, d - rot)}, -1);
        return {dx, torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor gatedActivation(const std::string& act, const torch::Tensor& gateUp) {
    if (!isSilu(act)) return {};
    if (torch::GradMode::is_enabled() && gateUp.requires_grad()) return GatedSiluFunction::apply(gateUp);
    return gatedPlain(gateUp);
}

torch::Tensor rotary(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    // cos/sin are position tables (never trained); a gradient for them would need the plain path.
    const bool tablesNeedGrad = cos.requires_grad() || sin.requires_grad();
    if (torch::GradMode::is_enabled() && x.requires_grad() && !tablesNeedGrad) return RotaryFunction::apply(x, cos, sin);
    return rotaryPlain(x, cos, sin);
}

} // namespace tb::ops
