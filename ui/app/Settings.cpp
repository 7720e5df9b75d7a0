#include "ui/app/Settings.h"

#include <QSettings>

namespace tb { namespace ui {

QString Settings::workspacePath() { return QSettings().value(QStringLiteral("workspace/path")).toString(); }

void Settings::setWorkspacePath(const QString& path) {
    QSettings s;
    s.setValue(QStringLiteral("workspace/path"), path);
    QStringList recent = s.value(QStringLiteral("workspace/recent")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 8) recent.removeLast();
    s.setValue(QStringLiteral("workspace/recent"), recent);
}

QStringList Settings::recentWorkspaces() { return QSettings().value(QStringLiteral("workspace/recent")).toStringList(); }

QString Settings::language() { return QSettings().value(QStringLiteral("ui/language")).toString(); }

void Settings::setLanguage(const QString& code) { QSettings().setValue(QStringLiteral("ui/language"), code); }

QByteArray Settings::windowGeometry() { return QSettings().value(QStringLiteral("window/geometry")).toByteArray(); }

QByteArray Settings::windowState() { return QSettings().value(QStringLiteral("window/state")).toByteArray(); }

void Settings::setWindow(const QByteArray& geometry, const QByteArray& state) {
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), geometry);
    s.setValue(QStringLiteral("window/state"), state);
}

int Settings::lastPage() { return QSettings().value(QStringLiteral("window/page"), 0).toInt(); }

void Settings::setLastPage(int page) { QSettings().setValue(QStringLiteral("window/page"), page); }

} } // namespace tb::ui
