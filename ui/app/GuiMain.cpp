#include "ui/app/GuiMain.h"

#include "ui/app/AppContext.h"
#include "ui/app/MainWindow.h"
#include "ui/app/ScreenshotRunner.h"
#include "ui/app/Settings.h"
#include "workspace/Workspace.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include <cstdio>
#include <cstdlib>

namespace tb { namespace ui {

GuiOptions parseGuiOptions(const QStringList& args) {
    GuiOptions o;
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        auto value = [&](const QString& flag, QString& out) {
            if (a == flag && i + 1 < args.size()) { out = args[++i]; return true; }
            if (a.startsWith(flag + QLatin1Char('='))) { out = a.mid(flag.size() + 1); return true; }
            return false;
        };
        if (value(QStringLiteral("--workspace"), o.workspace) || value(QStringLiteral("--language"), o.language) ||
            value(QStringLiteral("--screenshot-dir"), o.screenshotDir))
            continue;
        // Qt's own options (-platform, -style, ...) were already taken by QApplication.
        o.errors << a;
    }
    return o;
}

QString installTranslation(QApplication& app, const QString& code) {
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) return QStringLiteral("en");
    auto* ours = new QTranslator(&app);
    if (!ours->load(locale, QStringLiteral("tunebench"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete ours;
        return QStringLiteral("en");
    }
    QApplication::installTranslator(ours);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    else
        delete qt;
    return locale.name();
}

namespace {

// Opens the workspace; on failure explains why and lets the user pick another file.
std::shared_ptr<tb::Workspace> openWorkspaceInteractively(QString path, bool& firstRun) {
    for (;;) {
        firstRun = !QFileInfo::exists(path);
        try {
            QDir().mkpath(QFileInfo(path).absolutePath());
            return tb::Workspace::open(path);
        } catch (const std::exception& e) {
            const auto choice = QMessageBox::critical(
                nullptr, QApplication::translate("tb::ui::GuiMain", "Cannot open workspace"),
                QApplication::translate("tb::ui::GuiMain",
                                        "%1 could not be opened as a workspace:\n\n%2\n\nThe file was left untouched. "
                                        "Choose another workspace file?")
                    .arg(QDir::toNativeSeparators(path), QString::fromStdString(e.what())),
                QMessageBox::Open | QMessageBox::Cancel);
            if (choice != QMessageBox::Open) return nullptr;
            path = QFileDialog::getSaveFileName(nullptr, QApplication::translate("tb::ui::GuiMain", "Workspace file"),
                                                QFileInfo(path).absolutePath(),
                                                QApplication::translate("tb::ui::GuiMain", "Tunebench workspace (*.tunebench);;All files (*)"),
                                                nullptr, QFileDialog::DontConfirmOverwrite);
            if (path.isEmpty()) return nullptr;
        }
    }
}

} // namespace

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

    const GuiOptions opts = parseGuiOptions(QApplication::arguments());
    if (!opts.errors.isEmpty()) {
        std::fprintf(stderr, "tunebench: unknown option %s (the GUI takes --workspace PATH; run tunebench --help for the subcommands)\n",
                     qPrintable(opts.errors.first()));
        return 2;
    }
    installTranslation(app, opts.language.isEmpty() ? Settings::language() : opts.language);

    QString path = opts.workspace;
    if (path.isEmpty()) path = Settings::workspacePath();
    if (path.isEmpty()) path = tb::Workspace::defaultPath();
    bool firstRun = false;
    auto ws = openWorkspaceInteractively(QFileInfo(path).absoluteFilePath(), firstRun);
    if (!ws) return 1;
    if (opts.workspace.isEmpty()) Settings::setWorkspacePath(ws->path());

    AppContext ctx(ws);
    MainWindow window(&ctx, firstRun);
    window.show();
    if (!opts.screenshotDir.isEmpty()) {
        auto* runner = new ScreenshotRunner(&window, opts.screenshotDir, &window);
        runner->start();
    }
    return app.exec();
}

} } // namespace tb::ui
