#pragma once
// Why this exists: the Runs page: every training run with its config, status and final
// metrics; the loss curves of the selected runs overlaid; a diff of two runs' configs; and the
// LoRA rank sweep (rank against validation loss, ROUGE when evaluated, and trainable parameters).
#include <QWidget>

#include <nlohmann/json.hpp>

class QCheckBox;
class QCustomPlot;
class QLabel;
class QTableWidget;
class QTabWidget;

namespace tb { namespace ui {

class AppContext;
class LossPlot;

class RunsPage : public QWidget {
    Q_OBJECT
public:
    explicit RunsPage(AppContext* ctx, QWidget* parent = nullptr);

    QTableWidget* runTable() const { return runs_; }
    LossPlot* overlay() const { return overlay_; }
    QTableWidget* diffTable() const { return diff_; }
    QCustomPlot* sweepPlot() const { return sweep_; }
    QTabWidget* tabs() const { return tabs_; }

public slots:
    void reload();
    void selectionChanged();

private:
    void updateSweep();

    AppContext* ctx_;
    QTableWidget* runs_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    LossPlot* overlay_ = nullptr;
    QTableWidget* diff_ = nullptr;
    QCheckBox* onlyDiff_ = nullptr;
    QCustomPlot* sweep_ = nullptr;
    QTableWidget* sweepTable_ = nullptr;
    QLabel* details_ = nullptr;
};

} } // namespace tb::ui
