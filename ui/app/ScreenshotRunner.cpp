#include "ui/app/ScreenshotRunner.h"

#include "ui/app/MainWindow.h"
#include "ui/app/PageIndex.h"
#include "ui/compare/ComparePage.h"
#include "ui/widgets/GenerationSettings.h"
#include "ui/widgets/ModelPicker.h"
#include "ui/models/ModelsPage.h"
#include "ui/templates/TemplateEditor.h"
#include "ui/templates/TemplatesPage.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTimer>

#include <cstdio>

namespace tb { namespace ui {

ScreenshotRunner::ScreenshotRunner(MainWindow* window, QString dir, QObject* parent)
    : QObject(parent), window_(window), dir_(std::move(dir)) {}

void ScreenshotRunner::start() {
    QDir().mkpath(dir_);
    window_->resize(1400, 900);
    // scripts/screenshots.sh registers its model through the Models page's own code path
    const QString model = qEnvironmentVariable("TB_SCREENSHOT_MODEL");
    if (!model.isEmpty()) {
        QString error;
        if (!window_->modelsPage()->addFolderPath(model, &error)) std::fprintf(stderr, "tunebench: %s\n", qPrintable(error));
    }
    window_->templatesPage()->editor()->selectBuiltin(QStringLiteral("dialogsum.summarise.1"));
    // Preview on the training split: its rows have the 'summary' field the template reads.
    if (auto* preview = window_->templatesPage()->findChild<QComboBox*>(QStringLiteral("previewDataset"))) {
        const int train = preview->findText(QStringLiteral("dialogsum_train"), Qt::MatchStartsWith);
        if (train >= 0) preview->setCurrentIndex(train);
    }
    // Compare: the base model and the newest tuned run side by side on one dialogue.
    if (ComparePage* compare = window_->comparePage()) {
        ModelPicker* picker = compare->modelPicker();
        picker->refresh();
        int base = -1, run = -1;
        for (int i = 0; i < picker->count(); ++i) {
            if (picker->item(i)->data(Qt::UserRole + 1).toString().isEmpty()) {
                if (base < 0) base = i;
            } else {
                run = i;
            }
        }
        if (base >= 0 && run >= 0) {
            picker->item(base)->setCheckState(Qt::Checked);
            picker->item(run)->setCheckState(Qt::Checked);
            compare->promptEdit()->setPlainText(qEnvironmentVariable(
                "TB_SCREENSHOT_PROMPT",
                QStringLiteral("#Person1#: Have you finished the report?\n#Person2#: Almost, I need one more hour.\n\n"
                               "Summarize the conversation above.")));
            compare->generationSettings()->maxNewTokensSpin()->setValue(48);
            compare->generate();
        }
    }
    // Let the pages load what they show (background work finishes within this time in practice;
    // the timer only paces the grabs).
    QTimer::singleShot(1500, this, &ScreenshotRunner::next);
}

void ScreenshotRunner::next() {
    if (page_ >= 0) {
        const QPixmap shot = window_->grab();
        const QString file = QDir(dir_).filePath(MainWindow::pageKey(page_) + QStringLiteral(".png"));
        if (!shot.save(file)) std::fprintf(stderr, "tunebench: could not write %s\n", qPrintable(file));
        if (page_ == EvaluatePageIndex) shot.save(QDir(dir_).filePath(QStringLiteral("main.png")));
    }
    ++page_;
    if (page_ >= PageCount) {
        QApplication::quit();
        return;
    }
    window_->showPage(page_);
    QTimer::singleShot(900, this, &ScreenshotRunner::next);
}

} } // namespace tb::ui
