#pragma once
// Why this exists: the GUI entry point, separate from main.cpp so tests and the app share it.
// It parses the GUI's own options (--workspace PATH, --language CODE, --screenshot-dir DIR),
// installs the translation, opens the workspace and shows the main window.
#include <QString>
#include <QStringList>

class QApplication;

namespace tb { namespace ui {

struct GuiOptions {
    QString workspace;       // --workspace PATH (else the settings, else Workspace::defaultPath())
    QString language;        // --language CODE (else the settings, else the system's)
    QString screenshotDir;   // --screenshot-dir DIR: grab every page into DIR and quit
    QStringList errors;      // unknown options
};

GuiOptions parseGuiOptions(const QStringList& args);

// Installs the translators for `code` ("" = the system locale). Returns the code in use.
QString installTranslation(QApplication& app, const QString& code);

int guiMain(int argc, char** argv);

} } // namespace tb::ui
