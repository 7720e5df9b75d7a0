// The desktop application driven through its real widgets on the offscreen platform, against a
// fresh workspace: navigation and settings, the import wizard over ImportJob (with a bad record),
// editing with undo/redo, search, the template editor's live preview and inline errors, the
// instruction-set builder (BuildJob) with its token histogram, adding a model folder, a tiny
// training run on stories260K whose points reach the plot while the event loop keeps ticking,
// then a short run that completes, the Evaluate page (EvalJob: base vs the run's adapter, chart,
// per-example table, exports, reopening the stored evaluation) and the Compare page
// (GenerateJob: two columns streaming, Stop, and what happens with too few models).
#include "ui/app/AppContext.h"
#include "ui/app/MainWindow.h"
#include "ui/app/PageIndex.h"
#include "ui/compare/ComparePage.h"
#include "ui/datasets/DatasetTableModel.h"
#include "ui/datasets/DatasetsPage.h"
#include "ui/datasets/ImportWizard.h"
#include "ui/evaluate/EvalResultsView.h"
#include "ui/evaluate/EvaluatePage.h"
#include "ui/models/ModelsPage.h"
#include "ui/plots/HistogramPlot.h"
#include "ui/plots/LossPlot.h"
#include "ui/runs/RunsPage.h"
#include "ui/templates/InstructionSetBuilder.h"
#include "ui/templates/TemplateEditor.h"
#include "ui/templates/TemplatesPage.h"
#include "ui/training/TrainConfigForm.h"
#include "ui/training/TrainPage.h"
#include "ui/widgets/GenerationSettings.h"
#include "ui/widgets/ModelPicker.h"
#include "workspace/DatasetRepository.h"
#include "workspace/EvaluationRepository.h"
#include "workspace/InstructionSetRepository.h"
#include "workspace/RunRepository.h"
#include "workspace/Workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace tb::ui;

