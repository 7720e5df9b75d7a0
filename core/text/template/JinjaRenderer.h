#pragma once
// Why this exists: evaluates a parsed template against variables, with jinja2's scoping
// (loop bodies get their own scope; namespaces carry values out), loop.* variables, macros,
// and hard limits on output size, loop iterations and call depth.
#include "text/template/JinjaAst.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tb::jinja {

struct RenderSettings {
    size_t maxOutputBytes = 1u << 20;     // 1 MiB
    int64_t maxLoopIterations = 100000;   // over the whole render
    int64_t maxRangeItems = 100000;       // range() size
    int maxCallDepth = 64;                // macro calls
    bool strictFields = false;            // an unknown top-level name is a missing row field (an error when used)
    std::vector<std::string> fieldNames;  // the row's fields, listed in that error
    bool raiseException = false;          // define raise_exception(message) (chat templates)
};

std::string renderNodes(const NodeList& body, const std::map<std::string, Value>& vars, const RenderSettings& settings);   // throws JinjaError

} // namespace tb::jinja
