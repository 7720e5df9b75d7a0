#include "ui/templates/InstructionSetBuilder.h"

#include "jobs/BuildJob.h"
#include "text/Tokenizer.h"
#include "text/template/PromptTemplate.h"
#include "ui/app/AppContext.h"
#include "ui/models/ModelStore.h"
#include "ui/plots/HistogramPlot.h"
#include "workspace/DatasetRepository.h"
#include "workspace/InstructionSetRepository.h"
#include "workspace/Workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace tb { namespace ui {

InstructionSetBuilder::InstructionSetBuilder(AppContext* ctx, QWidget* parent) : QWidget(parent), ctx_(ctx) {
    auto* layout = new QHBoxLayout(this);
    auto* split = new QSplitter(this);
    layout->addWidget(split);

    auto* left = new QWidget(split);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    auto* dsBox = new QGroupBox(tr("Datasets and mixture weights"), left);
    auto* dl = new QVBoxLayout(dsBox);
    datasets_ = new QTableWidget(0, 4, dsBox);
    datasets_->setObjectName(QStringLiteral("builderDatasets"));
    datasets_->setHorizontalHeaderLabels({tr("Dataset"), tr("Rows"), tr("Weight"), tr("Split")});
    datasets_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    datasets_->verticalHeader()->hide();
    datasets_->setToolTip(tr("Weight: about weight × rows training examples (below 1 keeps a subset, above 1 repeats rows with "
                             "other templates). Split: a fixed split sends every row there (e.g. a test file)."));
    dl->addWidget(datasets_);
    ll->addWidget(dsBox, 1);
    auto* tBox = new QGroupBox(tr("Templates (a task takes all of its paraphrases)"), left);
    auto* tl = new QVBoxLayout(tBox);
    templates_ = new QTreeWidget(tBox);
    templates_->setObjectName(QStringLiteral("builderTemplates"));
    templates_->setHeaderHidden(true);
    tl->addWidget(templates_);
    ll->addWidget(tBox, 1);

    auto* middle = new QWidget(split);
    auto* form = new QFormLayout(middle);
    train_ = new QDoubleSpinBox(middle);
    validation_ = new QDoubleSpinBox(middle);
    test_ = new QDoubleSpinBox(middle);
    for (QDoubleSpinBox* s : {train_, validation_, test_}) {
        s->setRange(0, 1);
        s->setSingleStep(0.05);
        s->setDecimals(2);
    }
    train_->setValue(0.8);
    validation_->setValue(0.1);
    test_->setValue(0.1);
    auto* ratios = new QHBoxLayout;
    ratios->addWidget(train_);
    ratios->addWidget(validation_);
    ratios->addWidget(test_);
    form->addRow(tr("Split train / validation / test:"), ratios);
    seed_ = new QSpinBox(middle);
    seed_->setRange(0, 1 << 30);
    seed_->setValue(42);
    seed_->setToolTip(tr("The same seed gives the same split and template choice for every row."));
    form->addRow(tr("Seed:"), seed_);
    cap_ = new QSpinBox(middle);
    cap_->setRange(0, 100000000);
    cap_->setSpecialValueText(tr("no cap"));
    cap_->setToolTip(tr("Examples-proportional mixing: at most this many training rows per dataset."));
    form->addRow(tr("Rows per dataset (cap):"), cap_);
    tokenizer_ = new QComboBox(middle);
    tokenizer_->setObjectName(QStringLiteral("builderTokenizer"));
    tokenizer_->setToolTip(tr("Counts tokens with this model's tokenizer (for the limit and the histogram)."));
    form->addRow(tr("Tokenizer:"), tokenizer_);
    maxTokens_ = new QSpinBox(middle);
    maxTokens_->setRange(0, 1000000);
    maxTokens_->setSpecialValueText(tr("no limit"));
    maxTokens_->setToolTip(tr("Examples longer than this (prompt + completion tokens) are dropped."));
    form->addRow(tr("Max tokens:"), maxTokens_);
    dedupe_ = new QCheckBox(tr("Remove exact duplicates"), middle);
    dedupe_->setChecked(true);
    form->addRow(QString(), dedupe_);
    name_ = new QLineEdit(middle);
    name_->setObjectName(QStringLiteral("builderName"));
    name_->setPlaceholderText(tr("e.g. dialogsum-flan"));
    form->addRow(tr("Name:"), name_);
    replace_ = new QCheckBox(tr("Replace a set of the same name"), middle);
    form->addRow(QString(), replace_);
    auto* buttons = new QHBoxLayout;
    build_ = new QPushButton(tr("&Build instruction set"), middle);
    build_->setObjectName(QStringLiteral("buildButton"));
    cancel_ = new QPushButton(tr("Cancel"), middle);
    cancel_->setEnabled(false);
    buttons->addWidget(build_);
    buttons->addWidget(cancel_);
    form->addRow(buttons);
    progress_ = new QProgressBar(middle);
    progress_->setRange(0, 0);
    progress_->setVisible(false);
    form->addRow(progress_);
    status_ = new QLabel(middle);
    status_->setWordWrap(true);
    form->addRow(status_);

    auto* right = new QWidget(split);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(new QLabel(tr("<b>Instruction sets in the workspace</b>"), right));
    sets_ = new QListWidget(right);
    sets_->setObjectName(QStringLiteral("instructionSets"));
    sets_->setMaximumHeight(140);
    rl->addWidget(sets_);
    stats_ = new QLabel(right);
    stats_->setWordWrap(true);
    rl->addWidget(stats_);
    histogram_ = new HistogramPlot(right);
    histogram_->setObjectName(QStringLiteral("tokenHistogram"));
    rl->addWidget(histogram_, 1);
    split->addWidget(left);
    split->addWidget(middle);
    split->addWidget(right);
    split->setSizes({380, 360, 460});

    connect(build_, &QPushButton::clicked, this, &InstructionSetBuilder::startBuild);
    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (job_) job_->requestCancel();
    });
    connect(sets_, &QListWidget::currentTextChanged, this, [this] {
        if (auto* it = sets_->currentItem()) showSet(it->data(Qt::UserRole).toString());
    });
    connect(tokenizer_, &QComboBox::currentIndexChanged, this, [this] {
        if (auto* it = sets_->currentItem()) showSet(it->data(Qt::UserRole).toString());
    });
    connect(ctx_, &AppContext::datasetsChanged, this, &InstructionSetBuilder::refresh);
    connect(ctx_, &AppContext::modelsChanged, this, &InstructionSetBuilder::refresh);
    connect(ctx_, &AppContext::instructionSetsChanged, this, &InstructionSetBuilder::refresh);

    // the template library: tasks, each with its templates
    std::map<std::string, QTreeWidgetItem*> tasks;
    try {
        for (const auto& t : tb::builtinTemplates()) {
            QTreeWidgetItem*& task = tasks[t.task];
            if (!task) {
                task = new QTreeWidgetItem(templates_, {QString::fromStdString(t.task)});
                task->setData(0, Qt::UserRole, QString::fromStdString(t.task));
                task->setCheckState(0, Qt::Unchecked);
            }
            auto* item = new QTreeWidgetItem(task, {QString::fromStdString(t.name)});
            item->setData(0, Qt::UserRole, QString::fromStdString(t.name));
            item->setCheckState(0, Qt::Unchecked);
        }
    } catch (const std::exception& e) {
        status_->setText(QString::fromStdString(e.what()));
    }
    refresh();
}

