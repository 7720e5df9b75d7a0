#pragma once
// Why this exists: builds the syntax tree from tokens with jinja2's grammar and operator
// precedence (filters bind tighter than arithmetic, `not` looser than comparisons, ...).
#include "text/template/JinjaAst.h"

#include <vector>

namespace tb::jinja {

NodeList parseTemplate(const std::vector<Token>& tokens);   // throws JinjaError

} // namespace tb::jinja
