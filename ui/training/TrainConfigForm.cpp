#include "ui/training/TrainConfigForm.h"

#include "ui/app/AppContext.h"
#include "ui/models/ModelStore.h"
#include "workspace/InstructionSetRepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace tb { namespace ui {

template <class W>
W* TrainConfigForm::help(W* w, const QString& text) {
    w->setToolTip(text);
    w->setWhatsThis(text);
    w->installEventFilter(this);
    return w;
}

bool TrainConfigForm::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::Enter) {
        if (auto* w = qobject_cast<QWidget*>(watched); w && !w->toolTip().isEmpty()) help_->setText(w->toolTip());
    }
    return QWidget::eventFilter(watched, event);
}

TrainConfigForm::TrainConfigForm(AppContext* ctx, QWidget* parent) : QWidget(parent), ctx_(ctx) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* what = new QGroupBox(tr("Model and data"), this);
    auto* wf = new QFormLayout(what);
    model_ = help(new QComboBox(what), tr("The base model (add folders on the Models page)."));
    model_->setObjectName(QStringLiteral("trainModel"));
    set_ = help(new QComboBox(what), tr("The instruction set to train on: its train split for training, validation for the validation loss."));
    set_->setObjectName(QStringLiteral("trainSet"));
    wf->addRow(tr("Model:"), model_);
    wf->addRow(tr("Instruction set:"), set_);
    layout->addWidget(what);

    auto* methodBox = new QGroupBox(tr("Method"), this);
    auto* ml = new QVBoxLayout(methodBox);
    method_ = help(new QComboBox(methodBox), tr("Full: every weight. Selective: chosen layers. LoRA: low-rank adapters on chosen "
                                                 "projections. Prompt tuning: learned virtual tokens. IA3: learned rescaling vectors."));
    method_->setObjectName(QStringLiteral("trainMethod"));
    method_->addItem(tr("LoRA"), QStringLiteral("lora"));
    method_->addItem(tr("Full fine-tuning"), QStringLiteral("full"));
    method_->addItem(tr("Selective (layer range)"), QStringLiteral("selective"));
    method_->addItem(tr("Prompt tuning"), QStringLiteral("prompt"));
    method_->addItem(tr("IA3"), QStringLiteral("ia3"));
    ml->addWidget(method_);
    methodPages_ = new QStackedWidget(methodBox);
    {   // LoRA
        auto* p = new QWidget(methodPages_);
        auto* f = new QFormLayout(p);
        f->setContentsMargins(0, 0, 0, 0);
        rank_ = help(new QComboBox(p), tr("r: the rank of the update B·A. Higher ranks can fit more but train more parameters; 4–32 is typical. Type any value."));
        rank_->setObjectName(QStringLiteral("loraRank"));
        rank_->setEditable(true);
        for (int r : {4, 8, 16, 32, 64}) rank_->addItem(QString::number(r));
        rank_->setCurrentText(QStringLiteral("8"));
        rank_->setValidator(new QIntValidator(1, 4096, rank_));
        alpha_ = help(new QDoubleSpinBox(p), tr("lora_alpha: the update is scaled by alpha / r (alpha / √r with rsLoRA). Often 2 × r."));
        alpha_->setRange(0.1, 8192);
        alpha_->setValue(16);
        dropout_ = help(new QDoubleSpinBox(p), tr("lora_dropout: dropout on the adapter's input during training."));
        dropout_->setRange(0, 0.9);
        dropout_->setSingleStep(0.05);
        dropout_->setValue(0.05);
        rslora_ = help(new QCheckBox(tr("rank-stabilised scaling (rsLoRA)"), p), tr("Scale by alpha / √r instead of alpha / r."));
        targets_ = help(new QListWidget(p), tr("target_modules: the projections that get an adapter, by the model's own module names."));
        targets_->setObjectName(QStringLiteral("loraTargets"));
        targets_->setMaximumHeight(110);
        f->addRow(tr("Rank:"), rank_);
        f->addRow(tr("Alpha:"), alpha_);
        f->addRow(tr("Dropout:"), dropout_);
        f->addRow(QString(), rslora_);
        f->addRow(tr("Target modules:"), targets_);
        methodPages_->addWidget(p);
    }
    {   // full
        auto* l = new QLabel(tr("Every parameter is trained; the output is a full model folder."), methodPages_);
        l->setWordWrap(true);
        methodPages_->addWidget(l);
    }
    {   // selective
        auto* p = new QWidget(methodPages_);
        auto* f = new QFormLayout(p);
        f->setContentsMargins(0, 0, 0, 0);
        layerFrom_ = help(new QSpinBox(p), tr("The first transformer layer to train (0-based)."));
        layerTo_ = help(new QSpinBox(p), tr("The last transformer layer to train (inclusive)."));
        norms_ = help(new QCheckBox(tr("also train the normalisation layers"), p), tr("Adds every norm weight to the trained set."));
        biasOnly_ = help(new QCheckBox(tr("biases only (BitFit)"), p), tr("Train only the bias terms in the chosen layers."));
        auto* range = new QHBoxLayout;
        range->addWidget(layerFrom_);
        range->addWidget(new QLabel(QStringLiteral("–"), p));
        range->addWidget(layerTo_);
        f->addRow(tr("Layers:"), range);
        f->addRow(QString(), norms_);
        f->addRow(QString(), biasOnly_);
        methodPages_->addWidget(p);
    }
    {   // prompt tuning
        auto* p = new QWidget(methodPages_);
        auto* f = new QFormLayout(p);
        f->setContentsMargins(0, 0, 0, 0);
        virtualTokens_ = help(new QSpinBox(p), tr("num_virtual_tokens: how many learned embeddings are prepended to every input."));
        virtualTokens_->setRange(1, 512);
        virtualTokens_->setValue(20);
        promptInit_ = help(new QComboBox(p), tr("Random: small random embeddings. Text: start from the embeddings of a text's tokens."));
        promptInit_->addItem(tr("Random"), QStringLiteral("RANDOM"));
        promptInit_->addItem(tr("From text"), QStringLiteral("TEXT"));
        promptText_ = help(new QLineEdit(tr("Summarize the following conversation."), p), tr("prompt_tuning_init_text: the text whose token embeddings start the soft prompt."));
        f->addRow(tr("Virtual tokens:"), virtualTokens_);
        f->addRow(tr("Initialise:"), promptInit_);
        f->addRow(tr("Init text:"), promptText_);
        methodPages_->addWidget(p);
    }
    {   // IA3
        auto* p = new QWidget(methodPages_);
        auto* f = new QFormLayout(p);
        f->setContentsMargins(0, 0, 0, 0);
        ia3Targets_ = help(new QListWidget(p), tr("The projections whose outputs (or, for feed-forward ones, inputs) get a learned scale."));
        ia3Targets_->setMaximumHeight(110);
        f->addRow(tr("Target modules:"), ia3Targets_);
        methodPages_->addWidget(p);
    }
    ml->addWidget(methodPages_);
    layout->addWidget(methodBox);

    auto* hp = new QGroupBox(tr("Hyperparameters"), this);
    auto* hf = new QFormLayout(hp);
    epochs_ = help(new QSpinBox(hp), tr("Passes over the training split (ignored when max steps is set)."));
    epochs_->setRange(1, 1000);
    maxSteps_ = help(new QSpinBox(hp), tr("Stop after this many optimiser steps; 0 = train for the epochs."));
    maxSteps_->setObjectName(QStringLiteral("trainMaxSteps"));
    maxSteps_->setRange(0, 10000000);
    maxSteps_->setSpecialValueText(tr("by epochs"));
    lr_ = help(new QDoubleSpinBox(hp), tr("Peak learning rate of AdamW. LoRA: 1e-4 to 1e-3; full fine-tuning: 1e-5 to 5e-5."));
    lr_->setDecimals(6);
    lr_->setRange(0.000001, 1);
    lr_->setSingleStep(0.0001);
    lr_->setValue(0.0002);
    schedule_ = help(new QComboBox(hp), tr("How the learning rate changes after warm-up: constant, linear decay to 0, or cosine decay."));
    schedule_->addItem(tr("linear"), QStringLiteral("linear"));
    schedule_->addItem(tr("cosine"), QStringLiteral("cosine"));
    schedule_->addItem(tr("constant"), QStringLiteral("constant"));
    warmup_ = help(new QDoubleSpinBox(hp), tr("Fraction of the steps over which the learning rate rises from 0."));
    warmup_->setRange(0, 0.5);
    warmup_->setSingleStep(0.01);
    warmup_->setValue(0.03);
    batch_ = help(new QSpinBox(hp), tr("Examples per micro-batch. Memory grows with batch × sequence length."));
    batch_->setObjectName(QStringLiteral("trainBatch"));
    batch_->setRange(1, 1024);
    batch_->setValue(4);
    accumulation_ = help(new QSpinBox(hp), tr("Micro-batches per optimiser step: the effective batch is batch × accumulation."));
    accumulation_->setRange(1, 1024);
    seqLen_ = help(new QSpinBox(hp), tr("Longer examples are cut to this many tokens."));
    seqLen_->setRange(8, 131072);
    seqLen_->setValue(512);
    weightDecay_ = help(new QDoubleSpinBox(hp), tr("AdamW weight decay (never applied to biases and norms)."));
    weightDecay_->setRange(0, 1);
    weightDecay_->setSingleStep(0.01);
    gradNorm_ = help(new QDoubleSpinBox(hp), tr("Clip the global gradient norm to this value; 0 = no clipping."));
    gradNorm_->setRange(0, 100);
    gradNorm_->setValue(1.0);
    evalEvery_ = help(new QSpinBox(hp), tr("Compute the validation loss every N optimiser steps; 0 = only at the end."));
    evalEvery_->setRange(0, 1000000);
    evalEvery_->setValue(50);
    saveEvery_ = help(new QSpinBox(hp), tr("Save a checkpoint every N steps (resume continues from it); 0 = at the end and on stop."));
    saveEvery_->setRange(0, 1000000);
    patience_ = help(new QSpinBox(hp), tr("Early stopping: stop after this many evaluations without improvement; 0 = off."));
    patience_->setRange(0, 1000);
    seed_ = help(new QSpinBox(hp), tr("Seeds initialisation, dropout and data order; the same seed on the CPU repeats a run step for step."));
    seed_->setRange(0, 1 << 30);
    seed_->setValue(42);
    trainOnPrompt_ = help(new QCheckBox(tr("also learn the prompt tokens"), hp), tr("By default only the completion tokens count in the loss."));
    hf->addRow(tr("Epochs:"), epochs_);
    hf->addRow(tr("Max steps:"), maxSteps_);
    hf->addRow(tr("Learning rate:"), lr_);
    hf->addRow(tr("Schedule:"), schedule_);
    hf->addRow(tr("Warm-up ratio:"), warmup_);
    hf->addRow(tr("Batch size:"), batch_);
    hf->addRow(tr("Gradient accumulation:"), accumulation_);
    hf->addRow(tr("Max sequence length:"), seqLen_);
    hf->addRow(tr("Weight decay:"), weightDecay_);
    hf->addRow(tr("Clip gradient norm:"), gradNorm_);
    hf->addRow(tr("Evaluate every:"), evalEvery_);
    hf->addRow(tr("Checkpoint every:"), saveEvery_);
    hf->addRow(tr("Early-stopping patience:"), patience_);
    hf->addRow(tr("Seed:"), seed_);
    hf->addRow(QString(), trainOnPrompt_);
    layout->addWidget(hp);

    auto* exec = new QGroupBox(tr("Device and precision"), this);
    auto* ef = new QFormLayout(exec);
    device_ = help(new QComboBox(exec), tr("Auto uses the GPU when this build has CUDA and one is present, else the CPU."));
    device_->addItem(tr("auto"), QStringLiteral("auto"));
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    device_->addItem(tr("CUDA"), QStringLiteral("cuda"));
    precision_ = help(new QComboBox(exec), tr("fp32 everywhere; bf16 autocast on CUDA or on CPUs with AVX512-BF16 or AMX (there about 1.6x faster); fp16 with loss scaling needs CUDA."));
    precision_->addItem(QStringLiteral("fp32"), QStringLiteral("fp32"));
    precision_->addItem(QStringLiteral("bf16"), QStringLiteral("bf16"));
    precision_->addItem(QStringLiteral("fp16"), QStringLiteral("fp16"));
    checkpointing_ = help(new QCheckBox(tr("gradient checkpointing"), exec), tr("Recompute each layer's activations in the backward pass: far less memory, about a third slower."));
    ef->addRow(tr("Device:"), device_);
    ef->addRow(tr("Precision:"), precision_);
    checkpointLayers_ = help(new QSpinBox(exec),
                             tr("How many decoder layers, from the first, recompute their activations: each one saves its "
                                "activations' memory for one more forward pass. \"all\" checkpoints every layer."));
    checkpointLayers_->setRange(0, 1000);
    checkpointLayers_->setSpecialValueText(tr("all"));
    checkpointLayers_->setEnabled(false);
    ef->addRow(QString(), checkpointing_);
    ef->addRow(tr("Checkpointed layers:"), checkpointLayers_);
    layout->addWidget(exec);

    estimate_ = new QLabel(this);
    estimate_->setObjectName(QStringLiteral("trainEstimate"));
    estimate_->setWordWrap(true);
    estimate_->setStyleSheet(QStringLiteral("QLabel { background: #eef3fa; border: 1px solid #c5d3e8; padding: 6px; }"));
    layout->addWidget(estimate_);
    help_ = new QLabel(tr("Point at a field to see what it does."), this);
    help_->setObjectName(QStringLiteral("trainHelp"));
    help_->setWordWrap(true);
    help_->setStyleSheet(QStringLiteral("QLabel { color: #444; padding: 4px; }"));
    help_->setMinimumHeight(48);
    layout->addWidget(help_);
    layout->addStretch();

    connect(method_, &QComboBox::currentIndexChanged, methodPages_, &QStackedWidget::setCurrentIndex);
    connect(model_, &QComboBox::currentIndexChanged, this, &TrainConfigForm::modelChanged);
    auto onChange = [this] { updateEstimate(); };
    connect(method_, &QComboBox::currentIndexChanged, this, onChange);
    connect(rank_, &QComboBox::currentTextChanged, this, onChange);
    connect(targets_, &QListWidget::itemChanged, this, onChange);
    connect(ia3Targets_, &QListWidget::itemChanged, this, onChange);
    connect(virtualTokens_, &QSpinBox::valueChanged, this, onChange);
    connect(layerFrom_, &QSpinBox::valueChanged, this, onChange);
    connect(layerTo_, &QSpinBox::valueChanged, this, onChange);
    connect(norms_, &QCheckBox::toggled, this, onChange);
    connect(biasOnly_, &QCheckBox::toggled, this, onChange);
    connect(batch_, &QSpinBox::valueChanged, this, onChange);
    connect(seqLen_, &QSpinBox::valueChanged, this, onChange);
    connect(precision_, &QComboBox::currentIndexChanged, this, onChange);
    connect(checkpointing_, &QCheckBox::toggled, checkpointLayers_, &QWidget::setEnabled);
    connect(checkpointing_, &QCheckBox::toggled, this, onChange);
    connect(checkpointLayers_, &QSpinBox::valueChanged, this, onChange);
    connect(ctx_, &AppContext::modelsChanged, this, &TrainConfigForm::refresh);
    connect(ctx_, &AppContext::instructionSetsChanged, this, &TrainConfigForm::refresh);
    refresh();
}

