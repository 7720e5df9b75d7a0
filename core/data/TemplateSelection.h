#pragma once
// Why this exists: the user names templates three ways — a built-in template's name
// ("dialogsum.summarise.3"), a task (every built-in of "summarisation"), or a .json file — and
// the CLI, the build job and the UI must resolve them identically.
#include "text/template/PromptTemplate.h"

#include <string>
#include <vector>

namespace tb {

// Resolves each spec in order; a task expands to its built-ins (sorted by name); duplicates
// are dropped. Throws UsageError naming the spec and the known tasks when nothing matches.
std::vector<PromptTemplate> resolveTemplates(const std::vector<std::string>& specs);

} // namespace tb
