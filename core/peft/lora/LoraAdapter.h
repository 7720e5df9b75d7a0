#pragma once
// Why this exists: LoRA as PEFT 0.10.0 defines it (config fields, scaling alpha/r or alpha/sqrt(r)
// with rsLoRA, init, key names base_model.model.<module>.lora_A.weight / .lora_B.weight), as an
// Adapter that installs one LoraLinear per matched projection.
#include "peft/Adapter.h"
#include "peft/TargetModules.h"

#include <memory>
#include <vector>

namespace tb::peft {

class LoraLinear;

struct LoraConfig {
    int64_t r = 8;
    double alpha = 8.0;
    double dropout = 0.0;
    TargetModules targets;          // empty: PEFT's default for the architecture
    bool useRslora = false;
    bool gaussianInit = false;      // init_lora_weights: true (Kaiming-uniform A) or "gaussian"
    bool fanInFanOut = false;       // set automatically for GPT-2's Conv1D layers

    double scaling() const;
    // Accepts PEFT's keys (r, lora_alpha, lora_dropout, target_modules, use_rslora,
    // init_lora_weights, fan_in_fan_out) and our short ones (rank, alpha, dropout, targets, init).
    static LoraConfig fromJson(const nlohmann::json& j);
    nlohmann::json toJson() const;
};

class LoraAdapter : public Adapter {
public:
    // Matches target modules (clear error when none match), creates and initialises A/B.
    LoraAdapter(CausalLM& model, LoraConfig config, bool initialise = true);
    ~LoraAdapter() override;

    std::string method() const override { return "lora"; }
    nlohmann::json configJson() const override;
    nlohmann::json peftConfigJson() const override;
    void attach(CausalLM& model) override;
    void detach(CausalLM& model) override;
    void setEnabled(CausalLM& model, bool enabled) override;
    NamedTensors trainable() override;
    NamedTensors peftState() override;
    void loadPeftState(const std::map<std::string, torch::Tensor>& tensors) override;
    bool canMerge() const override { return true; }
    void merge(CausalLM& model) override;
    void unmerge(CausalLM& model) override;

    const LoraConfig& config() const { return config_; }
    const std::vector<std::string>& modules() const { return names_; }

private:
    LoraConfig config_;
    std::vector<std::string> names_;
    std::vector<std::shared_ptr<AdaptableLinearImpl>> layers_;
    std::vector<std::shared_ptr<LoraLinear>> loras_;
};

} // namespace tb::peft
