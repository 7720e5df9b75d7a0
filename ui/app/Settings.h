#pragma once
// Why this exists: the application's persistent choices (QSettings) in one place, so the keys
// are spelled once: workspace path, language, window geometry/state and the last page.
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tb { namespace ui {

class Settings {
public:
    static QString workspacePath();          // empty: the default (Workspace::defaultPath())
    static void setWorkspacePath(const QString& path);
    static QStringList recentWorkspaces();
    static QString language();               // "" = the system's, else "en", "de", "zh_CN"
    static void setLanguage(const QString& code);
    static QByteArray windowGeometry();
    static QByteArray windowState();
    static void setWindow(const QByteArray& geometry, const QByteArray& state);
    static int lastPage();
    static void setLastPage(int page);
};

} } // namespace tb::ui
