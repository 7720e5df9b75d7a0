// jinja2's built-in filters and tests, and Python's binary operators, for the Jinja engine.
#include "text/template/JinjaBuiltins.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace tb::jinja {
namespace {

[[noreturn]] void fail(const std::string& msg) { throw std::runtime_error(msg); }

const std::vector<std::string>& filterNames() {
    static const std::vector<std::string> f = {
        "abs", "attr", "capitalize", "count", "d", "default", "dictsort", "e", "escape", "first", "float", "indent",
        "int", "items", "join", "last", "length", "list", "lower", "map", "max", "min", "reject", "rejectattr",
        "replace", "reverse", "round", "safe", "select", "selectattr", "sort", "string", "sum", "title", "tojson",
        "trim", "unique", "upper", "wordcount"};
    return f;
}
const std::vector<std::string>& testNames() {
    static const std::vector<std::string> t = {
        "boolean", "callable", "defined", "divisibleby", "eq", "equalto", "==", "even", "false", "float", "ge", ">=",
        "gt", ">", "greaterthan", "in", "integer", "iterable", "le", "<=", "lower", "lt", "<", "lessthan", "mapping",
        "ne", "!=", "none", "number", "odd", "sameas", "sequence", "string", "true", "undefined", "upper"};
    return t;
}

void needDefined(const Value& v) {
    if (v.isUndefined()) fail(v.s);
}

// Follows "a.b.0" through getItem, as jinja2's make_attrgetter does.
Value attrPath(const Value& item, const std::string& path) {
    Value cur = item;
    size_t start = 0;
    while (true) {
        const size_t dot = path.find('.', start);
        const std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        const bool numeric = !part.empty() && std::all_of(part.begin(), part.end(), ::isdigit);
        cur = getItem(cur, numeric ? Value::integer(std::atoll(part.c_str())) : Value::string(part));
        if (dot == std::string::npos) return cur;
        start = dot + 1;
    }
}

Value sortKey(const Value& v, bool caseSensitive) {
    if (!caseSensitive && v.isString()) return Value::string(pyLower(v.s));
    return v;
}

double roundHalfEven(double x, int digits) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*f", std::max(0, digits), x);
    return std::strtod(buf, nullptr);
}

std::string htmlEscape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&#34;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

ValueList selectItems(const Value& in, const CallArgs& a, bool byAttr, bool keep) {
    ValueList out;
    size_t next = 0;
    std::string attr;
    if (byAttr) {
        const Value* at = a.get(next++, "attribute");
        if (!at || !at->isString()) fail("selectattr/rejectattr need an attribute name");
        attr = at->s;
    }
    const Value* testV = a.get(next++, "test");
    CallArgs testArgs;
    for (size_t k = next; k < a.pos.size(); ++k) testArgs.pos.push_back(a.pos[k]);
    for (const auto& v : iterate(in)) {
        const Value x = byAttr ? attrPath(v, attr) : v;
        bool ok;
        if (!testV) ok = x.truthy();
        else {
            if (!testV->isString() || !isKnownTest(testV->s)) fail("no test named " + testV->repr());
            ok = applyTest(testV->s, x, testArgs);
        }
        if (ok == keep) out.push_back(v);
    }
    return out;
}

} // namespace

bool isKnownFilter(const std::string& name) { return std::find(filterNames().begin(), filterNames().end(), name) != filterNames().end(); }
bool isKnownTest(const std::string& name) { return std::find(testNames().begin(), testNames().end(), name) != testNames().end(); }

