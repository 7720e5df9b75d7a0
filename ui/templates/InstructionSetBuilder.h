#pragma once
// Why this exists: the instruction-set builder: datasets x templates with mixture weights, a
// fixed split per dataset or split ratios, seed, cap and token limit; it runs BuildJob in the
// background and shows the sets in the workspace with a histogram of their token lengths.
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTreeWidget;
class QThread;

namespace tb {
class BuildJob;
}

namespace tb { namespace ui {

class AppContext;
class HistogramPlot;

class InstructionSetBuilder : public QWidget {
    Q_OBJECT
public:
    explicit InstructionSetBuilder(AppContext* ctx, QWidget* parent = nullptr);
    ~InstructionSetBuilder() override;

    QTableWidget* datasetTable() const { return datasets_; }
    QTreeWidget* templateTree() const { return templates_; }
    QLineEdit* nameEdit() const { return name_; }
    QPushButton* buildButton() const { return build_; }
    QListWidget* setList() const { return sets_; }
    HistogramPlot* histogram() const { return histogram_; }
    QComboBox* tokenizerCombo() const { return tokenizer_; }
    void checkTemplate(const QString& nameOrTask);
    void checkDataset(const QString& name, double weight = 1.0, const QString& fixedSplit = {});

public slots:
    void refresh();
    void startBuild();
    void showSet(const QString& name);

signals:
    void built(const QString& name);
    void histogramReady(int examples);

private:
    void computeHistogram(const QString& set, const QString& tokenizerDir, int maxTokens);

    AppContext* ctx_;
    QTableWidget* datasets_ = nullptr;
    QTreeWidget* templates_ = nullptr;
    QDoubleSpinBox* train_ = nullptr;
    QDoubleSpinBox* validation_ = nullptr;
    QDoubleSpinBox* test_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QSpinBox* cap_ = nullptr;
    QSpinBox* maxTokens_ = nullptr;
    QComboBox* tokenizer_ = nullptr;
    QCheckBox* dedupe_ = nullptr;
    QCheckBox* replace_ = nullptr;
    QLineEdit* name_ = nullptr;
    QPushButton* build_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* status_ = nullptr;
    QListWidget* sets_ = nullptr;
    QLabel* stats_ = nullptr;
    HistogramPlot* histogram_ = nullptr;
    std::unique_ptr<tb::BuildJob> job_;
    QThread* histThread_ = nullptr;
    std::shared_ptr<std::atomic<bool>> histCancel_;
};

} } // namespace tb::ui
