#include "peft/prompt_tuning/PromptTuningAdapter.h"

#include "models/CausalLM.h"
#include "util/Error.h"

namespace tb::peft {

PromptTuningConfig PromptTuningConfig::fromJson(const nlohmann::json& j) {
    PromptTuningConfig c;
    try {
        if (j.contains("num_virtual_tokens")) c.numVirtualTokens = j["num_virtual_tokens"].get<int64_t>();
        else if (j.contains("virtual_tokens")) c.numVirtualTokens = j["virtual_tokens"].get<int64_t>();
        std::string init = "RANDOM";
        if (j.contains("prompt_tuning_init") && j["prompt_tuning_init"].is_string()) init = j["prompt_tuning_init"].get<std::string>();
        else if (j.contains("init") && j["init"].is_string()) init = j["init"].get<std::string>();
        for (auto& ch : init) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (init != "RANDOM" && init != "TEXT")
            throw UsageError("prompt_tuning_init: expected RANDOM or TEXT, got " + init);
        c.fromText = init == "TEXT";
        if (j.contains("prompt_tuning_init_text") && j["prompt_tuning_init_text"].is_string())
            c.initText = j["prompt_tuning_init_text"].get<std::string>();
        else if (j.contains("init_text") && j["init_text"].is_string()) c.initText = j["init_text"].get<std::string>();
        if (j.contains("tokenizer_name_or_path") && j["tokenizer_name_or_path"].is_string())
            c.tokenizerPath = j["tokenizer_name_or_path"].get<std::string>();
    } catch (const nlohmann::json::exception& e) {
        throw UsageError(std::string("prompt tuning config: ") + e.what());
    }
    if (c.numVirtualTokens <= 0) throw UsageError("num_virtual_tokens must be positive");
    if (c.fromText && c.initText.empty())
        throw UsageError("prompt_tuning_init TEXT needs prompt_tuning_init_text (--prompt-init-text)");
    return c;
}

nlohmann::json PromptTuningConfig::toJson() const {
    return {{"num_virtual_tokens", numVirtualTokens},
            {"prompt_tuning_init", fromText ? "TEXT" : "RANDOM"},
            {"prompt_tuning_init_text", fromText ? nlohmann::json(initText) : nlohmann::json(nullptr)}};
}

PromptTuningAdapter::PromptTuningAdapter(CausalLM& model, PromptTuningConfig config,
                                         const std::vector<int64_t>& initTokenIds)
    : config_(std::move(config)) {
    const auto& mc = model.config();
    hidden_ = mc.hiddenSize;
    heads_ = mc.numHeads;
    layers_ = mc.numLayers;
    // PEFT's SEQ_2_SEQ_LM: num_transformer_submodules = 2, so 2n rows are stored (and trained);
    // prompt tuning prepends only the first n to the encoder input.
    submodules_ = mc.isEncoderDecoder ? 2 : 1;
    auto embedding = model.tokenEmbedding();
    auto opts = torch::TensorOptions().device(embedding->weight.device()).dtype(torch::kFloat32);
    torch::NoGradGuard ng;
    const int64_t n = config_.numVirtualTokens * submodules_;
    if (config_.fromText) {
        if (initTokenIds.empty()) throw UsageError("prompt tuning: the init text tokenizes to nothing");
        std::vector<int64_t> ids;
        while (static_cast<int64_t>(ids.size()) < n) ids.insert(ids.end(), initTokenIds.begin(), initTokenIds.end());
        ids.resize(static_cast<size_t>(n));
        auto idx = torch::tensor(ids, torch::kInt64).to(embedding->weight.device());
        embeddings_ = embedding->weight.index_select(0, idx).detach().clone().to(torch::kFloat32);
    } else {
        embeddings_ = torch::randn({n, hidden_}, opts);
    }
    embeddings_.set_requires_grad(true);
}

nlohmann::json PromptTuningAdapter::configJson() const {
    auto j = config_.toJson();
    j["method"] = "prompt";
    return j;
}

nlohmann::json PromptTuningAdapter::peftConfigJson() const {
    return {{"peft_type", "PROMPT_TUNING"},
            {"num_virtual_tokens", config_.numVirtualTokens},
            {"token_dim", hidden_},
            {"num_transformer_submodules", submodules_},
            {"num_attention_heads", heads_},
            {"num_layers", layers_},
            {"prompt_tuning_init", config_.fromText ? "TEXT" : "RANDOM"},
            {"prompt_tuning_init_text", config_.fromText ? nlohmann::json(config_.initText) : nlohmann::json(nullptr)},
            {"tokenizer_name_or_path", config_.tokenizerPath.empty() ? nlohmann::json(nullptr) : nlohmann::json(config_.tokenizerPath)},
            {"tokenizer_kwargs", nullptr}};
}

void PromptTuningAdapter::loadPeftState(const std::map<std::string, torch::Tensor>& tensors) {
    copyStrict("prompt-tuning adapter", peftState(), tensors);
}

} // namespace tb::peft
