#include "models/LayerCheckpoint.h"

#include "models/Autocast.h"
#include "models/FusedOps.h"
#include <ATen/core/ivalue.h>
#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/autograd/custom_function.h>

#include <mutex>

namespace tb {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// What backward needs to run the layer again exactly as forward did.
struct Recompute : torch::CustomClassHolder {
    LayerFn fn;
    torch::Device device{torch::kCPU};
    at::Tensor cpuRng, deviceRng;   // random states when forward ran (dropout masks repeat)
    AutocastState autocast;         // autocast (CUDA and CPU) as it was in forward
    bool xNeedsGrad = false;
};

at::Tensor rngState(const torch::Device& d) {
    auto gen = at::globalContext().defaultGenerator(d);
    std::lock_guard<std::mutex> lock(gen.mutex());
    return gen.get_state();
}
void setRngState(const torch::Device& d, const at::Tensor& s) {
    auto gen = at::globalContext().defaultGenerator(d);
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_state(s);
}

class CheckpointFunction : public torch::autograd::Function<CheckpointFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, at::TensorList params,
                                 const c10::intrusive_ptr<Recompute>& rc) {
        rc->device = x.device();
        rc->cpuRng = rngState(torch::kCPU);
        if (!rc->device.is_cpu()) rc->deviceRng = rngState(rc->device);
        rc->autocast = AutocastState::current();
        rc->xNeedsGrad = x.requires_grad();
        std::vector<torch::Tensor> keep{x};
        keep.insert(keep.end(), params.begin(), params.end());
        ctx->save_for_backward(keep);
        ctx->saved_data["recompute"] = c10::IValue::make_capsule(rc);
        torch::NoGradGuard noGrad;
        ops::CheckpointedLayer layer;
        return rc->fn(x);
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs) {
        auto rc = c10::static_intrusive_pointer_cast<Recompute>(ctx->saved_data["recompute"].toCapsule());
        const auto saved = ctx->get_saved_variables();
        const size_t numParams = saved.size() - 1;

        // Run the layer again with forward's random state and autocast, then put both back.
        const auto cpuNow = rngState(torch::kCPU);
        const auto deviceNow = rc->device.is_cpu() ? at::Tensor() : rngState(rc->device);
        setRngState(torch::kCPU, rc->cpuRng);
        if (!rc->device.is_cpu()) setRngState(rc->device, rc->deviceRng);
        const auto autocastWas = AutocastState::current();
        rc->autocast.apply();

        auto x = saved[0].detach().requires_grad_(rc->xNeedsGrad);
        torch::Tensor out;
        {
            torch::AutoGradMode grad(true);
            ops::CheckpointedLayer layer;   // the same attention path as forward's (FusedOps.h)
            out = rc->fn(x);
        }
        if (rc->autocast.any()) at::autocast::clear_cache();
        autocastWas.apply();
        setRngState(torch::kCPU, cpuNow);
        if (!rc->device.is_cpu()) setRngState(rc->device, deviceNow);

        variable_list inputs;
        if (rc->xNeedsGrad) inputs.push_back(x);
        for (size_t i = 0; i < numParams; ++i) inputs.push_back(saved[1 + i]);
        variable_list result(2 + numParams);   // x, each parameter, the (non-tensor) recompute slot
        if (inputs.empty() || !out.requires_grad()) return result;
        auto grads = torch::autograd::grad({out}, inputs, {gradOutputs[0]}, /*retain_graph=*/false,
                                           /*create_graph=*/false, /*allow_unused=*/true);
        size_t g = 0;
        if (rc->xNeedsGrad) result[0] = grads[g++];
        for (size_t i = 0; i < numParams; ++i) result[1 + i] = grads[g++];
        return result;
    }
};

} // namespace

torch::Tensor checkpointLayer(LayerFn fn, const torch::Tensor& x, const std::vector<torch::Tensor>& params) {
    auto rc = c10::make_intrusive<Recompute>();
    rc->fn = std::move(fn);
    return CheckpointFunction::apply(x, at::TensorList(params), rc);
}

std::vector<torch::Tensor> trainableParameters(const torch::nn::Module& module) {
    std::vector<torch::Tensor> out;
    for (const auto& p : module.parameters(true))
        if (p.requires_grad()) out.push_back(p);
    return out;
}

} // namespace tb