Value applyFilter(const std::string& name, const Value& in, const CallArgs& a) {
    if (name == "default" || name == "d") {
        const Value* boolean = a.get(1, "boolean");
        const bool useFalsy = boolean && boolean->truthy();
        if (in.isUndefined() || (useFalsy && !in.truthy())) {
            const Value* dv = a.get(0, "default_value");
            return dv ? *dv : Value::string("");
        }
        return in;
    }
    if (name == "length" || name == "count") return Value::integer(pyLen(in));
    if (name == "string") return Value::string(in.str());
    if (name == "lower") return Value::string(pyLower(in.str()));
    if (name == "upper") return Value::string(pyUpper(in.str()));
    if (name == "trim") return Value::string(pyStrip(in.str(), a.get(0, "chars"), true, true));
    if (name == "capitalize") return callMethod(Value::string(in.str()), "capitalize", {});
    if (name == "title") {
        auto cps = toCodePoints(in.str());
        bool atStart = true;
        for (auto& c : cps) {
            const bool sep = isPySpace(c) || c == '-' || c == '(' || c == '{' || c == '[' || c == '<';
            const std::string one = fromCodePoints({c}, 0, 1);
            const auto mapped = toCodePoints(atStart ? pyUpper(one) : pyLower(one));
            if (mapped.size() == 1) c = mapped[0];
            atStart = sep;
        }
        return Value::string(fromCodePoints(cps, 0, cps.size()));
    }
    if (name == "replace") {
        CallArgs m;
        m.pos = {a.get(0, "old") ? *a.get(0, "old") : Value(), a.get(1, "new") ? *a.get(1, "new") : Value()};
        for (auto& v : m.pos) v = v.isUndefined() ? v : Value::string(v.str());
        if (const Value* c = a.get(2, "count")) m.pos.push_back(*c);
        return callMethod(Value::string(in.str()), "replace", m);
    }
    if (name == "join") {
        const Value* sep = a.get(0, "d");
        const Value* attr = a.get(1, "attribute");
        std::string out;
        bool first = true;
        for (const auto& v : iterate(in)) {
            if (!first) out += sep ? sep->str() : "";
            out += (attr ? attrPath(v, attr->str()) : v).str();
            first = false;
        }
        return Value::string(out);
    }
    if (name == "first" || name == "last") {
        const ValueList items = iterate(in);
        if (items.empty()) return Value::undefined(name == "first" ? "No first item, sequence was empty." : "No last item, sequence was empty.");
        return name == "first" ? items.front() : items.back();
    }
    if (name == "list") return Value::makeList(iterate(in));
    if (name == "reverse") {
        if (in.isString()) {
            auto cps = toCodePoints(in.s);
            std::reverse(cps.begin(), cps.end());
            return Value::string(fromCodePoints(cps, 0, cps.size()));
        }
        ValueList items = iterate(in);
        std::reverse(items.begin(), items.end());
        return Value::makeList(items);
    }
    if (name == "int") {
        const Value* dflt = a.get(0, "default");
        const Value fallback = dflt ? *dflt : Value::integer(0);
        needDefined(in);
        if (in.isInteger()) return Value::integer(in.asInt());
        if (in.kind == Value::Kind::Float) return Value::integer(static_cast<int64_t>(in.f));
        if (in.isString()) {
            const std::string t = pyStrip(in.s, nullptr, true, true);
            char* end = nullptr;
            errno = 0;
            const long long v = std::strtoll(t.c_str(), &end, 10);
            if (!t.empty() && end && *end == '\0' && errno == 0) return Value::integer(v);
            const double d = std::strtod(t.c_str(), &end);
            if (!t.empty() && end && *end == '\0' && std::isfinite(d)) return Value::integer(static_cast<int64_t>(d));
        }
        return fallback;
    }
    if (name == "float") {
        const Value* dflt = a.get(0, "default");
        needDefined(in);
        if (in.isNumber()) return Value::number(in.asDouble());
        if (in.isString()) {
            const std::string t = pyStrip(in.s, nullptr, true, true);
            char* end = nullptr;
            const double d = std::strtod(t.c_str(), &end);
            if (!t.empty() && end && *end == '\0') return Value::number(d);
        }
        return dflt ? *dflt : Value::number(0.0);
    }
    if (name == "abs") {
        if (in.kind == Value::Kind::Float) return Value::number(std::fabs(in.f));
        if (in.isInteger()) return Value::integer(std::llabs(in.asInt()));
        fail("bad operand type for abs(): '" + in.typeName() + "'");
    }
    if (name == "round") {
        const Value* p = a.get(0, "precision");
        const Value* m = a.get(1, "method");
        const int prec = p ? static_cast<int>(p->asInt()) : 0;
        const std::string method = m ? m->str() : "common";
        if (!in.isNumber()) fail("round() needs a number, not " + in.typeName());
        const double x = in.asDouble(), scale = std::pow(10.0, prec);
        if (method == "common") {
            if (in.isInteger()) return Value::integer(in.asInt());
            return Value::number(roundHalfEven(x, prec));
        }
        if (method == "ceil") return Value::number(std::ceil(x * scale) / scale);
        if (method == "floor") return Value::number(std::floor(x * scale) / scale);
        fail("method must be common, ceil or floor");
    }
    if (name == "tojson") {
        const Value* ind = a.get(0, "indent");
        return Value::string(jinjaToJson(in, ind && !ind->isNone() ? static_cast<int>(ind->asInt()) : -1));
    }
    if (name == "items") {
        if (in.isUndefined()) return Value::makeList({});
        if (in.kind != Value::Kind::Dict) fail("Can only get item pairs from a mapping.");
        return callMethod(in, "items", {});
    }
    if (name == "dictsort") {
        if (in.kind != Value::Kind::Dict) fail("You can only sort by either \"key\" or \"value\"");
        const Value* cs = a.get(0, "case_sensitive");
        const Value* by = a.get(1, "by");
        const Value* rev = a.get(2, "reverse");
        const bool byValue = by && by->str() == "value";
        ValueList items = *callMethod(in, "items", {}).list;
        std::stable_sort(items.begin(), items.end(), [&](const Value& x, const Value& y) {
            const size_t k = byValue ? 1 : 0;
            return compareValues(sortKey((*x.list)[k], cs && cs->truthy()), sortKey((*y.list)[k], cs && cs->truthy()), "<") < 0;
        });
        if (rev && rev->truthy()) std::reverse(items.begin(), items.end());
        return Value::makeList(items);
    }
    if (name == "sort" || name == "unique" || name == "min" || name == "max") {
        const bool isSort = name == "sort";
        const Value* rev = isSort ? a.get(0, "reverse") : nullptr;
        const Value* cs = a.get(isSort ? 1 : 0, "case_sensitive");
        const Value* attr = a.get(isSort ? 2 : 1, "attribute");
        const bool caseSensitive = cs && cs->truthy();
        auto key = [&](const Value& v) { return sortKey(attr ? attrPath(v, attr->str()) : v, caseSensitive); };
        ValueList items = iterate(in);
        if (name == "unique") {
            ValueList out, seen;
            for (const auto& v : items) {
                const Value k = key(v);
                if (std::none_of(seen.begin(), seen.end(), [&](const Value& s) { return valuesEqual(s, k); })) {
                    seen.push_back(k);
                    out.push_back(v);
                }
            }
            return Value::makeList(out);
        }
        if (!isSort) {
            if (items.empty()) return Value::undefined("No aggregated item, sequence was empty.");
            size_t best = 0;
            for (size_t k = 1; k < items.size(); ++k) {
                const int c = compareValues(key(items[k]), key(items[best]), "<");
                if (name == "min" ? c < 0 : c > 0) best = k;
            }
            return items[best];
        }
        const bool reverse = rev && rev->truthy();
        std::stable_sort(items.begin(), items.end(), [&](const Value& x, const Value& y) {
            return reverse ? compareValues(key(y), key(x), "<") < 0 : compareValues(key(x), key(y), "<") < 0;
        });
        return Value::makeList(items);
    }
    if (name == "sum") {
        const Value* attr = a.get(0, "attribute");
        const Value* start = a.get(1, "start");
        Value total = start ? *start : Value::integer(0);
        for (const auto& v : iterate(in)) total = binaryOp("+", total, attr ? attrPath(v, attr->str()) : v, 1u << 20);
        return total;
    }
    if (name == "map") {
        ValueList out;
        const Value* attr = nullptr;
        for (const auto& [k, v] : a.kw)
            if (k == "attribute") attr = &v;
        if (attr) {
            const Value* dflt = nullptr;
            for (const auto& [k, v] : a.kw)
                if (k == "default") dflt = &v;
            for (const auto& v : iterate(in)) {
                Value x = attrPath(v, attr->str());
                out.push_back(x.isUndefined() && dflt ? *dflt : x);
            }
            return Value::makeList(out);
        }
        if (a.pos.empty() || !a.pos[0].isString()) fail("map needs a filter name or attribute=");
        const std::string f = a.pos[0].s;
        if (!isKnownFilter(f)) fail("No filter named '" + f + "'.");
        CallArgs rest;
        rest.pos.assign(a.pos.begin() + 1, a.pos.end());
        for (const auto& kv : a.kw) rest.kw.push_back(kv);
        for (const auto& v : iterate(in)) out.push_back(applyFilter(f, v, rest));
        return Value::makeList(out);
    }
    if (name == "select" || name == "reject") return Value::makeList(selectItems(in, a, false, name == "select"));
    if (name == "selectattr" || name == "rejectattr") return Value::makeList(selectItems(in, a, true, name == "selectattr"));
    if (name == "attr") {
        const Value* n = a.get(0, "name");
        return getAttr(in, n ? n->str() : "");
    }
    if (name == "escape" || name == "e") return Value::string(htmlEscape(in.str()));
    if (name == "safe") return in;
    if (name == "wordcount") {
        int64_t n = 0;
        bool inWord = false;
        for (char32_t c : toCodePoints(in.str())) {
            const bool w = c == '_' || (c < 128 ? std::isalnum(static_cast<int>(c)) != 0 : !isPySpace(c));
            if (w && !inWord) ++n;
            inWord = w;
        }
        return Value::integer(n);
    }
    if (name == "indent") {
        const Value* w = a.get(0, "width");
        const Value* first = a.get(1, "first");
        const Value* blank = a.get(2, "blank");
        const std::string ind = w && w->isString() ? w->s : std::string(static_cast<size_t>(w ? w->asInt() : 4), ' ');
        ValueList lines = *callMethod(Value::string(in.str() + "\n"), "splitlines", {}).list;
        std::string out;
        for (size_t k = 0; k < lines.size(); ++k) {
            if (k) {
                out += "\n";
                if (blank && blank->truthy()) out += ind;
                else if (!lines[k].s.empty()) out += ind;
            }
            out += lines[k].s;
        }
        if (first && first->truthy()) out = ind + out;
        return Value::string(out);
    }
    fail("No filter named '" + name + "'.");
}

