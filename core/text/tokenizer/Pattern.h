#pragma once
// Why this exists: tokenizer.json's Replace and Split components take a pattern that is either
// a literal string or a regex ({"String": ...} / {"Regex": ...}); one type finds both.
#include "text/unicode/Regex.h"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tb::tok {

struct Pattern {
    std::string literal;
    std::unique_ptr<Regex> regex;
    // Non-overlapping matches, left to right.
    std::vector<std::pair<size_t, size_t>> find(std::string_view s) const;
    static Pattern parse(const nlohmann::json& j, const std::string& where);
};

} // namespace tb::tok
