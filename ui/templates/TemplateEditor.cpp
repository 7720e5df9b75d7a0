#include "ui/templates/TemplateEditor.h"

#include "text/template/PromptTemplate.h"
#include "ui/app/AppContext.h"
#include "ui/widgets/Icons.h"
#include "workspace/DatasetRepository.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace tb { namespace ui {

namespace {

QPlainTextEdit* makeEditor(QWidget* parent, const QString& objectName) {
    auto* e = new QPlainTextEdit(parent);
    e->setObjectName(objectName);
    QFont mono(QStringLiteral("Monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    e->setFont(mono);
    e->setTabChangesFocus(true);
    return e;
}

} // namespace

TemplateEditor::TemplateEditor(AppContext* ctx, QWidget* parent) : QWidget(parent), ctx_(ctx) {
    auto* layout = new QHBoxLayout(this);
    auto* split = new QSplitter(this);
    layout->addWidget(split);

    // library
    auto* left = new QWidget(split);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(new QLabel(tr("<b>Template library</b>"), left));
    library_ = new QTreeWidget(left);
    library_->setObjectName(QStringLiteral("templateLibrary"));
    library_->setHeaderHidden(true);
    ll->addWidget(library_, 1);
    auto* newButton = new QPushButton(tr("New template"), left);
    auto* openButton = new QPushButton(tr("Open file…"), left);
    ll->addWidget(newButton);
    ll->addWidget(openButton);

    // editor
    auto* middle = new QWidget(split);
    auto* ml = new QVBoxLayout(middle);
    ml->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    name_ = new QLineEdit(middle);
    task_ = new QLineEdit(middle);
    kind_ = new QComboBox(middle);
    kind_->addItem(tr("Prompt + completion with {field} placeholders (FLAN)"), QStringLiteral("flan"));
    kind_->addItem(tr("One Jinja text, prompt ||| completion (promptsource)"), QStringLiteral("jinja"));
    form->addRow(tr("Name:"), name_);
    form->addRow(tr("Task:"), task_);
    form->addRow(tr("Kind:"), kind_);
    ml->addLayout(form);
    editors_ = new QStackedWidget(middle);
    auto* flan = new QWidget(editors_);
    auto* fl = new QVBoxLayout(flan);
    fl->setContentsMargins(0, 0, 0, 0);
    prompt_ = makeEditor(flan, QStringLiteral("templatePrompt"));
    completion_ = makeEditor(flan, QStringLiteral("templateCompletion"));
    completion_->setMaximumHeight(90);
    fl->addWidget(new QLabel(tr("Prompt:"), flan));
    fl->addWidget(prompt_, 1);
    fl->addWidget(new QLabel(tr("Completion:"), flan));
    fl->addWidget(completion_);
    jinja_ = makeEditor(editors_, QStringLiteral("templateJinja"));
    jinja_->setPlaceholderText(tr("{{ dialogue }}\nSummarise the dialogue above.\n|||\n{{ summary }}"));
    editors_->addWidget(flan);
    editors_->addWidget(jinja_);
    ml->addWidget(editors_, 1);
    error_ = new QLabel(middle);
    error_->setObjectName(QStringLiteral("templateError"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ml->addWidget(error_);
    usedFields_ = new QLabel(middle);
    usedFields_->setWordWrap(true);
    ml->addWidget(usedFields_);
    auto* saveButton = new QPushButton(tr("Save as file…"), middle);
    saveButton->setToolTip(tr("Writes the template as JSON; the instruction-set builder and `tunebench build --templates FILE` read it."));
    ml->addWidget(saveButton, 0, Qt::AlignLeft);

    // preview
    auto* right = new QWidget(split);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    auto* pick = new QHBoxLayout;
    dataset_ = new QComboBox(right);
    dataset_->setObjectName(QStringLiteral("previewDataset"));
    row_ = new QSpinBox(right);
    row_->setPrefix(tr("row "));
    row_->setMinimum(1);
    pick->addWidget(new QLabel(tr("Preview on"), right));
    pick->addWidget(dataset_, 1);
    pick->addWidget(row_);
    rl->addLayout(pick);
    auto* fieldBox = new QGroupBox(tr("Fields (double-click to insert)"), right);
    auto* fb = new QVBoxLayout(fieldBox);
    fields_ = new QListWidget(fieldBox);
    fields_->setObjectName(QStringLiteral("fieldList"));
    fields_->setMaximumHeight(110);
    fb->addWidget(fields_);
    rl->addWidget(fieldBox);
    outPrompt_ = new QPlainTextEdit(right);
    outPrompt_->setObjectName(QStringLiteral("renderedPrompt"));
    outPrompt_->setReadOnly(true);
    outCompletion_ = new QPlainTextEdit(right);
    outCompletion_->setObjectName(QStringLiteral("renderedCompletion"));
    outCompletion_->setReadOnly(true);
    outCompletion_->setMaximumHeight(110);
    rl->addWidget(new QLabel(tr("<b>Rendered prompt</b>"), right));
    rl->addWidget(outPrompt_, 1);
    rl->addWidget(new QLabel(tr("<b>Rendered completion</b>"), right));
    rl->addWidget(outCompletion_);

    split->addWidget(left);
    split->addWidget(middle);
    split->addWidget(right);
    split->setSizes({240, 460, 460});

    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(150);
    connect(debounce_, &QTimer::timeout, this, &TemplateEditor::renderPreview);
    for (QPlainTextEdit* e : {prompt_, completion_, jinja_}) {
        connect(e, &QPlainTextEdit::textChanged, debounce_, qOverload<>(&QTimer::start));
        connect(e, &QPlainTextEdit::cursorPositionChanged, this, [this, e] { lastFocused_ = e; });
    }
    connect(kind_, &QComboBox::currentIndexChanged, this, [this](int i) {
        editors_->setCurrentIndex(i);
        debounce_->start();
    });
    connect(dataset_, &QComboBox::currentIndexChanged, this, [this] {
        fields_->clear();
        if (!ctx_->workspace() || dataset_->currentData().toString().isEmpty()) return;
        if (auto info = tb::DatasetRepository(ctx_->workspace()).find(dataset_->currentData().toString())) {
            fields_->addItems(info->columns);
            row_->setMaximum(int(std::max<qint64>(1, info->rowCount)));
        }
        debounce_->start();
    });
    connect(row_, &QSpinBox::valueChanged, debounce_, qOverload<>(&QTimer::start));
    connect(fields_, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* it) { insertField(it->text()); });
    connect(library_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* it) {
        if (!it || it->data(0, Qt::UserRole).toString().isEmpty()) return;
        try {
            loadTemplate(tb::loadTemplate(it->data(0, Qt::UserRole).toString().toStdString()));
        } catch (const std::exception& e) {
            error_->setText(QString::fromStdString(e.what()));
        }
    });
    connect(newButton, &QPushButton::clicked, this, [this] {
        tb::PromptTemplate t;
        t.name = "my.template";
        t.kind = "flan";
        t.prompt = "{dialogue}\n\nSummarise the conversation above.";
        t.completion = "{summary}";
        loadTemplate(t);
    });
    connect(openButton, &QPushButton::clicked, this, &TemplateEditor::openFile);
    connect(saveButton, &QPushButton::clicked, this, &TemplateEditor::saveAs);
    connect(ctx_, &AppContext::datasetsChanged, this, &TemplateEditor::refreshDatasets);

    fillLibrary();
    refreshDatasets();
}

void TemplateEditor::fillLibrary() {
    library_->clear();
    std::map<std::string, QTreeWidgetItem*> tasks;
    try {
        for (const tb::PromptTemplate& t : tb::builtinTemplates()) {
            QTreeWidgetItem*& parent = tasks[t.task];
            if (!parent) {
                parent = new QTreeWidgetItem(library_, {QString::fromStdString(t.task)});
                parent->setIcon(0, Icons::get(QStringLiteral("templates")));
            }
            auto* item = new QTreeWidgetItem(parent, {QString::fromStdString(t.name)});
            item->setData(0, Qt::UserRole, QString::fromStdString(t.name));
            item->setToolTip(0, QString::fromStdString(t.kind == "jinja" ? t.jinja : t.prompt + "\n→ " + t.completion));
        }
    } catch (const std::exception& e) {
        error_->setText(tr("The built-in library could not be read: %1").arg(QString::fromStdString(e.what())));
    }
    for (auto& [task, item] : tasks) item->setText(0, tr("%1 (%2)").arg(QString::fromStdString(task)).arg(item->childCount()));
}

bool TemplateEditor::selectBuiltin(const QString& name) {
    for (int i = 0; i < library_->topLevelItemCount(); ++i) {
        auto* top = library_->topLevelItem(i);
        for (int j = 0; j < top->childCount(); ++j) {
            if (top->child(j)->data(0, Qt::UserRole).toString() == name) {
                top->setExpanded(true);
                library_->setCurrentItem(top->child(j));
                return true;
            }
        }
    }
    return false;
}

void TemplateEditor::refreshDatasets() {
    const QString current = dataset_->currentData().toString();
    QSignalBlocker block(dataset_);
    dataset_->clear();
    if (ctx_->workspace())
        for (const auto& info : tb::DatasetRepository(ctx_->workspace()).list()) dataset_->addItem(info.name, info.name);
    if (dataset_->count() == 0) dataset_->addItem(tr("(import a dataset to preview)"), QString());
    const int i = dataset_->findData(current);
    dataset_->setCurrentIndex(i >= 0 ? i : 0);
    block.unblock();
    emit dataset_->currentIndexChanged(dataset_->currentIndex());
}

void TemplateEditor::setPreviewDataset(const QString& name, int row) {
    const int i = dataset_->findData(name);
    if (i >= 0) dataset_->setCurrentIndex(i);
    row_->setValue(row + 1);
    renderPreview();
}

tb::PromptTemplate TemplateEditor::currentTemplate() const {
    tb::PromptTemplate t;
    t.name = name_->text().trimmed().toStdString();
    t.task = task_->text().trimmed().toStdString();
    t.kind = kind_->currentData().toString().toStdString();
    if (t.kind == "flan") {
        t.prompt = prompt_->toPlainText().toStdString();
        t.completion = completion_->toPlainText().toStdString();
    } else {
        t.jinja = jinja_->toPlainText().toStdString();
    }
    for (const auto& c : answerChoices_) t.answerChoices.push_back(c.get<std::string>());
    return t;
}

void TemplateEditor::loadTemplate(const tb::PromptTemplate& t) {
    name_->setText(QString::fromStdString(t.name));
    task_->setText(QString::fromStdString(t.task));
    answerChoices_ = t.answerChoices;
    kind_->setCurrentIndex(t.kind == "jinja" ? 1 : 0);
    prompt_->setPlainText(QString::fromStdString(t.prompt));
    completion_->setPlainText(QString::fromStdString(t.completion));
    jinja_->setPlainText(QString::fromStdString(t.jinja));
    renderPreview();
}

QPlainTextEdit* TemplateEditor::activeEditor() const {
    if (kind_->currentData().toString() == QLatin1String("jinja")) return jinja_;
    return lastFocused_ == completion_ ? completion_ : prompt_;
}

void TemplateEditor::insertField(const QString& field) {
    QPlainTextEdit* e = activeEditor();
    e->insertPlainText(kind_->currentData().toString() == QLatin1String("jinja") ? QStringLiteral("{{ %1 }}").arg(field)
                                                                                : QStringLiteral("{%1}").arg(field));
    e->setFocus();
}

void TemplateEditor::highlightError(const QString& message) {
    for (QPlainTextEdit* e : {prompt_, completion_, jinja_}) e->setExtraSelections({});
    if (message.isEmpty()) return;
    const auto m = QRegularExpression(QStringLiteral("line (\\d+)")).match(message);
    if (!m.hasMatch()) return;
    QPlainTextEdit* e = kind_->currentData().toString() == QLatin1String("jinja") ? jinja_
                        : message.contains(QStringLiteral("completion"), Qt::CaseInsensitive) ? completion_
                                                                                               : prompt_;
    const QTextBlock block = e->document()->findBlockByNumber(m.captured(1).toInt() - 1);
    if (!block.isValid()) return;
    QTextEdit::ExtraSelection sel;
    sel.format.setBackground(QColor(0xff, 0xdd, 0xdd));
    sel.format.setProperty(QTextFormat::FullWidthSelection, true);
    sel.cursor = QTextCursor(block);
    e->setExtraSelections({sel});
}

void TemplateEditor::renderPreview() {
    const tb::PromptTemplate t = currentTemplate();
    QStringList used;
    try {
        for (const auto& f : tb::templateFields(t)) used << QString::fromStdString(f);
        usedFields_->setText(tr("Reads: %1").arg(used.isEmpty() ? tr("(no fields)") : used.join(QStringLiteral(", "))));
    } catch (const std::exception&) {
        usedFields_->clear();
    }
    const QString dataset = dataset_->currentData().toString();
    if (dataset.isEmpty() || !ctx_->workspace()) {
        outPrompt_->clear();
        outCompletion_->clear();
        error_->setText(tr("Import a dataset to see the template rendered on a row."));
        highlightError({});
        return;
    }
    try {
        const nlohmann::json row = tb::DatasetRepository(ctx_->workspace()).row(dataset, row_->value() - 1);
        const tb::RenderedPair p = tb::renderTemplate(t, row);
        outPrompt_->setPlainText(QString::fromStdString(p.prompt));
        outCompletion_->setPlainText(QString::fromStdString(p.completion));
        error_->setText(QStringLiteral("<span style='color:#2e7d32'>%1</span>").arg(tr("Renders without errors.")));
        highlightError({});
    } catch (const std::exception& e) {
        const QString msg = QString::fromStdString(e.what());
        error_->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(msg.toHtmlEscaped()));
        outPrompt_->clear();
        outCompletion_->clear();
        highlightError(msg);
    }
}

void TemplateEditor::saveAs() {
    const tb::PromptTemplate t = currentTemplate();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save template"), QString::fromStdString(t.name) + QStringLiteral(".json"),
                                                      tr("Template (*.json)"));
    if (path.isEmpty()) return;
    QSaveFile f(path);
    const std::string text = t.toJson().dump(2) + "\n";
    if (!f.open(QIODevice::WriteOnly) || f.write(text.data(), qint64(text.size())) < 0 || !f.commit())
        QMessageBox::warning(this, tr("Save template"), tr("Cannot write %1: %2").arg(path, f.errorString()));
    else
        emit ctx_->message(tr("Saved template to %1").arg(path));
}

void TemplateEditor::openFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open template"), QString(), tr("Template (*.json)"));
    if (path.isEmpty()) return;
    try {
        loadTemplate(tb::loadTemplate(path.toStdString()));
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Open template"), QString::fromStdString(e.what()));
    }
}

} } // namespace tb::ui
