#pragma once
// Why this exists: every projection of every architecture is this one type, so PEFT methods
// attach through one slot (see LinearAdapter.h) and checkpoints load name for name.
// Parameters are registered as `weight` and `bias` exactly as Hugging Face names them.
// Layout: the usual nn.Linear layout stores weight as [out, in]; GPT-2's Conv1D stores it as
// [in, out] (conv1dLayout = true; PEFT calls this fan_in_fan_out). Both compute
// y = x W^T + b in the Linear sense.
//
// Usage (PEFT side):
//   1. walk model.named_modules(), dynamic_cast to AdaptableLinearImpl where the name matches;
//   2. layer.setAdapter("lora", std::make_shared<MyLora>(...)) registers the adapter as the
//      submodule `lora` (its parameters then show up as `<layer>.lora.<param>`);
//   3. layer.setAdapterEnabled(false) gives the base output; clearAdapter() removes it.
#include "models/LinearAdapter.h"

#include <torch/torch.h>

#include <memory>
#include <string>

namespace tb {

class AdaptableLinearImpl : public torch::nn::Module {
public:
    AdaptableLinearImpl(int64_t inFeatures, int64_t outFeatures, bool bias, bool conv1dLayout = false);

    // The adapter's output when one is attached and enabled, else baseForward(x).
    torch::Tensor forward(const torch::Tensor& x);
    // The frozen base computation x W^T + b, whatever the layout.
    torch::Tensor baseForward(const torch::Tensor& x);

    // The weight as [out, in] (a view; transposed for the Conv1D layout). In-place edits
    // through it change the parameter.
    torch::Tensor weightOutIn() const;

    void setAdapter(const std::string& name, std::shared_ptr<LinearAdapter> adapter);
    void clearAdapter();
    std::shared_ptr<LinearAdapter> adapter() const { return adapter_; }
    const std::string& adapterName() const { return adapterName_; }
    bool hasActiveAdapter() const { return adapter_ && adapterEnabled_; }
    void setAdapterEnabled(bool enabled) { adapterEnabled_ = enabled; }
    bool adapterEnabled() const { return adapterEnabled_; }

    int64_t inFeatures() const { return inFeatures_; }
    int64_t outFeatures() const { return outFeatures_; }
    bool conv1dLayout() const { return conv1d_; }

    torch::Tensor weight;   // [out, in], or [in, out] with conv1dLayout
    torch::Tensor bias;     // [out] or undefined

private:
    int64_t inFeatures_, outFeatures_;
    bool conv1d_;
    std::shared_ptr<LinearAdapter> adapter_;
    std::string adapterName_;
    bool adapterEnabled_ = true;
};
TORCH_MODULE(AdaptableLinear);

} // namespace tb
