// Live parity with transformers 4.40.2 + peft 0.10.0 (the reference venv): adapters we create,
// perturb and save load in PeftModel.from_pretrained and give our logits and masked loss within
// 1e-4; gradients after one backward agree within 1e-4 (LoRA, IA3, prompt tuning, and full
// fine-tuning); trainable/total parameter counts equal get_nb_trainable_parameters() for the
// same configuration. In training mode with the same seed, model dropout (GPT-2's embd/attn/resid
// pdrop, GPT-NeoX's hidden/attention dropout, Llama's attention dropout) and LoRA dropout draw the
// same masks as transformers + peft: loss and gradients agree within 1e-4. A saved prompt-tuning adapter run for inference (withAdapterFromDir ->
// SoftPromptLM, KV-cached greedy generation) gives PeftModel.generate's tokens, and its logits
// are PeftModel::forward's without the virtual positions. Skips only when ../shared or the venv
// is absent.
#include "models/Generation.h"
#include "models/ModelLoader.h"
#include "peft/AdapterLoader.h"
#include "peft/PeftModel.h"
#include "peft/TensorFiles.h"
#include "training/CausalLmLoss.h"

#include <QProcess>
#include <QtTest>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace tb;

namespace {
const fs::path kTiny = fs::path(TB_SHARED_DIR) / "fixtures" / "hf-tiny";

// Regex spelling of target_modules (PEFT fullmatches it against every module name, so it must
// not catch activation or dropout modules).
const std::string kMlp = ".*\\.mlp\\.(c_fc|c_proj|gate_proj|up_proj|down_proj|dense_h_to_4h|dense_4h_to_h)";

struct Case {
    std::string name, arch, method;
    nlohmann::json ourConfig, peftConfig;
    uint64_t trainSeed = 0;                 // > 0: forward in training mode (dropout on), seeded
    nlohmann::json configChanges = nullptr; // applied to a copy of the fixture's config.json
};

std::vector<Case> cases() {
    std::vector<Case> out;
    for (const char* arch : {"llama", "gpt2", "gpt_neox", "qwen2"}) {
        const std::string a = arch;
        nlohmann::json targets = a == "gpt2" ? nlohmann::json{"c_attn", "c_proj"}
                               : a == "gpt_neox" ? nlohmann::json{"query_key_value", "dense_4h_to_h"}
                                                 : nlohmann::json{"q_proj", "v_proj", "down_proj"};
        out.push_back({a + "_lora", a, "lora",
                       {{"method", "lora"}, {"r", 4}, {"lora_alpha", 8}, {"target_modules", targets}},
                       {{"r", 4}, {"lora_alpha", 8}, {"target_modules", targets}}});
        out.push_back({a + "_rslora", a, "lora",
                       {{"method", "lora"}, {"r", 8}, {"lora_alpha", 16}, {"use_rslora", true}, {"target_modules", kMlp}},
                       {{"r", 8}, {"lora_alpha", 16}, {"use_rslora", true}, {"target_modules", kMlp}}});
        if (a != "qwen2") out.push_back({a + "_ia3", a, "ia3", {{"method", "ia3"}}, nlohmann::json::object()});
        out.push_back({a + "_prompt", a, "prompt", {{"method", "prompt"}, {"num_virtual_tokens", 5}}, {{"num_virtual_tokens", 5}}});
    }
    out.push_back({"llama_full", "llama", "full", {{"method", "full"}}, nullptr});
    // Training mode: the fixture's GPT-2 has embd/attn/resid_pdrop 0.1; the others get dropout set.
    const nlohmann::json loraDrop{{"r", 4}, {"lora_alpha", 8}, {"lora_dropout", 0.1}};
    auto with = [](nlohmann::json j, const char* key, nlohmann::json v) { j[key] = std::move(v); return j; };
    auto trainCase = [&](const std::string& arch, nlohmann::json targets, nlohmann::json changes) {
        auto peftCfg = with(loraDrop, "target_modules", targets);
        Case c{arch + "_train_dropout", arch, "lora", with(peftCfg, "method", "lora"), peftCfg, 4242, std::move(changes)};
        out.push_back(std::move(c));
    };
    trainCase("gpt2", {"c_attn", "c_proj", "c_fc"}, nullptr);
    trainCase("gpt_neox", {"query_key_value", "dense_4h_to_h"}, {{"attention_dropout", 0.1}, {"hidden_dropout", 0.1}});
    trainCase("llama", {"q_proj", "v_proj", "down_proj"}, {{"attention_dropout", 0.1}});
    return out;
}

double maxAbs(const torch::Tensor& t) { return t.abs().max().item<double>(); }
} // namespace

