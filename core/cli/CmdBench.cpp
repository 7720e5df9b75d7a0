// `tunebench bench generate (--model DIR | --shape NAME)`: generation speed against the machine's
// memory bandwidth and against transformers (same workload, same machine, same run).
// `tunebench bench train ...` is dispatched to the training room's benchTrain().
#include "cli/CmdBenchTrain.h"
#include "cli/Command.h"
#include "io/RuntimeInfo.h"
#include "models/Generation.h"
#include "models/ModelLoader.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <QProcess>
#include <QStringList>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <unistd.h>

namespace fs = std::filesystem;

namespace tb::cli {
namespace {

// Model shapes with the configs of the real models (random weights for speed measurements).
nlohmann::json shapeConfig(const std::string& name) {
    if (name == "smollm2-135m")
        return {{"model_type", "llama"}, {"architectures", {"LlamaForCausalLM"}}, {"hidden_size", 576}, {"intermediate_size", 1536},
                {"num_hidden_layers", 30}, {"num_attention_heads", 9}, {"num_key_value_heads", 3}, {"vocab_size", 49152},
                {"max_position_embeddings", 8192}, {"rope_theta", 100000.0}, {"rms_norm_eps", 1e-5}, {"tie_word_embeddings", true},
                {"hidden_act", "silu"}};
    if (name == "gpt2-124m")
        return {{"model_type", "gpt2"}, {"architectures", {"GPT2LMHeadModel"}}, {"n_embd", 768}, {"n_layer", 12}, {"n_head", 12},
                {"vocab_size", 50257}, {"n_positions", 1024}};
    if (name == "qwen2.5-0.5b")
        return {{"model_type", "qwen2"}, {"architectures", {"Qwen2ForCausalLM"}}, {"hidden_size", 896}, {"intermediate_size", 4864},
                {"num_hidden_layers", 24}, {"num_attention_heads", 14}, {"num_key_value_heads", 2}, {"vocab_size", 151936},
                {"max_position_embeddings", 32768}, {"rope_theta", 1000000.0}, {"rms_norm_eps", 1e-6}, {"tie_word_embeddings", true},
                {"hidden_act", "silu"}};
    if (name == "tinyllama-1.1b")
        return {{"model_type", "llama"}, {"architectures", {"LlamaForCausalLM"}}, {"hidden_size", 2048}, {"intermediate_size", 5632},
                {"num_hidden_layers", 22}, {"num_attention_heads", 32}, {"num_key_value_heads", 4}, {"vocab_size", 32000},
                {"max_position_embeddings", 2048}, {"rms_norm_eps", 1e-5}, {"tie_word_embeddings", false}, {"hidden_act", "silu"}};
    throw UsageError("unknown --shape '" + name + "' (smollm2-135m, gpt2-124m, qwen2.5-0.5b, tinyllama-1.1b)");
}

void sync(const torch::Device& d) {
    if (d.is_cuda()) torch::cuda::synchronize(d.index());
}

// Memory bandwidth (bytes/s) as a large tensor copy achieves it: each copy reads and writes.
double measureBandwidth(const torch::Device& device) {
    const int64_t n = 64ll * 1024 * 1024;   // 256 MB of fp32
    auto src = torch::ones({n}, torch::TensorOptions().device(device));
    auto dst = torch::empty_like(src);
    dst.copy_(src);
    sync(device);
    double best = 0;
    for (int i = 0; i < 5; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        dst.copy_(src);
        sync(device);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        best = std::max(best, 2.0 * n * 4 / s);
    }
    return best;
}

std::string exeDir() {
    std::error_code ec;
    auto p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : p.parent_path().string();
}

// The first existing `rel` below the current dir, the executable's dir or their parents.
std::string findUp(const std::string& rel) {
    for (fs::path start : {fs::current_path(), fs::path(exeDir())}) {
        for (auto p = start; !p.empty(); p = p.parent_path()) {
            if (fs::exists(p / rel)) return (p / rel).string();
            if (p == p.parent_path()) break;
        }
    }
    return {};
}

double timeGenerate(CausalLM& model, int64_t batch, int64_t promptLen, int64_t newTokens, int repeats) {
    auto prompt = torch::randint(model.config().vocabSize, {batch, promptLen}, torch::kInt64);
    std::vector<std::vector<int64_t>> prompts;
    for (int64_t b = 0; b < batch; ++b) prompts.emplace_back(prompt[b].data_ptr<int64_t>(), prompt[b].data_ptr<int64_t>() + promptLen);
    GenerationOptions opt;
    opt.maxNewTokens = newTokens;   // no EOS: every run generates exactly newTokens
    double best = 1e30;
    for (int r = 0; r < repeats; ++r) {
        sync(model.device());
        auto t0 = std::chrono::steady_clock::now();
        auto res = generate(model, prompts, opt);
        sync(model.device());
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        if (static_cast<int64_t>(res.newTokens[0].size()) != newTokens) throw Error("bench: generation stopped early");
    }
    return static_cast<double>(batch * newTokens) / best;
}

int benchGenerate(const Args& args) {
    if (args.has("model") == args.has("shape")) throw UsageError("bench generate: give exactly one of --model and --shape");
    const int threads = configureCpuThreads(static_cast<int>(args.integer("threads", 0)));
    const int64_t promptLen = args.integer("prompt-tokens", 32), newTokens = args.integer("new-tokens", 64);
    const int repeats = static_cast<int>(args.integer("repeats", 2));
    const auto device = resolveDevice(args.str("device", "auto"));
    const auto dtypeName = args.str("dtype", "fp32");
    torch::manual_seed(0);
    std::shared_ptr<CausalLM> model;
    nlohmann::json shapeJson;
    std::string label;
    if (args.has("shape")) {
        label = args.str("shape");
        shapeJson = shapeConfig(label);
        auto cfg = ModelConfig::fromJson(shapeJson);
        std::cerr << "bench: building " << label << " with random weights\n";
        model = buildCausalLM(cfg, device, resolveDtype(dtypeName, device, cfg.torchDtype));
    } else {
        label = args.str("model");
        model = loadCausalLM(label, {args.str("device", "auto"), dtypeName});
    }
    int64_t weightBytes = 0;
    {
        std::set<const void*> seen;
        for (const auto& p : model->parameters())
            if (seen.insert(p.unsafeGetTensorImpl()).second) weightBytes += p.numel() * p.element_size();
    }
    const double bandwidth = measureBandwidth(device);
    std::cerr << "bench: memory bandwidth " << bandwidth / 1e9 << " GB/s, weights " << weightBytes / 1e6 << " MB\n";
    timeGenerate(*model, 1, promptLen, 4, 1);   // warm-up
    nlohmann::json out;
    out["model"] = label;
    out["device"] = device.str();
    out["dtype"] = dtypeName;
    out["threads"] = threads;
    out["parameters"] = model->parameterCount();
    out["weight_bytes"] = weightBytes;
    out["prompt_tokens"] = promptLen;
    out["new_tokens"] = newTokens;
    out["memory_bandwidth_gb_s"] = bandwidth / 1e9;
    out["bandwidth_bound_tokens_per_s"] = bandwidth / static_cast<double>(weightBytes);
    const double b1 = timeGenerate(*model, 1, promptLen, newTokens, repeats);
    std::cerr << "bench: batch 1 " << b1 << " tokens/s\n";
    out["batch1_tokens_per_s"] = b1;
    out["fraction_of_bandwidth_bound"] = b1 / out["bandwidth_bound_tokens_per_s"].get<double>();
    if (!args.has("no-batch8")) {
        const double b8 = timeGenerate(*model, 8, promptLen, newTokens, repeats);
        std::cerr << "bench: batch 8 " << b8 << " tokens/s\n";
        out["batch8_tokens_per_s"] = b8;
    }
    model.reset();

    std::string python = args.str("reference-python");
    if (python.empty())
        if (const char* env = std::getenv("TUNEBENCH_REFERENCE_PYTHON")) python = env;
    if (python.empty()) python = findUp(".venv-reference/bin/python");
    const std::string script = findUp("scripts/bench/reference_generate.py");
    if (args.has("no-reference") || python.empty() || script.empty() || dtypeName != "fp32") {
        out["reference"] = args.has("no-reference") ? "skipped (--no-reference)"
                           : dtypeName != "fp32"   ? "skipped (reference runs fp32 only)"
                                                   : "not found (.venv-reference/bin/python or scripts/bench/reference_generate.py)";
    } else {
        QStringList pyArgs{QString::fromStdString(script), QStringLiteral("--prompt-len"), QString::number(promptLen),
                           QStringLiteral("--new-tokens"), QString::number(newTokens), QStringLiteral("--threads"),
                           QString::number(threads), QStringLiteral("--device"), QString::fromStdString(device.str()),
                           QStringLiteral("--repeats"), QString::number(repeats), QStringLiteral("--batches"),
                           args.has("no-batch8") ? QStringLiteral("1") : QStringLiteral("1,8")};
        std::string cfgPath;
        if (args.has("shape")) {
            char tmpl[] = "/tmp/tunebench-bench-XXXXXX";
            const int fd = mkstemp(tmpl);
            if (fd < 0) throw Error("bench: cannot create a temporary file");
            ::close(fd);
            cfgPath = tmpl;
            std::ofstream(cfgPath) << shapeJson.dump();
            pyArgs << QStringLiteral("--config") << QString::fromStdString(cfgPath);
        } else {
            pyArgs << QStringLiteral("--model") << QString::fromStdString(label);
        }
        std::cerr << "bench: running the reference (" << python << ")\n";
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(QString::fromStdString(python), pyArgs);
        const bool ok = p.waitForFinished(3600 * 1000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (!cfgPath.empty()) fs::remove(cfgPath);
        if (!ok) {
            out["reference"] = "failed (exit " + std::to_string(p.exitCode()) + ")";
        } else {
            const auto lines = QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(QLatin1Char('\n'));
            auto ref = nlohmann::json::parse(lines.last().toStdString());
            out["reference"] = "transformers " + ref.value("transformers", std::string("?"));
            out["reference_batch1_tokens_per_s"] = ref["batch1_tokens_per_s"];
            out["ratio"] = b1 / ref["batch1_tokens_per_s"].get<double>();
            if (ref.contains("batch8_tokens_per_s")) {
                out["reference_batch8_tokens_per_s"] = ref["batch8_tokens_per_s"];
                out["batch8_ratio"] = out["batch8_tokens_per_s"].get<double>() / ref["batch8_tokens_per_s"].get<double>();
            }
        }
    }
    printJsonLine(out.dump());
    return 0;
}

} // namespace

Command makeBenchCommand() {
    Command c;
    c.name = "bench";
    c.summary = "measure generation and training speed against the reference";
    c.usage = "generate (--model DIR | --shape smollm2-135m|gpt2-124m|qwen2.5-0.5b|tinyllama-1.1b) [--device D] [--threads N] "
              "[--reference-python PATH | --no-reference]   |   train ...";
    c.flags = {
        {"model", true, "Hugging Face model folder"},
        {"shape", true, "a named model shape with random weights"},
        {"device", true, "cpu, cuda, cuda:N or auto (default auto)"},
        {"dtype", true, "fp32 (default), bf16 (CPU: fast with AVX512-BF16 or AMX), or fp16 (CUDA only)"},
        {"threads", true, "CPU threads (default: all cores or TUNEBENCH_THREADS)"},
        {"prompt-tokens", true, "prompt length (default 32)"},
        {"new-tokens", true, "tokens generated per sequence (default 64)"},
        {"repeats", true, "timed runs per measurement, best kept (default 2)"},
        {"no-batch8", false, "skip the batch-8 measurement"},
        {"reference-python", true, "python of the reference stack (default TUNEBENCH_REFERENCE_PYTHON, else .venv-reference/bin/python)"},
        {"no-reference", false, "do not run transformers"},
    };
    for (const auto& f : benchTrainFlags()) {
        bool dup = false;
        for (const auto& g : c.flags) dup = dup || g.name == f.name;
        if (!dup) c.flags.push_back(f);
    }
    c.maxPositionals = 1;
    c.run = [](const Args& args, const Context& ctx) {
        const auto& pos = args.positionals();
        if (pos.empty()) throw UsageError("bench: say what to measure: `bench generate ...` or `bench train ...`");
        if (pos[0] == "generate") return benchGenerate(args);
        if (pos[0] == "train") return benchTrain(args, ctx);
        throw UsageError("bench: unknown benchmark '" + pos[0] + "' (generate, train)");
    };
    return c;
}

} // namespace tb::cli
