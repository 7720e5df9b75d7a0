#pragma once
// Why this exists: the Datasets page's table over a workspace dataset. Rows are read lazily in
// blocks from DatasetRepository (a 12k-row dataset never sits in memory at once), a search
// filter maps view rows to dataset rows, and every edit goes through the undo stack as a
// command, so Ctrl+Z restores the workspace row.
#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>
#include <QVector>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <vector>

class QUndoStack;

namespace tb {
class DatasetRepository;
}

namespace tb { namespace ui {

class DatasetTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit DatasetTableModel(QUndoStack* undo, QObject* parent = nullptr);
    ~DatasetTableModel() override;

    // Shows `name` from `repo` (nullptr or an empty name shows nothing). Clears the filter.
    void setDataset(std::shared_ptr<tb::DatasetRepository> repo, const QString& name);
    QString datasetName() const { return name_; }
    QStringList columns() const { return columns_; }
    qint64 datasetRowCount() const { return total_; }

    // Keeps the rows whose values contain `text` (case-insensitive); empty shows all.
    void setFilter(const QString& text);
    QString filter() const { return filterText_; }

    qint64 datasetIndex(int viewRow) const;
    int viewRow(qint64 datasetIndex) const;   // -1 when filtered out
    nlohmann::json rowJson(qint64 datasetIndex) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;

    // Pushes undoable commands.
    void insertRowAt(qint64 datasetIndex, const nlohmann::json& row);
    void deleteRows(QVector<qint64> datasetIndices);

    // Called by the undo commands: change the workspace and the view.
    void applyUpdate(qint64 idx, const nlohmann::json& row);
    void applyInsert(qint64 idx, const nlohmann::json& row);
    nlohmann::json applyDelete(qint64 idx);

    // The value as the table shows it and as an edit turns text back into a value.
    static QString displayText(const nlohmann::json& v);
    static nlohmann::json parseEdit(const QString& text, const nlohmann::json& previous);

signals:
    void datasetEdited(const QString& name);
    void editFailed(const QString& message);

private:
    static constexpr int kBlock = 256;
    const nlohmann::json& cachedRow(qint64 idx) const;
    void refreshInfo();

    QUndoStack* undo_;
    std::shared_ptr<tb::DatasetRepository> repo_;
    QString name_;
    QStringList columns_;
    qint64 total_ = 0;
    QString filterText_;
    std::optional<QVector<qint64>> filtered_;
    mutable QHash<qint64, std::vector<nlohmann::json>> cache_;
};

} } // namespace tb::ui
