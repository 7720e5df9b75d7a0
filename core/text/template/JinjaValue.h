#pragma once
// Why this exists: the dynamic value the Jinja engine computes with. It mirrors the Python
// objects jinja2 sees (None, bool, int, float, str, list, tuple, dict, namespace, Undefined,
// callables) so that printing, truthiness, comparison and arithmetic match Python exactly.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tb::jinja {

struct Value;
using ValueList = std::vector<Value>;
struct Dict;

struct Value {
    enum class Kind { Undefined, None, Bool, Int, Float, String, List, Dict, Namespace, Callable };
    Kind kind = Kind::Undefined;
    bool b = false;
    int64_t i = 0;
    double f = 0.0;
    std::string s;                      // String text; Callable name; Undefined: its error hint
    std::shared_ptr<ValueList> list;    // List (tuple when isTuple)
    bool isTuple = false;
    std::shared_ptr<jinja::Dict> dict;  // Dict and Namespace (shared, so namespaces mutate in place)
    std::shared_ptr<Value> self;        // Callable: the receiver of a bound method (may be null)
    std::string missingField;           // Undefined from a row field the row lacks (strict row mode)
    int line = 0, col = 0;              // Undefined: where the missing name was read

    static Value undefined(std::string hint, std::string missingField = {});
    static Value none();
    static Value boolean(bool v);
    static Value integer(int64_t v);
    static Value number(double v);
    static Value string(std::string v);
    static Value makeList(ValueList items, bool tuple = false);
    static Value makeDict();
    static Value makeNamespace();
    static Value callable(std::string name, std::shared_ptr<Value> self = nullptr);
    static Value fromJson(const nlohmann::json& j);

    bool isUndefined() const { return kind == Kind::Undefined; }
    bool isNone() const { return kind == Kind::None; }
    bool isString() const { return kind == Kind::String; }
    bool isNumber() const { return kind == Kind::Int || kind == Kind::Float || kind == Kind::Bool; }
    bool isInteger() const { return kind == Kind::Int || kind == Kind::Bool; }
    bool isList() const { return kind == Kind::List; }
    bool isMapping() const { return kind == Kind::Dict; }
    bool truthy() const;
    double asDouble() const;
    int64_t asInt() const;

    // Python's str() and repr().
    std::string str() const;
    std::string repr() const;
    std::string typeName() const;   // "str", "int", "dict", ... as Python names them
    nlohmann::json toJson() const;  // throws std::runtime_error for values JSON cannot hold
};

// An insertion-ordered dict (Python 3.7+ semantics).
struct Dict {
    std::vector<std::pair<Value, Value>> items;
    const Value* find(const Value& key) const;
    const Value* find(const std::string& key) const;
    void set(const Value& key, Value v);
};

bool valuesEqual(const Value& a, const Value& b);
// -1, 0, 1; throws std::runtime_error for incomparable types (Python's TypeError).
int compareValues(const Value& a, const Value& b, const char* op);

std::string pyFloatRepr(double v);
std::string pyStringRepr(const std::string& s);
// jinja2's tojson: json.dumps(sort_keys=True) with <, >, &, ' escaped.
std::string jinjaToJson(const Value& v, int indent);

// UTF-8 helpers: Python strings index by code point.
std::vector<char32_t> toCodePoints(const std::string& s);
std::string fromCodePoints(const std::vector<char32_t>& cps, size_t from, size_t to);
size_t codePointLength(const std::string& s);
bool isPySpace(char32_t c);

} // namespace tb::jinja
