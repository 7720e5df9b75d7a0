// Parity with transformers 4.40.2 on the hf-tiny fixtures (../shared/fixtures/hf-tiny): logits at
// every position, masked loss, greedy with and without the KV cache, the left-padded batch,
// hidden-state checksums. Prints the max abs logit difference per fixture.
#include "ModelTestUtil.h"

#include "io/RuntimeInfo.h"
#include "models/Generation.h"
#include "models/ModelLoader.h"
#include "models/TensorIO.h"

#include <torch/torch.h>

using namespace tb;

class TestModelParity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { configureCpuThreads(2); }
    void parity_data();
    void parity();
    void stories260K_data();
    void stories260K();
    void stories260KBf16OnCpu();
};

void TestModelParity::parity_data() {
    QTest::addColumn<QString>("arch");
    for (const char* a : {"gpt2", "llama", "llama_gqa", "qwen2", "gpt_neox"}) QTest::newRow(a) << QString::fromLatin1(a);
}

void TestModelParity::parity() {
    TB_REQUIRE_SHARED();
    QFETCH(QString, arch);
    const auto dir = tbtest::fixtureDir(arch.toStdString());
    auto expected = tbtest::readJson(dir + "/expected.json");
    auto tensors = readAllTensors(dir + "/expected.safetensors");
    auto model = loadCausalLM(dir, {"cpu", "fp32"});
    torch::NoGradGuard ng;

    // 1. logits at every position
    auto ids = tensors.at("input_ids").view({1, -1});
    ForwardInput in;
    in.inputIds = ids;
    in.outputHiddenStates = true;
    auto out = model->forward(in);
    auto logits = out.logits[0];
    const double maxDiff = (logits - tensors.at("logits")).abs().max().item<double>();
    qInfo("%s: max |logit - transformers| over %lld positions = %.3g", qPrintable(arch),
          static_cast<long long>(logits.size(0)), maxDiff);
    QVERIFY2(maxDiff < 1e-4, qPrintable(QStringLiteral("max abs logit diff %1").arg(maxDiff)));

    // 2. masked loss (labels -100 on the prompt), as transformers shifts them
    auto labels = tensors.at("labels");
    const auto t = labels.size(0);
    auto lp = torch::log_softmax(logits.narrow(0, 0, t - 1).to(torch::kFloat64), -1);
    auto target = labels.narrow(0, 1, t - 1);
    auto valid = target != -100;
    auto nll = -lp.gather(1, target.clamp_min(0).view({-1, 1})).view({-1});
    const double loss = (nll * valid).sum().item<double>() / valid.sum().item<double>();
    const double refLoss = expected["loss"]["loss"].get<double>();
    qInfo("%s: loss %.8f vs %.8f", qPrintable(arch), loss, refLoss);
    QVERIFY2(std::abs(loss - refLoss) < 1e-5, qPrintable(QStringLiteral("loss %1 vs %2").arg(loss).arg(refLoss)));

    // 3. hidden-state checksums
    const auto& hs = expected["hidden_states"];
    QCOMPARE(out.hiddenStates.size(), hs.size());
    for (size_t i = 0; i < hs.size(); ++i) {
        auto h = out.hiddenStates[i].to(torch::kFloat64);
        const double sum = h.sum().item<double>(), absSum = h.abs().sum().item<double>();
        const double refSum = hs[i]["sum"].get<double>(), refAbs = hs[i]["abs_sum"].get<double>();
        QVERIFY2(std::abs(absSum - refAbs) <= 1e-4 * std::max(1.0, refAbs) && std::abs(sum - refSum) <= 1e-4 * std::max(1.0, refAbs),
                 qPrintable(QStringLiteral("hidden state %1: sum %2 vs %3, abs_sum %4 vs %5").arg(i).arg(sum).arg(refSum).arg(absSum).arg(refAbs)));
    }

    // 4. greedy: with the KV cache (generate) and without (full forward each step), both = transformers
    std::vector<int64_t> prompt = expected["greedy"]["prompt_ids"].get<std::vector<int64_t>>();
    auto want = expected["greedy"]["new_tokens"].get<std::vector<int64_t>>();
    GenerationOptions opt;
    opt.maxNewTokens = static_cast<int64_t>(want.size());
    auto res = generate(*model, {prompt}, opt);
    QCOMPARE(res.newTokens[0], want);
    std::vector<int64_t> seq = prompt, noCache;
    for (size_t s = 0; s < want.size(); ++s) {
        ForwardInput f;
        f.inputIds = torch::tensor(seq, torch::kInt64).view({1, -1});
        auto next = model->forward(f).logits[0][-1].argmax().item<int64_t>();
        noCache.push_back(next);
        seq.push_back(next);
    }
    QCOMPARE(noCache, want);

    // 5. the left-padded batch: equal to transformers and to the unpadded runs
    ForwardInput b;
    b.inputIds = tensors.at("batch_input_ids");
    b.attentionMask = tensors.at("batch_attention_mask");
    auto bl = model->forward(b).logits.select(1, -1);
    const double batchDiff = (bl - tensors.at("batch_logits_last")).abs().max().item<double>();
    QVERIFY2(batchDiff < 1e-4, qPrintable(QStringLiteral("batch logits diff %1").arg(batchDiff)));
    // position ids derived from the mask equal the ones transformers used
    auto mask = tensors.at("batch_attention_mask");
    // (only where the mask is 1: a padded slot's position is never attended to, and the
    // fixture writes 0 there where generate() writes 1)
    auto pos = (mask.cumsum(-1) - 1).to(torch::kInt64);
    for (int64_t row = 0; row < mask.size(0); ++row) {
        auto refPos = torch::tensor(expected["batch"]["position_ids"][row].get<std::vector<int64_t>>(), torch::kInt64);
        auto real = mask[row].to(torch::kBool);
        QVERIFY(torch::equal(pos[row].masked_select(real), refPos.masked_select(real)));
    }
    for (int64_t row = 0; row < mask.size(0); ++row) {
        auto m = mask[row].to(torch::kBool);
        ForwardInput u;
        u.inputIds = tensors.at("batch_input_ids")[row].masked_select(m).view({1, -1});
        auto ul = model->forward(u).logits[0][-1];
        const double d = (ul - bl[row]).abs().max().item<double>();
        QVERIFY2(d < 1e-4, qPrintable(QStringLiteral("row %1 padded vs unpadded diff %2").arg(row).arg(d)));
    }
    // batched generation with left padding = each prompt alone
    std::vector<std::vector<int64_t>> prompts;
    for (int64_t row = 0; row < mask.size(0); ++row) {
        auto r = tensors.at("batch_input_ids")[row].masked_select(mask[row].to(torch::kBool));
        prompts.emplace_back(r.data_ptr<int64_t>(), r.data_ptr<int64_t>() + r.numel());
    }
    GenerationOptions g;
    g.maxNewTokens = 6;
    auto batched = generate(*model, prompts, g);
    for (size_t row = 0; row < prompts.size(); ++row) QCOMPARE(batched.newTokens[row], generate(*model, {prompts[row]}, g).newTokens[0]);
}

