#include "models/ModelConfig.h"

#include "util/Error.h"

#include <algorithm>
#include <fstream>

namespace tb {
namespace {

// Reads j[key] as T with a default when absent or null; wrong types name the field.
template <typename T>
T get(const nlohmann::json& j, const char* key, T fallback) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    try {
        return it->get<T>();
    } catch (const std::exception&) {
        throw Error(std::string("config.json: field '") + key + "' has the wrong type (" + it->dump() + ")");
    }
}

std::vector<int64_t> idList(const nlohmann::json& j, const char* key) {
    std::vector<int64_t> out;
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return out;
    if (it->is_number_integer()) out.push_back(it->get<int64_t>());
    else if (it->is_array()) {
        for (const auto& v : *it) {
            if (!v.is_number_integer()) throw Error(std::string("config.json: ") + key + " must be an integer or a list of integers");
            out.push_back(v.get<int64_t>());
        }
    } else throw Error(std::string("config.json: ") + key + " must be an integer or a list of integers");
    return out;
}

void requirePositive(int64_t v, const char* field) {
    if (v <= 0) throw Error(std::string("config.json: ") + field + " must be positive (got " + std::to_string(v) + ")");
}

void parseRopeScaling(const nlohmann::json& j, ModelConfig& c) {
    auto it = j.find("rope_scaling");
    if (it == j.end() || it->is_null()) return;
    if (!it->is_object()) throw Error("config.json: rope_scaling must be an object or null");
    std::string type = get<std::string>(*it, "rope_type", get<std::string>(*it, "type", ""));
    c.ropeScaling.type = type;
    c.ropeScaling.factor = get<double>(*it, "factor", 1.0);
    if (type == "linear" || type == "dynamic") {
        if (c.ropeScaling.factor <= 0) throw Error("config.json: rope_scaling.factor must be positive");
    } else if (type == "llama3") {
        c.ropeScaling.lowFreqFactor = get<double>(*it, "low_freq_factor", 1.0);
        c.ropeScaling.highFreqFactor = get<double>(*it, "high_freq_factor", 4.0);
        c.ropeScaling.originalMaxPositions = get<int64_t>(*it, "original_max_position_embeddings", 8192);
    } else if (type == "default" || type.empty()) {
        c.ropeScaling.type.clear();
    } else {
        throw Error("config.json: rope_scaling type '" + type +
                    "' is not supported (supported: linear, dynamic, llama3). Remove rope_scaling only if the model was not trained with it.");
    }
}

} // namespace

const std::vector<std::string>& ModelConfig::supportedModelTypes() {
    static const std::vector<std::string> types{"gpt2", "llama", "mistral", "qwen2", "gpt_neox", "t5"};
    return types;
}

ModelConfig ModelConfig::fromFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Error("cannot read " + path + ": a Hugging Face model folder needs config.json");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const std::exception& e) {
        throw Error("reading " + path + ": not valid JSON (" + e.what() + ")");
    }
    try {
        return fromJson(j);
    } catch (const Error& e) {
        throw Error(path + ": " + e.what());
    }
}

