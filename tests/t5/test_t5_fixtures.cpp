// T5 v1.0 (t5: ReLU, tied head) and v1.1 / FLAN-T5 (flan_t5: gated-GELU, untied head, more decoder
// than encoder layers) against what transformers 4.40.2 / peft 0.10.0 computed for the fixtures:
// decoder logits at every position, loss with labels, encoder/decoder hidden-state checksums,
// greedy output with the KV cache and without, a right-padded batch, LoRA (unmerged, merged in
// memory, and the merged folder PEFT exported) and prompt tuning (soft prompt on the encoder).
#include "T5TestUtil.h"

#include "io/RuntimeInfo.h"
#include "models/Generation.h"
#include "models/ModelLoader.h"
#include "models/Seq2SeqLM.h"
#include "models/TensorIO.h"
#include "peft/PeftModel.h"

using namespace tb;

class TestT5Fixtures : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { configureCpuThreads(2); }
    void base_data() { archRows(); }
    void base();
    void paddedBatch_data() { archRows(); }
    void paddedBatch();
    void lora_data() { archRows(); }
    void lora();
    void loraMergedFolder_data() { archRows(); }
    void loraMergedFolder();
    void promptTuning_data() { archRows(); }
    void promptTuning();
    void loaderDispatch();

private:
    static void archRows() {
        QTest::addColumn<QString>("arch");
        QTest::newRow("t5") << QStringLiteral("t5");
        QTest::newRow("flan_t5") << QStringLiteral("flan_t5");
    }
};

namespace {

void checkSums(const std::vector<torch::Tensor>& ours, const nlohmann::json& ref, const char* what) {
    QCOMPARE(ours.size(), ref.size());
    for (size_t i = 0; i < ref.size(); ++i) {
        auto h = ours[i].to(torch::kFloat64);
        const double sum = h.sum().item<double>(), absSum = h.abs().sum().item<double>();
        const double refSum = ref[i]["sum"].get<double>(), refAbs = ref[i]["abs_sum"].get<double>();
        QVERIFY2(std::abs(absSum - refAbs) <= 1e-5 * std::max(1.0, refAbs) && std::abs(sum - refSum) <= 1e-5 * std::max(1.0, refAbs),
                 qPrintable(QStringLiteral("%1 hidden state %2: sum %3 vs %4, abs_sum %5 vs %6")
                                .arg(QLatin1String(what)).arg(i).arg(sum).arg(refSum).arg(absSum).arg(refAbs)));
    }
}

torch::Tensor decoderLogits(Seq2SeqLM& model, const torch::Tensor& ids, const torch::Tensor& decIds,
                            const torch::Tensor& virtualTokens = {}) {
    torch::NoGradGuard ng;
    Seq2SeqInput in;
    auto batchIds = ids.view({1, -1});
    if (virtualTokens.defined()) {
        auto embeds = torch::cat({virtualTokens.unsqueeze(0), model.tokenEmbedding()->forward(batchIds)}, 1);
        in.encoderMask = torch::ones({1, embeds.size(1)}, torch::kInt64);
        in.encoderHidden = model.encode({}, in.encoderMask, embeds);
    } else {
        in.encoderHidden = model.encode(batchIds, {});
    }
    in.decoderInputIds = decIds.view({1, -1});
    return model.decode(in).logits[0];
}

// Greedy decoding without any cache: the whole decoder prefix every step.
std::vector<int64_t> greedyNoCache(Seq2SeqLM& model, const torch::Tensor& ids, size_t steps) {
    torch::NoGradGuard ng;
    auto enc = model.encode(ids.view({1, -1}), {});
    std::vector<int64_t> dec{model.config().decoderStartTokenId}, out;
    for (size_t s = 0; s < steps; ++s) {
        Seq2SeqInput step;
        step.encoderHidden = enc;
        step.decoderInputIds = torch::tensor(dec, torch::kInt64).view({1, -1});
        const auto next = model.decode(step).logits[0][-1].argmax().item<int64_t>();
        out.push_back(next);
        dec.push_back(next);
    }
    return out;
}

} // namespace

