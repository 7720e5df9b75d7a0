// `tunebench generate --model DIR (--prompt TEXT | --prompt-ids 1,2,3) ...`: one completion,
// streamed to stdout as it is generated, or one JSON object with --json.
#include "cli/Command.h"
#include "models/Generation.h"
#include "models/ModelLoader.h"
#include "models/Seq2SeqLM.h"
#include "peft/AdapterLoader.h"
#include "peft/PeftModel.h"
#include "text/Tokenizer.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <iostream>

namespace tb::cli {

Command makeGenerateCommand() {
    Command c;
    c.name = "generate";
    c.summary = "generate a completion";
    c.usage = "--model DIR [--adapter DIR] (--prompt TEXT | --prompt-ids 1,2,3) [--max-new-tokens N] "
              "[--greedy | --temperature T --top-k K --top-p P --seed S] [--repetition-penalty R] "
              "[--stop STR]... [--json]";
    c.flags = {
        {"model", true, "Hugging Face model folder"},
        {"adapter", true, "PEFT adapter folder to apply"},
        {"prompt", true, "prompt text (tokenized with the model's tokenizer)"},
        {"prompt-ids", true, "prompt as comma-separated token ids"},
        {"max-new-tokens", true, "tokens to generate at most (default 64)"},
        {"greedy", false, "greedy decoding (the default)"},
        {"temperature", true, "sample with this temperature"},
        {"top-k", true, "sample among the k most likely tokens (0 = off)"},
        {"top-p", true, "nucleus sampling threshold (1 = off)"},
        {"seed", true, "random seed for sampling"},
        {"repetition-penalty", true, "transformers' repetition penalty (1 = off)"},
        {"stop", true, "stop when the completion contains this text (comma-separated list)"},
        {"no-special", false, "do not add BOS/EOS when tokenizing --prompt"},
        {"device", true, "cpu, cuda, cuda:N or auto (default auto)"},
        {"dtype", true, "fp32 (default), bf16 (CPU: fast with AVX512-BF16 or AMX), or fp16 (CUDA only)"},
        {"json", false, "print {\"ids\": [...], \"text\": ...} instead of streaming text"},
    };
    c.run = [](const Args& args, const Context&) {
        const auto dir = args.required("model");
        if (args.has("prompt") == args.has("prompt-ids")) throw UsageError("give exactly one of --prompt and --prompt-ids");
        const bool sampling = args.has("temperature") || args.has("top-k") || args.has("top-p") || args.has("seed");
        if (args.has("greedy") && sampling) throw UsageError("--greedy cannot be combined with sampling flags");

        std::unique_ptr<Tokenizer> tok;
        std::vector<int64_t> prompt;
        if (args.has("prompt")) {
            tok = Tokenizer::fromModelDir(dir);
            prompt = tok->encode(args.str("prompt"), !args.has("no-special"));
        } else {
            for (auto v : args.intList("prompt-ids")) prompt.push_back(v);
            try {
                tok = Tokenizer::fromModelDir(dir);
            } catch (const std::exception&) {
                tok.reset();   // ids in, ids out: a tokenizer is only needed for text
            }
        }
        if (prompt.empty()) throw UsageError("the prompt has no tokens");

        auto model = loadCausalLM(dir, {args.str("device", "auto"), args.str("dtype", "fp32")});
        auto* seq2seq = asSeq2Seq(*model);
        peft::PeftModel peftModel(model, dir);   // encoder-decoder: also takes soft prompts
        torch::Tensor soft;
        if (args.has("adapter") && seq2seq) {
            auto& adapter = peftModel.loadAdapter(args.str("adapter"));
            if (adapter.numVirtualTokens() > 0) soft = adapter.virtualTokenEmbeds().detach();
        } else if (args.has("adapter")) {
            model = withAdapterFromDir(model, args.str("adapter"));   // LoRA/IA3 attached, or a soft prompt
        }
        for (auto id : prompt)
            if (id < 0 || id >= model->config().vocabSize)
                throw UsageError("prompt token id " + std::to_string(id) + " is outside the vocabulary");

        GenerationOptions opt;
        opt.maxNewTokens = args.integer("max-new-tokens", 64);
        opt.doSample = sampling;
        opt.temperature = args.number("temperature", 1.0);
        opt.topK = args.integer("top-k", sampling ? 50 : 0);   // transformers' default top_k is 50
        opt.topP = args.number("top-p", 1.0);
        opt.repetitionPenalty = args.number("repetition-penalty", 1.0);
        if (args.has("seed")) {
            opt.seed = static_cast<uint64_t>(args.integer("seed", 0));
            opt.hasSeed = true;
        }
        opt.eosTokenIds = eosTokenIdsForModelDir(dir);
        opt.stopStrings = args.list("stop");
        if (tok) opt.decode = [&tok](const std::vector<int64_t>& ids) { return tok->decode(ids, true); };
        if (!opt.stopStrings.empty() && !tok) throw UsageError("--stop needs the model's tokenizer, which could not be loaded");
        const bool json = args.has("json");
        std::string printed;
        std::vector<int64_t> sofar;   // outlives generate(): the callback below holds a reference
        if (!json && tok) {
            opt.onToken = [&](int64_t, int64_t token) {
                sofar.push_back(token);
                auto text = tok->decode(sofar, true);
                // Print only complete UTF-8 growth of the text (a byte-fallback token may be half a character).
                if (text.size() > printed.size() && text.compare(0, printed.size(), printed) == 0 &&
                    (static_cast<unsigned char>(text.back()) & 0xC0) != 0xC0 && text.find("\xEF\xBF\xBD", printed.size()) == std::string::npos) {
                    std::cout << text.substr(printed.size()) << std::flush;
                    printed = text;
                }
            };
        }
        auto res = seq2seq ? generateSeq2Seq(*seq2seq, {prompt}, opt, soft) : generate(*model, {prompt}, opt);
        if (json) {
            nlohmann::json out;
            out["ids"] = res.newTokens[0];
            out["text"] = tok ? res.texts[0] : std::string();
            out["finish_reason"] = res.finishReasons[0];
            printJsonLine(out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        } else if (tok) {
            const auto& text = res.texts[0];
            if (text.size() > printed.size()) std::cout << text.substr(printed.size());
            std::cout << std::endl;
        } else {
            for (size_t i = 0; i < res.newTokens[0].size(); ++i) std::cout << (i ? "," : "") << res.newTokens[0][i];
            std::cout << std::endl;
        }
        return 0;
    };
    return c;
}

} // namespace tb::cli
