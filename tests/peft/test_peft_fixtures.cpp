// PEFT 0.10.0 fixtures (../shared/fixtures/hf-tiny/<arch>/{lora,prompt_tuning}): our loader and
// forward give transformers+peft's logits within 1e-4, merged too, and the merged folder that
// peft wrote loads as a plain model with the same logits; the masked loss matches.
#include "models/ModelLoader.h"
#include "peft/PeftModel.h"
#include "peft/TensorFiles.h"
#include "training/CausalLmLoss.h"

#include <QtTest>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace tb;

namespace {
const fs::path kTiny = fs::path(TB_SHARED_DIR) / "fixtures" / "hf-tiny";

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) {
    return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

torch::Tensor logitsFor(peft::PeftModel& pm, const torch::Tensor& ids) {
    torch::NoGradGuard ng;
    ForwardInput in;
    in.inputIds = ids.unsqueeze(0);
    return pm.forward(in).logits.squeeze(0);
}
} // namespace

class TestPeftFixtures : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        if (!fs::exists(kTiny)) QSKIP("../shared/fixtures/hf-tiny is absent");
        torch::set_num_threads(2);
    }

    void lora_data() {
        QTest::addColumn<QString>("arch");
        for (const char* a : {"llama", "llama_gqa", "qwen2", "gpt2", "gpt_neox"}) QTest::newRow(a) << QString::fromLatin1(a);
    }
    void lora() {
        QFETCH(QString, arch);
        const auto dir = kTiny / arch.toStdString();
        auto expected = peft::loadTensors((dir / "lora" / "expected.safetensors").string());
        auto ids = expected.at("input_ids");
        peft::PeftModel pm(loadCausalLM(dir.string(), {"cpu", "fp32"}), dir.string());
        auto& adapter = pm.loadAdapter((dir / "lora").string());
        QCOMPARE(QString::fromStdString(adapter.method()), QStringLiteral("lora"));
        auto logits = logitsFor(pm, ids);
        const double d = maxDiff(logits, expected.at("logits"));
        qInfo("%s lora: max |diff| %.3g", qPrintable(arch), d);
        QVERIFY2(d < 1e-4, qPrintable(QStringLiteral("lora logits differ by %1").arg(d)));

        // masked loss as transformers computes it (expected.json "loss")
        std::ifstream in(dir / "lora" / "expected.json");
        auto ej = nlohmann::json::parse(in);
        if (ej.contains("loss") && expected.count("labels")) {
            torch::NoGradGuard ng;
            auto loss = causalLmLoss(logits.unsqueeze(0), expected.at("labels").unsqueeze(0)).item<double>();
            QVERIFY2(std::abs(loss - ej["loss"]["loss"].get<double>()) < 1e-4, qPrintable(QString::number(loss)));
        }

        pm.mergeActive();
        const double dm = maxDiff(logitsFor(pm, ids), expected.at("merged_logits"));
        QVERIFY2(dm < 1e-4, qPrintable(QStringLiteral("merged logits differ by %1").arg(dm)));
        pm.unmergeActive();
        QVERIFY(maxDiff(logitsFor(pm, ids), expected.at("logits")) < 1e-4);

        // The merged folder peft saved loads as a normal model.
        if (fs::exists(dir / "lora" / "merged" / "config.json")) {
            peft::PeftModel merged(loadCausalLM((dir / "lora" / "merged").string(), {"cpu", "fp32"}));
            const double df = maxDiff(logitsFor(merged, ids), expected.at("merged_logits"));
            QVERIFY2(df < 1e-4, qPrintable(QStringLiteral("merged folder logits differ by %1").arg(df)));
        }

        // Our own export of the merged model gives the same logits.
        QTemporaryDir tmp;
        pm.exportMerged(tmp.path().toStdString());
        peft::PeftModel ours(loadCausalLM(tmp.path().toStdString(), {"cpu", "fp32"}));
        QVERIFY(maxDiff(logitsFor(ours, ids), expected.at("merged_logits")) < 1e-4);
        QVERIFY(fs::exists(fs::path(tmp.path().toStdString()) / "tokenizer_config.json"));
    }

    void promptTuning_data() { lora_data(); }
    void promptTuning() {
        QFETCH(QString, arch);
        const auto dir = kTiny / arch.toStdString();
        auto expected = peft::loadTensors((dir / "prompt_tuning" / "expected.safetensors").string());
        peft::PeftModel pm(loadCausalLM(dir.string(), {"cpu", "fp32"}), dir.string());
        pm.loadAdapter((dir / "prompt_tuning").string());
        QCOMPARE(pm.numVirtualTokens(), expected.at("prompt_embeddings").size(0));
        auto logits = logitsFor(pm, expected.at("input_ids"));
        QVERIFY(logits.sizes() == expected.at("logits").sizes());
        const double d = maxDiff(logits, expected.at("logits"));
        qInfo("%s prompt tuning: max |diff| %.3g", qPrintable(arch), d);
        QVERIFY2(d < 1e-4, qPrintable(QStringLiteral("prompt-tuning logits differ by %1").arg(d)));
    }
};

QTEST_GUILESS_MAIN(TestPeftFixtures)
#include "test_peft_fixtures.moc"
