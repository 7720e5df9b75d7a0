#include "ui/app/HomePage.h"

#include "ui/app/AppContext.h"
#include "ui/app/PageIndex.h"
#include "ui/widgets/Icons.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSqlQuery>
#include <QVBoxLayout>

namespace tb { namespace ui {

namespace {

qint64 countRows(tb::Workspace* ws, const char* table) {
    if (!ws) return 0;
    QSqlQuery q(ws->db());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) || !q.next()) return 0;
    return q.value(0).toLongLong();
}

} // namespace

HomePage::HomePage(AppContext* ctx, bool firstRun, QWidget* parent) : QWidget(parent), ctx_(ctx) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    heading_ = new QLabel(this);
    heading_->setText(firstRun ? tr("<h2>Welcome to Tunebench</h2><p>A fresh workspace was created for you. "
                                    "Follow the steps below to fine-tune your first model.</p>")
                               : tr("<h2>Tunebench</h2><p>Your workspace at a glance, and what to do next.</p>"));
    heading_->setWordWrap(true);
    layout->addWidget(heading_);
    path_ = new QLabel(this);
    path_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(path_);
    layout->addSpacing(12);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(10);
    struct Step {
        QString icon, title, help;
        QList<QPair<QString, std::function<void()>>> buttons;
    };
    const QList<Step> steps = {
        {QStringLiteral("datasets"), tr("1. Import a dataset"),
         tr("CSV, TSV, JSON or JSONL rows with named fields, e.g. dialogues and their summaries."),
         {{tr("Import…"), [this] { emit importDatasetRequested(); }}}},
        {QStringLiteral("models"), tr("2. Add a model"),
         tr("A Hugging Face model folder (config.json, safetensors, tokenizer), or download one from the Hub."),
         {{tr("Add folder…"), [this] { emit addModelRequested(); }},
          {tr("Download…"), [this] { emit downloadModelRequested(); }}}},
        {QStringLiteral("templates"), tr("3. Build an instruction set"),
         tr("Turn dataset rows into prompt/completion pairs with templates, and split them."),
         {{tr("Open Templates"), [this] { emit ctx_->showPageRequested(TemplatesPageIndex); }}}},
        {QStringLiteral("train"), tr("4. Fine-tune"),
         tr("Full, selective, LoRA, prompt tuning or IA3, with live loss curves."),
         {{tr("Open Train"), [this] { emit ctx_->showPageRequested(TrainPageIndex); }}}},
        {QStringLiteral("evaluate"), tr("5. Evaluate and compare"),
         tr("ROUGE and BLEU of the base and tuned models, and their completions side by side."),
         {{tr("Open Evaluate"), [this] { emit ctx_->showPageRequested(EvaluatePageIndex); }}}},
    };
    int row = 0;
    for (const Step& s : steps) {
        auto* icon = new QLabel(this);
        icon->setPixmap(Icons::get(s.icon).pixmap(32, 32));
        grid->addWidget(icon, row, 0, 2, 1, Qt::AlignTop);
        auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(s.title), this);
        grid->addWidget(title, row, 1);
        auto* state = new QLabel(this);
        stepState_.append(state);
        grid->addWidget(state, row, 2);
        auto* help = new QLabel(s.help, this);
        help->setWordWrap(true);
        grid->addWidget(help, row + 1, 1, 1, 2);
        auto* buttons = new QHBoxLayout;
        for (const auto& [text, fn] : s.buttons) {
            auto* b = new QPushButton(text, this);
            connect(b, &QPushButton::clicked, this, fn);
            buttons->addWidget(b);
        }
        buttons->addStretch();
        grid->addLayout(buttons, row, 3, 2, 1, Qt::AlignVCenter);
        row += 2;
    }
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    layout->addStretch();

    connect(ctx_, &AppContext::workspaceChanged, this, &HomePage::refresh);
    connect(ctx_, &AppContext::datasetsChanged, this, &HomePage::refresh);
    connect(ctx_, &AppContext::modelsChanged, this, &HomePage::refresh);
    connect(ctx_, &AppContext::instructionSetsChanged, this, &HomePage::refresh);
    connect(ctx_, &AppContext::runsChanged, this, &HomePage::refresh);
    connect(ctx_, &AppContext::evaluationsChanged, this, &HomePage::refresh);
    refresh();
}

void HomePage::refresh() {
    tb::Workspace* ws = ctx_->workspace().get();
    path_->setText(tr("Workspace: %1").arg(ws ? QDir::toNativeSeparators(ws->path()) : tr("(none)")));
    const qint64 counts[] = {countRows(ws, "datasets"), countRows(ws, "models"), countRows(ws, "instruction_sets"),
                             countRows(ws, "runs"), countRows(ws, "evaluations")};
    const QString what[] = {tr("%n dataset(s)", nullptr, int(counts[0])), tr("%n model(s)", nullptr, int(counts[1])),
                            tr("%n instruction set(s)", nullptr, int(counts[2])), tr("%n run(s)", nullptr, int(counts[3])),
                            tr("%n evaluation(s)", nullptr, int(counts[4]))};
    for (int i = 0; i < stepState_.size(); ++i) {
        const bool done = counts[i] > 0;
        stepState_[i]->setText(done ? QStringLiteral("<span style='color:#2e7d32'>✔ %1</span>").arg(what[i])
                                    : QStringLiteral("<span style='color:#888'>%1</span>").arg(what[i]));
    }
}

} } // namespace tb::ui
