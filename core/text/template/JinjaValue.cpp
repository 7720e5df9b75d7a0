#include "text/template/JinjaValue.h"

#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace tb::jinja {

Value Value::undefined(std::string hint, std::string missing) {
    Value v;
    v.s = std::move(hint);
    v.missingField = std::move(missing);
    return v;
}
Value Value::none() { Value v; v.kind = Kind::None; return v; }
Value Value::boolean(bool x) { Value v; v.kind = Kind::Bool; v.b = x; return v; }
Value Value::integer(int64_t x) { Value v; v.kind = Kind::Int; v.i = x; return v; }
Value Value::number(double x) { Value v; v.kind = Kind::Float; v.f = x; return v; }
Value Value::string(std::string x) { Value v; v.kind = Kind::String; v.s = std::move(x); return v; }
Value Value::makeList(ValueList items, bool tuple) {
    Value v;
    v.kind = Kind::List;
    v.list = std::make_shared<ValueList>(std::move(items));
    v.isTuple = tuple;
    return v;
}
Value Value::makeDict() { Value v; v.kind = Kind::Dict; v.dict = std::make_shared<Dict>(); return v; }
Value Value::makeNamespace() { Value v; v.kind = Kind::Namespace; v.dict = std::make_shared<Dict>(); return v; }
Value Value::callable(std::string name, std::shared_ptr<Value> self) {
    Value v;
    v.kind = Kind::Callable;
    v.s = std::move(name);
    v.self = std::move(self);
    return v;
}

Value Value::fromJson(const nlohmann::json& j) {
    switch (j.type()) {
    case nlohmann::json::value_t::null: return none();
    case nlohmann::json::value_t::boolean: return boolean(j.get<bool>());
    case nlohmann::json::value_t::number_integer: return integer(j.get<int64_t>());
    case nlohmann::json::value_t::number_unsigned: return integer(static_cast<int64_t>(j.get<uint64_t>()));
    case nlohmann::json::value_t::number_float: return number(j.get<double>());
    case nlohmann::json::value_t::string: return string(j.get<std::string>());
    case nlohmann::json::value_t::array: {
        ValueList items;
        items.reserve(j.size());
        for (const auto& e : j) items.push_back(fromJson(e));
        return makeList(std::move(items));
    }
    case nlohmann::json::value_t::object: {
        Value d = makeDict();
        d.dict->items.reserve(j.size());
        for (auto it = j.begin(); it != j.end(); ++it) d.dict->items.emplace_back(string(it.key()), fromJson(it.value()));
        return d;
    }
    default: return none();
    }
}

bool Value::truthy() const {
    switch (kind) {
    case Kind::Undefined: case Kind::None: return false;
    case Kind::Bool: return b;
    case Kind::Int: return i != 0;
    case Kind::Float: return f != 0.0;
    case Kind::String: return !s.empty();
    case Kind::List: return !list->empty();
    case Kind::Dict: return !dict->items.empty();
    default: return true;
    }
}

double Value::asDouble() const {
    if (kind == Kind::Float) return f;
    if (kind == Kind::Int) return static_cast<double>(i);
    if (kind == Kind::Bool) return b ? 1.0 : 0.0;
    return 0.0;
}
int64_t Value::asInt() const {
    if (kind == Kind::Int) return i;
    if (kind == Kind::Bool) return b ? 1 : 0;
    if (kind == Kind::Float) return static_cast<int64_t>(f);
    return 0;
}

std::string Value::typeName() const {
    switch (kind) {
    case Kind::Undefined: return "Undefined";
    case Kind::None: return "NoneType";
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Float: return "float";
    case Kind::String: return "str";
    case Kind::List: return isTuple ? "tuple" : "list";
    case Kind::Dict: return "dict";
    case Kind::Namespace: return "Namespace";
    case Kind::Callable: return "builtin_function_or_method";
    }
    return "object";
}

std::string pyFloatRepr(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    if (v == 0.0) return std::signbit(v) ? "-0.0" : "0.0";
    // Shortest digits that round-trip, as Python's repr does.
    char buf[64];
    int prec = 0;
    for (prec = 0; prec < 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*e", prec, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    std::snprintf(buf, sizeof buf, "%.*e", prec, v);
    std::string m(buf);
    const size_t e = m.find('e');
    const int exp10 = std::atoi(m.c_str() + e + 1);
    std::string digits;
    bool neg = false;
    for (size_t k = 0; k < e; ++k) {
        if (m[k] == '-') neg = true;
        else if (m[k] >= '0' && m[k] <= '9') digits += m[k];
    }
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    std::string out = neg ? "-" : "";
    if (exp10 >= -4 && exp10 < 16) {
        if (exp10 < 0) {
            out += "0." + std::string(static_cast<size_t>(-exp10 - 1), '0') + digits;
        } else {
            const size_t intLen = static_cast<size_t>(exp10) + 1;
            if (digits.size() <= intLen) out += digits + std::string(intLen - digits.size(), '0') + ".0";
            else out += digits.substr(0, intLen) + "." + digits.substr(intLen);
        }
        return out;
    }
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    return out + eb;
}

std::vector<char32_t> toCodePoints(const std::string& s) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) { cp = 0xFFFD; n = 1; }
        out.push_back(static_cast<char32_t>(cp));
        p += n;
        left -= n;
    }
    return out;
}

