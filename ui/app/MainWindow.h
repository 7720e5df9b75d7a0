#pragma once
// Why this exists: the shell every page lives in: navigation list, stacked pages, menus,
// toolbar, status bar, shortcuts, remembered geometry and the About dialog.
#include <QMainWindow>

class QListWidget;
class QStackedWidget;
class QUndoGroup;
class QLabel;

namespace tb { namespace ui {

class AppContext;
class HomePage;
class DatasetsPage;
class TemplatesPage;
class ModelsPage;
class TrainPage;
class EvaluatePage;
class ComparePage;
class RunsPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AppContext* ctx, bool firstRun = false, QWidget* parent = nullptr);
    ~MainWindow() override;

    QStackedWidget* pages() const { return pages_; }
    QListWidget* navigation() const { return nav_; }
    QUndoGroup* undoGroup() const { return undo_; }
    AppContext* context() const { return ctx_; }
    HomePage* homePage() const { return home_; }
    DatasetsPage* datasetsPage() const { return datasets_; }
    TemplatesPage* templatesPage() const { return templates_; }
    ModelsPage* modelsPage() const { return models_; }
    TrainPage* trainPage() const { return train_; }
    EvaluatePage* evaluatePage() const { return evaluate_; }
    ComparePage* comparePage() const { return compare_; }
    RunsPage* runsPage() const { return runs_; }
    // The page names, untranslated and stable (used for screenshot file names).
    static QString pageKey(int index);

public slots:
    void showPage(int index);
    void showAbout();
    void openWorkspace();
    void newWorkspace();
    void showPreferences();

protected:
    void closeEvent(QCloseEvent* e) override;

private:
    void addPage(const QString& title, const QString& icon, QWidget* page);
    void buildMenus();
    bool switchWorkspace(const QString& path);
    void updateTitle();

    AppContext* ctx_;
    QListWidget* nav_ = nullptr;
    QStackedWidget* pages_ = nullptr;
    QUndoGroup* undo_ = nullptr;
    QLabel* workspaceLabel_ = nullptr;
    HomePage* home_ = nullptr;
    DatasetsPage* datasets_ = nullptr;
    TemplatesPage* templates_ = nullptr;
    ModelsPage* models_ = nullptr;
    TrainPage* train_ = nullptr;
    EvaluatePage* evaluate_ = nullptr;
    ComparePage* compare_ = nullptr;
    RunsPage* runs_ = nullptr;
};

} } // namespace tb::ui
