#include "ui/app/MainWindow.h"

#include "cli/Cli.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>

namespace tb::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("Tunebench"));
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    nav_ = new QListWidget(central);
    nav_->setMaximumWidth(180);
    pages_ = new QStackedWidget(central);
    layout->addWidget(nav_);
    layout->addWidget(pages_, 1);
    setCentralWidget(central);

    const QStringList titles = {tr("Datasets"), tr("Templates"), tr("Models"), tr("Train"),
                                tr("Evaluate"), tr("Compare"),   tr("Runs")};
    for (const QString& t : titles) {
        auto* placeholder = new QLabel(tr("%1 — coming as its engine lands").arg(t));
        placeholder->setAlignment(Qt::AlignCenter);
        addPage(t, placeholder);
    }
    connect(nav_, &QListWidget::currentRowChanged, pages_, &QStackedWidget::setCurrentIndex);
    nav_->setCurrentRow(0);

    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    auto* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Tunebench"), this, &MainWindow::showAbout);
    statusBar()->showMessage(tr("Ready"));
    resize(1100, 720);
}

void MainWindow::addPage(const QString& title, QWidget* page) {
    nav_->addItem(title);
    pages_->addWidget(page);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Tunebench"),
                       tr("<h3>Tunebench %1</h3><p>A native workbench for fine-tuning language models.</p><pre>%2</pre>")
                           .arg(QStringLiteral(TUNEBENCH_VERSION), QString::fromStdString(tb::cli::versionReport()).toHtmlEscaped()));
}

} // namespace tb::ui
