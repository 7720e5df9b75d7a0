#include "ui/app/MainWindow.h"

#include "cli/Cli.h"
#include "ui/app/AppContext.h"
#include "ui/app/HomePage.h"
#include "ui/app/PageIndex.h"
#include "ui/app/Settings.h"
#include "ui/app/SettingsDialog.h"
#include "ui/compare/ComparePage.h"
#include "ui/datasets/DatasetsPage.h"
#include "ui/evaluate/EvaluatePage.h"
#include "ui/models/ModelsPage.h"
#include "ui/runs/RunsPage.h"
#include "ui/templates/TemplatesPage.h"
#include "ui/training/TrainPage.h"
#include "ui/widgets/Icons.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoGroup>

namespace tb { namespace ui {

QString MainWindow::pageKey(int index) {
    static const char* keys[] = {"home", "datasets", "templates", "models", "train", "evaluate", "compare", "runs"};
    return index >= 0 && index < PageCount ? QLatin1String(keys[index]) : QString();
}

MainWindow::MainWindow(AppContext* ctx, bool firstRun, QWidget* parent) : QMainWindow(parent), ctx_(ctx) {
    setWindowIcon(Icons::get(QStringLiteral("app")));
    setObjectName(QStringLiteral("MainWindow"));
    undo_ = new QUndoGroup(this);

    auto* splitter = new QSplitter(this);
    nav_ = new QListWidget(splitter);
    nav_->setObjectName(QStringLiteral("navigation"));
    nav_->setIconSize(QSize(24, 24));
    nav_->setMaximumWidth(200);
    nav_->setMinimumWidth(140);
    nav_->setSpacing(2);
    pages_ = new QStackedWidget(splitter);
    splitter->addWidget(nav_);
    splitter->addWidget(pages_);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({180, 1200});  // the navigation never grows past its maximum: no blank strip
    setCentralWidget(splitter);

    home_ = new HomePage(ctx_, firstRun, this);
    datasets_ = new DatasetsPage(ctx_, this);
    templates_ = new TemplatesPage(ctx_, this);
    models_ = new ModelsPage(ctx_, this);
    train_ = new TrainPage(ctx_, this);
    evaluate_ = new EvaluatePage(ctx_, this);
    compare_ = new ComparePage(ctx_, this);
    runs_ = new RunsPage(ctx_, this);
    addPage(tr("Home"), QStringLiteral("home"), home_);
    addPage(tr("Datasets"), QStringLiteral("datasets"), datasets_);
    addPage(tr("Templates"), QStringLiteral("templates"), templates_);
    addPage(tr("Models"), QStringLiteral("models"), models_);
    addPage(tr("Train"), QStringLiteral("train"), train_);
    addPage(tr("Evaluate"), QStringLiteral("evaluate"), evaluate_);
    addPage(tr("Compare"), QStringLiteral("compare"), compare_);
    addPage(tr("Runs"), QStringLiteral("runs"), runs_);
    if (datasets_->undoStack()) undo_->addStack(datasets_->undoStack());

    connect(nav_, &QListWidget::currentRowChanged, this, [this](int row) {
        pages_->setCurrentIndex(row);
        if (row == DatasetsPageIndex && datasets_->undoStack()) undo_->setActiveStack(datasets_->undoStack());
    });
    connect(ctx_, &AppContext::showPageRequested, this, &MainWindow::showPage);
    connect(ctx_, &AppContext::message, this, [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(home_, &HomePage::importDatasetRequested, this, [this] {
        showPage(DatasetsPageIndex);
        datasets_->startImport();
    });
    connect(home_, &HomePage::addModelRequested, this, [this] {
        showPage(ModelsPageIndex);
        models_->addFolder();
    });
    connect(home_, &HomePage::downloadModelRequested, this, [this] {
        showPage(ModelsPageIndex);
        models_->focusDownload();
    });

    buildMenus();
    workspaceLabel_ = new QLabel(this);
    statusBar()->addPermanentWidget(workspaceLabel_);
    statusBar()->showMessage(firstRun ? tr("A new workspace was created. Start by importing a dataset.") : tr("Ready"));
    updateTitle();

    resize(1280, 800);
    if (!restoreGeometry(Settings::windowGeometry())) resize(1280, 800);
    restoreState(Settings::windowState());
    showPage(firstRun ? HomePageIndex : qBound(0, Settings::lastPage(), PageCount - 1));
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(const QString& title, const QString& icon, QWidget* page) {
    auto* item = new QListWidgetItem(Icons::get(icon), title, nav_);
    item->setSizeHint(QSize(0, 36));
    page->setObjectName(pageKey(pages_->count()) + QStringLiteral("Page"));
    pages_->addWidget(page);
}

void MainWindow::showPage(int index) {
    if (index < 0 || index >= pages_->count()) return;
    nav_->setCurrentRow(index);
}

void MainWindow::buildMenus() {
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* newWs = file->addAction(tr("&New Workspace…"), this, &MainWindow::newWorkspace);
    newWs->setShortcut(QKeySequence::New);
    auto* openWs = file->addAction(tr("&Open Workspace…"), this, &MainWindow::openWorkspace);
    openWs->setShortcut(QKeySequence::Open);
    file->addSeparator();
    auto* importAct = file->addAction(Icons::get(QStringLiteral("import")), tr("&Import Dataset…"), this, [this] {
        showPage(DatasetsPageIndex);
        datasets_->startImport();
    });
    importAct->setShortcut(QKeySequence(tr("Ctrl+I")));
    auto* exportAct = file->addAction(tr("&Export Dataset…"), this, [this] {
        showPage(DatasetsPageIndex);
        datasets_->exportDataset();
    });
    exportAct->setShortcut(QKeySequence(tr("Ctrl+E")));
    auto* addModel = file->addAction(Icons::get(QStringLiteral("folder")), tr("Add &Model Folder…"), this, [this] {
        showPage(ModelsPageIndex);
        models_->addFolder();
    });
    addModel->setShortcut(QKeySequence(tr("Ctrl+Shift+M")));
    auto* download = file->addAction(Icons::get(QStringLiteral("download")), tr("&Download Model…"), this, [this] {
        showPage(ModelsPageIndex);
        models_->focusDownload();
    });
    file->addSeparator();
    auto* prefs = file->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    prefs->setShortcut(QKeySequence::Preferences);
    prefs->setMenuRole(QAction::PreferencesRole);
    if (prefs->shortcut().isEmpty()) prefs->setShortcut(QKeySequence(tr("Ctrl+,")));
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    auto* edit = menuBar()->addMenu(tr("&Edit"));
    auto* undoAct = undo_->createUndoAction(this, tr("&Undo"));
    undoAct->setShortcut(QKeySequence::Undo);
    auto* redoAct = undo_->createRedoAction(this, tr("&Redo"));
    redoAct->setShortcut(QKeySequence::Redo);
    edit->addAction(undoAct);
    edit->addAction(redoAct);
    edit->addSeparator();
    auto* find = edit->addAction(tr("&Find in Dataset"), this, [this] {
        showPage(DatasetsPageIndex);
        datasets_->focusSearch();
    });
    find->setShortcut(QKeySequence::Find);

    auto* view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < nav_->count(); ++i) {
        auto* a = view->addAction(nav_->item(i)->icon(), nav_->item(i)->text(), this, [this, i] { showPage(i); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tunebench"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    auto* tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setIconSize(QSize(22, 22));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(importAct);
    tools->addAction(addModel);
    tools->addAction(download);
    tools->addSeparator();
    tools->addAction(Icons::get(QStringLiteral("train")), tr("Train"), this, [this] { showPage(TrainPageIndex); });
    tools->addAction(Icons::get(QStringLiteral("evaluate")), tr("Evaluate"), this, [this] { showPage(EvaluatePageIndex); });
    tools->addAction(Icons::get(QStringLiteral("compare")), tr("Compare"), this, [this] { showPage(ComparePageIndex); });
    tools->addSeparator();
    tools->addAction(undoAct);
    tools->addAction(redoAct);
}

void MainWindow::updateTitle() {
    const QString path = ctx_->workspace() ? ctx_->workspace()->path() : QString();
    setWindowTitle(tr("Tunebench — %1").arg(QFileInfo(path).fileName()));
    workspaceLabel_->setText(QDir::toNativeSeparators(path));
}

bool MainWindow::switchWorkspace(const QString& path) {
    try {
        auto ws = tb::Workspace::open(path);
        ctx_->setWorkspace(ws);
        Settings::setWorkspacePath(ws->path());
        updateTitle();
        statusBar()->showMessage(tr("Opened workspace %1").arg(QDir::toNativeSeparators(ws->path())), 8000);
        return true;
    } catch (const std::exception& e) {
        QMessageBox::critical(this, tr("Cannot open workspace"),
                              tr("%1 could not be opened as a workspace:\n\n%2\n\nThe file was left untouched; "
                                 "choose another file.").arg(QDir::toNativeSeparators(path), QString::fromStdString(e.what())));
        return false;
    }
}

void MainWindow::openWorkspace() {
    const QString f = QFileDialog::getOpenFileName(this, tr("Open workspace"), QFileInfo(ctx_->workspace()->path()).absolutePath(),
                                                   tr("Tunebench workspace (*.tunebench);;All files (*)"));
    if (!f.isEmpty()) switchWorkspace(f);
}

void MainWindow::newWorkspace() {
    QString f = QFileDialog::getSaveFileName(this, tr("New workspace"), QFileInfo(ctx_->workspace()->path()).absolutePath(),
                                             tr("Tunebench workspace (*.tunebench)"));
    if (f.isEmpty()) return;
    if (!f.endsWith(QStringLiteral(".tunebench"))) f += QStringLiteral(".tunebench");
    if (QFileInfo::exists(f)) {
        QMessageBox::warning(this, tr("New workspace"), tr("%1 already exists; use Open Workspace to open it.").arg(f));
        return;
    }
    if (switchWorkspace(f)) showPage(HomePageIndex);
}

void MainWindow::showPreferences() {
    SettingsDialog dlg(ctx_->workspace()->path(), this);
    if (dlg.exec() != QDialog::Accepted) return;
    if (dlg.language() != Settings::language()) {
        Settings::setLanguage(dlg.language());
        statusBar()->showMessage(tr("The new language takes effect when Tunebench starts again."), 8000);
    }
    if (!dlg.workspacePath().isEmpty() && QFileInfo(dlg.workspacePath()) != QFileInfo(ctx_->workspace()->path()))
        switchWorkspace(dlg.workspacePath());
}

void MainWindow::closeEvent(QCloseEvent* e) {
    if (!train_->confirmClose()) {
        e->ignore();
        return;
    }
    Settings::setWindow(saveGeometry(), saveState());
    Settings::setLastPage(pages_->currentIndex());
    QMainWindow::closeEvent(e);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Tunebench"),
                       tr("<h3>Tunebench %1</h3><p>A native workbench for fine-tuning language models.</p><pre>%2</pre>")
                           .arg(QStringLiteral(TUNEBENCH_VERSION), QString::fromStdString(tb::cli::versionReport()).toHtmlEscaped()));
}

} } // namespace tb::ui
