#pragma once
// Why this exists: what every fine-tuning method looks like to PeftModel and the trainer, so
// LoRA, IA3, prompt tuning, full and selective training share one code path:
//   1. a method's injector (MethodRegistry) builds the Adapter for a model;
//   2. attach() installs it (LoRA/IA3 put modules into the AdaptableLinear slots);
//   3. trainable() lists what the optimiser updates; peftState() what is saved, under PEFT's
//      key names; merge()/unmerge() fold LoRA/IA3 into the base weights and back.
#include "peft/TensorFiles.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <map>
#include <string>

namespace tb {
class CausalLM;
class AdaptableLinearImpl;
}

namespace tb::peft {

class Adapter {
public:
    virtual ~Adapter() = default;

    virtual std::string method() const = 0;       // "lora", "ia3", "prompt", "full", "selective"
    // Our own spelling of the method settings (stored in a run's config, parsed by the registry).
    virtual nlohmann::json configJson() const = 0;
    // The method-specific part of adapter_config.json (peft_type, r, ...). Empty for methods
    // that are saved as a whole model (full, selective).
    virtual nlohmann::json peftConfigJson() const { return nlohmann::json::object(); }
    virtual bool savesAsAdapter() const { return true; }

    virtual void attach(CausalLM&) {}
    virtual void detach(CausalLM&) {}
    // Disabled: the model computes its base output (PEFT's disable_adapter()).
    virtual void setEnabled(CausalLM&, bool enabled) { enabled_ = enabled; }
    bool enabled() const { return enabled_; }

    virtual NamedTensors trainable() = 0;
    virtual NamedTensors peftState() = 0;
    // Copies tensors into this adapter; throws tb::Error listing missing/unexpected keys or
    // shape mismatches.
    virtual void loadPeftState(const std::map<std::string, torch::Tensor>& tensors) = 0;

    virtual bool canMerge() const { return false; }
    virtual void merge(CausalLM&);
    virtual void unmerge(CausalLM&);
    bool merged() const { return merged_; }

    // Prompt tuning: [n, hidden] embeddings prepended to the input embeddings.
    virtual int64_t numVirtualTokens() const { return 0; }
    virtual torch::Tensor virtualTokenEmbeds() { return {}; }

protected:
    bool enabled_ = true;
    bool merged_ = false;
};

// Every AdaptableLinear of the model with its Hugging Face module name, in registration order.
std::vector<std::pair<std::string, std::shared_ptr<AdaptableLinearImpl>>> adaptableLinears(CausalLM& model);

// Helper for loadPeftState implementations: strict name/shape matching with one message.
void copyStrict(const std::string& what, const NamedTensors& targets,
                const std::map<std::string, torch::Tensor>& source);

} // namespace tb::peft
