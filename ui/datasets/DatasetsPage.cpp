#include "ui/datasets/DatasetsPage.h"

#include "ui/app/AppContext.h"
#include "ui/datasets/DatasetExporter.h"
#include "ui/datasets/DatasetTableModel.h"
#include "ui/datasets/ImportWizard.h"
#include "ui/widgets/Icons.h"
#include "workspace/DatasetRepository.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace tb { namespace ui {

DatasetsPage::DatasetsPage(AppContext* ctx, QWidget* parent) : QWidget(parent), ctx_(ctx), undo_(new QUndoStack(this)) {
    auto* layout = new QHBoxLayout(this);
    auto* split = new QSplitter(this);
    layout->addWidget(split);

    auto* left = new QWidget(split);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(new QLabel(tr("<b>Datasets</b>"), left));
    list_ = new QListWidget(left);
    list_->setObjectName(QStringLiteral("datasetList"));
    ll->addWidget(list_, 1);
    auto* importButton = new QPushButton(Icons::get(QStringLiteral("import")), tr("Import…"), left);
    exportButton_ = new QPushButton(tr("Export…"), left);
    deleteButton_ = new QPushButton(tr("Delete dataset"), left);
    ll->addWidget(importButton);
    ll->addWidget(exportButton_);
    ll->addWidget(deleteButton_);

    auto* right = new QWidget(split);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    search_ = new QLineEdit(right);
    search_->setObjectName(QStringLiteral("datasetSearch"));
    search_->setPlaceholderText(tr("Search the rows (Ctrl+F)"));
    search_->setClearButtonEnabled(true);
    addRowButton_ = new QPushButton(tr("Add row"), right);
    deleteRowButton_ = new QPushButton(tr("Delete rows"), right);
    deleteRowButton_->setToolTip(tr("Delete the selected rows (Del); Undo brings them back."));
    bar->addWidget(search_, 1);
    bar->addWidget(addRowButton_);
    bar->addWidget(deleteRowButton_);
    rl->addLayout(bar);
    model_ = new DatasetTableModel(undo_, this);
    table_ = new QTableView(right);
    table_->setObjectName(QStringLiteral("datasetTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setWordWrap(false);
    table_->horizontalHeader()->setDefaultSectionSize(260);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    rl->addWidget(table_, 1);
    info_ = new QLabel(right);
    rl->addWidget(info_);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 4);
    split->setSizes({220, 900});

    searchTimer_ = new QTimer(this);
    searchTimer_->setSingleShot(true);
    searchTimer_->setInterval(250);
    connect(search_, &QLineEdit::textChanged, searchTimer_, qOverload<>(&QTimer::start));
    connect(searchTimer_, &QTimer::timeout, this, [this] {
        model_->setFilter(search_->text());
        updateInfo();
    });
    connect(importButton, &QPushButton::clicked, this, [this] { startImport(); });
    connect(exportButton_, &QPushButton::clicked, this, &DatasetsPage::exportDataset);
    connect(deleteButton_, &QPushButton::clicked, this, &DatasetsPage::deleteDataset);
    connect(addRowButton_, &QPushButton::clicked, this, &DatasetsPage::addRow);
    connect(deleteRowButton_, &QPushButton::clicked, this, &DatasetsPage::deleteSelectedRows);
    auto* del = new QShortcut(QKeySequence::Delete, table_);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &DatasetsPage::deleteSelectedRows);
    connect(list_, &QListWidget::currentTextChanged, this, [this](const QString&) {
        auto* item = list_->currentItem();
        showDataset(item ? item->data(Qt::UserRole).toString() : QString());
    });
    connect(model_, &DatasetTableModel::editFailed, this,
            [this](const QString& m) { QMessageBox::warning(this, tr("Edit not saved"), m); });
    connect(model_, &DatasetTableModel::datasetEdited, this, [this] {
        updateInfo();
        emit ctx_->datasetsChanged();
    });
    connect(ctx_, &AppContext::workspaceChanged, this, [this] {
        undo_->clear();
        model_->setDataset(nullptr, {});
        reload();
    });
    reload();
}

DatasetsPage::~DatasetsPage() = default;

void DatasetsPage::reload() {
    const QString current = model_->datasetName();
    QSignalBlocker block(list_);
    list_->clear();
    if (!ctx_->workspace()) return;
    tb::DatasetRepository repo(ctx_->workspace());
    for (const auto& info : repo.list()) {
        auto* item = new QListWidgetItem(Icons::get(QStringLiteral("datasets")),
                                         tr("%1\n%n row(s)", nullptr, int(info.rowCount)).arg(info.name), list_);
        item->setData(Qt::UserRole, info.name);
        item->setToolTip(tr("%1 · %2 · fields: %3").arg(info.format, info.sourcePath, info.columns.join(QStringLiteral(", "))));
    }
    block.unblock();
    QString target = current;
    if (target.isEmpty() && list_->count() > 0) target = list_->item(0)->data(Qt::UserRole).toString();
    selectDataset(target);
    if (list_->count() == 0) showDataset({});
}

