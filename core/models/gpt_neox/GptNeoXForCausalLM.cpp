#include "models/gpt_neox/GptNeoXForCausalLM.h"

#include "models/AdaptableLinear.h"
#include "models/DecoderInputs.h"
#include "models/FusedOps.h"
#include "models/ModelOps.h"
#include "models/RotaryEmbedding.h"

#include <cmath>

namespace tb {
namespace {

torch::nn::LayerNorm layerNorm(const ModelConfig& c) {
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hiddenSize}).eps(c.normEps));
}

class GptNeoXAttentionImpl : public torch::nn::Module {
public:
    explicit GptNeoXAttentionImpl(const ModelConfig& c) : heads_(c.numHeads), headDim_(c.headDim), attnDrop_(c.attentionDropout) {
        query_key_value = register_module("query_key_value", AdaptableLinear(c.hiddenSize, 3 * c.hiddenSize, c.attentionBias));
        dense = register_module("dense", AdaptableLinear(c.hiddenSize, c.hiddenSize, c.attentionBias));
    }
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin,
                          const torch::Tensor& bias, KVCache* cache, int64_t layer) {
        const auto b = x.size(0), t = x.size(1);
        // [B, T, H, 3*D]: each head's q, k, v are adjacent.
        auto qkv = query_key_value->forward(x).view({b, t, heads_, 3 * headDim_}).permute({0, 2, 1, 3});
        auto q = qkv.narrow(-1, 0, headDim_);
        auto k = qkv.narrow(-1, headDim_, headDim_);
        auto v = qkv.narrow(-1, 2 * headDim_, headDim_);
        q = ops::applyRotary(q, cos, sin);
        k = ops::applyRotary(k, cos, sin);
        if (cache) std::tie(k, v) = cache->append(layer, k, v);
        else v = ops::headMajor(v);
        return dense->forward(ops::attention(q.contiguous(), k, v, bias, 1.0 / std::sqrt(static_cast<double>(headDim_)),
                                             is_training() ? attnDrop_ : 0.0, /*causalBias=*/true));
    }
    AdaptableLinear query_key_value{nullptr}, dense{nullptr};

private:
    int64_t heads_, headDim_;
    double attnDrop_;
};
TORCH_MODULE(GptNeoXAttention);

class GptNeoXMLPImpl : public torch::nn::Module {
public:
    explicit GptNeoXMLPImpl(const ModelConfig& c) : act_(c.activation) {
        dense_h_to_4h = register_module("dense_h_to_4h", AdaptableLinear(c.hiddenSize, c.intermediateSize, true));
        dense_4h_to_h = register_module("dense_4h_to_h", AdaptableLinear(c.intermediateSize, c.hiddenSize, true));
    }
    torch::Tensor forward(const torch::Tensor& x) { return dense_4h_to_h->forward(ops::activation(act_, dense_h_to_4h->forward(x))); }
    AdaptableLinear dense_h_to_4h{nullptr}, dense_4h_to_h{nullptr};

private:
    std::string act_;
};
TORCH_MODULE(GptNeoXMLP);

class GptNeoXLayerImpl : public torch::nn::Module {
public:
    explicit GptNeoXLayerImpl(const ModelConfig& c) : parallel_(c.parallelResidual), drop_(c.residualDropout) {
        input_layernorm = register_module("input_layernorm", layerNorm(c));
        post_attention_layernorm = register_module("post_attention_layernorm", layerNorm(c));
        attention = register_module("attention", GptNeoXAttention(c));
        mlp = register_module("mlp", GptNeoXMLP(c));
    }
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin,
                          const torch::Tensor& bias, KVCache* cache, int64_t layer) {
        // post_attention_dropout and post_mlp_dropout (hidden_dropout), drawn in transformers' order.
        const bool train = is_training();
        auto a = ops::dropout(attention->forward(input_layernorm->forward(x), cos, sin, bias, cache, layer), drop_, train);
        if (parallel_) return ops::dropout(mlp->forward(post_attention_layernorm->forward(x)), drop_, train) + a + x;
        auto h = a + x;
        return ops::dropout(mlp->forward(post_attention_layernorm->forward(h)), drop_, train) + h;
    }
    torch::nn::LayerNorm input_layernorm{nullptr}, post_attention_layernorm{nullptr};
    GptNeoXAttention attention{nullptr};
    GptNeoXMLP mlp{nullptr};

private:
    bool parallel_;
    double drop_;
};
TORCH_MODULE(GptNeoXLayer);

class GptNeoXModelImpl : public torch::nn::Module {
public:
    explicit GptNeoXModelImpl(const ModelConfig& c) {
        embed_in = register_module("embed_in", torch::nn::Embedding(c.vocabSize, c.hiddenSize));
        layers = register_module("layers", torch::nn::ModuleList());
        for (int64_t i = 0; i < c.numLayers; ++i) {
            GptNeoXLayer l(c);
            layers->push_back(l);
            layerList.push_back(l);
        }
        final_layer_norm = register_module("final_layer_norm", layerNorm(c));
    }
    torch::nn::Embedding embed_in{nullptr};
    torch::nn::ModuleList layers{nullptr};
    std::vector<GptNeoXLayer> layerList;
    torch::nn::LayerNorm final_layer_norm{nullptr};
};
TORCH_MODULE(GptNeoXModel);

class GptNeoXForCausalLM : public CausalLM {
public:
    explicit GptNeoXForCausalLM(const ModelConfig& c) : CausalLM(c), rotary_(c, c.rotaryDim) {
        gpt_neox = register_module("gpt_neox", GptNeoXModel(c));
        if (!c.tieWordEmbeddings) embed_out = register_module("embed_out", AdaptableLinear(c.hiddenSize, c.vocabSize, false));
    }

    ForwardOutput forward(const ForwardInput& in) override {
        ForwardOutput out;
        auto d = prepareDecoderInputs(in, config_, [this](const torch::Tensor& ids) { return gpt_neox->embed_in->forward(ids); },
                                      dtype(), true);
        auto [cos, sin] = rotary_.cosSin(d.positionIds, d.hidden.scalar_type());
        auto h = ops::dropout(d.hidden, config_.embeddingDropout, is_training());   // emb_dropout
        for (size_t i = 0; i < gpt_neox->layerList.size(); ++i) {
            if (in.outputHiddenStates) out.hiddenStates.push_back(h);
            auto layer = gpt_neox->layerList[i];
            h = runDecoderLayer(in, *layer, static_cast<int64_t>(i),
                                [layer, cos = cos, sin = sin, bias = d.bias, cache = in.cache, i](const torch::Tensor& x) mutable {
                                    return layer->forward(x, cos, sin, bias, cache, static_cast<int64_t>(i));
                                },
                                h);
        }
        h = gpt_neox->final_layer_norm->forward(h);
        if (in.outputHiddenStates) out.hiddenStates.push_back(h);
        if (in.cache) in.cache->advance(d.length);
        finishDecoderOutput(out, in, h, embed_out, gpt_neox->embed_in->weight);
        return out;
    }

    torch::nn::Embedding tokenEmbedding() override { return gpt_neox->embed_in; }
    std::string tokenEmbeddingName() const override { return "gpt_neox.embed_in"; }

    GptNeoXModel gpt_neox{nullptr};
    AdaptableLinear embed_out{nullptr};

private:
    RotaryEmbedding rotary_;
};

} // namespace

std::shared_ptr<CausalLM> makeGptNeoXForCausalLM(const ModelConfig& config) {
    return std::make_shared<GptNeoXForCausalLM>(config);
}

} // namespace tb
