#pragma once
// Why this exists: the Compare page: one prompt, two or more models or adapters side by side
// with the same sampling settings, tokens streaming into each model's column (a GenerateJob
// runs them one after the other), tokens/s and the finish reason under each column, and Stop.
#include <QList>
#include <QWidget>

#include <memory>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace tb {
class GenerateJob;
}

namespace tb { namespace ui {

class AppContext;
class GenerationSettings;
class ModelPicker;

class ComparePage : public QWidget {
    Q_OBJECT
public:
    explicit ComparePage(AppContext* ctx, QWidget* parent = nullptr);
    ~ComparePage() override;

    bool isGenerating() const { return running_; }

    ModelPicker* modelPicker() const { return models_; }
    QPlainTextEdit* promptEdit() const { return prompt_; }
    GenerationSettings* generationSettings() const { return generation_; }
    QComboBox* deviceCombo() const { return device_; }
    QPushButton* generateButton() const { return run_; }
    QPushButton* stopButton() const { return stop_; }
    // The status line (why nothing started, done, stopped, failed).
    QLabel* messageLabel() const { return message_; }
    // One read-only editor per column of the last Generate ("compareOutput0", ...).
    QList<QPlainTextEdit*> outputs() const { return outputs_; }
    QList<QLabel*> columnStatus() const { return statuses_; }

public slots:
    void generate();
    void stop();

signals:
    void generationFinished(bool cancelled);
    void generationFailed(const QString& message);

private:
    void setRunning(bool running);
    void clearColumns();
    void showMessage(const QString& text, bool error = false);
    static QString reasonText(const QString& reason);

    AppContext* ctx_;
    ModelPicker* models_ = nullptr;
    QPlainTextEdit* prompt_ = nullptr;
    GenerationSettings* generation_ = nullptr;
    QComboBox* device_ = nullptr;
    QPushButton* run_ = nullptr;
    QPushButton* stop_ = nullptr;
    QLabel* message_ = nullptr;
    QLabel* hint_ = nullptr;
    QHBoxLayout* columns_ = nullptr;
    QList<QWidget*> boxes_;
    QList<QPlainTextEdit*> outputs_;
    QList<QLabel*> statuses_;
    std::unique_ptr<tb::GenerateJob> job_;
    bool running_ = false;
};

} } // namespace tb::ui