void TrainConfigForm::refresh() {
    if (!ctx_->workspace()) return;
    const QString m = model_->currentData().toString(), s = set_->currentData().toString();
    {
        QSignalBlocker b(model_);
        model_->clear();
        for (const auto& e : ModelStore(ctx_->workspace()).list()) model_->addItem(e.name, e.path);
        if (model_->count() == 0) model_->addItem(tr("(add a model on the Models page)"), QString());
        model_->setCurrentIndex(std::max(0, model_->findData(m)));
    }
    {
        QSignalBlocker b(set_);
        set_->clear();
        for (const auto& i : tb::InstructionSetRepository(ctx_->workspace()).list())
            set_->addItem(tr("%1 (%2 train)").arg(i.name).arg(i.train), i.name);
        if (set_->count() == 0) set_->addItem(tr("(build one on the Templates page)"), QString());
        set_->setCurrentIndex(std::max(0, set_->findData(s)));
    }
    modelChanged();
}

void TrainConfigForm::modelChanged() {
    const QString dir = model_->currentData().toString();
    if (dir == estimatorDir_) {
        updateEstimate();
        return;
    }
    estimatorDir_ = dir;
    QString error;
    try {
        if (!dir.isEmpty()) estimator_.load(dir);
        else estimator_ = TrainableEstimator();
    } catch (const std::exception& e) {
        estimator_ = TrainableEstimator();
        error = QString::fromStdString(e.what());
    }
    // target-module checklists from the model's own names; q/v (attention) on by default
    const QStringList names = estimator_.moduleNames();
    for (QListWidget* list : {targets_, ia3Targets_}) {
        QSignalBlocker b(list);
        list->clear();
        for (const QString& n : names) {
            auto* it = new QListWidgetItem(n, list);
            it->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            const bool on = list == targets_ ? (n == QLatin1String("q_proj") || n == QLatin1String("v_proj") || n == QLatin1String("c_attn") ||
                                                n == QLatin1String("query_key_value") || n == QLatin1String("q") || n == QLatin1String("v"))
                                             : (n == QLatin1String("k_proj") || n == QLatin1String("v_proj") || n == QLatin1String("down_proj") ||
                                                n == QLatin1String("c_attn") || n == QLatin1String("c_proj"));
            it->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        }
    }
    const int last = std::max(0, estimator_.layerCount() - 1);
    layerFrom_->setRange(0, last);
    layerTo_->setRange(0, last);
    layerFrom_->setValue(std::max(0, last - 1));
    layerTo_->setValue(last);
    checkpointLayers_->setRange(0, std::max(0, estimator_.layerCount()));   // 0: all
    if (!error.isEmpty()) estimate_->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(error.toHtmlEscaped()));
    else updateEstimate();
}

