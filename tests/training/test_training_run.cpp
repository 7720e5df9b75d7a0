// End to end on the tiny Llama fixture: `tunebench train` prints JSON lines and a final line with
// the run and its paths; the adapter it writes loads back; SIGKILL after a checkpoint, then
// --resume, gives exactly the uninterrupted run's losses (CPU, fixed seed) and a workspace that
// passes PRAGMA integrity_check; `export --run`; TrainingJob's signals, pause and cancel.
#include "cli/CmdExportRun.h"
#include "jobs/TrainingJob.h"
#include "models/ModelLoader.h"
#include "peft/PeftModel.h"
#include "util/ProcessTuning.h"
#include "workspace/RunRepository.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

#include <algorithm>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace tb;

namespace {
const fs::path kShared(TB_SHARED_DIR);
const fs::path kModel = kShared / "fixtures/hf-tiny/llama";

void writeData(const fs::path& path, int from, int count) {
    std::ifstream in(kShared / "datasets/dialogsum/train.jsonl");
    std::ofstream out(path);
    std::string line;
    for (int i = 0; std::getline(in, line) && i < from + count; ++i) {
        if (i < from) continue;
        auto j = nlohmann::json::parse(line);
        std::string dialogue = j["dialogue"].get<std::string>().substr(0, 200);
        out << nlohmann::json{{"prompt", "Summarise:\n" + dialogue + "\nSummary:"}, {"completion", " " + j["summary"].get<std::string>()}}.dump()
            << "\n";
    }
}

struct CliRun {
    std::vector<nlohmann::json> lines;
    int exitCode = -1;
};

QStringList trainArgs(const QString& ws, const QString& dir, const QStringList& extra) {
    QStringList a = {QStringLiteral("train"), QStringLiteral("--workspace"), ws, QStringLiteral("--model"),
                     QString::fromStdString(kModel.string()), QStringLiteral("--data"), dir + QStringLiteral("/train.jsonl"),
                     QStringLiteral("--eval-data"), dir + QStringLiteral("/val.jsonl"), QStringLiteral("--method"), QStringLiteral("lora"),
                     QStringLiteral("--rank"), QStringLiteral("4"), QStringLiteral("--alpha"), QStringLiteral("8"),
                     QStringLiteral("--targets"), QStringLiteral("q_proj,v_proj,down_proj"), QStringLiteral("--dropout"), QStringLiteral("0.1"),
                     QStringLiteral("--steps"), QStringLiteral("12"), QStringLiteral("--batch"), QStringLiteral("2"),
                     QStringLiteral("--seq"), QStringLiteral("64"), QStringLiteral("--lr"), QStringLiteral("3e-3"),
                     QStringLiteral("--warmup"), QStringLiteral("2"), QStringLiteral("--schedule"), QStringLiteral("cosine"),
                     QStringLiteral("--eval-every"), QStringLiteral("6"), QStringLiteral("--seed"), QStringLiteral("5"),
                     QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--grad-accum"), QStringLiteral("2")};
    return a + extra;
}

// Runs the CLI; with killAtCheckpoint > 0, sends SIGKILL once a checkpoint of that step is reported.
CliRun runCli(const QStringList& args, int killAtCheckpoint = 0) {
    CliRun r;
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(QStringLiteral(TB_TUNEBENCH_EXE), args);
    if (!p.waitForStarted()) return r;
    bool killed = false;
    while (p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(200);
        while (p.canReadLine()) {
            auto line = QString::fromUtf8(p.readLine()).trimmed().toStdString();
            auto j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_discarded()) continue;
            r.lines.push_back(j);
            if (killAtCheckpoint > 0 && !killed && j.value("event", "") == "checkpoint" && j["step"] == killAtCheckpoint) {
                p.kill();   // SIGKILL
                killed = true;
            }
        }
    }
    p.waitForFinished();
    while (p.canReadLine()) {
        auto j = nlohmann::json::parse(QString::fromUtf8(p.readLine()).trimmed().toStdString(), nullptr, false);
        if (!j.is_discarded()) r.lines.push_back(j);
    }
    r.exitCode = killed ? -9 : p.exitCode();
    if (!killed && r.exitCode != 0) qWarning("stderr: %s", p.readAllStandardError().constData());
    return r;
}

// The "prepared" event (a "resumed from ..." message may come before it); null when absent.
nlohmann::json preparedEvent(const CliRun& r) {
    for (const auto& j : r.lines)
        if (j.value("event", "") == "prepared") return j;
    return nullptr;
}

CliRun resumeRun(const QString& ws, int64_t runId) {
    return runCli({QStringLiteral("train"), QStringLiteral("--workspace"), ws, QStringLiteral("--resume"), QString::number(runId)});
}

std::map<int64_t, double> stepLosses(const CliRun& r) {
    std::map<int64_t, double> out;
    for (const auto& j : r.lines)
        if (j.value("event", "") == "step") out[j["step"].get<int64_t>()] = j["loss"].get<double>();
    return out;
}
} // namespace

