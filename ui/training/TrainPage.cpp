#include "ui/training/TrainPage.h"

#include "jobs/TrainingJob.h"
#include "ui/app/AppContext.h"
#include "ui/plots/LossPlot.h"
#include "ui/training/TrainConfigForm.h"
#include "ui/widgets/Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTime>
#include <QVBoxLayout>

namespace tb { namespace ui {

namespace {

QString duration(double seconds) {
    if (seconds < 0 || !std::isfinite(seconds)) return QStringLiteral("–");
    const qint64 s = qint64(seconds + 0.5);
    if (s >= 3600) return QStringLiteral("%1:%2:%3").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

TrainPage::TrainPage(AppContext* ctx, QWidget* parent) : QWidget(parent), ctx_(ctx) {
    auto* layout = new QHBoxLayout(this);
    auto* split = new QSplitter(this);
    layout->addWidget(split);

    auto* scroll = new QScrollArea(split);
    form_ = new TrainConfigForm(ctx_, scroll);
    scroll->setWidget(form_);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(380);

    auto* right = new QWidget(split);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    auto* buttons = new QHBoxLayout;
    start_ = new QPushButton(Icons::get(QStringLiteral("start")), tr("&Start"), right);
    start_->setObjectName(QStringLiteral("trainStart"));
    pause_ = new QPushButton(Icons::get(QStringLiteral("pause")), tr("&Pause"), right);
    pause_->setObjectName(QStringLiteral("trainPause"));
    stop_ = new QPushButton(Icons::get(QStringLiteral("stop")), tr("S&top"), right);
    stop_->setObjectName(QStringLiteral("trainStop"));
    stop_->setToolTip(tr("Stops after the current step and keeps a checkpoint; the run can be resumed."));
    buttons->addWidget(start_);
    buttons->addWidget(pause_);
    buttons->addWidget(stop_);
    buttons->addStretch();
    runInfo_ = new QLabel(right);
    buttons->addWidget(runInfo_);
    rl->addLayout(buttons);
    plot_ = new LossPlot(right);
    plot_->setObjectName(QStringLiteral("lossPlot"));
    rl->addWidget(plot_, 3);
    progress_ = new QProgressBar(right);
    progress_->setObjectName(QStringLiteral("trainProgress"));
    progress_->setFormat(tr("step %v of %m"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
    rl->addWidget(progress_);
    speed_ = new QLabel(right);
    speed_->setObjectName(QStringLiteral("trainSpeed"));
    rl->addWidget(speed_);
    log_ = new QPlainTextEdit(right);
    log_->setObjectName(QStringLiteral("trainLog"));
    log_->setReadOnly(true);
    log_->setMaximumBlockCount(5000);
    rl->addWidget(log_, 1);
    split->addWidget(scroll);
    split->addWidget(right);
    split->setSizes({430, 800});

    connect(start_, &QPushButton::clicked, this, &TrainPage::start);
    connect(pause_, &QPushButton::clicked, this, &TrainPage::togglePause);
    connect(stop_, &QPushButton::clicked, this, &TrainPage::stop);
    connect(form_, &TrainConfigForm::changed, this, [this] {
        if (!isTraining()) {
            const QString p = form_->problem();
            start_->setEnabled(p.isEmpty());
            start_->setToolTip(p.isEmpty() ? tr("Start training with these settings") : p);
        }
    });
    setRunning(false);
    plot_->redraw();
}

TrainPage::~TrainPage() = default;

bool TrainPage::isTraining() const { return job_ && job_->isRunning(); }

void TrainPage::setRunning(bool running) {
    const QString p = form_->problem();
    start_->setEnabled(!running && p.isEmpty());
    start_->setToolTip(p.isEmpty() ? tr("Start training with these settings") : p);
    pause_->setEnabled(running);
    stop_->setEnabled(running);
    form_->setEnabled(!running);
    pause_->setText(tr("&Pause"));
    pause_->setIcon(Icons::get(QStringLiteral("pause")));
}

void TrainPage::appendLog(const QString& level, const QString& text) {
    log_->appendPlainText(QStringLiteral("%1 [%2] %3").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), level, text));
}

void TrainPage::start() {
    if (isTraining()) return;
    const QString p = form_->problem();
    if (!p.isEmpty()) {
        QMessageBox::information(this, tr("Cannot start"), p);
        return;
    }
    tb::TrainingJobParams params;
    params.workspace = ctx_->workspace();
    params.config = form_->config();
    job_ = std::make_unique<tb::TrainingJob>(params);
    plot_->clear();
    progress_->setRange(0, 1);
    progress_->setValue(0);
    speed_->clear();
    runInfo_->clear();
    appendLog(tr("info"), tr("Starting: %1").arg(QString::fromStdString(params.config["method"].dump())));
    connect(job_.get(), &tb::TrainingJob::prepared, this, [this](qint64 runId, const QString& infoJson) {
        const auto info = nlohmann::json::parse(infoJson.toStdString(), nullptr, false);
        const QLocale loc;
        runInfo_->setText(tr("run #%1").arg(runId));
        if (!info.is_discarded()) {
            QString text = tr("Run #%1 prepared: %2 of %3 parameters trainable (%4%)")
                               .arg(runId)
                               .arg(loc.toString(qlonglong(info.value("trainable_params", int64_t(0)))),
                                    loc.toString(qlonglong(info.value("total_params", int64_t(0)))))
                               .arg(info.value("trainable_percent", 0.0), 0, 'f', 3);
            const auto est = info.value("estimate", nlohmann::json::object());
            if (est.contains("peak_memory_mb") || est.contains("seconds_per_epoch"))
                text += tr("; estimated peak memory %1, about %2 per epoch (measured %3 GFLOP/s)")
                            .arg(loc.formattedDataSize(qint64(est.value("peak_memory_mb", 0.0) * 1048576.0)),
                                 duration(est.value("seconds_per_epoch", -1.0)))
                            .arg(est.value("gemm_gflops", 0.0), 0, 'f', 1);
            appendLog(tr("info"), text);
            if (info.contains("total_steps")) progress_->setRange(0, int(info.value("total_steps", int64_t(1))));
        }
        emit ctx_->runsChanged();
    });
    connect(job_.get(), &tb::TrainingJob::progress, this, &TrainPage::onProgress);
    connect(job_.get(), &tb::TrainingJob::evaluated, this, [this](const tb::TrainingEvaluation& e) {
        plot_->addEval(double(e.step), e.loss);
        appendLog(tr("eval"), tr("step %1: validation loss %2, perplexity %3%4")
                                  .arg(e.step).arg(e.loss, 0, 'f', 4).arg(e.perplexity, 0, 'f', 2)
                                  .arg(e.best ? tr(" (best so far)") : QString()));
    });
    connect(job_.get(), &tb::TrainingJob::checkpointSaved, this, [this](qint64 step, const QString& path) {
        appendLog(tr("info"), tr("checkpoint at step %1: %2").arg(step).arg(path));
    });
    connect(job_.get(), &tb::TrainingJob::message, this, [this](const QString& level, const QString& text) { appendLog(level, text); });
    connect(job_.get(), &tb::TrainingJob::finished, this, [this](const tb::TrainingResult& r) {
        plot_->redraw();
        setRunning(false);
        appendLog(tr("info"), tr("Run #%1 %2 after %3 steps; final loss %4%5")
                                  .arg(r.runId).arg(r.status).arg(r.steps).arg(r.finalLoss, 0, 'f', 4)
                                  .arg(r.adapterPath.isEmpty() ? QString() : tr("; saved to %1").arg(r.adapterPath)));
        emit ctx_->runsChanged();
        emit ctx_->message(tr("Training run #%1 %2").arg(r.runId).arg(r.status));
        emit runFinished(r.runId, r.status);
    });
    connect(job_.get(), &tb::TrainingJob::failed, this, [this](const QString& m) {
        plot_->redraw();
        setRunning(false);
        appendLog(tr("error"), m);
        emit ctx_->runsChanged();
        emit runFailed(m);
    });
    clock_.start();
    setRunning(true);
    job_->start();
}

void TrainPage::onProgress(const tb::TrainingProgress& p) {
    plot_->addTrain(double(p.step), p.loss, p.learningRate);
    if (p.totalSteps > 0) progress_->setRange(0, int(p.totalSteps));
    progress_->setValue(int(p.step));
    const QLocale loc;
    speed_->setText(tr("epoch %1 · loss %2 · lr %3 · %4 tokens/s · elapsed %5 · ETA %6%7")
                        .arg(p.epoch, 0, 'f', 2)
                        .arg(p.loss, 0, 'f', 4)
                        .arg(p.learningRate, 0, 'g', 3)
                        .arg(loc.toString(p.tokensPerSecond, 'f', 0))
                        .arg(duration(double(clock_.elapsed()) / 1000.0), duration(p.etaSeconds))
                        .arg(p.memoryBytes > 0 ? tr(" · memory %1").arg(loc.formattedDataSize(p.memoryBytes)) : QString()));
}

void TrainPage::togglePause() {
    if (!isTraining()) return;
    const bool pause = !job_->isPaused();
    job_->setPaused(pause);
    pause_->setText(pause ? tr("&Continue") : tr("&Pause"));
    pause_->setIcon(Icons::get(pause ? QStringLiteral("start") : QStringLiteral("pause")));
    appendLog(tr("info"), pause ? tr("Paused") : tr("Continuing"));
}

void TrainPage::stop() {
    if (!isTraining()) return;
    job_->requestCancel();
    job_->setPaused(false);
    stop_->setEnabled(false);
    pause_->setEnabled(false);
    appendLog(tr("info"), tr("Stopping after the current step…"));
}

bool TrainPage::confirmClose() {
    if (!isTraining()) return true;
    if (QMessageBox::question(this, tr("Training is running"),
                              tr("A training run is in progress. Stop it (a checkpoint is kept) and quit?")) != QMessageBox::Yes)
        return false;
    job_->requestCancel();
    job_.reset();   // waits for the thread
    return true;
}

} } // namespace tb::ui
