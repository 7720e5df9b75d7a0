// Evaluations in the workspace: the repository round trip, run ids resolved through the runs
// table, runEvaluation storing every prediction (and a forgetting task), the EvalJob's signals,
// and `tunebench eval` on the command line (JSON lines, usage errors).
#include "jobs/EvalJob.h"
#include "util/Error.h"
#include "workspace/EvaluationRepository.h"
#include "workspace/RunRepository.h"
#include "workspace/Workspace.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

using namespace tb;

class TestEvalWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void repositoryRoundTrip();
    void runIdsResolve();
    void runEvaluationStores();
    void evalJobSignals();
    void cliJson();
    void cliUsageErrors();

private:
    QTemporaryDir dir_;
    QString model_;
    std::string dataFile_, forgetFile_;
    bool haveModel_ = false;
};

void TestEvalWorkspace::initTestCase() {
    model_ = QStringLiteral(TB_SHARED_DIR "/models/stories260K");
    haveModel_ = QFile::exists(model_ + QStringLiteral("/model.safetensors"));
    dataFile_ = dir_.filePath(QStringLiteral("data.jsonl")).toStdString();
    forgetFile_ = dir_.filePath(QStringLiteral("forget.jsonl")).toStdString();
    std::ofstream(dataFile_) << R"({"prompt": "Once upon a time", "completion": " there was a girl."})" "\n"
                             << R"({"prompt": "The cat", "references": ["sat on the mat.", "was happy."]})" "\n"
                             << R"({"prompt": "Lily went", "completion": " to the park."})" "\n";
    std::ofstream(forgetFile_) << R"({"prompt": "Tom and Sue", "completion": " played ball."})" "\n";
}

void TestEvalWorkspace::repositoryRoundTrip() {
    auto ws = Workspace::open(dir_.filePath(QStringLiteral("repo.tunebench")));
    EvaluationRepository repo(ws);
    const qint64 id = repo.create(QStringLiteral("t"), {{"task", "primary"}});
    repo.addPredictions(id, {{"base", 0, "p0", {"r0", "r0b"}, "pred0", {{"rougeL", {{"fmeasure", 0.5}}}}},
                             {"base", 1, "p1", {"r1"}, "pred1", nlohmann::json::object()},
                             {"tuned", 0, "p0", {"r0"}, "better \xE2\x9C\x93", {{"rougeL", {{"fmeasure", 0.9}}}}}});
    repo.finish(id, QStringLiteral("finished"), {{"models", {{"base", {{"count", 2}}}}}});
    const auto e = repo.find(id);
    QVERIFY(e.has_value());
    QCOMPARE(e->status, QStringLiteral("finished"));
    QCOMPARE(e->aggregates["models"]["base"]["count"].get<int>(), 2);
    QCOMPARE(e->config["task"].get<std::string>(), std::string("primary"));
    const auto all = repo.predictions(id);
    QCOMPARE(all.size(), size_t(3));
    const auto tuned = repo.predictions(id, "tuned");
    QCOMPARE(tuned.size(), size_t(1));
    QCOMPARE(tuned[0].prediction, std::string("better \xE2\x9C\x93"));
    QCOMPARE(all[0].references.size(), size_t(2));
    QCOMPARE(tuned[0].scores["rougeL"]["fmeasure"].get<double>(), 0.9);
    QCOMPARE(repo.list().size(), 1);
    repo.remove(id);
    QVERIFY(repo.predictions(id).empty());
}

void TestEvalWorkspace::runIdsResolve() {
    if (!haveModel_) QSKIP("../shared/models/stories260K is absent");
    auto ws = Workspace::open(dir_.filePath(QStringLiteral("runs.tunebench")));
    RunRepository runs(ws);
    const qint64 id = runs.create({{"method", "full"}}, QStringLiteral("myrun"), model_, QStringLiteral("full"));
    runs.setPaths(id, model_, QString());
    const auto specs = resolveModelArguments({"base", std::to_string(id), "run:" + std::to_string(id), model_.toStdString()}, ws);
    QCOMPARE(specs.size(), size_t(4));
    QCOMPARE(QString::fromStdString(specs[1].kind), QStringLiteral("model"));
    QVERIFY(QString::fromStdString(specs[1].label).startsWith(QStringLiteral("run")));
    QVERIFY(specs[1].label != specs[2].label);   // labels are made unique
    bool threw = false;
    try {
        resolveModelArguments({"999"}, ws);
    } catch (const UsageError& e) {
        threw = QString::fromUtf8(e.what()).contains(QStringLiteral("no run with id 999"));
    }
    QVERIFY(threw);
}