class TestTrainingRun : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString dir_;

private Q_SLOTS:
    void initTestCase() {
        if (!fs::exists(kModel) || !fs::exists(kShared / "datasets/dialogsum/train.jsonl")) QSKIP("../shared is absent");
        dir_ = tmp_.path();
        writeData(dir_.toStdString() + "/train.jsonl", 0, 40);
        writeData(dir_.toStdString() + "/val.jsonl", 100, 8);
        torch::set_num_threads(1);
    }

    void killAndResume() {
        const QString ws = dir_ + QStringLiteral("/ws.tunebench");
        const QString out = dir_ + QStringLiteral("/adapter-out");
        auto full = runCli(trainArgs(ws, dir_, {QStringLiteral("--out"), out}));
        QCOMPARE(full.exitCode, 0);
        const auto& last = full.lines.back();
        QVERIFY(last["event"] == "done");
        QVERIFY2(last["status"] == "completed", last.dump().c_str());
        QVERIFY(last.contains("run_id") && last.contains("adapter") && last.contains("checkpoints"));
        QVERIFY(fs::exists(fs::path(out.toStdString()) / "adapter_config.json"));
        QVERIFY(fs::exists(fs::path(out.toStdString()) / "adapter_model.safetensors"));
        const auto& prepared = full.lines.front();
        QVERIFY(prepared["event"] == "prepared");
        QVERIFY(prepared["estimate"]["peak_memory_mb"].get<double>() > 0);
        auto reference = stepLosses(full);
        QCOMPARE(reference.size(), size_t{12});
        int evals = 0;
        for (const auto& j : full.lines) evals += j.value("event", "") == "eval";
        QCOMPARE(evals, 2);

        // The adapter loads and changes the model's output.
        peft::PeftModel pm(loadCausalLM(kModel.string(), {"cpu", "fp32"}), kModel.string());
        pm.loadAdapter(out.toStdString());

        // Interrupted run: SIGKILL right after the checkpoint of step 6, then resume.
        const QString ws2 = dir_ + QStringLiteral("/ws2.tunebench");
        auto killed = runCli(trainArgs(ws2, dir_, {QStringLiteral("--save-every"), QStringLiteral("3")}), 6);
        QCOMPARE(killed.exitCode, -9);
        const auto runId = killed.lines.front()["run_id"].get<int64_t>();
        auto resumed = resumeRun(ws2, runId);
        QCOMPARE(resumed.exitCode, 0);
        const auto prep = preparedEvent(resumed);
        QVERIFY2(prep.is_object() && prep.contains("resumed_from") && !prep.at("resumed_from").is_null(), prep.dump().c_str());
        auto after = stepLosses(resumed);
        QVERIFY(!after.empty());
        QVERIFY(after.begin()->first >= 7);
        for (const auto& [step, loss] : after) {
            qInfo("step %lld: resumed %.9g uninterrupted %.9g", static_cast<long long>(step), loss, reference.at(step));
            QVERIFY(loss == reference.at(step));   // exact on the CPU
        }
        // The workspace is intact and the run's metrics are one row per step, equal to the reference.
        auto wsPtr = Workspace::open(ws2);
        QSqlDatabase db = wsPtr->db();
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        RunRepository repo(wsPtr);
        auto rows = repo.metrics(runId, "train", "loss");
        QCOMPARE(rows.size(), size_t{12});
        for (const auto& r : rows) QVERIFY(r.value == reference.at(r.step));
        QCOMPARE(repo.find(runId)->status, QStringLiteral("completed"));

        // export --run
        std::vector<cli::FlagSpec> specs = {{"run", true, ""}, {"adapter", true, ""}, {"merged", true, ""}};
        const auto exported = (dir_ + QStringLiteral("/exported")).toStdString();
        const auto merged = (dir_ + QStringLiteral("/merged")).toStdString();
        cli::Context ctx{ws2.toStdString()};
        QCOMPARE(cli::exportRun(cli::Args("export", {"--run", std::to_string(runId), "--adapter", exported}, specs), ctx), 0);
        QVERIFY(fs::exists(fs::path(exported) / "adapter_model.safetensors"));
        QCOMPARE(cli::exportRun(cli::Args("export", {"--run", std::to_string(runId), "--merged", merged}, specs), ctx), 0);
        QVERIFY(fs::exists(fs::path(merged) / "model.safetensors") && fs::exists(fs::path(merged) / "tokenizer.json"));
        // merged model == base + adapter
        peft::PeftModel withAdapter(loadCausalLM(kModel.string(), {"cpu", "fp32"}), kModel.string());
        withAdapter.loadAdapter(exported);
        peft::PeftModel mergedModel(loadCausalLM(merged, {"cpu", "fp32"}));
        torch::NoGradGuard ng;
        ForwardInput in;
        in.inputIds = torch::randint(3, 400, {1, 10}, torch::kInt64);
        const double d = (withAdapter.forward(in).logits - mergedModel.forward(in).logits).abs().max().item<double>();
        QVERIFY2(d < 1e-4, qPrintable(QString::number(d)));
    }

    // A resumed bf16 run gets bf16's OpenMP spinning although its command line (`--resume N`)
    // does not say bf16: tunebench reads the stored run and starts itself again with it.
    void resumedBf16RunSpinsAsBf16() {
        const auto tuned = tunedVariables();
        if (std::find(tuned.begin(), tuned.end(), "GOMP_SPINCOUNT") == tuned.end())
            QSKIP("GOMP_SPINCOUNT comes from this environment, not from tunebench");
        const QString ws = dir_ + QStringLiteral("/ws-bf16.tunebench");
        auto killed = runCli(trainArgs(ws, dir_, {QStringLiteral("--precision"), QStringLiteral("bf16"), QStringLiteral("--save-every"),
                                                  QStringLiteral("3")}),
                             3);
        QCOMPARE(killed.exitCode, -9);
        const auto first = preparedEvent(killed);
        QVERIFY(first.is_object());
        auto resumed = resumeRun(ws, first.value("run_id", int64_t{0}));
        QCOMPARE(resumed.exitCode, 0);
        const auto prep = preparedEvent(resumed);
        QVERIFY2(prep.is_object() && prep.contains("resumed_from") && !prep.at("resumed_from").is_null(), prep.dump().c_str());
        QCOMPARE(QString::fromStdString(prep.value("gomp_spincount", std::string())), QStringLiteral("30000"));
        QCOMPARE(resumed.lines.back().value("status", ""), std::string("completed"));
    }

    void fromRunReproduces() {
        const QString ws = dir_ + QStringLiteral("/ws3.tunebench");
        auto first = runCli(trainArgs(ws, dir_, {QStringLiteral("--steps"), QStringLiteral("4")}));
        QCOMPARE(first.exitCode, 0);
        const auto id = first.lines.back()["run_id"].get<int64_t>();
        auto again = runCli({QStringLiteral("train"), QStringLiteral("--workspace"), ws, QStringLiteral("--from-run"), QString::number(id)});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.lines.back()["run_id"].get<int64_t>() != id);
        QVERIFY(stepLosses(again) == stepLosses(first));
    }

    void job() {
        auto ws = Workspace::open(dir_ + QStringLiteral("/ws4.tunebench"));
        nlohmann::json cfg = {{"model", kModel.string()}, {"data", dir_.toStdString() + "/train.jsonl"},
                              {"eval_data", dir_.toStdString() + "/val.jsonl"}, {"method", {{"method", "ia3"}}},
                              {"max_steps", 6}, {"batch_size", 2}, {"max_seq_length", 48}, {"eval_every", 3},
                              {"learning_rate", 1e-2}, {"threads", 1}};
        TrainingJob job({ws, cfg});
        QSignalSpy progress(&job, &TrainingJob::progress);
        QSignalSpy evaluated(&job, &TrainingJob::evaluated);
        QSignalSpy finished(&job, &TrainingJob::finished);
        QSignalSpy failed(&job, &TrainingJob::failed);
        job.start();
        QVERIFY(finished.wait(120000) || !failed.isEmpty());
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        const auto result = finished.first().first().value<TrainingResult>();
        QCOMPARE(result.status, QStringLiteral("completed"));
        QCOMPARE(result.steps, qint64{6});
        QVERIFY(!progress.isEmpty());
        QCOMPARE(evaluated.size(), 2);

        // Cancel keeps a checkpoint; pause holds the step.
        cfg["max_steps"] = 200;
        cfg["eval_every"] = 0;
        TrainingJob cancelJob({ws, cfg});
        QSignalSpy p2(&cancelJob, &TrainingJob::progress);
        QSignalSpy f2(&cancelJob, &TrainingJob::finished);
        cancelJob.start();
        QVERIFY(p2.wait(120000));
        cancelJob.setPaused(true);
        QTest::qWait(400);
        const int heldAt = p2.size();
        QTest::qWait(600);
        QVERIFY(p2.size() <= heldAt + 1);
        cancelJob.setPaused(false);
        cancelJob.requestCancel();
        QVERIFY(f2.wait(120000));
        const auto r2 = f2.first().first().value<TrainingResult>();
        QCOMPARE(r2.status, QStringLiteral("cancelled"));
        QVERIFY(fs::exists(r2.lastCheckpoint.toStdString()));
        QCOMPARE(RunRepository(ws).find(r2.runId)->status, QStringLiteral("cancelled"));

        // Bad input becomes failed(message), never an escape.
        cfg["model"] = "/nonexistent/model";
        TrainingJob bad({ws, cfg});
        QSignalSpy f3(&bad, &TrainingJob::failed);
        bad.start();
        QVERIFY(f3.wait(60000));
        QVERIFY(!f3.first().first().toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTrainingRun)
#include "test_training_run.moc"