nlohmann::json TrainConfigForm::methodConfig() const {
    const QString m = method_->currentData().toString();
    nlohmann::json j = {{"method", m.toStdString()}};
    auto checked = [](QListWidget* list) {
        nlohmann::json a = nlohmann::json::array();
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->checkState() == Qt::Checked) a.push_back(list->item(i)->text().toStdString());
        return a;
    };
    if (m == QLatin1String("lora")) {
        j["r"] = std::max(1, rank_->currentText().toInt());
        j["lora_alpha"] = alpha_->value();
        j["lora_dropout"] = dropout_->value();
        j["use_rslora"] = rslora_->isChecked();
        j["target_modules"] = checked(targets_);
    } else if (m == QLatin1String("prompt")) {
        j["num_virtual_tokens"] = virtualTokens_->value();
        j["prompt_tuning_init"] = promptInit_->currentData().toString().toStdString();
        if (promptInit_->currentData().toString() == QLatin1String("TEXT")) j["prompt_tuning_init_text"] = promptText_->text().toStdString();
    } else if (m == QLatin1String("selective")) {
        j["layers"] = {layerFrom_->value(), std::max(layerFrom_->value(), layerTo_->value())};
        j["norms"] = norms_->isChecked();
        j["bias_only"] = biasOnly_->isChecked();
    } else if (m == QLatin1String("ia3")) {
        j["target_modules"] = checked(ia3Targets_);
        nlohmann::json ff = nlohmann::json::array();
        for (const auto& t : j["target_modules"])
            if (t == "down_proj" || t == "fc2" || t == "c_proj" || t == "dense_4h_to_h" || t == "wo") ff.push_back(t);
        j["feedforward_modules"] = ff;
    }
    return j;
}

