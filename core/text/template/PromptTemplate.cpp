#include "text/template/PromptTemplate.h"

#include "text/template/BuiltinTemplateData.h"
#include "text/template/JinjaBuiltins.h"
#include "text/template/JinjaTemplate.h"

#include <algorithm>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>

namespace tb {
namespace {

// promptsource protects "|||" inside the data while splitting; so do we.
const std::string kPipeSentinel = "\x02" "TB_PIPE" "\x03";

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    for (size_t k = s.find(from); k != std::string::npos; k = s.find(from, k + to.size())) s.replace(k, from.size(), to);
    return s;
}

// Compiled templates are reused across rows (per thread, so no locking; bounded).
const jinja::JinjaTemplate& compiled(const std::string& name, const std::string& source, const jinja::Options& opt) {
    thread_local std::map<std::string, std::unique_ptr<jinja::JinjaTemplate>> cache;
    const std::string key = name + '\x00' + (opt.trimBlocks ? "t" : "-") + (opt.lstripBlocks ? "l" : "-") + '\x00' + source;
    auto it = cache.find(key);
    if (it != cache.end()) return *it->second;
    if (cache.size() >= 256) cache.clear();
    auto t = std::make_unique<jinja::JinjaTemplate>(name, source, opt);
    return *cache.emplace(key, std::move(t)).first->second;
}

std::vector<std::string> rowFields(const nlohmann::json& row) {
    std::vector<std::string> out;
    for (auto it = row.begin(); it != row.end(); ++it) out.push_back(it.key());
    return out;
}

std::string fieldList(const nlohmann::json& row) {
    std::string s;
    for (const auto& f : rowFields(row)) s += (s.empty() ? "" : ", ") + f;
    return s.empty() ? "none" : s;
}

std::vector<std::string> splitChoices(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        const size_t k = s.find("|||", start);
        out.push_back(jinja::pyStrip(s.substr(start, k == std::string::npos ? std::string::npos : k - start), nullptr, true, true));
        if (k == std::string::npos) return out;
        start = k + 3;
    }
}

// FLAN style: "{field}" placeholders, "{{" and "}}" for literal braces (Python's str.format).
std::string renderFlan(const PromptTemplate& t, const std::string& text, const char* part,
                       const nlohmann::json& row, const std::vector<std::string>& choices, std::vector<std::string>* fields) {
    std::string out;
    int line = 1, col = 1;
    auto where = [&](int l, int c) {
        return "template '" + t.name + "' " + part + " line " + std::to_string(l) + " column " + std::to_string(c) + ": ";
    };
    for (size_t k = 0; k < text.size(); ++k) {
        const char ch = text[k];
        if (ch == '{' && k + 1 < text.size() && text[k + 1] == '{') {
            out += '{';
            ++k;
            col += 2;
            continue;
        }
        if (ch == '}' && k + 1 < text.size() && text[k + 1] == '}') {
            out += '}';
            ++k;
            col += 2;
            continue;
        }
        if (ch == '}') throw TemplateError(where(line, col) + "single '}' (write '}}' for a literal brace)");
        if (ch == '{') {
            const size_t end = text.find('}', k);
            if (end == std::string::npos) throw TemplateError(where(line, col) + "'{' is not closed (write '{{' for a literal brace)");
            const std::string name = text.substr(k + 1, end - k - 1);
            if (name.empty() || name.find_first_of("{!:[.") != std::string::npos || std::isdigit(static_cast<unsigned char>(name[0])))
                throw TemplateError(where(line, col) + "'{" + name + "}' is not a field placeholder (use {field_name}; '{{' for a literal brace)");
            if (fields) {
                if (std::find(fields->begin(), fields->end(), name) == fields->end()) fields->push_back(name);
            } else if (row.is_object() && row.contains(name)) {
                out += jinja::Value::fromJson(row.at(name)).str();
            } else if (name == "options" && !choices.empty()) {
                for (size_t c = 0; c < choices.size(); ++c) out += (c ? "\n- " : "- ") + choices[c];
            } else {
                throw TemplateError(where(line, col + 1) + "the row has no field '" + name + "' (fields: " + fieldList(row) + ")");
            }
            col += static_cast<int>(jinja::codePointLength(text.substr(k, end - k + 1)));
            k = end;
            continue;
        }
        out += ch;
        if (ch == '\n') { ++line; col = 1; }
        else if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++col;
    }
    return out;
}

