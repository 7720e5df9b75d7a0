#pragma once
// Why this exists: the shell every page lives in: navigation list, stacked pages, menus,
// status bar and the About dialog.
#include <QMainWindow>

class QListWidget;
class QStackedWidget;

namespace tb::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    QStackedWidget* pages() const { return pages_; }
    QListWidget* navigation() const { return nav_; }

public slots:
    void showAbout();

private:
    void addPage(const QString& title, QWidget* page);

    QListWidget* nav_ = nullptr;
    QStackedWidget* pages_ = nullptr;
};

} // namespace tb::ui
