#include "ui/plots/QCustomPlotInclude.h"  // first: see the header
#include "ui/evaluate/EvaluatePage.h"

#include "ui/app/AppContext.h"
#include "ui/widgets/GenerationSettings.h"
#include "ui/widgets/ModelPicker.h"
#include "ui/widgets/Pending.h"
#include "workspace/InstructionSetRepository.h"


#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tb { namespace ui {

EvaluatePage::EvaluatePage(AppContext* ctx, QWidget* parent) : QWidget(parent), ctx_(ctx) {
    auto* layout = new QVBoxLayout(this);
    const QString engine = tr("the evaluation engine (core/jobs/EvalJob.h)");
    layout->addWidget(Pending::banner(engine, this));
    auto* split = new QSplitter(this);
    layout->addWidget(split, 1);

    auto* left = new QWidget(split);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(new QLabel(tr("<b>Models and adapters</b>"), left));
    models_ = new ModelPicker(ctx_, left);
    models_->setObjectName(QStringLiteral("evalModels"));
    ll->addWidget(models_, 1);
    auto* form = new QFormLayout;
    set_ = new QComboBox(left);
    split_ = new QComboBox(left);
    split_->addItem(tr("test"), QStringLiteral("test"));
    split_->addItem(tr("validation"), QStringLiteral("validation"));
    form->addRow(tr("Instruction set:"), set_);
    form->addRow(tr("Split:"), split_);
    ll->addLayout(form);
    generation_ = new GenerationSettings(left);
    ll->addWidget(generation_);
    run_ = new QPushButton(tr("&Evaluate"), left);
    Pending::mark(run_, engine);
    ll->addWidget(run_);

    auto* right = new QSplitter(Qt::Vertical, split);
    chart_ = new QCustomPlot(right);
    chart_->setObjectName(QStringLiteral("scoreChart"));
    chart_->xAxis->setLabel(tr("metric"));
    chart_->yAxis->setLabel(tr("score"));
    auto* t = new QCPItemText(chart_);
    t->position->setType(QCPItemPosition::ptAxisRectRatio);
    t->position->setCoords(0.5, 0.5);
    t->setText(tr("No evaluation in this workspace yet"));
    t->setColor(Qt::gray);
    examples_ = new QTableWidget(0, 4, right);
    examples_->setObjectName(QStringLiteral("evalExamples"));
    examples_->setHorizontalHeaderLabels({tr("Prompt"), tr("Reference"), tr("Output"), tr("ROUGE-L")});
    examples_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    auto* exportRow = new QWidget(right);
    auto* el = new QHBoxLayout(exportRow);
    for (const QString& label : {tr("Export CSV…"), tr("Export JSON…"), tr("Save chart as PNG…"), tr("Save chart as PDF…")}) {
        auto* b = new QPushButton(label, exportRow);
        Pending::mark(b, engine);
        el->addWidget(b);
    }
    el->addStretch();
    right->addWidget(chart_);
    right->addWidget(examples_);
    right->addWidget(exportRow);
    split->addWidget(left);
    split->addWidget(right);
    split->setSizes({360, 840});
    connect(ctx_, &AppContext::instructionSetsChanged, this, &EvaluatePage::refresh);
    refresh();
}

void EvaluatePage::refresh() {
    set_->clear();
    if (!ctx_->workspace()) return;
    for (const auto& s : tb::InstructionSetRepository(ctx_->workspace()).list())
        set_->addItem(tr("%1 (%2 test)").arg(s.name).arg(s.test), s.name);
}

} } // namespace tb::ui
