#pragma once
// Why this exists: one typed view of a Hugging Face config.json for every architecture we run
// (gpt2, llama, mistral, qwen2, gpt_neox, t5), with the per-architecture defaults transformers
// applies, validated when parsed so a bad or unsupported config fails with a message that
// names the field. No torch.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace tb {

struct RopeScaling {
    std::string type;             // "" (none), "linear", "dynamic", "llama3"
    double factor = 1.0;
    double lowFreqFactor = 1.0;   // llama3
    double highFreqFactor = 4.0;  // llama3
    int64_t originalMaxPositions = 0;  // llama3 original_max_position_embeddings
};

struct ModelConfig {
    std::string modelType;        // "gpt2", "llama", "mistral", "qwen2", "gpt_neox", "t5"
    std::string architecture;     // architectures[0], e.g. "LlamaForCausalLM"
    std::string family;           // implementation: "gpt2", "llama", "gpt_neox", "t5"

    int64_t vocabSize = 0;
    int64_t hiddenSize = 0;
    int64_t intermediateSize = 0;
    int64_t numLayers = 0;
    int64_t numHeads = 0;
    int64_t numKvHeads = 0;
    int64_t headDim = 0;
    int64_t maxPositions = 0;     // the context length (n_positions / max_position_embeddings)

    std::string normKind;         // "layernorm" or "rmsnorm"
    double normEps = 1e-5;
    std::string activation;       // "gelu_new", "gelu", "gelu_pytorch_tanh", "silu", "relu", ...
    bool tieWordEmbeddings = false;

    // rotary (llama family, gpt_neox)
    double ropeTheta = 10000.0;
    RopeScaling ropeScaling;
    int64_t rotaryDim = 0;        // head dims rotated (neox: rotary_pct * headDim)

    // Dropout in training mode where transformers places it (identity in eval mode):
    double embeddingDropout = 0;     // on the input embeddings: gpt2 embd_pdrop, gpt_neox hidden_dropout
    double attentionDropout = 0;     // on attention probabilities: gpt2 attn_pdrop, attention_dropout
    double residualDropout = 0;      // on each attention/MLP output: gpt2 resid_pdrop, gpt_neox hidden_dropout

    bool parallelResidual = false;   // gpt_neox use_parallel_residual
    bool attentionBias = false;      // q/k/v (and neox dense) biases
    bool outputBias = false;         // o_proj bias
    bool mlpBias = false;
    int64_t slidingWindow = 0;       // mistral / qwen2 with use_sliding_window; 0 = none

    // gpt2
    bool scaleAttnWeights = true;
    bool scaleAttnByInverseLayerIdx = false;
    bool reorderAndUpcastAttn = false;

    // t5
    int64_t dKv = 0, dFf = 0, numDecoderLayers = 0;
    int64_t relativeAttentionNumBuckets = 32, relativeAttentionMaxDistance = 128;
    bool gatedFeedForward = false;
    int64_t decoderStartTokenId = 0;
    bool isEncoderDecoder = false;

    std::vector<int64_t> bosTokenIds, eosTokenIds;
    int64_t padTokenId = -1;
    std::string torchDtype;       // config.json torch_dtype ("float32", "bfloat16", ...)

    nlohmann::json raw;

    // Parses a config.json object. Throws tb::Error naming the field; an unknown model_type
    // lists the supported ones.
    static ModelConfig fromJson(const nlohmann::json& j);
    static ModelConfig fromFile(const std::string& path);
    static const std::vector<std::string>& supportedModelTypes();
};

} // namespace tb
