#include "text/template/JinjaRenderer.h"

#include "text/template/JinjaBuiltins.h"

#include <unordered_map>

namespace tb::jinja {
namespace {

using Scope = std::unordered_map<std::string, Value>;

class Renderer {
public:
    explicit Renderer(const RenderSettings& s) : s_(s) {}

    std::string run(const NodeList& body, const std::map<std::string, Value>& vars) {
        Scope top(vars.begin(), vars.end());
        scopes_.push_back(std::move(top));
        std::string out;
        out_ = &out;
        exec(body);
        return out;
    }

private:
    [[noreturn]] static void fail(const Node& n, const std::string& msg) { throw JinjaError(n.line, n.col, msg); }

    std::string fieldMessage(const std::string& field) const {
        std::string list;
        for (const auto& f : s_.fieldNames) list += (list.empty() ? "" : ", ") + f;
        return "the row has no field '" + field + "' (fields: " + (list.empty() ? "none" : list) + ")";
    }

    // Under strict row semantics a missing field fails where it is used, naming the field.
    const Value& strict(const Value& v) const {
        if (v.isUndefined() && s_.strictFields && !v.missingField.empty()) throw JinjaError(v.line, v.col, fieldMessage(v.missingField));
        return v;
    }
    void needDefined(const Value& v, const Node& at) const {
        strict(v);
        if (v.isUndefined()) fail(at, v.s);
    }

    void append(const std::string& text, const Node& at) {
        if (out_->size() + text.size() > s_.maxOutputBytes)
            fail(at, "the rendered output exceeds the limit of " + std::to_string(s_.maxOutputBytes) + " bytes");
        *out_ += text;
    }

    void exec(const NodeList& body) {
        for (const auto& n : body) execOne(*n);
    }

    void execOne(const Node& n) {
        switch (n.type) {
        case Node::Type::Data: append(n.str, n); return;
        case Node::Type::Output: {
            const Value v = eval(*n.a);
            strict(v);
            append(v.str(), n);
            return;
        }
        case Node::Type::If:
            for (const auto& [cond, body] : n.branches) {
                if (eval(*cond).truthy()) {
                    exec(body);
                    return;
                }
            }
            exec(n.elseBody);
            return;
        case Node::Type::For: execFor(n); return;
        case Node::Type::Set: {
            const Value v = eval(*n.a);
            if (n.negated) {
                Value target = lookup(n.targets[0], n);
                if (target.kind != Value::Kind::Namespace) fail(n, "cannot assign attribute on non-namespace object");
                target.dict->set(Value::string(n.targets[1]), v);
            } else {
                bind(n.targets, v, n);
            }
            return;
        }
        case Node::Type::SetBlock: scopes_.back()[n.targets[0]] = Value::string(capture(n.body)); return;
        case Node::Type::Macro: {
            Value m = Value::callable("__macro__");
            m.i = static_cast<int64_t>(macros_.size());
            macros_.push_back(&n);
            scopes_.back()[n.str] = m;
            return;
        }
        case Node::Type::FilterBlock: {
            const Value text = Value::string(capture(n.body));
            append(applyFilterChain(*n.a, text).str(), n);
            return;
        }
        default: fail(n, "internal error: expression used as a statement");
        }
    }

    std::string capture(const NodeList& body) {
        std::string buf;
        std::string* saved = out_;
        out_ = &buf;
        exec(body);
        out_ = saved;
        return buf;
    }

    Value applyFilterChain(const Node& f, const Value& input) {
        const Value base = f.a->type == Node::Type::Filter ? applyFilterChain(*f.a, input) : input;
        CallArgs args = evalArgs(f);
        try {
            return applyFilter(f.str, base, args);
        } catch (const JinjaError&) {
            throw;
        } catch (const std::runtime_error& e) {
            fail(f, e.what());
        }
    }

