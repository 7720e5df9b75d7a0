#include "models/Generation.h"

#include "models/ModelOps.h"
#include "util/Error.h"

#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>

namespace tb {
namespace {

} // namespace

GenerationResult generate(CausalLM& model, const std::vector<std::vector<int64_t>>& prompts,
                          const GenerationOptions& opt) {
    torch::NoGradGuard ng;
    GenerationResult res;
    const int64_t batch = static_cast<int64_t>(prompts.size());
    if (batch == 0) return res;
    if (opt.doSample && opt.temperature <= 0) throw UsageError("temperature must be positive when sampling");
    if (opt.topP <= 0 || opt.topP > 1) throw UsageError("top-p must be in (0, 1]");
    if (opt.topK < 0) throw UsageError("top-k must be >= 0");
    if (opt.repetitionPenalty <= 0) throw UsageError("repetition penalty must be positive");
    if (!opt.stopStrings.empty() && !opt.decode) throw Error("generate: stop strings need a decode function");

    const int64_t context = model.contextLength();
    int64_t maxPrompt = 0, minPrompt = std::numeric_limits<int64_t>::max();
    for (const auto& p : prompts) {
        if (p.empty()) throw UsageError("generate: a prompt has no tokens");
        maxPrompt = std::max<int64_t>(maxPrompt, static_cast<int64_t>(p.size()));
        minPrompt = std::min<int64_t>(minPrompt, static_cast<int64_t>(p.size()));
    }
    if (maxPrompt > context)
        throw Error("the prompt is " + std::to_string(maxPrompt) + " tokens long but the model's context is " +
                    std::to_string(context) + " tokens; shorten the prompt");
    const int64_t steps = std::min<int64_t>(std::max<int64_t>(opt.maxNewTokens, 0), context - maxPrompt);
    res.newTokens.assign(prompts.size(), {});
    res.finishReasons.assign(prompts.size(), opt.maxNewTokens > steps ? "context" : "length");
    res.texts.assign(prompts.size(), {});
    if (steps == 0) return res;

    const auto device = model.device();
    const int64_t pad = opt.padTokenId >= 0 ? opt.padTokenId : (!opt.eosTokenIds.empty() ? opt.eosTokenIds[0] : 0);
    std::vector<int64_t> flat(static_cast<size_t>(batch * maxPrompt), pad), maskFlat(flat.size(), 0);
    for (int64_t b = 0; b < batch; ++b) {
        const auto& p = prompts[static_cast<size_t>(b)];
        const int64_t off = maxPrompt - static_cast<int64_t>(p.size());
        for (size_t i = 0; i < p.size(); ++i) {
            flat[static_cast<size_t>(b * maxPrompt + off) + i] = p[i];
            maskFlat[static_cast<size_t>(b * maxPrompt + off) + i] = 1;
        }
    }
    auto i64 = torch::TensorOptions().dtype(torch::kInt64);
    auto ids = torch::from_blob(flat.data(), {batch, maxPrompt}, i64).clone().to(device);
    torch::Tensor mask;   // only when some prompt is padded
    if (minPrompt != maxPrompt) mask = torch::from_blob(maskFlat.data(), {batch, maxPrompt}, i64).clone().to(device);

    auto cache = model.makeCache(batch, maxPrompt + steps);
    torch::Tensor seen = opt.repetitionPenalty != 1.0 ? ids : torch::Tensor();
    c10::optional<at::Generator> gen;
    if (opt.doSample && opt.hasSeed) gen = at::make_generator<at::CPUGeneratorImpl>(opt.seed);
    else if (opt.doSample && !opt.hasSeed) gen = c10::nullopt;
    torch::Tensor eosT;
    if (!opt.eosTokenIds.empty()) eosT = torch::tensor(opt.eosTokenIds, i64).to(device);

    std::vector<bool> finished(static_cast<size_t>(batch), false);
    int64_t running = batch;
    torch::Tensor input = ids;
    auto ones = torch::ones({batch, 1}, i64.device(device));
    for (int64_t step = 0; step < steps && running > 0; ++step) {
        if (opt.cancel && opt.cancel->load()) {
            for (size_t b = 0; b < finished.size(); ++b)
                if (!finished[b]) res.finishReasons[b] = "cancelled";
            break;
        }
        ForwardInput in;
        in.inputIds = input;
        in.attentionMask = mask;
        in.cache = cache.get();
        in.logitsToKeep = 1;
        auto logits = model.forward(in).logits.select(1, 0).to(torch::kFloat32);   // [B, V]
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
        // Finished rows keep emitting padding (as transformers does).
        std::vector<int64_t> hostNext(static_cast<size_t>(batch));
        auto nextCpu = next.to(torch::kCPU);
        std::copy(nextCpu.data_ptr<int64_t>(), nextCpu.data_ptr<int64_t>() + batch, hostNext.begin());
        bool anyFinishedRow = false;
        for (int64_t b = 0; b < batch; ++b) {
            auto bi = static_cast<size_t>(b);
            if (finished[bi]) {
                hostNext[bi] = pad;
                anyFinishedRow = true;
                continue;
            }
            const int64_t tok = hostNext[bi];
            res.newTokens[bi].push_back(tok);
            if (opt.onToken) opt.onToken(b, tok);
            if (std::find(opt.eosTokenIds.begin(), opt.eosTokenIds.end(), tok) != opt.eosTokenIds.end()) {
                finished[bi] = true;
                res.finishReasons[bi] = "eos";
                --running;
            } else if (!opt.stopStrings.empty()) {
                const auto text = opt.decode(res.newTokens[bi]);
                for (const auto& s : opt.stopStrings) {
                    if (!s.empty() && text.find(s) != std::string::npos) {
                        finished[bi] = true;
                        res.finishReasons[bi] = "stop_string";
                        --running;
                        break;
                    }
                }
            }
        }
        if (anyFinishedRow) next = torch::tensor(hostNext, i64).to(device);
        input = next.view({batch, 1});
        if (mask.defined()) mask = torch::cat({mask, ones}, 1);
        if (seen.defined()) seen = torch::cat({seen, input}, 1);
    }
    if (opt.decode)
        for (size_t b = 0; b < res.newTokens.size(); ++b) res.texts[b] = opt.decode(res.newTokens[b]);
    return res;
}

std::vector<int64_t> eosTokenIdsForModelDir(const std::string& dir) {
    namespace fs = std::filesystem;
    for (const char* file : {"generation_config.json", "config.json"}) {
        const auto path = fs::path(dir) / file;
        if (!fs::exists(path)) continue;
        try {
            std::ifstream in(path);
            auto j = nlohmann::json::parse(in);
            auto it = j.find("eos_token_id");
            if (it == j.end() || it->is_null()) continue;
            std::vector<int64_t> out;
            if (it->is_number_integer()) out.push_back(it->get<int64_t>());
            else if (it->is_array())
                for (const auto& v : *it)
                    if (v.is_number_integer()) out.push_back(v.get<int64_t>());
            if (!out.empty()) return out;
        } catch (const std::exception& e) {
            throw Error("reading " + path.string() + ": " + e.what());
        }
    }
    return {};
}

} // namespace tb
