#include "ui/app/GuiMain.h"

#include "ui/app/MainWindow.h"

#include <QApplication>
#include <QGuiApplication>
#include <QMessageBox>

#include <cstdio>
#include <cstdlib>

namespace tb::ui {

int guiMain(int argc, char** argv) {
    const bool haveDisplay = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY") ||
                             std::getenv("QT_QPA_PLATFORM");
    if (!haveDisplay) {
        std::fprintf(stderr,
                     "tunebench: no display found (DISPLAY is not set), so the desktop application cannot open.\n"
                     "Run it on a desktop, under Xvfb (xvfb-run tunebench), or use the headless subcommands:\n"
                     "  tunebench --help\n");
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("tunebench"));
    QApplication::setOrganizationName(QStringLiteral("Tunebench"));
    QApplication::setApplicationVersion(QStringLiteral(TUNEBENCH_VERSION));
    MainWindow window;
    window.show();
    return app.exec();
}

} // namespace tb::ui
