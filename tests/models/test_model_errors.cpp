// A clear error (never a crash) for each way a model folder can be wrong: dtype or shape that
// does not match config.json, a missing tensor, an unexpected tensor, an unknown model_type,
// and a prompt longer than the context.
#include "ModelTestUtil.h"

#include "io/RuntimeInfo.h"
#include "models/Generation.h"
#include "models/ModelLoader.h"
#include "models/TensorIO.h"
#include "util/Error.h"

#include <torch/torch.h>

#include <QTemporaryDir>

using namespace tb;

namespace {

QString errorOf(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

// The llama fixture copied to `dir`, its weights rewritten through `edit`.
void damagedCopy(const std::string& dir, const std::function<void(std::map<std::string, torch::Tensor>&)>& edit) {
    tbtest::copyFolder(tbtest::fixtureDir("llama"), dir);
    auto tensors = readAllTensors(dir + "/model.safetensors");
    edit(tensors);
    std::vector<std::pair<std::string, torch::Tensor>> list(tensors.begin(), tensors.end());
    saveTensors(dir + "/model.safetensors", list);
}

} // namespace

class TestModelErrors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { configureCpuThreads(2); }
    void dtypeMismatch();
    void shapeMismatch();
    void missingTensor();
    void unexpectedTensor();
    void unknownModelType();
    void promptLongerThanContext();
    void badDeviceAndDtype();
};

void TestModelErrors::dtypeMismatch() {
    TB_REQUIRE_SHARED();
    QTemporaryDir tmp;
    const auto dir = tmp.path().toStdString();
    damagedCopy(dir, [](auto& t) { t["model.norm.weight"] = t["model.norm.weight"].to(torch::kInt32); });
    auto msg = errorOf([&] { loadCausalLM(dir, {"cpu", "fp32"}); });
    QVERIFY2(msg.contains(QStringLiteral("model.norm.weight")) && msg.contains(QStringLiteral("I32")), qPrintable(msg));
}

void TestModelErrors::shapeMismatch() {
    TB_REQUIRE_SHARED();
    QTemporaryDir tmp;
    const auto dir = tmp.path().toStdString();
    damagedCopy(dir, [](auto& t) { t["model.layers.1.mlp.up_proj.weight"] = torch::zeros({170, 64}); });
    auto msg = errorOf([&] { loadCausalLM(dir, {"cpu", "fp32"}); });
    QVERIFY2(msg.contains(QStringLiteral("model.layers.1.mlp.up_proj.weight")) && msg.contains(QStringLiteral("[170, 64]")) &&
                 msg.contains(QStringLiteral("[176, 64]")),
             qPrintable(msg));
}

void TestModelErrors::missingTensor() {
    TB_REQUIRE_SHARED();
    QTemporaryDir tmp;
    const auto dir = tmp.path().toStdString();
    damagedCopy(dir, [](auto& t) { t.erase("model.layers.0.self_attn.k_proj.weight"); });
    auto msg = errorOf([&] { loadCausalLM(dir, {"cpu", "fp32"}); });
    QVERIFY2(msg.contains(QStringLiteral("missing tensors model.layers.0.self_attn.k_proj.weight")), qPrintable(msg));
}

void TestModelErrors::unexpectedTensor() {
    TB_REQUIRE_SHARED();
    QTemporaryDir tmp;
    const auto dir = tmp.path().toStdString();
    damagedCopy(dir, [](auto& t) { t["model.layers.2.self_attn.q_proj.weight"] = torch::zeros({64, 64}); });
    auto msg = errorOf([&] { loadCausalLM(dir, {"cpu", "fp32"}); });
    QVERIFY2(msg.contains(QStringLiteral("unexpected tensors model.layers.2.self_attn.q_proj.weight")), qPrintable(msg));
}

void TestModelErrors::unknownModelType() {
    TB_REQUIRE_SHARED();
    QTemporaryDir tmp;
    const auto dir = tmp.path().toStdString();
    tbtest::copyFolder(tbtest::fixtureDir("llama"), dir);
    auto cfg = tbtest::readJson(dir + "/config.json");
    cfg["model_type"] = "mamba";
    std::ofstream(dir + "/config.json") << cfg.dump();
    auto msg = errorOf([&] { loadCausalLM(dir, {"cpu", "fp32"}); });
    QVERIFY2(msg.contains(QStringLiteral("'mamba' is not supported")) && msg.contains(QStringLiteral("gpt2, llama, mistral, qwen2, gpt_neox")),
             qPrintable(msg));
}

void TestModelErrors::promptLongerThanContext() {
    TB_REQUIRE_SHARED();
    auto model = loadCausalLM(tbtest::fixtureDir("gpt2"), {"cpu", "fp32"});   // n_positions 128
    std::vector<int64_t> prompt(129, 5);
    GenerationOptions opt;
    opt.maxNewTokens = 4;
    auto msg = errorOf([&] { generate(*model, {prompt}, opt); });
    QVERIFY2(msg.contains(QStringLiteral("129 tokens")) && msg.contains(QStringLiteral("context is 128")), qPrintable(msg));
    ForwardInput in;
    in.inputIds = torch::full({1, 130}, 5, torch::kInt64);
    msg = errorOf([&] { model->forward(in); });
    QVERIFY2(msg.contains(QStringLiteral("context is 128")), qPrintable(msg));
    // Generation that would run past the context stops there instead.
    prompt.resize(126);
    auto res = generate(*model, {prompt}, opt);
    QCOMPARE(res.newTokens[0].size(), size_t(2));
    QCOMPARE(res.finishReasons[0], std::string("context"));
}

void TestModelErrors::badDeviceAndDtype() {
    QVERIFY(errorOf([] { resolveDevice("tpu"); }).contains(QStringLiteral("not cpu, cuda")));
    QVERIFY(errorOf([] { resolveDtype("fp16", torch::Device(torch::kCPU)); }).contains(QStringLiteral("only supported on CUDA")));
    QCOMPARE(resolveDtype("bf16", torch::Device(torch::kCPU)), torch::kBFloat16);   // oneDNN's bf16 GEMMs
}

QTEST_GUILESS_MAIN(TestModelErrors)
#include "test_model_errors.moc"
