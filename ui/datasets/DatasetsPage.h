#pragma once
// Why this exists: the Datasets page: the workspace's datasets, the rows of the selected one in
// an editable, searchable table (lazy, undoable), and import/export.
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;
class QTimer;
class QUndoStack;

namespace tb { namespace ui {

class AppContext;
class DatasetTableModel;

class DatasetsPage : public QWidget {
    Q_OBJECT
public:
    explicit DatasetsPage(AppContext* ctx, QWidget* parent = nullptr);
    ~DatasetsPage() override;

    QUndoStack* undoStack() const { return undo_; }
    DatasetTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    QListWidget* datasetList() const { return list_; }
    QLineEdit* searchEdit() const { return search_; }

public slots:
    void startImport(const QString& path = {});
    void exportDataset();
    void focusSearch();
    void reload();
    void selectDataset(const QString& name);
    void addRow();
    void deleteSelectedRows();
    void deleteDataset();

private:
    void showDataset(const QString& name);
    void updateInfo();

    AppContext* ctx_;
    QUndoStack* undo_;
    QListWidget* list_ = nullptr;
    QTableView* table_ = nullptr;
    DatasetTableModel* model_ = nullptr;
    QLineEdit* search_ = nullptr;
    QLabel* info_ = nullptr;
    QTimer* searchTimer_ = nullptr;
    QPushButton* exportButton_ = nullptr;
    QPushButton* deleteButton_ = nullptr;
    QPushButton* addRowButton_ = nullptr;
    QPushButton* deleteRowButton_ = nullptr;
};

} } // namespace tb::ui