    void bind(const std::vector<std::string>& targets, const Value& v, const Node& at) {
        if (targets.size() == 1) {
            scopes_.back()[targets[0]] = v;
            return;
        }
        strict(v);
        ValueList items;
        try {
            items = iterate(v);
        } catch (const std::runtime_error& e) {
            fail(at, std::string("cannot unpack: ") + e.what());
        }
        if (items.size() < targets.size())
            fail(at, "not enough values to unpack (expected " + std::to_string(targets.size()) + ", got " + std::to_string(items.size()) + ")");
        if (items.size() > targets.size()) fail(at, "too many values to unpack (expected " + std::to_string(targets.size()) + ")");
        for (size_t k = 0; k < targets.size(); ++k) scopes_.back()[targets[k]] = items[k];
    }

    void execFor(const Node& n) {
        const Value seq = eval(*n.a);
        strict(seq);
        if (n.recursive) fail(n, "recursive loops are not supported");
        ValueList items;
        try {
            items = iterate(seq);
        } catch (const std::runtime_error& e) {
            fail(*n.a, e.what());
        }
        if (n.b) {
            ValueList kept;
            for (const auto& it : items) {
                scopes_.emplace_back();
                bind(n.targets, it, n);
                const bool keep = eval(*n.b).truthy();
                scopes_.pop_back();
                if (keep) kept.push_back(it);
            }
            items = std::move(kept);
        }
        if (items.empty()) {
            scopes_.emplace_back();
            exec(n.elseBody);
            scopes_.pop_back();
            return;
        }
        const auto len = static_cast<int64_t>(items.size());
        for (int64_t k = 0; k < len; ++k) {
            if (++iterations_ > s_.maxLoopIterations)
                fail(n, "loops ran more than " + std::to_string(s_.maxLoopIterations) + " iterations in total (the limit)");
            scopes_.emplace_back();
            bind(n.targets, items[static_cast<size_t>(k)], n);
            Value loop = Value::makeDict();
            auto& d = *loop.dict;
            d.set(Value::string("index"), Value::integer(k + 1));
            d.set(Value::string("index0"), Value::integer(k));
            d.set(Value::string("revindex"), Value::integer(len - k));
            d.set(Value::string("revindex0"), Value::integer(len - k - 1));
            d.set(Value::string("first"), Value::boolean(k == 0));
            d.set(Value::string("last"), Value::boolean(k == len - 1));
            d.set(Value::string("length"), Value::integer(len));
            d.set(Value::string("depth"), Value::integer(1));
            d.set(Value::string("depth0"), Value::integer(0));
            if (k > 0) d.set(Value::string("previtem"), items[static_cast<size_t>(k - 1)]);
            if (k + 1 < len) d.set(Value::string("nextitem"), items[static_cast<size_t>(k + 1)]);
            d.set(Value::string("cycle"), Value::callable("cycle", std::make_shared<Value>(Value::integer(k))));
            scopes_.back()["loop"] = loop;
            exec(n.body);
            scopes_.pop_back();
        }
    }

    Value lookup(const std::string& name, const Node& at) const {
        for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
            const auto f = it->find(name);
            if (f != it->end()) return f->second;
        }
        if (name == "range" || name == "namespace" || name == "dict" || (name == "raise_exception" && s_.raiseException))
            return Value::callable(name);
        Value u = Value::undefined("'" + name + "' is undefined", s_.strictFields ? name : std::string());
        u.line = at.line;
        u.col = at.col;
        return u;
    }

    CallArgs evalArgs(const Node& n) {
        CallArgs a;
        for (const auto& x : n.args) a.pos.push_back(eval(*x));
        for (const auto& [k, x] : n.kwargs) a.kw.emplace_back(k, eval(*x));
        return a;
    }

    Value eval(const Node& n) {
        try {
            return evalInner(n);
        } catch (const JinjaError&) {
            throw;
        } catch (const std::runtime_error& e) {
            fail(n, e.what());
        }
    }

