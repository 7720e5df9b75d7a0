#pragma once
// Why this exists: a base model with its adapters, as PEFT's PeftModel: several named adapters
// per base model with one active (swap per task), enable/disable, merge/unmerge, save/load in
// the PEFT layout, export of a merged model as a normal Hugging Face folder, and PEFT's
// trainable/total parameter accounting. Prompt tuning's virtual tokens are handled in forward().
//
// Usage:
//   1. PeftModel pm(loadCausalLM(dir), dir);
//   2. pm.addAdapter("default", {{"method","lora"},{"r",8}});   or pm.loadAdapter(adapterDir);
//   3. pm.prepareForTraining();  pm.trainableParameters() -> optimiser;
//   4. auto out = pm.forward(in);  (logits include the virtual-token positions first)
//   5. pm.saveAdapter(outDir);  pm.exportMerged(outDir);
#include "models/CausalLM.h"
#include "peft/Adapter.h"

#include <map>
#include <memory>
#include <string>

namespace tb {
class Tokenizer;
}

namespace tb::peft {

struct ParameterCounts {
    int64_t trainable = 0;
    int64_t total = 0;
    double percent() const { return total ? 100.0 * static_cast<double>(trainable) / static_cast<double>(total) : 0.0; }
};

class PeftModel {
public:
    PeftModel(std::shared_ptr<CausalLM> base, std::string baseModelDir = {});
    ~PeftModel();

    CausalLM& base() { return *base_; }
    std::shared_ptr<CausalLM> baseShared() { return base_; }
    const std::string& baseModelDir() const { return baseModelDir_; }

    // Creates an adapter from a method config ({"method": "lora", "r": 8, ...}) and makes it active.
    Adapter& addAdapter(const std::string& name, const nlohmann::json& methodConfig,
                        const Tokenizer* tokenizer = nullptr);
    // Reads a PEFT adapter folder and makes it active.
    Adapter& loadAdapter(const std::string& dir, const std::string& name = "default");
    void setActiveAdapter(const std::string& name);
    void removeAdapter(const std::string& name);
    Adapter* activeAdapter();
    const std::string& activeName() const { return active_; }
    std::vector<std::string> adapterNames() const;
    void setAdaptersEnabled(bool enabled);

    // Freezes the base model and makes the active adapter's parameters trainable.
    void prepareForTraining();
    NamedTensors trainableParameters();
    // As peft's get_nb_trainable_parameters() for this configuration.
    ParameterCounts parameterCounts();

    ForwardOutput forward(ForwardInput input);
    int64_t numVirtualTokens();

    void mergeActive();
    void unmergeActive();

    // adapter_config.json + adapter_model.safetensors (LoRA, IA3, prompt tuning) or, for full and
    // selective, a whole model folder.
    void saveAdapter(const std::string& dir);
    // The base with the active adapter folded in, as config.json + model.safetensors + tokenizer
    // files copied from the base folder. The in-memory model is left as it was.
    void exportMerged(const std::string& dir);
    // The current base weights as a Hugging Face folder (used by exportMerged and full runs).
    void saveModelFolder(const std::string& dir);

private:
    std::shared_ptr<CausalLM> base_;
    std::string baseModelDir_;
    std::map<std::string, std::unique_ptr<Adapter>> adapters_;
    std::string active_;
};

// Reads adapter_config.json of a folder (throws tb::Error with the path).
nlohmann::json readAdapterConfig(const std::string& dir);

// Reads a PEFT adapter folder for `model`: checks peft_type, task_type against the model and
// that adapter_model.safetensors is there, and returns the adapter with its saved weights, not
// attached. Throws tb::Error saying what is wrong with the folder.
std::unique_ptr<Adapter> readAdapterFolder(CausalLM& model, const std::string& dir, const std::string& baseModelDir = {});

} // namespace tb::peft
