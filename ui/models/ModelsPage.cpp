#include "ui/models/ModelsPage.h"

#include "io/ModelInfo.h"
#include "jobs/DownloadJob.h"
#include "ui/app/AppContext.h"
#include "ui/models/ModelStore.h"
#include "ui/widgets/Icons.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

namespace tb { namespace ui {

namespace {

QString humanCount(qint64 n) {
    if (n >= 1000000000) return QStringLiteral("%1 B").arg(double(n) / 1e9, 0, 'f', 2);
    if (n >= 1000000) return QStringLiteral("%1 M").arg(double(n) / 1e6, 0, 'f', 2);
    if (n >= 1000) return QStringLiteral("%1 K").arg(double(n) / 1e3, 0, 'f', 1);
    return QString::number(n);
}

QString jsonText(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return QString();
    return it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString::fromStdString(it->dump());
}

} // namespace

ModelsPage::ModelsPage(AppContext* ctx, QWidget* parent) : QWidget(parent), ctx_(ctx) {
    auto* layout = new QHBoxLayout(this);
    auto* split = new QSplitter(this);
    layout->addWidget(split);

    auto* left = new QWidget(split);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(new QLabel(tr("<b>Models in this workspace</b>"), left));
    list_ = new QListWidget(left);
    list_->setObjectName(QStringLiteral("modelList"));
    ll->addWidget(list_, 1);
    auto* add = new QPushButton(Icons::get(QStringLiteral("folder")), tr("Add model folder…"), left);
    remove_ = new QPushButton(tr("Remove from workspace"), left);
    remove_->setToolTip(tr("Forgets the model; its folder on disk is left alone."));
    ll->addWidget(add);
    ll->addWidget(remove_);

    auto* right = new QWidget(split);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    details_ = new QLabel(right);
    details_->setObjectName(QStringLiteral("modelDetails"));
    details_->setWordWrap(true);
    details_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* scroll = new QScrollArea(right);
    scroll->setWidget(details_);
    scroll->setWidgetResizable(true);
    rl->addWidget(scroll, 3);

    auto* hub = new QGroupBox(tr("Download from the Hugging Face Hub"), right);
    auto* form = new QFormLayout(hub);
    hubId_ = new QLineEdit(hub);
    hubId_->setObjectName(QStringLiteral("hubModelId"));
    hubId_->setPlaceholderText(QStringLiteral("HuggingFaceTB/SmolLM2-135M"));
    form->addRow(tr("Model id:"), hubId_);
    hubRev_ = new QLineEdit(QStringLiteral("main"), hub);
    form->addRow(tr("Revision:"), hubRev_);
    auto* destRow = new QHBoxLayout;
    hubDest_ = new QLineEdit(hub);
    hubDest_->setPlaceholderText(tr("(a folder beside the workspace, named after the model)"));
    auto* browse = new QPushButton(tr("Browse…"), hub);
    destRow->addWidget(hubDest_, 1);
    destRow->addWidget(browse);
    form->addRow(tr("Save to:"), destRow);
    hubToken_ = new QLineEdit(hub);
    hubToken_->setEchoMode(QLineEdit::Password);
    hubToken_->setPlaceholderText(tr("only for gated or private models"));
    form->addRow(tr("Access token:"), hubToken_);
    hubUrl_ = new QLineEdit(QStringLiteral("https://huggingface.co"), hub);
    hubUrl_->setToolTip(tr("The Hub or a mirror that serves the same endpoints."));
    form->addRow(tr("Hub address:"), hubUrl_);
    auto* buttons = new QHBoxLayout;
    download_ = new QPushButton(Icons::get(QStringLiteral("download")), tr("Download"), hub);
    download_->setObjectName(QStringLiteral("downloadButton"));
    cancel_ = new QPushButton(tr("Stop"), hub);
    cancel_->setEnabled(false);
    cancel_->setToolTip(tr("Stops the download; what arrived is kept and the next Download resumes it."));
    buttons->addWidget(download_);
    buttons->addWidget(cancel_);
    buttons->addStretch();
    form->addRow(buttons);
    progress_ = new QProgressBar(hub);
    progress_->setObjectName(QStringLiteral("downloadProgress"));
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    form->addRow(progress_);
    fileLabel_ = new QLabel(hub);
    form->addRow(fileLabel_);
    log_ = new QPlainTextEdit(hub);
    log_->setReadOnly(true);
    log_->setMaximumHeight(90);
    form->addRow(log_);
    rl->addWidget(hub, 2);
    split->addWidget(left);
    split->addWidget(right);
    split->setSizes({300, 800});

    connect(add, &QPushButton::clicked, this, &ModelsPage::addFolder);
    connect(remove_, &QPushButton::clicked, this, &ModelsPage::removeSelected);
    connect(list_, &QListWidget::currentRowChanged, this, &ModelsPage::showModel);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Download into"), hubDest_->text());
        if (!d.isEmpty()) hubDest_->setText(d);
    });
    connect(download_, &QPushButton::clicked, this, &ModelsPage::startDownload);
    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (job_) job_->requestCancel();
    });
    connect(ctx_, &AppContext::workspaceChanged, this, &ModelsPage::reload);
    reload();
}

