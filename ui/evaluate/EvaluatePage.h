#pragma once
// Why this exists: the Evaluate page: choose models/adapters, an instruction set's split and the
// generation settings, run the evaluation in the background, then read the grouped ROUGE/BLEU
// chart with intervals and the per-example table. Until the evaluation engine (EvalJob) is in
// this build, the page shows its controls disabled and says so.
#include <QWidget>

class QComboBox;
class QCustomPlot;
class QPushButton;
class QTableWidget;

namespace tb { namespace ui {

class AppContext;
class GenerationSettings;
class ModelPicker;

class EvaluatePage : public QWidget {
    Q_OBJECT
public:
    explicit EvaluatePage(AppContext* ctx, QWidget* parent = nullptr);

public slots:
    void refresh();

private:
    AppContext* ctx_;
    ModelPicker* models_ = nullptr;
    QComboBox* set_ = nullptr;
    QComboBox* split_ = nullptr;
    GenerationSettings* generation_ = nullptr;
    QPushButton* run_ = nullptr;
    QCustomPlot* chart_ = nullptr;
    QTableWidget* examples_ = nullptr;
};

} } // namespace tb::ui