InstructionSetBuilder::~InstructionSetBuilder() {
    if (histCancel_) *histCancel_ = true;
    if (histThread_) histThread_->wait();
}

void InstructionSetBuilder::refresh() {
    if (!ctx_->workspace()) return;
    // datasets, keeping what was ticked
    QHash<QString, bool> ticked;
    for (int r = 0; r < datasets_->rowCount(); ++r)
        ticked[datasets_->item(r, 0)->text()] = datasets_->item(r, 0)->checkState() == Qt::Checked;
    const auto infos = tb::DatasetRepository(ctx_->workspace()).list();
    datasets_->setRowCount(int(infos.size()));
    for (int r = 0; r < infos.size(); ++r) {
        auto* name = new QTableWidgetItem(infos[r].name);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        name->setCheckState(ticked.value(infos[r].name) ? Qt::Checked : Qt::Unchecked);
        datasets_->setItem(r, 0, name);
        auto* rows = new QTableWidgetItem(QString::number(infos[r].rowCount));
        rows->setFlags(Qt::ItemIsEnabled);
        datasets_->setItem(r, 1, rows);
        auto* w = new QDoubleSpinBox(datasets_);
        w->setRange(0.01, 100);
        w->setValue(1.0);
        datasets_->setCellWidget(r, 2, w);
        auto* split = new QComboBox(datasets_);
        split->addItem(tr("by ratio"), QString());
        split->addItem(tr("all train"), QStringLiteral("train"));
        split->addItem(tr("all validation"), QStringLiteral("validation"));
        split->addItem(tr("all test"), QStringLiteral("test"));
        datasets_->setCellWidget(r, 3, split);
    }
    // tokenizers from the models in the workspace
    const QString tok = tokenizer_->currentData().toString();
    // "none" picked while models were listed is the user's choice; "none" because there was no
    // model yet is not, and the first model added takes its place.
    const bool noneChosen = tok.isEmpty() && tokenizer_->count() > 1;
    {
        QSignalBlocker block(tokenizer_);
        tokenizer_->clear();
        tokenizer_->addItem(tr("(none: no token counts)"), QString());
        for (const auto& m : ModelStore(ctx_->workspace()).list()) tokenizer_->addItem(m.name, m.path);
        const int i = tok.isEmpty() && !noneChosen ? -1 : tokenizer_->findData(tok);
        tokenizer_->setCurrentIndex(i >= 0 ? i : (tokenizer_->count() > 1 ? 1 : 0));
    }
    // instruction sets
    const QString cur = sets_->currentItem() ? sets_->currentItem()->data(Qt::UserRole).toString() : QString();
    QSignalBlocker block(sets_);
    sets_->clear();
    for (const auto& s : tb::InstructionSetRepository(ctx_->workspace()).list()) {
        auto* it = new QListWidgetItem(tr("%1 — train %2 · validation %3 · test %4").arg(s.name).arg(s.train).arg(s.validation).arg(s.test), sets_);
        it->setData(Qt::UserRole, s.name);
        if (s.name == cur) sets_->setCurrentItem(it);
    }
    block.unblock();
    if (!sets_->currentItem() && sets_->count() > 0) sets_->setCurrentRow(0);
    else if (sets_->count() == 0) histogram_->clear(tr("Build an instruction set to see its token lengths"));
}

