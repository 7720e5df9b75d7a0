// `tunebench train`: fine-tune a model headless. Settings come from --config RUN.json and/or
// flags (flags win); progress is printed as JSON lines and the last line names the run and its
// paths. `--resume RUN` continues a run from its latest checkpoint; `--from-run ID` starts a new
// run with a stored run's config. Ctrl-C stops after the current step and keeps a checkpoint.
#include "cli/Command.h"
#include "jobs/TrainingSession.h"
#include "util/Error.h"
#include "util/ProcessTuning.h"
#include "workspace/RunRepository.h"
#include "workspace/Workspace.h"

#include <csignal>
#include <fstream>
#include <iostream>

namespace tb::cli {
namespace {

TrainerControl* gControl = nullptr;
extern "C" void onInterrupt(int) {
    if (gControl) gControl->cancel.store(true);
}

std::vector<FlagSpec> trainFlags() {
    return {
        {"config", true, "RUN.json with any of the settings below (snake_case keys)"},
        {"resume", true, "continue run RUN from its latest checkpoint"},
        {"from-run", true, "start a new run with the stored config of run ID (flags override)"},
        {"name", true, "a name for the run"},
        {"model", true, "Hugging Face model folder"},
        {"instructions", true, "instruction set in the workspace"},
        {"train-split", true, "split to train on (default train)"},
        {"eval-split", true, "validation split (default validation)"},
        {"data", true, "JSONL file of {\"prompt\",\"completion\"} rows (instead of --instructions)"},
        {"eval-data", true, "JSONL validation file"},
        {"max-examples", true, "use at most N training examples"},
        {"max-eval", true, "validation examples per evaluation (default 200, -1 all)"},
        {"method", true, "full | selective | lora | prompt | ia3"},
        {"rank", true, "LoRA rank r (default 8)"},
        {"alpha", true, "LoRA alpha (default = rank)"},
        {"dropout", true, "LoRA dropout"},
        {"targets", true, "target modules: a,b,c (suffixes) or a regex (LoRA, IA3)"},
        {"feedforward", true, "IA3 feed-forward modules a,b"},
        {"rslora", false, "rank-stabilised LoRA scaling alpha/sqrt(r)"},
        {"init", true, "LoRA init: kaiming (default) or gaussian; prompt: random or text"},
        {"virtual-tokens", true, "prompt tuning: number of virtual tokens (default 20)"},
        {"prompt-init-text", true, "prompt tuning: initialise from this text"},
        {"layers", true, "selective: layer range FROM-TO"},
        {"pattern", true, "selective: regex on parameter names"},
        {"bias-only", false, "selective: biases only (BitFit)"},
        {"norms", false, "selective: norm parameters"},
        {"steps", true, "optimiser steps (overrides --epochs)"},
        {"epochs", true, "epochs (default 1)"},
        {"lr", true, "peak learning rate (default 2e-4)"},
        {"weight-decay", true, "AdamW weight decay (not on biases and norms)"},
        {"schedule", true, "constant | linear | cosine (default linear)"},
        {"warmup", true, "warm-up steps"},
        {"warmup-ratio", true, "warm-up as a fraction of all steps"},
        {"batch", true, "examples per micro-batch (default 4)"},
        {"grad-accum", true, "micro-batches per optimiser step (default 1)"},
        {"seq", true, "maximum sequence length in tokens (default 512)"},
        {"max-grad-norm", true, "clip the global gradient norm (default 1, 0 = off)"},
        {"train-on-prompt", false, "also compute the loss on prompt tokens"},
        {"packing", false, "pack examples into full-length rows"},
        {"no-group-by-length", false, "plain shuffled batches"},
        {"eval-every", true, "evaluate every N steps"},
        {"early-stopping", true, "stop after N evaluations without improvement"},
        {"save-every", true, "checkpoint every N steps"},
        {"keep-last", true, "checkpoints to keep (default 2)"},
        {"log-every", true, "print progress every N steps (default 1)"},
        {"seed", true, "random seed (default 42)"},
        {"device", true, "auto | cpu | cuda | cuda:N"},
        {"precision", true, "fp32 | bf16 | fp16 (CUDA)"},
        {"gradient-checkpointing", false, "recompute activations in backward (saves memory)"},
        {"checkpoint-layers", true, "gradient checkpointing for the first N decoder layers only (implies it; 0 = all)"},
        {"threads", true, "CPU threads (default: all cores)"},
        {"out", true, "also write the final adapter (PEFT layout) to DIR"},
        {"output-dir", true, "the run folder (default: runs/run-ID beside the workspace)"},
    };
}

nlohmann::json readConfigFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw UsageError("cannot open " + path);
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw UsageError(path + ": not valid JSON (" + e.what() + ")");
    }
}

