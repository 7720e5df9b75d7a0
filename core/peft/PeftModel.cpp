#include "peft/PeftModel.h"

#include "peft/MethodRegistry.h"
#include "peft/TensorFiles.h"
#include "peft/prompt_tuning/SoftPromptLM.h"
#include "util/Error.h"

#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;

namespace tb::peft {

PeftModel::PeftModel(std::shared_ptr<CausalLM> base, std::string baseModelDir)
    : base_(std::move(base)), baseModelDir_(std::move(baseModelDir)) {
    if (!base_) throw Error("PeftModel: no base model");
}

PeftModel::~PeftModel() = default;

Adapter& PeftModel::addAdapter(const std::string& name, const nlohmann::json& methodConfig,
                               const Tokenizer* tokenizer) {
    if (adapters_.count(name)) throw UsageError("an adapter named '" + name + "' is already loaded");
    MethodContext ctx{*base_, baseModelDir_, tokenizer, true};
    auto adapter = createAdapter(methodConfig, ctx);
    if (!adapter->savesAsAdapter() && !adapters_.empty())
        throw UsageError(adapter->method() + " fine-tuning cannot be combined with other adapters");
    auto& ref = *adapter;
    adapters_[name] = std::move(adapter);
    setActiveAdapter(name);
    return ref;
}

nlohmann::json readAdapterConfig(const std::string& dir) {
    const auto path = (fs::path(dir) / "adapter_config.json").string();
    std::ifstream in(path);
    if (!in) throw Error(dir + " is not a PEFT adapter folder (no adapter_config.json)");
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(path + ": not valid JSON (" + e.what() + ")");
    }
}

std::unique_ptr<Adapter> readAdapterFolder(CausalLM& model, const std::string& dir, const std::string& baseModelDir) {
    auto cfg = readAdapterConfig(dir);
    if (!cfg.contains("peft_type") || !cfg["peft_type"].is_string())
        throw Error(dir + "/adapter_config.json has no peft_type");
    const auto type = cfg["peft_type"].get<std::string>();
    const auto& entry = findMethod(type);
    if (entry.peftType.empty()) throw Error(dir + ": peft_type " + type + " is not an adapter type");
    const std::string wantTask = model.config().isEncoderDecoder ? "SEQ_2_SEQ_LM" : "CAUSAL_LM";
    if (cfg.contains("task_type") && cfg["task_type"].is_string() && cfg["task_type"] != wantTask)
        throw Error(dir + ": task_type " + cfg["task_type"].get<std::string>() + " adapters do not fit this model (it needs " +
                    wantTask + ")");
    auto weights = (fs::path(dir) / "adapter_model.safetensors").string();
    if (!fs::exists(weights)) {
        if (fs::exists(fs::path(dir) / "adapter_model.bin"))
            throw Error(dir + " holds adapter_model.bin (a pickle); only adapter_model.safetensors is loaded. "
                              "Re-save it with save_pretrained(..., safe_serialization=True)");
        throw Error(dir + " has no adapter_model.safetensors");
    }
    MethodContext ctx{model, baseModelDir, nullptr, false};
    cfg["method"] = entry.name;
    auto adapter = entry.inject(cfg, ctx);
    adapter->loadPeftState(loadTensors(weights));
    return adapter;
}

Adapter& PeftModel::loadAdapter(const std::string& dir, const std::string& name) {
    if (adapters_.count(name)) throw UsageError("an adapter named '" + name + "' is already loaded");
    auto adapter = readAdapterFolder(*base_, dir, baseModelDir_);
    auto& ref = *adapter;
    adapters_[name] = std::move(adapter);
    setActiveAdapter(name);
    return ref;
}

void PeftModel::setActiveAdapter(const std::string& name) {
    auto it = adapters_.find(name);
    if (it == adapters_.end()) throw UsageError("no adapter named '" + name + "'");
    if (!active_.empty() && active_ != name) {
        auto& old = *adapters_.at(active_);
        if (old.merged()) old.unmerge(*base_);
        old.detach(*base_);
    }
    active_ = name;
    it->second->attach(*base_);
}

void PeftModel::removeAdapter(const std::string& name) {
    auto it = adapters_.find(name);
    if (it == adapters_.end()) return;
    if (active_ == name) {
        if (it->second->merged()) it->second->unmerge(*base_);
        it->second->detach(*base_);
        active_.clear();
    }
    adapters_.erase(it);
}

Adapter* PeftModel::activeAdapter() {
    if (active_.empty()) return nullptr;
    return adapters_.at(active_).get();
}

std::vector<std::string> PeftModel::adapterNames() const {
    std::vector<std::string> out;
    for (const auto& a : adapters_) out.push_back(a.first);
    return out;
}

void PeftModel::setAdaptersEnabled(bool enabled) {
    if (auto* a = activeAdapter()) a->setEnabled(*base_, enabled);
}

void PeftModel::prepareForTraining() {
    for (auto& p : base_->parameters(true)) p.set_requires_grad(false);
    if (auto* a = activeAdapter())
        for (auto& [n, t] : a->trainable()) t.set_requires_grad(true);
}

NamedTensors PeftModel::trainableParameters() {
    if (auto* a = activeAdapter()) return a->trainable();
    return {};
}

