#pragma once
// Why this exists: the Models page and `tunebench` validation describe a model folder without
// loading it (no torch types here): what it is, how big, which tokenizer, and what is wrong.
#include <cstdint>
#include <string>
#include <vector>

namespace tb {

struct ModelFolderInfo {
    std::string dir;
    std::string architecture;     // "LlamaForCausalLM"
    std::string modelType;        // "llama"
    std::string dtype;            // dominant weight dtype ("F32", "BF16", ...)
    std::string tokenizerKind;    // "tokenizer.json", "vocab.json+merges.txt", "sentencepiece", "" (none)
    int64_t parameterCount = 0;   // elements in the safetensors
    int64_t sizeOnDisk = 0;       // bytes of weight files
    int64_t vocabSize = 0, numLayers = 0, hiddenSize = 0, contextLength = 0;
    bool supported = false;       // model_type is one we run
    std::vector<std::string> weightFiles;
    std::vector<std::string> errors;     // the folder cannot be loaded
    std::vector<std::string> warnings;   // it loads, but the user should know
};

ModelFolderInfo inspectModelFolder(const std::string& dir);

} // namespace tb