void TestModelParity::stories260K_data() {
    QTest::addColumn<QString>("golden");
    QTest::newRow("from_bos") << QStringLiteral("golden_greedy_from_bos.json");
    QTest::newRow("once_upon_a_time") << QStringLiteral("golden_greedy_once_upon_a_time.json");
}

void TestModelParity::stories260K() {
    const std::string dir = std::string(TB_SHARED_DIR) + "/models/stories260K";
    if (!std::filesystem::exists(dir)) QSKIP("../shared/models/stories260K is absent");
    QFETCH(QString, golden);
    auto g = tbtest::readJson(dir + "/" + golden.toStdString());
    auto model = loadCausalLM(dir, {"cpu", "fp32"});
    auto want = g["greedy_ids"].get<std::vector<int64_t>>();
    GenerationOptions opt;
    opt.maxNewTokens = static_cast<int64_t>(want.size());
    opt.eosTokenIds = eosTokenIdsForModelDir(dir);
    auto res = generate(*model, {g["prompt_ids"].get<std::vector<int64_t>>()}, opt);
    QCOMPARE(res.newTokens[0], want);
}

// bf16 weights on the CPU (`generate --dtype bf16`): along the golden continuation the logits
// stay close to fp32's, pick the same token wherever fp32's choice is clear, and greedy
// generation gives the golden text's first tokens.
void TestModelParity::stories260KBf16OnCpu() {
    const std::string dir = std::string(TB_SHARED_DIR) + "/models/stories260K";
    if (!std::filesystem::exists(dir)) QSKIP("../shared/models/stories260K is absent");
    auto g = tbtest::readJson(dir + "/golden_greedy_once_upon_a_time.json");
    auto fp32 = loadCausalLM(dir, {"cpu", "fp32"});
    auto bf16 = loadCausalLM(dir, {"cpu", "bf16"});
    QCOMPARE(bf16->parameters().front().scalar_type(), torch::kBFloat16);
    auto ids = g["prompt_ids"].get<std::vector<int64_t>>();
    const auto golden = g["greedy_ids"].get<std::vector<int64_t>>();
    const size_t promptLen = ids.size();
    ids.insert(ids.end(), golden.begin(), golden.end());
    torch::NoGradGuard ng;
    ForwardInput in;
    in.inputIds = torch::tensor(ids, torch::kInt64).unsqueeze(0);
    const auto lf = fp32->forward(in).logits[0];
    const auto lb = bf16->forward(in).logits[0].to(torch::kFloat32);
    const double scale = lf.abs().max().item<double>();
    const double diff = (lf - lb).abs().max().item<double>();
    QVERIFY2(diff < 0.05 * scale, qPrintable(QStringLiteral("bf16 logits differ by %1 (largest logit %2)").arg(diff).arg(scale)));
    const auto top2 = std::get<0>(lf.topk(2, -1));
    const auto clear = (top2.select(1, 0) - top2.select(1, 1)) > 0.1 * scale;
    const auto same = lf.argmax(-1) == lb.argmax(-1);
    QVERIFY(clear.sum().item<int64_t>() > static_cast<int64_t>(ids.size()) / 2);
    QCOMPARE((same | ~clear).all().item<bool>(), true);
    GenerationOptions opt;
    opt.maxNewTokens = 10;
    auto res = generate(*bf16, {std::vector<int64_t>(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(promptLen))}, opt);
    QCOMPARE(res.newTokens[0], std::vector<int64_t>(golden.begin(), golden.begin() + 10));
}

QTEST_GUILESS_MAIN(TestModelParity)
#include "test_model_parity.moc"
