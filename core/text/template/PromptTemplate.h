#pragma once
// Why this exists: a prompt template turns a row of named fields into a (prompt, completion)
// pair, FLAN style ({field} placeholders in two strings) or promptsource style (one Jinja text
// split at "|||"). Chat templates from tokenizer_config.json render here too, the way
// transformers' apply_chat_template does. No torch, no Qt.
//
// Usage:
//   1. PromptTemplate t = loadTemplate("dialogsum.summarise.3");   // or a .json file path
//   2. RenderedPair p = renderTemplate(t, row);                    // row: JSON object
//   3. On bad input a TemplateError names the template, line, column and the missing field.
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace tb {

struct PromptTemplate {
    std::string name, task;               // "dialogsum.summarise.3", "summarisation"
    std::string kind;                     // "flan" ({field} prompt + completion) or "jinja" (one text split at |||)
    std::string prompt, completion;       // flan
    std::string jinja;                    // jinja
    std::vector<std::string> answerChoices;   // classification tasks; may be empty
    static PromptTemplate fromJson(const nlohmann::json&);
    nlohmann::json toJson() const;
};

struct RenderedPair {
    std::string prompt, completion;
};

// A template could not be parsed or rendered; what() names the template, line, column and
// (for a missing field) the field and the fields the row has.
class TemplateError : public Error {
public:
    explicit TemplateError(const std::string& message) : Error(message) {}
};

RenderedPair renderTemplate(const PromptTemplate& t, const nlohmann::json& row);   // throws TemplateError
std::vector<std::string> templateFields(const PromptTemplate& t);   // field names it reads (for the UI)
const std::vector<PromptTemplate>& builtinTemplates();              // the library in resources/templates
PromptTemplate loadTemplate(const std::string& fileOrBuiltinName);  // a .json file or a builtin name

// Chat templates as transformers' apply_chat_template renders them (trim_blocks, lstrip_blocks,
// messages, add_generation_prompt, raise_exception and the special-token variables).
std::string renderChat(const std::string& chatTemplate, const nlohmann::json& messages,
                       bool addGenerationPrompt, const nlohmann::json& specialTokens /*bos_token, eos_token...*/);

} // namespace tb