std::vector<std::string> renderChoices(const PromptTemplate& t, const nlohmann::json& row, const jinja::RenderSettings& settings) {
    std::vector<std::string> out;
    for (const auto& c : t.answerChoices) {
        if (c.find("{{") == std::string::npos && c.find("{%") == std::string::npos) {
            out.push_back(c);
            continue;
        }
        out.push_back(jinja::pyStrip(compiled(t.name + " answer_choices", c, {}).render(row, settings), nullptr, true, true));
    }
    return out;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw TemplateError("cannot open template file '" + path + "'");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A library file holds {"task", "answer_choices"?, "templates": [...]}; a template file holds one template.
std::vector<PromptTemplate> templatesFromDocument(const nlohmann::json& doc, const std::string& origin) {
    std::vector<PromptTemplate> out;
    try {
        if (doc.is_object() && doc.contains("templates")) {
            for (const auto& item : doc.at("templates")) {
                nlohmann::json merged = item;
                if (!merged.contains("task") && doc.contains("task")) merged["task"] = doc["task"];
                if (!merged.contains("answer_choices") && doc.contains("answer_choices")) merged["answer_choices"] = doc["answer_choices"];
                out.push_back(PromptTemplate::fromJson(merged));
            }
        } else {
            out.push_back(PromptTemplate::fromJson(doc));
        }
    } catch (const TemplateError&) {
        throw;
    } catch (const std::exception& e) {
        throw TemplateError(origin + ": " + e.what());
    }
    return out;
}

} // namespace

PromptTemplate PromptTemplate::fromJson(const nlohmann::json& j) {
    if (!j.is_object()) throw TemplateError("a template must be a JSON object");
    PromptTemplate t;
    t.name = j.value("name", std::string());
    t.task = j.value("task", std::string());
    t.kind = j.value("kind", std::string(j.contains("jinja") ? "jinja" : "flan"));
    t.prompt = j.value("prompt", std::string());
    t.completion = j.value("completion", std::string());
    t.jinja = j.value("jinja", std::string());
    if (j.contains("answer_choices")) {
        const auto& a = j.at("answer_choices");
        if (a.is_string()) t.answerChoices = splitChoices(a.get<std::string>());
        else if (a.is_array()) for (const auto& c : a) t.answerChoices.push_back(c.get<std::string>());
        else if (!a.is_null()) throw TemplateError("template '" + t.name + "': answer_choices must be a list or a \"a ||| b\" string");
    }
    if (t.kind != "flan" && t.kind != "jinja") throw TemplateError("template '" + t.name + "': kind must be \"flan\" or \"jinja\", not \"" + t.kind + "\"");
    if (t.kind == "flan" && t.prompt.empty()) throw TemplateError("template '" + t.name + "': a flan template needs a \"prompt\"");
    if (t.kind == "jinja" && t.jinja.empty()) throw TemplateError("template '" + t.name + "': a jinja template needs a \"jinja\" text");
    return t;
}

nlohmann::json PromptTemplate::toJson() const {
    nlohmann::json j;
    j["name"] = name;
    j["task"] = task;
    j["kind"] = kind;
    if (kind == "flan") {
        j["prompt"] = prompt;
        j["completion"] = completion;
    } else {
        j["jinja"] = jinja;
    }
    if (!answerChoices.empty()) j["answer_choices"] = answerChoices;
    return j;
}

RenderedPair renderTemplate(const PromptTemplate& t, const nlohmann::json& row) {
    if (!row.is_object()) throw TemplateError("template '" + t.name + "': a row must be a JSON object of fields, got " + std::string(row.type_name()));
    jinja::RenderSettings settings;
    settings.strictFields = true;
    settings.fieldNames = rowFields(row);
    const std::vector<std::string> choices = renderChoices(t, row, settings);
    if (t.kind == "flan") return {renderFlan(t, t.prompt, "prompt", row, choices, nullptr), renderFlan(t, t.completion, "completion", row, choices, nullptr)};

    std::map<std::string, jinja::Value> vars;
    for (auto it = row.begin(); it != row.end(); ++it) {
        jinja::Value v = jinja::Value::fromJson(it.value());
        if (v.isString()) v.s = replaceAll(v.s, "|||", kPipeSentinel);
        vars[it.key()] = v;
    }
    jinja::ValueList cv;
    for (const auto& c : choices) cv.push_back(jinja::Value::string(c));
    if (!vars.count("answer_choices")) vars["answer_choices"] = jinja::Value::makeList(cv);
    const std::string text = compiled(t.name, t.jinja, {}).render(vars, settings);
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        const size_t k = text.find("|||", start);
        parts.push_back(jinja::pyStrip(replaceAll(text.substr(start, k == std::string::npos ? std::string::npos : k - start), kPipeSentinel, "|||"), nullptr, true, true));
        if (k == std::string::npos) break;
        start = k + 3;
    }
    if (parts.size() > 2)
        throw TemplateError("template '" + t.name + "': the rendered text has " + std::to_string(parts.size()) +
                            " parts separated by '|||'; expected a prompt and at most one completion");
    return {parts[0], parts.size() > 1 ? parts[1] : std::string()};
}

