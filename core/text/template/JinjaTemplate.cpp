#include "text/template/JinjaTemplate.h"

#include "text/template/JinjaBuiltins.h"
#include "text/template/JinjaLexer.h"
#include "text/template/JinjaParser.h"
#include "text/template/PromptTemplate.h"

#include <algorithm>
#include <functional>
#include <set>

namespace tb::jinja {
namespace {

std::string where(const std::string& name, int line, int col) {
    return "template '" + name + "' line " + std::to_string(line) + " column " + std::to_string(col) + ": ";
}

void walk(const NodeList& nodes, const std::function<void(const Node&)>& fn);

void walkOne(const Node& n, const std::function<void(const Node&)>& fn) {
    fn(n);
    for (const NodePtr* p : {&n.a, &n.b, &n.c, &n.d})
        if (*p) walkOne(**p, fn);
    for (const auto& x : n.args)
        if (x) walkOne(*x, fn);
    for (const auto& kv : n.kwargs) walkOne(*kv.second, fn);
    for (const auto& br : n.branches) {
        walkOne(*br.first, fn);
        walk(br.second, fn);
    }
    walk(n.body, fn);
    walk(n.elseBody, fn);
}

void walk(const NodeList& nodes, const std::function<void(const Node&)>& fn) {
    for (const auto& n : nodes) walkOne(*n, fn);
}

} // namespace

JinjaTemplate::JinjaTemplate(std::string name, const std::string& source, const Options& options) : name_(std::move(name)) {
    try {
        body_ = parseTemplate(tokenize(source, options));
        walk(body_, [](const Node& n) {
            if ((n.type == Node::Type::Filter) && !isKnownFilter(n.str)) throw JinjaError(n.line, n.col, "unknown filter '" + n.str + "'");
            if (n.type == Node::Type::Test && !isKnownTest(n.str)) throw JinjaError(n.line, n.col, "unknown test '" + n.str + "'");
        });
    } catch (const JinjaError& e) {
        throw TemplateError(where(name_, e.line, e.col) + e.what());
    }
}

std::string JinjaTemplate::render(const std::map<std::string, Value>& vars, const RenderSettings& settings) const {
    try {
        return renderNodes(body_, vars, settings);
    } catch (const JinjaError& e) {
        throw TemplateError(where(name_, e.line, e.col) + e.what());
    }
}

std::string JinjaTemplate::render(const nlohmann::json& vars, const RenderSettings& settings) const {
    std::map<std::string, Value> m;
    if (vars.is_object())
        for (auto it = vars.begin(); it != vars.end(); ++it) m[it.key()] = Value::fromJson(it.value());
    return render(m, settings);
}

std::vector<std::string> JinjaTemplate::freeNames() const {
    std::set<std::string> assigned = {"range", "namespace", "dict", "raise_exception", "loop", "answer_choices"};
    walk(body_, [&](const Node& n) {
        if (n.type == Node::Type::For || n.type == Node::Type::SetBlock || (n.type == Node::Type::Set && !n.negated))
            assigned.insert(n.targets.begin(), n.targets.end());
        if (n.type == Node::Type::Macro) {
            assigned.insert(n.str);
            assigned.insert(n.targets.begin(), n.targets.end());
        }
    });
    std::vector<std::string> out;
    walk(body_, [&](const Node& n) {
        if (n.type == Node::Type::Name && !assigned.count(n.str) && std::find(out.begin(), out.end(), n.str) == out.end())
            out.push_back(n.str);
    });
    return out;
}

} // namespace tb::jinja
