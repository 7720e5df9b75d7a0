#include "data/InstructionExport.h"

#include "util/Error.h"

#include <nlohmann/json.hpp>

namespace tb {

ExportFormat parseExportFormat(const std::string& s) {
    if (s == "jsonl" || s == "prompt-completion") return ExportFormat::Jsonl;
    if (s == "chat" || s == "messages") return ExportFormat::Chat;
    throw UsageError("unknown export format '" + s + "': use jsonl ({\"prompt\",\"completion\"}) or chat ({\"messages\"})");
}

void writeExampleLine(std::ostream& out, const InstructionExample& ex, ExportFormat format) {
    nlohmann::ordered_json j;
    if (format == ExportFormat::Jsonl) {
        j["prompt"] = ex.prompt;
        j["completion"] = ex.completion;
        if (ex.references.size() > 1) j["references"] = ex.references;
    } else {
        j["messages"] = nlohmann::ordered_json::array(
            {{{"role", "user"}, {"content", ex.prompt}}, {{"role", "assistant"}, {"content", ex.completion}}});
    }
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

} // namespace tb