void DatasetsPage::selectDataset(const QString& name) {
    for (int i = 0; i < list_->count(); ++i) {
        if (list_->item(i)->data(Qt::UserRole).toString() == name) {
            if (list_->currentRow() == i && model_->datasetName() == name) return;
            list_->setCurrentRow(i);
            return;
        }
    }
}

void DatasetsPage::showDataset(const QString& name) {
    if (name == model_->datasetName() && !name.isEmpty()) return;
    undo_->clear();   // the commands refer to the dataset shown
    search_->blockSignals(true);
    search_->clear();
    search_->blockSignals(false);
    if (name.isEmpty() || !ctx_->workspace()) model_->setDataset(nullptr, {});
    else model_->setDataset(std::make_shared<tb::DatasetRepository>(ctx_->workspace()), name);
    table_->resizeColumnsToContents();
    for (int c = 0; c < model_->columnCount(); ++c)
        table_->setColumnWidth(c, std::clamp(table_->columnWidth(c), 80, 420));
    updateInfo();
}

void DatasetsPage::updateInfo() {
    const bool have = !model_->datasetName().isEmpty();
    exportButton_->setEnabled(have);
    deleteButton_->setEnabled(have);
    addRowButton_->setEnabled(have);
    deleteRowButton_->setEnabled(have);
    search_->setEnabled(have);
    if (!have) {
        info_->setText(list_->count() == 0 ? tr("No datasets yet. Import a CSV, TSV, JSON or JSONL file to start.") : QString());
        return;
    }
    const QString shown = model_->filter().isEmpty()
                              ? tr("%n row(s)", nullptr, int(model_->datasetRowCount()))
                              : tr("%1 of %n row(s) match “%2”", nullptr, int(model_->datasetRowCount()))
                                    .arg(model_->rowCount())
                                    .arg(model_->filter());
    info_->setText(tr("%1 · fields: %2 · double-click a cell to edit").arg(shown, model_->columns().join(QStringLiteral(", "))));
    // keep the row counts in the list current
    for (int i = 0; i < list_->count(); ++i) {
        if (list_->item(i)->data(Qt::UserRole).toString() == model_->datasetName())
            list_->item(i)->setText(tr("%1\n%n row(s)", nullptr, int(model_->datasetRowCount())).arg(model_->datasetName()));
    }
}

void DatasetsPage::startImport(const QString& path) {
    if (!ctx_->workspace()) return;
    ImportWizard wizard(ctx_->workspace(), path, this);
    connect(&wizard, &ImportWizard::datasetImported, this, [this](const QString& name) {
        reload();
        selectDataset(name);
        emit ctx_->datasetsChanged();
        emit ctx_->message(tr("Imported dataset %1").arg(name));
    });
    wizard.exec();
}

void DatasetsPage::exportDataset() {
    const QString name = model_->datasetName();
    if (name.isEmpty()) return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export dataset"), name + QStringLiteral(".jsonl"),
                                                      tr("JSON Lines (*.jsonl);;JSON (*.json);;CSV (*.csv)"));
    if (path.isEmpty()) return;
    try {
        const qint64 n = DatasetExporter::write(tb::DatasetRepository(ctx_->workspace()), name, path, DatasetExporter::formatForPath(path));
        emit ctx_->message(tr("Exported %1 rows to %2").arg(n).arg(path));
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Export failed"), QString::fromStdString(e.what()));
    }
}

void DatasetsPage::focusSearch() {
    search_->setFocus();
    search_->selectAll();
}

void DatasetsPage::addRow() {
    if (model_->datasetName().isEmpty()) return;
    nlohmann::json row = nlohmann::json::object();
    for (const QString& c : model_->columns()) row[c.toStdString()] = "";
    const QModelIndex cur = table_->currentIndex();
    const qint64 at = cur.isValid() ? model_->datasetIndex(cur.row()) + 1 : model_->datasetRowCount();
    model_->insertRowAt(at, row);
    const int r = model_->viewRow(at);
    if (r >= 0) {
        table_->setCurrentIndex(model_->index(r, 0));
        table_->scrollTo(model_->index(r, 0));
    }
}

void DatasetsPage::deleteSelectedRows() {
    QVector<qint64> rows;
    for (const QModelIndex& i : table_->selectionModel()->selectedRows()) rows << model_->datasetIndex(i.row());
    if (rows.isEmpty() && table_->currentIndex().isValid()) rows << model_->datasetIndex(table_->currentIndex().row());
    rows.removeAll(-1);
    if (!rows.isEmpty()) model_->deleteRows(rows);
}

void DatasetsPage::deleteDataset() {
    const QString name = model_->datasetName();
    if (name.isEmpty()) return;
    if (QMessageBox::question(this, tr("Delete dataset"),
                              tr("Delete the dataset “%1” and its %n row(s) from the workspace? This cannot be undone.",
                                 nullptr, int(model_->datasetRowCount())).arg(name)) != QMessageBox::Yes)
        return;
    try {
        tb::DatasetRepository(ctx_->workspace()).remove(name);
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Delete dataset"), QString::fromStdString(e.what()));
        return;
    }
    undo_->clear();
    model_->setDataset(nullptr, {});
    reload();
    emit ctx_->datasetsChanged();
}

} } // namespace tb::ui
