#pragma once
// Why this exists: AdamW with parameter groups (decay / no decay for biases and norms), written
// out so its state is saved and restored exactly for resume. The arithmetic is torch.optim.AdamW's
// single-tensor path (decoupled decay, bias corrections, eps added after the sqrt).
#include "peft/TensorFiles.h"

#include <map>
#include <string>
#include <vector>

namespace tb {

class AdamW {
public:
    struct Param {
        std::string name;
        torch::Tensor tensor;
        bool decay = true;
    };
    AdamW(std::vector<Param> params, double weightDecay, double beta1, double beta2, double eps);

    // One update with learning rate `lr` from the tensors' .grad(); undefined grads are skipped.
    void step(double lr);
    void zeroGrad();
    const std::vector<Param>& params() const { return params_; }
    int64_t steps() const { return steps_; }

    // "<name>.exp_avg", "<name>.exp_avg_sq" and "__step__".
    peft::NamedTensors state() const;
    void loadState(const std::map<std::string, torch::Tensor>& state);

    // No weight decay on biases, norm weights and other 1-D parameters (as transformers' Trainer).
    static bool decays(const std::string& name, const torch::Tensor& t);

private:
    std::vector<Param> params_;
    std::vector<torch::Tensor> expAvg_, expAvgSq_;
    double weightDecay_, beta1_, beta2_, eps_;
    int64_t steps_ = 0;
};

} // namespace tb
