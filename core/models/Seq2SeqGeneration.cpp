// generateSeq2Seq: the encoder runs once over the (right-padded) prompts, then the decoder
// steps from decoder_start_token_id with a self-attention cache and cached cross keys/values.
#include "models/Generation.h"
#include "models/ModelOps.h"
#include "models/Seq2SeqLM.h"
#include "util/Error.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>

namespace tb {

GenerationResult generateSeq2Seq(Seq2SeqLM& model, const std::vector<std::vector<int64_t>>& prompts,
                                 const GenerationOptions& opt, const torch::Tensor& virtualTokens) {
    torch::NoGradGuard ng;
    GenerationResult res;
    const int64_t batch = static_cast<int64_t>(prompts.size());
    if (batch == 0) return res;
    if (opt.doSample && opt.temperature <= 0) throw UsageError("temperature must be positive when sampling");
    int64_t maxLen = 0;
    for (const auto& p : prompts) {
        if (p.empty()) throw UsageError("generate: a prompt has no tokens");
        maxLen = std::max<int64_t>(maxLen, static_cast<int64_t>(p.size()));
    }
    const auto& cfg = model.config();
    const int64_t pad = opt.padTokenId >= 0 ? opt.padTokenId : cfg.padTokenId >= 0 ? cfg.padTokenId : 0;
    std::vector<int64_t> flat(static_cast<size_t>(batch * maxLen), pad), maskFlat(flat.size(), 0);
    for (int64_t b = 0; b < batch; ++b)
        for (size_t i = 0; i < prompts[static_cast<size_t>(b)].size(); ++i) {
            flat[static_cast<size_t>(b * maxLen) + i] = prompts[static_cast<size_t>(b)][i];
            maskFlat[static_cast<size_t>(b * maxLen) + i] = 1;
        }
    const auto device = model.device();
    auto i64 = torch::TensorOptions().dtype(torch::kInt64);
    auto ids = torch::from_blob(flat.data(), {batch, maxLen}, i64).clone().to(device);
    auto mask = torch::from_blob(maskFlat.data(), {batch, maxLen}, i64).clone().to(device);
    torch::Tensor enc;
    if (virtualTokens.defined() && virtualTokens.size(0) > 0) {
        // Prompt tuning: the soft prompt goes in front of every prompt, the mask grows with it.
        auto embeds = model.tokenEmbedding()->forward(ids);
        auto soft = virtualTokens.to(device, embeds.scalar_type()).unsqueeze(0).expand({batch, -1, -1});
        mask = torch::cat({torch::ones({batch, virtualTokens.size(0)}, mask.options()), mask}, 1);
        enc = model.encode({}, mask, torch::cat({soft, embeds}, 1));
    } else {
        enc = model.encode(ids, mask);
    }

    const int64_t steps = std::max<int64_t>(opt.maxNewTokens, 0);
    res.newTokens.assign(prompts.size(), {});
    res.finishReasons.assign(prompts.size(), "length");
    res.texts.assign(prompts.size(), {});
    auto cache = model.makeSeq2SeqCache(batch, steps + 1);
    auto input = torch::full({batch, 1}, cfg.decoderStartTokenId, i64.device(device));
    torch::Tensor seen = opt.repetitionPenalty != 1.0 ? input : torch::Tensor();
    c10::optional<at::Generator> gen;
    if (opt.doSample && opt.hasSeed) gen = at::make_generator<at::CPUGeneratorImpl>(opt.seed);
    std::vector<int64_t> eos = opt.eosTokenIds.empty() ? cfg.eosTokenIds : opt.eosTokenIds;
    std::vector<bool> finished(static_cast<size_t>(batch), false);
    int64_t running = batch;
    for (int64_t step = 0; step < steps && running > 0; ++step) {
        if (opt.cancel && opt.cancel->load()) {
            for (size_t b = 0; b < finished.size(); ++b)
                if (!finished[b]) res.finishReasons[b] = "cancelled";
            break;
        }
        Seq2SeqInput in;
        in.encoderHidden = enc;
        in.encoderMask = mask;
        in.decoderInputIds = input;
        in.cache = cache.get();
        auto logits = model.decode(in).logits.select(1, -1).to(torch::kFloat32);
        if (seen.defined()) ops::repetitionPenalty(logits, seen, opt.repetitionPenalty);
        torch::Tensor next;
        if (opt.doSample) {
            if (opt.temperature != 1.0) logits = logits / opt.temperature;
            ops::topKTopP(logits, opt.topK, opt.topP);
            auto probs = logits.softmax(-1);
            next = gen ? torch::multinomial(probs.to(torch::kCPU), 1, false, gen).view({batch}).to(device)
                       : torch::multinomial(probs, 1, false).view({batch});
        } else {
            next = logits.argmax(-1);
        }
        auto cpu = next.to(torch::kCPU);
        std::vector<int64_t> host(cpu.data_ptr<int64_t>(), cpu.data_ptr<int64_t>() + batch);
        for (int64_t b = 0; b < batch; ++b) {
            auto bi = static_cast<size_t>(b);
            if (finished[bi]) {
                host[bi] = pad;
                continue;
            }
            res.newTokens[bi].push_back(host[bi]);
            if (opt.onToken) opt.onToken(b, host[bi]);
            if (std::find(eos.begin(), eos.end(), host[bi]) != eos.end()) {
                finished[bi] = true;
                res.finishReasons[bi] = "eos";
                --running;
            } else if (!opt.stopStrings.empty() && opt.decode) {
                const auto text = opt.decode(res.newTokens[bi]);
                for (const auto& s : opt.stopStrings)
                    if (!s.empty() && text.find(s) != std::string::npos) {
                        finished[bi] = true;
                        res.finishReasons[bi] = "stop_string";
                        --running;
                        break;
                    }
            }
        }
        input = torch::tensor(host, i64).view({batch, 1}).to(device);
        if (seen.defined()) seen = torch::cat({seen, input}, 1);
    }
    if (opt.decode)
        for (size_t b = 0; b < res.newTokens.size(); ++b) res.texts[b] = opt.decode(res.newTokens[b]);
    return res;
}

} // namespace tb