void TestT5Fixtures::base() {
    T5_REQUIRE_FIXTURES();
    QFETCH(QString, arch);
    const auto dir = t5test::fixture(arch.toStdString());
    auto expected = t5test::readJson(dir + "/expected.json");
    auto tensors = readAllTensors(dir + "/expected.safetensors");
    auto model = loadSeq2SeqLM(dir, {"cpu", "fp32"});
    torch::NoGradGuard ng;

    const auto ids = tensors.at("input_ids");
    std::vector<torch::Tensor> encHidden;
    auto enc = model->encode(ids.view({1, -1}), {}, {}, &encHidden);
    checkSums(encHidden, expected["encoder_hidden_states"], "encoder");

    QVERIFY(torch::equal(model->shiftRight(tensors.at("labels")), tensors.at("decoder_input_ids")));
    Seq2SeqInput in;
    in.encoderHidden = enc;
    in.decoderInputIds = tensors.at("decoder_input_ids").view({1, -1});
    in.outputHiddenStates = true;
    auto out = model->decode(in);
    auto logits = out.logits[0];
    const double diff = t5test::maxAbsDiff(logits, tensors.at("logits"));
    qInfo("%s: max |logit - transformers| over %lld decoder positions = %.3g", qPrintable(arch),
          static_cast<long long>(logits.size(0)), diff);
    QVERIFY2(diff < t5test::storedLogitTol(tensors.at("logits")), qPrintable(QStringLiteral("max abs logit diff %1").arg(diff)));
    checkSums(out.decoderHiddenStates, expected["decoder_hidden_states"], "decoder");

    const double loss = t5test::labelLoss(logits, tensors.at("labels"));
    const double refLoss = expected["loss"]["loss"].get<double>();
    qInfo("%s: loss %.8f vs %.8f (diff %.3g)", qPrintable(arch), loss, refLoss, std::abs(loss - refLoss));
    QVERIFY2(std::abs(loss - refLoss) < t5test::storedLossTol(refLoss), qPrintable(QStringLiteral("loss %1 vs %2").arg(loss).arg(refLoss)));

    const auto want = expected["greedy"]["new_tokens"].get<std::vector<int64_t>>();
    GenerationOptions opt;
    opt.maxNewTokens = static_cast<int64_t>(want.size());
    opt.eosTokenIds = {-1};   // the fixture generated a fixed number of tokens
    auto res = generateSeq2Seq(*model, {t5test::toVector(ids)}, opt);
    QCOMPARE(res.newTokens[0], want);
    QCOMPARE(greedyNoCache(*model, ids, want.size()), want);
}

void TestT5Fixtures::paddedBatch() {
    T5_REQUIRE_FIXTURES();
    QFETCH(QString, arch);
    const auto dir = t5test::fixture(arch.toStdString());
    auto tensors = readAllTensors(dir + "/expected.safetensors");
    auto model = loadSeq2SeqLM(dir, {"cpu", "fp32"});
    const auto full = t5test::toVector(tensors.at("input_ids"));
    const std::vector<int64_t> shortPrompt(full.begin() + 5, full.begin() + 14);
    GenerationOptions opt;
    opt.maxNewTokens = 8;
    opt.eosTokenIds = {-1};
    auto batch = generateSeq2Seq(*model, {full, shortPrompt}, opt);
    auto one = generateSeq2Seq(*model, {full}, opt);
    auto two = generateSeq2Seq(*model, {shortPrompt}, opt);
    QCOMPARE(batch.newTokens[0], one.newTokens[0]);
    QCOMPARE(batch.newTokens[1], two.newTokens[0]);

    // Decoder logits of the padded row equal the unpadded run.
    torch::NoGradGuard ng;
    auto ids = torch::zeros({1, static_cast<int64_t>(full.size())}, torch::kInt64);
    auto mask = torch::zeros_like(ids);
    for (size_t i = 0; i < shortPrompt.size(); ++i) {
        ids[0][static_cast<int64_t>(i)] = shortPrompt[i];
        mask[0][static_cast<int64_t>(i)] = 1;
    }
    Seq2SeqInput in;
    in.encoderMask = mask;
    in.encoderHidden = model->encode(ids, mask);
    in.decoderInputIds = tensors.at("decoder_input_ids").view({1, -1});
    auto padded = model->decode(in).logits[0];
    auto plain = decoderLogits(*model, torch::tensor(shortPrompt, torch::kInt64), tensors.at("decoder_input_ids"));
    // fp32 sums over a different number of positions: relative agreement (FLAN-T5 logits reach ~30)
    const double diff = t5test::maxAbsDiff(padded, plain);
    const double scale = std::max(1.0, plain.abs().max().item<double>());
    qInfo("%s: padded vs unpadded max |diff| %.3g (max |logit| %.1f)", qPrintable(arch), diff, scale);
    QVERIFY2(diff < 1e-5 * scale, qPrintable(QStringLiteral("padded vs unpadded logits differ by %1").arg(diff)));
}