void TestEvalWorkspace::runEvaluationStores() {
    if (!haveModel_) QSKIP("../shared/models/stories260K is absent");
    auto ws = Workspace::open(dir_.filePath(QStringLiteral("eval.tunebench")));
    EvalJobParams p;
    p.workspace = ws;
    p.modelDir = model_.toStdString();
    p.models = {"base", model_.toStdString()};
    p.dataFile = dataFile_;
    p.forgettingFile = forgetFile_;
    p.options.device = "cpu";
    p.options.maxNewTokens = 8;
    const EvalJobResult r = runEvaluation(p);
    QVERIFY(r.evaluationId > 0 && r.forgettingEvaluationId > 0);
    EvaluationRepository repo(ws);
    const auto e = repo.find(r.evaluationId);
    QCOMPARE(e->status, QStringLiteral("finished"));
    QCOMPARE(e->aggregates["models"].size(), size_t(2));
    QVERIFY(e->aggregates["deltas"].contains("stories260K"));
    QCOMPARE(repo.predictions(r.evaluationId).size(), size_t(6));   // 3 examples x 2 models
    QCOMPARE(repo.predictions(r.forgettingEvaluationId).size(), size_t(2));
    const auto f = repo.find(r.forgettingEvaluationId);
    QCOMPARE(f->config["primary_evaluation_id"].get<qint64>(), r.evaluationId);
    const auto preds = repo.predictions(r.evaluationId, "base");
    QCOMPARE(preds[1].references.size(), size_t(2));
    QVERIFY(preds[0].scores.contains("rougeLsum") && preds[0].scores.contains("finish_reason"));
}

void TestEvalWorkspace::evalJobSignals() {
    if (!haveModel_) QSKIP("../shared/models/stories260K is absent");
    EvalJobParams p;
    p.modelDir = model_.toStdString();
    p.models = {"base"};
    p.dataFile = dataFile_;
    p.options.device = "cpu";
    p.options.maxNewTokens = 4;
    EvalJob job(p);
    QSignalSpy fin(&job, &EvalJob::finished);
    QSignalSpy prog(&job, &EvalJob::progress);
    QSignalSpy fail(&job, &EvalJob::failed);
    job.start();
    QVERIFY(fin.wait(120000));
    QCOMPARE(fail.count(), 0);
    QVERIFY(prog.count() >= 2);
    const auto r = fin.at(0).at(0).value<EvalJobResult>();
    QCOMPARE(r.primary.models.size(), size_t(1));

    EvalJobParams bad = p;
    bad.dataFile = "/no/such/file.jsonl";
    EvalJob badJob(bad);
    QSignalSpy failed(&badJob, &EvalJob::failed);
    badJob.start();
    QVERIFY(failed.wait(30000));
    QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("cannot open")));
}

void TestEvalWorkspace::cliJson() {
    if (!haveModel_) QSKIP("../shared/models/stories260K is absent");
    QProcess proc;
    proc.start(QStringLiteral(TB_TUNEBENCH_EXE),
               {QStringLiteral("eval"), QStringLiteral("--workspace"), dir_.filePath(QStringLiteral("cli.tunebench")),
                QStringLiteral("--model"), model_, QStringLiteral("--adapters"), QStringLiteral("base"), QStringLiteral("--data"),
                QString::fromStdString(dataFile_), QStringLiteral("--limit"), QStringLiteral("2"), QStringLiteral("--max-new-tokens"),
                QStringLiteral("6"), QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--json")});
    QVERIFY(proc.waitForFinished(120000));
    QVERIFY2(proc.exitCode() == 0, proc.readAllStandardError().constData());
    QList<nlohmann::json> lines;
    for (const QByteArray& l : proc.readAllStandardOutput().split('\n'))
        if (!l.trimmed().isEmpty()) lines.append(nlohmann::json::parse(l.toStdString()));
    QCOMPARE(lines.size(), 2 + 1 + 1);   // 2 examples, 1 aggregate, 1 summary
    QVERIFY(lines[0].contains("prediction") && lines[0]["scores"].contains("rouge1"));
    QVERIFY(lines[2]["aggregate"].contains("bleu") && lines[2]["aggregate"].contains("perplexity"));
    QVERIFY(lines[3]["evaluation_id"].get<qint64>() > 0);
}

void TestEvalWorkspace::cliUsageErrors() {
    QProcess proc;
    proc.start(QStringLiteral(TB_TUNEBENCH_EXE), {QStringLiteral("eval"), QStringLiteral("--model"), model_});
    QVERIFY(proc.waitForFinished(60000));
    QCOMPARE(proc.exitCode(), 2);
    QVERIFY(proc.readAllStandardError().contains("--data"));
    proc.start(QStringLiteral(TB_TUNEBENCH_EXE), {QStringLiteral("eval"), QStringLiteral("--workspace"), dir_.filePath(QStringLiteral("err.tunebench")), QStringLiteral("--model"), model_, QStringLiteral("--adapters"),
                                                  QStringLiteral("base,/no/such/dir"), QStringLiteral("--data"), QString::fromStdString(dataFile_)});
    QVERIFY(proc.waitForFinished(60000));
    QCOMPARE(proc.exitCode(), 2);
    QVERIFY(proc.readAllStandardError().contains("/no/such/dir"));
}

QTEST_GUILESS_MAIN(TestEvalWorkspace)
#include "test_eval_workspace.moc"
