#pragma once
// Why this exists: PEFT picks the layers to adapt by module name. A list matches a module whose
// full name equals an entry or ends with "." + entry; a single string is a regular expression
// that must match the full name (re.fullmatch). This type carries either spelling, validates it,
// round-trips it to adapter_config.json, and knows PEFT's defaults per architecture.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace tb::peft {

struct TargetModules {
    bool isRegex = false;
    std::string regex;                 // when isRegex
    std::vector<std::string> names;    // otherwise

    bool empty() const { return isRegex ? regex.empty() : names.empty(); }
    bool matches(const std::string& moduleName) const;
    // ["q_proj","v_proj"] or "regex" (PEFT's JSON spelling)
    nlohmann::json toJson() const;
    // Accepts a JSON list, a regex string, or (from the CLI) "a,b,c" when `commaList` is set.
    static TargetModules fromJson(const nlohmann::json& j, const std::string& field);
    static TargetModules fromList(const std::vector<std::string>& names);
    std::string describe() const;      // for messages
};

// PEFT 0.10.0's defaults (TRANSFORMERS_MODELS_TO_*_TARGET_MODULES_MAPPING). Qwen2 is not in
// that table; we use the Llama entries for it (same module names) and write them explicitly.
TargetModules defaultLoraTargets(const std::string& modelType);
TargetModules defaultIa3Targets(const std::string& modelType);
TargetModules defaultIa3FeedForward(const std::string& modelType);

// The names among `adaptableNames` that `targets` selects. Throws tb::UsageError
// "target modules X not found in the model (available: q_proj, ...)" when nothing matches, or
// when an entry of an explicit list matches nothing (a typo PEFT would silently ignore).
std::vector<std::string> resolveTargets(const TargetModules& targets,
                                        const std::vector<std::string>& adaptableNames);

// The last dotted component of each name, unique and sorted ("q_proj", "k_proj", ...).
std::vector<std::string> shortNames(const std::vector<std::string>& names);

} // namespace tb::peft
