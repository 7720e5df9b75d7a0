#include "text/template/ChatTemplateConfig.h"

#include "text/template/PromptTemplate.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace tb {
namespace {

std::string readText(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw TemplateError("cannot open '" + p.string() + "'");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Tokens are spelled as strings or as AddedToken objects {"content": ...}.
nlohmann::json tokenText(const nlohmann::json& v) {
    if (v.is_string()) return v;
    if (v.is_object() && v.contains("content") && v["content"].is_string()) return v["content"];
    return nullptr;
}

} // namespace

ChatTemplateConfig ChatTemplateConfig::fromTokenizerConfig(const nlohmann::json& config) {
    ChatTemplateConfig c;
    if (config.contains("chat_template")) {
        const auto& t = config["chat_template"];
        if (t.is_string()) {
            c.chatTemplate = t.get<std::string>();
        } else if (t.is_array()) {   // named templates: use "default"
            for (const auto& e : t)
                if (e.value("name", "") == "default") c.chatTemplate = e.value("template", "");
        }
    }
    for (const char* key : {"bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token"}) {
        if (!config.contains(key)) continue;
        const auto text = tokenText(config[key]);
        if (text.is_string() && !text.get<std::string>().empty()) c.specialTokens[key] = text;
    }
    if (config.contains("additional_special_tokens") && config["additional_special_tokens"].is_array()) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& t : config["additional_special_tokens"]) {
            const auto text = tokenText(t);
            if (text.is_string()) list.push_back(text);
        }
        if (!list.empty()) c.specialTokens["additional_special_tokens"] = list;
    }
    return c;
}

ChatTemplateConfig ChatTemplateConfig::load(const std::string& path) {
    namespace fs = std::filesystem;
    const fs::path p(path);
    std::error_code ec;
    fs::path configPath;
    if (fs::is_directory(p, ec)) {
        configPath = p / "tokenizer_config.json";
        if (!fs::exists(configPath, ec)) throw TemplateError("'" + path + "' has no tokenizer_config.json");
    } else if (p.extension() == ".json") {
        configPath = p;
    } else {
        ChatTemplateConfig c;
        c.chatTemplate = readText(p);
        return c;
    }
    auto config = nlohmann::json::parse(readText(configPath), nullptr, false);
    if (config.is_discarded() || !config.is_object()) throw TemplateError("'" + configPath.string() + "' is not a JSON object");
    ChatTemplateConfig c = fromTokenizerConfig(config);
    const fs::path special = configPath.parent_path() / "special_tokens_map.json";
    if (fs::exists(special, ec)) {
        auto map = nlohmann::json::parse(readText(special), nullptr, false);
        if (map.is_object()) {
            const ChatTemplateConfig extra = fromTokenizerConfig(map);
            for (auto it = extra.specialTokens.begin(); it != extra.specialTokens.end(); ++it)
                if (!c.specialTokens.contains(it.key())) c.specialTokens[it.key()] = it.value();
        }
    }
    const fs::path jinjaFile = configPath.parent_path() / "chat_template.jinja";
    if (c.chatTemplate.empty() && fs::exists(jinjaFile, ec)) c.chatTemplate = readText(jinjaFile);
    if (c.chatTemplate.empty()) throw TemplateError("'" + configPath.string() + "' has no chat_template");
    return c;
}

} // namespace tb