void applyFlags(const Args& a, TrainingConfig& c) {
    auto str = [&](const char* f, std::string& out) { if (a.has(f)) out = a.str(f); };
    auto integer = [&](const char* f, int64_t& out) { if (a.has(f)) out = a.integer(f, out); };
    auto number = [&](const char* f, double& out) { if (a.has(f)) out = a.number(f, out); };
    str("name", c.name);
    str("model", c.modelDir);
    if (a.has("instructions")) { c.instructionSet = a.str("instructions"); c.dataFile.clear(); }
    if (a.has("data")) { c.dataFile = a.str("data"); c.instructionSet.clear(); }
    str("train-split", c.trainSplit);
    str("eval-split", c.evalSplit);
    str("eval-data", c.evalDataFile);
    integer("max-examples", c.maxTrainExamples);
    integer("max-eval", c.maxEvalExamples);
    integer("steps", c.maxSteps);
    if (a.has("epochs")) { c.epochs = a.integer("epochs", 1); if (!a.has("steps")) c.maxSteps = -1; }
    number("lr", c.learningRate);
    number("weight-decay", c.weightDecay);
    str("schedule", c.schedule);
    integer("warmup", c.warmupSteps);
    number("warmup-ratio", c.warmupRatio);
    integer("batch", c.batchSize);
    integer("grad-accum", c.gradientAccumulation);
    integer("seq", c.maxSeqLength);
    number("max-grad-norm", c.maxGradNorm);
    if (a.has("train-on-prompt")) c.trainOnPrompt = true;
    if (a.has("packing")) c.packing = true;
    if (a.has("no-group-by-length")) c.groupByLength = false;
    integer("eval-every", c.evalEvery);
    integer("early-stopping", c.earlyStoppingPatience);
    integer("save-every", c.saveEvery);
    integer("keep-last", c.keepLast);
    integer("log-every", c.logEvery);
    if (a.has("seed")) c.seed = static_cast<uint64_t>(a.integer("seed", 42));
    str("device", c.device);
    str("precision", c.precision);
    if (a.has("gradient-checkpointing")) c.gradientCheckpointing = true;
    if (a.has("checkpoint-layers")) {
        c.checkpointLayers = a.integer("checkpoint-layers", 0);
        c.gradientCheckpointing = true;
    }
    if (a.has("threads")) c.threads = static_cast<int>(a.integer("threads", 0));
    str("out", c.adapterOut);
    str("output-dir", c.outputDir);

    // The method section.
    auto& m = c.method;
    if (a.has("method")) {
        const auto name = a.str("method");
        if (!m.contains("method") || m["method"] != name) m = {{"method", name}};
    }
    const std::string method = m.value("method", "lora");
    if (a.has("rank")) m["r"] = a.integer("rank", 8);
    if (a.has("alpha")) m["lora_alpha"] = a.number("alpha", 8);
    if (a.has("dropout")) m["lora_dropout"] = a.number("dropout", 0);
    if (a.has("rslora")) m["use_rslora"] = true;
    if (a.has("targets")) {
        const auto t = a.str("targets");
        const bool regex = t.find_first_of("*+?()[]|^$\\") != std::string::npos;
        m["target_modules"] = regex ? nlohmann::json(t) : nlohmann::json(a.list("targets"));
    }
    if (a.has("feedforward")) m["feedforward_modules"] = a.list("feedforward");
    if (a.has("init")) {
        if (method == "prompt") m["prompt_tuning_init"] = a.str("init");
        else m["init_lora_weights"] = a.str("init");
    }
    if (a.has("virtual-tokens")) m["num_virtual_tokens"] = a.integer("virtual-tokens", 20);
    if (a.has("prompt-init-text")) {
        m["prompt_tuning_init_text"] = a.str("prompt-init-text");
        m["prompt_tuning_init"] = "TEXT";
    }
    if (a.has("layers")) m["layers"] = a.str("layers");
    if (a.has("pattern")) m["pattern"] = a.str("pattern");
    if (a.has("bias-only")) m["bias_only"] = true;
    if (a.has("norms")) m["norms"] = true;
}

// A resumed run's precision is stored in the workspace, not on the command line from which
// start-up chose the CPU spin setting (util/ProcessTuning.h): a bf16 run on the CPU starts
// again with bf16's. The workspace is closed before that.
void retuneForStoredBf16(const QString& workspacePath, qint64 runId) {
    std::string precision, device;
    try {
        auto ws = Workspace::open(workspacePath);
        RunRepository repo(ws);
        const auto run = repo.find(runId);
        if (!run) return;   // resume says so
        precision = run->config.value("precision", std::string("fp32"));
        device = run->config.value("device", std::string("auto"));
    } catch (const std::exception&) {
        return;   // resume reports what is wrong
    }
    if (precision == "bf16" && device.rfind("cuda", 0) != 0) retuneForBf16();
}

} // namespace

Command makeTrainCommand() {
    Command c;
    c.name = "train";
    c.summary = "fine-tune a model (full, selective, LoRA, prompt tuning, IA3)";
    c.usage = "(--config RUN.json | --model DIR (--instructions NAME | --data FILE.jsonl)) [--method M] [flags] | --resume RUN";
    c.flags = trainFlags();
    c.run = [](const Args& a, const Context& ctx) {
        const QString wsPath = ctx.workspacePath.empty() ? Workspace::defaultPath() : QString::fromStdString(ctx.workspacePath);
        if (a.has("resume")) retuneForStoredBf16(wsPath, a.integer("resume", 0));   // may re-execute
        auto ws = Workspace::open(wsPath);
        TrainingSession session(ws);
        session.onPrepared = [](const nlohmann::json& j) { printJsonLine(j.dump()); };
        JsonLinesSink printer(std::cout);
        TrainerControl control;
        gControl = &control;
        std::signal(SIGINT, onInterrupt);
        std::signal(SIGTERM, onInterrupt);
        TrainingSessionResult r;
        if (a.has("resume")) {
            r = session.resume(a.integer("resume", 0), &printer, &control);
        } else {
            TrainingConfig cfg;
            if (a.has("from-run")) cfg = session.configOfRun(a.integer("from-run", 0));
            if (a.has("config")) cfg = TrainingConfig::fromJson(readConfigFile(a.str("config")));
            applyFlags(a, cfg);
            cfg.validate();
            cfg.makePathsAbsolute();
            r = session.start(cfg, &printer, &control);
        }
        gControl = nullptr;
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        printJsonLine(r.summary.dump());
        if (r.outcome.status == "failed") std::cerr << "tunebench train: " << r.outcome.message << "\n";
        return r.outcome.status == "completed" || r.outcome.status == "early_stopped" ? 0 : 1;
    };
    return c;
}

} // namespace tb::cli
