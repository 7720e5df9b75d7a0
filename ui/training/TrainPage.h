#pragma once
// Why this exists: the Train page: the run's configuration (TrainConfigForm), Start / Pause /
// Continue / Stop over a TrainingJob, live loss and learning-rate plots, a progress bar with ETA
// and tokens/s, and a log.
#include <QElapsedTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace tb {
class TrainingJob;
struct TrainingProgress;
}

namespace tb { namespace ui {

class AppContext;
class LossPlot;
class TrainConfigForm;

class TrainPage : public QWidget {
    Q_OBJECT
public:
    explicit TrainPage(AppContext* ctx, QWidget* parent = nullptr);
    ~TrainPage() override;

    // Asks before closing the window while a run is going; stops it when the user agrees.
    bool confirmClose();
    bool isTraining() const;

    TrainConfigForm* form() const { return form_; }
    LossPlot* lossPlot() const { return plot_; }
    QPushButton* startButton() const { return start_; }
    QPushButton* pauseButton() const { return pause_; }
    QPushButton* stopButton() const { return stop_; }
    QProgressBar* progressBar() const { return progress_; }
    QPlainTextEdit* log() const { return log_; }

public slots:
    void start();
    void togglePause();
    void stop();

signals:
    void runFinished(qint64 runId, const QString& status);
    void runFailed(const QString& message);

private:
    void setRunning(bool running);
    void appendLog(const QString& level, const QString& text);
    void onProgress(const tb::TrainingProgress& p);

    AppContext* ctx_;
    TrainConfigForm* form_ = nullptr;
    LossPlot* plot_ = nullptr;
    QPushButton* start_ = nullptr;
    QPushButton* pause_ = nullptr;
    QPushButton* stop_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* speed_ = nullptr;
    QLabel* runInfo_ = nullptr;
    QPlainTextEdit* log_ = nullptr;
    std::unique_ptr<tb::TrainingJob> job_;
    QElapsedTimer clock_;
};

} } // namespace tb::ui
