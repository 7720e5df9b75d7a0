// T5 v1.0 (t5) and v1.1 / FLAN-T5 (flan_t5) against transformers 4.40.2 fixtures: decoder
// logits at every position, loss with labels, encoder/decoder hidden-state checksums, greedy
// output with and without the KV cache.
#include "ModelTestUtil.h"

#include "io/RuntimeInfo.h"
#include "models/Generation.h"
#include "models/Seq2SeqLM.h"
#include "models/TensorIO.h"

#include <torch/torch.h>

using namespace tb;

class TestT5Parity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { configureCpuThreads(2); }
    void parity_data();
    void parity();
};

void TestT5Parity::parity_data() {
    QTest::addColumn<QString>("arch");
    QTest::newRow("t5") << QStringLiteral("t5");
    QTest::newRow("flan_t5") << QStringLiteral("flan_t5");
}

namespace {
void checkSums(const std::vector<torch::Tensor>& ours, const nlohmann::json& ref, const char* what) {
    QCOMPARE(ours.size(), ref.size());
    for (size_t i = 0; i < ref.size(); ++i) {
        auto h = ours[i].to(torch::kFloat64);
        const double sum = h.sum().item<double>(), absSum = h.abs().sum().item<double>();
        const double refSum = ref[i]["sum"].get<double>(), refAbs = ref[i]["abs_sum"].get<double>();
        QVERIFY2(std::abs(absSum - refAbs) <= 1e-4 * std::max(1.0, refAbs) && std::abs(sum - refSum) <= 1e-4 * std::max(1.0, refAbs),
                 qPrintable(QStringLiteral("%1 hidden state %2: sum %3 vs %4, abs_sum %5 vs %6")
                                .arg(QLatin1String(what)).arg(i).arg(sum).arg(refSum).arg(absSum).arg(refAbs)));
    }
}
} // namespace

void TestT5Parity::parity() {
    TB_REQUIRE_SHARED();
    QFETCH(QString, arch);
    const auto dir = tbtest::fixtureDir(arch.toStdString());
    auto expected = tbtest::readJson(dir + "/expected.json");
    auto tensors = readAllTensors(dir + "/expected.safetensors");
    auto model = loadSeq2SeqLM(dir, {"cpu", "fp32"});
    torch::NoGradGuard ng;

    auto ids = tensors.at("input_ids").view({1, -1});
    std::vector<torch::Tensor> encHidden;
    auto enc = model->encode(ids, {}, {}, &encHidden);
    checkSums(encHidden, expected["encoder_hidden_states"], "encoder");

    Seq2SeqInput in;
    in.encoderHidden = enc;
    in.decoderInputIds = tensors.at("decoder_input_ids").view({1, -1});
    in.outputHiddenStates = true;
    auto out = model->decode(in);
    auto logits = out.logits[0];
    const double maxDiff = (logits - tensors.at("logits")).abs().max().item<double>();
    qInfo("%s: max |logit - transformers| over %lld decoder positions = %.3g", qPrintable(arch),
          static_cast<long long>(logits.size(0)), maxDiff);
    QVERIFY2(maxDiff < 1e-4, qPrintable(QStringLiteral("max abs logit diff %1").arg(maxDiff)));
    checkSums(out.decoderHiddenStates, expected["decoder_hidden_states"], "decoder");
    // decoder_input_ids = labels shifted right, as transformers builds them
    QVERIFY(torch::equal(model->shiftRight(tensors.at("labels")), tensors.at("decoder_input_ids")));

    auto labels = tensors.at("labels");
    auto lp = torch::log_softmax(logits.to(torch::kFloat64), -1);
    auto valid = labels != -100;
    auto nll = -lp.gather(1, labels.clamp_min(0).view({-1, 1})).view({-1});
    const double loss = ((nll * valid).sum() / valid.sum()).item<double>();
    const double refLoss = expected["loss"]["loss"].get<double>();
    qInfo("%s: loss %.8f vs %.8f", qPrintable(arch), loss, refLoss);
    QVERIFY2(std::abs(loss - refLoss) < 1e-5, qPrintable(QStringLiteral("loss %1 vs %2").arg(loss).arg(refLoss)));

    auto want = expected["greedy"]["new_tokens"].get<std::vector<int64_t>>();
    std::vector<int64_t> prompt(tensors.at("input_ids").data_ptr<int64_t>(),
                                tensors.at("input_ids").data_ptr<int64_t>() + tensors.at("input_ids").numel());
    GenerationOptions opt;
    opt.maxNewTokens = static_cast<int64_t>(want.size());
    auto res = generateSeq2Seq(*model, {prompt}, opt);
    QCOMPARE(res.newTokens[0], want);
    std::vector<int64_t> dec{model->config().decoderStartTokenId}, noCache;
    for (size_t s = 0; s < want.size(); ++s) {
        Seq2SeqInput step;
        step.encoderHidden = enc;
        step.decoderInputIds = torch::tensor(dec, torch::kInt64).view({1, -1});
        auto next = model->decode(step).logits[0][-1].argmax().item<int64_t>();
        noCache.push_back(next);
        dec.push_back(next);
    }
    QCOMPARE(noCache, want);
}

QTEST_GUILESS_MAIN(TestT5Parity)
#include "test_t5_parity.moc"
