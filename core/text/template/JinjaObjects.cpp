// The object protocol of the Jinja engine: attribute and item lookup, slicing, iteration,
// length, Python's binary operators and the str/dict/list methods templates call.
#include "text/template/JinjaBuiltins.h"

#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace tb::jinja {

const Value* CallArgs::get(size_t idx, const std::string& name) const {
    if (idx < pos.size()) return &pos[idx];
    for (const auto& [k, v] : kw)
        if (k == name) return &v;
    return nullptr;
}

namespace {

[[noreturn]] void fail(const std::string& msg) { throw std::runtime_error(msg); }

std::string objRepr(const Value& v) {
    if (v.isNone()) return "'None'";
    if (v.kind == Value::Kind::Namespace) return "'jinja2.utils.Namespace object'";
    return "'" + v.typeName() + " object'";
}

const std::vector<std::string>& strMethods() {
    static const std::vector<std::string> m = {"strip", "lstrip", "rstrip", "split", "rsplit", "startswith", "endswith",
                                               "lower", "upper", "title", "capitalize", "replace", "find", "rfind",
                                               "count", "join", "splitlines", "isdigit", "isalpha", "isalnum", "isspace",
                                               "isupper", "islower", "index"};
    return m;
}
const std::vector<std::string>& dictMethods() {
    static const std::vector<std::string> m = {"items", "keys", "values", "get"};
    return m;
}
const std::vector<std::string>& listMethods() {
    static const std::vector<std::string> m = {"index", "count"};
    return m;
}
bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::string mapCase(const std::string& s, bool upper) {
    std::vector<char32_t> cps = toCodePoints(s);
    for (auto& c : cps) c = static_cast<char32_t>(upper ? utf8proc_toupper(static_cast<utf8proc_int32_t>(c)) : utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
    return fromCodePoints(cps, 0, cps.size());
}

bool isCased(char32_t c) {
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT;
}

const std::string& needStr(const Value* v, const char* what) {
    if (!v || !v->isString()) fail(std::string(what) + " must be str, not " + (v ? v->typeName() : "nothing"));
    return v->s;
}

int64_t cpIndexOfByte(const std::string& s, size_t byte) { return static_cast<int64_t>(codePointLength(s.substr(0, byte))); }

ValueList pySplit(const std::string& s, const Value* sepV, int64_t maxsplit, bool fromRight) {
    ValueList out;
    if (!sepV || sepV->isNone()) {
        const auto cps = toCodePoints(s);
        std::vector<std::pair<size_t, size_t>> words;
        size_t k = 0;
        while (k < cps.size()) {
            while (k < cps.size() && isPySpace(cps[k])) ++k;
            if (k >= cps.size()) break;
            size_t e = k;
            while (e < cps.size() && !isPySpace(cps[e])) ++e;
            words.emplace_back(k, e);
            k = e;
        }
        if (maxsplit < 0 || static_cast<size_t>(maxsplit) >= words.size()) {
            for (auto [a, b] : words) out.push_back(Value::string(fromCodePoints(cps, a, b)));
            return out;
        }
        if (!fromRight) {
            for (size_t w = 0; w < static_cast<size_t>(maxsplit); ++w) out.push_back(Value::string(fromCodePoints(cps, words[w].first, words[w].second)));
            size_t rest = words[static_cast<size_t>(maxsplit)].first;
            size_t end = cps.size();
            while (end > rest && isPySpace(cps[end - 1])) --end;
            out.push_back(Value::string(fromCodePoints(cps, rest, end)));
        } else {
            const size_t first = words.size() - static_cast<size_t>(maxsplit);
            size_t begin = 0;
            while (begin < cps.size() && isPySpace(cps[begin])) ++begin;
            out.push_back(Value::string(fromCodePoints(cps, begin, words[first - 1].second)));
            for (size_t w = first; w < words.size(); ++w) out.push_back(Value::string(fromCodePoints(cps, words[w].first, words[w].second)));
        }
        return out;
    }
    const std::string& sep = needStr(sepV, "separator");
    if (sep.empty()) fail("empty separator");
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        const size_t k = s.find(sep, start);
        if (k == std::string::npos) break;
        parts.push_back(s.substr(start, k - start));
        start = k + sep.size();
    }
    parts.push_back(s.substr(start));
    if (maxsplit >= 0 && parts.size() > static_cast<size_t>(maxsplit) + 1) {
        std::vector<std::string> merged;
        if (!fromRight) {
            merged.assign(parts.begin(), parts.begin() + maxsplit);
            std::string rest;
            for (size_t k = static_cast<size_t>(maxsplit); k < parts.size(); ++k) rest += (k > static_cast<size_t>(maxsplit) ? sep : "") + parts[k];
            merged.push_back(rest);
        } else {
            const size_t keep = parts.size() - static_cast<size_t>(maxsplit);
            std::string rest;
            for (size_t k = 0; k < keep; ++k) rest += (k ? sep : "") + parts[k];
            merged.push_back(rest);
            merged.insert(merged.end(), parts.begin() + static_cast<std::ptrdiff_t>(keep), parts.end());
        }
        parts = std::move(merged);
    }
    for (auto& p : parts) out.push_back(Value::string(std::move(p)));
    return out;
}

std::string pyReplace(const std::string& s, const std::string& old, const std::string& rep, int64_t count) {
    std::string out;
    if (old.empty()) {
        const auto cps = toCodePoints(s);
        int64_t done = 0;
        for (size_t k = 0; k <= cps.size(); ++k) {
            if (count < 0 || done < count) { out += rep; ++done; }
            if (k < cps.size()) out += fromCodePoints(cps, k, k + 1);
        }
        return out;
    }
    size_t start = 0;
    int64_t done = 0;
    while (count < 0 || done < count) {
        const size_t k = s.find(old, start);
        if (k == std::string::npos) break;
        out += s.substr(start, k - start) + rep;
        start = k + old.size();
        ++done;
    }
    return out + s.substr(start);
}

bool allCps(const std::string& s, bool (*pred)(char32_t)) {
    const auto cps = toCodePoints(s);
    if (cps.empty()) return false;
    return std::all_of(cps.begin(), cps.end(), pred);
}

bool prefixMatch(const std::string& s, const Value& p, bool suffix) {
    auto one = [&](const Value& v) {
        const std::string& x = needStr(&v, suffix ? "endswith argument" : "startswith argument");
        if (x.size() > s.size()) return false;
        return suffix ? s.compare(s.size() - x.size(), x.size(), x) == 0 : s.compare(0, x.size(), x) == 0;
    };
    if (p.isList() && p.isTuple) {
        for (const auto& v : *p.list)
            if (one(v)) return true;
        return false;
    }
    return one(p);
}

Value stringMethod(const std::string& s, const std::string& name, const CallArgs& a) {
    if (name == "strip") return Value::string(pyStrip(s, a.get(0, "chars"), true, true));
    if (name == "lstrip") return Value::string(pyStrip(s, a.get(0, "chars"), true, false));
    if (name == "rstrip") return Value::string(pyStrip(s, a.get(0, "chars"), false, true));
    if (name == "split" || name == "rsplit") {
        const Value* m = a.get(1, "maxsplit");
        return Value::makeList(pySplit(s, a.get(0, "sep"), m ? m->asInt() : -1, name == "rsplit"));
    }
    if (name == "startswith" || name == "endswith") {
        const Value* p = a.get(0, "prefix");
        if (!p) fail(name + "() takes at least 1 argument (0 given)");
        return Value::boolean(prefixMatch(s, *p, name == "endswith"));
    }
    if (name == "lower") return Value::string(pyLower(s));
    if (name == "upper") return Value::string(pyUpper(s));
    if (name == "title" || name == "capitalize") {
        auto cps = toCodePoints(s);
        bool prevCased = false;
        for (size_t k = 0; k < cps.size(); ++k) {
            const bool upper = name == "title" ? !prevCased : k == 0;
            const char32_t c = cps[k];
            cps[k] = static_cast<char32_t>(upper ? utf8proc_totitle(static_cast<utf8proc_int32_t>(c)) : utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
            prevCased = isCased(c);
        }
        return Value::string(fromCodePoints(cps, 0, cps.size()));
    }
    if (name == "replace") {
        const Value* c = a.get(2, "count");
        return Value::string(pyReplace(s, needStr(a.get(0, "old"), "replace() argument 1"), needStr(a.get(1, "new"), "replace() argument 2"), c ? c->asInt() : -1));
    }
    if (name == "find" || name == "rfind" || name == "index") {
        const std::string& sub = needStr(a.get(0, "sub"), name.c_str());
        const size_t k = name == "rfind" ? s.rfind(sub) : s.find(sub);
        if (k == std::string::npos) {
            if (name == "index") fail("substring not found");
            return Value::integer(-1);
        }
        return Value::integer(cpIndexOfByte(s, k));
    }
    if (name == "count") {
        const std::string& sub = needStr(a.get(0, "sub"), "count()");
        if (sub.empty()) return Value::integer(static_cast<int64_t>(codePointLength(s)) + 1);
        int64_t n = 0;
        for (size_t k = s.find(sub); k != std::string::npos; k = s.find(sub, k + sub.size())) ++n;
        return Value::integer(n);
    }
    if (name == "join") {
        const Value* it = a.get(0, "iterable");
        if (!it) fail("join() takes exactly one argument (0 given)");
        std::string out;
        bool first = true;
        for (const auto& v : iterate(*it)) {
            if (!v.isString()) fail("sequence item: expected str instance, " + v.typeName() + " found");
            if (!first) out += s;
            out += v.s;
            first = false;
        }
        return Value::string(out);
    }
    if (name == "splitlines") {
        ValueList out;
        size_t start = 0;
        for (size_t k = 0; k < s.size(); ++k) {
            if (s[k] == '\n' || s[k] == '\r') {
                out.push_back(Value::string(s.substr(start, k - start)));
                if (s[k] == '\r' && k + 1 < s.size() && s[k + 1] == '\n') ++k;
                start = k + 1;
            }
        }
        if (start < s.size()) out.push_back(Value::string(s.substr(start)));
        return Value::makeList(out);
    }
    if (name == "isdigit") return Value::boolean(allCps(s, [](char32_t c) { return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ND; }));
    if (name == "isalpha") return Value::boolean(allCps(s, [](char32_t c) { auto k = utf8proc_category(static_cast<utf8proc_int32_t>(c)); return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO; }));
    if (name == "isalnum") return Value::boolean(allCps(s, [](char32_t c) { auto k = utf8proc_category(static_cast<utf8proc_int32_t>(c)); return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO) || k == UTF8PROC_CATEGORY_ND; }));
    if (name == "isspace") return Value::boolean(allCps(s, isPySpace));
    if (name == "isupper") return Value::boolean(pyUpper(s) == s && pyLower(s) != s);
    if (name == "islower") return Value::boolean(pyLower(s) == s && pyUpper(s) != s);
    fail("'str' object has no method '" + name + "'");
}

} // namespace

