#include "workspace/RunMetricsSink.h"

#include <cmath>

namespace tb {

RunMetricsSink::RunMetricsSink(std::shared_ptr<Workspace> ws, qint64 runId)
    : repo_(std::move(ws)), runId_(runId), lastFlush_(std::chrono::steady_clock::now()) {}

RunMetricsSink::~RunMetricsSink() {
    try {
        flush();
    } catch (...) {
    }
}

void RunMetricsSink::add(int64_t step, const char* kind, const char* name, double value, double wall) {
    if (!std::isfinite(value)) return;
    pending_.push_back({step, kind, name, value, wall});
}

void RunMetricsSink::onStep(const StepMetrics& m) {
    add(m.step, "train", "loss", m.loss, m.elapsedSeconds);
    add(m.step, "train", "lr", m.learningRate, m.elapsedSeconds);
    add(m.step, "train", "grad_norm", m.gradNorm, m.elapsedSeconds);
    add(m.step, "train", "tokens_per_s", m.tokensPerSecond, m.elapsedSeconds);
    add(m.step, "train", "epoch", m.epoch, m.elapsedSeconds);
    add(m.step, "train", "memory_mb", static_cast<double>(m.memoryBytes) / (1024.0 * 1024.0), m.elapsedSeconds);
    if (pending_.size() >= 50 || std::chrono::steady_clock::now() - lastFlush_ > std::chrono::seconds(2)) flush();
}

void RunMetricsSink::onEval(const EvalMetrics& m) {
    add(m.step, "eval", "eval_loss", m.loss, 0);
    add(m.step, "eval", "perplexity", m.perplexity, 0);
    flush();
}

void RunMetricsSink::onCheckpoint(int64_t, const std::string&) { flush(); }

void RunMetricsSink::onFinish(const TrainOutcome&) { flush(); }

void RunMetricsSink::flush() {
    lastFlush_ = std::chrono::steady_clock::now();
    if (pending_.empty()) return;
    repo_.appendMetrics(runId_, pending_);
    pending_.clear();
}

} // namespace tb
