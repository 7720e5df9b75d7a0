#include "ui/datasets/DatasetCommands.h"

#include "ui/datasets/DatasetTableModel.h"

#include <QCoreApplication>

#include <algorithm>

namespace tb { namespace ui {

EditRowCommand::EditRowCommand(DatasetTableModel* model, qint64 idx, nlohmann::json before, nlohmann::json after,
                               const QString& field)
    : model_(model), idx_(idx), before_(std::move(before)), after_(std::move(after)) {
    setText(QCoreApplication::translate("tb::ui::DatasetCommands", "edit %1 in row %2").arg(field).arg(idx + 1));
}

void EditRowCommand::redo() { model_->applyUpdate(idx_, after_); }
void EditRowCommand::undo() { model_->applyUpdate(idx_, before_); }

InsertRowCommand::InsertRowCommand(DatasetTableModel* model, qint64 idx, nlohmann::json row)
    : model_(model), idx_(idx), row_(std::move(row)) {
    setText(QCoreApplication::translate("tb::ui::DatasetCommands", "add row %1").arg(idx + 1));
}

void InsertRowCommand::redo() { model_->applyInsert(idx_, row_); }
void InsertRowCommand::undo() { model_->applyDelete(idx_); }

DeleteRowsCommand::DeleteRowsCommand(DatasetTableModel* model, QVector<qint64> indices)
    : model_(model), indices_(std::move(indices)) {
    std::sort(indices_.begin(), indices_.end());
    indices_.erase(std::unique(indices_.begin(), indices_.end()), indices_.end());
    setText(QCoreApplication::translate("tb::ui::DatasetCommands", "delete %n row(s)", nullptr, int(indices_.size())));
}

void DeleteRowsCommand::redo() {
    rows_.assign(indices_.size(), nlohmann::json());
    for (int i = int(indices_.size()) - 1; i >= 0; --i) rows_[size_t(i)] = model_->applyDelete(indices_[i]);
}

void DeleteRowsCommand::undo() {
    for (int i = 0; i < indices_.size(); ++i) model_->applyInsert(indices_[i], rows_[size_t(i)]);
}

} } // namespace tb::ui