static void appendUtf8(std::string& out, char32_t cp) {
    utf8proc_uint8_t buf[4];
    const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

std::string fromCodePoints(const std::vector<char32_t>& cps, size_t from, size_t to) {
    std::string out;
    for (size_t k = from; k < to && k < cps.size(); ++k) appendUtf8(out, cps[k]);
    return out;
}

size_t codePointLength(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

bool isPySpace(char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

static bool pyPrintable(char32_t c) {
    if (c == ' ') return true;
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    switch (cat) {
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS: case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_ZS:
        return false;
    default: return true;
    }
}

std::string pyStringRepr(const std::string& s) {
    const bool hasSingle = s.find('\'') != std::string::npos;
    const bool hasDouble = s.find('"') != std::string::npos;
    const char q = (hasSingle && !hasDouble) ? '"' : '\'';
    std::string out(1, q);
    char buf[16];
    for (char32_t c : toCodePoints(s)) {
        if (c == static_cast<char32_t>(q) || c == '\\') { out += '\\'; out += static_cast<char>(c); }
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7F) { std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c)); out += buf; }
        else if (c < 0x7F || pyPrintable(c)) appendUtf8(out, c);
        else if (c <= 0xFF) { std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c)); out += buf; }
        else if (c <= 0xFFFF) { std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c)); out += buf; }
        else { std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c)); out += buf; }
    }
    out += q;
    return out;
}

std::string Value::repr() const {
    switch (kind) {
    case Kind::String: return pyStringRepr(s);
    case Kind::List: {
        std::string out = isTuple ? "(" : "[";
        for (size_t k = 0; k < list->size(); ++k) {
            if (k) out += ", ";
            out += (*list)[k].repr();
        }
        if (isTuple && list->size() == 1) out += ",";
        return out + (isTuple ? ")" : "]");
    }
    case Kind::Dict: {
        std::string out = "{";
        for (size_t k = 0; k < dict->items.size(); ++k) {
            if (k) out += ", ";
            out += dict->items[k].first.repr() + ": " + dict->items[k].second.repr();
        }
        return out + "}";
    }
    case Kind::Undefined: return "Undefined";
    default: return str();
    }
}

std::string Value::str() const {
    switch (kind) {
    case Kind::Undefined: return "";
    case Kind::None: return "None";
    case Kind::Bool: return b ? "True" : "False";
    case Kind::Int: return std::to_string(i);
    case Kind::Float: return pyFloatRepr(f);
    case Kind::String: return s;
    case Kind::Namespace: return "<Namespace " + Value::makeDict().repr() + ">";
    case Kind::Callable: return "<built-in method " + s + ">";
    default: return repr();
    }
}

nlohmann::json Value::toJson() const {
    switch (kind) {
    case Kind::None: return nullptr;
    case Kind::Bool: return b;
    case Kind::Int: return i;
    case Kind::Float: return f;
    case Kind::String: return s;
    case Kind::List: {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& v : *list) a.push_back(v.toJson());
        return a;
    }
    case Kind::Dict: {
        nlohmann::json o = nlohmann::json::object();
        for (const auto& [k, v] : dict->items) o[k.isString() ? k.s : k.str()] = v.toJson();
        return o;
    }
    default: throw std::runtime_error("Object of type " + typeName() + " is not JSON serializable");
    }
}

const Value* Dict::find(const Value& key) const {
    for (const auto& kv : items)
        if (valuesEqual(kv.first, key)) return &kv.second;
    return nullptr;
}
const Value* Dict::find(const std::string& key) const {
    for (const auto& kv : items)
        if (kv.first.kind == Value::Kind::String && kv.first.s == key) return &kv.second;
    return nullptr;
}
void Dict::set(const Value& key, Value v) {
    for (auto& kv : items)
        if (valuesEqual(kv.first, key)) { kv.second = std::move(v); return; }
    items.emplace_back(key, std::move(v));
}

