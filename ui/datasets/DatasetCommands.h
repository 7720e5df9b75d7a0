#pragma once
// Why this exists: the Datasets page's edits as undo commands (QUndoStack): edit a cell, insert
// a row, delete rows. Each one writes the workspace through the table model when done and undone.
#include <QUndoCommand>
#include <QVector>

#include <nlohmann/json.hpp>

#include <vector>

namespace tb { namespace ui {

class DatasetTableModel;

class EditRowCommand : public QUndoCommand {
public:
    EditRowCommand(DatasetTableModel* model, qint64 idx, nlohmann::json before, nlohmann::json after, const QString& field);
    void redo() override;
    void undo() override;

private:
    DatasetTableModel* model_;
    qint64 idx_;
    nlohmann::json before_, after_;
};

class InsertRowCommand : public QUndoCommand {
public:
    InsertRowCommand(DatasetTableModel* model, qint64 idx, nlohmann::json row);
    void redo() override;
    void undo() override;

private:
    DatasetTableModel* model_;
    qint64 idx_;
    nlohmann::json row_;
};

class DeleteRowsCommand : public QUndoCommand {
public:
    DeleteRowsCommand(DatasetTableModel* model, QVector<qint64> indices);   // any order
    void redo() override;
    void undo() override;

private:
    DatasetTableModel* model_;
    QVector<qint64> indices_;                 // ascending
    std::vector<nlohmann::json> rows_;        // filled by redo, same order
};

} } // namespace tb::ui