    Value evalInner(const Node& n) {
        switch (n.type) {
        case Node::Type::Literal: return n.literal;
        case Node::Type::Name: return lookup(n.str, n);
        case Node::Type::ListLit: case Node::Type::TupleLit: {
            ValueList items;
            for (const auto& x : n.args) items.push_back(eval(*x));
            return Value::makeList(std::move(items), n.type == Node::Type::TupleLit);
        }
        case Node::Type::DictLit: {
            Value d = Value::makeDict();
            for (size_t k = 0; k + 1 < n.args.size(); k += 2) d.dict->set(eval(*n.args[k]), eval(*n.args[k + 1]));
            return d;
        }
        case Node::Type::Attr: {
            const Value obj = eval(*n.a);
            needDefined(obj, n);
            return getAttr(obj, n.str);
        }
        case Node::Type::Item: {
            const Value obj = eval(*n.a);
            needDefined(obj, n);
            return getItem(obj, strict(eval(*n.b)));
        }
        case Node::Type::Slice: {
            const Value obj = eval(*n.a);
            needDefined(obj, n);
            return sliceValue(obj, n.b ? strict(eval(*n.b)) : Value(), n.c ? strict(eval(*n.c)) : Value(), n.d ? strict(eval(*n.d)) : Value());
        }
        case Node::Type::Call: return evalCall(n);
        case Node::Type::Filter: {
            const Value in = eval(*n.a);
            if (n.str != "default" && n.str != "d") strict(in);
            return applyFilter(n.str, in, evalArgs(n));
        }
        case Node::Type::Test: {
            const Value in = eval(*n.a);
            const bool r = applyTest(n.str, in, evalArgs(n));
            return Value::boolean(n.negated ? !r : r);
        }
        case Node::Type::Neg: case Node::Type::Pos: {
            const Value v = eval(*n.a);
            needDefined(v, n);
            if (v.kind == Value::Kind::Float) return Value::number(n.type == Node::Type::Neg ? -v.f : v.f);
            if (v.isInteger()) return Value::integer(n.type == Node::Type::Neg ? -v.asInt() : v.asInt());
            fail(n, std::string("bad operand type for unary ") + (n.type == Node::Type::Neg ? "-" : "+") + ": '" + v.typeName() + "'");
        }
        case Node::Type::Not: return Value::boolean(!eval(*n.a).truthy());
        case Node::Type::And: {
            Value l = eval(*n.a);
            return l.truthy() ? eval(*n.b) : l;
        }
        case Node::Type::Or: {
            Value l = eval(*n.a);
            return l.truthy() ? l : eval(*n.b);
        }
        case Node::Type::CondExpr:
            if (eval(*n.c).truthy()) return eval(*n.a);
            if (n.b) return eval(*n.b);
            return Value::undefined("the inline if-expression on line " + std::to_string(n.line) + " evaluated to false and no else section was defined.");
        case Node::Type::Binary: {
            const Value l = eval(*n.a);
            const Value r = eval(*n.b);
            strict(l);
            strict(r);
            return binaryOp(n.str, l, r, s_.maxOutputBytes);
        }
        case Node::Type::Compare: {
            Value left = strict(eval(*n.args[0]));
            for (size_t k = 0; k < n.ops.size(); ++k) {
                Value right = strict(eval(*n.args[k + 1]));
                if (!compare(n.ops[k], left, right)) return Value::boolean(false);
                left = std::move(right);
            }
            return Value::boolean(true);
        }
        default: fail(n, "internal error: statement used as an expression");
        }
    }

    static bool compare(const std::string& op, const Value& a, const Value& b) {
        if (op == "==") return valuesEqual(a, b);
        if (op == "!=") return !valuesEqual(a, b);
        if (op == "in") return containsOp(b, a);
        if (op == "notin") return !containsOp(b, a);
        if (a.isUndefined()) throw std::runtime_error(a.s);
        if (b.isUndefined()) throw std::runtime_error(b.s);
        const int c = compareValues(a, b, op.c_str());
        if (op == "<") return c < 0;
        if (op == "<=") return c <= 0;
        if (op == ">") return c > 0;
        return c >= 0;
    }

