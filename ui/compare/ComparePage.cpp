#include "ui/compare/ComparePage.h"

#include "ui/app/AppContext.h"
#include "ui/widgets/GenerationSettings.h"
#include "ui/widgets/ModelPicker.h"
#include "ui/widgets/Pending.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace tb { namespace ui {

ComparePage::ComparePage(AppContext* ctx, QWidget* parent) : QWidget(parent), ctx_(ctx) {
    auto* layout = new QVBoxLayout(this);
    const QString engine = tr("a generation job (core/jobs/GenerateJob.h)");
    layout->addWidget(Pending::banner(engine, this));
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
    stop_ = new QPushButton(tr("S&top"), right);
    Pending::mark(run_, engine);
    Pending::mark(stop_, engine);
    buttons->addWidget(run_);
    buttons->addWidget(stop_);
    buttons->addStretch();
    rl->addLayout(buttons);
    auto* columns = new QHBoxLayout;
    for (int i = 0; i < 2; ++i) {
        auto* box = new QGroupBox(tr("Model %1").arg(i + 1), right);
        auto* bl = new QVBoxLayout(box);
        auto* out = new QPlainTextEdit(box);
        out->setReadOnly(true);
        out->setPlaceholderText(tr("The completion streams here, token by token."));
        bl->addWidget(out);
        columns->addWidget(box);
    }
    rl->addLayout(columns, 1);
    split->addWidget(left);
    split->addWidget(right);
    split->setSizes({340, 860});
}

} } // namespace tb::ui
