#pragma once
// Why this exists: the first page: which workspace is open, what it holds, and what to do next
// (import data, add a model, build an instruction set, train, evaluate). On a first run it is
// the guide through the workflow.
#include <QWidget>

class QLabel;
class QGridLayout;

namespace tb { namespace ui {

class AppContext;

class HomePage : public QWidget {
    Q_OBJECT
public:
    explicit HomePage(AppContext* ctx, bool firstRun, QWidget* parent = nullptr);

    void refresh();

signals:
    void importDatasetRequested();
    void addModelRequested();
    void downloadModelRequested();

private:
    AppContext* ctx_;
    QLabel* heading_ = nullptr;
    QLabel* path_ = nullptr;
    QList<QLabel*> stepState_;
};

} } // namespace tb::ui
