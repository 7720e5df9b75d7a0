#include "training/Trainer.h"

#include "io/CudaMemory.h"
#include "io/RuntimeInfo.h"
#include "models/Autocast.h"
#include "models/ModelLoader.h"
#include "models/Seq2SeqLM.h"
#include "text/Tokenizer.h"
#include "training/AdamW.h"
#include "training/CausalLmLoss.h"
#include "training/CheckpointStore.h"
#include "training/LrSchedule.h"
#include "training/Seq2SeqCollator.h"
#include "util/Error.h"
#include "training/MemoryRetention.h"
#include "util/ProcessTuning.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <mutex>
#include <thread>

namespace fs = std::filesystem;

namespace tb {

namespace {
// Decoder layers gradient checkpointing covers: the first checkpointLayers, or all.
int64_t checkpointedLayerCount(const TrainingConfig& c, int64_t numLayers) {
    return c.checkpointLayers <= 0 ? numLayers : std::min(c.checkpointLayers, numLayers);
}

using Clock = std::chrono::steady_clock;

bool isOutOfMemory(const std::string& what) {
    return what.find("out of memory") != std::string::npos || what.find("can't allocate memory") != std::string::npos ||
           what.find("CUBLAS_STATUS_ALLOC_FAILED") != std::string::npos;
}

} // namespace

Trainer::Trainer(TrainingConfig config, TrainingData data, MetricsSink* sink)
    : config_(std::move(config)), data_(std::move(data)), sink_(sink) {
    config_.validate();
}

Trainer::~Trainer() = default;

std::string Trainer::checkpointDir() const { return (fs::path(config_.outputDir) / "checkpoints").string(); }
std::string Trainer::adapterDir() const { return (fs::path(config_.outputDir) / "adapter").string(); }

void Trainer::log(const std::string& level, const std::string& text) {
    if (sink_) sink_->onMessage(level, text);
}

void Trainer::prepare() {
    if (config_.outputDir.empty()) throw UsageError("training needs an output folder");
    configureCpuThreads(config_.threads);
    torch::manual_seed(config_.seed);
    device_ = resolveDevice(config_.device);
    if (!device_.is_cuda() && config_.precision == "fp16")
        throw UsageError("precision fp16 needs a CUDA device; on the CPU use bf16 (fast where the CPU has AVX512-BF16 or AMX) or fp32");
    if (!device_.is_cuda() && config_.precision == "bf16" && !cpuHasNativeBf16())
        log("warning", "this CPU has no bf16 instructions (AVX512-BF16 or AMX): bf16 will be slower than fp32 here");

    auto base = loadCausalLM(config_.modelDir, LoadOptions{device_.str(), "fp32"});
    tokenizer_ = Tokenizer::fromModelDir(config_.modelDir);
    peft_ = std::make_unique<peft::PeftModel>(base, config_.modelDir);
    peft_->addAdapter("default", config_.method, tokenizer_.get());
    if (config_.gradientCheckpointing && asSeq2Seq(peft_->base()))
        log("warning", "gradient checkpointing is implemented for decoder-only models; this encoder-decoder model trains without it");
    peft_->prepareForTraining();
    base->train();

    eosId_ = tokenizer_->eosId();
    if (eosId_ < 0 && !base->config().eosTokenIds.empty()) eosId_ = base->config().eosTokenIds.front();
    padId_ = tokenizer_->padId() >= 0 ? tokenizer_->padId() : (eosId_ >= 0 ? eosId_ : 0);

    // Prompt tuning's virtual tokens take room in the context.
    const int64_t seq = std::min(config_.maxSeqLength, base->contextLength() > 0 ? base->contextLength() - peft_->numVirtualTokens()
                                                                                 : config_.maxSeqLength);
    auto tokenizeAll = [&](const std::vector<TextExample>& in, int64_t limit) {
        std::vector<TokenizedExample> out;
        for (const auto& e : in) {
            if (limit >= 0 && static_cast<int64_t>(out.size()) >= limit) break;
            // Encoder-decoder (T5): prompt -> encoder, completion + EOS -> labels (Seq2SeqCollator.h).
            out.push_back(asSeq2Seq(*base) ? tokenizeSeq2SeqExample(*tokenizer_, e, seq, seq, eosId_)
                                           : tokenizeExample(*tokenizer_, e, seq, config_.trainOnPrompt, eosId_));
        }
        return out;
    };
    train_ = tokenizeAll(data_.train, config_.maxTrainExamples);
    if (config_.packing && asSeq2Seq(*base)) throw UsageError("packing is for causal LMs; turn it off for encoder-decoder models");
    if (config_.packing) train_ = packExamples(train_, seq);
    if (train_.empty()) throw UsageError("no training examples");
    eval_ = tokenizeAll(data_.eval, config_.maxEvalExamples);
    for (const auto& e : train_) trainLengths_.push_back(static_cast<int64_t>(e.ids.size()));

    batchesPerEpoch_ = (static_cast<int64_t>(train_.size()) + config_.batchSize - 1) / config_.batchSize;
    stepsPerEpoch_ = (batchesPerEpoch_ + config_.gradientAccumulation - 1) / config_.gradientAccumulation;
    totalSteps_ = config_.maxSteps > 0 ? config_.maxSteps : config_.epochs * stepsPerEpoch_;
    const int64_t warmup = config_.warmupSteps > 0 ? config_.warmupSteps
                                                   : static_cast<int64_t>(std::ceil(config_.warmupRatio * static_cast<double>(totalSteps_)));
    schedule_ = std::make_unique<LrSchedule>(config_.schedule, config_.learningRate, warmup, totalSteps_);

    std::vector<AdamW::Param> params;
    for (auto& [name, t] : peft_->trainableParameters()) params.push_back({name, t, AdamW::decays(name, t)});
    optimizer_ = std::make_unique<AdamW>(std::move(params), config_.weightDecay, config_.adamBeta1, config_.adamBeta2,
                                         config_.adamEpsilon);
    checkpoints_ = std::make_unique<CheckpointStore>(checkpointDir(), config_.keepLast);

    int64_t tokens = 0, labelled = 0;
    for (auto l : trainLengths_) tokens += l;
    for (const auto& e : train_)
        labelled += std::count_if(e.labels.begin(), e.labels.end(), [](int64_t l) { return l != -100; });
    const auto counts = peft_->parameterCounts();
    const bool fullBackward = peft_->activeAdapter() && !peft_->activeAdapter()->savesAsAdapter();
    estimate_ = estimateResources(base->config(), counts.total, counts.trainable, fullBackward, config_.batchSize, seq,
                                  tokens, measureGemmGflops(device_.is_cuda() ? device_.str() : "cpu", 0.2, config_.precision), 4,
                                  config_.gradientCheckpointing && !asSeq2Seq(peft_->base())
                                      ? checkpointedLayerCount(config_, base->config().numLayers)
                                      : 0,
                                  !asSeq2Seq(peft_->base()),
                                  tokens > 0 ? static_cast<double>(labelled) / static_cast<double>(tokens) : 1.0,
                                  !device_.is_cuda() && config_.precision == "bf16" ? kCpuBf16StepEfficiency : 0.5);
    prepared_ = true;
}

void Trainer::resumeFrom(const std::string& dir) {
    if (!prepared_) prepare();
    auto ck = CheckpointStore::load(dir);
    peft_->activeAdapter()->loadPeftState(ck.weights);
    optimizer_->loadState(ck.optimizer);
    const auto& s = ck.trainerState;
    step_ = s.at("step").get<int64_t>();
    epoch_ = s.at("epoch").get<int64_t>();
    nextBatch_ = s.at("next_batch").get<int64_t>();
    tokensSeen_ = s.value("tokens_seen", int64_t{0});
    bestEval_ = s.value("best_eval_loss", -1.0);
    evalsWithoutImprovement_ = s.value("evals_without_improvement", int64_t{0});
    lossScale_ = s.value("loss_scale", 65536.0);
    goodScaledSteps_ = s.value("good_scaled_steps", int64_t{0});
    elapsedBefore_ = s.value("elapsed_s", 0.0);
    if (ck.rngState.defined()) {
        at::Generator gen = at::detail::getDefaultCPUGenerator();   // shares the global generator
        std::lock_guard<std::mutex> lock(gen.mutex());
        gen.set_state(ck.rngState);
    }
    lastCheckpoint_ = dir;
    log("info", "resumed from " + dir + " at step " + std::to_string(step_));
}

nlohmann::json Trainer::trainerState() const {
    return {{"step", step_},
            {"epoch", epoch_},
            {"next_batch", nextBatch_},
            {"tokens_seen", tokensSeen_},
            {"best_eval_loss", bestEval_},
            {"evals_without_improvement", evalsWithoutImprovement_},
            {"loss_scale", lossScale_},
            {"good_scaled_steps", goodScaledSteps_},
            {"total_steps", totalSteps_},
            {"elapsed_s", elapsedBefore_},
            {"config", config_.toJson()}};
}

void Trainer::saveCheckpoint(int64_t step) {
    CheckpointData d;
    d.weights = peft_->activeAdapter()->peftState();
    d.optimizer = optimizer_->state();
    {
        at::Generator gen = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> lock(gen.mutex());
        d.rngState = gen.get_state();
    }
    d.trainerState = trainerState();
    lastCheckpoint_ = checkpoints_->save(step, d);
    if (sink_) sink_->onCheckpoint(step, lastCheckpoint_);
}

// Encoder-decoder models pad the encoder input and the labels separately (Seq2SeqCollator.h).
Trainer::CollateFn Trainer::collateRows() { return asSeq2Seq(peft_->base()) ? &collateSeq2Seq : &collate; }

torch::Tensor Trainer::batchLoss(const Batch& b) {
    if (auto* s2s = asSeq2Seq(peft_->base())) {
        AutocastScope scope(config_.precision != "fp32", device_.is_cuda(),
                            config_.precision == "fp16" ? torch::kHalf : torch::kBFloat16);
        auto* a = peft_->activeAdapter();
        return seq2seqLoss(*s2s, b, a && a->numVirtualTokens() > 0 ? a->virtualTokenEmbeds() : torch::Tensor());
    }
    ForwardInput in;
    in.inputIds = b.inputIds.to(device_);
    in.attentionMask = b.attentionMask.to(device_);
    auto labels = b.labels.to(device_);
    // Loss straight from the hidden states, chunked (no [B, T, vocab] logits); layers
    // recomputed in backward when gradient checkpointing is on.
    in.skipLogits = true;
    in.checkpointLayers = config_.gradientCheckpointing;
    in.checkpointLayerCount = config_.checkpointLayers;
    // Autocast covers the loss too: the output projection's GEMMs run in bf16/fp16 like the
    // other linears, the softmax in fp32 (CausalLmLoss.h).
    AutocastScope scope(config_.precision != "fp32", device_.is_cuda(),
                        config_.precision == "fp16" ? torch::kHalf : torch::kBFloat16);
    auto out = peft_->forward(in);
    if (b.labelTokens == 0) return (out.logits.defined() ? out.logits : out.hidden).sum() * 0.0;
    return causalLmLoss(out, labels, peft_->numVirtualTokens());
}

// The step: forward -> masked loss -> backward for each micro-batch, then unscale, clip,
// optimiser step, zero_grad. The schedule is a pure function of the step (LrSchedule).
Trainer::StepResult Trainer::trainStep(const std::vector<Batch>& micro, double lr) {
    StepResult r;
    const bool fp16 = device_.is_cuda() && config_.precision == "fp16";
    const double scale = fp16 ? lossScale_ : 1.0;
    double lossSum = 0;
    for (const auto& b : micro) {
        auto loss = batchLoss(b);
        (loss * (scale / static_cast<double>(micro.size()))).backward();
        lossSum += loss.item<double>();
        r.tokens += b.tokens;
    }
    r.loss = lossSum / static_cast<double>(micro.size());

    std::vector<torch::Tensor> grads;
    for (const auto& p : optimizer_->params())
        if (p.tensor.grad().defined()) grads.push_back(p.tensor.grad());
    torch::NoGradGuard ng;
    if (fp16)
        for (auto& g : grads) g.mul_(1.0 / scale);   // unscale
    std::vector<torch::Tensor> norms;
    for (const auto& g : grads) norms.push_back(g.norm(2).to(torch::kFloat32));
    r.gradNorm = norms.empty() ? 0.0 : torch::stack(norms).norm(2).item<double>();
    r.finite = std::isfinite(r.loss) && std::isfinite(r.gradNorm);
    if (fp16 && !r.finite && std::isfinite(r.loss)) {
        // Overflow in the scaled gradients: skip this update and lower the scale (GradScaler).
        lossScale_ /= 2.0;
        goodScaledSteps_ = 0;
        optimizer_->zeroGrad();
        r.finite = true;
        r.skipped = true;
        return r;
    }
    if (!r.finite) {
        optimizer_->zeroGrad();
        return r;
    }
    if (config_.maxGradNorm > 0) {
        const double coef = config_.maxGradNorm / (r.gradNorm + 1e-6);
        if (coef < 1.0)
            for (auto& g : grads) g.mul_(coef);
    }
    optimizer_->step(lr);
    optimizer_->zeroGrad();
    if (fp16 && ++goodScaledSteps_ >= 2000) {
        lossScale_ *= 2.0;
        goodScaledSteps_ = 0;
    }
    return r;
}

std::vector<Batch> Trainer::nextMicroBatches() {
    auto order = batchOrder(trainLengths_, config_.batchSize, config_.seed, epoch_, config_.groupByLength);
    if (nextBatch_ >= static_cast<int64_t>(order.size())) {
        ++epoch_;
        nextBatch_ = 0;
        order = batchOrder(trainLengths_, config_.batchSize, config_.seed, epoch_, config_.groupByLength);
    }
    std::vector<Batch> out;
    const int64_t end = std::min<int64_t>(static_cast<int64_t>(order.size()), nextBatch_ + config_.gradientAccumulation);
    for (int64_t i = nextBatch_; i < end; ++i) out.push_back(collateRows()(train_, order[static_cast<size_t>(i)], padId_));
    nextBatch_ = end;
    return out;
}

EvalMetrics Trainer::evaluate() {
    EvalMetrics m;
    m.step = step_;
    if (eval_.empty()) return m;
    torch::NoGradGuard ng;
    peft_->base().eval();
    std::vector<int64_t> lengths;
    for (const auto& e : eval_) lengths.push_back(static_cast<int64_t>(e.ids.size()));
    double sum = 0;
    int64_t count = 0;
    for (const auto& rows : batchOrder(lengths, config_.batchSize, 0, 0, false, false)) {
        auto b = collateRows()(eval_, rows, padId_);
        if (b.labelTokens == 0) continue;
        sum += batchLoss(b).item<double>() * static_cast<double>(b.labelTokens);
        count += b.labelTokens;
    }
    peft_->base().train();
    m.tokens = count;
    m.loss = count ? sum / static_cast<double>(count) : 0.0;
    m.perplexity = std::exp(m.loss);
    return m;
}

void Trainer::saveOutputs(TrainOutcome& outcome) {
    peft_->saveAdapter(adapterDir());
    outcome.adapterPath = adapterDir();
    if (!config_.adapterOut.empty()) peft_->saveAdapter(config_.adapterOut);
}

TrainOutcome Trainer::run(TrainerControl* control) {
    if (!prepared_) prepare();
    RetainFreedMemory keepFreedMemory;   // steps reuse the previous step's memory (MemoryRetention.h)
    TrainOutcome outcome;
    outcome.checkpointDir = checkpointDir();
    const auto started = Clock::now();
    auto elapsed = [&] { return elapsedBefore_ + std::chrono::duration<double>(Clock::now() - started).count(); };
    double emaStep = 0;
    int64_t stepsThisRun = 0;
    try {
        if (step_ == 0) {
            const auto counts = peft_->parameterCounts();
            log("info", "trainable params: " + std::to_string(counts.trainable) + " || all params: " +
                            std::to_string(counts.total) + " || trainable%: " + std::to_string(counts.percent()));
        }
        while (step_ < totalSteps_) {
            if (control) {
                while (control->pause.load() && !control->cancel.load())
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                if (control->cancel.load()) {
                    saveCheckpoint(step_);
                    outcome.status = "cancelled";
                    outcome.message = "cancelled at step " + std::to_string(step_) + "; checkpoint kept";
                    break;
                }
            }
            const auto t0 = Clock::now();
            const double lr = schedule_->lr(step_);
            auto micro = nextMicroBatches();
            auto r = trainStep(micro, lr);
            if (!r.finite) {
                outcome.status = "failed";
                outcome.message = "the loss became " + std::string(std::isnan(r.loss) || std::isnan(r.gradNorm) ? "NaN" : "infinite") +
                                  " at step " + std::to_string(step_ + 1) + "; training stopped" +
                                  (lastCheckpoint_.empty() ? std::string(" (no checkpoint was written yet)")
                                                           : "; the last good checkpoint is " + lastCheckpoint_) +
                                  ". Try a lower learning rate, or fp32/bf16 instead of fp16";
                break;
            }
            ++step_;
            ++stepsThisRun;
            tokensSeen_ += r.tokens;
            outcome.finalLoss = r.loss;
            const double stepSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
            emaStep = stepsThisRun == 1 ? stepSeconds : 0.9 * emaStep + 0.1 * stepSeconds;
            if (sink_ && (step_ % config_.logEvery == 0 || step_ == totalSteps_)) {
                StepMetrics m;
                m.step = step_;
                m.totalSteps = totalSteps_;
                m.epoch = static_cast<double>(epoch_) + static_cast<double>(nextBatch_) / static_cast<double>(std::max<int64_t>(1, batchesPerEpoch_));
                m.loss = r.loss;
                m.learningRate = lr;
                m.gradNorm = r.gradNorm;
                m.tokensPerSecond = stepSeconds > 0 ? static_cast<double>(r.tokens) / stepSeconds : 0;
                m.etaSeconds = emaStep * static_cast<double>(totalSteps_ - step_);
                m.elapsedSeconds = elapsed();
                m.memoryBytes = device_.is_cuda() ? cudamem::allocatedBytes(device_.index()) : currentRssBytes();
                m.tokensSeen = tokensSeen_;
                sink_->onStep(m);
            }
            bool stop = false;
            if (config_.evalEvery > 0 && step_ % config_.evalEvery == 0 && !eval_.empty()) {
                auto em = evaluate();
                if (bestEval_ < 0 || em.loss < bestEval_ - config_.earlyStoppingThreshold) {
                    bestEval_ = em.loss;
                    evalsWithoutImprovement_ = 0;
                    em.best = true;
                } else {
                    ++evalsWithoutImprovement_;
                }
                if (sink_) sink_->onEval(em);
                if (config_.earlyStoppingPatience > 0 && evalsWithoutImprovement_ >= config_.earlyStoppingPatience) {
                    outcome.status = "early_stopped";
                    outcome.message = "validation loss did not improve for " + std::to_string(evalsWithoutImprovement_) + " evaluations";
                    stop = true;
                }
            }
            if (config_.saveEvery > 0 && step_ % config_.saveEvery == 0) {
                const double keep = elapsedBefore_;
                elapsedBefore_ = elapsed();
                saveCheckpoint(step_);
                elapsedBefore_ = keep;
            }
            if (stop) break;
        }
        if (outcome.status.empty()) outcome.status = "completed";
        if (outcome.status == "completed" || outcome.status == "early_stopped") {
            if (!eval_.empty() && (config_.evalEvery == 0 || step_ % config_.evalEvery != 0)) {
                auto em = evaluate();
                em.best = bestEval_ < 0 || em.loss < bestEval_;
                if (em.best) bestEval_ = em.loss;
                if (sink_) sink_->onEval(em);
            }
            saveOutputs(outcome);
        }
    } catch (const c10::Error& e) {
        const std::string what = e.what_without_backtrace();
        outcome.status = "failed";
        outcome.message = isOutOfMemory(what)
                              ? "out of memory at step " + std::to_string(step_ + 1) + " (batch " + std::to_string(config_.batchSize) +
                                    " x up to " + std::to_string(config_.maxSeqLength) +
                                    " tokens): lower the batch size or the sequence length, and use gradient accumulation"
                              : "training failed at step " + std::to_string(step_ + 1) + ": " + what.substr(0, 500);
    } catch (const std::bad_alloc&) {
        outcome.status = "failed";
        outcome.message = "out of memory at step " + std::to_string(step_ + 1) + ": lower the batch size or the sequence length";
    }
    outcome.steps = step_;
    outcome.bestEvalLoss = bestEval_;
    outcome.lastCheckpoint = lastCheckpoint_;
    if (sink_) {
        sink_->onFinish(outcome);
        sink_->flush();
    }
    return outcome;
}

} // namespace tb
