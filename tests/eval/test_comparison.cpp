// The comparison runner on a real model (../shared/models/stories260K): the same model twice
// gives identical predictions and all-tie deltas, per-example scores equal the metrics library,
// greedy predictions do not depend on the batch size, the loss equals evaluateLoss and (live)
// what transformers computes, progress and cancellation work, bad model arguments are refused.
// A prompt-tuning adapter evaluates like any other: its soft prompt is applied (loss differs from
// the base), its loss equals the training path's (PeftModel::forward with the virtual-token
// offset), and its greedy predictions do not depend on the batch size. The repetition penalty
// reaches generation: predictions equal generate()'s with the same penalty.
#include "eval/ComparisonRunner.h"
#include "eval/Perplexity.h"
#include "jobs/GenerateJob.h"
#include "models/Generation.h"
#include "text/Tokenizer.h"
#include "models/ModelLoader.h"
#include "peft/PeftModel.h"
#include "training/CausalLmLoss.h"
#include "training/Collator.h"
#include "util/Error.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace tb;
using namespace tb::eval;

class TestComparison : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sameModelTwiceTies();
    void batchSizeInvariance();
    void lossMatchesDirectAndTransformers();
    void progressAndCancel();
    void badArguments();
    void softPromptAdapter();
    void repetitionPenaltyReachesGeneration();

private:
    ComparisonOptions options(int64_t batch) const;
    std::string modelDir_;
    std::vector<EvalExample> examples_;
};

void TestComparison::initTestCase() {
    modelDir_ = TB_SHARED_DIR "/models/stories260K";
    const std::string data = TB_SHARED_DIR "/datasets/dialogsum/test.jsonl";
    if (!QFile::exists(QString::fromStdString(modelDir_ + "/model.safetensors")) || !QFile::exists(QString::fromStdString(data)))
        QSKIP("../shared/models/stories260K or ../shared/datasets/dialogsum is absent");
    std::ifstream in(data);
    std::string line;
    while (examples_.size() < 6 && std::getline(in, line)) {
        const auto j = nlohmann::json::parse(line);
        EvalExample ex;
        ex.prompt = "Summarize the dialogue.\n" + j["dialogue"].get<std::string>().substr(0, 240) + "\nSummary:";
        ex.references = {" " + j["summary1"].get<std::string>(), j["summary2"].get<std::string>(), j["summary3"].get<std::string>()};
        examples_.push_back(ex);
    }
    examples_.push_back({"Once upon a time", {"there was a little girl."}});
}

ComparisonOptions TestComparison::options(int64_t batch) const {
    ComparisonOptions o;
    o.modelDir = modelDir_;
    o.device = "cpu";
    o.maxNewTokens = 12;
    o.batchSize = batch;
    return o;
}

void TestComparison::sameModelTwiceTies() {
    ComparisonOptions o = options(3);
    o.models = {{"base", "base", ""}, {"copy", "model", modelDir_}};
    const ComparisonResult r = runComparison(examples_, o);
    QCOMPARE(r.models.size(), size_t(2));
    QVERIFY(!r.cancelled);
    const auto n = static_cast<long long>(examples_.size());
    for (size_t i = 0; i < examples_.size(); ++i) {
        QCOMPARE(r.models[0].examples[i].prediction, r.models[1].examples[i].prediction);
        metrics::MetricSuite suite;
        const auto expected = suite.add(r.models[0].examples[i].prediction, examples_[i].references);
        QCOMPARE(r.models[0].examples[i].scores.dump(), expected.dump());
    }
    bool anyText = false;
    for (const auto& ex : r.models[0].examples) anyText = anyText || !ex.prediction.empty();
    QVERIFY2(anyText, "the model generated nothing at all");
    const auto& d = r.deltas["copy"];
    QCOMPARE(d["ties"].get<long long>(), n);
    QCOMPARE(d["wins"].get<long long>(), 0LL);
    QCOMPARE(d["losses"].get<long long>(), 0LL);
    QCOMPARE(r.models[0].aggregate["rougeL"]["fmeasure"].get<double>(), r.models[1].aggregate["rougeL"]["fmeasure"].get<double>());
    QCOMPARE(r.models[0].aggregate["count"].get<long long>(), n);
    const std::string table = formatComparisonTable(r);
    QVERIFY(table.find("copy vs base") != std::string::npos);
}

void TestComparison::batchSizeInvariance() {
    ComparisonOptions a = options(1), b = options(7);
    a.models = b.models = {{"base", "base", ""}};
    a.computeLoss = b.computeLoss = false;
    const auto ra = runComparison(examples_, a);
    const auto rb = runComparison(examples_, b);
    for (size_t i = 0; i < examples_.size(); ++i)
        QCOMPARE(QString::fromStdString(ra.models[0].examples[i].prediction), QString::fromStdString(rb.models[0].examples[i].prediction));
}