std::string pyLower(const std::string& s) { return mapCase(s, false); }
std::string pyUpper(const std::string& s) { return mapCase(s, true); }

std::string pyStrip(const std::string& s, const Value* chars, bool left, bool right) {
    const auto cps = toCodePoints(s);
    std::vector<char32_t> set;
    const bool ws = !chars || chars->isNone();
    if (!ws) set = toCodePoints(needStr(chars, "strip arg"));
    auto strip = [&](char32_t c) { return ws ? isPySpace(c) : std::find(set.begin(), set.end(), c) != set.end(); };
    size_t b = 0, e = cps.size();
    if (left) while (b < e && strip(cps[b])) ++b;
    if (right) while (e > b && strip(cps[e - 1])) --e;
    return fromCodePoints(cps, b, e);
}

Value getAttr(const Value& obj, const std::string& name) {
    switch (obj.kind) {
    case Value::Kind::Undefined: fail(obj.s);
    case Value::Kind::String:
        if (contains(strMethods(), name)) return Value::callable(name, std::make_shared<Value>(obj));
        break;
    case Value::Kind::Dict:
        if (contains(dictMethods(), name)) return Value::callable(name, std::make_shared<Value>(obj));
        if (const Value* v = obj.dict->find(name)) return *v;
        break;
    case Value::Kind::Namespace:
        if (const Value* v = obj.dict->find(name)) return *v;
        break;
    case Value::Kind::List:
        if (contains(listMethods(), name)) return Value::callable(name, std::make_shared<Value>(obj));
        break;
    default: break;
    }
    return Value::undefined(objRepr(obj) + " has no attribute " + pyStringRepr(name));
}

