#pragma once
// Why this exists: reads what apply_chat_template needs from a tokenizer folder (or a
// tokenizer_config.json / .jinja file): the chat template and the special-token variables
// transformers passes to it (its special_tokens_map: bos/eos/unk/sep/pad/cls/mask tokens and
// additional_special_tokens, leaving out the unset ones).
#include <nlohmann/json.hpp>

#include <string>

namespace tb {

struct ChatTemplateConfig {
    std::string chatTemplate;
    nlohmann::json specialTokens = nlohmann::json::object();

    // dir with tokenizer_config.json, a tokenizer_config.json path, or a .jinja/.txt template file.
    static ChatTemplateConfig load(const std::string& path);   // throws TemplateError
    static ChatTemplateConfig fromTokenizerConfig(const nlohmann::json& config);
};

} // namespace tb
