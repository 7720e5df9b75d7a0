#pragma once
// Why this exists: one implementation of "train a run in the workspace", used by both
// `tunebench train` and TrainingJob: create the run (or reopen it for --resume), load its data
// (JSONL file or instruction-set split), train with the SQLite sink plus the caller's sink,
// and record the outcome. No torch in this header.
#include "training/MetricsSink.h"
#include "training/TrainerControl.h"
#include "training/TrainingConfig.h"
#include "workspace/Workspace.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>

namespace tb {

struct TrainingSessionResult {
    qint64 runId = 0;
    TrainOutcome outcome;
    nlohmann::json summary;   // run_id, status, paths, final numbers (the CLI's last line)
};

class TrainingSession {
public:
    explicit TrainingSession(std::shared_ptr<Workspace> ws);
    // Called once the model is loaded: {"run_id", "trainable_params", "total_params",
    // "trainable_percent", "estimate": {...}, "total_steps", ...}.
    std::function<void(const nlohmann::json&)> onPrepared;

    TrainingSessionResult start(const TrainingConfig& config, MetricsSink* sink, TrainerControl* control);
    TrainingSessionResult resume(qint64 runId, MetricsSink* sink, TrainerControl* control);
    // The stored config of a run (for --from-run), with output paths cleared.
    TrainingConfig configOfRun(qint64 runId) const;

private:
    TrainingSessionResult execute(qint64 runId, TrainingConfig config, const std::string& checkpoint, MetricsSink* sink,
                                  TrainerControl* control);
    std::shared_ptr<Workspace> ws_;
};

} // namespace tb
