#include "models/AdaptableLinear.h"

#include "util/Error.h"

#include <cmath>

namespace tb {

AdaptableLinearImpl::AdaptableLinearImpl(int64_t inFeatures, int64_t outFeatures, bool withBias,
                                         bool conv1dLayout)
    : inFeatures_(inFeatures), outFeatures_(outFeatures), conv1d_(conv1dLayout) {
    // nn.Linear's default initialisation (kaiming_uniform with a=sqrt(5), bias U(-1/sqrt(in), ..)).
    auto w = conv1d_ ? torch::empty({inFeatures, outFeatures}) : torch::empty({outFeatures, inFeatures});
    const double bound = inFeatures > 0 ? 1.0 / std::sqrt(static_cast<double>(inFeatures)) : 0.0;
    {
        torch::NoGradGuard ng;
        if (conv1d_) w.normal_(0.0, 0.02);   // GPT-2's Conv1D init
        else w.uniform_(-bound, bound);
    }
    weight = register_parameter("weight", w);
    if (withBias) {
        auto b = torch::empty({outFeatures});
        {
            torch::NoGradGuard ng;
            if (conv1d_) b.zero_();
            else b.uniform_(-bound, bound);
        }
        bias = register_parameter("bias", b);
    }
}

torch::Tensor AdaptableLinearImpl::baseForward(const torch::Tensor& x) {
    if (!conv1d_) return torch::nn::functional::linear(x, weight, bias);
    auto sizes = x.sizes().vec();
    sizes.back() = outFeatures_;
    auto flat = x.reshape({-1, inFeatures_});
    auto y = bias.defined() ? torch::addmm(bias, flat, weight) : torch::mm(flat, weight);
    return y.view(sizes);
}

torch::Tensor AdaptableLinearImpl::forward(const torch::Tensor& x) {
    if (adapter_ && adapterEnabled_) return adapter_->adapt(x, *this);
    return baseForward(x);
}

torch::Tensor AdaptableLinearImpl::weightOutIn() const { return conv1d_ ? weight.t() : weight; }

void AdaptableLinearImpl::setAdapter(const std::string& name, std::shared_ptr<LinearAdapter> adapter) {
    if (!adapter) throw Error("AdaptableLinear::setAdapter: null adapter");
    if (name.empty() || name == "weight" || name == "bias")
        throw Error("AdaptableLinear::setAdapter: invalid adapter name '" + name + "'");
    clearAdapter();
    // A new module starts in training mode; an adapter attached to a model in eval mode (a
    // loaded model, an evaluation) must not apply its dropout.
    adapter->train(is_training());
    register_module(name, adapter);
    adapter_ = std::move(adapter);
    adapterName_ = name;
    adapterEnabled_ = true;
}

void AdaptableLinearImpl::clearAdapter() {
    if (adapter_) unregister_module(adapterName_);
    adapter_.reset();
    adapterName_.clear();
}

} // namespace tb
