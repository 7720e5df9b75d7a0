// `tunebench forward --model DIR --ids 1,2,3 [--adapter DIR]`: one forward pass; prints the
// last position's logits and the next-token loss of the sequence on itself (labels = input
// ids, as transformers computes it). Used by parity checks against the reference stack.
#include "cli/Command.h"
#include "models/ModelLoader.h"
#include "models/Seq2SeqLM.h"
#include "peft/AdapterLoader.h"
#include "peft/PeftModel.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

namespace tb::cli {
namespace {

std::vector<float> row(const torch::Tensor& t) {
    auto c = t.to(torch::kFloat32).to(torch::kCPU).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

// Encoder-decoder: the encoder reads --ids, the decoder --decoder-ids (or --labels shifted right,
// as transformers builds decoder_input_ids from labels). Loss: with --labels, the mean
// cross-entropy of the decoder logits against the labels (transformers' labels= semantics,
// what the fixtures' expected.json holds); with --decoder-ids alone, next-token cross-entropy
// within the decoder ids. --adapter takes LoRA, IA3 and prompt tuning (soft prompt on the encoder).
int forwardSeq2Seq(const Args& args, const std::string& dir, const std::vector<long long>& idList) {
    if (!args.has("decoder-ids") && !args.has("labels"))
        throw UsageError("encoder-decoder model: give --decoder-ids and/or --labels");
    std::shared_ptr<CausalLM> base = loadSeq2SeqLM(dir, {args.str("device", "cpu"), args.str("dtype", "fp32")});
    auto* model = asSeq2Seq(*base);
    peft::PeftModel peftModel(base, dir);
    torch::Tensor soft;
    if (args.has("adapter")) {
        auto& adapter = peftModel.loadAdapter(args.str("adapter"));
        if (adapter.numVirtualTokens() > 0) soft = adapter.virtualTokenEmbeds();
    }
    torch::NoGradGuard ng;
    const auto device = model->device();
    auto toTensor = [&](const char* flag) {
        auto list = args.intList(flag);
        if (list.empty()) throw UsageError(std::string("--") + flag + " is empty");
        return torch::tensor(std::vector<int64_t>(list.begin(), list.end()), torch::kInt64).view({1, -1}).to(device);
    };
    auto ids = torch::tensor(std::vector<int64_t>(idList.begin(), idList.end()), torch::kInt64).view({1, -1}).to(device);
    torch::Tensor labels = args.has("labels") ? toTensor("labels") : torch::Tensor();
    torch::Tensor given = args.has("decoder-ids") ? toTensor("decoder-ids") : model->shiftRight(labels);
    const auto vocab = model->config().vocabSize;
    for (const auto& t : {ids, given})
        if ((t < 0).any().item<bool>() || (t >= vocab).any().item<bool>())
            throw UsageError("a token id is outside the vocabulary (0.." + std::to_string(vocab - 1) + ")");
    if (labels.defined() && ((labels >= vocab).any().item<bool>() || ((labels < 0) & (labels != -100)).any().item<bool>()))
        throw UsageError("--labels: a label is outside the vocabulary (0.." + std::to_string(vocab - 1) + ", or -100 to ignore)");
    if (labels.defined() && labels.size(1) != given.size(1))
        throw UsageError("--labels and --decoder-ids must have the same length");
    Seq2SeqInput in;
    if (soft.defined()) {
        auto embeds = torch::cat({soft.to(device).unsqueeze(0), model->tokenEmbedding()->forward(ids)}, 1);
        in.encoderMask = torch::ones({1, embeds.size(1)}, torch::TensorOptions().dtype(torch::kInt64).device(device));
        in.encoderHidden = model->encode({}, in.encoderMask, embeds);
    } else {
        in.encoderHidden = model->encode(ids, {});
    }
    in.decoderInputIds = given;
    auto logits = model->decode(in).logits.to(torch::kFloat32)[0];
    nlohmann::json out;
    out["logits_last"] = row(logits[logits.size(0) - 1]);
    const auto t = logits.size(0);
    if (labels.defined()) {
        labels = labels[0];
        auto valid = labels != -100;
        auto lp = torch::log_softmax(logits, -1);
        auto nll = -lp.gather(1, labels.clamp_min(0).view({-1, 1})).view({-1});
        out["loss"] = ((nll * valid).sum() / valid.sum()).item<double>();
    } else if (t >= 2) {
        auto lp = torch::log_softmax(logits.narrow(0, 0, t - 1), -1);
        out["loss"] = -lp.gather(1, given[0].narrow(0, 1, t - 1).view({-1, 1})).mean().item<double>();
    } else {
        out["loss"] = nullptr;
    }
    printJsonLine(out.dump());
    return 0;
}

} // namespace

Command makeForwardCommand() {
    Command c;
    c.name = "forward";
    c.summary = "run a forward pass: last-position logits and loss";
    c.usage = "--model DIR --ids 1,2,3 [--decoder-ids 0,5] [--labels 5,6] [--adapter DIR] [--device cpu|cuda:N|auto] [--dtype fp32|bf16|fp16]";
    c.flags = {
        {"model", true, "Hugging Face model folder"},
        {"ids", true, "comma-separated input token ids"},
        {"adapter", true, "PEFT adapter folder to apply"},
        {"device", true, "cpu, cuda, cuda:N or auto (default cpu)"},
        {"dtype", true, "fp32 (default), bf16 (CPU: fast with AVX512-BF16 or AMX), or fp16 (CUDA only)"},
        {"decoder-ids", true, "encoder-decoder models: decoder input ids (loss: next-token CE over them)"},
        {"labels", true, "encoder-decoder models: labels (decoder input = labels shifted right, loss as transformers)"},
    };
    c.run = [](const Args& args, const Context&) {
        const auto dir = args.required("model");
        const auto idList = args.intList("ids");
        if (idList.empty()) throw UsageError("--ids needs at least one token id");
        if (ModelConfig::fromFile(dir + "/config.json").isEncoderDecoder) return forwardSeq2Seq(args, dir, idList);
        auto model = loadCausalLM(dir, {args.str("device", "cpu"), args.str("dtype", "fp32")});
        if (args.has("adapter")) model = withAdapterFromDir(model, args.str("adapter"));
        const auto vocab = model->config().vocabSize;
        std::vector<int64_t> ids(idList.begin(), idList.end());
        for (auto id : ids)
            if (id < 0 || id >= vocab)
                throw UsageError("--ids: token id " + std::to_string(id) + " is outside the vocabulary (0.." +
                                 std::to_string(vocab - 1) + ")");
        torch::NoGradGuard ng;
        auto input = torch::tensor(ids, torch::kInt64).view({1, -1}).to(model->device());
        ForwardInput in;
        in.inputIds = input;
        auto logits = model->forward(in).logits.to(torch::kFloat32).to(torch::kCPU)[0];   // [T, V]
        nlohmann::json out;
        auto last = logits[logits.size(0) - 1].contiguous();
        out["logits_last"] = std::vector<float>(last.data_ptr<float>(), last.data_ptr<float>() + last.numel());
        if (ids.size() >= 2) {
            const auto t = static_cast<int64_t>(ids.size());
            auto lp = torch::log_softmax(logits.narrow(0, 0, t - 1), -1);
            auto target = input[0].to(torch::kCPU).narrow(0, 1, t - 1);
            out["loss"] = -lp.gather(1, target.view({-1, 1})).mean().item<double>();
        } else {
            out["loss"] = nullptr;
        }
        printJsonLine(out.dump());
        return 0;
    };
    return c;
}

} // namespace tb::cli
