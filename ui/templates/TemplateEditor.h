#pragma once
// Why this exists: the Templates page's library and editor: the built-in templates by task,
// an editor for FLAN-style (prompt + completion with {field}) or promptsource-style (one Jinja
// text split at |||) templates, field insertion from the chosen dataset, and a live preview of
// the selected row with errors shown in place (the line is highlighted).
#include <QWidget>

#include <nlohmann/json.hpp>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;
class QTimer;
class QTreeWidget;

namespace tb {
struct PromptTemplate;
}

namespace tb { namespace ui {

class AppContext;

class TemplateEditor : public QWidget {
    Q_OBJECT
public:
    explicit TemplateEditor(AppContext* ctx, QWidget* parent = nullptr);

    tb::PromptTemplate currentTemplate() const;
    void loadTemplate(const tb::PromptTemplate& t);
    bool selectBuiltin(const QString& name);
    void setPreviewDataset(const QString& name, int row = 0);

    QTreeWidget* library() const { return library_; }
    QPlainTextEdit* promptEdit() const { return prompt_; }
    QPlainTextEdit* completionEdit() const { return completion_; }
    QPlainTextEdit* jinjaEdit() const { return jinja_; }
    QPlainTextEdit* renderedPrompt() const { return outPrompt_; }
    QPlainTextEdit* renderedCompletion() const { return outCompletion_; }
    QLabel* errorLabel() const { return error_; }

public slots:
    void refreshDatasets();
    void renderPreview();

private:
    void fillLibrary();
    void insertField(const QString& field);
    void saveAs();
    void openFile();
    QPlainTextEdit* activeEditor() const;
    void highlightError(const QString& message);

    AppContext* ctx_;
    QTreeWidget* library_ = nullptr;
    QLineEdit* name_ = nullptr;
    QLineEdit* task_ = nullptr;
    QComboBox* kind_ = nullptr;
    QStackedWidget* editors_ = nullptr;
    QPlainTextEdit* prompt_ = nullptr;
    QPlainTextEdit* completion_ = nullptr;
    QPlainTextEdit* jinja_ = nullptr;
    QPlainTextEdit* lastFocused_ = nullptr;
    QListWidget* fields_ = nullptr;
    QComboBox* dataset_ = nullptr;
    QSpinBox* row_ = nullptr;
    QPlainTextEdit* outPrompt_ = nullptr;
    QPlainTextEdit* outCompletion_ = nullptr;
    QLabel* error_ = nullptr;
    QLabel* usedFields_ = nullptr;
    QTimer* debounce_ = nullptr;
    nlohmann::json answerChoices_ = nlohmann::json::array();
};

} } // namespace tb::ui
