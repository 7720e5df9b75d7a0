#pragma once
// Why this exists: the Evaluate page: choose a base model and runs' adapters on it, an
// instruction set's split, a limit and the generation settings; run the evaluation (EvalJob) in
// the background with progress and Cancel; then read the grouped ROUGE/BLEU chart with
// intervals and the per-example table (EvalResultsView). Every evaluation is stored in the
// workspace; the page opens on the latest one.
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace tb {
class EvalJob;
struct EvalJobResult;
class Workspace;
}

namespace tb { namespace ui {

class AppContext;
class EvalResultsView;
class GenerationSettings;
class ModelPicker;

class EvaluatePage : public QWidget {
    Q_OBJECT
public:
    explicit EvaluatePage(AppContext* ctx, QWidget* parent = nullptr);
    ~EvaluatePage() override;

    bool isEvaluating() const { return running_; }

    ModelPicker* modelPicker() const { return models_; }
    QComboBox* instructionSetCombo() const { return set_; }
    QComboBox* splitCombo() const { return split_; }
    QSpinBox* limitSpin() const { return limit_; }
    QSpinBox* batchSpin() const { return batch_; }
    QComboBox* deviceCombo() const { return device_; }
    GenerationSettings* generationSettings() const { return generation_; }
    QPushButton* evaluateButton() const { return run_; }
    QPushButton* cancelButton() const { return cancel_; }
    QProgressBar* progressBar() const { return progress_; }
    QLabel* statusLabel() const { return status_; }
    EvalResultsView* results() const { return results_; }

    // The per-example table and the chart of what the page shows (no dialogs).
    bool exportCsv(const QString& path, QString* error = nullptr) const;
    bool exportJson(const QString& path, QString* error = nullptr) const;
    bool saveChart(const QString& path, QString* error = nullptr);

public slots:
    void refresh();
    // Shows the newest finished evaluation of the workspace (or says there is none).
    void loadLatest();
    void showEvaluation(qint64 evaluationId);
    void startEvaluation();
    void cancelEvaluation();

signals:
    void evaluationFinished(qint64 evaluationId, bool cancelled);
    void evaluationFailed(const QString& message);

private:
    void setRunning(bool running);
    void showStatus(const QString& text, bool error = false);
    void onFinished(const tb::EvalJobResult& result);

    AppContext* ctx_;
    ModelPicker* models_ = nullptr;
    QComboBox* set_ = nullptr;
    QComboBox* split_ = nullptr;
    QSpinBox* limit_ = nullptr;
    QSpinBox* batch_ = nullptr;
    QComboBox* device_ = nullptr;
    GenerationSettings* generation_ = nullptr;
    QPushButton* run_ = nullptr;
    QPushButton* cancel_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* status_ = nullptr;
    EvalResultsView* results_ = nullptr;
    std::unique_ptr<tb::EvalJob> job_;
    std::weak_ptr<tb::Workspace> jobWorkspace_;   // where the running evaluation is stored
    bool running_ = false;
};

} } // namespace tb::ui
