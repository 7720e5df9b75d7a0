#pragma once
// Why this exists: one compiled Jinja template (our own engine, a jinja2 subset with jinja2's
// output byte for byte). Compiling checks syntax and filter/test names; rendering is bounded.
// Errors are tb::TemplateError naming the template, line and column.
#include "text/template/JinjaAst.h"
#include "text/template/JinjaRenderer.h"

#include <map>
#include <string>
#include <vector>

namespace tb::jinja {

class JinjaTemplate {
public:
    JinjaTemplate(std::string name, const std::string& source, const Options& options = {});   // throws TemplateError
    std::string render(const std::map<std::string, Value>& vars, const RenderSettings& settings = {}) const;
    std::string render(const nlohmann::json& vars, const RenderSettings& settings = {}) const;  // vars: a JSON object
    // Names the template reads that it does not define itself (row fields, for the UI).
    std::vector<std::string> freeNames() const;
    const std::string& name() const { return name_; }

private:
    std::string name_;
    NodeList body_;
};

} // namespace tb::jinja
