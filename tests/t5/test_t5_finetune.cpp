// End to end: the FLAN-T5 fixture model (gated-GELU, untied head) fine-tuned on a small DialogSum
// instruction set rendered with the built-in summarisation template, through the Trainer's
// sequence-to-sequence path (prompt -> encoder, summary + EOS -> labels). Validation loss must
// fall clearly and ROUGE (rouge_score semantics, stemmed) of greedy summaries must rise over the
// untrained model's; a LoRA run must save a SEQ_2_SEQ_LM adapter that reloads to the same loss.
#include "T5TestUtil.h"

#include "eval/metrics/Rouge.h"
#include "io/RuntimeInfo.h"
#include "models/Generation.h"
#include "models/Seq2SeqLM.h"
#include "peft/PeftModel.h"
#include "text/Tokenizer.h"
#include "text/template/PromptTemplate.h"
#include "training/Seq2SeqCollator.h"
#include "training/Trainer.h"

#include <QTemporaryDir>

using namespace tb;

class TestT5Finetune : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { configureCpuThreads(2); }
    void collator();
    void fullFinetuneLearns();
    void loraAdapterRoundTrip();
};

namespace {

const char* kTemplate = "dialogsum.summarise.1";

std::vector<TextExample> dialogsum(const std::string& split, size_t n, std::vector<std::string>* references = nullptr) {
    std::ifstream in(std::string(TB_SHARED_DIR) + "/datasets/dialogsum/" + split + ".jsonl");
    if (!in) throw std::runtime_error("DialogSum " + split + " split is missing");
    const auto tmpl = loadTemplate(kTemplate);
    std::vector<TextExample> out;
    std::string line;
    while (out.size() < n && std::getline(in, line)) {
        auto row = nlohmann::json::parse(line);
        auto pair = renderTemplate(tmpl, row);
        out.push_back({pair.prompt, pair.completion});
        if (references) references->push_back(row.at("summary").get<std::string>());
    }
    return out;
}

struct EvalCollector : MetricsSink {
    std::vector<EvalMetrics> evals;
    std::vector<double> losses;
    void onStep(const StepMetrics& m) override { losses.push_back(m.loss); }
    void onEval(const EvalMetrics& m) override { evals.push_back(m); }
};

// Mean ROUGE F over greedy summaries of the prompts.
metrics::RougeResult rougeOf(Seq2SeqLM& model, const Tokenizer& tok, const std::vector<TextExample>& ex,
                             const std::vector<std::string>& refs, int64_t maxSource, std::string* sample) {
    const bool wasTraining = model.is_training();
    model.eval();
    metrics::RougeScorer scorer(metrics::RougeScorer::defaultTypes(), true);
    metrics::RougeResult sum;
    std::vector<std::vector<int64_t>> prompts;
    for (const auto& e : ex) prompts.push_back(tokenizeSeq2SeqExample(tok, e, maxSource, 1, tok.eosId()).ids);
    GenerationOptions opt;
    opt.maxNewTokens = 48;
    opt.eosTokenIds = {tok.eosId()};
    opt.decode = [&tok](const std::vector<int64_t>& ids) { return tok.decode(ids, true); };
    auto res = generateSeq2Seq(model, prompts, opt);
    for (size_t i = 0; i < ex.size(); ++i) {
        auto r = scorer.score(refs[i], res.texts[i]);
        for (const auto& [k, v] : r) sum[k].fmeasure += v.fmeasure / static_cast<double>(ex.size());
    }
    if (sample) *sample = res.texts[0];
    if (wasTraining) model.train();
    return sum;
}

TrainingConfig baseConfig(const QString& out) {
    TrainingConfig c;
    c.modelDir = t5test::fixture("flan_t5");
    c.dataFile = "(in memory)";   // the examples are handed to the Trainer directly
    c.device = "cpu";
    c.threads = 2;
    c.maxSeqLength = 128;
    c.batchSize = 8;
    c.maxEvalExamples = -1;
    c.seed = 7;
    c.outputDir = out.toStdString();
    return c;
}

} // namespace

