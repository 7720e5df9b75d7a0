#pragma once
// Why this exists: IA3 as PEFT 0.10.0 defines it: learned rescaling vectors on keys, values and
// the feed-forward down projection (PEFT's per-architecture defaults), initialised to ones,
// saved as base_model.model.<module>.ia3_l.
#include "peft/Adapter.h"
#include "peft/TargetModules.h"

#include <memory>
#include <vector>

namespace tb::peft {

class Ia3Linear;

struct Ia3Config {
    TargetModules targets;       // empty: PEFT's default for the architecture
    TargetModules feedForward;   // empty: PEFT's default; must be a subset of targets
    bool fanInFanOut = false;    // set automatically for Conv1D targets
    // target_modules / feedforward_modules (PEFT) or targets / feedforward
    static Ia3Config fromJson(const nlohmann::json& j);
    nlohmann::json toJson() const;
};

class Ia3Adapter : public Adapter {
public:
    Ia3Adapter(CausalLM& model, Ia3Config config);
    ~Ia3Adapter() override;

    std::string method() const override { return "ia3"; }
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

private:
    Ia3Config config_;
    std::vector<std::string> names_;
    std::vector<std::shared_ptr<AdaptableLinearImpl>> layers_;
    std::vector<std::shared_ptr<Ia3Linear>> ia3_;
};

} // namespace tb::peft