void InstructionSetBuilder::checkTemplate(const QString& nameOrTask) {
    for (int i = 0; i < templates_->topLevelItemCount(); ++i) {
        auto* task = templates_->topLevelItem(i);
        if (task->data(0, Qt::UserRole).toString() == nameOrTask) task->setCheckState(0, Qt::Checked);
        for (int j = 0; j < task->childCount(); ++j)
            if (task->child(j)->data(0, Qt::UserRole).toString() == nameOrTask) task->child(j)->setCheckState(0, Qt::Checked);
    }
}

void InstructionSetBuilder::checkDataset(const QString& name, double weight, const QString& fixedSplit) {
    for (int r = 0; r < datasets_->rowCount(); ++r) {
        if (datasets_->item(r, 0)->text() != name) continue;
        datasets_->item(r, 0)->setCheckState(Qt::Checked);
        qobject_cast<QDoubleSpinBox*>(datasets_->cellWidget(r, 2))->setValue(weight);
        auto* split = qobject_cast<QComboBox*>(datasets_->cellWidget(r, 3));
        split->setCurrentIndex(std::max(0, split->findData(fixedSplit)));
    }
}

void InstructionSetBuilder::startBuild() {
    if (job_ && job_->isRunning()) return;
    tb::BuildJobParams p;
    p.workspace = ctx_->workspace();
    p.name = name_->text().trimmed();
    for (int r = 0; r < datasets_->rowCount(); ++r) {
        if (datasets_->item(r, 0)->checkState() != Qt::Checked) continue;
        const QString split = qobject_cast<QComboBox*>(datasets_->cellWidget(r, 3))->currentData().toString();
        p.datasets << (split.isEmpty() ? datasets_->item(r, 0)->text() : datasets_->item(r, 0)->text() + QLatin1Char(':') + split);
        p.weights.push_back(qobject_cast<QDoubleSpinBox*>(datasets_->cellWidget(r, 2))->value());
    }
    for (int i = 0; i < templates_->topLevelItemCount(); ++i) {
        auto* task = templates_->topLevelItem(i);
        if (task->checkState(0) == Qt::Checked) {
            p.templates << task->data(0, Qt::UserRole).toString();
            continue;
        }
        for (int j = 0; j < task->childCount(); ++j)
            if (task->child(j)->checkState(0) == Qt::Checked) p.templates << task->child(j)->data(0, Qt::UserRole).toString();
    }
    QString problem;
    if (p.name.isEmpty()) problem = tr("Give the instruction set a name.");
    else if (p.datasets.isEmpty()) problem = tr("Tick at least one dataset.");
    else if (p.templates.isEmpty()) problem = tr("Tick at least one template or task.");
    if (!problem.isEmpty()) {
        status_->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(problem));
        return;
    }
    p.seed = quint64(seed_->value());
    p.split = {train_->value(), validation_->value(), test_->value()};
    p.maxPerDataset = cap_->value() > 0 ? cap_->value() : -1;
    p.dedupe = dedupe_->isChecked();
    p.tokenizerDir = tokenizer_->currentData().toString();
    p.maxTokens = maxTokens_->value();
    p.replace = replace_->isChecked();
    job_ = std::make_unique<tb::BuildJob>(p);
    build_->setEnabled(false);
    cancel_->setEnabled(true);
    progress_->setVisible(true);
    status_->setText(tr("Building…"));
    connect(job_.get(), &tb::BuildJob::progress, this, [this](const QString& ds, qint64 rows) {
        status_->setText(tr("Rendering %1: %2 rows").arg(ds).arg(rows));
    });
    connect(job_.get(), &tb::BuildJob::finished, this, [this](const tb::BuildJobResult& r) {
        build_->setEnabled(true);
        cancel_->setEnabled(false);
        progress_->setVisible(false);
        status_->setText(tr("Built “%1”: %2 train, %3 validation, %4 test examples in %5 s.")
                             .arg(r.name).arg(r.train).arg(r.validation).arg(r.test).arg(r.seconds, 0, 'f', 1));
        emit ctx_->instructionSetsChanged();
        refresh();
        for (int i = 0; i < sets_->count(); ++i)
            if (sets_->item(i)->data(Qt::UserRole).toString() == r.name) sets_->setCurrentRow(i);
        emit built(r.name);
    });
    connect(job_.get(), &tb::BuildJob::failed, this, [this](const QString& m) {
        build_->setEnabled(true);
        cancel_->setEnabled(false);
        progress_->setVisible(false);
        status_->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(m.toHtmlEscaped()));
    });
    job_->start();
}

