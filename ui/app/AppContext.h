#pragma once
// Why this exists: the pages share one workspace and tell each other when something they show
// has changed (a dataset imported, a model added, a run finished). They talk through this object,
// never to each other directly.
#include <QObject>
#include <QString>

#include <memory>

namespace tb {
class Workspace;
}

namespace tb { namespace ui {

class AppContext : public QObject {
    Q_OBJECT
public:
    explicit AppContext(std::shared_ptr<tb::Workspace> ws, QObject* parent = nullptr);
    ~AppContext() override;

    std::shared_ptr<tb::Workspace> workspace() const { return ws_; }
    void setWorkspace(std::shared_ptr<tb::Workspace> ws);

signals:
    void workspaceChanged();
    void datasetsChanged();
    void templatesChanged();
    void instructionSetsChanged();
    void modelsChanged();
    void runsChanged();
    void evaluationsChanged();
    // A line for the status bar.
    void message(const QString& text);
    // Ask the main window to show a page (index into MainWindow's page list).
    void showPageRequested(int page);

private:
    std::shared_ptr<tb::Workspace> ws_;
};

} } // namespace tb::ui