bool valuesEqual(const Value& a, const Value& b) {
    if (a.isNumber() && b.isNumber()) {
        if (a.kind != Value::Kind::Float && b.kind != Value::Kind::Float) return a.asInt() == b.asInt();
        return a.asDouble() == b.asDouble();
    }
    if (a.kind != b.kind) return false;
    switch (a.kind) {
    case Value::Kind::Undefined: case Value::Kind::None: return true;
    case Value::Kind::String: return a.s == b.s;
    case Value::Kind::List:
        if (a.isTuple != b.isTuple || a.list->size() != b.list->size()) return false;
        for (size_t k = 0; k < a.list->size(); ++k)
            if (!valuesEqual((*a.list)[k], (*b.list)[k])) return false;
        return true;
    case Value::Kind::Dict: {
        if (a.dict->items.size() != b.dict->items.size()) return false;
        for (const auto& [k, v] : a.dict->items) {
            const Value* o = b.dict->find(k);
            if (!o || !valuesEqual(v, *o)) return false;
        }
        return true;
    }
    default: return a.dict == b.dict && a.s == b.s;
    }
}

int compareValues(const Value& a, const Value& b, const char* op) {
    if (a.isNumber() && b.isNumber()) {
        if (a.kind != Value::Kind::Float && b.kind != Value::Kind::Float)
            return a.asInt() < b.asInt() ? -1 : (a.asInt() > b.asInt() ? 1 : 0);
        const double x = a.asDouble(), y = b.asDouble();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.isString() && b.isString()) return a.s < b.s ? -1 : (a.s > b.s ? 1 : 0);   // UTF-8 keeps code point order
    if (a.isList() && b.isList() && a.isTuple == b.isTuple) {
        const size_t n = std::min(a.list->size(), b.list->size());
        for (size_t k = 0; k < n; ++k) {
            if (valuesEqual((*a.list)[k], (*b.list)[k])) continue;
            return compareValues((*a.list)[k], (*b.list)[k], op);
        }
        return a.list->size() < b.list->size() ? -1 : (a.list->size() > b.list->size() ? 1 : 0);
    }
    throw std::runtime_error(std::string("'") + op + "' not supported between instances of '" + a.typeName() +
                             "' and '" + b.typeName() + "'");
}

static void jsonString(std::string& out, const std::string& s) {
    char buf[16];
    out += '"';
    for (char32_t c : toCodePoints(s)) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '<': out += "\\u003c"; break;
        case '>': out += "\\u003e"; break;
        case '&': out += "\\u0026"; break;
        case '\'': out += "\\u0027"; break;
        default:
            if (c >= 0x20 && c < 0x7F) out += static_cast<char>(c);
            else if (c <= 0xFFFF) { std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c)); out += buf; }
            else {
                const unsigned v = static_cast<unsigned>(c) - 0x10000;
                std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
                out += buf;
            }
        }
    }
    out += '"';
}

static void jsonDump(std::string& out, const Value& v, int indent, int level) {
    const auto newline = [&](int lv) {
        out += '\n';
        out.append(static_cast<size_t>(indent * lv), ' ');
    };
    switch (v.kind) {
    case Value::Kind::None: out += "null"; return;
    case Value::Kind::Bool: out += v.b ? "true" : "false"; return;
    case Value::Kind::Int: out += std::to_string(v.i); return;
    case Value::Kind::Float:
        if (std::isnan(v.f)) out += "NaN";
        else if (std::isinf(v.f)) out += v.f > 0 ? "Infinity" : "-Infinity";
        else out += pyFloatRepr(v.f);
        return;
    case Value::Kind::String: jsonString(out, v.s); return;
    case Value::Kind::List: {
        if (v.list->empty()) { out += "[]"; return; }
        out += '[';
        for (size_t k = 0; k < v.list->size(); ++k) {
            if (k) out += indent >= 0 ? "," : ", ";
            if (indent >= 0) newline(level + 1);
            jsonDump(out, (*v.list)[k], indent, level + 1);
        }
        if (indent >= 0) newline(level);
        out += ']';
        return;
    }
    case Value::Kind::Dict: {
        if (v.dict->items.empty()) { out += "{}"; return; }
        std::vector<std::pair<std::string, const Value*>> sorted;
        for (const auto& [k, val] : v.dict->items) {
            std::string key;
            if (k.isString()) key = k.s;
            else if (k.kind == Value::Kind::None) key = "null";
            else if (k.kind == Value::Kind::Bool) key = k.b ? "true" : "false";
            else if (k.isNumber()) key = k.str();
            else throw std::runtime_error("keys must be str, int, float, bool or None, not " + k.typeName());
            sorted.emplace_back(key, &val);
        }
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        out += '{';
        for (size_t k = 0; k < sorted.size(); ++k) {
            if (k) out += indent >= 0 ? "," : ", ";
            if (indent >= 0) newline(level + 1);
            jsonString(out, sorted[k].first);
            out += ": ";
            jsonDump(out, *sorted[k].second, indent, level + 1);
        }
        if (indent >= 0) newline(level);
        out += '}';
        return;
    }
    default: throw std::runtime_error("Object of type " + v.typeName() + " is not JSON serializable");
    }
}

std::string jinjaToJson(const Value& v, int indent) {
    std::string out;
    jsonDump(out, v, indent, 0);
    return out;
}

} // namespace tb::jinja