class TestPeftLive : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parity() {
        if (!fs::exists(kTiny)) QSKIP("../shared/fixtures/hf-tiny is absent");
        if (!fs::exists(TB_REFERENCE_PYTHON)) QSKIP("the reference venv (.venv-reference) is absent: run scripts/setup-reference.sh");
        torch::set_num_threads(2);
        QTemporaryDir tmp;
        const fs::path root(tmp.path().toStdString());
        nlohmann::json jobs = nlohmann::json::array();
        struct Ours {
            torch::Tensor logits;
            double loss;
            std::map<std::string, torch::Tensor> grads;
            int64_t trainable, total;
            std::vector<std::vector<int64_t>> generated;
        };
        std::map<std::string, Ours> ours;
        for (const auto& c : cases()) {
            std::string dir = (kTiny / c.arch).string();
            if (!c.configChanges.is_null()) {   // a copy of the fixture with other dropout settings
                const auto copy = root / ("model_" + c.name);
                fs::create_directories(copy);
                for (const auto& f : fs::directory_iterator(kTiny / c.arch))
                    if (f.is_regular_file()) fs::copy_file(f.path(), copy / f.path().filename());
                std::ifstream cin(copy / "config.json");
                auto cfg = nlohmann::json::parse(cin);
                cin.close();
                cfg.update(c.configChanges);
                std::ofstream(copy / "config.json") << cfg.dump(2);
                dir = copy.string();
            }
            torch::manual_seed(11);
            peft::PeftModel pm(loadCausalLM(dir, {"cpu", "fp32"}), dir);
            auto& adapter = pm.addAdapter("default", c.ourConfig);
            {
                torch::NoGradGuard ng;   // non-trivial adapter weights (B = 0, l = 1 at init)
                if (adapter.savesAsAdapter())
                    for (auto& [n, t] : adapter.trainable()) t.add_(torch::randn_like(t) * 0.05);
            }
            const auto adapterDir = root / c.name;
            if (adapter.savesAsAdapter()) pm.saveAdapter(adapterDir.string());
            pm.prepareForTraining();
            const int64_t vocab = pm.base().config().vocabSize;
            auto ids = torch::randint(3, vocab, {2, 12}, torch::kInt64);
            auto labels = ids.clone();
            labels.index_put_({0, torch::indexing::Slice(0, 5)}, -100);
            ForwardInput in;
            in.inputIds = ids;
            if (c.trainSeed) {
                pm.base().train();
                torch::manual_seed(c.trainSeed);
            }
            auto logits = pm.forward(in).logits;
            if (c.trainSeed) {
                // The same network in eval mode differs: dropout was on.
                torch::NoGradGuard ng;
                pm.base().eval();
                const double fromDropout = (pm.forward(in).logits - logits.detach()).abs().max().item<double>();
                QVERIFY2(fromDropout > 1e-3, (c.name + ": training mode changed nothing (dropout not applied?)").c_str());
            }
            auto loss = causalLmLoss(logits, labels, pm.numVirtualTokens());
            loss.backward();
            Ours o;
            o.logits = logits.detach();
            o.loss = loss.item<double>();
            for (auto& [key, t] : adapter.peftState())
                if (t.grad().defined()) o.grads[key] = t.grad().clone();
            const auto counts = pm.parameterCounts();
            o.trainable = counts.trainable;
            o.total = counts.total;
            std::vector<std::vector<int64_t>> idRows, labelRows;
            for (int64_t r = 0; r < 2; ++r) {
                auto ir = ids[r].contiguous(), lr = labels[r].contiguous();
                idRows.emplace_back(ir.data_ptr<int64_t>(), ir.data_ptr<int64_t>() + ir.numel());
                labelRows.emplace_back(lr.data_ptr<int64_t>(), lr.data_ptr<int64_t>() + lr.numel());
            }
            nlohmann::json job{{"name", c.name}, {"model_dir", dir}, {"method", c.method},
                               {"adapter_dir", adapter.savesAsAdapter() ? nlohmann::json(adapterDir.string()) : nlohmann::json(nullptr)},
                               {"peft_config", c.peftConfig}, {"input_ids", idRows}, {"labels", labelRows}};
            if (c.trainSeed) job["train_seed"] = c.trainSeed;
            if (c.method == "prompt") {
                // The saved soft prompt as inference runs it: same logits as training's forward
                // (less the virtual positions), and PeftModel.generate's greedy tokens.
                auto lm = withAdapterFromDir(loadCausalLM(dir, {"cpu", "fp32"}), adapterDir.string());
                const int64_t n = pm.numVirtualTokens();
                QCOMPARE(lm->contextLength(), pm.base().contextLength() - n);
                torch::NoGradGuard ng;
                ForwardInput fin;
                fin.inputIds = ids;
                const double dSoft = (lm->forward(fin).logits - o.logits.narrow(1, n, ids.size(1))).abs().max().item<double>();
                QVERIFY2(dSoft < 1e-4, (c.name + ": SoftPromptLM logits differ from PeftModel's by " + std::to_string(dSoft)).c_str());
                auto promptIds = torch::randint(3, vocab, {2, 6}, torch::kInt64);
                std::vector<std::vector<int64_t>> prompts;
                for (int64_t r = 0; r < 2; ++r) {
                    auto pr = promptIds[r].contiguous();
                    prompts.emplace_back(pr.data_ptr<int64_t>(), pr.data_ptr<int64_t>() + pr.numel());
                }
                GenerationOptions g;
                g.maxNewTokens = 8;
                g.padTokenId = 0;
                o.generated = generate(*lm, prompts, g).newTokens;
                job["generate"] = {{"input_ids", prompts}, {"max_new_tokens", g.maxNewTokens}};
            }
            ours[c.name] = o;
            jobs.push_back(job);
        }
        const auto jobsPath = root / "jobs.json";
        std::ofstream(jobsPath) << jobs.dump();
        QProcess py;
        py.setProcessChannelMode(QProcess::MergedChannels);
        py.start(QStringLiteral(TB_REFERENCE_PYTHON),
                 {QStringLiteral(TB_SOURCE_DIR "/tests/peft/peft_parity.py"), QString::fromStdString(jobsPath.string()),
                  QString::fromStdString(root.string())});
        QVERIFY(py.waitForFinished(600000));
        const auto log = py.readAll();
        QVERIFY2(py.exitCode() == 0, log.constData());
        std::ifstream rin(root / "results.json");
        auto results = nlohmann::json::parse(rin);

