// One matrix over every method (PEFT's test style) on the tiny fixtures: disabled adapter =
// base output, merged = unmerged, unmerge restores the base, only trainable parameters change
// after a step, save -> load round trip, and the config errors users hit.
#include "models/ModelLoader.h"
#include "peft/PeftModel.h"
#include "training/AdamW.h"
#include "training/CausalLmLoss.h"
#include "util/Error.h"

#include <QtTest>

#include <filesystem>
#include <map>

namespace fs = std::filesystem;
using namespace tb;

namespace {
const fs::path kTiny = fs::path(TB_SHARED_DIR) / "fixtures" / "hf-tiny";

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

torch::Tensor logitsFor(peft::PeftModel& pm, const torch::Tensor& ids) {
    torch::NoGradGuard ng;
    ForwardInput in;
    in.inputIds = ids;
    auto l = pm.forward(in).logits;
    return l.slice(1, pm.numVirtualTokens()).clone();
}

std::map<std::string, torch::Tensor> snapshot(CausalLM& m) {
    std::map<std::string, torch::Tensor> out;
    for (const auto& p : m.named_parameters(true)) out[p.key()] = p.value().detach().clone();
    return out;
}

nlohmann::json methodConfig(const QString& m) {
    if (m == QLatin1String("lora")) return {{"method", "lora"}, {"r", 4}, {"lora_alpha", 8}, {"target_modules", nlohmann::json::array()}};
    if (m == QLatin1String("lora_rs_gauss")) return {{"method", "lora"}, {"r", 4}, {"lora_alpha", 8}, {"use_rslora", true}, {"init_lora_weights", "gaussian"}, {"target_modules", ".*\\.(mlp|attn|attention)\\..*"}};
    if (m == QLatin1String("ia3")) return {{"method", "ia3"}};
    if (m == QLatin1String("prompt")) return {{"method", "prompt"}, {"num_virtual_tokens", 3}};
    if (m == QLatin1String("full")) return {{"method", "full"}};
    return {{"method", "selective"}, {"layers", "1-1"}, {"norms", true}, {"bias_only", true}};
}
} // namespace

