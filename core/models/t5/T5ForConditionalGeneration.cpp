#include "models/t5/T5ForConditionalGeneration.h"

#include "models/AdaptableLinear.h"
#include "models/ModelOps.h"
#include "util/Error.h"

#include <cmath>

namespace tb {
namespace {

class T5LayerNormImpl : public torch::nn::Module {
public:
    T5LayerNormImpl(int64_t dim, double eps) : eps_(eps) { weight = register_parameter("weight", torch::ones({dim})); }
    torch::Tensor forward(const torch::Tensor& x) { return ops::rmsNorm(x, weight, eps_, is_training()); }
    torch::Tensor weight;

private:
    double eps_;
};
TORCH_MODULE(T5LayerNorm);

// config.json dropout_rate (transformers' default 0.1).
double dropoutRate(const ModelConfig& c) {
    return c.raw.is_object() && c.raw.contains("dropout_rate") && c.raw["dropout_rate"].is_number()
               ? c.raw["dropout_rate"].get<double>()
               : 0.1;
}

// fp16 only: transformers clamps hidden states to stay finite after each sub-layer.
torch::Tensor clampFp16(const torch::Tensor& x) {
    if (x.scalar_type() != torch::kFloat16) return x;
    const double max = 65504.0;
    const double v = torch::isinf(x).any().item<bool>() ? max - 1000 : max;
    return x.clamp(-v, v);
}

// transformers' T5Attention._relative_position_bucket.
torch::Tensor relativeBucket(const torch::Tensor& relative, bool bidirectional, int64_t numBuckets, int64_t maxDistance) {
    auto buckets = torch::zeros_like(relative);
    auto rp = relative;
    if (bidirectional) {
        numBuckets /= 2;
        buckets = buckets + (rp > 0).to(torch::kLong) * numBuckets;
        rp = rp.abs();
    } else {
        rp = -torch::min(rp, torch::zeros_like(rp));
    }
    const int64_t maxExact = numBuckets / 2;
    auto isSmall = rp < maxExact;
    auto large = maxExact + (torch::log(rp.clamp_min(1).to(torch::kFloat) / static_cast<double>(maxExact)) /
                             std::log(static_cast<double>(maxDistance) / static_cast<double>(maxExact)) *
                             static_cast<double>(numBuckets - maxExact))
                                .to(torch::kLong);
    large = torch::min(large, torch::full_like(large, numBuckets - 1));
    return buckets + torch::where(isSmall, rp, large);
}

class T5AttentionImpl : public torch::nn::Module {
public:
    T5AttentionImpl(const ModelConfig& c, bool hasRelativeBias, bool bidirectional)
        : heads_(c.numHeads), dKv_(c.dKv), buckets_(c.relativeAttentionNumBuckets),
          maxDistance_(c.relativeAttentionMaxDistance), dropout_(dropoutRate(c)),
          bidirectional_(bidirectional) {
        const int64_t inner = c.numHeads * c.dKv;
        q = register_module("q", AdaptableLinear(c.hiddenSize, inner, false));
        k = register_module("k", AdaptableLinear(c.hiddenSize, inner, false));
        v = register_module("v", AdaptableLinear(c.hiddenSize, inner, false));
        o = register_module("o", AdaptableLinear(inner, c.hiddenSize, false));
        if (hasRelativeBias)
            relative_attention_bias = register_module("relative_attention_bias", torch::nn::Embedding(buckets_, heads_));
    }
    // [1, H, T, S] relative position bias for queries at positions past..past+T-1.
    torch::Tensor computeBias(int64_t t, int64_t s, int64_t past, torch::Device device) {
        auto opts = torch::TensorOptions().dtype(torch::kLong).device(device);
        auto ctx = torch::arange(past, past + t, opts).view({t, 1});
        auto mem = torch::arange(0, s, opts).view({1, s});
        auto b = relativeBucket(mem - ctx, bidirectional_, buckets_, maxDistance_);
        return relative_attention_bias->forward(b).permute({2, 0, 1}).unsqueeze(0);
    }
    torch::Tensor split(const torch::Tensor& x) {
        return x.view({x.size(0), x.size(1), heads_, dKv_}).transpose(1, 2);
    }
    // Self-attention (kv from x, optional cache) or cross-attention (kv given).
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& bias, KVCache* cache, int64_t layer,
                          const torch::Tensor& crossK = {}, const torch::Tensor& crossV = {}) {
        auto qh = split(q->forward(x));
        torch::Tensor kh, vh;
        if (crossK.defined()) {
            kh = crossK;
            vh = crossV;
        } else {
            kh = split(k->forward(x));
            vh = split(v->forward(x));
            if (cache) std::tie(kh, vh) = cache->append(layer, kh, vh);
        }
        auto scores = torch::matmul(qh, kh.transpose(-1, -2)) + bias;   // no 1/sqrt(d) in T5
        auto probs = ops::dropout(torch::softmax(scores.to(torch::kFloat32), -1).to(scores.scalar_type()), dropout_, is_training());
        auto out = torch::matmul(probs, vh).transpose(1, 2).reshape({x.size(0), x.size(1), heads_ * dKv_});
        return o->forward(out);
    }
    AdaptableLinear q{nullptr}, k{nullptr}, v{nullptr}, o{nullptr};
    torch::nn::Embedding relative_attention_bias{nullptr};

private:
    int64_t heads_, dKv_, buckets_, maxDistance_;
    double dropout_;
    bool bidirectional_;
};
TORCH_MODULE(T5Attention);

class T5DenseImpl : public torch::nn::Module {
public:
    explicit T5DenseImpl(const ModelConfig& c)
        : gated_(c.gatedFeedForward), act_(c.activation), dropout_(dropoutRate(c)) {
        if (gated_) {
            wi_0 = register_module("wi_0", AdaptableLinear(c.hiddenSize, c.dFf, false));
            wi_1 = register_module("wi_1", AdaptableLinear(c.hiddenSize, c.dFf, false));
        } else {
            wi = register_module("wi", AdaptableLinear(c.hiddenSize, c.dFf, false));
        }
        wo = register_module("wo", AdaptableLinear(c.dFf, c.hiddenSize, false));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        if (gated_) return wo->forward(ops::dropout(ops::activation(act_, wi_0->forward(x)) * wi_1->forward(x), dropout_, is_training()));
        return wo->forward(ops::dropout(ops::activation(act_, wi->forward(x)), dropout_, is_training()));
    }
    AdaptableLinear wi{nullptr}, wi_0{nullptr}, wi_1{nullptr}, wo{nullptr};

private:
    bool gated_;
    std::string act_;
    double dropout_;
};
TORCH_MODULE(T5Dense);

// layer.N: one sub-layer (self-attention, cross-attention or feed-forward) with its norm.
class T5SubLayerImpl : public torch::nn::Module {
public:
    T5SubLayerImpl(const ModelConfig& c, const std::string& kind, bool hasRelativeBias, bool bidirectional) {
        if (kind == "ff") DenseReluDense = register_module("DenseReluDense", T5Dense(c));
        else if (kind == "self") SelfAttention = register_module("SelfAttention", T5Attention(c, hasRelativeBias, bidirectional));
        else EncDecAttention = register_module("EncDecAttention", T5Attention(c, false, true));
        layer_norm = register_module("layer_norm", T5LayerNorm(c.hiddenSize, c.normEps));
    }
    T5Dense DenseReluDense{nullptr};
    T5Attention SelfAttention{nullptr}, EncDecAttention{nullptr};
    T5LayerNorm layer_norm{nullptr};
};
TORCH_MODULE(T5SubLayer);

class T5BlockImpl : public torch::nn::Module {
public:
    T5BlockImpl(const ModelConfig& c, bool decoder, bool first) {
        layer = register_module("layer", torch::nn::ModuleList());
        self = T5SubLayer(c, "self", first, !decoder);
        layer->push_back(self);
        if (decoder) {
            cross = T5SubLayer(c, "cross", false, true);
            layer->push_back(cross);
        }
        ff = T5SubLayer(c, "ff", false, true);
        layer->push_back(ff);
    }
    torch::nn::ModuleList layer{nullptr};
    T5SubLayer self{nullptr}, cross{nullptr}, ff{nullptr};
};
TORCH_MODULE(T5Block);

class T5StackImpl : public torch::nn::Module {
public:
    T5StackImpl(const ModelConfig& c, bool decoder) {
        block = register_module("block", torch::nn::ModuleList());
        const int64_t n = decoder ? c.numDecoderLayers : c.numLayers;
        for (int64_t i = 0; i < n; ++i) {
            T5Block b(c, decoder, i == 0);
            block->push_back(b);
            blocks.push_back(b);
        }
        final_layer_norm = register_module("final_layer_norm", T5LayerNorm(c.hiddenSize, c.normEps));
    }
    torch::nn::ModuleList block{nullptr};
    std::vector<T5Block> blocks;
    T5LayerNorm final_layer_norm{nullptr};
};
TORCH_MODULE(T5Stack);

// An additive [B, 1, 1, S] mask (0 / dtype min) from a 0/1 mask.
torch::Tensor paddingBias(const torch::Tensor& mask, torch::ScalarType dtype) {
    auto m = mask.to(dtype).unsqueeze(1).unsqueeze(1);
    const double minValue = dtype == torch::kFloat16 ? -65504.0 : dtype == torch::kBFloat16 ? -3.3895313892515355e38
                                                                                              : -3.4028234663852886e38;
    return (1.0 - m) * minValue;
}

class T5ForConditionalGeneration : public Seq2SeqLM {
public:
    explicit T5ForConditionalGeneration(const ModelConfig& c) : Seq2SeqLM(c), dropout_(dropoutRate(c)) {
        shared = register_module("shared", torch::nn::Embedding(c.vocabSize, c.hiddenSize));
        encoder = register_module("encoder", T5Stack(c, false));
        decoder = register_module("decoder", T5Stack(c, true));
        if (!c.tieWordEmbeddings) lm_head = register_module("lm_head", AdaptableLinear(c.hiddenSize, c.vocabSize, false));
    }