        for (const auto& c : cases()) {
            const auto& o = ours.at(c.name);
            const auto& r = results.at(c.name);
            auto ref = peft::loadTensors((root / (c.name + ".safetensors")).string());
            const double dl = (o.logits - ref.at("logits")).abs().max().item<double>();
            qInfo("%-16s logits %.2g  loss %.8f vs %.8f  params %lld/%lld vs %lld/%lld", c.name.c_str(), dl, o.loss,
                  r["loss"].get<double>(), static_cast<long long>(o.trainable), static_cast<long long>(o.total),
                  static_cast<long long>(r.value("trainable_params", 0LL)), static_cast<long long>(r.value("total_params", 0LL)));
            QVERIFY2(dl < 1e-4, (c.name + ": logits differ by " + std::to_string(dl)).c_str());
            QVERIFY2(std::abs(o.loss - r["loss"].get<double>()) < 1e-4, (c.name + ": loss differs").c_str());
            if (r.contains("trainable_params")) {
                QCOMPARE(o.trainable, r["trainable_params"].get<int64_t>());
                QCOMPARE(o.total, r["total_params"].get<int64_t>());
            }
            if (r.contains("generated")) {
                const auto refTokens = r["generated"].get<std::vector<std::vector<int64_t>>>();
                qInfo("%-16s generated %s vs peft %s", c.name.c_str(), nlohmann::json(o.generated).dump().c_str(),
                      r["generated"].dump().c_str());
                QVERIFY2(o.generated == refTokens, (c.name + ": greedy tokens with the soft prompt differ from PeftModel.generate").c_str());
            }
            QVERIFY2(c.method != "prompt" || r.contains("generated"), (c.name + ": no reference generation").c_str());
            int compared = 0;
            for (const auto& [key, refT] : ref) {
                if (key.rfind("grad.", 0) != 0) continue;
                const auto name = key.substr(5);
                auto it = o.grads.find(name);
                QVERIFY2(it != o.grads.end(), (c.name + ": we have no gradient for " + name).c_str());
                const double d = (it->second - refT).abs().max().item<double>();
                const double tol = 1e-4 * std::max(1.0, maxAbs(refT));
                QVERIFY2(d <= tol, (c.name + ": gradient of " + name + " differs by " + std::to_string(d)).c_str());
                ++compared;
            }
            QVERIFY2(compared == static_cast<int>(o.grads.size()),
                     (c.name + ": gradient sets differ (" + std::to_string(compared) + " vs " + std::to_string(o.grads.size()) + ")").c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestPeftLive)
#include "test_peft_live.moc"
