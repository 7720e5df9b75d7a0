#pragma once
// Why this exists: `tunebench --screenshot-dir DIR` shows every page in turn, grabs the window
// into DIR/<page>.png (and main.png) and quits; scripts/screenshots.sh uses it under Xvfb, so
// the screenshots need no extra tool.
#include <QObject>
#include <QString>

namespace tb { namespace ui {

class MainWindow;

class ScreenshotRunner : public QObject {
    Q_OBJECT
public:
    ScreenshotRunner(MainWindow* window, QString dir, QObject* parent = nullptr);
    void start();

private:
    void next();

    MainWindow* window_;
    QString dir_;
    int page_ = -1;
};

} } // namespace tb::ui
