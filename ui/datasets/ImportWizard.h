#pragma once
// Why this exists: the Datasets page's import wizard: choose a file and its format, pick and
// rename fields with a live preview (DataImporter::preview), then import in the background
// (ImportJob) with progress and a report of every bad record.
#include <QWizard>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace tb {
class Workspace;
class ImportJob;
struct ImportOptions;
}

namespace tb { namespace ui {

class ImportWizard : public QWizard {
    Q_OBJECT
public:
    ImportWizard(std::shared_ptr<tb::Workspace> ws, const QString& path = {}, QWidget* parent = nullptr);
    ~ImportWizard() override;

    QString importedDataset() const { return imported_; }
    // For tests: the pages' widgets.
    QLineEdit* pathEdit() const { return path_; }
    QLineEdit* nameEdit() const { return name_; }
    QComboBox* formatCombo() const { return format_; }
    QTableWidget* mappingTable() const { return mapping_; }
    QTableWidget* previewTable() const { return preview_; }
    QCheckBox* skipBadCheck() const { return skipBad_; }
    QPushButton* importButton() const { return importButton_; }
    QPlainTextEdit* reportView() const { return report_; }

    tb::ImportOptions options() const;
    bool isImported() const { return !imported_.isEmpty(); }

signals:
    void datasetImported(const QString& name);

private:
    void buildFilePage();
    void buildFieldsPage();
    void buildImportPage();
    void refreshPreview();
    void startImport();

    std::shared_ptr<tb::Workspace> ws_;
    QLineEdit* path_ = nullptr;
    QLineEdit* name_ = nullptr;
    QComboBox* format_ = nullptr;
    QComboBox* delimiter_ = nullptr;
    QCheckBox* header_ = nullptr;
    QTableWidget* mapping_ = nullptr;
    QTableWidget* preview_ = nullptr;
    QLabel* previewInfo_ = nullptr;
    QListWidget* previewBad_ = nullptr;
    QCheckBox* skipBad_ = nullptr;
    QPushButton* importButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* status_ = nullptr;
    QPlainTextEdit* report_ = nullptr;
    std::unique_ptr<tb::ImportJob> job_;
    QString imported_;
    QString mappingFor_;
};

} } // namespace tb::ui