void TestT5Finetune::collator() {
    T5_REQUIRE_FIXTURES();
    auto tok = Tokenizer::fromModelDir(t5test::fixture("flan_t5"));
    auto a = tokenizeSeq2SeqExample(*tok, {"Translate English to German: The house is wonderful.", "Das Haus ist wunderbar."}, 512, 512, 1);
    // exactly the fixture's input_ids and labels (transformers' tokenizer and text_target=)
    auto expected = t5test::readJson(t5test::fixture("flan_t5") + "/expected.json");
    QCOMPARE(a.ids, expected["input_ids"].get<std::vector<int64_t>>());
    QCOMPARE(a.labels, expected["labels"].get<std::vector<int64_t>>());
    auto cut = tokenizeSeq2SeqExample(*tok, {"Translate English to German: The house is wonderful.", "Das Haus ist wunderbar."}, 6, 4, 1);
    QCOMPARE(cut.ids.size(), size_t{6});
    QCOMPARE(cut.ids.back(), int64_t{1});   // </s> survives truncation
    QCOMPARE(cut.labels, (std::vector<int64_t>{3, 134, 108, 1}));
    auto batch = collateSeq2Seq({a, cut}, {0, 1}, 0);
    QCOMPARE(batch.inputIds.size(0), int64_t{2});
    QCOMPARE(batch.inputIds.size(1), int64_t{28});
    QCOMPARE(batch.labels.size(1), int64_t{16});
    QCOMPARE(batch.attentionMask[1].sum().item<int64_t>(), int64_t{6});
    QCOMPARE(batch.labels[1][4].item<int64_t>(), int64_t{-100});
    QCOMPARE(batch.labelTokens, int64_t{20});
    // the loss through the collated batch equals the fixture's loss for row 0
    auto model = loadSeq2SeqLM(t5test::fixture("flan_t5"), {"cpu", "fp32"});
    torch::NoGradGuard ng;
    const double loss = seq2seqLoss(*model, collateSeq2Seq({a}, {0}, 0)).item<double>();
    QVERIFY2(std::abs(loss - expected["loss"]["loss"].get<double>()) < 1e-5, qPrintable(QString::number(loss)));
}

void TestT5Finetune::fullFinetuneLearns() {
    T5_REQUIRE_FIXTURES();
    if (!std::filesystem::exists(std::string(TB_SHARED_DIR) + "/datasets/dialogsum/train.jsonl"))
        QSKIP("../shared/datasets/dialogsum is absent");
    QTemporaryDir tmp;
    std::vector<std::string> refs;
    TrainingData data;
    data.train = dialogsum("train", 256);
    data.eval = dialogsum("validation", 32, &refs);
    auto cfg = baseConfig(tmp.path());
    cfg.method = {{"method", "full"}};
    cfg.learningRate = 3e-3;
    cfg.epochs = 4;
    cfg.warmupSteps = 8;
    cfg.evalEvery = 32;
    EvalCollector sink;
    Trainer trainer(cfg, data, &sink);
    trainer.prepare();
    auto* model = asSeq2Seq(trainer.model().base());
    QVERIFY(model);
    auto tok = Tokenizer::fromModelDir(cfg.modelDir);
    const auto before = trainer.evaluate();
    std::string sampleBefore, sampleAfter;
    const auto rougeBefore = rougeOf(*model, *tok, data.eval, refs, cfg.maxSeqLength, &sampleBefore);
    auto outcome = trainer.run();
    QCOMPARE(QString::fromStdString(outcome.status), QStringLiteral("completed"));
    QVERIFY(!sink.evals.empty());
    const auto after = sink.evals.back();
    const auto rougeAfter = rougeOf(*model, *tok, data.eval, refs, cfg.maxSeqLength, &sampleAfter);
    qInfo("full fine-tune, %lld steps: train loss %.4f -> %.4f; validation loss %.4f -> %.4f (perplexity %.1f -> %.1f)",
          static_cast<long long>(outcome.steps), sink.losses.front(), sink.losses.back(), before.loss, after.loss,
          before.perplexity, after.perplexity);
    for (const auto& e : sink.evals) qInfo("  eval at step %lld: %.4f", static_cast<long long>(e.step), e.loss);
    qInfo("ROUGE-1/2/L/Lsum F before: %.4f %.4f %.4f %.4f; after: %.4f %.4f %.4f %.4f", rougeBefore.at("rouge1").fmeasure,
          rougeBefore.at("rouge2").fmeasure, rougeBefore.at("rougeL").fmeasure, rougeBefore.at("rougeLsum").fmeasure,
          rougeAfter.at("rouge1").fmeasure, rougeAfter.at("rouge2").fmeasure, rougeAfter.at("rougeL").fmeasure,
          rougeAfter.at("rougeLsum").fmeasure);
    qInfo("sample before: %s", sampleBefore.c_str());
    qInfo("sample after:  %s", sampleAfter.c_str());
    QVERIFY2(after.loss < 0.6 * before.loss, qPrintable(QStringLiteral("validation loss %1 -> %2").arg(before.loss).arg(after.loss)));
    QVERIFY2(rougeAfter.at("rouge1").fmeasure > rougeBefore.at("rouge1").fmeasure + 0.05,
             qPrintable(QStringLiteral("ROUGE-1 %1 -> %2").arg(rougeBefore.at("rouge1").fmeasure).arg(rougeAfter.at("rouge1").fmeasure)));
    // the saved folder is a normal model folder that loads as T5 again
    auto reloaded = loadSeq2SeqLM(outcome.adapterPath, {"cpu", "fp32"});
    QVERIFY(reloaded);
}

