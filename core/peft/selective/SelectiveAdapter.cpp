#include "peft/selective/SelectiveAdapter.h"

#include "models/CausalLM.h"
#include "util/Error.h"

#include <regex>
#include <set>

namespace tb::peft {

SelectiveConfig SelectiveConfig::fromJson(const nlohmann::json& j, bool full) {
    SelectiveConfig c;
    c.full = full;
    if (full) return c;
    try {
        if (j.contains("layers") && !j["layers"].is_null()) {
            const auto& l = j["layers"];
            if (l.is_array() && l.size() == 2) {
                c.layerFrom = l[0].get<int64_t>();
                c.layerTo = l[1].get<int64_t>();
            } else if (l.is_string()) {   // "2-5" or "3"
                const auto s = l.get<std::string>();
                const auto dash = s.find('-');
                c.layerFrom = std::stoll(s.substr(0, dash));
                c.layerTo = dash == std::string::npos ? c.layerFrom : std::stoll(s.substr(dash + 1));
            } else {
                throw UsageError("selective layers: expected \"FROM-TO\" or [from, to]");
            }
            if (c.layerFrom < 0 || c.layerTo < c.layerFrom) throw UsageError("selective layers: bad range");
        }
        if (j.contains("pattern") && j["pattern"].is_string()) c.pattern = j["pattern"].get<std::string>();
        if (j.contains("bias_only")) c.biasOnly = j["bias_only"].get<bool>();
        if (j.contains("norms")) c.norms = j["norms"].get<bool>();
    } catch (const nlohmann::json::exception& e) {
        throw UsageError(std::string("selective config: ") + e.what());
    } catch (const std::invalid_argument&) {
        throw UsageError("selective layers: expected \"FROM-TO\" with numbers");
    }
    if (!c.pattern.empty()) {
        try {
            std::regex check(c.pattern);
        } catch (const std::regex_error& e) {
            throw UsageError("selective pattern '" + c.pattern + "' is not a valid regular expression");
        }
    }
    return c;
}

nlohmann::json SelectiveConfig::toJson() const {
    if (full) return nlohmann::json::object();
    nlohmann::json j = {{"bias_only", biasOnly}, {"norms", norms}};
    j["layers"] = layerFrom >= 0 ? nlohmann::json::array({layerFrom, layerTo}) : nlohmann::json(nullptr);
    j["pattern"] = pattern.empty() ? nlohmann::json(nullptr) : nlohmann::json(pattern);
    return j;
}

int64_t SelectiveAdapter::layerIndex(const std::string& name) {
    static const std::regex re(R"((?:^|\.)(?:layers|h|block)\.(\d+)\.)");
    std::smatch m;
    if (std::regex_search(name, m, re)) return std::stoll(m[1].str());
    return -1;
}

bool SelectiveAdapter::isNormParameter(const std::string& name) {
    static const std::regex re(R"((^|\.)(\w*norm\w*|ln_\w+|ln_f)\.(weight|bias)$)");
    return std::regex_search(name, re);
}

SelectiveAdapter::SelectiveAdapter(CausalLM& model, SelectiveConfig config) : config_(std::move(config)) {
    std::set<const void*> seen;
    std::regex pattern(config_.pattern.empty() ? ".*" : config_.pattern);
    for (const auto& p : model.named_parameters(true)) {
        const auto& name = p.key();
        if (!seen.insert(p.value().unsafeGetTensorImpl()).second) continue;   // tied weights once
        if (name.find(".lora.") != std::string::npos || name.find(".ia3.") != std::string::npos) continue;
        bool take = true;
        if (!config_.full) {
            const int64_t layer = layerIndex(name);
            if (config_.layerFrom >= 0 && (layer < config_.layerFrom || layer > config_.layerTo)) take = false;
            if (!config_.pattern.empty() && !std::regex_search(name, pattern)) take = false;
            const bool isBias = name.size() > 5 && name.compare(name.size() - 5, 5, ".bias") == 0;
            if (config_.biasOnly || config_.norms) {
                bool kind = (config_.biasOnly && isBias) || (config_.norms && isNormParameter(name));
                take = take && kind;
            }
        }
        if (take) params_.emplace_back(name, p.value());
    }
    if (params_.empty()) {
        std::string msg = "the selection picks no parameter of this model";
        if (config_.layerFrom >= 0)
            msg += " (layers " + std::to_string(config_.layerFrom) + "-" + std::to_string(config_.layerTo) +
                   "; the model has " + std::to_string(model.config().numLayers) + ")";
        if (!config_.pattern.empty()) msg += " (pattern '" + config_.pattern + "')";
        throw UsageError(msg);
    }
}

nlohmann::json SelectiveAdapter::configJson() const {
    auto j = config_.toJson();
    j["method"] = method();
    return j;
}

void SelectiveAdapter::setEnabled(CausalLM&, bool enabled) {
    if (!enabled) throw Error(method() + " fine-tuning changes the base weights; it cannot be disabled");
}

void SelectiveAdapter::loadPeftState(const std::map<std::string, torch::Tensor>& tensors) {
    copyStrict(method() + " checkpoint", params_, tensors);
}

} // namespace tb::peft