    torch::Tensor encode(const torch::Tensor& ids, const torch::Tensor& mask, const torch::Tensor& embeds,
                         std::vector<torch::Tensor>* hidden) override {
        if (ids.defined() == embeds.defined()) throw Error("T5 encode: give exactly one of input ids and input embeddings");
        const bool train = is_training();
        auto h = ops::dropout(embeds.defined() ? embeds.to(dtype()) : shared->forward(ids), dropout_, train);
        const auto b = h.size(0), s = h.size(1);
        if (mask.defined() && (mask.size(0) != b || mask.size(1) != s))
            throw Error("T5 encode: the attention mask is [" + std::to_string(mask.size(0)) + ", " + std::to_string(mask.size(1)) +
                        "] but the input is [" + std::to_string(b) + ", " + std::to_string(s) + "]");
        auto bias = encoder->blocks[0]->self->SelfAttention->computeBias(s, s, 0, h.device());
        if (mask.defined()) bias = bias + paddingBias(mask.to(h.device()), h.scalar_type());
        else bias = bias.expand({b, -1, -1, -1});
        for (auto& blk : encoder->blocks) {
            if (hidden) hidden->push_back(h);
            auto& sa = blk->self;
            h = clampFp16(h + ops::dropout(sa->SelfAttention->forward(sa->layer_norm->forward(h), bias, nullptr, 0), dropout_, train));
            h = clampFp16(h + ops::dropout(blk->ff->DenseReluDense->forward(blk->ff->layer_norm->forward(h)), dropout_, train));
        }
        h = ops::dropout(encoder->final_layer_norm->forward(h), dropout_, train);
        if (hidden) hidden->push_back(h);
        return h;
    }