Value getItem(const Value& obj, const Value& key) {
    if (obj.isUndefined()) fail(obj.s);
    if (obj.kind == Value::Kind::Dict || obj.kind == Value::Kind::Namespace) {
        if (obj.kind == Value::Kind::Dict)
            if (const Value* v = obj.dict->find(key)) return *v;
        if (key.isString()) return getAttr(obj, key.s);
    } else if ((obj.isList() || obj.isString()) && key.isInteger()) {
        const int64_t n = pyLen(obj);
        int64_t k = key.asInt();
        if (k < 0) k += n;
        if (k >= 0 && k < n) {
            if (obj.isList()) return (*obj.list)[static_cast<size_t>(k)];
            const auto cps = toCodePoints(obj.s);
            return Value::string(fromCodePoints(cps, static_cast<size_t>(k), static_cast<size_t>(k) + 1));
        }
    } else if (key.isString()) {
        return getAttr(obj, key.s);
    }
    if (key.isString()) return Value::undefined(objRepr(obj) + " has no attribute " + pyStringRepr(key.s));
    return Value::undefined(objRepr(obj) + " has no element " + key.repr());
}

Value sliceValue(const Value& obj, const Value& startV, const Value& stopV, const Value& stepV) {
    if (obj.isUndefined()) fail(obj.s);
    if (!obj.isList() && !obj.isString()) fail("'" + obj.typeName() + "' object is not subscriptable");
    auto idx = [](const Value& v, const char* what) -> std::optional<int64_t> {
        if (v.isUndefined() || v.isNone()) return std::nullopt;
        if (!v.isInteger()) fail(std::string("slice indices must be integers or None (") + what + " is " + v.typeName() + ")");
        return v.asInt();
    };
    const int64_t step = idx(stepV, "step").value_or(1);
    if (step == 0) fail("slice step cannot be zero");
    const int64_t n = pyLen(obj);
    auto clamp = [&](std::optional<int64_t> v, int64_t dflt) {
        if (!v) return dflt;
        int64_t x = *v;
        if (x < 0) x += n;
        if (step > 0) return std::clamp<int64_t>(x, 0, n);
        return std::clamp<int64_t>(x, -1, n - 1);
    };
    const int64_t start = clamp(idx(startV, "start"), step > 0 ? 0 : n - 1);
    const int64_t stop = clamp(idx(stopV, "stop"), step > 0 ? n : -1);
    std::vector<int64_t> picks;
    for (int64_t k = start; step > 0 ? k < stop : k > stop; k += step) picks.push_back(k);
    if (obj.isList()) {
        ValueList out;
        for (int64_t k : picks) out.push_back((*obj.list)[static_cast<size_t>(k)]);
        return Value::makeList(std::move(out), obj.isTuple);
    }
    const auto cps = toCodePoints(obj.s);
    std::vector<char32_t> out;
    for (int64_t k : picks) out.push_back(cps[static_cast<size_t>(k)]);
    return Value::string(fromCodePoints(out, 0, out.size()));
}