ModelConfig ModelConfig::fromJson(const nlohmann::json& j) {
    if (!j.is_object()) throw Error("config.json is not a JSON object");
    ModelConfig c;
    c.raw = j;
    c.modelType = get<std::string>(j, "model_type", "");
    if (j.contains("architectures") && j["architectures"].is_array() && !j["architectures"].empty() &&
        j["architectures"][0].is_string())
        c.architecture = j["architectures"][0].get<std::string>();
    c.torchDtype = get<std::string>(j, "torch_dtype", "");
    c.bosTokenIds = idList(j, "bos_token_id");
    c.eosTokenIds = idList(j, "eos_token_id");
    c.padTokenId = get<int64_t>(j, "pad_token_id", -1);
    const auto& t = c.modelType;

    if (t == "gpt2") {
        c.family = "gpt2";
        c.vocabSize = get<int64_t>(j, "vocab_size", 50257);
        c.hiddenSize = get<int64_t>(j, "n_embd", 768);
        c.numLayers = get<int64_t>(j, "n_layer", 12);
        c.numHeads = get<int64_t>(j, "n_head", 12);
        c.intermediateSize = get<int64_t>(j, "n_inner", 4 * c.hiddenSize);
        c.maxPositions = get<int64_t>(j, "n_positions", 1024);
        c.normKind = "layernorm";
        c.normEps = get<double>(j, "layer_norm_epsilon", 1e-5);
        c.activation = get<std::string>(j, "activation_function", "gelu_new");
        c.tieWordEmbeddings = get<bool>(j, "tie_word_embeddings", true);
        c.scaleAttnWeights = get<bool>(j, "scale_attn_weights", true);
        c.scaleAttnByInverseLayerIdx = get<bool>(j, "scale_attn_by_inverse_layer_idx", false);
        c.reorderAndUpcastAttn = get<bool>(j, "reorder_and_upcast_attn", false);
        c.attentionBias = c.outputBias = c.mlpBias = true;
        c.embeddingDropout = get<double>(j, "embd_pdrop", 0.1);   // GPT2Config's defaults
        c.attentionDropout = get<double>(j, "attn_pdrop", 0.1);
        c.residualDropout = get<double>(j, "resid_pdrop", 0.1);
    } else if (t == "llama" || t == "mistral" || t == "qwen2") {
        c.family = "llama";
        c.vocabSize = get<int64_t>(j, "vocab_size", t == "llama" ? 32000 : t == "mistral" ? 32000 : 151936);
        c.hiddenSize = get<int64_t>(j, "hidden_size", 4096);
        c.intermediateSize = get<int64_t>(j, "intermediate_size", t == "llama" ? 11008 : t == "mistral" ? 14336 : 22016);
        c.numLayers = get<int64_t>(j, "num_hidden_layers", 32);
        c.numHeads = get<int64_t>(j, "num_attention_heads", 32);
        c.numKvHeads = get<int64_t>(j, "num_key_value_heads", t == "mistral" ? 8 : c.numHeads);
        c.maxPositions = get<int64_t>(j, "max_position_embeddings", t == "llama" ? 2048 : t == "mistral" ? 131072 : 32768);
        c.normKind = "rmsnorm";
        c.normEps = get<double>(j, "rms_norm_eps", 1e-6);
        c.activation = get<std::string>(j, "hidden_act", "silu");
        c.tieWordEmbeddings = get<bool>(j, "tie_word_embeddings", false);
        c.ropeTheta = get<double>(j, "rope_theta", 10000.0);
        c.attentionDropout = get<double>(j, "attention_dropout", 0.0);
        if (t == "qwen2") {
            c.attentionBias = true;
        } else if (t == "llama") {
            c.attentionBias = get<bool>(j, "attention_bias", false);
            c.outputBias = c.attentionBias;
            c.mlpBias = get<bool>(j, "mlp_bias", false);
        }
        if (t == "mistral") c.slidingWindow = get<int64_t>(j, "sliding_window", 4096);
        if (t == "qwen2" && get<bool>(j, "use_sliding_window", false)) c.slidingWindow = get<int64_t>(j, "sliding_window", 4096);
        parseRopeScaling(j, c);
        c.headDim = get<int64_t>(j, "head_dim", 0);
    } else if (t == "gpt_neox") {
        c.family = "gpt_neox";
        c.vocabSize = get<int64_t>(j, "vocab_size", 50432);
        c.hiddenSize = get<int64_t>(j, "hidden_size", 6144);
        c.numLayers = get<int64_t>(j, "num_hidden_layers", 44);
        c.numHeads = get<int64_t>(j, "num_attention_heads", 64);
        c.intermediateSize = get<int64_t>(j, "intermediate_size", 24576);
        c.maxPositions = get<int64_t>(j, "max_position_embeddings", 2048);
        c.normKind = "layernorm";
        c.normEps = get<double>(j, "layer_norm_eps", 1e-5);
        c.activation = get<std::string>(j, "hidden_act", "gelu");
        c.tieWordEmbeddings = get<bool>(j, "tie_word_embeddings", false);
        c.ropeTheta = get<double>(j, "rotary_emb_base", 10000.0);
        c.parallelResidual = get<bool>(j, "use_parallel_residual", true);
        c.attentionDropout = get<double>(j, "attention_dropout", 0.0);
        c.embeddingDropout = c.residualDropout = get<double>(j, "hidden_dropout", 0.0);
        c.attentionBias = get<bool>(j, "attention_bias", true);
        c.outputBias = c.mlpBias = true;
        parseRopeScaling(j, c);
        if (c.ropeScaling.type == "llama3") throw Error("config.json: gpt_neox does not support rope_scaling type llama3");
    } else if (t == "t5") {
        c.family = "t5";
        c.isEncoderDecoder = true;
        c.vocabSize = get<int64_t>(j, "vocab_size", 32128);
        c.hiddenSize = get<int64_t>(j, "d_model", 512);
        c.dKv = get<int64_t>(j, "d_kv", 64);
        c.dFf = get<int64_t>(j, "d_ff", 2048);
        c.intermediateSize = c.dFf;
        c.numLayers = get<int64_t>(j, "num_layers", 6);
        c.numDecoderLayers = get<int64_t>(j, "num_decoder_layers", c.numLayers);
        c.numHeads = get<int64_t>(j, "num_heads", 8);
        c.numKvHeads = c.numHeads;
        c.headDim = c.dKv;
        c.relativeAttentionNumBuckets = get<int64_t>(j, "relative_attention_num_buckets", 32);
        c.relativeAttentionMaxDistance = get<int64_t>(j, "relative_attention_max_distance", 128);
        c.normKind = "rmsnorm";
        c.normEps = get<double>(j, "layer_norm_epsilon", 1e-6);
        const auto ffp = get<std::string>(j, "feed_forward_proj", "relu");
        c.gatedFeedForward = ffp.rfind("gated-", 0) == 0;
        c.activation = c.gatedFeedForward ? ffp.substr(6) : ffp;
        if (c.activation == "gelu" && c.gatedFeedForward) c.activation = "gelu_new";   // as transformers maps gated-gelu
        c.tieWordEmbeddings = get<bool>(j, "tie_word_embeddings", true);
        c.decoderStartTokenId = get<int64_t>(j, "decoder_start_token_id", 0);
        if (c.padTokenId < 0) c.padTokenId = 0;
        if (c.eosTokenIds.empty()) c.eosTokenIds = {1};
        c.maxPositions = get<int64_t>(j, "n_positions", 512);
    } else {
        std::string list;
        for (const auto& s : supportedModelTypes()) list += (list.empty() ? "" : ", ") + s;
        throw Error("model_type '" + (t.empty() ? std::string("(missing)") : t) + "' is not supported; supported model types: " + list);
    }

    requirePositive(c.vocabSize, "vocab_size");
    requirePositive(c.hiddenSize, "hidden size");
    requirePositive(c.numLayers, "number of layers");
    requirePositive(c.numHeads, "number of attention heads");
    requirePositive(c.maxPositions, "max positions");
    for (const auto& [p, name] : {std::pair{c.embeddingDropout, "embedding dropout"}, std::pair{c.attentionDropout, "attention dropout"},
                                  std::pair{c.residualDropout, "residual dropout"}})
        if (!(p >= 0.0 && p < 1.0))
            throw Error(std::string("config.json: ") + name + " must be in [0, 1), got " + std::to_string(p));
    if (c.numKvHeads <= 0) c.numKvHeads = c.numHeads;
    if (c.headDim <= 0) {
        if (c.hiddenSize % c.numHeads != 0)
            throw Error("config.json: hidden size " + std::to_string(c.hiddenSize) + " is not divisible by " +
                        std::to_string(c.numHeads) + " heads");
        c.headDim = c.hiddenSize / c.numHeads;
    }
    if (c.numHeads % c.numKvHeads != 0)
        throw Error("config.json: num_attention_heads (" + std::to_string(c.numHeads) +
                    ") must be a multiple of num_key_value_heads (" + std::to_string(c.numKvHeads) + ")");
    if (c.family == "gpt_neox") {
        const double pct = get<double>(j, "rotary_pct", 0.25);
        c.rotaryDim = static_cast<int64_t>(c.headDim * pct);
    } else if (c.family == "llama") {
        c.rotaryDim = c.headDim;
    }
    if (c.rotaryDim % 2 != 0) throw Error("config.json: rotary dimension must be even");
    static const std::vector<std::string> acts{"gelu_new", "gelu", "gelu_pytorch_tanh", "gelu_fast", "silu", "swish", "relu", "quick_gelu", "tanh"};
    if (std::find(acts.begin(), acts.end(), c.activation) == acts.end())
        throw Error("config.json: activation '" + c.activation + "' is not supported");
    return c;
}

} // namespace tb
