#pragma once
// Why this exists: the training loop of DESIGN §5 for causal LMs, shared by the CLI, the GUI's
// TrainingJob and the tests. The step is one readable function (trainStep): forward -> masked
// loss -> backward -> every N micro-batches: unscale, clip, step, zero_grad, schedule -> log.
//
// Usage:
//   1. Trainer t(config, data, &sink);
//   2. t.prepare();             loads the model, builds the adapter, tokenizes, estimates
//   3. t.resumeFrom(dir);       optional: restores weights, optimiser, RNG, data position
//   4. auto outcome = t.run(&control);   control.pause / control.cancel from any thread
#include "peft/PeftModel.h"
#include "training/Collator.h"
#include "training/MetricsSink.h"
#include "training/ResourceEstimate.h"
#include "training/TrainerControl.h"
#include "training/TrainingConfig.h"

#include <atomic>
#include <memory>

namespace tb {

class AdamW;
class CheckpointStore;
class LrSchedule;
class Tokenizer;

struct TrainingData {
    std::vector<TextExample> train, eval;
};

class Trainer {
public:
    Trainer(TrainingConfig config, TrainingData data, MetricsSink* sink = nullptr);
    ~Trainer();

    void prepare();
    void resumeFrom(const std::string& checkpointDir);
    TrainOutcome run(TrainerControl* control = nullptr);

    peft::PeftModel& model() { return *peft_; }
    peft::ParameterCounts parameterCounts() { return peft_->parameterCounts(); }
    const ResourceEstimate& estimate() const { return estimate_; }
    int64_t totalSteps() const { return totalSteps_; }
    int64_t stepsPerEpoch() const { return stepsPerEpoch_; }
    const TrainingConfig& config() const { return config_; }
    std::string checkpointDir() const;
    std::string adapterDir() const;
    // Mean loss of one batch of tokenized rows (for tests and gradient checks).
    torch::Tensor batchLoss(const Batch& batch);
    EvalMetrics evaluate();

private:
    struct StepResult {
        double loss = 0, gradNorm = 0;
        int64_t tokens = 0;
        bool finite = true, skipped = false;
    };
    StepResult trainStep(const std::vector<Batch>& microBatches, double lr);
    std::vector<Batch> nextMicroBatches();
    using CollateFn = Batch (*)(const std::vector<TokenizedExample>&, const std::vector<size_t>&, int64_t);
    CollateFn collateRows();
    void saveCheckpoint(int64_t step);
    nlohmann::json trainerState() const;
    void saveOutputs(TrainOutcome& outcome);
    void log(const std::string& level, const std::string& text);

    TrainingConfig config_;
    TrainingData data_;
    MetricsSink* sink_;
    torch::Device device_{torch::kCPU};
    std::unique_ptr<Tokenizer> tokenizer_;
    std::unique_ptr<peft::PeftModel> peft_;
    std::unique_ptr<AdamW> optimizer_;
    std::unique_ptr<LrSchedule> schedule_;
    std::unique_ptr<CheckpointStore> checkpoints_;
    std::vector<TokenizedExample> train_, eval_;
    std::vector<int64_t> trainLengths_;
    ResourceEstimate estimate_;
    int64_t padId_ = 0, eosId_ = -1;
    int64_t stepsPerEpoch_ = 0, totalSteps_ = 0, batchesPerEpoch_ = 0;

    // Position (restored on resume).
    int64_t step_ = 0, epoch_ = 0, nextBatch_ = 0, tokensSeen_ = 0;
    double bestEval_ = -1, lossScale_ = 65536.0;
    int64_t evalsWithoutImprovement_ = 0, goodScaledSteps_ = 0;
    double elapsedBefore_ = 0;
    std::string lastCheckpoint_;
    bool prepared_ = false;
};

} // namespace tb