bool applyTest(const std::string& name, const Value& v, const CallArgs& a) {
    auto arg = [&]() -> const Value& {
        const Value* x = a.get(0, "other");
        if (!x) fail("test '" + name + "' needs an argument");
        return *x;
    };
    if (name == "defined") return !v.isUndefined();
    if (name == "undefined") return v.isUndefined();
    if (name == "none") return v.isNone();
    if (name == "string") return v.isString();
    if (name == "mapping") return v.kind == Value::Kind::Dict;
    if (name == "number") return v.isNumber();
    if (name == "integer") return v.kind == Value::Kind::Int;
    if (name == "float") return v.kind == Value::Kind::Float;
    if (name == "boolean") return v.kind == Value::Kind::Bool;
    if (name == "true") return v.kind == Value::Kind::Bool && v.b;
    if (name == "false") return v.kind == Value::Kind::Bool && !v.b;
    if (name == "iterable") return v.isUndefined() || v.isString() || v.isList() || v.kind == Value::Kind::Dict;
    if (name == "sequence") return v.isUndefined() || v.isString() || v.isList() || v.kind == Value::Kind::Dict;
    if (name == "callable") return v.kind == Value::Kind::Callable;
    if (name == "lower") return v.isString() && pyLower(v.s) == v.s;
    if (name == "upper") return v.isString() && pyUpper(v.s) == v.s;
    if (name == "odd" || name == "even") {
        if (!v.isInteger()) fail("odd/even need an integer, not " + v.typeName());
        const int64_t r = ((v.asInt() % 2) + 2) % 2;
        return name == "odd" ? r == 1 : r == 0;
    }
    if (name == "divisibleby") {
        const Value& d = arg();
        if (!d.isInteger() || d.asInt() == 0) fail("divisibleby needs a non-zero integer");
        return v.asInt() % d.asInt() == 0;
    }
    if (name == "eq" || name == "equalto" || name == "==") return valuesEqual(v, arg());
    if (name == "ne" || name == "!=") return !valuesEqual(v, arg());
    if (name == "lt" || name == "<" || name == "lessthan") return compareValues(v, arg(), "<") < 0;
    if (name == "le" || name == "<=") return compareValues(v, arg(), "<=") <= 0;
    if (name == "gt" || name == ">" || name == "greaterthan") return compareValues(v, arg(), ">") > 0;
    if (name == "ge" || name == ">=") return compareValues(v, arg(), ">=") >= 0;
    if (name == "in") return containsOp(arg(), v);
    if (name == "sameas") {
        const Value& o = arg();
        if (v.kind != o.kind) return false;
        if (v.isNone() || v.isUndefined()) return true;
        if (v.kind == Value::Kind::Bool) return v.b == o.b;
        if (v.isList()) return v.list == o.list;
        if (v.kind == Value::Kind::Dict || v.kind == Value::Kind::Namespace) return v.dict == o.dict;
        return valuesEqual(v, o);
    }
    fail("No test named '" + name + "'.");
}

