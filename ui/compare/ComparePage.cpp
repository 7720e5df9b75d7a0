#include "ui/compare/ComparePage.h"

#include "jobs/GenerateJob.h"
#include "ui/app/AppContext.h"
#include "ui/widgets/GenerationSettings.h"
#include "ui/widgets/ModelPicker.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

namespace tb { namespace ui {

ComparePage::ComparePage(AppContext* ctx, QWidget* parent) : QWidget(parent), ctx_(ctx) {
    auto* layout = new QVBoxLayout(this);
    auto* split = new QSplitter(this);
    layout->addWidget(split, 1);
    auto* left = new QWidget(split);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(new QLabel(tr("<b>Models to compare</b> (two or more)"), left));
    models_ = new ModelPicker(ctx_, left);
    models_->setObjectName(QStringLiteral("compareModels"));
    ll->addWidget(models_, 1);
    generation_ = new GenerationSettings(left);
    ll->addWidget(generation_);
    auto* form = new QFormLayout;
    device_ = new QComboBox(left);
    device_->setObjectName(QStringLiteral("compareDevice"));
    device_->addItem(tr("auto"), QStringLiteral("auto"));
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    device_->addItem(tr("CUDA"), QStringLiteral("cuda"));
    device_->setToolTip(tr("Auto uses the GPU when this build has CUDA and one is present, else the CPU."));
    form->addRow(tr("Device:"), device_);
    ll->addLayout(form);

    auto* right = new QWidget(split);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(new QLabel(tr("<b>Prompt</b>"), right));
    prompt_ = new QPlainTextEdit(right);
    prompt_->setObjectName(QStringLiteral("comparePrompt"));
    prompt_->setPlaceholderText(tr("#Person1#: Have you finished the report?\n#Person2#: Almost, I need one more hour.\n\n"
                                   "Summarize the conversation above."));
    prompt_->setMaximumHeight(140);
    rl->addWidget(prompt_);
    auto* buttons = new QHBoxLayout;
    run_ = new QPushButton(tr("&Generate"), right);
    run_->setObjectName(QStringLiteral("compareGenerate"));
    run_->setToolTip(tr("Each checked model answers the prompt in turn, with the same settings"));
    stop_ = new QPushButton(tr("S&top"), right);
    stop_->setObjectName(QStringLiteral("compareStop"));
    stop_->setToolTip(tr("Stops at the next token; models not started yet are skipped"));
    buttons->addWidget(run_);
    buttons->addWidget(stop_);
    message_ = new QLabel(right);
    message_->setObjectName(QStringLiteral("compareMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    buttons->addWidget(message_, 1);
    rl->addLayout(buttons);

    auto* scroll = new QScrollArea(right);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* host = new QWidget(scroll);
    columns_ = new QHBoxLayout(host);
    columns_->setContentsMargins(0, 0, 0, 0);
    hint_ = new QLabel(tr("Check two or more models, type a prompt and press Generate: each model's completion "
                          "streams into its own column here, token by token."),
                       host);
    hint_->setWordWrap(true);
    hint_->setAlignment(Qt::AlignCenter);
    hint_->setStyleSheet(QStringLiteral("color: gray;"));
    columns_->addWidget(hint_);
    scroll->setWidget(host);
    rl->addWidget(scroll, 1);
    split->addWidget(left);
    split->addWidget(right);
    split->setSizes({340, 860});

    connect(run_, &QPushButton::clicked, this, &ComparePage::generate);
    connect(stop_, &QPushButton::clicked, this, &ComparePage::stop);
    setRunning(false);
}

ComparePage::~ComparePage() = default;   // the job's destructor cancels and waits

void ComparePage::setRunning(bool running) {
    running_ = running;
    run_->setEnabled(!running);
    stop_->setEnabled(running);
    models_->setEnabled(!running);
    generation_->setEnabled(!running);
    device_->setEnabled(!running);
}

void ComparePage::showMessage(const QString& text, bool error) {
    message_->setStyleSheet(error ? QStringLiteral("color: #b03030;") : QString());
    message_->setText(text);
}

void ComparePage::clearColumns() {
    for (QWidget* w : boxes_) delete w;
    boxes_.clear();
    outputs_.clear();
    statuses_.clear();
}

QString ComparePage::reasonText(const QString& reason) {
    if (reason == QStringLiteral("eos")) return tr("ended (end-of-sequence token)");
    if (reason == QStringLiteral("length")) return tr("reached max new tokens");
    if (reason == QStringLiteral("context")) return tr("the model's context is full");
    if (reason == QStringLiteral("stop_string")) return tr("stop string");
    if (reason == QStringLiteral("cancelled")) return tr("stopped");
    return reason;
}

void ComparePage::generate() {
    if (running_) return;
    const auto choices = models_->checked();
    if (choices.size() < 2) {
        showMessage(choices.isEmpty() ? tr("Check at least two models or runs in the list to compare them.")
                                      : tr("Only one model is checked: check at least one more to compare."),
                    true);
        return;
    }
    if (prompt_->toPlainText().trimmed().isEmpty()) {
        showMessage(tr("Type a prompt first."), true);
        prompt_->setFocus();
        return;
    }
    const auto g = generation_->toJson();
    tb::GenerateJobParams params;
    params.prompt = prompt_->toPlainText();
    params.maxNewTokens = g.value("max_new_tokens", 64);
    params.doSample = g.value("do_sample", false);
    params.temperature = g.value("temperature", 1.0);
    params.topK = g.value("top_k", 0);
    params.topP = g.value("top_p", 1.0);
    params.repetitionPenalty = g.value("repetition_penalty", 1.0);
    params.seed = g.value("seed", quint64(0));
    params.device = device_->currentData().toString();

    job_.reset();   // the previous job has finished; its thread is joined here
    hint_->hide();
    clearColumns();
    auto* host = columns_->parentWidget();
    for (int i = 0; i < choices.size(); ++i) {
        const auto& c = choices[i];
        params.entries.append(tb::GenerateEntry{c.label, c.modelPath, c.adapterPath});
        auto* box = new QGroupBox(c.label, host);
        box->setMinimumWidth(220);
        box->setToolTip(c.adapterPath.isEmpty() ? c.modelPath : tr("%1\nadapter: %2").arg(c.modelPath, c.adapterPath));
        auto* bl = new QVBoxLayout(box);
        auto* out = new QPlainTextEdit(box);
        out->setObjectName(QStringLiteral("compareOutput%1").arg(i));
        out->setReadOnly(true);
        out->setPlaceholderText(tr("Waiting for the models before this one…"));
        bl->addWidget(out, 1);
        auto* status = new QLabel(box);
        status->setObjectName(QStringLiteral("compareStatus%1").arg(i));
        status->setWordWrap(true);
        bl->addWidget(status);
        columns_->addWidget(box, 1);
        boxes_ << box;
        outputs_ << out;
        statuses_ << status;
    }

    job_ = std::make_unique<tb::GenerateJob>(params);
    connect(job_.get(), &tb::GenerateJob::entryStatus, this, [this](int i, const QString& phase) {
        if (i < 0 || i >= statuses_.size()) return;
        statuses_[i]->setText(phase == QStringLiteral("loading") ? tr("Loading the model…") : tr("Generating…"));
        if (phase != QStringLiteral("loading")) outputs_[i]->setPlaceholderText(QString());
    });
    connect(job_.get(), &tb::GenerateJob::token, this, [this](int i, const QString& text) {
        if (i < 0 || i >= outputs_.size()) return;
        outputs_[i]->setPlainText(text);
        outputs_[i]->verticalScrollBar()->setValue(outputs_[i]->verticalScrollBar()->maximum());
    });
    connect(job_.get(), &tb::GenerateJob::finishedEntry, this,
            [this](int i, const QString& text, const QString& reason, double tps) {
                if (i < 0 || i >= outputs_.size()) return;
                outputs_[i]->setPlaceholderText(reason == QStringLiteral("cancelled") ? tr("Stopped before this model ran.")
                                                                                      : tr("(no text: the model ended at once)"));
                outputs_[i]->setPlainText(text);
                statuses_[i]->setText(reason == QStringLiteral("cancelled") && text.isEmpty()
                                          ? reasonText(reason)
                                          : tr("%1 tokens/s · %2").arg(QLocale().toString(tps, 'f', 1), reasonText(reason)));
            });
    connect(job_.get(), &tb::GenerateJob::finished, this, [this] {
        const bool cancelled = job_ && job_->cancelRequested();
        setRunning(false);
        showMessage(cancelled ? tr("Stopped.") : tr("Done: %n model(s) answered.", nullptr, int(outputs_.size())));
        emit generationFinished(cancelled);
    });
    connect(job_.get(), &tb::GenerateJob::failed, this, [this](const QString& m) {
        setRunning(false);
        for (QLabel* s : statuses_)
            if (s->text() == tr("Loading the model…") || s->text() == tr("Generating…")) s->setText(tr("failed"));
        showMessage(tr("Generation failed: %1").arg(m), true);
        emit ctx_->message(tr("Compare: generation failed"));
        emit generationFailed(m);
    });
    showMessage(tr("Generating with %n model(s)…", nullptr, int(choices.size())));
    setRunning(true);
    job_->start();
}

void ComparePage::stop() {
    if (!running_ || !job_) return;
    job_->requestCancel();
    stop_->setEnabled(false);
    showMessage(tr("Stopping at the next token…"));
}

} } // namespace tb::ui
