// Learning for real (label "slow"): LoRA on the pretrained stories260K model with a DialogSum
// instruction set rendered from a summarisation template, a few hundred CPU steps: validation
// loss must fall clearly. Prints the numbers for the notes.
#include "training/Trainer.h"

#include <QtTest>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace tb;

namespace {
const fs::path kShared(TB_SHARED_DIR);

std::vector<TextExample> dialogsum(const std::string& split, int count) {
    std::ifstream in(kShared / "datasets/dialogsum" / (split + ".jsonl"));
    std::vector<TextExample> out;
    std::string line;
    while (static_cast<int>(out.size()) < count && std::getline(in, line)) {
        auto j = nlohmann::json::parse(line);
        out.push_back({"Summarize the following conversation.\n\n" + j["dialogue"].get<std::string>() + "\n\nSummary:",
                       " " + j["summary"].get<std::string>()});
    }
    return out;
}

class Collect : public MetricsSink {
public:
    std::vector<EvalMetrics> evals;
    std::vector<StepMetrics> steps;
    void onStep(const StepMetrics& m) override { steps.push_back(m); }
    void onEval(const EvalMetrics& m) override {
        evals.push_back(m);
        qInfo("step %lld: validation loss %.4f (perplexity %.2f)", static_cast<long long>(m.step), m.loss, m.perplexity);
    }
};
} // namespace

class TestTrainingLearns : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loraOnDialogSum() {
        if (!fs::exists(kShared / "models/stories260K") || !fs::exists(kShared / "datasets/dialogsum/train.jsonl"))
            QSKIP("../shared is absent");
        QTemporaryDir tmp;
        TrainingConfig c;
        c.modelDir = (kShared / "models/stories260K").string();
        c.dataFile = "(in memory)";
        c.method = {{"method", "lora"}, {"r", 8}, {"lora_alpha", 16}, {"target_modules", {"q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"}}};
        c.maxSteps = 300;
        c.batchSize = 8;
        c.maxSeqLength = 256;
        c.learningRate = 3e-3;
        c.warmupSteps = 20;
        c.schedule = "cosine";
        c.evalEvery = 100;
        c.maxEvalExamples = 100;
        c.seed = 1;
        c.threads = 2;
        c.logEvery = 50;
        c.outputDir = tmp.path().toStdString();
        Collect sink;
        Trainer t(c, {dialogsum("train", 2400), dialogsum("validation", 100)}, &sink);
        t.prepare();
        const auto before = t.evaluate();
        qInfo("before training: validation loss %.4f (perplexity %.2f); trainable %lld of %lld (%.2f%%)", before.loss,
              before.perplexity, static_cast<long long>(t.parameterCounts().trainable),
              static_cast<long long>(t.parameterCounts().total), t.parameterCounts().percent());
        auto outcome = t.run();
        QCOMPARE(QString::fromStdString(outcome.status), QStringLiteral("completed"));
        QVERIFY(!sink.evals.empty());
        const double after = sink.evals.back().loss;
        qInfo("after %lld steps: validation loss %.4f (was %.4f), %.0f tokens/s", static_cast<long long>(outcome.steps), after,
              before.loss, sink.steps.empty() ? 0.0 : sink.steps.back().tokensPerSecond);
        {   // the numbers also go to build/reports/training_learns.txt (CTest shows output only on failure)
            QString report = QString::asprintf("before: validation loss %.4f (perplexity %.2f), trainable %lld of %lld (%.2f%%)\n",
                                               before.loss, before.perplexity, static_cast<long long>(t.parameterCounts().trainable),
                                               static_cast<long long>(t.parameterCounts().total), t.parameterCounts().percent());
            for (const auto& e : sink.evals)
                report += QString::asprintf("step %lld: validation loss %.4f (perplexity %.2f)\n", static_cast<long long>(e.step), e.loss,
                                            e.perplexity);
            report += QString::asprintf("%.0f tokens/s\n", sink.steps.empty() ? 0.0 : sink.steps.back().tokensPerSecond);
            QDir().mkpath(QStringLiteral(TB_BINARY_DIR "/reports"));
            QFile f(QStringLiteral(TB_BINARY_DIR "/reports/training_learns.txt"));
            if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) f.write(report.toUtf8());
        }
        QVERIFY2(after < before.loss - 0.5, qPrintable(QStringLiteral("validation loss %1 -> %2").arg(before.loss).arg(after)));
        for (size_t i = 1; i < sink.evals.size(); ++i) QVERIFY(sink.evals[i].loss < sink.evals[0].loss + 0.05);
    }
};

QTEST_GUILESS_MAIN(TestTrainingLearns)
#include "test_training_learns.moc"
