#pragma once
// Why this exists: the filters, tests, Python methods (str.strip, dict.items, ...) and object
// protocol (attribute/item lookup, iteration, slicing) the Jinja engine evaluates, each with
// jinja2's and Python's semantics. Failures throw std::runtime_error with Python's wording;
// the renderer adds the template position.
#include "text/template/JinjaValue.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tb::jinja {

struct CallArgs {
    ValueList pos;
    std::vector<std::pair<std::string, Value>> kw;
    // The argument at position idx or given by keyword name; null when absent.
    const Value* get(size_t idx, const std::string& name) const;
};

bool isKnownFilter(const std::string& name);
bool isKnownTest(const std::string& name);
Value applyFilter(const std::string& name, const Value& in, const CallArgs& args);
bool applyTest(const std::string& name, const Value& in, const CallArgs& args);

Value getAttr(const Value& obj, const std::string& name);   // jinja2's getattr: attribute, then item
Value getItem(const Value& obj, const Value& key);          // jinja2's getitem: item, then attribute
Value sliceValue(const Value& obj, const Value& start, const Value& stop, const Value& step);
Value callMethod(const Value& self, const std::string& name, const CallArgs& args);
ValueList iterate(const Value& v);                           // Python iter(): list items, dict keys, characters
int64_t pyLen(const Value& v);

// Binary operators with Python semantics: + - * / // % ** ~ and "in".
Value binaryOp(const std::string& op, const Value& a, const Value& b, size_t maxSize);
bool containsOp(const Value& container, const Value& item);

std::string pyStrip(const std::string& s, const Value* chars, bool left, bool right);
std::string pyLower(const std::string& s);
std::string pyUpper(const std::string& s);

} // namespace tb::jinja
