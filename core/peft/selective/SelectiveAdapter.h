#pragma once
// Why this exists: full fine-tuning and selective fine-tuning train the base model's own
// parameters (all of them, or those chosen by layer index range, a name pattern, biases only
// (BitFit) and/or the norms); nothing is added to the model, so the result is saved as a whole
// model folder rather than an adapter.
#include "peft/Adapter.h"

namespace tb::peft {

struct SelectiveConfig {
    bool full = false;
    int64_t layerFrom = -1, layerTo = -1;   // inclusive; -1: no layer filter
    std::string pattern;                     // regex searched in the parameter name; "" = any
    bool biasOnly = false;                   // BitFit
    bool norms = false;                      // norm weights/biases (with biasOnly: the union)
    static SelectiveConfig fromJson(const nlohmann::json& j, bool full);
    nlohmann::json toJson() const;
};

class SelectiveAdapter : public Adapter {
public:
    // Throws tb::UsageError when the selection picks no parameter.
    SelectiveAdapter(CausalLM& model, SelectiveConfig config);

    std::string method() const override { return config_.full ? "full" : "selective"; }
    nlohmann::json configJson() const override;
    bool savesAsAdapter() const override { return false; }
    void setEnabled(CausalLM& model, bool enabled) override;
    NamedTensors trainable() override { return params_; }
    NamedTensors peftState() override { return params_; }
    void loadPeftState(const std::map<std::string, torch::Tensor>& tensors) override;

    // The layer index in a Hugging Face parameter name (".layers.3." / ".h.3."), or -1.
    static int64_t layerIndex(const std::string& name);
    static bool isNormParameter(const std::string& name);

private:
    SelectiveConfig config_;
    NamedTensors params_;
};

} // namespace tb::peft
