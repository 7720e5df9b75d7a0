#pragma once
// Why this exists: instruction sets leave Tunebench as JSON Lines other tools read:
//   jsonl: {"prompt": ..., "completion": ...} (+ "references": [...] when an example has several)
//   chat:  {"messages": [{"role":"user","content": prompt}, {"role":"assistant","content": completion}]}
#include "data/InstructionExample.h"

#include <ostream>
#include <string>

namespace tb {

enum class ExportFormat { Jsonl, Chat };
ExportFormat parseExportFormat(const std::string& s);   // throws UsageError

// One line (with the trailing newline).
void writeExampleLine(std::ostream& out, const InstructionExample& ex, ExportFormat format);

} // namespace tb
