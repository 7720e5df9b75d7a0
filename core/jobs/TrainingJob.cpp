#include "jobs/TrainingJob.h"

#include "jobs/TrainingSession.h"
#include "training/MetricsSink.h"
#include "training/TrainerControl.h"

#include <QThread>

#include <chrono>

namespace tb {

struct TrainingJob::Control : TrainerControl {};

// Turns trainer events into the job's signals (emitted on the worker thread, delivered queued).
class TrainingJob::Sink : public MetricsSink {
public:
    explicit Sink(TrainingJob* job) : job_(job) {}
    void onStep(const StepMetrics& m) override {
        const auto now = std::chrono::steady_clock::now();
        if (m.step != m.totalSteps && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        TrainingProgress p;
        p.step = m.step;
        p.totalSteps = m.totalSteps;
        p.epoch = m.epoch;
        p.loss = m.loss;
        p.learningRate = m.learningRate;
        p.gradNorm = m.gradNorm;
        p.tokensPerSecond = m.tokensPerSecond;
        p.etaSeconds = m.etaSeconds;
        p.memoryBytes = m.memoryBytes;
        Q_EMIT job_->progress(p);
    }
    void onEval(const EvalMetrics& m) override {
        Q_EMIT job_->evaluated(TrainingEvaluation{m.step, m.loss, m.perplexity, m.best});
    }
    void onCheckpoint(int64_t step, const std::string& dir) override {
        Q_EMIT job_->checkpointSaved(step, QString::fromStdString(dir));
    }
    void onMessage(const std::string& level, const std::string& text) override {
        Q_EMIT job_->message(QString::fromStdString(level), QString::fromStdString(text));
    }

private:
    TrainingJob* job_;
    std::chrono::steady_clock::time_point last_{};
};

TrainingJob::TrainingJob(TrainingJobParams params, QObject* parent)
    : QObject(parent), params_(std::move(params)), control_(std::make_unique<Control>()) {
    qRegisterMetaType<tb::TrainingProgress>();
    qRegisterMetaType<tb::TrainingEvaluation>();
    qRegisterMetaType<tb::TrainingResult>();
}

TrainingJob::~TrainingJob() {
    if (thread_) {
        control_->cancel.store(true);
        control_->pause.store(false);
        thread_->wait();
        delete thread_;
    }
}

void TrainingJob::start() {
    if (thread_) return;
    thread_ = QThread::create([this] { work(); });
    thread_->setObjectName(QStringLiteral("TrainingJob"));
    thread_->start();
}

void TrainingJob::requestCancel() { control_->cancel.store(true); }
void TrainingJob::setPaused(bool paused) { control_->pause.store(paused); }
bool TrainingJob::isPaused() const { return control_->pause.load(); }
bool TrainingJob::isRunning() const { return thread_ && thread_->isRunning(); }

void TrainingJob::work() {
    try {
        if (!params_.workspace) throw Error("no workspace");
        TrainingSession session(params_.workspace);
        session.onPrepared = [this](const nlohmann::json& info) {
            runId_ = info.value("run_id", qint64{0});
            Q_EMIT prepared(runId_, QString::fromStdString(info.dump()));
        };
        Sink sink(this);
        TrainingSessionResult r = params_.resumeRunId > 0
                                      ? session.resume(params_.resumeRunId, &sink, control_.get())
                                      : session.start(TrainingConfig::fromJson(params_.config), &sink, control_.get());
        runId_ = r.runId;
        const auto& o = r.outcome;
        if (o.status == "failed") {
            Q_EMIT failed(QString::fromStdString(o.message));
            return;
        }
        TrainingResult res;
        res.runId = r.runId;
        res.status = QString::fromStdString(o.status);
        res.message = QString::fromStdString(o.message);
        res.adapterPath = QString::fromStdString(o.adapterPath);
        res.checkpointDir = QString::fromStdString(o.checkpointDir);
        res.lastCheckpoint = QString::fromStdString(o.lastCheckpoint);
        res.steps = o.steps;
        res.finalLoss = o.finalLoss;
        res.bestEvalLoss = o.bestEvalLoss;
        Q_EMIT finished(res);
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    } catch (...) {
        Q_EMIT failed(QStringLiteral("training failed with an unknown error"));
    }
}

} // namespace tb
