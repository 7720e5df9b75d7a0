// Generation semantics beyond greedy parity: seeded sampling is reproducible, top-k 1 equals
// greedy, EOS and stop strings end a sequence, the callback streams every token, cancel stops,
// and repetition penalty matches transformers live (when the reference venv exists).
#include "ModelTestUtil.h"

#include "io/RuntimeInfo.h"
#include "models/Generation.h"
#include "models/ModelLoader.h"

#include <torch/torch.h>

#include <QProcess>

using namespace tb;

class TestGeneration : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { configureCpuThreads(2); }
    void seededSamplingIsReproducible();
    void topKOneIsGreedy();
    void eosStops();
    void stopStrings();
    void callbackAndCancel();
    void repetitionPenaltyMatchesTransformers();
};

namespace {
std::vector<int64_t> prompt() { return {405, 25, 220, 54, 369, 295}; }
}

void TestGeneration::seededSamplingIsReproducible() {
    TB_REQUIRE_SHARED();
    auto model = loadCausalLM(tbtest::fixtureDir("gpt2"), {"cpu", "fp32"});
    GenerationOptions opt;
    opt.doSample = true;
    opt.temperature = 1.5;
    opt.topP = 0.95;
    opt.topK = 40;
    opt.maxNewTokens = 12;
    opt.hasSeed = true;
    opt.seed = 7;
    auto a = generate(*model, {prompt()}, opt);
    auto b = generate(*model, {prompt()}, opt);
    QCOMPARE(a.newTokens, b.newTokens);
    opt.seed = 8;
    bool differs = false;
    for (uint64_t s = 8; s < 12 && !differs; ++s) {
        opt.seed = s;
        differs = generate(*model, {prompt()}, opt).newTokens != a.newTokens;
    }
    QVERIFY2(differs, "different seeds never changed the sample");
}

void TestGeneration::topKOneIsGreedy() {
    TB_REQUIRE_SHARED();
    auto model = loadCausalLM(tbtest::fixtureDir("llama_gqa"), {"cpu", "fp32"});
    GenerationOptions greedy;
    greedy.maxNewTokens = 10;
    GenerationOptions k1 = greedy;
    k1.doSample = true;
    k1.topK = 1;
    k1.temperature = 0.7;
    QCOMPARE(generate(*model, {prompt()}, k1).newTokens, generate(*model, {prompt()}, greedy).newTokens);
}

void TestGeneration::eosStops() {
    TB_REQUIRE_SHARED();
    auto model = loadCausalLM(tbtest::fixtureDir("gpt2"), {"cpu", "fp32"});
    GenerationOptions opt;
    opt.maxNewTokens = 10;
    auto full = generate(*model, {prompt(), {290, 350}}, opt);
    // Declare the third token of the first sequence an EOS: it ends there (inclusive); the
    // other sequence continues unless it emits it too.
    const int64_t eos = full.newTokens[0][2];
    opt.eosTokenIds = {eos};
    auto res = generate(*model, {prompt(), {290, 350}}, opt);
    auto firstEos = std::find(full.newTokens[0].begin(), full.newTokens[0].end(), eos) - full.newTokens[0].begin();
    QCOMPARE(res.newTokens[0], std::vector<int64_t>(full.newTokens[0].begin(), full.newTokens[0].begin() + firstEos + 1));
    QCOMPARE(res.finishReasons[0], std::string("eos"));
    auto it = std::find(full.newTokens[1].begin(), full.newTokens[1].end(), eos);
    const auto n = it == full.newTokens[1].end() ? full.newTokens[1].size() : size_t(it - full.newTokens[1].begin() + 1);
    QCOMPARE(res.newTokens[1], std::vector<int64_t>(full.newTokens[1].begin(), full.newTokens[1].begin() + static_cast<long>(n)));
}

void TestGeneration::stopStrings() {
    TB_REQUIRE_SHARED();
    auto model = loadCausalLM(tbtest::fixtureDir("gpt2"), {"cpu", "fp32"});
    GenerationOptions opt;
    opt.maxNewTokens = 10;
    // A stand-in decoder: token ids as "<id>" text.
    opt.decode = [](const std::vector<int64_t>& ids) {
        std::string s;
        for (auto i : ids) s += "<" + std::to_string(i) + ">";
        return s;
    };
    auto full = generate(*model, {prompt()}, opt);
    QVERIFY(full.newTokens[0].size() == 10);
    opt.stopStrings = {"<" + std::to_string(full.newTokens[0][3]) + ">"};
    auto res = generate(*model, {prompt()}, opt);
    auto first = std::find(full.newTokens[0].begin(), full.newTokens[0].end(), full.newTokens[0][3]) - full.newTokens[0].begin();
    QCOMPARE(res.newTokens[0].size(), size_t(first + 1));
    QCOMPARE(res.finishReasons[0], std::string("stop_string"));
    QCOMPARE(res.texts[0], opt.decode(res.newTokens[0]));
}

void TestGeneration::callbackAndCancel() {
    TB_REQUIRE_SHARED();
    auto model = loadCausalLM(tbtest::fixtureDir("qwen2"), {"cpu", "fp32"});
    std::atomic<bool> cancel{false};
    std::vector<int64_t> streamed;
    GenerationOptions opt;
    opt.maxNewTokens = 20;
    opt.cancel = &cancel;
    opt.onToken = [&](int64_t seq, int64_t tok) {
        QCOMPARE(seq, int64_t(0));
        streamed.push_back(tok);
        if (streamed.size() == 5) cancel = true;
    };
    auto res = generate(*model, {prompt()}, opt);
    QCOMPARE(res.newTokens[0], streamed);
    QCOMPARE(streamed.size(), size_t(5));
    QCOMPARE(res.finishReasons[0], std::string("cancelled"));
}

void TestGeneration::repetitionPenaltyMatchesTransformers() {
    TB_REQUIRE_SHARED();
    const QString py = QStringLiteral(TB_REFERENCE_PYTHON);
    if (!QFile::exists(py)) QSKIP("reference venv (.venv-reference) is absent; run scripts/setup-reference.sh");
    const auto dir = tbtest::fixtureDir("llama");
    QProcess p;
    p.start(py, {QStringLiteral(TB_SOURCE_DIR "/tests/models/reference_generate.py"), QString::fromStdString(dir),
                 QStringLiteral("1,15,27,99,15,27"), QStringLiteral("12"), QStringLiteral("1.3")});
    QVERIFY(p.waitForFinished(180000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    auto ref = nlohmann::json::parse(p.readAllStandardOutput().toStdString());
    auto model = loadCausalLM(dir, {"cpu", "fp32"});
    GenerationOptions opt;
    opt.maxNewTokens = 12;
    opt.repetitionPenalty = 1.3;
    auto res = generate(*model, {{1, 15, 27, 99, 15, 27}}, opt);
    QCOMPARE(res.newTokens[0], ref["new_tokens"].get<std::vector<int64_t>>());
}

QTEST_GUILESS_MAIN(TestGeneration)
#include "test_generation.moc"