void TestComparison::lossMatchesDirectAndTransformers() {
    ComparisonOptions o = options(4);
    o.models = {{"base", "base", ""}};
    o.maxNewTokens = 2;
    const auto r = runComparison(examples_, o);
    const double loss = r.models[0].aggregate["loss"].get<double>();
    QVERIFY(std::isfinite(loss) && loss > 0);
    QVERIFY(std::abs(r.models[0].aggregate["perplexity"].get<double>() - std::exp(loss)) < 1e-9 * std::exp(loss));

    auto lm = loadCausalLM(modelDir_, {"cpu", "fp32"});
    auto tok = Tokenizer::fromModelDir(modelDir_);
    std::vector<TextExample> ex;
    for (const auto& e : examples_) ex.push_back({e.prompt, e.references.front()});
    const LossSummary direct = evaluateLoss(*lm, *tok, ex, 1, 512, tok->eosId());
    QVERIFY2(std::abs(direct.meanLoss - loss) < 1e-5, qPrintable(QStringLiteral("batched %1 vs one-by-one %2").arg(loss).arg(direct.meanLoss)));
    QCOMPARE(direct.tokens, r.models[0].aggregate["loss_tokens"].get<int64_t>());

    if (!QFile::exists(QStringLiteral(TB_REFERENCE_PYTHON))) QSKIP("reference venv absent: transformers loss parity skipped");
    QTemporaryDir dir;
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& e : ex) {
        const auto t = tokenizeExample(*tok, e, 512, false, tok->eosId());
        rows.push_back({{"ids", t.ids}, {"labels", t.labels}});
    }
    const QString in = dir.filePath(QStringLiteral("in.json")), out = dir.filePath(QStringLiteral("out.json"));
    std::ofstream(in.toStdString()) << rows.dump();
    QProcess py;
    py.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    py.start(QStringLiteral(TB_REFERENCE_PYTHON),
             {QStringLiteral(TB_SOURCE_DIR "/tests/eval/loss_reference.py"), QString::fromStdString(modelDir_), in, out});
    QVERIFY(py.waitForFinished(300000));
    QCOMPARE(py.exitCode(), 0);
    std::ifstream res(out.toStdString());
    const auto ref = nlohmann::json::parse(res);
    QCOMPARE(ref["tokens"].get<int64_t>(), direct.tokens);
    const double refLoss = ref["mean_loss"].get<double>();
    qInfo("mean loss: ours %.8f, transformers %.8f", loss, refLoss);
    QVERIFY2(std::abs(refLoss - loss) < 1e-4, qPrintable(QStringLiteral("transformers %1 vs ours %2").arg(refLoss).arg(loss)));
}

void TestComparison::progressAndCancel() {
    ComparisonOptions o = options(2);
    o.models = {{"base", "base", ""}};
    o.computeLoss = false;
    std::vector<std::string> phases;
    int64_t lastDone = -1;
    o.progress = [&](const ComparisonProgress& p) {
        phases.push_back(p.phase);
        if (p.phase == "generating") lastDone = p.done;
    };
    runComparison(examples_, o);
    QCOMPARE(QString::fromStdString(phases.front()), QStringLiteral("loading"));
    QCOMPARE(QString::fromStdString(phases.back()), QStringLiteral("done"));
    QCOMPARE(lastDone, static_cast<int64_t>(examples_.size()));

    std::atomic<bool> cancel{false};
    ComparisonOptions c = options(2);
    c.models = {{"base", "base", ""}, {"copy", "model", modelDir_}};
    c.cancel = &cancel;
    int finishedModels = 0;
    c.onModelFinished = [&](const ModelResult&) { ++finishedModels; };
    c.progress = [&](const ComparisonProgress& p) {
        if (p.phase == "generating" && p.done >= 2) cancel.store(true);
    };
    const auto r = runComparison(examples_, c);
    QVERIFY(r.cancelled);
    QCOMPARE(r.models.size(), size_t(1));            // the second model never started
    QCOMPARE(finishedModels, 1);                      // partial results are still handed over
    QVERIFY(r.models[0].examples.size() < examples_.size());
}

void TestComparison::badArguments() {
    QTemporaryDir dir;
    bool threw = false;
    try {
        classifyModelArgument(dir.path().toStdString());
    } catch (const UsageError& e) {
        threw = QString::fromUtf8(e.what()).contains(QStringLiteral("adapter_config.json"));
    }
    QVERIFY(threw);
    threw = false;
    try {
        classifyModelArgument("/no/such/folder");
    } catch (const UsageError&) {
        threw = true;
    }
    QVERIFY(threw);
    QCOMPARE(QString::fromStdString(classifyModelArgument(modelDir_).kind), QStringLiteral("model"));
    ComparisonOptions o = options(2);
    o.models = {{"broken", "adapter", dir.path().toStdString()}};
    threw = false;
    try {
        runComparison(examples_, o);
    } catch (const Error& e) {
        threw = QString::fromUtf8(e.what()).contains(QStringLiteral("broken"));
    }
    QVERIFY2(threw, "a failing model must be named in the error");
}

