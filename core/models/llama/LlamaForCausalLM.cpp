#include "models/llama/LlamaForCausalLM.h"

#include "models/AdaptableLinear.h"
#include "models/DecoderInputs.h"
#include "models/FusedOps.h"
#include "models/FusedProjection.h"
#include "models/ModelOps.h"
#include "models/RotaryEmbedding.h"

#include <cmath>

namespace tb {
namespace {

class RMSNormImpl : public torch::nn::Module {
public:
    RMSNormImpl(int64_t dim, double eps) : eps_(eps) { weight = register_parameter("weight", torch::ones({dim})); }
    torch::Tensor forward(const torch::Tensor& x) { return ops::rmsNorm(x, weight, eps_, is_training()); }
    torch::Tensor weight;

private:
    double eps_;
};
TORCH_MODULE(RMSNorm);

class LlamaAttentionImpl : public torch::nn::Module {
public:
    explicit LlamaAttentionImpl(const ModelConfig& c)
        : heads_(c.numHeads), kvHeads_(c.numKvHeads), headDim_(c.headDim), attnDrop_(c.attentionDropout) {
        q_proj = register_module("q_proj", AdaptableLinear(c.hiddenSize, c.numHeads * c.headDim, c.attentionBias));
        k_proj = register_module("k_proj", AdaptableLinear(c.hiddenSize, c.numKvHeads * c.headDim, c.attentionBias));
        v_proj = register_module("v_proj", AdaptableLinear(c.hiddenSize, c.numKvHeads * c.headDim, c.attentionBias));
        o_proj = register_module("o_proj", AdaptableLinear(c.numHeads * c.headDim, c.hiddenSize, c.outputBias));
        qkv_ = FusedProjection({q_proj, k_proj, v_proj});
    }
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin,
                          const torch::Tensor& bias, KVCache* cache, int64_t layer) {
        const auto b = x.size(0), t = x.size(1);
        auto qkv = qkv_.forward(x);
        auto q = qkv[0].view({b, t, heads_, headDim_}).transpose(1, 2);
        auto k = qkv[1].view({b, t, kvHeads_, headDim_}).transpose(1, 2);
        auto v = qkv[2].view({b, t, kvHeads_, headDim_}).transpose(1, 2);
        q = ops::applyRotary(q, cos, sin);
        k = ops::applyRotary(k, cos, sin);
        if (cache) std::tie(k, v) = cache->append(layer, k, v);
        else v = ops::headMajor(v);   // contiguous for attention's products (FusedOps.h)
        auto out = ops::attention(q, k, v, bias, 1.0 / std::sqrt(static_cast<double>(headDim_)), is_training() ? attnDrop_ : 0.0,
                                  /*causalBias=*/true);
        return o_proj->forward(out);
    }
    void bindFused() { qkv_.bind(); }
    AdaptableLinear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, o_proj{nullptr};

private:
    int64_t heads_, kvHeads_, headDim_;
    double attnDrop_;
    FusedProjection qkv_;
};
TORCH_MODULE(LlamaAttention);

class LlamaMLPImpl : public torch::nn::Module {
public:
    explicit LlamaMLPImpl(const ModelConfig& c) : act_(c.activation) {
        gate_proj = register_module("gate_proj", AdaptableLinear(c.hiddenSize, c.intermediateSize, c.mlpBias));
        up_proj = register_module("up_proj", AdaptableLinear(c.hiddenSize, c.intermediateSize, c.mlpBias));
        down_proj = register_module("down_proj", AdaptableLinear(c.intermediateSize, c.hiddenSize, c.mlpBias));
        gateUp_ = FusedProjection({gate_proj, up_proj});
    }
    torch::Tensor forward(const torch::Tensor& x) {
        const auto joined = gateUp_.joined(x);
        if (joined.defined())
            if (auto a = ops::gatedActivation(act_, joined); a.defined()) return down_proj->forward(a);
        const auto gu = joined.defined() ? gateUp_.split(joined) : gateUp_.forward(x);
        return down_proj->forward(ops::activation(act_, gu[0]) * gu[1]);
    }
    void bindFused() { gateUp_.bind(); }
    AdaptableLinear gate_proj{nullptr}, up_proj{nullptr}, down_proj{nullptr};

private:
    std::string act_;
    FusedProjection gateUp_;
};
TORCH_MODULE(LlamaMLP);

class LlamaDecoderLayerImpl : public torch::nn::Module {
public:
    explicit LlamaDecoderLayerImpl(const ModelConfig& c) {
        self_attn = register_module("self_attn", LlamaAttention(c));
        mlp = register_module("mlp", LlamaMLP(c));
        input_layernorm = register_module("input_layernorm", RMSNorm(c.hiddenSize, c.normEps));
        post_attention_layernorm = register_module("post_attention_layernorm", RMSNorm(c.hiddenSize, c.normEps));
    }
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin,
                          const torch::Tensor& bias, KVCache* cache, int64_t layer) {
        auto h = x + self_attn->forward(input_layernorm->forward(x), cos, sin, bias, cache, layer);
        return h + mlp->forward(post_attention_layernorm->forward(h));
    }
    LlamaAttention self_attn{nullptr};
    LlamaMLP mlp{nullptr};
    RMSNorm input_layernorm{nullptr}, post_attention_layernorm{nullptr};
};
TORCH_MODULE(LlamaDecoderLayer);

