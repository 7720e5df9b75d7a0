#pragma once
// Why this exists: the Compare page: one prompt, two or more models or adapters side by side
// with the same sampling settings, tokens streaming into each column, and Stop. Until a
// generation job is in this build, the page shows its controls disabled and says so.
#include <QWidget>

class QPlainTextEdit;
class QPushButton;

namespace tb { namespace ui {

class AppContext;
class GenerationSettings;
class ModelPicker;

class ComparePage : public QWidget {
    Q_OBJECT
public:
    explicit ComparePage(AppContext* ctx, QWidget* parent = nullptr);

private:
    AppContext* ctx_;
    ModelPicker* models_ = nullptr;
    QPlainTextEdit* prompt_ = nullptr;
    GenerationSettings* generation_ = nullptr;
    QPushButton* run_ = nullptr;
    QPushButton* stop_ = nullptr;
};

} } // namespace tb::ui
