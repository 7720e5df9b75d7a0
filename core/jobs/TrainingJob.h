#pragma once
// Why this exists: the GUI's way to train: a params struct -> this job -> a result struct
// (qBittorrent's TorrentCreator pattern). The work runs on the job's own QThread; progress,
// evaluations and checkpoints arrive as queued signals (progress throttled to ~10 per second);
// pause/continue act in place between steps; cancel stops after the current step and keeps a
// checkpoint; any error becomes failed(message). No torch in this header.
//
// Usage:
//   1. TrainingJob job({workspace, config});   (or resumeRunId = N)
//   2. connect progress / evaluated / finished / failed;
//   3. job.start();  job.setPaused(true/false);  job.requestCancel();
#include "workspace/Workspace.h"

#include <nlohmann/json.hpp>

#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace tb {

struct TrainingJobParams {
    std::shared_ptr<Workspace> workspace;
    nlohmann::json config;          // TrainingConfig JSON (see training/TrainingConfig.h)
    qint64 resumeRunId = 0;         // > 0: resume this run from its latest checkpoint
};

struct TrainingProgress {
    qint64 step = 0, totalSteps = 0;
    double epoch = 0, loss = 0, learningRate = 0, gradNorm = 0, tokensPerSecond = 0, etaSeconds = 0;
    qint64 memoryBytes = 0;
};

struct TrainingEvaluation {
    qint64 step = 0;
    double loss = 0, perplexity = 0;
    bool best = false;
};

struct TrainingResult {
    qint64 runId = 0;
    QString status;       // completed, early_stopped, cancelled, failed
    QString message, adapterPath, checkpointDir, lastCheckpoint;
    qint64 steps = 0;
    double finalLoss = 0, bestEvalLoss = -1;
};

class TrainingJob : public QObject {
    Q_OBJECT
public:
    explicit TrainingJob(TrainingJobParams params, QObject* parent = nullptr);
    ~TrainingJob() override;   // cancels and waits for the thread

    void start();
    void requestCancel();
    void setPaused(bool paused);
    bool isPaused() const;
    bool isRunning() const;
    qint64 runId() const { return runId_; }

Q_SIGNALS:
    void prepared(qint64 runId, const QString& infoJson);   // counts and the resource estimate
    void progress(const tb::TrainingProgress& progress);
    void evaluated(const tb::TrainingEvaluation& evaluation);
    void checkpointSaved(qint64 step, const QString& path);
    void message(const QString& level, const QString& text);
    void finished(const tb::TrainingResult& result);
    void failed(const QString& message);

private:
    class Sink;
    void work();

    TrainingJobParams params_;
    QThread* thread_ = nullptr;
    struct Control;
    std::unique_ptr<Control> control_;
    qint64 runId_ = 0;
};

} // namespace tb

Q_DECLARE_METATYPE(tb::TrainingProgress)
Q_DECLARE_METATYPE(tb::TrainingEvaluation)
Q_DECLARE_METATYPE(tb::TrainingResult)