nlohmann::json TrainConfigForm::config() const {
    nlohmann::json c;
    c["model"] = model_->currentData().toString().toStdString();
    c["instructions"] = set_->currentData().toString().toStdString();
    c["method"] = methodConfig();
    c["epochs"] = epochs_->value();
    c["max_steps"] = maxSteps_->value() > 0 ? maxSteps_->value() : -1;
    c["learning_rate"] = lr_->value();
    c["schedule"] = schedule_->currentData().toString().toStdString();
    c["warmup_ratio"] = warmup_->value();
    c["batch_size"] = batch_->value();
    c["gradient_accumulation"] = accumulation_->value();
    c["max_seq_length"] = seqLen_->value();
    c["weight_decay"] = weightDecay_->value();
    c["max_grad_norm"] = gradNorm_->value();
    c["eval_every"] = evalEvery_->value();
    c["save_every"] = saveEvery_->value();
    c["early_stopping_patience"] = patience_->value();
    c["seed"] = seed_->value();
    c["train_on_prompt"] = trainOnPrompt_->isChecked();
    c["device"] = device_->currentData().toString().toStdString();
    c["precision"] = precision_->currentData().toString().toStdString();
    c["gradient_checkpointing"] = checkpointing_->isChecked();
    c["checkpoint_layers"] = checkpointing_->isChecked() ? checkpointLayers_->value() : 0;
    return c;
}