namespace {

std::string unsupported(const std::string& op, const Value& a, const Value& b) {
    return "unsupported operand type(s) for " + op + ": '" + a.typeName() + "' and '" + b.typeName() + "'";
}

int64_t floorDiv(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

Value repeat(const Value& seq, int64_t n, size_t maxSize) {
    if (n < 0) n = 0;
    if (seq.isString()) {
        if (static_cast<double>(seq.s.size()) * static_cast<double>(n) > static_cast<double>(maxSize))
            fail("string repetition would exceed the output limit of " + std::to_string(maxSize) + " bytes");
        std::string out;
        for (int64_t k = 0; k < n; ++k) out += seq.s;
        return Value::string(out);
    }
    if (static_cast<double>(seq.list->size()) * static_cast<double>(n) > static_cast<double>(maxSize)) fail("list repetition is too large");
    ValueList out;
    for (int64_t k = 0; k < n; ++k) out.insert(out.end(), seq.list->begin(), seq.list->end());
    return Value::makeList(out, seq.isTuple);
}

} // namespace

Value binaryOp(const std::string& op, const Value& a, const Value& b, size_t maxSize) {
    if (op == "~") {
        std::string s = a.str() + b.str();
        if (s.size() > maxSize) fail("string concatenation exceeds the output limit of " + std::to_string(maxSize) + " bytes");
        return Value::string(std::move(s));
    }
    if (a.isUndefined()) fail(a.s);
    if (b.isUndefined()) fail(b.s);
    const bool nums = a.isNumber() && b.isNumber();
    const bool ints = nums && a.kind != Value::Kind::Float && b.kind != Value::Kind::Float;
    if (op == "+") {
        if (ints) return Value::integer(a.asInt() + b.asInt());
        if (nums) return Value::number(a.asDouble() + b.asDouble());
        if (a.isString() && b.isString()) {
            if (a.s.size() + b.s.size() > maxSize) fail("string concatenation exceeds the output limit of " + std::to_string(maxSize) + " bytes");
            return Value::string(a.s + b.s);
        }
        if (a.isString()) fail("can only concatenate str (not \"" + b.typeName() + "\") to str");
        if (a.isList() && b.isList() && a.isTuple == b.isTuple) {
            ValueList out = *a.list;
            out.insert(out.end(), b.list->begin(), b.list->end());
            return Value::makeList(out, a.isTuple);
        }
        if (a.isList()) fail("can only concatenate " + a.typeName() + " (not \"" + b.typeName() + "\") to " + a.typeName());
        fail(unsupported("+", a, b));
    }
    if (op == "-") {
        if (ints) return Value::integer(a.asInt() - b.asInt());
        if (nums) return Value::number(a.asDouble() - b.asDouble());
        fail(unsupported("-", a, b));
    }
    if (op == "*") {
        if (ints) return Value::integer(a.asInt() * b.asInt());
        if (nums) return Value::number(a.asDouble() * b.asDouble());
        if ((a.isString() || a.isList()) && b.isInteger()) return repeat(a, b.asInt(), maxSize);
        if ((b.isString() || b.isList()) && a.isInteger()) return repeat(b, a.asInt(), maxSize);
        fail(a.isString() || b.isString() ? "can't multiply sequence by non-int of type '" + (a.isString() ? b : a).typeName() + "'" : unsupported("*", a, b));
    }
    if (op == "/") {
        if (!nums) fail(unsupported("/", a, b));
        if (b.asDouble() == 0.0) fail("division by zero");
        return Value::number(a.asDouble() / b.asDouble());
    }
    if (op == "//") {
        if (!nums) fail(unsupported("//", a, b));
        if (ints) {
            if (b.asInt() == 0) fail("integer division or modulo by zero");
            return Value::integer(floorDiv(a.asInt(), b.asInt()));
        }
        if (b.asDouble() == 0.0) fail("float floor division by zero");
        return Value::number(std::floor(a.asDouble() / b.asDouble()));
    }
    if (op == "%") {
        if (ints) {
            if (b.asInt() == 0) fail("integer division or modulo by zero");
            return Value::integer(a.asInt() - floorDiv(a.asInt(), b.asInt()) * b.asInt());
        }
        if (nums) {
            if (b.asDouble() == 0.0) fail("float modulo");
            double r = std::fmod(a.asDouble(), b.asDouble());
            if (r != 0.0 && ((r < 0) != (b.asDouble() < 0))) r += b.asDouble();
            return Value::number(r);
        }
        if (a.isString()) fail("printf-style '%' formatting of strings is not supported in templates; use '~' or filters");
        fail(unsupported("%", a, b));
    }
    if (op == "**") {
        if (ints && b.asInt() >= 0) {
            int64_t r = 1, base = a.asInt();
            for (int64_t e = b.asInt(); e > 0; --e) {
                r *= base;
                if (e > 4096) fail("exponent too large");
            }
            return Value::integer(r);
        }
        if (nums) {
            if (a.asDouble() == 0.0 && b.asDouble() < 0) fail("0.0 cannot be raised to a negative power");
            return Value::number(std::pow(a.asDouble(), b.asDouble()));
        }
        fail(unsupported("** or pow()", a, b));
    }
    fail("unknown operator " + op);
}

} // namespace tb::jinja