void TestT5Finetune::loraAdapterRoundTrip() {
    T5_REQUIRE_FIXTURES();
    if (!std::filesystem::exists(std::string(TB_SHARED_DIR) + "/datasets/dialogsum/train.jsonl"))
        QSKIP("../shared/datasets/dialogsum is absent");
    QTemporaryDir tmp;
    TrainingData data;
    data.train = dialogsum("train", 64);
    data.eval = dialogsum("validation", 16);
    auto cfg = baseConfig(tmp.path());
    cfg.method = {{"method", "lora"}, {"r", 8}, {"lora_alpha", 16}, {"target_modules", {"q", "k", "v", "o", "wi_0", "wi_1", "wo"}}};
    cfg.learningRate = 5e-3;
    cfg.maxSteps = 16;
    EvalCollector sink;
    Trainer trainer(cfg, data, &sink);
    trainer.prepare();
    const auto before = trainer.evaluate();
    auto outcome = trainer.run();
    QCOMPARE(QString::fromStdString(outcome.status), QStringLiteral("completed"));
    const auto after = sink.evals.back();
    qInfo("LoRA r=8, 16 steps: validation loss %.4f -> %.4f", before.loss, after.loss);
    QVERIFY(after.loss < before.loss);
    auto cfgJson = t5test::readJson(outcome.adapterPath + "/adapter_config.json");
    QCOMPARE(QString::fromStdString(cfgJson["task_type"].get<std::string>()), QStringLiteral("SEQ_2_SEQ_LM"));
    // reload the adapter on a fresh base: same validation loss
    auto base = loadCausalLM(cfg.modelDir, {"cpu", "fp32"});
    peft::PeftModel pm(base, cfg.modelDir);
    pm.loadAdapter(outcome.adapterPath);
    auto tok = Tokenizer::fromModelDir(cfg.modelDir);
    std::vector<TokenizedExample> rows;
    std::vector<size_t> idx;
    for (const auto& e : data.eval) {
        idx.push_back(rows.size());
        rows.push_back(tokenizeSeq2SeqExample(*tok, e, cfg.maxSeqLength, cfg.maxSeqLength, tok->eosId()));
    }
    torch::NoGradGuard ng;
    auto batch = collateSeq2Seq(rows, idx, 0);
    const double reloadedLoss = seq2seqLoss(*asSeq2Seq(*base), batch).item<double>();
    QVERIFY2(std::abs(reloadedLoss - after.loss) < 1e-4, qPrintable(QStringLiteral("%1 vs %2").arg(reloadedLoss).arg(after.loss)));
}

QTEST_GUILESS_MAIN(TestT5Finetune)
#include "test_t5_finetune.moc"