QString TrainConfigForm::problem() const {
    if (model_->currentData().toString().isEmpty()) return tr("Add a model on the Models page first.");
    if (set_->currentData().toString().isEmpty()) return tr("Build an instruction set on the Templates page first.");
    const nlohmann::json m = methodConfig();
    if ((m["method"] == "lora" || m["method"] == "ia3") && m["target_modules"].empty()) return tr("Tick at least one target module.");
    return {};
}

void TrainConfigForm::updateEstimate() {
    emit changed();
    if (!estimator_.loaded()) {
        estimate_->setText(tr("Choose a model to see how many parameters this method trains."));
        return;
    }
    const int64_t ckpt = !checkpointing_->isChecked()        ? 0
                         : checkpointLayers_->value() == 0 ? estimator_.layerCount()
                                                           : checkpointLayers_->value();
    const auto e = estimator_.estimate(methodConfig(), batch_->value(), seqLen_->value(), precision_->currentData().toString(), ckpt);
    const QLocale loc;
    const double pct = e.total > 0 ? 100.0 * double(e.trainable) / double(e.total) : 0;
    estimate_->setText(tr("<b>Trainable parameters: %1 of %2 (%3%)</b><br>Estimated memory: about %4. "
                          "The time estimate is measured when the run starts.")
                           .arg(loc.toString(qlonglong(e.trainable)), loc.toString(qlonglong(e.total)))
                           .arg(pct, 0, 'f', pct < 1 ? 3 : 2)
                           .arg(loc.formattedDataSize(e.memoryBytes)));
}

} } // namespace tb::ui
