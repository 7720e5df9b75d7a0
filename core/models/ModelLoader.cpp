#include "models/ModelLoader.h"

#include "io/SafeTensorsFile.h"
#include "models/TensorIO.h"
#include "models/gpt2/Gpt2LMHeadModel.h"
#include "models/gpt_neox/GptNeoXForCausalLM.h"
#include "models/llama/LlamaForCausalLM.h"
#include "models/t5/T5ForConditionalGeneration.h"
#include "util/Error.h"

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace tb {
namespace {

std::string shapeStr(c10::IntArrayRef s) {
    std::ostringstream o;
    o << '[';
    for (size_t i = 0; i < s.size(); ++i) o << (i ? ", " : "") << s[i];
    o << ']';
    return o.str();
}

std::string listSome(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size() && i < 8; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > 8) out += ", ... (" + std::to_string(names.size()) + " in all)";
    return out;
}

// Checkpoint name -> our name, or "" to ignore (non-persistent buffers older exports saved,
// a tied head saved anyway).
std::string mapName(const std::string& name, const ModelConfig& c) {
    static const std::regex ignored(R"(.*\.(attn\.bias|attn\.masked_bias|attention\.bias|attention\.masked_bias|rotary_emb\.inv_freq)$)");
    if (std::regex_match(name, ignored)) return {};
    if (c.family == "t5" && (name == "encoder.embed_tokens.weight" || name == "decoder.embed_tokens.weight")) return {};
    if (c.tieWordEmbeddings && (name == "lm_head.weight" || name == "embed_out.weight")) return {};
    if (c.family == "gpt2" && name.rfind("transformer.", 0) != 0 && name.rfind("lm_head.", 0) != 0)
        return "transformer." + name;   // checkpoints saved from GPT2Model lack the prefix
    return name;
}

bool isFloating(StDtype d) {
    return d == StDtype::F32 || d == StDtype::F16 || d == StDtype::BF16 || d == StDtype::F64;
}

} // namespace

torch::Device resolveDevice(const std::string& spec) {
    if (spec.empty() || spec == "auto") return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    if (spec == "cpu") return torch::Device(torch::kCPU);
    if (spec.rfind("cuda", 0) == 0) {
        if (!torch::cuda::is_available())
            throw UsageError("device " + spec + " requested but CUDA is not available in this build or machine; use --device cpu");
        int index = 0;
        if (spec.size() > 4) {
            if (spec[4] != ':') throw UsageError("device '" + spec + "' is not cpu, cuda, cuda:N or auto");
            try {
                index = std::stoi(spec.substr(5));
            } catch (...) {
                throw UsageError("device '" + spec + "' is not cpu, cuda, cuda:N or auto");
            }
        }
        if (index < 0 || index >= static_cast<int>(torch::cuda::device_count()))
            throw UsageError("device " + spec + ": only " + std::to_string(torch::cuda::device_count()) + " CUDA device(s) present");
        return torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
    }
    throw UsageError("device '" + spec + "' is not cpu, cuda, cuda:N or auto");
}

torch::ScalarType resolveDtype(const std::string& spec, const torch::Device& device, const std::string& configDtype) {
    std::string s = spec.empty() ? "fp32" : spec;
    if (s == "auto") {
        if (!device.is_cuda()) return torch::kFloat32;
        s = configDtype == "bfloat16" ? "bf16" : configDtype == "float16" ? "fp16" : "fp32";
    }
    if (s == "fp32" || s == "float32") return torch::kFloat32;
    // bf16 weights work on the CPU too (oneDNN's bf16 GEMMs, AMX where the CPU has it); fp16
    // has no fast CPU kernels in LibTorch.
    if (s == "bf16" || s == "bfloat16") return torch::kBFloat16;
    if (s == "fp16" || s == "float16") {
        if (!device.is_cuda())
            throw UsageError("dtype " + spec + " is only supported on CUDA; on the CPU use fp32 or bf16");
        return torch::kFloat16;
    }
    throw UsageError("dtype '" + spec + "' is not fp32, bf16, fp16 or auto");
}

std::shared_ptr<CausalLM> buildCausalLM(const ModelConfig& config, torch::Device device, torch::ScalarType dtype) {
    std::shared_ptr<CausalLM> m;
    if (config.family == "gpt2") m = makeGpt2LMHeadModel(config);
    else if (config.family == "llama") m = makeLlamaForCausalLM(config);
    else if (config.family == "gpt_neox") m = makeGptNeoXForCausalLM(config);
    else if (config.family == "t5") m = makeT5ForConditionalGeneration(config);   // a Seq2SeqLM (asSeq2Seq)
    else throw Error("model_type " + config.modelType + " has no causal-LM implementation");
    m->to(device, dtype);
    m->eval();
    m->bindFusedProjections();
    return m;
}

void loadWeightsInto(torch::nn::Module& module, const std::string& dir, const ModelConfig& config) {
    auto set = SafeTensorsSet::openModelDir(dir);
    std::map<std::string, torch::Tensor> targets;
    for (const auto& p : module.named_parameters(true)) targets[p.key()] = p.value();
    std::map<std::string, std::pair<const SafeTensorsFile*, const StTensorInfo*>> sources;
    std::vector<std::string> unexpected;
    for (const auto& name : set.names()) {
        const std::string ours = mapName(name, config);
        if (ours.empty()) continue;
        const SafeTensorsFile* f = nullptr;
        const StTensorInfo* info = set.find(name, &f);
        if (!targets.count(ours)) unexpected.push_back(name);
        else sources[ours] = {f, info};
    }
    std::vector<std::string> missing;
    for (const auto& [name, t] : targets)
        if (!sources.count(name)) missing.push_back(name);
    const std::string hint = " in " + dir + " for model_type " + config.modelType +
                             ": the weights do not belong to this config.json (wrong folder, or a model the config does not describe)";
    if (!missing.empty()) throw Error("missing tensors " + listSome(missing) + hint);
    if (!unexpected.empty()) throw Error("unexpected tensors " + listSome(unexpected) + hint);
    torch::NoGradGuard ng;
    for (const auto& [name, src] : sources) {
        auto& target = targets[name];
        const auto* info = src.second;
        if (!isFloating(info->dtype))
            throw Error("tensor " + name + " is stored as " + stDtypeName(info->dtype) +
                        " but a floating-point weight is expected (config torch_dtype " +
                        (config.torchDtype.empty() ? std::string("unset") : config.torchDtype) + ")" + hint);
        if (c10::IntArrayRef(info->shape) != target.sizes())
            throw Error("tensor " + name + " has shape " + shapeStr(info->shape) + " but config.json implies " +
                        shapeStr(target.sizes()) + hint);
        auto view = torch::from_blob(const_cast<uint8_t*>(src.first->data(*info)), info->shape,
                                     torch::TensorOptions().dtype(torchDtypeOf(info->dtype)));
        target.copy_(view);
    }
}

std::shared_ptr<CausalLM> loadCausalLM(const std::string& dir, const LoadOptions& options) {
    if (!fs::is_directory(dir)) throw Error("model folder " + dir + " does not exist");
    auto config = ModelConfig::fromFile((fs::path(dir) / "config.json").string());
    const auto device = resolveDevice(options.device);
    const auto dtype = resolveDtype(options.dtype, device, config.torchDtype);
    // Validate the weight files before allocating the model.
    SafeTensorsSet::openModelDir(dir);
    auto model = buildCausalLM(config, device, dtype);
    loadWeightsInto(*model, dir, config);
    return model;
}

} // namespace tb