Value callMethod(const Value& self, const std::string& name, const CallArgs& a) {
    if (self.isString()) return stringMethod(self.s, name, a);
    if (self.kind == Value::Kind::Dict) {
        if (name == "items") {
            ValueList out;
            for (const auto& [k, v] : self.dict->items) out.push_back(Value::makeList({k, v}, true));
            return Value::makeList(out);
        }
        if (name == "keys" || name == "values") {
            ValueList out;
            for (const auto& [k, v] : self.dict->items) out.push_back(name == "keys" ? k : v);
            return Value::makeList(out);
        }
        if (name == "get") {
            const Value* k = a.get(0, "key");
            if (!k) fail("get expected at least 1 argument, got 0");
            if (const Value* v = self.dict->find(*k)) return *v;
            const Value* d = a.get(1, "default");
            return d ? *d : Value::none();
        }
    }
    if (self.isList()) {
        const Value* x = a.get(0, "value");
        if (!x) fail(name + "() takes exactly one argument (0 given)");
        int64_t n = 0;
        for (size_t k = 0; k < self.list->size(); ++k) {
            if (!valuesEqual((*self.list)[k], *x)) continue;
            if (name == "index") return Value::integer(static_cast<int64_t>(k));
            ++n;
        }
        if (name == "index") fail(x->repr() + " is not in list");
        return Value::integer(n);
    }
    fail("'" + self.typeName() + "' object has no method '" + name + "'");
}

ValueList iterate(const Value& v) {
    switch (v.kind) {
    case Value::Kind::Undefined: return {};
    case Value::Kind::List: return *v.list;
    case Value::Kind::Dict: {
        ValueList keys;
        for (const auto& kv : v.dict->items) keys.push_back(kv.first);
        return keys;
    }
    case Value::Kind::String: {
        ValueList out;
        const auto cps = toCodePoints(v.s);
        for (size_t k = 0; k < cps.size(); ++k) out.push_back(Value::string(fromCodePoints(cps, k, k + 1)));
        return out;
    }
    default: fail("'" + v.typeName() + "' object is not iterable");
    }
}

int64_t pyLen(const Value& v) {
    switch (v.kind) {
    case Value::Kind::Undefined: return 0;
    case Value::Kind::String: return static_cast<int64_t>(codePointLength(v.s));
    case Value::Kind::List: return static_cast<int64_t>(v.list->size());
    case Value::Kind::Dict: return static_cast<int64_t>(v.dict->items.size());
    default: fail("object of type '" + v.typeName() + "' has no len()");
    }
}

bool containsOp(const Value& c, const Value& item) {
    if (c.isString()) {
        if (!item.isString()) fail("'in <string>' requires string as left operand, not " + item.typeName());
        return c.s.find(item.s) != std::string::npos;
    }
    if (c.isList()) {
        for (const auto& v : *c.list)
            if (valuesEqual(v, item)) return true;
        return false;
    }
    if (c.kind == Value::Kind::Dict) return c.dict->find(item) != nullptr;
    if (c.isUndefined()) return false;
    fail("argument of type '" + c.typeName() + "' is not iterable");
}

} // namespace tb::jinja
