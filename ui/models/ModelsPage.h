#pragma once
// Why this exists: the Models page: add a local Hugging Face model folder (validated: what it
// is, how big, its tokenizer, what is wrong with it), list and inspect the models in the
// workspace, and download one from the Hugging Face Hub with progress, resume and checksums.
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QFormLayout;

namespace tb {
class DownloadJob;
}

namespace tb { namespace ui {

class AppContext;

class ModelsPage : public QWidget {
    Q_OBJECT
public:
    explicit ModelsPage(AppContext* ctx, QWidget* parent = nullptr);
    ~ModelsPage() override;

    QListWidget* modelList() const { return list_; }
    QLabel* details() const { return details_; }
    QLineEdit* hubIdEdit() const { return hubId_; }
    QLineEdit* hubUrlEdit() const { return hubUrl_; }
    QLineEdit* hubDestination() const { return hubDest_; }
    QPushButton* downloadButton() const { return download_; }
    QProgressBar* downloadProgress() const { return progress_; }

public slots:
    void addFolder();
    // Adds the folder without asking (tests, drag and drop); returns false with a message when it is not a model.
    bool addFolderPath(const QString& dir, QString* error = nullptr);
    void focusDownload();
    void reload();
    void startDownload();

signals:
    void downloadFinished(const QString& dir);
    void downloadFailed(const QString& message);

private:
    void showModel(int row);
    void removeSelected();

    AppContext* ctx_;
    QListWidget* list_ = nullptr;
    QLabel* details_ = nullptr;
    QPushButton* remove_ = nullptr;
    QLineEdit* hubId_ = nullptr;
    QLineEdit* hubRev_ = nullptr;
    QLineEdit* hubDest_ = nullptr;
    QLineEdit* hubToken_ = nullptr;
    QLineEdit* hubUrl_ = nullptr;
    QPushButton* download_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* fileLabel_ = nullptr;
    QPlainTextEdit* log_ = nullptr;
    std::unique_ptr<tb::DownloadJob> job_;
};

} } // namespace tb::ui
