#pragma once
// Why this exists: the trainer's SQLite sink. Metric rows are buffered on the training thread
// and written in batches (one transaction per batch, every 50 rows or 2 seconds, and at every
// evaluation, checkpoint and the end), so the database is not hit once per step. No torch.
#include "training/MetricsSink.h"
#include "workspace/RunRepository.h"

#include <chrono>

namespace tb {

class RunMetricsSink : public MetricsSink {
public:
    RunMetricsSink(std::shared_ptr<Workspace> ws, qint64 runId);
    ~RunMetricsSink() override;
    void onStep(const StepMetrics& m) override;
    void onEval(const EvalMetrics& m) override;
    void onCheckpoint(int64_t step, const std::string& dir) override;
    void onFinish(const TrainOutcome& outcome) override;
    void flush() override;

private:
    void add(int64_t step, const char* kind, const char* name, double value, double wall);
    RunRepository repo_;
    qint64 runId_;
    std::vector<RunRepository::MetricRow> pending_;
    std::chrono::steady_clock::time_point lastFlush_;
};

} // namespace tb
