#include "models/gpt2/Gpt2LMHeadModel.h"

#include "models/AdaptableLinear.h"
#include "models/DecoderInputs.h"
#include "models/ModelOps.h"

#include <cmath>

namespace tb {
namespace {

class Gpt2AttentionImpl : public torch::nn::Module {
public:
    Gpt2AttentionImpl(const ModelConfig& c, int64_t layerIdx)
        : heads_(c.numHeads), headDim_(c.headDim), hidden_(c.hiddenSize), attnDrop_(c.attentionDropout), residDrop_(c.residualDropout) {
        c_attn = register_module("c_attn", AdaptableLinear(c.hiddenSize, 3 * c.hiddenSize, true, true));
        c_proj = register_module("c_proj", AdaptableLinear(c.hiddenSize, c.hiddenSize, true, true));
        scale_ = c.scaleAttnWeights ? 1.0 / std::sqrt(static_cast<double>(headDim_)) : 1.0;
        if (c.scaleAttnByInverseLayerIdx) scale_ /= static_cast<double>(layerIdx + 1);
    }
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias, KVCache* cache, int64_t layer) {
        const auto b = x.size(0), t = x.size(1);
        auto qkv = c_attn->forward(x);
        auto q = qkv.narrow(-1, 0, hidden_).view({b, t, heads_, headDim_}).transpose(1, 2);
        auto k = qkv.narrow(-1, hidden_, hidden_).view({b, t, heads_, headDim_}).transpose(1, 2);
        auto v = qkv.narrow(-1, 2 * hidden_, hidden_).view({b, t, heads_, headDim_}).transpose(1, 2);
        if (cache) std::tie(k, v) = cache->append(layer, k, v);
        const bool train = is_training();
        auto out = c_proj->forward(ops::attention(q, k, v, bias, scale_, train ? attnDrop_ : 0.0, /*causalBias=*/true));
        return ops::dropout(out, residDrop_, train);
    }
    AdaptableLinear c_attn{nullptr}, c_proj{nullptr};

private:
    int64_t heads_, headDim_, hidden_;
    double scale_, attnDrop_, residDrop_;
};
TORCH_MODULE(Gpt2Attention);

class Gpt2MLPImpl : public torch::nn::Module {
public:
    explicit Gpt2MLPImpl(const ModelConfig& c) : act_(c.activation), drop_(c.residualDropout) {
        c_fc = register_module("c_fc", AdaptableLinear(c.hiddenSize, c.intermediateSize, true, true));
        c_proj = register_module("c_proj", AdaptableLinear(c.intermediateSize, c.hiddenSize, true, true));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        return ops::dropout(c_proj->forward(ops::activation(act_, c_fc->forward(x))), drop_, is_training());
    }
    AdaptableLinear c_fc{nullptr}, c_proj{nullptr};

private:
    std::string act_;
    double drop_;
};
TORCH_MODULE(Gpt2MLP);

torch::nn::LayerNorm layerNorm(const ModelConfig& c) {
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hiddenSize}).eps(c.normEps));
}

class Gpt2BlockImpl : public torch::nn::Module {
public:
    Gpt2BlockImpl(const ModelConfig& c, int64_t layerIdx) {
        ln_1 = register_module("ln_1", layerNorm(c));
        attn = register_module("attn", Gpt2Attention(c, layerIdx));
        ln_2 = register_module("ln_2", layerNorm(c));
        mlp = register_module("mlp", Gpt2MLP(c));
    }
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias, KVCache* cache, int64_t layer) {
        auto h = x + attn->forward(ln_1->forward(x), bias, cache, layer);
        return h + mlp->forward(ln_2->forward(h));
    }
    torch::nn::LayerNorm ln_1{nullptr}, ln_2{nullptr};
    Gpt2Attention attn{nullptr};
    Gpt2MLP mlp{nullptr};
};
TORCH_MODULE(Gpt2Block);

class Gpt2ModelImpl : public torch::nn::Module {
public:
    explicit Gpt2ModelImpl(const ModelConfig& c) {
        wte = register_module("wte", torch::nn::Embedding(c.vocabSize, c.hiddenSize));
        wpe = register_module("wpe", torch::nn::Embedding(c.maxPositions, c.hiddenSize));
        h = register_module("h", torch::nn::ModuleList());
        for (int64_t i = 0; i < c.numLayers; ++i) {
            Gpt2Block b(c, i);
            h->push_back(b);
            blocks.push_back(b);
        }
        ln_f = register_module("ln_f", layerNorm(c));
    }
    torch::nn::Embedding wte{nullptr}, wpe{nullptr};
    torch::nn::ModuleList h{nullptr};
    std::vector<Gpt2Block> blocks;
    torch::nn::LayerNorm ln_f{nullptr};
};
TORCH_MODULE(Gpt2Model);

class Gpt2LMHeadModel : public CausalLM {
public:
    explicit Gpt2LMHeadModel(const ModelConfig& c) : CausalLM(c) {
        transformer = register_module("transformer", Gpt2Model(c));
        if (!c.tieWordEmbeddings) lm_head = register_module("lm_head", AdaptableLinear(c.hiddenSize, c.vocabSize, false));
    }

    ForwardOutput forward(const ForwardInput& in) override {
        ForwardOutput out;
        auto d = prepareDecoderInputs(in, config_, [this](const torch::Tensor& ids) { return transformer->wte->forward(ids); },
                                      dtype(), true);
        auto h = ops::dropout(d.hidden + transformer->wpe->forward(d.positionIds), config_.embeddingDropout, is_training());
        for (size_t i = 0; i < transformer->blocks.size(); ++i) {
            if (in.outputHiddenStates) out.hiddenStates.push_back(h);
            auto block = transformer->blocks[i];
            h = runDecoderLayer(in, *block, static_cast<int64_t>(i),
                                [block, bias = d.bias, cache = in.cache, i](const torch::Tensor& x) mutable {
                                    return block->forward(x, bias, cache, static_cast<int64_t>(i));
                                },
                                h);
        }
        h = transformer->ln_f->forward(h);
        if (in.outputHiddenStates) out.hiddenStates.push_back(h);
        if (in.cache) in.cache->advance(d.length);
        finishDecoderOutput(out, in, h, lm_head, transformer->wte->weight);
        return out;
    }

    torch::nn::Embedding tokenEmbedding() override { return transformer->wte; }
    std::string tokenEmbeddingName() const override { return "transformer.wte"; }

    Gpt2Model transformer{nullptr};
    AdaptableLinear lm_head{nullptr};
};

} // namespace

std::shared_ptr<CausalLM> makeGpt2LMHeadModel(const ModelConfig& config) {
    return std::make_shared<Gpt2LMHeadModel>(config);
}

} // namespace tb