std::vector<std::string> templateFields(const PromptTemplate& t) {
    std::vector<std::string> fields;
    if (t.kind == "flan") {
        renderFlan(t, t.prompt, "prompt", nlohmann::json::object(), {}, &fields);
        renderFlan(t, t.completion, "completion", nlohmann::json::object(), {}, &fields);
        fields.erase(std::remove(fields.begin(), fields.end(), std::string("options")), fields.end());
        return fields;
    }
    return jinja::JinjaTemplate(t.name, t.jinja).freeNames();
}

const std::vector<PromptTemplate>& builtinTemplates() {
    static const std::vector<PromptTemplate> all = [] {
        std::vector<PromptTemplate> out;
        for (const auto& f : detail::builtinTemplateFiles()) {
            const std::string text(reinterpret_cast<const char*>(f.data), f.size);
            auto doc = nlohmann::json::parse(text, nullptr, false);
            if (doc.is_discarded()) throw TemplateError(std::string("built-in template file '") + f.name + "' is not valid JSON");
            for (auto& t : templatesFromDocument(doc, f.name)) out.push_back(std::move(t));
        }
        return out;
    }();
    return all;
}

PromptTemplate loadTemplate(const std::string& fileOrBuiltinName) {
    for (const auto& t : builtinTemplates())
        if (t.name == fileOrBuiltinName) return t;
    std::string path = fileOrBuiltinName, pick;
    const size_t hash = path.rfind('#');
    if (hash != std::string::npos && !std::ifstream(path).good()) {
        pick = path.substr(hash + 1);
        path = path.substr(0, hash);
    }
    if (!std::ifstream(path).good())
        throw TemplateError("'" + fileOrBuiltinName + "' is neither a template file nor a built-in template name (see `tunebench render --list`)");
    auto doc = nlohmann::json::parse(readFile(path), nullptr, false);
    if (doc.is_discarded()) throw TemplateError("template file '" + path + "' is not valid JSON");
    std::vector<PromptTemplate> all = templatesFromDocument(doc, path);
    if (!pick.empty()) {
        for (auto& t : all)
            if (t.name == pick) return t;
        throw TemplateError("template file '" + path + "' has no template named '" + pick + "'");
    }
    if (all.size() != 1) {
        std::string names;
        for (const auto& t : all) names += (names.empty() ? "" : ", ") + t.name;
        throw TemplateError("template file '" + path + "' holds " + std::to_string(all.size()) + " templates (" + names +
                            "); pick one with FILE#NAME");
    }
    if (all[0].name.empty()) all[0].name = path;
    return all[0];
}

std::string renderChat(const std::string& chatTemplate, const nlohmann::json& messages, bool addGenerationPrompt,
                       const nlohmann::json& specialTokens) {
    if (chatTemplate.empty()) throw TemplateError("this tokenizer has no chat_template");
    jinja::Options opt;
    opt.trimBlocks = true;
    opt.lstripBlocks = true;
    const jinja::JinjaTemplate& t = compiled("chat_template", chatTemplate, opt);
    std::map<std::string, jinja::Value> vars;
    if (specialTokens.is_object())
        for (auto it = specialTokens.begin(); it != specialTokens.end(); ++it) vars[it.key()] = jinja::Value::fromJson(it.value());
    vars["messages"] = jinja::Value::fromJson(messages);
    vars["add_generation_prompt"] = jinja::Value::boolean(addGenerationPrompt);
    jinja::RenderSettings settings;
    settings.raiseException = true;
    return t.render(vars, settings);
}

} // namespace tb
