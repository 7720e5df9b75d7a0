#pragma once
// Why this exists: the JSON files of resources/templates/, embedded into tb_text at build time
// (core/CMakeLists.txt generates the definition), so the headless CLI needs no Qt resources.
#include <cstddef>
#include <vector>

namespace tb::detail {

struct EmbeddedFile {
    const char* name;             // "dialogue_summarisation.json"
    const unsigned char* data;
    size_t size;
};

const std::vector<EmbeddedFile>& builtinTemplateFiles();

} // namespace tb::detail
