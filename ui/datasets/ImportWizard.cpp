#include "ui/datasets/ImportWizard.h"

#include "data/DataImporter.h"
#include "jobs/ImportJob.h"
#include "ui/datasets/DatasetTableModel.h"
#include "workspace/DatasetRepository.h"
#include "workspace/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWizardPage>

namespace tb { namespace ui {

namespace {

// A page whose completeness is a function (the wizard's Next button follows it).
class FnPage : public QWizardPage {
public:
    std::function<bool()> complete;
    std::function<void()> enter;
    bool isComplete() const override { return complete ? complete() : true; }
    void initializePage() override {
        if (enter) enter();
    }
    void changed() { emit completeChanged(); }
};

QString uniqueName(const std::shared_ptr<tb::Workspace>& ws, QString base) {
    base = base.trimmed().replace(QLatin1Char(' '), QLatin1Char('_'));
    if (base.isEmpty()) base = QStringLiteral("dataset");
    tb::DatasetRepository repo(ws);
    QString name = base;
    for (int i = 2; repo.find(name); ++i) name = QStringLiteral("%1_%2").arg(base).arg(i);
    return name;
}

} // namespace

ImportWizard::ImportWizard(std::shared_ptr<tb::Workspace> ws, const QString& path, QWidget* parent)
    : QWizard(parent), ws_(std::move(ws)) {
    setWindowTitle(tr("Import a dataset"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    buildFilePage();
    buildFieldsPage();
    buildImportPage();
    if (!path.isEmpty()) path_->setText(path);
    resize(900, 640);
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::buildFilePage() {
    auto* page = new FnPage;
    page->setTitle(tr("Choose a file"));
    page->setSubTitle(tr("CSV or TSV with a header row, a JSON array of objects, or JSON Lines (one object per line)."));
    auto* form = new QFormLayout(page);
    auto* row = new QHBoxLayout;
    path_ = new QLineEdit(page);
    path_->setObjectName(QStringLiteral("importPath"));
    auto* browse = new QPushButton(tr("Browse…"), page);
    row->addWidget(path_, 1);
    row->addWidget(browse);
    form->addRow(tr("&File:"), row);
    format_ = new QComboBox(page);
    format_->addItem(tr("Detect"), QStringLiteral("auto"));
    format_->addItem(QStringLiteral("CSV"), QStringLiteral("csv"));
    format_->addItem(QStringLiteral("TSV"), QStringLiteral("tsv"));
    format_->addItem(QStringLiteral("JSON"), QStringLiteral("json"));
    format_->addItem(QStringLiteral("JSON Lines"), QStringLiteral("jsonl"));
    form->addRow(tr("F&ormat:"), format_);
    delimiter_ = new QComboBox(page);
    delimiter_->addItem(tr("Detect"), 0);
    delimiter_->addItem(tr("Comma ( , )"), int(','));
    delimiter_->addItem(tr("Semicolon ( ; )"), int(';'));
    delimiter_->addItem(tr("Tab"), int('\t'));
    delimiter_->addItem(tr("Pipe ( | )"), int('|'));
    form->addRow(tr("&Delimiter (CSV):"), delimiter_);
    header_ = new QCheckBox(tr("The first row names the fields"), page);
    header_->setChecked(true);
    form->addRow(QString(), header_);
    name_ = new QLineEdit(page);
    name_->setObjectName(QStringLiteral("importName"));
    name_->setToolTip(tr("The dataset's name in the workspace; it must be new."));
    form->addRow(tr("Dataset &name:"), name_);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Import a dataset"), QFileInfo(path_->text()).absolutePath(),
                                                       tr("Data files (*.csv *.tsv *.tab *.json *.jsonl *.ndjson);;All files (*)"));
        if (!f.isEmpty()) path_->setText(f);
    });
    connect(path_, &QLineEdit::textChanged, this, [this, page](const QString& p) {
        if (!p.isEmpty()) name_->setText(uniqueName(ws_, QFileInfo(p).completeBaseName()));
        page->changed();
    });
    connect(name_, &QLineEdit::textChanged, page, &FnPage::changed);
    page->complete = [this] {
        return QFileInfo(path_->text()).isFile() && !name_->text().trimmed().isEmpty() &&
               !tb::DatasetRepository(ws_).find(name_->text().trimmed());
    };
    addPage(page);
}

void ImportWizard::buildFieldsPage() {
    auto* page = new FnPage;
    page->setTitle(tr("Fields and preview"));
    page->setSubTitle(tr("Untick the fields you do not need and rename the others; the preview shows the first rows as they will be stored."));
    auto* layout = new QVBoxLayout(page);
    auto* split = new QSplitter(Qt::Horizontal, page);
    mapping_ = new QTableWidget(0, 2, split);
    mapping_->setObjectName(QStringLiteral("fieldMapping"));
    mapping_->setHorizontalHeaderLabels({tr("Source field"), tr("Stored as")});
    mapping_->horizontalHeader()->setStretchLastSection(true);
    mapping_->verticalHeader()->hide();
    auto* right = new QWidget(split);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    previewInfo_ = new QLabel(right);
    previewInfo_->setWordWrap(true);
    preview_ = new QTableWidget(right);
    preview_->setObjectName(QStringLiteral("importPreview"));
    preview_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    previewBad_ = new QListWidget(right);
    previewBad_->setMaximumHeight(90);
    rl->addWidget(previewInfo_);
    rl->addWidget(preview_, 1);
    rl->addWidget(new QLabel(tr("Bad records in the previewed part:"), right));
    rl->addWidget(previewBad_);
    split->addWidget(mapping_);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    layout->addWidget(split);
    page->enter = [this] {
        const QString key = path_->text() + format_->currentData().toString() + delimiter_->currentData().toString() +
                            (header_->isChecked() ? QStringLiteral("h") : QString());
        if (key != mappingFor_) {
            mappingFor_ = key;
            mapping_->setRowCount(0);
        }
        refreshPreview();
    };
    connect(mapping_, &QTableWidget::itemChanged, this, [this] {
        if (!mapping_->signalsBlocked()) refreshPreview();
    });
    addPage(page);
}

void ImportWizard::buildImportPage() {
    auto* page = new FnPage;
    page->setTitle(tr("Import"));
    page->setSubTitle(tr("The import runs in the background. It is all-or-nothing unless you choose to skip bad records."));
    auto* layout = new QVBoxLayout(page);
    skipBad_ = new QCheckBox(tr("Skip bad records and list them (otherwise the first bad record stops the import and nothing is stored)"), page);
    layout->addWidget(skipBad_);
    auto* buttons = new QHBoxLayout;
    importButton_ = new QPushButton(tr("&Start import"), page);
    importButton_->setObjectName(QStringLiteral("startImport"));
    cancelButton_ = new QPushButton(tr("Cancel import"), page);
    cancelButton_->setEnabled(false);
    buttons->addWidget(importButton_);
    buttons->addWidget(cancelButton_);
    buttons->addStretch();
    layout->addLayout(buttons);
    progress_ = new QProgressBar(page);
    layout->addWidget(progress_);
    status_ = new QLabel(page);
    status_->setWordWrap(true);
    layout->addWidget(status_);
    layout->addWidget(new QLabel(tr("Report:"), page));
    report_ = new QPlainTextEdit(page);
    report_->setReadOnly(true);
    report_->setObjectName(QStringLiteral("importReport"));
    layout->addWidget(report_, 1);
    page->complete = [this] { return !imported_.isEmpty(); };
    page->setCommitPage(false);
    connect(importButton_, &QPushButton::clicked, this, &ImportWizard::startImport);
    connect(cancelButton_, &QPushButton::clicked, this, [this] {
        if (job_) job_->requestCancel();
    });
    connect(this, &ImportWizard::datasetImported, page, &FnPage::changed);
    addPage(page);
}

tb::ImportOptions ImportWizard::options() const {
    tb::ImportOptions o;
    o.path = path_->text().toStdString();
    o.datasetName = name_->text().trimmed().toStdString();
    o.format = tb::parseImportFormat(format_->currentData().toString().toStdString());
    o.delimiter = char(delimiter_->currentData().toInt());
    o.hasHeader = header_->isChecked();
    o.skipBad = skipBad_ && skipBad_->isChecked();
    bool allKept = true;
    std::vector<tb::FieldMap> fields;
    for (int r = 0; r < mapping_->rowCount(); ++r) {
        const QTableWidgetItem* from = mapping_->item(r, 0);
        const QTableWidgetItem* to = mapping_->item(r, 1);
        if (!from || !to) continue;
        const bool keep = from->checkState() == Qt::Checked;
        const QString target = to->text().trimmed();
        if (!keep || target != from->text()) allKept = false;
        if (keep && !target.isEmpty()) fields.push_back({from->text().toStdString(), target.toStdString()});
    }
    if (!allKept) o.fields = std::move(fields);
    return o;
}

void ImportWizard::refreshPreview() {
    tb::ImportPreview p;
    tb::ImportOptions o = options();
    try {
        p = tb::DataImporter::preview(o, 50);
    } catch (const std::exception& e) {
        previewInfo_->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(QString::fromStdString(e.what()).toHtmlEscaped()));
        preview_->clear();
        preview_->setRowCount(0);
        return;
    }
    if (mapping_->rowCount() == 0) {
        mapping_->blockSignals(true);
        mapping_->setRowCount(int(p.sourceColumns.size()));
        for (int i = 0; i < int(p.sourceColumns.size()); ++i) {
            auto* from = new QTableWidgetItem(QString::fromStdString(p.sourceColumns[size_t(i)]));
            from->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            from->setCheckState(Qt::Checked);
            mapping_->setItem(i, 0, from);
            mapping_->setItem(i, 1, new QTableWidgetItem(from->text()));
        }
        mapping_->blockSignals(false);
    }
    previewInfo_->setText(tr("Format: %1%2 · %n field(s) · first %3 row(s) shown", nullptr, int(p.columns.size()))
                              .arg(QString::fromStdString(p.format),
                                   p.delimiter ? tr(", delimiter '%1'").arg(p.delimiter == '\t' ? QStringLiteral("\\t") : QString(QLatin1Char(p.delimiter)))
                                               : QString())
                              .arg(p.rows.size()));
    preview_->clear();
    preview_->setColumnCount(int(p.columns.size()));
    QStringList headers;
    for (const auto& c : p.columns) headers << QString::fromStdString(c);
    preview_->setHorizontalHeaderLabels(headers);
    preview_->setRowCount(int(p.rows.size()));
    for (int r = 0; r < int(p.rows.size()); ++r) {
        for (int c = 0; c < int(p.columns.size()); ++c) {
            const auto& row = p.rows[size_t(r)];
            const auto it = row.find(p.columns[size_t(c)]);
            QString text = it == row.end() ? QString() : DatasetTableModel::displayText(*it);
            text.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
            auto* item = new QTableWidgetItem(text.left(200));
            item->setToolTip(text.left(2000));
            preview_->setItem(r, c, item);
        }
    }
    previewBad_->clear();
    for (const auto& b : p.badRecords) previewBad_->addItem(QString::fromStdString(b.toString()));
    if (p.badRecords.empty()) previewBad_->addItem(tr("none"));
}

void ImportWizard::startImport() {
    if (job_ && job_->isRunning()) return;
    tb::ImportJobParams params{ws_, options()};
    job_ = std::make_unique<tb::ImportJob>(params);
    importButton_->setEnabled(false);
    cancelButton_->setEnabled(true);
    skipBad_->setEnabled(false);
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    status_->setText(tr("Importing…"));
    report_->clear();
    connect(job_.get(), &tb::ImportJob::progress, this, [this](qint64 read, qint64 total, qint64 rows, qint64 skipped) {
        progress_->setValue(total > 0 ? int(1000 * read / total) : 0);
        status_->setText(tr("%1 rows read, %2 skipped").arg(rows).arg(skipped));
    });
    connect(job_.get(), &tb::ImportJob::finished, this, [this](const tb::ImportJobResult& r) {
        progress_->setValue(1000);
        cancelButton_->setEnabled(false);
        imported_ = r.dataset;
        status_->setText(tr("Imported %1 rows into “%2” (%3, %4 s); %5 bad record(s) skipped.")
                             .arg(r.rowsImported).arg(r.dataset, r.format).arg(r.seconds, 0, 'f', 1).arg(r.rowsSkipped));
        QStringList lines;
        lines << tr("Fields: %1").arg(r.columns.join(QStringLiteral(", ")));
        if (!r.badRecords.isEmpty()) {
            lines << tr("Bad records:");
            lines << r.badRecords;
        }
        report_->setPlainText(lines.join(QLatin1Char('\n')));
        emit datasetImported(r.dataset);
    });
    connect(job_.get(), &tb::ImportJob::failed, this, [this](const QString& message) {
        cancelButton_->setEnabled(false);
        importButton_->setEnabled(true);
        skipBad_->setEnabled(true);
        progress_->setValue(0);
        status_->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(tr("Nothing was imported.")));
        report_->setPlainText(message + QStringLiteral("\n\n") +
                              tr("Fix the file, or tick “Skip bad records” to import the good rows and get a list of the bad ones."));
    });
    job_->start();
}

} } // namespace tb::ui
