#include "io/ModelInfo.h"

#include "io/SafeTensorsFile.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;

namespace tb {
namespace {

int64_t intField(const nlohmann::json& j, std::initializer_list<const char*> keys) {
    for (const char* k : keys) {
        auto it = j.find(k);
        if (it != j.end() && it->is_number_integer()) return it->get<int64_t>();
    }
    return 0;
}

} // namespace

ModelFolderInfo inspectModelFolder(const std::string& dir) {
    ModelFolderInfo info;
    info.dir = dir;
    if (!fs::is_directory(dir)) {
        info.errors.push_back("folder " + dir + " does not exist");
        return info;
    }
    const fs::path root(dir);
    // config.json
    nlohmann::json cfg;
    if (!fs::exists(root / "config.json")) {
        info.errors.push_back("no config.json: not a Hugging Face model folder");
    } else {
        try {
            std::ifstream in(root / "config.json");
            cfg = nlohmann::json::parse(in);
            info.modelType = cfg.value("model_type", std::string());
            if (cfg.contains("architectures") && cfg["architectures"].is_array() && !cfg["architectures"].empty() &&
                cfg["architectures"][0].is_string())
                info.architecture = cfg["architectures"][0].get<std::string>();
            info.vocabSize = intField(cfg, {"vocab_size"});
            info.numLayers = intField(cfg, {"num_hidden_layers", "n_layer", "num_layers"});
            info.hiddenSize = intField(cfg, {"hidden_size", "n_embd", "d_model"});
            info.contextLength = intField(cfg, {"max_position_embeddings", "n_positions"});
            for (const char* t : {"gpt2", "llama", "mistral", "qwen2", "gpt_neox", "t5"})
                if (info.modelType == t) info.supported = true;
            if (!info.supported)
                info.errors.push_back("model_type '" + info.modelType +
                                      "' is not supported (supported: gpt2, llama, mistral, qwen2, gpt_neox, t5)");
            if (cfg.value("use_sliding_window", false) || (info.modelType == "mistral" && cfg.contains("sliding_window") && !cfg["sliding_window"].is_null()))
                info.warnings.push_back("sliding-window attention applies only beyond " +
                                        std::to_string(intField(cfg, {"sliding_window"})) + " tokens");
        } catch (const std::exception& e) {
            info.errors.push_back(std::string("config.json is not valid JSON: ") + e.what());
        }
    }
    // weights
    try {
        auto set = SafeTensorsSet::openModelDir(dir);
        std::map<std::string, int64_t> bytesByDtype;
        for (const auto& f : set.files()) {
            info.weightFiles.push_back(fs::path(f->path()).filename().string());
            info.sizeOnDisk += static_cast<int64_t>(fs::file_size(f->path()));
            for (const auto& t : f->tensors()) {
                info.parameterCount += t.numel();
                bytesByDtype[stDtypeName(t.dtype)] += static_cast<int64_t>(t.end - t.begin);
            }
        }
        int64_t best = -1;
        for (const auto& [d, b] : bytesByDtype)
            if (b > best) { best = b; info.dtype = d; }
    } catch (const std::exception& e) {
        info.errors.push_back(e.what());
    }
    // tokenizer
    if (fs::exists(root / "tokenizer.json")) info.tokenizerKind = "tokenizer.json";
    else if (fs::exists(root / "vocab.json") && fs::exists(root / "merges.txt")) info.tokenizerKind = "vocab.json+merges.txt";
    else if (fs::exists(root / "tokenizer.model") || fs::exists(root / "spiece.model")) info.tokenizerKind = "sentencepiece";
    else info.warnings.push_back("no tokenizer files (tokenizer.json, vocab.json+merges.txt or tokenizer.model)");
    return info;
}

} // namespace tb