void TestT5Fixtures::lora() {
    T5_REQUIRE_FIXTURES();
    QFETCH(QString, arch);
    const auto dir = t5test::fixture(arch.toStdString());
    auto expected = t5test::readJson(dir + "/lora/expected.json");
    auto tensors = readAllTensors(dir + "/lora/expected.safetensors");
    auto base = loadCausalLM(dir, {"cpu", "fp32"});
    peft::PeftModel pm(base, dir);
    pm.loadAdapter(dir + "/lora");
    auto* model = asSeq2Seq(pm.base());
    QVERIFY(model);
    auto logits = decoderLogits(*model, tensors.at("input_ids"), tensors.at("decoder_input_ids"));
    const double diff = t5test::maxAbsDiff(logits, tensors.at("logits"));
    qInfo("%s LoRA: max |logit diff| %.3g", qPrintable(arch), diff);
    QVERIFY2(diff < t5test::storedLogitTol(tensors.at("logits")), qPrintable(QStringLiteral("LoRA logits differ by %1").arg(diff)));
    const double loss = t5test::labelLoss(logits, tensors.at("labels"));
    const double refLoss = expected["loss"]["loss"].get<double>();
    QVERIFY2(std::abs(loss - refLoss) < t5test::storedLossTol(refLoss), qPrintable(QStringLiteral("LoRA loss %1 vs %2").arg(loss).arg(refLoss)));
    GenerationOptions opt;
    opt.maxNewTokens = tensors.at("greedy_new_tokens").numel();
    opt.eosTokenIds = {-1};
    auto res = generateSeq2Seq(*model, {t5test::toVector(tensors.at("input_ids"))}, opt);
    QCOMPARE(res.newTokens[0], t5test::toVector(tensors.at("greedy_new_tokens")));

    pm.mergeActive();
    auto merged = decoderLogits(*model, tensors.at("input_ids"), tensors.at("decoder_input_ids"));
    const double mdiff = t5test::maxAbsDiff(merged, tensors.at("merged_logits"));
    qInfo("%s LoRA merged: max |logit diff| %.3g", qPrintable(arch), mdiff);
    QVERIFY2(mdiff < t5test::storedLogitTol(tensors.at("merged_logits")), qPrintable(QStringLiteral("merged LoRA logits differ by %1").arg(mdiff)));
    pm.unmergeActive();
    const double back = t5test::maxAbsDiff(decoderLogits(*model, tensors.at("input_ids"), tensors.at("decoder_input_ids")), logits);
    // W + BA - BA is not W in fp32 (PEFT unmerges the same way): the tolerance follows the magnitude.
    QVERIFY2(back < t5test::storedLogitTol(logits), qPrintable(QStringLiteral("unmerge did not restore the logits (%1)").arg(back)));

    pm.setAdaptersEnabled(false);
    auto baseTensors = readAllTensors(dir + "/expected.safetensors");
    const double off = t5test::maxAbsDiff(decoderLogits(*model, tensors.at("input_ids"), tensors.at("decoder_input_ids")),
                                          baseTensors.at("logits"));
    QVERIFY2(off < t5test::storedLogitTol(baseTensors.at("logits")), qPrintable(QStringLiteral("disabled adapter differs from the base by %1").arg(off)));
}

