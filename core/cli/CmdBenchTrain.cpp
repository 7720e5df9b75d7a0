// `tunebench bench train (--model DIR | --shape NAME) --method M [--rank R] --seq N --batch B`:
// training speed on random tokens: a warm-up, then timed optimiser steps (forward, masked loss,
// backward, clip, AdamW). MFU = achieved FLOPs / this process's measured fp32 GEMM peak. When the
// reference venv is present the same workload runs through transformers + peft in a child
// process of the same run, and the ratio is reported. The last stdout line is one JSON object.
#include "cli/CmdBenchTrain.h"

#include "io/CudaMemory.h"
#include "io/RuntimeInfo.h"
#include "models/Autocast.h"
#include "models/ModelLoader.h"
#include "peft/PeftModel.h"
#include "peft/TargetModules.h"
#include "training/AdamW.h"
#include "training/CausalLmLoss.h"
#include "training/ResourceEstimate.h"
#include "util/Error.h"
#include "training/MemoryRetention.h"
#include "util/ProcessTuning.h"

#include <torch/csrc/autograd/profiler_legacy.h>

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace tb::cli {
namespace {

nlohmann::json trainShape(const std::string& name) {
    if (name == "smollm2-135m")
        return {{"model_type", "llama"}, {"architectures", {"LlamaForCausalLM"}}, {"hidden_size", 576}, {"intermediate_size", 1536},
                {"num_hidden_layers", 30}, {"num_attention_heads", 9}, {"num_key_value_heads", 3}, {"vocab_size", 49152},
                {"max_position_embeddings", 8192}, {"rope_theta", 100000.0}, {"rms_norm_eps", 1e-5}, {"tie_word_embeddings", true},
                {"hidden_act", "silu"}};
    if (name == "gpt2-124m")
        return {{"model_type", "gpt2"}, {"architectures", {"GPT2LMHeadModel"}}, {"n_embd", 768}, {"n_layer", 12}, {"n_head", 12},
                {"vocab_size", 50257}, {"n_positions", 1024}};
    if (name == "pythia-160m")
        return {{"model_type", "gpt_neox"}, {"architectures", {"GPTNeoXForCausalLM"}}, {"hidden_size", 768}, {"intermediate_size", 3072},
                {"num_hidden_layers", 12}, {"num_attention_heads", 12}, {"vocab_size", 50304}, {"max_position_embeddings", 2048},
                {"rotary_pct", 0.25}, {"use_parallel_residual", true}, {"tie_word_embeddings", false}, {"hidden_act", "gelu"}};
    if (name == "qwen2.5-0.5b")
        return {{"model_type", "qwen2"}, {"architectures", {"Qwen2ForCausalLM"}}, {"hidden_size", 896}, {"intermediate_size", 4864},
                {"num_hidden_layers", 24}, {"num_attention_heads", 14}, {"num_key_value_heads", 2}, {"vocab_size", 151936},
                {"max_position_embeddings", 32768}, {"rope_theta", 1000000.0}, {"rms_norm_eps", 1e-6}, {"tie_word_embeddings", true},
                {"hidden_act", "silu"}};
    throw UsageError("unknown --shape '" + name + "' (smollm2-135m, gpt2-124m, pythia-160m, qwen2.5-0.5b)");
}

std::string findReferencePython() {
    if (const char* env = std::getenv("TUNEBENCH_REFERENCE_PYTHON")) return fs::exists(env) ? env : "";
    std::vector<fs::path> starts{fs::current_path()};
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) starts.push_back(exe.parent_path());
    for (auto p : starts)
        for (; !p.empty() && p != p.root_path(); p = p.parent_path())
            if (fs::exists(p / ".venv-reference/bin/python")) return (p / ".venv-reference/bin/python").string();
    return {};
}

// The same workload through transformers + peft (kept here so the binary needs no source tree).
const char* kReferenceScript = R"PY(
import json, resource, sys, time
import torch
cfg = json.loads(sys.argv[1])
if cfg.get("flush_denormals"):
    # As tunebench runs (util/ProcessTuning.h): FTZ/DAZ here, and OpenBLAS' threads, started
    # when torch loaded it, restarted so that they inherit it.
    torch.set_flush_denormal(True)
    import ctypes
    for line in open("/proc/self/maps"):
        path = line.split()[-1]
        if "openblas" in path:
            try:
                ctypes.CDLL(path).blas_thread_shutdown_()
            except (OSError, AttributeError):
                pass
            break
torch.set_num_threads(cfg["threads"])
import transformers
from transformers import AutoConfig, AutoModelForCausalLM
hf = dict(cfg["hf_config"]); mt = hf.pop("model_type"); hf.pop("architectures", None)
config = AutoConfig.for_model(mt, **hf)
torch.manual_seed(0)
dev = torch.device(cfg.get("device", "cpu"))
if cfg.get("model_dir"):
    # transformers 5 renamed torch_dtype to dtype
    key = "dtype" if int(transformers.__version__.split(".")[0]) >= 5 else "torch_dtype"
    model = AutoModelForCausalLM.from_pretrained(cfg["model_dir"], **{key: torch.float32})
else:
    model = AutoModelForCausalLM.from_config(config)
model.to(dev)
m = cfg["method"]
if m != "full":
    import peft
    if m == "lora":
        pc = peft.LoraConfig(r=cfg["rank"], lora_alpha=cfg["alpha"], lora_dropout=0.0, target_modules=cfg["targets"], task_type="CAUSAL_LM")
    elif m == "ia3":
        pc = peft.IA3Config(target_modules=cfg["targets"], feedforward_modules=cfg["feedforward"], task_type="CAUSAL_LM")
    elif m == "prompt":
        pc = peft.PromptTuningConfig(num_virtual_tokens=cfg["virtual_tokens"], task_type="CAUSAL_LM")
    model = peft.get_peft_model(model, pc)
if cfg.get("gradient_checkpointing") and cfg.get("checkpoint_layers", 0) > 0:
    # The first N decoder layers only: transformers checkpoints all or none, so those layers'
    # forward goes through torch.utils.checkpoint as gradient_checkpointing_enable would do.
    import functools, torch.utils.checkpoint
    layers = next(m for n, m in model.named_modules() if isinstance(m, torch.nn.ModuleList) and len(m) == model.config.num_hidden_layers)
    for layer in list(layers)[:cfg["checkpoint_layers"]]:
        layer.forward = functools.partial(torch.utils.checkpoint.checkpoint, layer.forward, use_reentrant=False)
    model.config.use_cache = False   # as transformers does under checkpointing: no KV cache grows in the recompute
elif cfg.get("gradient_checkpointing"):
    model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
model.train()
params = [p for p in model.parameters() if p.requires_grad]
opt = torch.optim.AdamW(params, lr=1e-4, weight_decay=0.0)
g = torch.Generator().manual_seed(1)
ids = torch.randint(0, cfg["vocab"], (cfg["batch"], cfg["seq"]), generator=g)
labels = ids.clone()
labels[:, :cfg.get("prompt_tokens", 0)] = -100
ids, labels = ids.to(dev), labels.to(dev)
half = {"bf16": torch.bfloat16, "fp16": torch.float16}.get(cfg.get("precision"))
scaler = torch.amp.GradScaler("cuda") if half == torch.float16 else None
def step():
    # As tunebench: autocast around the forward pass only; backward follows the recorded casts.
    with torch.autocast(dev.type, dtype=half or torch.bfloat16, enabled=half is not None):
        out = model(input_ids=ids, labels=labels)
    if scaler:
        scaler.scale(out.loss).backward(); scaler.unscale_(opt)
    else:
        out.loss.backward()
    torch.nn.utils.clip_grad_norm_(params, 1.0)
    if scaler:
        scaler.step(opt); scaler.update()
    else:
        opt.step()
    opt.zero_grad()
def sync():
    if dev.type == "cuda":
        torch.cuda.synchronize(dev)
for _ in range(cfg["warmup"]): step()
sync()
if dev.type == "cuda":
    torch.cuda.reset_peak_memory_stats(dev)
t = time.perf_counter()
for _ in range(cfg["steps"]): step()
sync()
dt = time.perf_counter() - t
res = {"tokens_per_s": cfg["batch"] * cfg["seq"] * cfg["steps"] / dt, "seconds_per_step": dt / cfg["steps"],
       "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0}
if dev.type == "cuda":
    res["peak_gpu_mb"] = torch.cuda.max_memory_allocated(dev) / 1048576.0
res["versions"] = {"torch": torch.__version__, "transformers": transformers.__version__,
                   "blas": next((l.split("=", 1)[1].split(",")[0] for l in torch.__config__.show().split() if l.startswith("BLAS_INFO=")), "")}
if m != "full":
    res["versions"]["peft"] = peft.__version__
print(json.dumps(res))
)PY";

double seconds(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

std::vector<FlagSpec> benchTrainFlags() {
    return {{"method", true, "train: full | selective | lora | prompt | ia3 (default lora)"},
            {"seq", true, "train: sequence length in tokens (default 256)"},
            {"batch", true, "train: sequences per optimiser step (default 4)"},
            {"rank", true, "train: LoRA rank (default 8)"},
            {"alpha", true, "train: LoRA alpha (default 2 x rank)"},
            {"targets", true, "train: target modules (default: PEFT's for the architecture)"},
            {"virtual-tokens", true, "train: prompt-tuning virtual tokens (default 20)"},
            {"prompt-tokens", true, "train: the first N tokens of every row are prompt (label -100, as in instruction tuning; default 0)"},
            {"train-steps", true, "train: timed optimiser steps (default 3)"},
            {"train-warmup", true, "train: warm-up steps (default 1)"},
            {"precision", true, "train: fp32 (default) | bf16 (autocast; on the CPU fast with AVX512-BF16 or AMX) | fp16 (CUDA)"},
            {"gradient-checkpointing", false, "train: recompute each layer in backward (saves activation memory)"},
            {"checkpoint-layers", true, "train: gradient checkpointing for the first N decoder layers only (implies it)"},
            {"profile", true, "train: write a Chrome trace (chrome://tracing) of the timed steps' operators to this file"},
            {"no-reference", false, "train: skip the transformers + peft comparison"}};
}

int benchTrain(const Args& args, const Context&) {
    const int threads = configureCpuThreads(static_cast<int>(args.integer("threads", 0)));
    const std::string method = args.str("method", "lora");
    const int64_t batch = args.integer("batch", 4), seq = args.integer("seq", 256);
    const int64_t steps = args.integer("train-steps", 3), warmup = args.integer("train-warmup", 1);
    if (batch <= 0 || seq < 2 || steps <= 0 || warmup < 0) throw UsageError("bench train: --batch, --seq and steps must be positive");
    const int64_t promptTokens = args.integer("prompt-tokens", 0);
    if (promptTokens < 0 || promptTokens >= seq) throw UsageError("bench train: --prompt-tokens must be at least 0 and less than --seq");
    const std::string modelDir = args.str("model");
    const std::string shape = args.str("shape");
    if (modelDir.empty() == shape.empty()) throw UsageError("bench train: give exactly one of --model DIR or --shape NAME");
    const auto device = resolveDevice(args.str("device", "cpu"));
    const std::string precision = args.str("precision", "fp32");
    if (precision != "fp32" && precision != "bf16" && precision != "fp16")
        throw UsageError("bench train: --precision must be fp32, bf16 or fp16");
    if (precision == "fp16" && !device.is_cuda()) throw UsageError("bench train: fp16 needs CUDA; use bf16 on the CPU");

    nlohmann::json hfConfig;
    std::shared_ptr<CausalLM> model;
    torch::manual_seed(0);
    if (!modelDir.empty()) {
        std::ifstream in(fs::path(modelDir) / "config.json");
        hfConfig = nlohmann::json::parse(in);
        model = loadCausalLM(modelDir, LoadOptions{device.str(), "fp32"});
    } else {
        hfConfig = trainShape(shape);
        model = buildCausalLM(ModelConfig::fromJson(hfConfig), device, torch::kFloat32);
    }
    const auto& mc = model->config();

    nlohmann::json methodConfig = {{"method", method}};
    const int64_t rank = args.integer("rank", 8);
    const double alpha = args.number("alpha", 2.0 * static_cast<double>(rank));
    peft::TargetModules targets;
    if (method == "lora") {
        targets = args.has("targets") ? peft::TargetModules::fromList(args.list("targets")) : peft::defaultLoraTargets(mc.modelType);
        methodConfig.update({{"r", rank}, {"lora_alpha", alpha}, {"target_modules", targets.toJson()}});
    } else if (method == "ia3") {
        targets = args.has("targets") ? peft::TargetModules::fromList(args.list("targets")) : peft::defaultIa3Targets(mc.modelType);
        methodConfig["target_modules"] = targets.toJson();
    } else if (method == "prompt") {
        methodConfig["num_virtual_tokens"] = args.integer("virtual-tokens", 20);
    }

    // The machine's GEMM peak, measured here, and the inference peak memory at this batch.
    // In bf16/fp16 the peak is that precision's GEMM rate: MFU is against what the GEMMs can reach.
    double gemm = measureGemmGflops(device.is_cuda() ? device.str() : "cpu", 1.0, precision);
    auto ids = torch::randint(0, mc.vocabSize, {batch, seq}, torch::TensorOptions().dtype(torch::kInt64)).to(device);
    const int gpu = device.is_cuda() ? device.index() : -1;
    if (gpu >= 0) cudamem::resetPeak(gpu);
    {
        torch::NoGradGuard ng;
        ForwardInput in;
        in.inputIds = ids;
        model->eval();
        model->forward(in);
        model->train();
    }
    const double inferencePeakMb = static_cast<double>(peakRssBytes()) / 1048576.0;
    const double inferencePeakGpuMb = gpu >= 0 ? static_cast<double>(cudamem::peakAllocatedBytes(gpu)) / 1048576.0 : 0.0;

    peft::PeftModel pm(model, modelDir);
    pm.addAdapter("default", methodConfig);
    pm.prepareForTraining();
    const auto counts = pm.parameterCounts();
    std::vector<AdamW::Param> params;
    for (auto& [n, t] : pm.trainableParameters()) params.push_back({n, t, AdamW::decays(n, t)});
    AdamW opt(params, 0.0, 0.9, 0.999, 1e-8);

    const int64_t checkpointLayers = std::max<int64_t>(0, args.integer("checkpoint-layers", 0));
    const bool checkpointing = args.has("gradient-checkpointing") || checkpointLayers > 0;
    auto labels = ids.clone();
    labels.slice(1, 0, promptTokens).fill_(-100);
    auto step = [&] {
        ForwardInput in;
        in.inputIds = ids;
        in.skipLogits = true;   // as the trainer: chunked loss from the hidden states
        in.checkpointLayers = checkpointing;
        in.checkpointLayerCount = checkpointLayers;
        torch::Tensor loss;
        {
            AutocastScope autocast(precision != "fp32", device.is_cuda(), precision == "fp16" ? torch::kHalf : torch::kBFloat16);
            loss = causalLmLoss(pm.forward(in), labels, pm.numVirtualTokens());
        }
        loss.backward();
        torch::NoGradGuard ng;
        std::vector<torch::Tensor> norms;
        for (const auto& p : opt.params())
            if (p.tensor.grad().defined()) norms.push_back(p.tensor.grad().norm());
        const double total = torch::stack(norms).norm().item<double>();
        if (total > 1.0)
            for (const auto& p : opt.params())
                if (p.tensor.grad().defined()) p.tensor.grad().mul_(1.0 / (total + 1e-6));
        opt.step(1e-4);
        opt.zeroGrad();
    };
    RetainFreedMemory keepFreedMemory;   // as the trainer does (training/MemoryRetention.h)
    for (int64_t i = 0; i < warmup; ++i) step();
    if (device.is_cuda()) torch::cuda::synchronize();
    if (gpu >= 0) cudamem::resetPeak(gpu);   // the timed steps' peak, as the reference measures it
    const std::string profilePath = args.str("profile");
    std::unique_ptr<torch::autograd::profiler::RecordProfile> profile;
    if (!profilePath.empty()) profile = std::make_unique<torch::autograd::profiler::RecordProfile>(profilePath);
    const auto cacheBefore = cpuBlockCacheStats();
    const auto t0 = std::chrono::steady_clock::now();
    for (int64_t i = 0; i < steps; ++i) step();
    if (device.is_cuda()) torch::cuda::synchronize();
    const double dt = seconds(t0);
    const auto cacheAfter = cpuBlockCacheStats();
    profile.reset();   // writes the trace (profiling slows the steps a little; the numbers say so)
    // The peak again after the timed steps: on a shared machine one short measurement can land
    // in a slow moment (seen: 156 vs 273 GFLOP/s); MFU uses the best this process reached.
    gemm = std::max(gemm, measureGemmGflops(device.is_cuda() ? device.str() : "cpu", 1.0, precision));
    const double tokensPerS = static_cast<double>(batch * seq * steps) / dt;
    const bool full = method == "full" || method == "selective";
    // With prompt tokens, the output projection is only needed where a label counts: MFU counts
    // the work the step needs, not the logits a framework computes and throws away.
    const double flopsPerToken = trainingFlopsPerToken(mc, seq + pm.numVirtualTokens(), counts.trainable, full) -
                                 outputProjectionTrainingFlopsPerToken(mc, full) * static_cast<double>(promptTokens) /
                                     static_cast<double>(seq);
    const double mfu = flopsPerToken * tokensPerS / (gemm * 1e9);

    nlohmann::json out = {{"bench", "train"},
                          {"model", modelDir.empty() ? shape : modelDir},
                          {"method", method},
                          {"batch", batch},
                          {"seq", seq},
                          {"steps", steps},
                          {"threads", threads},
                          {"blas_kernels", blasCoreName()},
                          {"flush_denormals", denormalsFlushed()},
                          {"gomp_spincount", std::getenv("GOMP_SPINCOUNT") ? std::getenv("GOMP_SPINCOUNT") : ""},
                          {"gradient_checkpointing", checkpointing},
                          {"checkpoint_layers", checkpointing && checkpointLayers == 0 ? mc.numLayers : checkpointLayers},
                          {"precision", precision},
                          {"prompt_tokens", promptTokens},
                          {"device", device.str()},
                          {"trainable_params", counts.trainable},
                          {"total_params", counts.total},
                          {"tokens_per_s", tokensPerS},
                          {"seconds_per_step", dt / static_cast<double>(steps)},
                          {"flops_per_token", flopsPerToken},
                          {"achieved_gflops", flopsPerToken * tokensPerS / 1e9},
                          {"gemm_peak_gflops", gemm},
                          {"mfu", mfu},
                          {"peak_rss_mb", static_cast<double>(peakRssBytes()) / 1048576.0},
                          {"inference_peak_rss_mb", inferencePeakMb}};
    // The CPU block cache (training/MemoryRetention.h) over the timed steps: misses map fresh
    // pages (page faults), evictions unmap blocks to keep the cache near the live peak.
    out["cpu_block_cache"] = {{"peak_live_mb", static_cast<double>(cacheAfter.peakLiveBytes) / 1048576.0},
                              {"hits", cacheAfter.hits - cacheBefore.hits},
                              {"misses", cacheAfter.misses - cacheBefore.misses},
                              {"evictions", cacheAfter.evictions - cacheBefore.evictions}};
    if (gpu >= 0 && cudamem::available()) {
        out["peak_gpu_mb"] = static_cast<double>(cudamem::peakAllocatedBytes(gpu)) / 1048576.0;
        out["inference_peak_gpu_mb"] = inferencePeakGpuMb;
    }
    if (method == "lora") out["rank"] = rank;
    if (!profilePath.empty()) out["profile"] = profilePath;

    // --reference-python PATH compares against another stack, e.g. a venv with a current
    // PyTorch, transformers and peft (DEVELOPERS.md, "Against a current Python stack").
    std::string python;
    if (!args.has("no-reference")) {
        python = args.str("reference-python");
        if (!python.empty() && !fs::exists(python)) throw UsageError("bench train: --reference-python " + python + " does not exist");
        if (python.empty()) python = findReferencePython();
    }
    if (!python.empty()) {
        nlohmann::json rc = {{"hf_config", hfConfig}, {"model_dir", modelDir}, {"method", method}, {"rank", rank}, {"alpha", alpha},
                             {"targets", targets.empty() ? nlohmann::json(nullptr) : targets.toJson()},
                             {"feedforward", method == "ia3" ? peft::defaultIa3FeedForward(mc.modelType).toJson() : nlohmann::json(nullptr)},
                             {"virtual_tokens", args.integer("virtual-tokens", 20)}, {"vocab", mc.vocabSize},
                             {"batch", batch}, {"seq", seq}, {"steps", steps}, {"warmup", warmup}, {"threads", threads},
                             {"gradient_checkpointing", checkpointing}, {"checkpoint_layers", checkpointLayers},
                             {"prompt_tokens", promptTokens},
                             {"precision", precision}, {"device", device.str()}};
        const auto script = (fs::temp_directory_path() / ("tunebench-bench-train-" + std::to_string(getpid()) + ".py")).string();
        { std::ofstream(script) << kReferenceScript; }
        // Runs the reference with `env`; fills `<prefix>tokens_per_s` etc. Returns its tokens/s or 0.
        auto runReference = [&](const QProcessEnvironment& env, const std::string& prefix, bool flushDenormals) {
            rc["flush_denormals"] = flushDenormals;
            QProcess proc;
            proc.setProcessEnvironment(env);
            proc.setProcessChannelMode(QProcess::SeparateChannels);
            proc.start(QString::fromStdString(python), {QString::fromStdString(script), QString::fromStdString(rc.dump())});
            const bool done = proc.waitForFinished(30 * 60 * 1000);
            const auto stdoutText = QString::fromUtf8(proc.readAllStandardOutput()).trimmed();
            const auto lastLine = stdoutText.split(QLatin1Char('\n')).last().toStdString();
            auto ref = nlohmann::json::parse(lastLine, nullptr, false);
            if (done && proc.exitCode() == 0 && ref.is_object() && ref.contains("tokens_per_s")) {
                const double refTps = ref["tokens_per_s"].get<double>();
                out[prefix + "tokens_per_s"] = refTps;
                out[prefix + "peak_rss_mb"] = ref["peak_rss_mb"];
                if (ref.contains("peak_gpu_mb")) out[prefix + "peak_gpu_mb"] = ref["peak_gpu_mb"];
                if (ref.contains("versions")) out[prefix + "versions"] = ref["versions"];
                out[prefix + "mfu"] = flopsPerToken * refTps / (gemm * 1e9);
                return refTps;
            }
            out[prefix + "error"] = QString::fromUtf8(proc.readAllStandardError()).right(400).toStdString();
            return 0.0;
        };
        // 1. The reference in this process' environment, including the BLAS kernel and OpenMP
        //    settings tunebench chose for itself (util/ProcessTuning.h) and the same denormal
        //    flushing: the like-for-like ratio.
        const auto sameEnv = QProcessEnvironment::systemEnvironment();
        if (const double refTps = runReference(sameEnv, "reference_", denormalsFlushed()); refTps > 0)
            out["ratio"] = tokensPerS / refTps;
        // 2. The reference as it runs on this machine out of the box, without those settings.
        //    (CPU thread and BLAS settings: nothing to compare on CUDA.)
        const auto tuned = tunedVariables();
        if (!tuned.empty() && !device.is_cuda()) {
            auto plain = sameEnv;
            for (const auto& name : tuned) plain.remove(QString::fromStdString(name));
            plain.remove(QStringLiteral("TUNEBENCH_ENV_TUNED"));
            out["reference_as_installed_env_removed"] = tuned;
            if (const double refTps = runReference(plain, "reference_as_installed_", false); refTps > 0)
                out["ratio_vs_reference_as_installed"] = tokensPerS / refTps;
        }
        fs::remove(script);
    }
    printJsonLine(out.dump());
    return 0;
}

} // namespace tb::cli