ModelsPage::~ModelsPage() = default;

void ModelsPage::reload() {
    const int row = list_->currentRow();
    QSignalBlocker block(list_);
    list_->clear();
    if (!ctx_->workspace()) return;
    for (const auto& m : ModelStore(ctx_->workspace()).list()) {
        auto* it = new QListWidgetItem(Icons::get(QStringLiteral("models")),
                                       tr("%1\n%2 · %3 parameters").arg(m.name, m.architecture, humanCount(m.parameters)), list_);
        it->setData(Qt::UserRole, QVariant::fromValue(m.id));
        it->setData(Qt::UserRole + 1, QString::fromStdString(m.info.dump()));
        it->setData(Qt::UserRole + 2, m.path);
        it->setData(Qt::UserRole + 3, m.name);
        it->setToolTip(m.path);
    }
    block.unblock();
    list_->setCurrentRow(list_->count() == 0 ? -1 : qBound(0, row, list_->count() - 1));
    showModel(list_->currentRow());
}

void ModelsPage::showModel(int row) {
    remove_->setEnabled(row >= 0);
    if (row < 0) {
        details_->setText(tr("<p>No model yet.</p><p>Add a Hugging Face model folder (config.json, model.safetensors and "
                             "tokenizer files), or download one from the Hub below.</p>"));
        return;
    }
    const QListWidgetItem* it = list_->item(row);
    const auto info = nlohmann::json::parse(it->data(Qt::UserRole + 1).toString().toStdString(), nullptr, false);
    QString html = QStringLiteral("<h3>%1</h3><table cellspacing='4'>").arg(it->data(Qt::UserRole + 3).toString().toHtmlEscaped());
    auto add = [&](const QString& k, const QString& v) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k, v.toHtmlEscaped());
    };
    const QLocale loc;
    add(tr("Folder"), QDir::toNativeSeparators(it->data(Qt::UserRole + 2).toString()));
    add(tr("Architecture"), jsonText(info, "architecture"));
    add(tr("Model type"), jsonText(info, "model_type"));
    add(tr("Parameters"), tr("%1 (%2)").arg(loc.toString(info.value("parameters", int64_t(0))), humanCount(info.value("parameters", int64_t(0)))));
    add(tr("Weights dtype"), jsonText(info, "dtype"));
    add(tr("Size on disk"), loc.formattedDataSize(info.value("size_bytes", int64_t(0))));
    add(tr("Tokenizer"), jsonText(info, "tokenizer").isEmpty() ? tr("none found") : jsonText(info, "tokenizer"));
    add(tr("Vocabulary"), loc.toString(info.value("vocab_size", int64_t(0))));
    add(tr("Layers"), QString::number(info.value("layers", int64_t(0))));
    add(tr("Hidden size"), QString::number(info.value("hidden_size", int64_t(0))));
    add(tr("Context length"), QString::number(info.value("context_length", int64_t(0))));
    add(tr("Supported"), info.value("supported", false) ? tr("yes") : tr("no — Tunebench cannot run this architecture yet"));
    QStringList files;
    for (const auto& f : info.value("weight_files", nlohmann::json::array())) files << QString::fromStdString(f.get<std::string>());
    add(tr("Weight files"), files.join(QStringLiteral(", ")));
    html += QStringLiteral("</table>");
    for (const auto& e : info.value("errors", nlohmann::json::array()))
        html += QStringLiteral("<p style='color:#b00020'>✖ %1</p>").arg(QString::fromStdString(e.get<std::string>()).toHtmlEscaped());
    for (const auto& w : info.value("warnings", nlohmann::json::array()))
        html += QStringLiteral("<p style='color:#a15c00'>⚠ %1</p>").arg(QString::fromStdString(w.get<std::string>()).toHtmlEscaped());
    details_->setText(html);
}