void InstructionSetBuilder::showSet(const QString& name) {
    if (name.isEmpty() || !ctx_->workspace()) return;
    auto info = tb::InstructionSetRepository(ctx_->workspace()).find(name);
    if (!info) return;
    const auto& st = info->stats;
    QStringList lines;
    lines << tr("<b>%1</b>: %2 train · %3 validation · %4 test").arg(name).arg(info->train).arg(info->validation).arg(info->test);
    if (st.contains("duplicates_removed")) lines << tr("duplicates removed: %1").arg(st.value("duplicates_removed", 0));
    if (info->config.contains("seed")) lines << tr("seed %1").arg(QString::fromStdString(info->config["seed"].dump()));
    stats_->setText(lines.join(QStringLiteral(" · ")));
    QString tokDir = tokenizer_->currentData().toString();
    const auto cfgTok = info->config.find("tokenizer");
    if (tokDir.isEmpty() && cfgTok != info->config.end() && cfgTok->is_string()) tokDir = QString::fromStdString(cfgTok->get<std::string>());
    if (tokDir.isEmpty()) {
        histogram_->clear(tr("Choose a tokenizer to see the token lengths"));
        return;
    }
    const auto mt = info->config.find("max_tokens");
    computeHistogram(name, tokDir, mt != info->config.end() && mt->is_number() ? mt->get<int>() : 0);
}

void InstructionSetBuilder::computeHistogram(const QString& set, const QString& tokenizerDir, int maxTokens) {
    if (histCancel_) *histCancel_ = true;
    if (histThread_) {
        histThread_->wait();
        delete histThread_;
        histThread_ = nullptr;
    }
    histogram_->clear(tr("Counting tokens…"));
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    histCancel_ = cancel;
    auto ws = ctx_->workspace();
    QPointer<InstructionSetBuilder> self(this);
    histThread_ = QThread::create([=] {
        std::vector<double> lengths;
        QString error;
        try {
            auto tok = tb::Tokenizer::fromModelDir(tokenizerDir.toStdString());
            tb::InstructionSetRepository(ws).forEachExample(set, {}, [&](const tb::InstructionExample& e) {
                if (cancel->load() || lengths.size() >= 20000) return false;
                lengths.push_back(double(tok->encode(e.prompt, true).size() + tok->encode(e.completion, false).size()));
                return true;
            });
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        if (cancel->load()) return;
        QMetaObject::invokeMethod(qApp, [self, lengths = std::move(lengths), error, maxTokens] {
            if (!self) return;
            if (!error.isEmpty()) self->histogram_->clear(error.left(120));
            else self->histogram_->setValues(lengths, tr("tokens per example (prompt + completion)"), maxTokens);
            emit self->histogramReady(int(lengths.size()));
        });
    });
    histThread_->start();
}

} } // namespace tb::ui
