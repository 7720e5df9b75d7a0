#pragma once
// Why this exists: the trainer reports through this interface (as torchtune's metric logger):
// one sink prints JSON lines for the CLI, one writes SQLite rows in batches (workspace/), one
// turns events into queued Qt signals (jobs/). The trainer never knows who listens.
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace tb {

struct StepMetrics {
    int64_t step = 0;           // optimiser steps done
    int64_t totalSteps = 0;
    double epoch = 0;           // fractional
    double loss = 0;            // mean over the step's micro-batches
    double learningRate = 0;    // the rate this step used
    double gradNorm = 0;        // before clipping
    double tokensPerSecond = 0; // non-padding tokens through the model
    double etaSeconds = 0;
    double elapsedSeconds = 0;
    int64_t memoryBytes = 0;    // resident set size (CPU) or allocated (CUDA)
    int64_t tokensSeen = 0;
};

struct EvalMetrics {
    int64_t step = 0;
    double loss = 0;
    double perplexity = 0;
    int64_t tokens = 0;
    bool best = false;
};

struct TrainOutcome {
    std::string status;         // "completed", "cancelled", "failed", "early_stopped"
    std::string message;
    int64_t steps = 0;
    double finalLoss = 0;
    double bestEvalLoss = -1;
    std::string adapterPath, checkpointDir, lastCheckpoint;
};

class MetricsSink {
public:
    virtual ~MetricsSink() = default;
    virtual void onStep(const StepMetrics& m) = 0;
    virtual void onEval(const EvalMetrics& m) = 0;
    virtual void onCheckpoint(int64_t step, const std::string& dir) {}
    virtual void onMessage(const std::string& level, const std::string& text) {}
    virtual void onFinish(const TrainOutcome& outcome) {}
    virtual void flush() {}
};

// Forwards every event to several sinks.
class FanOutSink : public MetricsSink {
public:
    void add(MetricsSink* sink) { if (sink) sinks_.push_back(sink); }
    void onStep(const StepMetrics& m) override { for (auto* s : sinks_) s->onStep(m); }
    void onEval(const EvalMetrics& m) override { for (auto* s : sinks_) s->onEval(m); }
    void onCheckpoint(int64_t step, const std::string& dir) override { for (auto* s : sinks_) s->onCheckpoint(step, dir); }
    void onMessage(const std::string& l, const std::string& t) override { for (auto* s : sinks_) s->onMessage(l, t); }
    void onFinish(const TrainOutcome& o) override { for (auto* s : sinks_) s->onFinish(o); }
    void flush() override { for (auto* s : sinks_) s->flush(); }

private:
    std::vector<MetricsSink*> sinks_;
};

// The CLI's printer: one compact JSON object per line ({"event":"step", ...}).
class JsonLinesSink : public MetricsSink {
public:
    explicit JsonLinesSink(std::ostream& out) : out_(out) {}
    void onStep(const StepMetrics& m) override;
    void onEval(const EvalMetrics& m) override;
    void onCheckpoint(int64_t step, const std::string& dir) override;
    void onMessage(const std::string& level, const std::string& text) override;

private:
    std::ostream& out_;
};

} // namespace tb