class TestPeftMatrix : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        if (!fs::exists(kTiny)) QSKIP("../shared/fixtures/hf-tiny is absent");
        torch::set_num_threads(2);
    }

    void matrix_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("method");
        for (const char* a : {"llama", "gpt2", "gpt_neox"})
            for (const char* m : {"lora", "lora_rs_gauss", "ia3", "prompt", "full", "selective"})
                QTest::newRow((std::string(a) + "/" + m).c_str()) << QString::fromLatin1(a) << QString::fromLatin1(m);
    }

    void matrix() {
        QFETCH(QString, arch);
        QFETCH(QString, method);
        const auto dir = (kTiny / arch.toStdString()).string();
        torch::manual_seed(7);
        auto cfg = methodConfig(method);
        if (cfg.contains("target_modules") && cfg["target_modules"].is_array()) cfg.erase("target_modules");   // PEFT defaults
        peft::PeftModel pm(loadCausalLM(dir, {"cpu", "fp32"}), dir);
        const int64_t vocab = pm.base().config().vocabSize;
        auto ids = torch::randint(3, vocab, {2, 9}, torch::kInt64);
        auto base = logitsFor(pm, ids);
        auto before = snapshot(pm.base());

        auto& adapter = pm.addAdapter("default", cfg);
        const bool isAdapter = adapter.savesAsAdapter();
        // Make the adapter do something (B starts at zero, IA3 at ones).
        {
            torch::NoGradGuard ng;
            for (auto& [n, t] : adapter.trainable())
                if (isAdapter) t.add_(torch::randn_like(t) * 0.1);
        }
        auto adapted = logitsFor(pm, ids);
        if (isAdapter) {
            QVERIFY2(maxDiff(adapted, base) > 1e-4, "the adapter changes nothing");
            pm.setAdaptersEnabled(false);
            QVERIFY2(maxDiff(logitsFor(pm, ids), base) < 1e-6, "disabled adapter != base");
            pm.setAdaptersEnabled(true);
        }
        if (adapter.canMerge()) {
            pm.mergeActive();
            const double d = maxDiff(logitsFor(pm, ids), adapted);
            QVERIFY2(d < 1e-4, qPrintable(QStringLiteral("merged != unmerged by %1").arg(d)));
            pm.unmergeActive();
            for (const auto& p : pm.base().named_parameters(true))
                if (before.count(p.key())) QVERIFY2(maxDiff(p.value(), before.at(p.key())) < 1e-5, p.key().c_str());
            // W + dW - dW is W only up to fp32 rounding (the parameters above are within 1e-5);
            // through the layers of these random-weight models that is ~1e-5 on logits of ~20.
            const double u = maxDiff(logitsFor(pm, ids), adapted);
            QVERIFY2(u < 1e-4, qPrintable(QStringLiteral("unmerged != before merging by %1").arg(u)));
            // Put the exact base weights back so the save/load round trip below can be strict.
            torch::NoGradGuard ng;
            for (const auto& p : pm.base().named_parameters(true))
                if (before.count(p.key())) p.value().copy_(before.at(p.key()));
        }

        // Parameter accounting: trainable = the adapter's tensors; total = base + adapter.
        auto counts = pm.parameterCounts();
        int64_t trainable = 0;
        for (auto& [n, t] : adapter.trainable()) trainable += t.numel();
        QCOMPARE(counts.trainable, trainable);
        QVERIFY(counts.total >= pm.base().parameterCount() - 1);

        // One step: only the trainable tensors change.
        pm.prepareForTraining();
        std::vector<AdamW::Param> params;
        std::map<std::string, torch::Tensor> trainBefore;
        for (auto& [n, t] : pm.trainableParameters()) {
            params.push_back({n, t, AdamW::decays(n, t)});
            trainBefore[n] = t.detach().clone();
        }
        auto frozenBefore = snapshot(pm.base());
        AdamW opt(params, 0.01, 0.9, 0.999, 1e-8);
        ForwardInput in;
        in.inputIds = ids;
        auto loss = causalLmLoss(pm.forward(in).logits, ids, pm.numVirtualTokens());
        loss.backward();
        opt.step(1e-2);
        opt.zeroGrad();
        std::set<const void*> trainableImpls;
        for (auto& [n, t] : pm.trainableParameters()) {
            trainableImpls.insert(t.unsafeGetTensorImpl());
            QVERIFY2(maxDiff(t, trainBefore.at(n)) > 0, ("did not train: " + n).c_str());
        }
        for (const auto& p : pm.base().named_parameters(true)) {
            if (trainableImpls.count(p.value().unsafeGetTensorImpl())) continue;
            QVERIFY2(torch::equal(p.value(), frozenBefore.at(p.key())), ("frozen parameter changed: " + p.key()).c_str());
        }

        // Save -> load round trip.
        QTemporaryDir tmp;
        const auto out = tmp.path().toStdString();
        pm.saveAdapter(out);
        auto trained = logitsFor(pm, ids);
        if (isAdapter) {
            QVERIFY(fs::exists(fs::path(out) / "adapter_config.json"));
            peft::PeftModel fresh(loadCausalLM(dir, {"cpu", "fp32"}), dir);
            fresh.loadAdapter(out);
            QVERIFY2(maxDiff(logitsFor(fresh, ids), trained) < 1e-6, "reloaded adapter differs");
        } else {
            peft::PeftModel fresh(loadCausalLM(out, {"cpu", "fp32"}), out);
            QVERIFY2(maxDiff(logitsFor(fresh, ids), trained) < 1e-6, "reloaded model differs");
        }
    }

    void swapAdapters() {
        const auto dir = (kTiny / "llama").string();
        peft::PeftModel pm(loadCausalLM(dir, {"cpu", "fp32"}), dir);
        auto ids = torch::randint(3, 400, {1, 7}, torch::kInt64);
        auto base = logitsFor(pm, ids);
        pm.loadAdapter((kTiny / "llama" / "lora").string(), "lora");
        auto withLora = logitsFor(pm, ids);
        pm.loadAdapter((kTiny / "llama" / "prompt_tuning").string(), "soft");
        auto withSoft = logitsFor(pm, ids);
        QVERIFY(maxDiff(withLora, base) > 1e-3);
        pm.setActiveAdapter("lora");
        QVERIFY(maxDiff(logitsFor(pm, ids), withLora) < 1e-6);
        pm.setActiveAdapter("soft");
        QVERIFY(maxDiff(logitsFor(pm, ids), withSoft) < 1e-6);
        pm.removeAdapter("soft");
        QVERIFY(maxDiff(logitsFor(pm, ids), base) < 1e-6);
    }

    void targetErrors() {
        const auto dir = (kTiny / "llama").string();
        peft::PeftModel pm(loadCausalLM(dir, {"cpu", "fp32"}), dir);
        try {
            pm.addAdapter("x", {{"method", "lora"}, {"target_modules", {"q_proj", "qproj"}}});
            QFAIL("expected an error");
        } catch (const UsageError& e) {
            const QString msg = QString::fromUtf8(e.what());
            QVERIFY2(msg.contains(QStringLiteral("target modules qproj not found in the model (available: ")) &&
                         msg.contains(QStringLiteral("q_proj")),
                     qPrintable(msg));
        }
        QVERIFY_THROWS_EXCEPTION(UsageError, pm.addAdapter("y", {{"method", "lora"}, {"r", 0}}));
        QVERIFY_THROWS_EXCEPTION(UsageError, pm.addAdapter("z", {{"method", "lokr"}}));
        QVERIFY_THROWS_EXCEPTION(UsageError, pm.addAdapter("w", {{"method", "selective"}, {"layers", "7-9"}}));
        // GPT-2's Conv1D layers switch fan_in_fan_out on, as PEFT does.
        const auto g = (kTiny / "gpt2").string();
        peft::PeftModel gpt(loadCausalLM(g, {"cpu", "fp32"}), g);
        auto& a = gpt.addAdapter("default", {{"method", "lora"}});
        QCOMPARE(a.peftConfigJson()["fan_in_fan_out"].get<bool>(), true);
        QVERIFY(a.peftConfigJson()["target_modules"] == nlohmann::json({"c_attn"}));
    }
};

QTEST_GUILESS_MAIN(TestPeftMatrix)
#include "test_peft_matrix.moc"
