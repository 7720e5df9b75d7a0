#pragma once
// Why this exists: turns template text into tokens exactly as jinja2's lexer does, including
// newline normalisation, the trailing-newline rule, whitespace control (-/+), trim_blocks,
// lstrip_blocks, comments and raw blocks.
#include "text/template/JinjaAst.h"

#include <string>
#include <vector>

namespace tb::jinja {

std::vector<Token> tokenize(const std::string& source, const Options& options);   // throws JinjaError

} // namespace tb::jinja
