#include "peft/TargetModules.h"

#include "util/Error.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

namespace tb::peft {

bool TargetModules::matches(const std::string& name) const {
    if (isRegex) return std::regex_match(name, std::regex(regex));
    for (const auto& t : names) {
        if (name == t) return true;
        if (name.size() > t.size() && name.compare(name.size() - t.size(), t.size(), t) == 0 &&
            name[name.size() - t.size() - 1] == '.')
            return true;
    }
    return false;
}

nlohmann::json TargetModules::toJson() const {
    if (isRegex) return regex;
    return names;
}

TargetModules TargetModules::fromList(const std::vector<std::string>& list) {
    TargetModules t;
    for (const auto& n : list)
        if (!n.empty()) t.names.push_back(n);
    return t;
}

TargetModules TargetModules::fromJson(const nlohmann::json& j, const std::string& field) {
    TargetModules t;
    if (j.is_null()) return t;
    if (j.is_string()) {
        t.isRegex = true;
        t.regex = j.get<std::string>();
        try {
            std::regex check(t.regex);
        } catch (const std::regex_error& e) {
            throw UsageError(field + ": '" + t.regex + "' is not a valid regular expression (" + e.what() + ")");
        }
        return t;
    }
    if (!j.is_array()) throw UsageError(field + ": expected a list of module names or a regex string");
    for (const auto& e : j) {
        if (!e.is_string() || e.get<std::string>().empty())
            throw UsageError(field + ": every entry must be a non-empty module name");
        t.names.push_back(e.get<std::string>());
    }
    // PEFT stores target_modules as a set; keep a stable order without duplicates.
    std::vector<std::string> unique;
    for (const auto& n : t.names)
        if (std::find(unique.begin(), unique.end(), n) == unique.end()) unique.push_back(n);
    t.names = unique;
    return t;
}

std::string TargetModules::describe() const {
    if (isRegex) return "'" + regex + "'";
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
}

namespace {
const std::map<std::string, std::vector<std::string>>& loraTable() {
    static const std::map<std::string, std::vector<std::string>> t = {
        {"gpt2", {"c_attn"}},          {"gpt_neox", {"query_key_value"}}, {"llama", {"q_proj", "v_proj"}},
        {"mistral", {"q_proj", "v_proj"}}, {"qwen2", {"q_proj", "v_proj"}}, {"t5", {"q", "v"}},
    };
    return t;
}
const std::map<std::string, std::vector<std::string>>& ia3Table() {
    static const std::map<std::string, std::vector<std::string>> t = {
        {"gpt2", {"c_attn", "mlp.c_proj"}},
        {"gpt_neox", {"query_key_value", "dense_4h_to_h"}},
        {"llama", {"k_proj", "v_proj", "down_proj"}},
        {"mistral", {"k_proj", "v_proj", "down_proj"}},
        {"qwen2", {"k_proj", "v_proj", "down_proj"}},
        {"t5", {"k", "v", "wo"}},
    };
    return t;
}
const std::map<std::string, std::vector<std::string>>& ia3FfTable() {
    static const std::map<std::string, std::vector<std::string>> t = {
        {"gpt2", {"mlp.c_proj"}}, {"gpt_neox", {"dense_4h_to_h"}}, {"llama", {"down_proj"}},
        {"mistral", {"down_proj"}}, {"qwen2", {"down_proj"}}, {"t5", {"wo"}},
    };
    return t;
}
TargetModules lookup(const std::map<std::string, std::vector<std::string>>& table, const std::string& type,
                     const char* what) {
    auto it = table.find(type);
    if (it == table.end())
        throw UsageError(std::string("no default ") + what + " target modules for model type '" + type +
                         "': give them explicitly (--targets)");
    return TargetModules::fromList(it->second);
}
} // namespace

TargetModules defaultLoraTargets(const std::string& modelType) { return lookup(loraTable(), modelType, "LoRA"); }
TargetModules defaultIa3Targets(const std::string& modelType) { return lookup(ia3Table(), modelType, "IA3"); }
TargetModules defaultIa3FeedForward(const std::string& modelType) {
    return lookup(ia3FfTable(), modelType, "IA3 feed-forward");
}

std::vector<std::string> shortNames(const std::vector<std::string>& names) {
    std::set<std::string> s;
    for (const auto& n : names) {
        auto dot = n.rfind('.');
        s.insert(dot == std::string::npos ? n : n.substr(dot + 1));
    }
    return {s.begin(), s.end()};
}

std::vector<std::string> resolveTargets(const TargetModules& targets,
                                        const std::vector<std::string>& adaptableNames) {
    std::vector<std::string> matched;
    for (const auto& n : adaptableNames)
        if (targets.matches(n)) matched.push_back(n);
    std::string missing;
    if (matched.empty()) {
        missing = targets.describe();
    } else if (!targets.isRegex) {
        for (const auto& t : targets.names) {
            bool any = false;
            for (const auto& n : matched) any = any || TargetModules::fromList({t}).matches(n);
            if (!any) missing += (missing.empty() ? "" : ", ") + t;
        }
    }
    if (missing.empty()) return matched;
    std::string avail;
    for (const auto& n : shortNames(adaptableNames)) avail += (avail.empty() ? "" : ", ") + n;
    throw UsageError("target modules " + missing + " not found in the model (available: " + avail + ")");
}

} // namespace tb::peft
