#pragma once
// Why this exists: the interface for encoder-decoder models (T5, FLAN-T5), the counterpart of
// CausalLM's forward: the encoder reads the prompt once, the decoder runs over decoder ids with
// a self-attention KV cache and cross-attention keys/values computed once per prompt. It *is* a
// CausalLM (config, token embedding, device, Hugging Face module names), so the PEFT room's
// adapters (LoRA, IA3, prompt tuning, selective, full), PeftModel and the loader work on it
// unchanged; only CausalLM::forward (decoder-only semantics) is refused with a message.
// Modules carry Hugging Face names (`encoder.block.0.layer.0.SelfAttention.q`, `lm_head`).
//
// Usage:
//   1. auto lm = tb::loadSeq2SeqLM(dir, {"cpu", "fp32"});   (or loadCausalLM + asSeq2Seq)
//   2. auto enc = lm->encode(ids, mask);                      [B, S, d_model]
//   3. tb::Seq2SeqInput in; in.encoderHidden = enc; in.encoderMask = mask; in.decoderInputIds = dec;
//   4. auto logits = lm->decode(in).logits;                   [B, T, vocab]
#include "models/CausalLM.h"
#include "models/KVCache.h"
#include "models/ModelConfig.h"
#include "models/ModelLoader.h"

#include <torch/torch.h>

namespace tb {

// The decoder's self-attention cache plus the cross-attention keys/values per decoder layer
// (filled by the first decode call, reused afterwards).
struct Seq2SeqCache {
    std::unique_ptr<KVCache> self;
    std::vector<std::pair<torch::Tensor, torch::Tensor>> cross;
};

struct Seq2SeqInput {
    torch::Tensor encoderHidden;        // [B, S, d_model] from encode()
    torch::Tensor encoderMask;          // [B, S] 0/1 or undefined
    torch::Tensor decoderInputIds;      // [B, T], or decoderInputsEmbeds
    torch::Tensor decoderInputsEmbeds;
    torch::Tensor decoderMask;          // [B, past + T] 0/1 or undefined
    Seq2SeqCache* cache = nullptr;
    bool outputHiddenStates = false;
};

struct Seq2SeqOutput {
    torch::Tensor logits;                              // [B, T, vocab]
    std::vector<torch::Tensor> decoderHiddenStates;    // embeddings + after each block (last normed)
};

class Seq2SeqLM : public CausalLM {
public:
    explicit Seq2SeqLM(ModelConfig config) : CausalLM(std::move(config)) {}

    // Encoder over ids (or embeddings, for prompt tuning) with a 0/1 mask (undefined = all).
    // hiddenStates: embeddings + after each block (the last one normed), as transformers.
    virtual torch::Tensor encode(const torch::Tensor& inputIds, const torch::Tensor& mask,
                                 const torch::Tensor& inputsEmbeds = {},
                                 std::vector<torch::Tensor>* hiddenStates = nullptr) = 0;
    virtual Seq2SeqOutput decode(const Seq2SeqInput& in) = 0;
    virtual std::unique_ptr<Seq2SeqCache> makeSeq2SeqCache(int64_t batch, int64_t capacity) const = 0;

    // Decoder-only semantics do not apply: throws tb::Error saying to use encode()/decode().
    ForwardOutput forward(const ForwardInput& input) override;
    // A decoder self-attention cache (decoder layers, heads, d_kv).
    std::unique_ptr<KVCache> makeCache(int64_t batch, int64_t capacity) const override;
    std::string tokenEmbeddingName() const override { return "shared"; }

    // transformers' _shift_right: decoder_start_token_id, then labels[:-1] with -100 -> pad.
    torch::Tensor shiftRight(const torch::Tensor& labels) const;
};

// The Seq2SeqLM behind a CausalLM pointer, or nullptr for decoder-only models.
Seq2SeqLM* asSeq2Seq(CausalLM& model);

std::shared_ptr<Seq2SeqLM> buildSeq2SeqLM(const ModelConfig& config, torch::Device device, torch::ScalarType dtype);
// Loads an encoder-decoder model folder; a decoder-only folder gets a clear tb::Error.
std::shared_ptr<Seq2SeqLM> loadSeq2SeqLM(const std::string& dir, const LoadOptions& options = {});

// Greedy (or sampled) decoding from the decoder start token with the KV cache; prompts are
// right-padded for the encoder. Same options as generate(). virtualTokens ([n, d_model],
// optional): prompt-tuning embeddings prepended to every prompt's encoder input.
struct GenerationOptions;
struct GenerationResult;
GenerationResult generateSeq2Seq(Seq2SeqLM& model, const std::vector<std::vector<int64_t>>& prompts,
                                 const GenerationOptions& options, const torch::Tensor& virtualTokens = {});

} // namespace tb
