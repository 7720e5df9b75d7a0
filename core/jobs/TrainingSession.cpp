#include "jobs/TrainingSession.h"

#include "training/CheckpointStore.h"
#include "training/Trainer.h"
#include "workspace/RunMetricsSink.h"
#include "workspace/RunRepository.h"

#include <QFileInfo>
#include <QDir>

#include <cstdlib>
#include <filesystem>

namespace tb {

namespace fs = std::filesystem;

TrainingSession::TrainingSession(std::shared_ptr<Workspace> ws) : ws_(std::move(ws)) {}

namespace {

TrainingData loadData(const std::shared_ptr<Workspace>& ws, const TrainingConfig& c) {
    TrainingData d;
    if (!c.dataFile.empty()) {
        d.train = loadJsonlExamples(c.dataFile);
        if (!c.evalDataFile.empty()) d.eval = loadJsonlExamples(c.evalDataFile);
        return d;
    }
    RunRepository repo(ws);
    for (auto& [p, comp] : repo.instructionExamples(QString::fromStdString(c.instructionSet), QString::fromStdString(c.trainSplit)))
        d.train.push_back({p, comp});
    if (d.train.empty())
        throw UsageError("instruction set '" + c.instructionSet + "' has no examples in split '" + c.trainSplit + "'");
    if (!c.evalSplit.empty())
        for (auto& [p, comp] : repo.instructionExamples(QString::fromStdString(c.instructionSet), QString::fromStdString(c.evalSplit)))
            d.eval.push_back({p, comp});
    if (!c.evalDataFile.empty()) d.eval = loadJsonlExamples(c.evalDataFile);
    return d;
}

std::string methodName(const TrainingConfig& c) {
    return c.method.contains("method") && c.method["method"].is_string() ? c.method["method"].get<std::string>() : "lora";
}

} // namespace

TrainingConfig TrainingSession::configOfRun(qint64 runId) const {
    RunRepository repo(ws_);
    auto run = repo.find(runId);
    if (!run) throw UsageError("no run " + std::to_string(runId) + " in the workspace");
    auto c = TrainingConfig::fromJson(run->config);
    c.outputDir.clear();
    c.adapterOut.clear();
    return c;
}

TrainingSessionResult TrainingSession::start(const TrainingConfig& config, MetricsSink* sink, TrainerControl* control) {
    config.validate();
    RunRepository repo(ws_);
    const qint64 id = repo.create(config.toJson(), QString::fromStdString(config.name), QString::fromStdString(config.modelDir),
                                  QString::fromStdString(methodName(config)));
    TrainingConfig c = config;
    if (c.outputDir.empty()) {
        const auto base = QFileInfo(ws_->path()).absoluteDir().filePath(QStringLiteral("runs/run-%1").arg(id));
        c.outputDir = base.toStdString();
    }
    c.outputDir = fs::absolute(c.outputDir).lexically_normal().string();
    repo.setConfig(id, c.toJson());
    return execute(id, c, {}, sink, control);
}

TrainingSessionResult TrainingSession::resume(qint64 runId, MetricsSink* sink, TrainerControl* control) {
    RunRepository repo(ws_);
    auto run = repo.find(runId);
    if (!run) throw UsageError("no run " + std::to_string(runId) + " in the workspace");
    if (run->status == QStringLiteral("completed"))
        throw UsageError("run " + std::to_string(runId) + " has completed; start a new one with --from-run " + std::to_string(runId));
    auto c = TrainingConfig::fromJson(run->config);
    CheckpointStore store(run->checkpointDir.toStdString(), c.keepLast);
    const auto latest = store.latest();
    if (latest.empty())
        throw UsageError("run " + std::to_string(runId) + " has no checkpoint to resume from; start it again with --from-run " +
                         std::to_string(runId));
    return execute(runId, c, latest, sink, control);
}

TrainingSessionResult TrainingSession::execute(qint64 runId, TrainingConfig c, const std::string& checkpoint, MetricsSink* sink,
                                               TrainerControl* control) {
    RunRepository repo(ws_);
    TrainingSessionResult result;
    result.runId = runId;
    RunMetricsSink dbSink(ws_, runId);
    FanOutSink fan;
    fan.add(&dbSink);
    fan.add(sink);
    try {
        Trainer trainer(c, loadData(ws_, c), &fan);
        repo.setPaths(runId, QString::fromStdString(c.outputDir), QString::fromStdString(trainer.checkpointDir()));
        trainer.prepare();
        if (!checkpoint.empty()) {
            trainer.resumeFrom(checkpoint);
            const auto state = CheckpointStore::load(checkpoint).trainerState;
            repo.deleteMetricsAfter(runId, state.at("step").get<qint64>());
        }
        repo.markRunning(runId);
        if (onPrepared) {
            const auto counts = trainer.parameterCounts();
            const auto& e = trainer.estimate();
            onPrepared({{"event", "prepared"},
                        {"run_id", runId},
                        {"trainable_params", counts.trainable},
                        {"total_params", counts.total},
                        {"trainable_percent", counts.percent()},
                        {"total_steps", trainer.totalSteps()},
                        {"steps_per_epoch", trainer.stepsPerEpoch()},
                        {"resumed_from", checkpoint.empty() ? nlohmann::json(nullptr) : nlohmann::json(checkpoint)},
                        // OpenMP's spinning as libgomp read it at start-up (util/ProcessTuning.h)
                        {"gomp_spincount", std::getenv("GOMP_SPINCOUNT") ? std::getenv("GOMP_SPINCOUNT") : ""},
                        {"estimate",
                         {{"peak_memory_mb", static_cast<double>(e.peakBytes) / 1048576.0},
                          {"seconds_per_epoch", e.secondsPerEpoch},
                          {"tokens_per_epoch", e.tokensPerEpoch},
                          {"gemm_gflops", e.gemmGflops}}}});
        }
        result.outcome = trainer.run(control);
    } catch (const std::exception& e) {
        result.outcome.status = "failed";
        result.outcome.message = e.what();
    }
    const auto& o = result.outcome;
    nlohmann::json finalMetrics = {{"steps", o.steps}, {"final_loss", o.finalLoss}};
    if (o.bestEvalLoss >= 0) finalMetrics["best_eval_loss"] = o.bestEvalLoss;
    repo.markFinished(runId, QString::fromStdString(o.status), finalMetrics, QString::fromStdString(o.adapterPath),
                      QString::fromStdString(o.message));
    result.summary = {{"event", "done"},
                      {"run_id", runId},
                      {"status", o.status},
                      {"steps", o.steps},
                      {"final_loss", o.finalLoss},
                      {"best_eval_loss", o.bestEvalLoss >= 0 ? nlohmann::json(o.bestEvalLoss) : nlohmann::json(nullptr)},
                      {"output_dir", c.outputDir},
                      {"adapter", o.adapterPath.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.adapterPath)},
                      {"adapter_out", c.adapterOut.empty() || o.adapterPath.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.adapterOut)},
                      {"checkpoints", o.checkpointDir},
                      {"last_checkpoint", o.lastCheckpoint.empty() ? nlohmann::json(nullptr) : nlohmann::json(o.lastCheckpoint)}};
    if (!o.message.empty()) result.summary["message"] = o.message;
    return result;
}

} // namespace tb