class LlamaModelImpl : public torch::nn::Module {
public:
    explicit LlamaModelImpl(const ModelConfig& c) {
        embed_tokens = register_module("embed_tokens", torch::nn::Embedding(c.vocabSize, c.hiddenSize));
        layers = register_module("layers", torch::nn::ModuleList());
        for (int64_t i = 0; i < c.numLayers; ++i) {
            LlamaDecoderLayer l(c);
            layers->push_back(l);
            layerList.push_back(l);
        }
        norm = register_module("norm", RMSNorm(c.hiddenSize, c.normEps));
    }
    torch::nn::Embedding embed_tokens{nullptr};
    torch::nn::ModuleList layers{nullptr};
    std::vector<LlamaDecoderLayer> layerList;
    RMSNorm norm{nullptr};
};
TORCH_MODULE(LlamaModel);

class LlamaForCausalLM : public CausalLM {
public:
    explicit LlamaForCausalLM(const ModelConfig& c) : CausalLM(c), rotary_(c, c.rotaryDim) {
        model = register_module("model", LlamaModel(c));
        if (!c.tieWordEmbeddings) lm_head = register_module("lm_head", AdaptableLinear(c.hiddenSize, c.vocabSize, false));
    }

    ForwardOutput forward(const ForwardInput& in) override {
        ForwardOutput out;
        auto d = prepareDecoderInputs(in, config_, [this](const torch::Tensor& ids) { return model->embed_tokens->forward(ids); },
                                      dtype(), true);
        auto [cos, sin] = rotary_.cosSin(d.positionIds, d.hidden.scalar_type());
        auto h = d.hidden;
        for (size_t i = 0; i < model->layerList.size(); ++i) {
            if (in.outputHiddenStates) out.hiddenStates.push_back(h);
            auto layer = model->layerList[i];
            h = runDecoderLayer(in, *layer, static_cast<int64_t>(i),
                                [layer, cos = cos, sin = sin, bias = d.bias, cache = in.cache, i](const torch::Tensor& x) mutable {
                                    return layer->forward(x, cos, sin, bias, cache, static_cast<int64_t>(i));
                                },
                                h);
        }
        h = model->norm->forward(h);
        if (in.outputHiddenStates) out.hiddenStates.push_back(h);
        if (in.cache) in.cache->advance(d.length);
        finishDecoderOutput(out, in, h, lm_head, model->embed_tokens->weight);
        return out;
    }

    torch::nn::Embedding tokenEmbedding() override { return model->embed_tokens; }
    std::string tokenEmbeddingName() const override { return "model.embed_tokens"; }
    void bindFusedProjections() override {
        for (auto& l : model->layerList) {
            l->self_attn->bindFused();
            l->mlp->bindFused();
        }
    }

    LlamaModel model{nullptr};
    AdaptableLinear lm_head{nullptr};

private:
    RotaryEmbedding rotary_;
};

} // namespace

std::shared_ptr<CausalLM> makeLlamaForCausalLM(const ModelConfig& config) {
    return std::make_shared<LlamaForCausalLM>(config);
}

} // namespace tb