    Value evalCall(const Node& n) {
        const Value fn = eval(*n.a);
        needDefined(fn, n);
        if (fn.kind != Value::Kind::Callable) fail(n, "'" + fn.typeName() + "' object is not callable");
        CallArgs args = evalArgs(n);
        if (fn.self) {
            if (fn.s == "cycle" && fn.self->kind == Value::Kind::Int) {
                if (args.pos.empty()) fail(n, "no items for cycling given");
                return args.pos[static_cast<size_t>(fn.self->i) % args.pos.size()];
            }
            return callMethod(*fn.self, fn.s, args);
        }
        if (fn.s == "range") {
            int64_t start = 0, stop = 0, step = 1;
            for (const auto& v : args.pos)
                if (!v.isInteger()) fail(n, "'" + v.typeName() + "' object cannot be interpreted as an integer");
            if (args.pos.size() == 1) stop = args.pos[0].asInt();
            else if (args.pos.size() >= 2) { start = args.pos[0].asInt(); stop = args.pos[1].asInt(); }
            if (args.pos.size() == 3) step = args.pos[2].asInt();
            if (args.pos.empty() || args.pos.size() > 3) fail(n, "range expected 1 to 3 integer arguments");
            if (step == 0) fail(n, "range() arg 3 must not be zero");
            const int64_t count = step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0) : (start > stop ? (start - stop - step - 1) / -step : 0);
            if (count > s_.maxRangeItems)
                fail(n, "range() would produce " + std::to_string(count) + " items; the limit is " + std::to_string(s_.maxRangeItems));
            ValueList items;
            for (int64_t k = 0; k < count; ++k) items.push_back(Value::integer(start + k * step));
            return Value::makeList(std::move(items));
        }
        if (fn.s == "namespace" || fn.s == "dict") {
            Value d = fn.s == "dict" ? Value::makeDict() : Value::makeNamespace();
            for (const auto& p : args.pos)
                if (p.kind == Value::Kind::Dict)
                    for (const auto& [k, v] : p.dict->items) d.dict->set(k, v);
            for (const auto& [k, v] : args.kw) d.dict->set(Value::string(k), v);
            return d;
        }
        if (fn.s == "raise_exception") fail(n, args.pos.empty() ? std::string("raise_exception() called") : args.pos[0].str());
        if (fn.s == "__macro__") return callMacro(*macros_[static_cast<size_t>(fn.i)], args, n);
        fail(n, "'" + fn.s + "' is not callable");
    }

    Value callMacro(const Node& m, const CallArgs& args, const Node& at) {
        if (callDepth_ >= s_.maxCallDepth) fail(at, "macro calls nest deeper than " + std::to_string(s_.maxCallDepth) + " (the limit)");
        if (args.pos.size() > m.targets.size())
            fail(at, "macro '" + m.str + "' takes not more than " + std::to_string(m.targets.size()) + " argument(s)");
        std::vector<Scope> saved = std::move(scopes_);
        scopes_.clear();
        scopes_.push_back(saved.front());
        scopes_.emplace_back();
        for (const auto& [k, v] : args.kw)
            if (std::find(m.targets.begin(), m.targets.end(), k) == m.targets.end()) {
                scopes_ = std::move(saved);
                fail(at, "macro '" + m.str + "' takes no keyword argument '" + k + "'");
            }
        for (size_t k = 0; k < m.targets.size(); ++k) {
            const Value* given = args.get(k, m.targets[k]);
            if (given) scopes_.back()[m.targets[k]] = *given;
            else if (m.args[k]) scopes_.back()[m.targets[k]] = eval(*m.args[k]);
            else scopes_.back()[m.targets[k]] = Value::undefined("parameter '" + m.targets[k] + "' was not provided");
        }
        ++callDepth_;
        std::string text = capture(m.body);
        --callDepth_;
        scopes_ = std::move(saved);
        return Value::string(std::move(text));
    }

    const RenderSettings& s_;
    std::vector<Scope> scopes_;
    std::string* out_ = nullptr;
    int64_t iterations_ = 0;
    int callDepth_ = 0;
    std::vector<const Node*> macros_;
};

} // namespace

std::string renderNodes(const NodeList& body, const std::map<std::string, Value>& vars, const RenderSettings& settings) {
    return Renderer(settings).run(body, vars);
}

} // namespace tb::jinja