void TestT5Fixtures::loraMergedFolder() {
    T5_REQUIRE_FIXTURES();
    QFETCH(QString, arch);
    const auto dir = t5test::fixture(arch.toStdString());
    auto tensors = readAllTensors(dir + "/lora/expected.safetensors");
    auto model = loadSeq2SeqLM(dir + "/lora/merged", {"cpu", "fp32"});
    auto logits = decoderLogits(*model, tensors.at("input_ids"), tensors.at("decoder_input_ids"));
    const double diff = t5test::maxAbsDiff(logits, tensors.at("merged_logits"));
    qInfo("%s PEFT-merged folder: max |logit diff| %.3g", qPrintable(arch), diff);
    QVERIFY2(diff < t5test::storedLogitTol(tensors.at("merged_logits")), qPrintable(QStringLiteral("merged folder logits differ by %1").arg(diff)));
}

void TestT5Fixtures::promptTuning() {
    T5_REQUIRE_FIXTURES();
    QFETCH(QString, arch);
    const auto dir = t5test::fixture(arch.toStdString());
    auto expected = t5test::readJson(dir + "/prompt_tuning/expected.json");
    auto tensors = readAllTensors(dir + "/prompt_tuning/expected.safetensors");
    auto base = loadCausalLM(dir, {"cpu", "fp32"});
    peft::PeftModel pm(base, dir);
    auto& adapter = pm.loadAdapter(dir + "/prompt_tuning");
    QCOMPARE(adapter.numVirtualTokens(), expected["num_virtual_tokens"].get<int64_t>());
    QCOMPARE(adapter.peftConfigJson()["num_transformer_submodules"].get<int64_t>(), int64_t{2});
    QVERIFY(torch::equal(adapter.peftState().front().second, tensors.at("prompt_embeddings")));
    auto* model = asSeq2Seq(pm.base());
    QVERIFY(model);
    const auto labels = tensors.at("labels");
    auto logits = decoderLogits(*model, tensors.at("input_ids"), model->shiftRight(labels), adapter.virtualTokenEmbeds());
    const double diff = t5test::maxAbsDiff(logits, tensors.at("logits"));
    qInfo("%s prompt tuning: max |logit diff| %.3g", qPrintable(arch), diff);
    QVERIFY2(diff < t5test::storedLogitTol(tensors.at("logits")), qPrintable(QStringLiteral("prompt-tuning logits differ by %1").arg(diff)));
    const double loss = t5test::labelLoss(logits, labels);
    const double refLoss = expected["loss"]["loss"].get<double>();
    qInfo("%s prompt tuning: loss %.8f vs %.8f", qPrintable(arch), loss, refLoss);
    QVERIFY2(std::abs(loss - refLoss) < t5test::storedLossTol(refLoss), qPrintable(QStringLiteral("prompt-tuning loss %1 vs %2").arg(loss).arg(refLoss)));
}

void TestT5Fixtures::loaderDispatch() {
    T5_REQUIRE_FIXTURES();
    auto lm = loadCausalLM(t5test::fixture("flan_t5"), {"cpu", "fp32"});
    QVERIFY(asSeq2Seq(*lm) != nullptr);
    QCOMPARE(lm->tokenEmbeddingName(), std::string("shared"));
    ForwardInput in;
    in.inputIds = torch::ones({1, 3}, torch::kInt64);
    bool threw = false;
    try {
        lm->forward(in);
    } catch (const std::exception& e) {
        threw = std::string(e.what()).find("encoder-decoder") != std::string::npos;
    }
    QVERIFY(threw);
    bool refused = false;
    try {
        loadSeq2SeqLM(std::string(TB_SHARED_DIR) + "/fixtures/hf-tiny/llama", {"cpu", "fp32"});
    } catch (const std::exception& e) {
        refused = std::string(e.what()).find("decoder-only") != std::string::npos;
    }
    QVERIFY(refused);
    // The PEFT default LoRA targets for T5 are q and v in every attention (self and cross).
    auto names = lm->named_modules("", false).keys();
    QVERIFY(std::find(names.begin(), names.end(), "decoder.block.2.layer.1.EncDecAttention.q") != names.end());
    QVERIFY(std::find(names.begin(), names.end(), "encoder.block.1.layer.1.DenseReluDense.wi_1") != names.end());
}

QTEST_GUILESS_MAIN(TestT5Fixtures)
#include "test_t5_fixtures.moc"
