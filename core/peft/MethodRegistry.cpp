#include "peft/MethodRegistry.h"

#include "models/CausalLM.h"
#include "peft/ia3/Ia3Adapter.h"
#include "peft/lora/LoraAdapter.h"
#include "peft/prompt_tuning/PromptTuningAdapter.h"
#include "peft/selective/SelectiveAdapter.h"
#include "text/Tokenizer.h"
#include "util/Error.h"

#include <algorithm>

namespace tb::peft {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::vector<int64_t> initTextIds(const PromptTuningConfig& cfg, MethodContext& ctx) {
    if (!cfg.fromText || !ctx.initialise) return {};
    std::unique_ptr<Tokenizer> own;
    const Tokenizer* tok = ctx.tokenizer;
    if (!tok) {
        if (ctx.baseModelDir.empty()) throw UsageError("prompt tuning TEXT init needs the model's tokenizer");
        own = Tokenizer::fromModelDir(ctx.baseModelDir);
        tok = own.get();
    }
    return tok->encode(cfg.initText, true);
}

} // namespace

const std::vector<MethodEntry>& methodTable() {
    static const std::vector<MethodEntry> table = {
        {"full", "", "train every parameter of the model",
         [](const nlohmann::json&) { return nlohmann::json{{"method", "full"}}; },
         [](const nlohmann::json& j, MethodContext& ctx) -> std::unique_ptr<Adapter> {
             return std::make_unique<SelectiveAdapter>(ctx.model, SelectiveConfig::fromJson(j, true));
         }},
        {"selective", "", "train chosen layers, a name pattern, biases only (BitFit) or norms",
         [](const nlohmann::json& j) {
             auto out = SelectiveConfig::fromJson(j, false).toJson();
             out["method"] = "selective";
             return out;
         },
         [](const nlohmann::json& j, MethodContext& ctx) -> std::unique_ptr<Adapter> {
             return std::make_unique<SelectiveAdapter>(ctx.model, SelectiveConfig::fromJson(j, false));
         }},
        {"lora", "LORA", "low-rank adapters on chosen projections",
         [](const nlohmann::json& j) {
             auto out = LoraConfig::fromJson(j).toJson();
             out["method"] = "lora";
             return out;
         },
         [](const nlohmann::json& j, MethodContext& ctx) -> std::unique_ptr<Adapter> {
             return std::make_unique<LoraAdapter>(ctx.model, LoraConfig::fromJson(j), ctx.initialise);
         }},
        {"prompt", "PROMPT_TUNING", "learned virtual tokens prepended to the input (soft prompt)",
         [](const nlohmann::json& j) {
             auto out = PromptTuningConfig::fromJson(j).toJson();
             out["method"] = "prompt";
             return out;
         },
         [](const nlohmann::json& j, MethodContext& ctx) -> std::unique_ptr<Adapter> {
             auto cfg = PromptTuningConfig::fromJson(j);
             if (cfg.tokenizerPath.empty() && cfg.fromText) cfg.tokenizerPath = ctx.baseModelDir;
             auto ids = initTextIds(cfg, ctx);
             // When loading saved weights the init ids do not matter (they are overwritten).
             if (ids.empty() && cfg.fromText) ids = {0};
             return std::make_unique<PromptTuningAdapter>(ctx.model, cfg, ids);
         }},
        {"ia3", "IA3", "learned rescaling of keys, values and the feed-forward input",
         [](const nlohmann::json& j) {
             auto out = Ia3Config::fromJson(j).toJson();
             out["method"] = "ia3";
             return out;
         },
         [](const nlohmann::json& j, MethodContext& ctx) -> std::unique_ptr<Adapter> {
             return std::make_unique<Ia3Adapter>(ctx.model, Ia3Config::fromJson(j));
         }},
    };
    return table;
}

const MethodEntry& findMethod(const std::string& nameOrType) {
    std::string key = lower(nameOrType);
    if (key == "prompt_tuning" || key == "prompt-tuning") key = "prompt";
    if (key == "bitfit") key = "selective";
    for (const auto& m : methodTable())
        if (m.name == key || lower(m.peftType) == key) return m;
    std::string names;
    for (const auto& m : methodTable()) names += (names.empty() ? "" : ", ") + m.name;
    throw UsageError("unknown fine-tuning method '" + nameOrType + "' (known: " + names + ")");
}

std::unique_ptr<Adapter> createAdapter(const nlohmann::json& config, MethodContext& ctx) {
    std::string name;
    if (config.contains("method") && config["method"].is_string()) name = config["method"].get<std::string>();
    else if (config.contains("peft_type") && config["peft_type"].is_string()) name = config["peft_type"].get<std::string>();
    else throw UsageError("method config has no \"method\"");
    return findMethod(name).inject(config, ctx);
}

} // namespace tb::peft
