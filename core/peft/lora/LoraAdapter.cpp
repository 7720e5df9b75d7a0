#include "peft/lora/LoraAdapter.h"

#include "models/CausalLM.h"
#include "peft/lora/LoraLinear.h"
#include "util/Error.h"

#include <cmath>

namespace tb::peft {

double LoraConfig::scaling() const {
    return useRslora ? alpha / std::sqrt(static_cast<double>(r)) : alpha / static_cast<double>(r);
}

namespace {
template <typename T>
T pick(const nlohmann::json& j, const char* a, const char* b, T fallback) {
    if (j.contains(a) && !j[a].is_null()) return j[a].get<T>();
    if (b && j.contains(b) && !j[b].is_null()) return j[b].get<T>();
    return fallback;
}
} // namespace

LoraConfig LoraConfig::fromJson(const nlohmann::json& j) {
    LoraConfig c;
    try {
        c.r = pick<int64_t>(j, "r", "rank", c.r);
        c.alpha = pick<double>(j, "lora_alpha", "alpha", static_cast<double>(c.r));
        c.dropout = pick<double>(j, "lora_dropout", "dropout", 0.0);
        c.useRslora = pick<bool>(j, "use_rslora", "rslora", false);
        c.fanInFanOut = pick<bool>(j, "fan_in_fan_out", nullptr, false);
        const nlohmann::json init = j.contains("init_lora_weights") ? j["init_lora_weights"]
                                    : j.contains("init")            ? j["init"]
                                                                    : nlohmann::json(true);
        if (init.is_boolean()) {
            if (!init.get<bool>()) throw UsageError("lora init_lora_weights=false (no init) is not supported");
        } else if (init.is_string()) {
            const auto s = init.get<std::string>();
            if (s == "gaussian") c.gaussianInit = true;
            else if (s != "kaiming") throw UsageError("lora init: expected \"kaiming\" or \"gaussian\", got \"" + s + "\"");
        }
        if (j.contains("target_modules")) c.targets = TargetModules::fromJson(j["target_modules"], "target_modules");
        else if (j.contains("targets")) c.targets = TargetModules::fromJson(j["targets"], "targets");
    } catch (const nlohmann::json::exception& e) {
        throw UsageError(std::string("lora config: ") + e.what());
    }
    if (c.r <= 0) throw UsageError("lora r (rank) must be a positive integer, got " + std::to_string(c.r));
    if (!(c.alpha > 0)) throw UsageError("lora_alpha must be positive");
    if (c.dropout < 0 || c.dropout >= 1) throw UsageError("lora_dropout must be in [0, 1)");
    return c;
}

nlohmann::json LoraConfig::toJson() const {
    return {{"r", r}, {"lora_alpha", alpha}, {"lora_dropout", dropout},
            {"target_modules", targets.empty() ? nlohmann::json(nullptr) : targets.toJson()},
            {"use_rslora", useRslora}, {"init_lora_weights", gaussianInit ? nlohmann::json("gaussian") : nlohmann::json(true)},
            {"fan_in_fan_out", fanInFanOut}};
}

LoraAdapter::LoraAdapter(CausalLM& model, LoraConfig config, bool initialise) : config_(std::move(config)) {
    if (config_.targets.empty()) config_.targets = defaultLoraTargets(model.config().modelType);
    auto linears = adaptableLinears(model);
    std::vector<std::string> all;
    for (const auto& l : linears) all.push_back(l.first);
    auto matched = resolveTargets(config_.targets, all);
    bool anyConv1d = false;
    for (const auto& [name, layer] : linears) {
        if (std::find(matched.begin(), matched.end(), name) == matched.end()) continue;
        auto opts = torch::TensorOptions().device(layer->weight.device()).dtype(
            layer->weight.scalar_type() == torch::kFloat64 ? torch::kFloat64 : torch::kFloat32);
        auto lora = std::make_shared<LoraLinear>(layer->inFeatures(), layer->outFeatures(), config_.r,
                                                 config_.scaling(), config_.dropout, opts);
        if (initialise) lora->initialise(config_.gaussianInit);
        anyConv1d = anyConv1d || layer->conv1dLayout();
        names_.push_back(name);
        layers_.push_back(layer);
        loras_.push_back(lora);
    }
    // PEFT switches fan_in_fan_out on for Conv1D targets (with a warning); so do we, silently.
    config_.fanInFanOut = anyConv1d;
}

LoraAdapter::~LoraAdapter() = default;

nlohmann::json LoraAdapter::configJson() const {
    auto j = config_.toJson();
    j["method"] = "lora";
    return j;
}

nlohmann::json LoraAdapter::peftConfigJson() const {
    return {{"peft_type", "LORA"},
            {"r", config_.r},
            {"lora_alpha", config_.alpha},
            {"lora_dropout", config_.dropout},
            {"target_modules", config_.targets.toJson()},
            {"use_rslora", config_.useRslora},
            {"fan_in_fan_out", config_.fanInFanOut},
            {"init_lora_weights", config_.gaussianInit ? nlohmann::json("gaussian") : nlohmann::json(true)},
            {"bias", "none"},
            {"modules_to_save", nullptr},
            {"layers_to_transform", nullptr},
            {"layers_pattern", nullptr},
            {"rank_pattern", nlohmann::json::object()},
            {"alpha_pattern", nlohmann::json::object()},
            {"megatron_config", nullptr},
            {"megatron_core", "megatron.core"},
            {"loftq_config", nlohmann::json::object()},
            {"use_dora", false},
            {"layer_replication", nullptr}};
}

void LoraAdapter::attach(CausalLM&) {
    for (size_t i = 0; i < layers_.size(); ++i) {
        layers_[i]->setAdapter("lora", loras_[i]);
        layers_[i]->setAdapterEnabled(enabled_);
    }
}

void LoraAdapter::detach(CausalLM&) {
    for (size_t i = 0; i < layers_.size(); ++i)
        if (layers_[i]->adapter() == loras_[i]) layers_[i]->clearAdapter();
}

void LoraAdapter::setEnabled(CausalLM&, bool enabled) {
    if (!enabled && merged_) throw Error("unmerge the LoRA adapter before disabling it");
    enabled_ = enabled;
    for (size_t i = 0; i < layers_.size(); ++i)
        if (layers_[i]->adapter() == loras_[i]) layers_[i]->setAdapterEnabled(enabled);
}

NamedTensors LoraAdapter::trainable() {
    NamedTensors out;
    for (size_t i = 0; i < loras_.size(); ++i) {
        out.emplace_back(names_[i] + ".lora_A", loras_[i]->A);
        out.emplace_back(names_[i] + ".lora_B", loras_[i]->B);
    }
    return out;
}

NamedTensors LoraAdapter::peftState() {
    NamedTensors out;
    for (size_t i = 0; i < loras_.size(); ++i) {
        out.emplace_back("base_model.model." + names_[i] + ".lora_A.weight", loras_[i]->A);
        out.emplace_back("base_model.model." + names_[i] + ".lora_B.weight", loras_[i]->B);
    }
    return out;
}

void LoraAdapter::loadPeftState(const std::map<std::string, torch::Tensor>& tensors) {
    copyStrict("LoRA adapter", peftState(), tensors);
}

void LoraAdapter::merge(CausalLM&) {
    if (merged_) return;
    torch::NoGradGuard ng;
    for (size_t i = 0; i < loras_.size(); ++i) {
        auto w = layers_[i]->weightOutIn();
        w.add_(loras_[i]->deltaWeight().to(w.scalar_type()));
        loras_[i]->merged = true;
    }
    merged_ = true;
}

void LoraAdapter::unmerge(CausalLM&) {
    if (!merged_) return;
    torch::NoGradGuard ng;
    for (size_t i = 0; i < loras_.size(); ++i) {
        auto w = layers_[i]->weightOutIn();
        w.sub_(loras_[i]->deltaWeight().to(w.scalar_type()));
        loras_[i]->merged = false;
    }
    merged_ = false;
}

} // namespace tb::peft
