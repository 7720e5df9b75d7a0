#include "training/AdamW.h"

#include "peft/selective/SelectiveAdapter.h"
#include "util/Error.h"

#include <cmath>

namespace tb {

AdamW::AdamW(std::vector<Param> params, double weightDecay, double beta1, double beta2, double eps)
    : params_(std::move(params)), weightDecay_(weightDecay), beta1_(beta1), beta2_(beta2), eps_(eps) {
    for (const auto& p : params_) {
        expAvg_.push_back(torch::zeros_like(p.tensor, torch::MemoryFormat::Contiguous));
        expAvgSq_.push_back(torch::zeros_like(p.tensor, torch::MemoryFormat::Contiguous));
    }
}

bool AdamW::decays(const std::string& name, const torch::Tensor& t) {
    if (name.size() >= 4 && name.compare(name.size() - 4, 4, "bias") == 0) return false;
    if (peft::SelectiveAdapter::isNormParameter(name)) return false;
    return t.dim() >= 2;
}

void AdamW::step(double lr) {
    torch::NoGradGuard ng;
    ++steps_;
    const double bc1 = 1.0 - std::pow(beta1_, static_cast<double>(steps_));
    const double bc2 = 1.0 - std::pow(beta2_, static_cast<double>(steps_));
    const double stepSize = lr / bc1;
    const double bc2Sqrt = std::sqrt(bc2);
    for (size_t i = 0; i < params_.size(); ++i) {
        auto& p = params_[i].tensor;
        const auto& g = p.grad();
        if (!g.defined()) continue;
        auto grad = g.scalar_type() == expAvg_[i].scalar_type() ? g : g.to(expAvg_[i].scalar_type());
        if (params_[i].decay && weightDecay_ != 0.0) p.mul_(1.0 - lr * weightDecay_);
        expAvg_[i].mul_(beta1_).add_(grad, 1.0 - beta1_);
        expAvgSq_[i].mul_(beta2_).addcmul_(grad, grad, 1.0 - beta2_);
        auto denom = (expAvgSq_[i].sqrt() / bc2Sqrt).add_(eps_);
        p.addcdiv_(expAvg_[i], denom, -stepSize);
    }
}

void AdamW::zeroGrad() {
    for (auto& p : params_)
        if (p.tensor.grad().defined()) p.tensor.mutable_grad() = torch::Tensor();
}

peft::NamedTensors AdamW::state() const {
    peft::NamedTensors out;
    for (size_t i = 0; i < params_.size(); ++i) {
        out.emplace_back(params_[i].name + ".exp_avg", expAvg_[i]);
        out.emplace_back(params_[i].name + ".exp_avg_sq", expAvgSq_[i]);
    }
    out.emplace_back("__step__", torch::tensor({steps_}, torch::kInt64));
    return out;
}

void AdamW::loadState(const std::map<std::string, torch::Tensor>& state) {
    torch::NoGradGuard ng;
    for (size_t i = 0; i < params_.size(); ++i) {
        for (auto* pair : {&expAvg_, &expAvgSq_}) {
            const std::string key = params_[i].name + (pair == &expAvg_ ? ".exp_avg" : ".exp_avg_sq");
            auto it = state.find(key);
            if (it == state.end()) throw Error("optimiser state has no " + key + " (checkpoint from another configuration?)");
            if (it->second.sizes() != (*pair)[i].sizes()) throw Error("optimiser state " + key + " has the wrong shape");
            (*pair)[i].copy_(it->second);
        }
    }
    auto it = state.find("__step__");
    if (it == state.end()) throw Error("optimiser state has no step count");
    steps_ = it->second.item<int64_t>();
}

} // namespace tb