class TestUiApp : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<AppContext> ctx_;
    std::unique_ptr<MainWindow> win_;
    int badLine_ = 0;

    static QString shared(const QString& rel) { return QDir(QStringLiteral(TB_SHARED_DIR)).filePath(rel); }

    void writeFile(const QString& path, const QByteArray& data) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }

    // A small DialogSum-shaped CSV: the first rows of the real data when ../shared is present.
    QString makeDialogCsv(int rows, bool withBadRecord) {
        QByteArray csv = "id,dialogue,summary\n";
        QFile src(shared(QStringLiteral("datasets/dialogsum/train.jsonl")));
        int n = 0;
        if (src.open(QIODevice::ReadOnly)) {
            while (n < rows && !src.atEnd()) {
                const auto j = nlohmann::json::parse(src.readLine().toStdString());
                auto q = [](std::string s) {
                    std::string o = "\"";
                    for (char c : s) o += c == '"' ? std::string("\"\"") : std::string(1, c);
                    return o + "\"";
                };
                csv += QByteArray::number(n) + "," + QByteArray::fromStdString(q(j["dialogue"])) + "," +
                       QByteArray::fromStdString(q(j["summary"])) + "\n";
                ++n;
            }
        }
        for (; n < rows; ++n)
            csv += QByteArray::number(n) + ",\"#Person1#: Hello " + QByteArray::number(n) +
                   ".\n#Person2#: Hi, how are you?\",\"Two people greet each other.\"\n";
        badLine_ = int(csv.count('\n')) + 1;   // physical line: the dialogues span several lines
        if (withBadRecord) csv += "999,only two fields\n";
        const QString path = dir_.filePath(QStringLiteral("dialogs.csv"));
        writeFile(path, csv);
        return path;
    }

    // Unchecks everything in a model picker, then checks the first base model and/or the
    // newest run's adapter; returns how many entries are checked.
    static int checkEntries(ModelPicker* picker, bool base, bool run) {
        picker->refresh();
        int firstBase = -1, lastRun = -1;
        for (int i = 0; i < picker->count(); ++i) {
            picker->item(i)->setCheckState(Qt::Unchecked);
            const bool isRun = !picker->item(i)->data(Qt::UserRole + 1).toString().isEmpty();
            if (isRun) lastRun = i;
            else if (firstBase < 0) firstBase = i;
        }
        if (base && firstBase >= 0) picker->item(firstBase)->setCheckState(Qt::Checked);
        if (run && lastRun >= 0) picker->item(lastRun)->setCheckState(Qt::Checked);
        return int(picker->checked().size());
    }

    static QString readText(const QString& path) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) return QString();
        return QString::fromUtf8(f.readAll());
    }

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("TunebenchTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tunebench-ui-test"));
        QSettings().clear();
        QVERIFY(dir_.isValid());
        ctx_ = std::make_unique<AppContext>(tb::Workspace::open(dir_.filePath(QStringLiteral("ws.tunebench"))));
        win_ = std::make_unique<MainWindow>(ctx_.get(), true);
        win_->show();
        QVERIFY(QTest::qWaitForWindowExposed(win_.get()));
    }

    void cleanupTestCase() {
        win_.reset();
        ctx_.reset();
    }

    void navigatesAndRemembersTheWindow() {
        QCOMPARE(win_->pages()->count(), int(PageCount));
        QCOMPARE(win_->pages()->currentIndex(), int(HomePageIndex));   // first run shows what to do next
        QTest::keyClick(win_.get(), Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(win_->pages()->currentIndex(), int(ModelsPageIndex));
        win_->navigation()->setCurrentRow(RunsPageIndex);
        QCOMPARE(win_->pages()->currentWidget(), static_cast<QWidget*>(win_->runsPage()));
        win_->resize(1111, 777);
        QVERIFY(win_->close());
        QCOMPARE(QSettings().value(QStringLiteral("window/page")).toInt(), int(RunsPageIndex));
        QVERIFY(!QSettings().value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
        win_->show();
        win_->showPage(DatasetsPageIndex);
    }

    void importsAFileWithTheWizard() {
        const QString csv = makeDialogCsv(60, true);
        ImportWizard wizard(ctx_->workspace(), csv, win_.get());
        wizard.show();
        QCOMPARE(wizard.nameEdit()->text(), QStringLiteral("dialogs"));
        wizard.next();
        QCOMPARE(wizard.mappingTable()->rowCount(), 3);
        QVERIFY(wizard.previewTable()->rowCount() > 0);
        QCOMPARE(wizard.previewTable()->columnCount(), 3);
        // drop the id field and rename summary -> target: the preview follows
        wizard.mappingTable()->item(0, 0)->setCheckState(Qt::Unchecked);
        wizard.mappingTable()->item(2, 1)->setText(QStringLiteral("summary"));
        QCOMPARE(wizard.previewTable()->columnCount(), 2);
        wizard.next();
        // all-or-nothing: the bad record stops the import and nothing is stored
        QSignalSpy imported(&wizard, &ImportWizard::datasetImported);
        QTest::mouseClick(wizard.importButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.importButton()->isEnabled(), 20000);
        QVERIFY(imported.isEmpty());
        QVERIFY2(wizard.reportView()->toPlainText().contains(QStringLiteral(":")), qPrintable(wizard.reportView()->toPlainText()));
        QVERIFY(!tb::DatasetRepository(ctx_->workspace()).find(QStringLiteral("dialogs")));
        // skip bad records: imported, and the report lists the bad one with its line
        wizard.skipBadCheck()->setChecked(true);
        QTest::mouseClick(wizard.importButton(), Qt::LeftButton);
        QVERIFY(imported.wait(20000));
        const auto info = tb::DatasetRepository(ctx_->workspace()).find(QStringLiteral("dialogs"));
        QVERIFY(info);
        QCOMPARE(info->rowCount, qint64(60));
        QCOMPARE(info->columns, QStringList({QStringLiteral("dialogue"), QStringLiteral("summary")}));
        QVERIFY2(wizard.reportView()->toPlainText().contains(QString::number(badLine_)),   // the bad record's line
                 qPrintable(QStringLiteral("line %1 not in: %2").arg(badLine_).arg(wizard.reportView()->toPlainText())));
    }

    void editsWithUndoAndRedo() {
        DatasetsPage* page = win_->datasetsPage();
        page->reload();
        page->selectDataset(QStringLiteral("dialogs"));
        DatasetTableModel* model = page->model();
        QCOMPARE(model->datasetName(), QStringLiteral("dialogs"));
        QCOMPARE(model->rowCount(), 60);
        tb::DatasetRepository repo(ctx_->workspace());
        const auto before = repo.row(QStringLiteral("dialogs"), 3);
        const QModelIndex cell = model->index(3, 1);
        QVERIFY(model->setData(cell, QStringLiteral("An edited summary."), Qt::EditRole));
        QCOMPARE(repo.row(QStringLiteral("dialogs"), 3)["summary"].get<std::string>(), std::string("An edited summary."));
        QCOMPARE(model->data(cell, Qt::DisplayRole).toString(), QStringLiteral("An edited summary."));
        page->undoStack()->undo();
        QCOMPARE(repo.row(QStringLiteral("dialogs"), 3), before);
        QCOMPARE(model->data(cell, Qt::EditRole).toString(), QString::fromStdString(before["summary"].get<std::string>()));
        page->undoStack()->redo();
        QCOMPARE(repo.row(QStringLiteral("dialogs"), 3)["summary"].get<std::string>(), std::string("An edited summary."));
        page->undoStack()->undo();

        // add a row, delete two, undo both
        page->table()->setCurrentIndex(model->index(9, 0));
        page->addRow();
        QCOMPARE(repo.find(QStringLiteral("dialogs"))->rowCount, qint64(61));
        QCOMPARE(repo.row(QStringLiteral("dialogs"), 10)["summary"].get<std::string>(), std::string());
        model->deleteRows({0, 5});
        QCOMPARE(model->rowCount(), 59);
        page->undoStack()->undo();
        page->undoStack()->undo();
        QCOMPARE(repo.find(QStringLiteral("dialogs"))->rowCount, qint64(60));
        QCOMPARE(repo.row(QStringLiteral("dialogs"), 3), before);

        // search filters the view and maps rows back to the dataset
        model->setFilter(QStringLiteral("Person2"));
        QVERIFY(model->rowCount() > 0 && model->rowCount() <= 60);
        model->setFilter(QStringLiteral("no row has this text 12345"));
        QCOMPARE(model->rowCount(), 0);
        model->setFilter(QString());
        QCOMPARE(model->rowCount(), 60);
    }

    void previewsATemplateAndShowsErrors() {
        TemplateEditor* editor = win_->templatesPage()->editor();
        editor->refreshDatasets();
        QVERIFY(editor->selectBuiltin(QStringLiteral("dialogsum.summarise.1")));
        editor->setPreviewDataset(QStringLiteral("dialogs"), 2);
        const auto row = tb::DatasetRepository(ctx_->workspace()).row(QStringLiteral("dialogs"), 2);
        QVERIFY(editor->renderedPrompt()->toPlainText().contains(QString::fromStdString(row["dialogue"].get<std::string>()).left(20)));
        QCOMPARE(editor->renderedCompletion()->toPlainText(), QString::fromStdString(row["summary"].get<std::string>()));
        editor->promptEdit()->setPlainText(QStringLiteral("{dialogue}\nTopic: {topic}"));
        editor->renderPreview();
        QVERIFY2(editor->errorLabel()->text().contains(QStringLiteral("topic")), qPrintable(editor->errorLabel()->text()));
        QVERIFY(editor->renderedPrompt()->toPlainText().isEmpty());
    }

    void addsAModelFolder() {
        const QString model = shared(QStringLiteral("models/stories260K"));
        if (!QFileInfo::exists(model)) QSKIP("../shared/models/stories260K is absent");
        ModelsPage* page = win_->modelsPage();
        QString error;
        QVERIFY2(page->addFolderPath(model, &error), qPrintable(error));
        QCOMPARE(page->modelList()->count(), 1);
        QVERIFY(page->details()->text().contains(QStringLiteral("LlamaForCausalLM")));
        QString bad;
        QVERIFY(!page->addFolderPath(dir_.path(), &bad));
        QVERIFY(!bad.isEmpty());
    }

    void buildsAnInstructionSet() {
        InstructionSetBuilder* b = win_->templatesPage()->builder();
        b->refresh();
        b->checkDataset(QStringLiteral("dialogs"));
        b->checkTemplate(QStringLiteral("dialogue_summarisation"));
        b->nameEdit()->setText(QStringLiteral("dialogs-flan"));
        QSignalSpy built(b, &InstructionSetBuilder::built), hist(b, &InstructionSetBuilder::histogramReady);
        QTest::mouseClick(b->buildButton(), Qt::LeftButton);
        QVERIFY(built.wait(30000));
        const auto info = tb::InstructionSetRepository(ctx_->workspace()).find(QStringLiteral("dialogs-flan"));
        QVERIFY(info);
        QCOMPARE(info->train + info->validation + info->test, qint64(60));
        if (b->tokenizerCombo()->currentData().toString().isEmpty()) QSKIP("no model to count tokens with (../shared absent)");
        // (a count for the previously selected set may arrive first)
        QTRY_COMPARE_WITH_TIMEOUT(hist.isEmpty() ? -1 : hist.last().first().toInt(), 60, 30000);
        QVERIFY(b->histogram()->binCount() > 0);
    }

    void trainsAndPlotsWithoutStallingTheEventLoop() {
        if (!QFileInfo::exists(shared(QStringLiteral("models/stories260K")))) QSKIP("../shared/models/stories260K is absent");
        TrainPage* page = win_->trainPage();
        win_->showPage(TrainPageIndex);
        TrainConfigForm* form = page->form();
        form->refresh();
        QVERIFY(form->problem().isEmpty());
        QVERIFY(form->targetList()->count() > 0);   // from the model's own module names
        QVERIFY(form->estimateLabel()->text().contains(QStringLiteral("%")));
        // Gradient checkpointing, for every layer or the first N: the config and the memory estimate follow.
        {
            const QString plainText = form->estimateLabel()->text();
            QVERIFY(!form->checkpointLayersSpin()->isEnabled());
            form->checkpointingBox()->setChecked(true);
            QVERIFY(form->checkpointLayersSpin()->isEnabled());
            QCOMPARE(form->checkpointLayersSpin()->value(), 0);   // "all"
            QVERIFY(form->estimateLabel()->text() != plainText);
            form->checkpointLayersSpin()->setValue(1);
            auto c = form->config();
            QCOMPARE(c["gradient_checkpointing"].get<bool>(), true);
            QCOMPARE(c["checkpoint_layers"].get<int64_t>(), int64_t{1});
            const auto& est = form->estimator();
            const auto method = c["method"];
            const int64_t none = est.estimate(method, 4, 256, QStringLiteral("fp32"), 0).memoryBytes;
            const int64_t one = est.estimate(method, 4, 256, QStringLiteral("fp32"), 1).memoryBytes;
            const int64_t all = est.estimate(method, 4, 256, QStringLiteral("fp32"), est.layerCount()).memoryBytes;
            QVERIFY2(all < one && one < none, qPrintable(QStringLiteral("%1 %2 %3").arg(all).arg(one).arg(none)));
            form->checkpointingBox()->setChecked(false);
            QCOMPARE(form->config()["checkpoint_layers"].get<int64_t>(), int64_t{0});
            QCOMPARE(form->estimateLabel()->text(), plainText);
        }
        form->rankCombo()->setCurrentText(QStringLiteral("4"));
        form->maxStepsSpin()->setValue(400);
        form->batchSpin()->setValue(2);
        form->seqLenSpin()->setValue(128);
        form->evalEverySpin()->setValue(5);

        // the event loop keeps ticking while the job trains
        QElapsedTimer clock;
        qint64 last = 0, maxGap = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            maxGap = std::max(maxGap, now - last);
            last = now;
        });
        QSignalSpy finished(page, &TrainPage::runFinished), failed(page, &TrainPage::runFailed);
        clock.start();
        ticker.start();
        QTest::mouseClick(page->startButton(), Qt::LeftButton);
        QVERIFY(page->isTraining());
        QTRY_VERIFY_WITH_TIMEOUT(page->lossPlot()->plottedTrainPoints() >= 5 || !failed.isEmpty(), 120000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QVERIFY(page->progressBar()->value() > 0);
        // pause, continue, then stop (cancel)
        QTest::mouseClick(page->pauseButton(), Qt::LeftButton);
        QCOMPARE(page->pauseButton()->text(), tr("&Continue"));
        QTest::qWait(300);
        QTest::mouseClick(page->pauseButton(), Qt::LeftButton);
        QTest::mouseClick(page->stopButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000) || !finished.isEmpty() || !failed.isEmpty());
        ticker.stop();
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QCOMPARE(finished.first().at(1).toString(), QStringLiteral("cancelled"));
        qInfo("longest gap between 10 ms timer ticks while training: %lld ms", maxGap);
        QVERIFY2(maxGap < 100, qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(maxGap)));
        QVERIFY(page->startButton()->isEnabled());

        // the run is in the workspace and on the Runs page
        const auto runs = tb::RunRepository(ctx_->workspace()).list();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().status, QStringLiteral("cancelled"));
        win_->runsPage()->reload();
        QCOMPARE(win_->runsPage()->runTable()->rowCount(), 1);
    }
    // A short run that completes, so that the workspace has an adapter to evaluate and compare.
    void trainsAnAdapterToCompletion() {
        if (!QFileInfo::exists(shared(QStringLiteral("models/stories260K")))) QSKIP("../shared/models/stories260K is absent");
        TrainPage* page = win_->trainPage();
        win_->showPage(TrainPageIndex);
        TrainConfigForm* form = page->form();
        form->maxStepsSpin()->setValue(4);
        QVERIFY2(form->problem().isEmpty(), qPrintable(form->problem()));
        QSignalSpy finished(page, &TrainPage::runFinished), failed(page, &TrainPage::runFailed);
        QTest::mouseClick(page->startButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 120000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QCOMPARE(finished.first().at(1).toString(), QStringLiteral("completed"));
        const auto run = tb::RunRepository(ctx_->workspace()).find(finished.first().at(0).toLongLong());
        QVERIFY(run);
        QVERIFY(QFileInfo::exists(QDir(run->adapterPath).filePath(QStringLiteral("adapter_config.json"))));
    }

    void evaluatesTheBaseAgainstTheAdapter() {
        if (!QFileInfo::exists(shared(QStringLiteral("models/stories260K")))) QSKIP("../shared/models/stories260K is absent");
        EvaluatePage* page = win_->evaluatePage();
        win_->showPage(EvaluatePageIndex);
        page->refresh();
        QVERIFY(!page->findChild<QLabel*>(QStringLiteral("pendingBanner")));

        // nothing checked: a message on the page, nothing starts
        QCOMPARE(checkEntries(page->modelPicker(), false, false), 0);
        QTest::mouseClick(page->evaluateButton(), Qt::LeftButton);
        QVERIFY(!page->isEvaluating());
        QVERIFY(!page->statusLabel()->text().isEmpty());

        QCOMPARE(checkEntries(page->modelPicker(), true, true), 2);
        const int set = page->instructionSetCombo()->findData(QStringLiteral("dialogs-flan"));
        QVERIFY(set >= 0);
        page->instructionSetCombo()->setCurrentIndex(set);
        page->limitSpin()->setValue(4);
        page->batchSpin()->setValue(4);
        page->deviceCombo()->setCurrentIndex(page->deviceCombo()->findData(QStringLiteral("cpu")));
        page->generationSettings()->maxNewTokensSpin()->setValue(8);
        QSignalSpy done(page, &EvaluatePage::evaluationFinished), failed(page, &EvaluatePage::evaluationFailed);
        QTest::mouseClick(page->evaluateButton(), Qt::LeftButton);
        QVERIFY(page->isEvaluating());
        QVERIFY(page->cancelButton()->isEnabled());
        QVERIFY(!page->evaluateButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty() || !failed.isEmpty(), 300000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QVERIFY(!page->isEvaluating());
        QCOMPARE(done.first().at(1).toBool(), false);
        const qint64 id = done.first().at(0).toLongLong();
        QVERIFY(id > 0);
        QCOMPARE(page->progressBar()->value(), page->progressBar()->maximum());

        // the chart: one bar set per model, each with ROUGE-1/2/L/Lsum and BLEU/100 in [0, 1]
        EvalResultsView* view = page->results();
        QCOMPARE(view->chartSeries().size(), 2);
        QVERIFY(page->findChild<QWidget*>(QStringLiteral("scoreChart")));
        for (const auto& values : view->chartValues()) {
            QCOMPARE(values.size(), 5);
            for (double v : values) QVERIFY(v >= 0 && v <= 1);
        }
        // the per-example table: #, prompt, reference, two outputs, two ROUGE-L, the gain
        auto* table = page->findChild<QTableWidget*>(QStringLiteral("evalExamples"));
        QVERIFY(table);
        const auto setInfo = tb::InstructionSetRepository(ctx_->workspace()).find(QStringLiteral("dialogs-flan"));
        QVERIFY(setInfo);
        QCOMPARE(table->rowCount(), int(std::min<qint64>(4, setInfo->test)));
        QCOMPARE(table->columnCount(), 3 + 2 + 2 + 1);
        QVERIFY(table->isSortingEnabled());
        QCOMPARE(table->item(0, 5)->data(Qt::DisplayRole).typeId(), int(QMetaType::Double));
        QVERIFY(!page->findChild<QLabel*>(QStringLiteral("evalSummary"))->text().isEmpty());

        // every prediction is in the workspace and in both exports
        const auto preds = tb::EvaluationRepository(ctx_->workspace()).predictions(id);
        const int n = table->rowCount();
        QCOMPARE(int(preds.size()), 2 * n);
        const QString csv = dir_.filePath(QStringLiteral("eval.csv")), json = dir_.filePath(QStringLiteral("eval.json"));
        const QString png = dir_.filePath(QStringLiteral("chart.png")), pdf = dir_.filePath(QStringLiteral("chart.pdf"));
        QString error;
        QVERIFY2(page->exportCsv(csv, &error), qPrintable(error));
        QVERIFY2(page->exportJson(json, &error), qPrintable(error));
        QVERIFY2(page->saveChart(png, &error), qPrintable(error));
        QVERIFY2(page->saveChart(pdf, &error), qPrintable(error));
        QVERIFY(QFileInfo(png).size() > 0);
        QVERIFY(QFileInfo(pdf).size() > 0);
        const QString csvText = readText(csv);
        QVERIFY(csvText.startsWith(QStringLiteral("index,prompt,reference,")));
        QCOMPARE(csvText.count(QStringLiteral("\r\n")) >= n + 1, true);
        const auto j = nlohmann::json::parse(readText(json).toStdString(), nullptr, false);
        QVERIFY(!j.is_discarded());
        QCOMPARE(j["evaluation_id"].get<qint64>(), id);
        QCOMPARE(j["models"].size(), size_t(2));
        QCOMPARE(j["examples"].size(), size_t(n));
        for (const auto& p : preds) {
            bool found = false;
            for (const auto& ex : j["examples"])
                if (ex["index"].get<qint64>() == p.exampleIdx)
                    found = ex["predictions"][p.modelLabel].get<std::string>() == p.prediction;
            QVERIFY2(found, p.prediction.c_str());
            QString quoted = QString::fromStdString(p.prediction);
            quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
            QVERIFY(csvText.contains(quoted));
        }

        // a page opened later shows the newest stored evaluation
        EvaluatePage fresh(ctx_.get());
        QCOMPARE(fresh.results()->results().evaluationId, id);
        QCOMPARE(fresh.results()->chartSeries().size(), 2);
        QCOMPARE(fresh.results()->table()->rowCount(), table->rowCount());
    }

    void comparesModelsSideBySide() {
        if (!QFileInfo::exists(shared(QStringLiteral("models/stories260K")))) QSKIP("../shared/models/stories260K is absent");
        ComparePage* page = win_->comparePage();
        win_->showPage(ComparePageIndex);
        QVERIFY(page->findChild<QPlainTextEdit*>(QStringLiteral("comparePrompt")));
        QVERIFY(page->findChild<QListWidget*>(QStringLiteral("compareModels")));

        // one model checked: a message, nothing starts
        QCOMPARE(checkEntries(page->modelPicker(), true, false), 1);
        page->promptEdit()->setPlainText(QStringLiteral("Once upon a time"));
        auto* generate = page->findChild<QPushButton*>(QStringLiteral("compareGenerate"));
        QVERIFY(generate);
        QVERIFY(generate->isEnabled());
        QTest::mouseClick(generate, Qt::LeftButton);
        QVERIFY(!page->isGenerating());
        QVERIFY(page->outputs().isEmpty());
        QVERIFY(!page->messageLabel()->text().isEmpty());
        // two models but no prompt: a message, nothing starts
        QCOMPARE(checkEntries(page->modelPicker(), true, true), 2);
        page->promptEdit()->clear();
        page->messageLabel()->clear();
        QTest::mouseClick(generate, Qt::LeftButton);
        QVERIFY(!page->isGenerating());
        QVERIFY(page->outputs().isEmpty());
        QVERIFY(!page->messageLabel()->text().isEmpty());

        // both models answer, each in its own column
        page->promptEdit()->setPlainText(QStringLiteral("Once upon a time"));
        page->generationSettings()->maxNewTokensSpin()->setValue(16);
        QSignalSpy finished(page, &ComparePage::generationFinished), failed(page, &ComparePage::generationFailed);
        QTest::mouseClick(generate, Qt::LeftButton);
        QVERIFY(page->isGenerating());
        QCOMPARE(page->outputs().size(), 2);
        QVERIFY(page->findChild<QPlainTextEdit*>(QStringLiteral("compareOutput0")));
        QVERIFY(page->findChild<QPlainTextEdit*>(QStringLiteral("compareOutput1")));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 120000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!page->isGenerating());
        for (auto* out : page->outputs()) QVERIFY2(!out->toPlainText().isEmpty(), qPrintable(out->objectName()));
        for (auto* status : page->columnStatus()) QVERIFY(!status->text().isEmpty());

        // again, and Stop at once: the columns are rebuilt and the job ends cancelled
        page->generationSettings()->maxNewTokensSpin()->setValue(400);
        QTest::mouseClick(generate, Qt::LeftButton);
        QVERIFY(page->isGenerating());
        QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("compareStop")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() + failed.size() >= 2, 120000);
        QVERIFY(failed.isEmpty());
        QCOMPARE(finished.last().first().toBool(), true);
        QCOMPARE(page->findChildren<QPlainTextEdit*>(QStringLiteral("compareOutput0")).size(), 1);
        QVERIFY(generate->isEnabled());
    }
};

QTEST_MAIN(TestUiApp)
#include "test_ui_app.moc"
