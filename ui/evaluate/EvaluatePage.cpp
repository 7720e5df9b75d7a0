#include "ui/evaluate/EvaluatePage.h"

#include "jobs/EvalJob.h"
#include "ui/app/AppContext.h"
#include "ui/evaluate/EvalResults.h"
#include "ui/evaluate/EvalResultsView.h"
#include "ui/widgets/GenerationSettings.h"
#include "ui/widgets/ModelPicker.h"
#include "workspace/InstructionSetRepository.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace tb { namespace ui {

namespace {

QString folderKey(const QString& path) {
    const QString canonical = QFileInfo(path).canonicalFilePath();
    return canonical.isEmpty() ? QFileInfo(path).absoluteFilePath() : canonical;
}

} // namespace

EvaluatePage::EvaluatePage(AppContext* ctx, QWidget* parent) : QWidget(parent), ctx_(ctx) {
    auto* layout = new QVBoxLayout(this);
    auto* split = new QSplitter(this);
    layout->addWidget(split, 1);

    auto* scroll = new QScrollArea(split);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(340);
    auto* left = new QWidget(scroll);
    auto* ll = new QVBoxLayout(left);
    ll->addWidget(new QLabel(tr("<b>Models and adapters</b> (one base model and runs on it)"), left));
    models_ = new ModelPicker(ctx_, left);
    models_->setObjectName(QStringLiteral("evalModels"));
    models_->setMinimumHeight(120);
    models_->setToolTip(tr("The first checked entry is the reference for the gain column, usually the base model."));
    ll->addWidget(models_, 1);
    auto* form = new QFormLayout;
    set_ = new QComboBox(left);
    set_->setObjectName(QStringLiteral("evalInstructionSet"));
    split_ = new QComboBox(left);
    split_->setObjectName(QStringLiteral("evalSplit"));
    split_->addItem(tr("test"), QStringLiteral("test"));
    split_->addItem(tr("validation"), QStringLiteral("validation"));
    limit_ = new QSpinBox(left);
    limit_->setObjectName(QStringLiteral("evalLimit"));
    limit_->setRange(0, 1000000);
    limit_->setValue(50);
    limit_->setSpecialValueText(tr("all"));
    limit_->setSuffix(tr(" examples"));
    limit_->setToolTip(tr("Evaluate the first N examples of the split (0 = all of them)."));
    batch_ = new QSpinBox(left);
    batch_->setObjectName(QStringLiteral("evalBatch"));
    batch_->setRange(1, 256);
    batch_->setValue(8);
    batch_->setToolTip(tr("Prompts generated together; lower it when memory is short."));
    device_ = new QComboBox(left);
    device_->setObjectName(QStringLiteral("evalDevice"));
    device_->addItem(tr("auto"), QStringLiteral("auto"));
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    device_->addItem(tr("CUDA"), QStringLiteral("cuda"));
    device_->setToolTip(tr("Auto uses the GPU when this build has CUDA and one is present, else the CPU."));
    form->addRow(tr("Instruction set:"), set_);
    form->addRow(tr("Split:"), split_);
    form->addRow(tr("Limit:"), limit_);
    form->addRow(tr("Batch size:"), batch_);
    form->addRow(tr("Device:"), device_);
    ll->addLayout(form);
    generation_ = new GenerationSettings(left);
    generation_->setToolTip(tr("The same settings for every model."));
    ll->addWidget(generation_);
    auto* buttons = new QHBoxLayout;
    run_ = new QPushButton(tr("&Evaluate"), left);
    run_->setObjectName(QStringLiteral("evalRun"));
    cancel_ = new QPushButton(tr("&Cancel"), left);
    cancel_->setObjectName(QStringLiteral("evalCancel"));
    cancel_->setToolTip(tr("Stops after the current batch; the models already finished are kept."));
    buttons->addWidget(run_);
    buttons->addWidget(cancel_);
    ll->addLayout(buttons);
    progress_ = new QProgressBar(left);
    progress_->setObjectName(QStringLiteral("evalProgress"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
    ll->addWidget(progress_);
    status_ = new QLabel(left);
    status_->setObjectName(QStringLiteral("evalStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ll->addWidget(status_);
    scroll->setWidget(left);

    results_ = new EvalResultsView(split);
    split->addWidget(scroll);
    split->addWidget(results_);
    split->setSizes({370, 830});

    connect(run_, &QPushButton::clicked, this, &EvaluatePage::startEvaluation);
    connect(cancel_, &QPushButton::clicked, this, &EvaluatePage::cancelEvaluation);
    connect(results_, &EvalResultsView::status, this, &EvaluatePage::showStatus);
    connect(ctx_, &AppContext::instructionSetsChanged, this, &EvaluatePage::refresh);
    connect(ctx_, &AppContext::workspaceChanged, this, &EvaluatePage::loadLatest);
    setRunning(false);
    refresh();
    loadLatest();
}

EvaluatePage::~EvaluatePage() = default;   // the job's destructor cancels and waits

void EvaluatePage::refresh() {
    const QString current = set_->currentData().toString();
    set_->clear();
    if (!ctx_->workspace()) return;
    try {
        for (const auto& s : tb::InstructionSetRepository(ctx_->workspace()).list())
            set_->addItem(tr("%1 (%2 test)").arg(s.name).arg(s.test), s.name);
    } catch (const std::exception& e) {
        showStatus(tr("Cannot list the instruction sets: %1").arg(QString::fromStdString(e.what())), true);
    }
    const int i = set_->findData(current);
    if (i >= 0) set_->setCurrentIndex(i);
}

void EvaluatePage::setRunning(bool running) {
    running_ = running;
    run_->setEnabled(!running);
    cancel_->setEnabled(running);
    models_->setEnabled(!running);
    set_->setEnabled(!running);
    split_->setEnabled(!running);
    limit_->setEnabled(!running);
    batch_->setEnabled(!running);
    device_->setEnabled(!running);
    generation_->setEnabled(!running);
}

void EvaluatePage::showStatus(const QString& text, bool error) {
    status_->setStyleSheet(error ? QStringLiteral("color: #b03030;") : QString());
    status_->setText(text);
}

void EvaluatePage::loadLatest() {
    try {
        const qint64 id = EvalResults::latestEvaluationId(ctx_->workspace());
        if (id > 0)
            showEvaluation(id);
        else
            results_->clear(tr("No evaluation in this workspace yet"));
    } catch (const std::exception& e) {
        results_->clear(tr("No evaluation in this workspace yet"));
        showStatus(tr("Cannot read the evaluations: %1").arg(QString::fromStdString(e.what())), true);
    }
}

void EvaluatePage::showEvaluation(qint64 id) {
    try {
        const EvalResults r = EvalResults::fromRepository(ctx_->workspace(), id);
        if (r.isEmpty())
            results_->clear(tr("Evaluation #%1 has no results").arg(id));
        else
            results_->setResults(r);
    } catch (const std::exception& e) {
        showStatus(tr("Cannot read evaluation #%1: %2").arg(id).arg(QString::fromStdString(e.what())), true);
    }
}

void EvaluatePage::startEvaluation() {
    if (running_) return;
    if (!ctx_->workspace()) {
        showStatus(tr("Open a workspace first."), true);
        return;
    }
    const auto choices = models_->checked();
    if (choices.isEmpty()) {
        showStatus(tr("Check the base model and the runs to evaluate in the list."), true);
        return;
    }
    QStringList folders;
    for (const auto& c : choices)
        if (!folders.contains(folderKey(c.modelPath))) folders << folderKey(c.modelPath);
    if (folders.size() > 1) {
        QStringList names;
        for (const QString& f : folders) names << QFileInfo(f).fileName();
        showStatus(tr("The checked entries use different base models (%1). An evaluation compares one base model with "
                      "adapters trained on it: check entries of one base model only.")
                       .arg(names.join(QStringLiteral(", "))),
                   true);
        return;
    }
    if (set_->currentIndex() < 0) {
        showStatus(tr("Build an instruction set first (Templates page), then choose it here."), true);
        return;
    }

    tb::EvalJobParams p;
    p.workspace = ctx_->workspace();
    p.modelDir = choices.first().modelPath.toStdString();
    for (const auto& c : choices) {
        if (c.adapterPath.isEmpty())
            p.models.push_back("base");
        else if (c.runId > 0)
            p.models.push_back("run:" + std::to_string(c.runId));
        else
            p.models.push_back(c.adapterPath.toStdString());
    }
    p.instructionSet = set_->currentData().toString();
    p.split = split_->currentData().toString();
    p.limit = limit_->value() > 0 ? limit_->value() : -1;
    const auto g = generation_->toJson();
    p.options.maxNewTokens = g.value("max_new_tokens", 64);
    p.options.doSample = g.value("do_sample", false);
    p.options.temperature = g.value("temperature", 1.0);
    p.options.topP = g.value("top_p", 1.0);
    p.options.topK = g.value("top_k", 0);
    p.options.repetitionPenalty = g.value("repetition_penalty", 1.0);
    p.options.seed = g.value("seed", uint64_t(0));
    p.options.batchSize = batch_->value();
    p.options.device = device_->currentData().toString().toStdString();

    job_.reset();   // a finished job's thread is joined here
    jobWorkspace_ = p.workspace;
    job_ = std::make_unique<tb::EvalJob>(p);
    connect(job_.get(), &tb::EvalJob::progress, this,
            [this](const QString&, const QString& model, int mi, int mc, const QString& phase, qint64 done, qint64 total) {
                // Each model generates, then scores the references' loss: two passes over the examples.
                const qint64 per = std::max<qint64>(1, total) * 2;
                const qint64 base = qint64(mi) * per + (phase == QStringLiteral("loss") || phase == QStringLiteral("done") ? per / 2 : 0);
                const qint64 value = phase == QStringLiteral("done") ? qint64(mi + 1) * per : base + done;
                progress_->setRange(0, int(std::min<qint64>(qint64(std::max(1, mc)) * per, 1 << 30)));
                progress_->setValue(int(std::min<qint64>(value, progress_->maximum())));
                QString what;
                if (phase == QStringLiteral("loading")) what = tr("loading");
                else if (phase == QStringLiteral("generating")) what = tr("generating %1 of %2").arg(done).arg(total);
                else if (phase == QStringLiteral("loss")) what = tr("scoring the references (loss) %1 of %2").arg(done).arg(total);
                else what = tr("done");
                showStatus(tr("Model %1 of %2 (%3): %4").arg(mi + 1).arg(mc).arg(model, what));
            });
    connect(job_.get(), &tb::EvalJob::finished, this, &EvaluatePage::onFinished);
    connect(job_.get(), &tb::EvalJob::failed, this, [this](const QString& m) {
        setRunning(false);
        progress_->setValue(0);
        showStatus(tr("Evaluation failed: %1").arg(m), true);
        emit ctx_->evaluationsChanged();
        emit ctx_->message(tr("Evaluation failed"));
        emit evaluationFailed(m);
    });
    progress_->setRange(0, 1);
    progress_->setValue(0);
    showStatus(tr("Starting the evaluation of %n model(s)…", nullptr, int(choices.size())));
    setRunning(true);
    job_->start();
}

void EvaluatePage::onFinished(const tb::EvalJobResult& r) {
    setRunning(false);
    progress_->setValue(r.cancelled ? progress_->value() : progress_->maximum());
    // When another workspace was opened meanwhile, the result stays in the one it ran in.
    const bool sameWorkspace = jobWorkspace_.lock() == ctx_->workspace();
    if (sameWorkspace && r.evaluationId > 0)
        showEvaluation(r.evaluationId);
    else if (sameWorkspace)
        results_->setResults(EvalResults::fromComparison(r.primary));
    const int examples = r.primary.models.empty() ? 0 : int(r.primary.models.front().examples.size());
    const QString text = r.cancelled ? tr("Evaluation cancelled; the models that finished are kept.")
                                     : tr("Evaluation #%1 finished: %2 model(s) on %3 example(s).")
                                           .arg(r.evaluationId)
                                           .arg(int(r.primary.models.size()))
                                           .arg(examples);
    showStatus(text);
    emit ctx_->evaluationsChanged();
    emit ctx_->message(text);
    emit evaluationFinished(r.evaluationId, r.cancelled);
}

void EvaluatePage::cancelEvaluation() {
    if (!running_ || !job_) return;
    job_->requestCancel();
    cancel_->setEnabled(false);
    showStatus(tr("Cancelling after the current batch…"));
}

bool EvaluatePage::exportCsv(const QString& path, QString* error) const { return results_->exportCsv(path, error); }

bool EvaluatePage::exportJson(const QString& path, QString* error) const { return results_->exportJson(path, error); }

bool EvaluatePage::saveChart(const QString& path, QString* error) { return results_->saveChart(path, error); }

} } // namespace tb::ui
