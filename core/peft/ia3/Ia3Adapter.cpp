#include "peft/ia3/Ia3Adapter.h"

#include "models/CausalLM.h"
#include "peft/ia3/Ia3Linear.h"
#include "util/Error.h"

#include <regex>

namespace tb::peft {

Ia3Config Ia3Config::fromJson(const nlohmann::json& j) {
    Ia3Config c;
    if (j.contains("target_modules")) c.targets = TargetModules::fromJson(j["target_modules"], "target_modules");
    else if (j.contains("targets")) c.targets = TargetModules::fromJson(j["targets"], "targets");
    if (j.contains("feedforward_modules"))
        c.feedForward = TargetModules::fromJson(j["feedforward_modules"], "feedforward_modules");
    else if (j.contains("feedforward")) c.feedForward = TargetModules::fromJson(j["feedforward"], "feedforward");
    if (j.contains("fan_in_fan_out") && j["fan_in_fan_out"].is_boolean()) c.fanInFanOut = j["fan_in_fan_out"].get<bool>();
    if (!c.targets.empty() && !c.feedForward.empty() && !c.targets.isRegex && !c.feedForward.isRegex) {
        for (const auto& f : c.feedForward.names)
            if (std::find(c.targets.names.begin(), c.targets.names.end(), f) == c.targets.names.end())
                throw UsageError("ia3 feedforward_modules must be a subset of target_modules ('" + f + "' is not a target)");
    }
    return c;
}

nlohmann::json Ia3Config::toJson() const {
    return {{"target_modules", targets.empty() ? nlohmann::json(nullptr) : targets.toJson()},
            {"feedforward_modules", feedForward.empty() ? nlohmann::json(nullptr) : feedForward.toJson()},
            {"fan_in_fan_out", fanInFanOut}};
}

namespace {
// PEFT's _check_target_module_feedforward: fullmatch for a regex, plain endswith for a list.
bool isFeedForward(const TargetModules& ff, const std::string& name) {
    if (ff.isRegex) return std::regex_match(name, std::regex(ff.regex));
    for (const auto& k : ff.names)
        if (name.size() >= k.size() && name.compare(name.size() - k.size(), k.size(), k) == 0) return true;
    return false;
}
} // namespace

Ia3Adapter::Ia3Adapter(CausalLM& model, Ia3Config config) : config_(std::move(config)) {
    const auto& type = model.config().modelType;
    // As PEFT's _prepare_adapter_config: each missing list falls back to the architecture's.
    if (config_.targets.empty()) config_.targets = defaultIa3Targets(type);
    if (config_.feedForward.empty()) {
        try {
            config_.feedForward = defaultIa3FeedForward(type);
        } catch (const UsageError&) {
        }
    }
    auto linears = adaptableLinears(model);
    std::vector<std::string> all;
    for (const auto& l : linears) all.push_back(l.first);
    auto matched = resolveTargets(config_.targets, all);
    bool anyConv1d = false;
    for (const auto& [name, layer] : linears) {
        if (std::find(matched.begin(), matched.end(), name) == matched.end()) continue;
        auto opts = torch::TensorOptions().device(layer->weight.device()).dtype(torch::kFloat32);
        names_.push_back(name);
        layers_.push_back(layer);
        ia3_.push_back(std::make_shared<Ia3Linear>(layer->inFeatures(), layer->outFeatures(),
                                                   isFeedForward(config_.feedForward, name), opts));
        anyConv1d = anyConv1d || layer->conv1dLayout();
    }
    config_.fanInFanOut = anyConv1d;
}

Ia3Adapter::~Ia3Adapter() = default;

nlohmann::json Ia3Adapter::configJson() const {
    auto j = config_.toJson();
    j["method"] = "ia3";
    return j;
}

nlohmann::json Ia3Adapter::peftConfigJson() const {
    return {{"peft_type", "IA3"},
            {"target_modules", config_.targets.toJson()},
            {"feedforward_modules", config_.feedForward.empty() ? nlohmann::json::array() : config_.feedForward.toJson()},
            {"fan_in_fan_out", config_.fanInFanOut},
            {"init_ia3_weights", true},
            {"modules_to_save", nullptr}};
}

void Ia3Adapter::attach(CausalLM&) {
    for (size_t i = 0; i < layers_.size(); ++i) {
        layers_[i]->setAdapter("ia3", ia3_[i]);
        layers_[i]->setAdapterEnabled(enabled_);
    }
}

void Ia3Adapter::detach(CausalLM&) {
    for (size_t i = 0; i < layers_.size(); ++i)
        if (layers_[i]->adapter() == ia3_[i]) layers_[i]->clearAdapter();
}

void Ia3Adapter::setEnabled(CausalLM&, bool enabled) {
    if (!enabled && merged_) throw Error("unmerge the IA3 adapter before disabling it");
    enabled_ = enabled;
    for (size_t i = 0; i < layers_.size(); ++i)
        if (layers_[i]->adapter() == ia3_[i]) layers_[i]->setAdapterEnabled(enabled);
}

NamedTensors Ia3Adapter::trainable() {
    NamedTensors out;
    for (size_t i = 0; i < ia3_.size(); ++i) out.emplace_back(names_[i] + ".ia3_l", ia3_[i]->l);
    return out;
}

NamedTensors Ia3Adapter::peftState() {
    NamedTensors out;
    for (size_t i = 0; i < ia3_.size(); ++i) out.emplace_back("base_model.model." + names_[i] + ".ia3_l", ia3_[i]->l);
    return out;
}

void Ia3Adapter::loadPeftState(const std::map<std::string, torch::Tensor>& tensors) {
    copyStrict("IA3 adapter", peftState(), tensors);
}

void Ia3Adapter::merge(CausalLM&) {
    if (merged_) return;
    torch::NoGradGuard ng;
    for (size_t i = 0; i < ia3_.size(); ++i) {
        auto w = layers_[i]->weightOutIn();   // [out, in]
        const auto& a = *ia3_[i];
        if (a.feedForward) {
            w.mul_(a.l.reshape({1, -1}).to(w.scalar_type()));
        } else {
            w.mul_(a.l.reshape({-1, 1}).to(w.scalar_type()));
            if (layers_[i]->bias.defined()) layers_[i]->bias.mul_(a.l.flatten().to(w.scalar_type()));
        }
        ia3_[i]->merged = true;
    }
    merged_ = true;
}

void Ia3Adapter::unmerge(CausalLM&) {
    if (!merged_) return;
    torch::NoGradGuard ng;
    for (size_t i = 0; i < ia3_.size(); ++i) {
        auto w = layers_[i]->weightOutIn();
        const auto& a = *ia3_[i];
        auto l = a.l.to(w.scalar_type()) + 1e-8;
        if (a.feedForward) {
            w.div_(l.reshape({1, -1}));
        } else {
            w.div_(l.reshape({-1, 1}));
            if (layers_[i]->bias.defined()) layers_[i]->bias.div_(l.flatten());
        }
        ia3_[i]->merged = false;
    }
    merged_ = false;
}

} // namespace tb::peft