void TestComparison::softPromptAdapter() {
    QTemporaryDir dir;
    const std::string adapterDir = dir.path().toStdString() + "/soft";
    auto tok = Tokenizer::fromModelDir(modelDir_);
    torch::manual_seed(5);
    peft::PeftModel pm(loadCausalLM(modelDir_, {"cpu", "fp32"}), modelDir_);
    pm.addAdapter("default", {{"method", "prompt"}, {"num_virtual_tokens", 6}});
    pm.saveAdapter(adapterDir);
    const int64_t n = pm.numVirtualTokens();

    ComparisonOptions one = options(1), many = options(7);
    one.models = many.models = {{"base", "base", ""}, {"soft", "adapter", adapterDir}};
    one.computeLoss = false;
    const auto r1 = runComparison(examples_, one);
    const auto r7 = runComparison(examples_, many);
    for (size_t i = 0; i < examples_.size(); ++i)
        QCOMPARE(QString::fromStdString(r1.models[1].examples[i].prediction),
                 QString::fromStdString(r7.models[1].examples[i].prediction));

    // The training path, one example at a time (no padding), token-weighted as evaluateLoss is.
    double sum = 0;
    int64_t tokens = 0;
    {
        torch::NoGradGuard ng;
        pm.base().eval();
        for (const auto& e : examples_) {
            const auto t = tokenizeExample(*tok, {e.prompt, e.references.front()}, 512, false, tok->eosId());
            ForwardInput in;
            in.inputIds = torch::tensor(t.ids, torch::kInt64).view({1, -1});
            auto labels = torch::tensor(t.labels, torch::kInt64).view({1, -1});
            const int64_t counted = (labels.narrow(1, 1, labels.size(1) - 1) != -100).sum().item<int64_t>();
            if (counted == 0) continue;
            sum += causalLmLoss(pm.forward(in).logits, labels, n).item<double>() * static_cast<double>(counted);
            tokens += counted;
        }
    }
    const double soft = r7.models[1].aggregate["loss"].get<double>(), base = r7.models[0].aggregate["loss"].get<double>();
    qInfo("loss: base %.6f, soft prompt %.6f, training path %.6f over %lld tokens", base, soft, sum / static_cast<double>(tokens),
          static_cast<long long>(tokens));
    QCOMPARE(r7.models[1].aggregate["loss_tokens"].get<int64_t>(), tokens);
    QVERIFY2(std::abs(soft - sum / static_cast<double>(tokens)) < 1e-5, "soft-prompt loss differs from the training path's");
    QVERIFY2(std::abs(soft - base) > 1e-3, "the soft prompt did not change the loss: was it applied?");

    // The GUI's Compare page (runGenerations) runs the same adapter to the same text.
    GenerateJobParams gp;
    gp.entries = {{QStringLiteral("soft"), QString::fromStdString(modelDir_), QString::fromStdString(adapterDir)}};
    gp.prompt = QString::fromStdString(examples_.back().prompt);
    gp.maxNewTokens = static_cast<int>(one.maxNewTokens);
    gp.device = QStringLiteral("cpu");
    QString text;
    GenerateCallbacks cb;
    cb.entryFinished = [&](int, const QString& full, const QString&, double) { text = full; };
    runGenerations(gp, cb);
    qInfo("soft prompt, \"%s\" -> \"%s\"", examples_.back().prompt.c_str(), qPrintable(text));
    QVERIFY(!text.trimmed().isEmpty());
    QCOMPARE(text.trimmed(), QString::fromStdString(r1.models[1].examples.back().prediction));
}

void TestComparison::repetitionPenaltyReachesGeneration() {
    ComparisonOptions o = options(1);
    o.models = {{"base", "base", ""}};
    o.computeLoss = false;
    o.maxNewTokens = 24;
    o.repetitionPenalty = 1.6;
    const auto penalised = runComparison(examples_, o);
    o.repetitionPenalty = 1.0;
    const auto plain = runComparison(examples_, o);

    auto lm = loadCausalLM(modelDir_, {"cpu", "fp32"});
    auto tok = Tokenizer::fromModelDir(modelDir_);
    GenerationOptions g;
    g.maxNewTokens = 24;
    g.repetitionPenalty = 1.6;
    g.eosTokenIds = eosTokenIdsForModelDir(modelDir_);
    if (g.eosTokenIds.empty()) g.eosTokenIds = {tok->eosId()};
    g.padTokenId = tok->padId();
    int differ = 0;
    for (size_t i = 0; i < examples_.size(); ++i) {
        const auto r = generate(*lm, {tok->encode(examples_[i].prompt, true)}, g);
        QCOMPARE(QString::fromStdString(penalised.models[0].examples[i].prediction),
                 QString::fromStdString(tok->decode(r.newTokens[0], true)).trimmed());
        if (penalised.models[0].examples[i].prediction != plain.models[0].examples[i].prediction) ++differ;
    }
    QVERIFY2(differ > 0, "a repetition penalty of 1.6 changed no prediction");
    o.repetitionPenalty = 0;
    QVERIFY_EXCEPTION_THROWN(runComparison(examples_, o), UsageError);
}

QTEST_GUILESS_MAIN(TestComparison)
#include "test_comparison.moc"
