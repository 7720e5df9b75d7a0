#pragma once
// Why this exists: the one table that maps a method name to its config parser and its injector
// (as PEFT's PEFT_TYPE_TO_CONFIG_MAPPING / tuner registry). The trainer, the CLI, the GUI and
// the adapter loader all go through it, so adding a method is one row.
#include "peft/Adapter.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tb {
class Tokenizer;
}

namespace tb::peft {

struct MethodContext {
    CausalLM& model;
    std::string baseModelDir;          // for adapter_config.json and prompt-tuning TEXT init
    const Tokenizer* tokenizer = nullptr;
    bool initialise = true;            // false when weights are about to be loaded
};

struct MethodEntry {
    std::string name;       // "lora"
    std::string peftType;   // "LORA"; empty for methods saved as whole models
    std::string summary;
    // Validates and normalises a method config (names the bad field); no model needed.
    std::function<nlohmann::json(const nlohmann::json&)> parse;
    // Builds the adapter for a model (matching targets, creating weights).
    std::function<std::unique_ptr<Adapter>(const nlohmann::json&, MethodContext&)> inject;
};

const std::vector<MethodEntry>& methodTable();
// Accepts the name, PEFT's type ("LORA", "PROMPT_TUNING") and aliases ("prompt_tuning").
// Throws tb::UsageError listing the methods.
const MethodEntry& findMethod(const std::string& nameOrPeftType);

// config["method"] picks the row.
std::unique_ptr<Adapter> createAdapter(const nlohmann::json& config, MethodContext& ctx);

} // namespace tb::peft