    Seq2SeqOutput decode(const Seq2SeqInput& in) override {
        Seq2SeqOutput out;
        if (!in.encoderHidden.defined()) throw Error("T5 decode: the encoder output is missing");
        if (in.decoderInputIds.defined() == in.decoderInputsEmbeds.defined())
            throw Error("T5 decode: give exactly one of decoder ids and decoder embeddings");
        const bool train = is_training();
        auto h = ops::dropout(in.decoderInputIds.defined() ? shared->forward(in.decoderInputIds) : in.decoderInputsEmbeds.to(dtype()),
                      dropout_, train);
        const auto b = h.size(0), t = h.size(1);
        const int64_t past = in.cache && in.cache->self ? in.cache->self->length() : 0;
        const auto device = h.device();
        auto selfBias = decoder->blocks[0]->self->SelfAttention->computeBias(t, past + t, past, device);
        auto causal = ops::attentionBias(in.decoderMask.defined() ? in.decoderMask : torch::ones({b, past + t}, torch::kLong),
                                         b, t, past, h.scalar_type(), device);
        selfBias = selfBias + causal;
        torch::Tensor crossBias = in.encoderMask.defined()
                                      ? paddingBias(in.encoderMask.to(device), h.scalar_type())
                                      : torch::zeros({b, 1, 1, in.encoderHidden.size(1)}, torch::TensorOptions().dtype(h.scalar_type()).device(device));
        KVCache* selfCache = in.cache ? in.cache->self.get() : nullptr;
        for (size_t i = 0; i < decoder->blocks.size(); ++i) {
            auto& blk = decoder->blocks[i];
            if (in.outputHiddenStates) out.decoderHiddenStates.push_back(h);
            auto& sa = blk->self;
            h = clampFp16(h + ops::dropout(sa->SelfAttention->forward(sa->layer_norm->forward(h), selfBias, selfCache, static_cast<int64_t>(i)),
                                   dropout_, train));
            auto& ca = blk->cross->EncDecAttention;
            torch::Tensor ck, cv;
            if (in.cache && in.cache->cross.size() > i) {
                std::tie(ck, cv) = in.cache->cross[i];
            } else {
                ck = ca->split(ca->k->forward(in.encoderHidden));
                cv = ca->split(ca->v->forward(in.encoderHidden));
                if (in.cache) in.cache->cross.emplace_back(ck, cv);
            }
            h = clampFp16(h + ops::dropout(ca->forward(blk->cross->layer_norm->forward(h), crossBias, nullptr, 0, ck, cv), dropout_, train));
            h = clampFp16(h + ops::dropout(blk->ff->DenseReluDense->forward(blk->ff->layer_norm->forward(h)), dropout_, train));
        }
        h = ops::dropout(decoder->final_layer_norm->forward(h), dropout_, train);
        if (in.outputHiddenStates) out.decoderHiddenStates.push_back(h);
        if (selfCache) selfCache->advance(t);
        if (lm_head) {
            out.logits = lm_head->forward(h);
        } else {
            out.logits = torch::nn::functional::linear(h * std::pow(static_cast<double>(config_.hiddenSize), -0.5), shared->weight);
        }
        return out;
    }

    torch::nn::Embedding tokenEmbedding() override { return shared; }
    std::unique_ptr<Seq2SeqCache> makeSeq2SeqCache(int64_t batch, int64_t capacity) const override {
        auto c = std::make_unique<Seq2SeqCache>();
        c->self = makeCache(batch, capacity);
        return c;
    }

    torch::nn::Embedding shared{nullptr};
    T5Stack encoder{nullptr}, decoder{nullptr};
    AdaptableLinear lm_head{nullptr};

private:
    double dropout_;
};

} // namespace

std::shared_ptr<Seq2SeqLM> makeT5ForConditionalGeneration(const ModelConfig& config) {
    return std::make_shared<T5ForConditionalGeneration>(config);
}

} // namespace tb
