#include "text/tokenizer/Pattern.h"

#include "util/Error.h"

#include <nlohmann/json.hpp>

namespace tb::tok {

std::vector<std::pair<size_t, size_t>> Pattern::find(std::string_view s) const {
    if (regex) return regex->findAll(s);
    std::vector<std::pair<size_t, size_t>> out;
    if (literal.empty()) return out;
    for (size_t p = s.find(literal); p != std::string_view::npos; p = s.find(literal, p + literal.size()))
        out.emplace_back(p, p + literal.size());
    return out;
}

Pattern Pattern::parse(const nlohmann::json& j, const std::string& where) {
    Pattern p;
    if (j.is_object() && j.contains("String")) p.literal = j["String"].get<std::string>();
    else if (j.is_object() && j.contains("Regex")) p.regex = std::make_unique<Regex>(j["Regex"].get<std::string>());
    else if (j.is_string()) p.literal = j.get<std::string>();
    else throw Error("tokenizer.json: " + where + ".pattern must be {\"String\": ...} or {\"Regex\": ...}");
    return p;
}

} // namespace tb::tok