ParameterCounts PeftModel::parameterCounts() {
    ParameterCounts c;
    std::set<const void*> seen;
    auto* a = activeAdapter();
    std::set<const void*> trainable;
    if (a)
        for (auto& [n, t] : a->trainable()) trainable.insert(t.unsafeGetTensorImpl());
    // Base parameters, plus the LoRA/IA3 modules registered inside it (tied weights once).
    for (const auto& p : base_->named_parameters(true)) {
        if (!seen.insert(p.value().unsafeGetTensorImpl()).second) continue;
        c.total += p.value().numel();
        if (trainable.count(p.value().unsafeGetTensorImpl())) c.trainable += p.value().numel();
    }
    // Tensors that live outside the module tree (prompt embeddings).
    if (a)
        for (auto& [n, t] : a->trainable())
            if (seen.insert(t.unsafeGetTensorImpl()).second) {
                c.total += t.numel();
                c.trainable += t.numel();
            }
    return c;
}

int64_t PeftModel::numVirtualTokens() {
    auto* a = activeAdapter();
    return a ? a->numVirtualTokens() : 0;
}

ForwardOutput PeftModel::forward(ForwardInput in) {
    auto* a = activeAdapter();
    const int64_t n = a ? a->numVirtualTokens() : 0;
    if (n == 0) return base_->forward(in);
    // Training and the fixtures' parity: the output keeps the virtual positions first, as
    // PeftModelForCausalLM's does (SoftPromptLM drops them for inference).
    prependVirtualTokens(*base_, a->virtualTokenEmbeds(), in);
    return base_->forward(in);
}

void PeftModel::mergeActive() {
    auto* a = activeAdapter();
    if (!a) throw UsageError("no active adapter to merge");
    a->merge(*base_);
}

void PeftModel::unmergeActive() {
    auto* a = activeAdapter();
    if (!a) throw UsageError("no active adapter to unmerge");
    a->unmerge(*base_);
}

void PeftModel::saveAdapter(const std::string& dir) {
    auto* a = activeAdapter();
    if (!a) throw UsageError("no active adapter to save");
    if (!a->savesAsAdapter()) {
        saveModelFolder(dir);
        return;
    }
    fs::create_directories(dir);
    nlohmann::json cfg = a->peftConfigJson();
    cfg["task_type"] = base_->config().isEncoderDecoder ? "SEQ_2_SEQ_LM" : "CAUSAL_LM";
    cfg["base_model_name_or_path"] = baseModelDir_.empty() ? nlohmann::json(nullptr)
                                                           : nlohmann::json(fs::absolute(baseModelDir_).lexically_normal().string());
    cfg["inference_mode"] = true;
    cfg["revision"] = nullptr;
    cfg["auto_mapping"] = nullptr;
    saveTensors((fs::path(dir) / "adapter_model.safetensors").string(), a->peftState());
    const auto path = (fs::path(dir) / "adapter_config.json").string();
    std::ofstream out(path + ".tmp");
    out << cfg.dump(2) << "\n";
    out.close();
    if (!out) throw Error("writing " + path + " failed (disk full?)");
    fs::rename(path + ".tmp", path);
}

void PeftModel::saveModelFolder(const std::string& dir) {
    fs::create_directories(dir);
    NamedTensors tensors;
    std::set<const void*> seen;
    for (const auto& p : base_->named_parameters(true)) {
        const auto& name = p.key();
        if (name.find(".lora.") != std::string::npos || name.find(".ia3.") != std::string::npos) continue;
        if (!seen.insert(p.value().unsafeGetTensorImpl()).second) continue;   // tied: saved once, as HF does
        tensors.emplace_back(name, p.value());
    }
    saveTensors((fs::path(dir) / "model.safetensors").string(), tensors);
    nlohmann::json config = base_->config().raw;
    const fs::path src(baseModelDir_);
    if (!baseModelDir_.empty() && fs::exists(src / "config.json")) {
        std::ifstream in(src / "config.json");
        config = nlohmann::json::parse(in);
    }
    const auto dt = base_->dtype();
    config["torch_dtype"] = dt == torch::kBFloat16 ? "bfloat16" : dt == torch::kFloat16 ? "float16" : "float32";
    {
        std::ofstream out(fs::path(dir) / "config.json");
        out << config.dump(2) << "\n";
        if (!out) throw Error("writing " + dir + "/config.json failed");
    }
    if (!baseModelDir_.empty()) {
        for (const char* f : {"tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "tokenizer.model",
                              "spiece.model", "vocab.json", "merges.txt", "added_tokens.json", "generation_config.json"}) {
            if (fs::exists(src / f)) fs::copy_file(src / f, fs::path(dir) / f, fs::copy_options::overwrite_existing);
        }
    }
}

void PeftModel::exportMerged(const std::string& dir) {
    auto* a = activeAdapter();
    if (!a || !a->savesAsAdapter()) {
        saveModelFolder(dir);
        return;
    }
    if (!a->canMerge())
        throw UsageError(a->method() + " adapters cannot be merged into the weights (prompt tuning adds inputs); "
                                       "export the adapter instead (--adapter)");
    const bool wasMerged = a->merged();
    if (!wasMerged) a->merge(*base_);
    try {
        saveModelFolder(dir);
    } catch (...) {
        if (!wasMerged) a->unmerge(*base_);
        throw;
    }
    if (!wasMerged) a->unmerge(*base_);
}

} // namespace tb::peft