bool ModelsPage::addFolderPath(const QString& dir, QString* error) {
    const tb::ModelFolderInfo info = tb::inspectModelFolder(QDir(dir).absolutePath().toStdString());
    if (!info.errors.empty() && info.architecture.empty() && info.weightFiles.empty()) {
        QStringList errs;
        for (const auto& e : info.errors) errs << QString::fromStdString(e);
        if (error) *error = errs.join(QLatin1Char('\n'));
        return false;
    }
    try {
        ModelStore(ctx_->workspace()).add(QFileInfo(dir).fileName(), info);
    } catch (const std::exception& e) {
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
    reload();
    for (int i = 0; i < list_->count(); ++i)
        if (list_->item(i)->data(Qt::UserRole + 2).toString() == QDir(dir).absolutePath()) list_->setCurrentRow(i);
    emit ctx_->modelsChanged();
    emit ctx_->message(tr("Added model %1").arg(QFileInfo(dir).fileName()));
    return true;
}

void ModelsPage::addFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add a Hugging Face model folder"));
    if (dir.isEmpty()) return;
    QString error;
    if (!addFolderPath(dir, &error))
        QMessageBox::warning(this, tr("Not a model folder"),
                             tr("%1 cannot be used as a model:\n\n%2\n\nPick the folder that holds config.json and "
                                "model.safetensors.").arg(QDir::toNativeSeparators(dir), error));
}

void ModelsPage::removeSelected() {
    auto* it = list_->currentItem();
    if (!it) return;
    ModelStore(ctx_->workspace()).remove(it->data(Qt::UserRole).toLongLong());
    reload();
    emit ctx_->modelsChanged();
}

void ModelsPage::focusDownload() {
    hubId_->setFocus();
    hubId_->selectAll();
}

void ModelsPage::startDownload() {
    if (job_ && job_->isRunning()) return;
    tb::DownloadParams p;
    p.modelId = hubId_->text().trimmed();
    p.revision = hubRev_->text().trimmed();
    p.token = hubToken_->text().trimmed();
    p.baseUrl = QUrl(hubUrl_->text().trimmed());
    p.destination = hubDest_->text().trimmed();
    if (p.destination.isEmpty() && ctx_->workspace()) {
        QString safe = p.modelId;
        safe.replace(QLatin1Char('/'), QStringLiteral("__"));
        p.destination = QFileInfo(ctx_->workspace()->path()).absoluteDir().filePath(QStringLiteral("models/") + safe);
    }
    job_ = std::make_unique<tb::DownloadJob>(p);
    download_->setEnabled(false);
    cancel_->setEnabled(true);
    progress_->setValue(0);
    log_->appendPlainText(tr("Downloading %1 into %2").arg(p.modelId, QDir::toNativeSeparators(p.destination)));
    connect(job_.get(), &tb::DownloadJob::progress, this,
            [this](const QString& file, qint64 done, qint64 total, qint64 allDone, qint64 allTotal) {
                progress_->setValue(allTotal > 0 ? int(1000 * allDone / allTotal) : 0);
                const QLocale loc;
                fileLabel_->setText(tr("%1: %2 of %3 — all files: %4 of %5")
                                        .arg(file, loc.formattedDataSize(done), total >= 0 ? loc.formattedDataSize(total) : tr("?"),
                                             loc.formattedDataSize(allDone), loc.formattedDataSize(allTotal)));
            });
    connect(job_.get(), &tb::DownloadJob::message, log_, &QPlainTextEdit::appendPlainText);
    connect(job_.get(), &tb::DownloadJob::finished, this, [this](const tb::DownloadResult& r) {
        download_->setEnabled(true);
        cancel_->setEnabled(false);
        progress_->setValue(1000);
        log_->appendPlainText(tr("Done: %n file(s), %1 checked against the Hub's checksums.", nullptr, int(r.files.size())).arg(r.verified.size()));
        QString error;
        if (!addFolderPath(r.directory, &error)) log_->appendPlainText(error);
        emit downloadFinished(r.directory);
    });
    connect(job_.get(), &tb::DownloadJob::failed, this, [this](const QString& m) {
        download_->setEnabled(true);
        cancel_->setEnabled(false);
        log_->appendPlainText(m);
        emit downloadFailed(m);
    });
    job_->start();
}

} } // namespace tb::ui
