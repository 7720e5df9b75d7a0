// The two memory savers of training are exact: the chunked loss from hidden states
// (linearCrossEntropy / ForwardInput::skipLogits) equals cross-entropy over full logits in
// value and gradients, and gradient checkpointing (ForwardInput::checkpointLayers) gives the
// gradients of the plain backward, dropout included (the recompute replays the random state).
// The fused activation, RMSNorm and rotary backward (models/FusedOps.h) equal autograd's over the plain
// expressions, and so does attention that recomputes its probabilities in backward. bf16 autocast on the CPU (precision bf16) stays close to fp32, runs the chunked
// loss's GEMMs in bf16 like the full-logits path, and checkpointing replays it exactly.
#include "models/Autocast.h"
#include "models/FusedOps.h"
#include "models/FusedProjection.h"
#include "models/ModelLoader.h"
#include "models/ModelOps.h"
#include "peft/PeftModel.h"
#include "peft/ia3/Ia3Linear.h"
#include "peft/lora/LoraLinear.h"
#include "training/CausalLmLoss.h"
#include "training/MemoryRetention.h"

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace fs = std::filesystem;
using namespace tb;

namespace {
const fs::path kTiny = fs::path(TB_SHARED_DIR) / "fixtures" / "hf-tiny";

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

struct LossAndGrads {
    double loss = 0;
    bool builtLogits = false;
    std::map<std::string, torch::Tensor> grads;
};

nlohmann::json methodConfig(const QString& m) {
    if (m == QLatin1String("lora")) return {{"method", "lora"}, {"r", 4}, {"lora_alpha", 8}, {"lora_dropout", 0.2}};
    if (m == QLatin1String("ia3")) return {{"method", "ia3"}};
    if (m == QLatin1String("prompt")) return {{"method", "prompt"}, {"num_virtual_tokens", 3}};
    return {{"method", "full"}};
}
// A hf-tiny model of `arch` with `method` attached, its adapter weights moved off their
// initial values (LoRA's B starts at zero: make the adapter matter), in training mode (dropout
// on), and a batch for it: 2 rows of 11 random tokens whose first 4 labels are a masked prompt.
struct TinyCase {
    std::unique_ptr<peft::PeftModel> pm;
    torch::Tensor ids, labels;
};
TinyCase trainableTinyCase(const QString& arch, const QString& method) {
    const auto dir = (kTiny / arch.toStdString()).string();
    torch::manual_seed(11);
    TinyCase c;
    c.pm = std::make_unique<peft::PeftModel>(loadCausalLM(dir, {"cpu", "fp32"}), dir);
    auto& adapter = c.pm->addAdapter("default", methodConfig(method));
    {
        torch::NoGradGuard ng;
        for (auto& [n, t] : adapter.trainable()) t.add_(torch::randn_like(t) * 0.1);
    }
    c.pm->prepareForTraining();
    c.pm->base().train();
    c.ids = torch::randint(3, c.pm->base().config().vocabSize, {2, 11}, torch::kInt64);
    c.labels = c.ids.clone();
    c.labels.narrow(1, 0, 4).fill_(-100);
    return c;
}
} // namespace

class TestLossMemory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }

    void chunkedLossEqualsFullLogits_data() {
        QTest::addColumn<int>("chunk");
        QTest::addColumn<bool>("withBias");
        QTest::addColumn<QString>("ignored");
        for (int c : {1, 5, 16, 0, 1000}) {
            QTest::newRow(qPrintable(QStringLiteral("chunk %1").arg(c))) << c << false << QStringLiteral("every third");
            QTest::newRow(qPrintable(QStringLiteral("chunk %1 bias").arg(c))) << c << true << QStringLiteral("every third");
        }
        // Rows without a target are skipped before the output projection: the gathered rows and
        // the scattered-back gradient must line up whatever the pattern.
        for (const QString& pattern : {QStringLiteral("prompts"), QStringLiteral("all but one"), QStringLiteral("none")}) {
            QTest::newRow(qPrintable(QStringLiteral("chunk 5 %1").arg(pattern))) << 5 << true << pattern;
            QTest::newRow(qPrintable(QStringLiteral("chunk 0 %1").arg(pattern))) << 0 << false << pattern;
        }
    }
    void chunkedLossEqualsFullLogits() {
        QFETCH(int, chunk);
        QFETCH(bool, withBias);
        QFETCH(QString, ignored);
        torch::manual_seed(3);
        const int64_t n = 37, h = 16, v = 50;
        auto hidden = (torch::randn({n, h}) * 2).requires_grad_();
        auto weight = torch::randn({v, h}).requires_grad_();
        auto bias = withBias ? torch::randn({v}).requires_grad_() : torch::Tensor();
        auto target = torch::randint(0, v, {n}, torch::kInt64);
        if (ignored == QStringLiteral("every third")) {
            target.index_put_({torch::arange(0, n, 3)}, -100);
        } else if (ignored == QStringLiteral("prompts")) {   // two rows: a long prompt, a short answer, padding
            target.slice(0, 0, 12).fill_(-100);
            target.slice(0, 15, 30).fill_(-100);
            target.slice(0, 35).fill_(-100);
        } else if (ignored == QStringLiteral("all but one")) {
            target.slice(0, 0, 20).fill_(-100);
            target.slice(0, 21).fill_(-100);
        }

        auto ref = torch::nn::functional::cross_entropy(torch::nn::functional::linear(hidden, weight, bias), target,
                                                        torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100));
        ref.backward();
        const auto gh = hidden.grad().clone(), gw = weight.grad().clone();
        const auto gb = withBias ? bias.grad().clone() : torch::Tensor();
        hidden.mutable_grad().zero_();
        weight.mutable_grad().zero_();
        if (withBias) bias.mutable_grad().zero_();

        auto loss = linearCrossEntropy(hidden, weight, bias, target, chunk);
        (loss * 3.0).backward();   // a scale on the way back (gradient accumulation does this)
        QVERIFY2(std::abs(loss.item<double>() - ref.item<double>()) < 1e-5, "loss differs");
        QVERIFY2(maxDiff(hidden.grad(), gh * 3.0) < 1e-5, "hidden gradient differs");
        QVERIFY2(maxDiff(weight.grad(), gw * 3.0) < 1e-5, "weight gradient differs");
        if (withBias) QVERIFY2(maxDiff(bias.grad(), gb * 3.0) < 1e-5, "bias gradient differs");

        // Without grad mode: the same value, no graph.
        torch::NoGradGuard ng;
        auto plain = linearCrossEntropy(hidden, weight, bias, target, chunk);
        QVERIFY(!plain.requires_grad());
        QVERIFY(std::abs(plain.item<double>() - ref.item<double>()) < 1e-5);
    }

    void nothingToCountIsNaN() {
        auto hidden = torch::randn({4, 8}).requires_grad_();
        auto weight = torch::randn({10, 8});
        auto target = torch::full({4}, -100, torch::kInt64);
        auto ref = torch::nn::functional::cross_entropy(torch::nn::functional::linear(hidden, weight), target,
                                                        torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100));
        QVERIFY(std::isnan(ref.item<double>()));
        QVERIFY(std::isnan(linearCrossEntropy(hidden, weight, {}, target).item<double>()));
    }

    // Every path through a real model gives the same loss and gradients.
    void fusedOpsMatchAutograd_data() {
        QTest::addColumn<QString>("op");
        QTest::addColumn<bool>("strided");
        for (const char* op : {"gated_silu", "rotary_full", "rotary_partial", "head_major"})
            for (bool strided : {false, true})
                QTest::newRow(qPrintable(QStringLiteral("%1%2").arg(QLatin1String(op), strided ? QStringLiteral(" strided") : QString())))
                    << QString::fromLatin1(op) << strided;
    }
    void fusedOpsMatchAutograd() {
        QFETCH(QString, op);
        QFETCH(bool, strided);
        torch::manual_seed(21);
        // x as the models produce it: a transposed view ([B, T, H, D] -> [B, H, T, D]) when strided.
        auto make = [&](std::vector<int64_t> shape) {
            if (!strided) return (torch::randn(shape) * 3).requires_grad_();
            std::swap(shape[1], shape[2]);
            return (torch::randn(shape) * 3).requires_grad_();
        };
        auto view = [&](const torch::Tensor& leaf) { return strided ? leaf.transpose(1, 2) : leaf * 1.0; };
        torch::Tensor leafA = make({2, 3, 5, 8}), leafB = leafA.detach().clone().requires_grad_();
        torch::Tensor fused, plain;
        if (op == QLatin1String("gated_silu")) {
            fused = ops::gatedActivation("silu", view(leafA));
            const auto x = view(leafB);
            plain = torch::silu(x.narrow(-1, 0, 4)) * x.narrow(-1, 4, 4);
            QVERIFY2(!ops::gatedActivation("gelu", x).defined(), "only SiLU has the fused backward");
        } else if (op == QLatin1String("head_major")) {
            fused = ops::headMajor(view(leafA));
            plain = view(leafB) * 1.0;
        } else {
            const int64_t rot = op == QLatin1String("rotary_full") ? 8 : 4;
            const auto cos = torch::rand({2, 1, 5, rot}), sin = torch::rand({2, 1, 5, rot});
            fused = ops::rotary(view(leafA), cos, sin);
            const auto x = view(leafB);
            const auto xr = x.narrow(-1, 0, rot);
            const auto half = rot / 2;
            auto out = xr * cos + torch::cat({-xr.narrow(-1, half, half), xr.narrow(-1, 0, half)}, -1) * sin;
            plain = rot == 8 ? out : torch::cat({out, x.narrow(-1, rot, 8 - rot)}, -1);
        }
        QCOMPARE(fused.sizes(), plain.sizes());
        QVERIFY2(maxDiff(fused, plain) == 0.0, "forward differs from the plain expression");
        // q, k and v leave rotary/headMajor head-major, whatever layout they came in.
        if (op != QLatin1String("gated_silu")) QVERIFY2(fused.is_contiguous(), "[B, H, T, D] contiguous");
        const auto upstream = torch::randn(fused.sizes());
        // The gradient reaching x is in x's layout (a transposed [B, T, H, D] when strided):
        // the view back to the projection output then needs no copy.
        const auto gradA = torch::autograd::grad({fused}, {leafA}, {upstream}, true)[0];
        (fused * upstream).sum().backward();
        (plain * upstream).sum().backward();
        const double d = maxDiff(leafA.grad(), leafB.grad());
        QVERIFY2(d < 1e-5, qPrintable(QStringLiteral("input gradient differs by %1").arg(d)));
        QVERIFY(leafA.grad().abs().sum().item<double>() > 0);
        if (op == QLatin1String("rotary_full") || op == QLatin1String("head_major")) {
            QCOMPARE(maxDiff(gradA, leafB.grad()), 0.0);   // the same products and sums as autograd's
            if (strided) QVERIFY2(gradA.is_contiguous(), "the gradient is in the layout of the leaf [B, T, H, D]");
        }
    }

    // q, k and v's frozen weights as one GEMM with adapters that take the base output computed
    // (FusedProjection.h): LoRA on q and v (dropout on: the masks are drawn in the same order),
    // IA3 on k and v. Outputs and the gradients of the input and of the adapter weights equal
    // the separate projections'.
    void fusedProjectionWithAdapters_data() {
        QTest::addColumn<QString>("method");
        QTest::newRow("lora") << QStringLiteral("lora");
        QTest::newRow("ia3") << QStringLiteral("ia3");
    }
    void fusedProjectionWithAdapters() {
        QFETCH(QString, method);
        torch::manual_seed(3);
        std::vector<AdaptableLinear> parts{AdaptableLinear(16, 12, false), AdaptableLinear(16, 4, false), AdaptableLinear(16, 4, false)};
        std::vector<torch::Tensor> adapterWeights;
        const bool lora = method == QLatin1String("lora");
        for (int i : lora ? std::vector<int>{0, 2} : std::vector<int>{1, 2}) {
            torch::NoGradGuard ng;
            if (lora) {
                auto a = std::make_shared<peft::LoraLinear>(16, parts[i]->outFeatures(), 2, 2.0, 0.3, torch::TensorOptions());
                a->initialise(false);
                a->B.normal_();
                parts[i]->setAdapter("lora", a);
                adapterWeights.insert(adapterWeights.end(), {a->A, a->B});
            } else {
                auto a = std::make_shared<peft::Ia3Linear>(16, parts[i]->outFeatures(), false, torch::TensorOptions());
                a->l.uniform_(0.5, 1.5);
                parts[i]->setAdapter("ia3", a);
                adapterWeights.push_back(a->l);
            }
        }
        for (auto& p : parts) p->weight.requires_grad_(false);
        FusedProjection fused(parts);
        fused.bind();
        const auto x0 = torch::randn({2, 5, 16});
        const auto upstream = torch::randn({2, 5, 20});
        std::string kNode;   // the autograd node that produced the part without an adapter
        auto run = [&]() {
            auto x = x0.clone().requires_grad_();
            torch::manual_seed(9);   // the LoRA dropout masks
            const auto out = fused.forward(x);
            const auto& plainPart = out[lora ? 1 : 0];   // the part without an adapter
            kNode = plainPart.grad_fn() ? plainPart.grad_fn()->name() : std::string();
            const auto y = torch::cat({out[0], out[1], out[2]}, -1);
            std::vector<torch::Tensor> wrt{x};
            wrt.insert(wrt.end(), adapterWeights.begin(), adapterWeights.end());
            auto grads = torch::autograd::grad({y}, wrt, {upstream});
            grads.insert(grads.begin(), y.detach());
            return grads;
        };
        const auto a = run();
        QVERIFY2(kNode.find("SplitWithSizes") != std::string::npos, kNode.c_str());   // one GEMM, split
        for (auto& p : parts) p->weight.set_data(p->weight.detach().clone());   // no longer views of the joined buffer
        const auto b = run();
        QVERIFY2(kNode.find("SplitWithSizes") == std::string::npos, kNode.c_str());   // that projection alone
        for (size_t i = 0; i < a.size(); ++i) {
            const double d = maxDiff(a[i], b[i]);
            QVERIFY2(d < 1e-5, qPrintable(QStringLiteral("tensor %1 differs by %2").arg(i).arg(d)));
        }
        QVERIFY(a[2].abs().sum().item<double>() > 0);
    }

    // The one-pass RMSNorm (FusedOps.h, CpuKernels.h) against autograd over Hugging Face's
    // expression: row lengths that are and are not multiples of a vector, a transposed input,
    // the weight trained or frozen. Only the order of the sum differs, so within rounding.
    void fusedRmsNormMatchesAutograd_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<bool>("strided");
        QTest::addColumn<bool>("trainWeight");
        for (int w : {576, 37})
            for (bool strided : {false, true})
                for (bool tw : {false, true})
                    QTest::newRow(qPrintable(QStringLiteral("h%1%2%3").arg(w).arg(strided ? " strided" : "").arg(tw ? " weight" : "")))
                        << w << strided << tw;
    }
    void fusedRmsNormMatchesAutograd() {
        QFETCH(int, width);
        QFETCH(bool, strided);
        QFETCH(bool, trainWeight);
        torch::manual_seed(5);
        const double eps = 1e-5;
        auto leafA = (torch::randn({3, 7, width}) * 2 + 0.5).requires_grad_();
        auto leafB = leafA.detach().clone().requires_grad_();
        auto wA = (torch::rand({width}) + 0.5).requires_grad_(trainWeight);
        auto wB = wA.detach().clone().requires_grad_(trainWeight);
        auto input = [&](const torch::Tensor& leaf) { return strided ? leaf.transpose(0, 1) : leaf; };
        const auto fused = ops::fusedRmsNorm(input(leafA), wA, eps);
        QVERIFY2(fused.defined(), "fp32 CPU input takes the fused path");
        const auto x = input(leafB);
        const auto plain = wB * (x * torch::rsqrt(x.pow(2).mean(-1, true) + eps));
        QCOMPARE(fused.sizes(), plain.sizes());
        const double fd = maxDiff(fused, plain);
        QVERIFY2(fd < 2e-6, qPrintable(QStringLiteral("forward differs by %1").arg(fd)));
        const auto upstream = torch::randn(fused.sizes());
        (fused * upstream).sum().backward();
        (plain * upstream).sum().backward();
        const double gd = maxDiff(leafA.grad(), leafB.grad());
        QVERIFY2(gd < 1e-5, qPrintable(QStringLiteral("input gradient differs by %1").arg(gd)));
        QVERIFY(leafA.grad().abs().sum().item<double>() > 0);
        if (trainWeight) {
            const double wd = maxDiff(wA.grad(), wB.grad());
            QVERIFY2(wd < 1e-4, qPrintable(QStringLiteral("weight gradient differs by %1").arg(wd)));
        } else {
            QVERIFY(!wA.grad().defined());
        }
        // Without a gradient it is the same forward; other dtypes are left to the caller.
        {
            torch::NoGradGuard ng;
            QCOMPARE(maxDiff(ops::fusedRmsNorm(input(leafA), wA, eps), fused.detach()), 0.0);
        }
        QVERIFY(!ops::fusedRmsNorm(leafA.detach().to(torch::kBFloat16), wA.detach().to(torch::kBFloat16), eps).defined());
        QVERIFY(!ops::fusedRmsNorm(leafA.detach().to(torch::kFloat64), wA.detach().to(torch::kFloat64), eps).defined());
    }

    // Attention that recomputes its probabilities in backward (FusedOps.h) against autograd over
    // the plain expression: multi-head and grouped kv heads, causal and padding bias, one block
    // and several (leaving out the keys a block's rows cannot see), fp32 and bf16 autocast.
    void recomputedAttentionMatchesPlain_data() {
        QTest::addColumn<int>("kvHeads");
        QTest::addColumn<bool>("padding");
        QTest::addColumn<int>("blockRows");
        QTest::addColumn<bool>("bf16");
        for (int kvh : {4, 2})
            for (bool pad : {false, true})
                for (int block : {0, 3})
                    for (bool bf16 : {false, true})
                        QTest::newRow(qPrintable(QStringLiteral("kv%1%2 block%3%4").arg(kvh).arg(pad ? " pad" : "").arg(block).arg(bf16 ? " bf16" : "")))
                            << kvh << pad << block << bf16;
    }
    void recomputedAttentionMatchesPlain() {
        QFETCH(int, kvHeads);
        QFETCH(bool, padding);
        QFETCH(int, blockRows);
        QFETCH(bool, bf16);
        torch::manual_seed(5);
        const int64_t b = 2, h = 4, t = 7, d = 8;
        auto mask = torch::ones({b, t}, torch::kInt64);
        if (padding) mask[1].narrow(0, 0, 3).fill_(0);   // left padding
        const auto bias = ops::attentionBias(mask, b, t, 0, torch::kFloat32, torch::kCPU);
        auto leaf = [&](int64_t heads) { return torch::randn({b, heads, t, d}).requires_grad_(); };
        const auto q = leaf(h), k = leaf(kvHeads), v = leaf(kvHeads);
        // Left-padded positions see no key at all; their (uniform) output carries no label and no
        // later position reads it, and leaving out unseen keys changes it: they get no gradient
        // (as under a loss) and are not compared.
        const auto seen = mask.to(torch::kFloat32).view({b, 1, t, 1});
        const auto upstream = torch::randn({b, h, t, d}) * seen;
        const double scale = 1.0 / std::sqrt(8.0) * 1.5;   // not a power of two
        auto run = [&](bool recompute) {
            for (auto x : {q, k, v})
                if (x.grad().defined()) x.mutable_grad().zero_();
            AutocastScope autocast(bf16, false, torch::kBFloat16);
            // bf16 as the models have it: q, k, v come out of projections that autocast ran in bf16.
            auto cast = [&](const torch::Tensor& x) { return bf16 ? x.to(torch::kBFloat16) : x * 1.0; };
            torch::Tensor out;
            if (recompute) {
                out = ops::recomputedAttention(cast(q), cast(k), cast(v), bias, scale, blockRows, /*causal=*/true);
            } else {
                ops::KeepAttentionProbs plain;
                out = ops::attention(cast(q), cast(k), cast(v), bias, scale).view({b, t, h, d}).transpose(1, 2);
            }
            (out.to(torch::kFloat32) * upstream).sum().backward();
            return std::vector<torch::Tensor>{out.to(torch::kFloat32).detach() * seen, q.grad().clone(), k.grad().clone(),
                                              v.grad().clone()};
        };
        const auto plain = run(false), recomputed = run(true);
        const char* names[] = {"output", "dq", "dk", "dv"};
        for (size_t i = 0; i < plain.size(); ++i) {
            const double diff = maxDiff(plain[i], recomputed[i]);
            // bf16: a few units in the last place of the largest value (GEMMs over blocks of rows
            // round differently from one over all rows).
            const double tol = bf16 ? 3.0 / 128.0 * plain[i].abs().max().item<double>() : 1e-5;
            QVERIFY2(diff <= (i == 0 && blockRows == 0 ? 0.0 : tol), qPrintable(QStringLiteral("%1 differs by %2").arg(names[i]).arg(diff)));
            QVERIFY(plain[i].abs().sum().item<double>() > 0);
        }
    }

    // The fp32 CPU attention kernels (CpuAttention.h) against autograd over the plain expression:
    // grouped kv heads, causal with and without left padding, a non-causal padding bias, a bias
    // shared by the batch, several 64-row blocks with ragged ends, head dims below and above the
    // vector width.
    void cpuAttentionMatchesPlain_data() {
        QTest::addColumn<int>("kvHeads");
        QTest::addColumn<int>("t");
        QTest::addColumn<int>("d");
        QTest::addColumn<bool>("causal");
        QTest::addColumn<bool>("padding");
        QTest::addColumn<bool>("sharedBias");
        for (int kvh : {4, 2, 1})
            for (auto [t, d] : {std::pair{7, 8}, std::pair{150, 64}, std::pair{70, 40}})
                for (bool causal : {true, false})
                    for (bool pad : {false, true}) {
                        if (!causal && !pad) continue;   // non-causal: the padding bias only
                        const bool shared = causal && !pad && kvh == 2;
                        QTest::newRow(qPrintable(QStringLiteral("kv%1 t%2 d%3%4%5%6").arg(kvh).arg(t).arg(d)
                                                     .arg(causal ? " causal" : "").arg(pad ? " pad" : "")
                                                     .arg(shared ? " shared" : "")))
                            << kvh << t << d << causal << pad << shared;
                    }
    }
    void cpuAttentionMatchesPlain() {
        QFETCH(int, kvHeads);
        QFETCH(int, t);
        QFETCH(int, d);
        QFETCH(bool, causal);
        QFETCH(bool, padding);
        QFETCH(bool, sharedBias);
        torch::manual_seed(11);
        const int64_t b = 2, h = 4;
        auto mask = torch::ones({b, t}, torch::kInt64);
        if (padding) mask[1].narrow(0, 0, std::min(5, t / 2)).fill_(0);   // left padding
        torch::Tensor bias;
        if (causal) {
            bias = ops::attentionBias(padding ? mask : torch::Tensor(), sharedBias ? 1 : b, t, 0, torch::kFloat32, torch::kCPU);
        } else {   // padding only: [B, 1, T, S] with the padded keys masked
            bias = (1.0 - mask.to(torch::kFloat32)).view({b, 1, 1, t}).expand({b, 1, t, t}) *
                   static_cast<double>(std::numeric_limits<float>::lowest());
        }
        auto leaf = [&](int64_t heads) { return torch::randn({b, heads, t, d}).requires_grad_(); };
        const auto q = leaf(h), k = leaf(kvHeads), v = leaf(kvHeads);
        // Rows that see no key (left padding under the causal mask) carry no label; not compared.
        const auto seen = causal ? mask.to(torch::kFloat32).view({b, t, 1}) : torch::ones({b, t, 1});
        const auto upstream = torch::randn({b, t, h * d}) * seen;
        const double scale = 1.0 / std::sqrt(static_cast<double>(d)) * 1.5;
        auto run = [&](bool kernel) {
            for (auto x : {q, k, v})
                if (x.grad().defined()) x.mutable_grad().zero_();
            torch::Tensor out;
            if (kernel) {
                out = ops::cpuAttention(q * 1.0, k * 1.0, v * 1.0, bias, scale, causal);
                if (!out.defined()) return std::vector<torch::Tensor>{};
            } else {
                ops::KeepAttentionProbs plain;
                out = ops::attention(q * 1.0, k * 1.0, v * 1.0, bias, scale);
            }
            (out * upstream).sum().backward();
            return std::vector<torch::Tensor>{out.detach() * seen, q.grad().clone(), k.grad().clone(), v.grad().clone()};
        };
        const auto plain = run(false), fused = run(true);
        if (fused.empty()) QSKIP("no AVX-512 here (or TUNEBENCH_CPU_ATTENTION=off): the ATen path runs");
        const char* names[] = {"output", "dq", "dk", "dv"};
        for (size_t i = 0; i < plain.size(); ++i) {
            const double diff = maxDiff(plain[i], fused[i]);
            const double tol = 2e-6 * std::max(1.0, plain[i].abs().max().item<double>()) * std::sqrt(static_cast<double>(t));
            QVERIFY2(diff <= tol, qPrintable(QStringLiteral("%1 differs by %2 (bound %3)").arg(names[i]).arg(diff).arg(tol)));
            QVERIFY(plain[i].abs().sum().item<double>() > 0);
        }
        // Where it does not apply the caller takes the ATen path.
        QVERIFY(!ops::cpuAttention(q.to(torch::kBFloat16), k.to(torch::kBFloat16), v.to(torch::kBFloat16), {}, scale, false)
                     .defined());
        QVERIFY(!ops::cpuAttention(q, k, v, bias.narrow(3, 0, t - 1), scale, causal).defined());
        {
            AutocastScope autocast(true, false, torch::kBFloat16);
            QVERIFY(!ops::cpuAttention(q, k, v, bias, scale, causal).defined());
        }
    }

    // What the saving is for: after forward, the plain path holds the [B, H, T, S] probabilities
    // for backward and the recomputing one does not (measured with the CPU block cache).
    void recomputedAttentionKeepsNoProbabilities() {
        RetainFreedMemory keep;
        const int64_t b = 4, h = 8, t = 256, d = 64;
        const auto probsBytes = static_cast<std::size_t>(b * h * t * t * 4);   // 8 MB
        auto q = torch::randn({b, h, t, d}).requires_grad_(), k = torch::randn({b, h, t, d}).requires_grad_(),
             v = torch::randn({b, h, t, d}).requires_grad_();
        const auto bias = ops::attentionBias({}, b, t, 0, torch::kFloat32, torch::kCPU);
        auto liveAfterForward = [&](bool plain) {
            const auto before = cpuBlockCacheStats().liveBytes;
            std::optional<ops::KeepAttentionProbs> keepProbs;
            if (plain) keepProbs.emplace();
            auto out = ops::attention(q, k, v, bias, 0.125);
            const auto held = cpuBlockCacheStats().liveBytes - before;
            out.sum().backward();
            return held;
        };
        const auto plain = liveAfterForward(true), recomputed = liveAfterForward(false);
        QVERIFY2(recomputed + probsBytes <= plain,
                 qPrintable(QStringLiteral("after forward: plain %1 bytes, recomputing %2").arg(plain).arg(recomputed)));
    }

    void modelPathsAgree_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("method");
        for (const char* a : {"llama", "gpt2", "gpt_neox"})
            for (const char* m : {"lora", "ia3", "prompt", "full"})
                QTest::newRow((std::string(a) + "/" + m).c_str()) << QString::fromLatin1(a) << QString::fromLatin1(m);
    }
    void modelPathsAgree() {
        QFETCH(QString, arch);
        QFETCH(QString, method);
        if (!fs::exists(kTiny)) QSKIP("../shared/fixtures/hf-tiny is absent");
        const auto tc = trainableTinyCase(arch, method);
        auto& pm = *tc.pm;
        const auto &ids = tc.ids, &labels = tc.labels;
        auto mask = torch::ones({2, 11}, torch::kInt64);
        mask[1].narrow(0, 0, 2).fill_(0);      // left padding in the second row

        int64_t checkpointNodes = 0;   // checkpointed layers in the last run's autograd graph
        // checkpoint: 0 none, -1 every layer, n the first n layers
        auto run = [&](bool skipLogits, int checkpoint) {
            for (auto& [n, t] : pm.trainableParameters())
                if (t.grad().defined()) t.mutable_grad().zero_();
            torch::manual_seed(99);   // the same dropout masks for every path
            ForwardInput in;
            in.inputIds = ids;
            in.attentionMask = mask;
            in.skipLogits = skipLogits;
            in.checkpointLayers = checkpoint != 0;
            in.checkpointLayerCount = std::max(checkpoint, 0);
            auto out = pm.forward(in);
            LossAndGrads r;
            r.builtLogits = out.logits.defined();
            auto loss = causalLmLoss(out, labels, pm.numVirtualTokens());
            checkpointNodes = 0;
            std::vector<std::shared_ptr<torch::autograd::Node>> todo{loss.grad_fn()};
            std::set<torch::autograd::Node*> seen;
            while (!todo.empty()) {
                auto node = todo.back();
                todo.pop_back();
                if (!node || !seen.insert(node.get()).second) continue;
                if (node->name().find("CheckpointFunction") != std::string::npos) ++checkpointNodes;
                for (const auto& e : node->next_edges()) todo.push_back(e.function);
            }
            loss.backward();
            r.loss = loss.item<double>();
            for (auto& [n, t] : pm.trainableParameters())
                if (t.grad().defined()) r.grads[n] = t.grad().clone();
            return r;
        };
        const auto ref = run(false, 0);
        QVERIFY(!ref.grads.empty());
        std::map<int, int64_t> layers;   // checkpoint setting -> checkpointed layers in the graph
        for (auto [skip, ckpt] : {std::pair{true, 0}, std::pair{true, -1}, std::pair{false, -1}, std::pair{true, 1}}) {
            const auto got = run(skip, ckpt);
            layers[ckpt] = checkpointNodes;
            if (skip) QVERIFY2(!got.builtLogits, "skipLogits still built the logits");
            const QString path = QStringLiteral("skipLogits=%1 checkpoint=%2").arg(skip).arg(ckpt);
            QVERIFY2(std::abs(got.loss - ref.loss) < 1e-5, qPrintable(path + QStringLiteral(": loss %1 vs %2").arg(got.loss).arg(ref.loss)));
            QCOMPARE(got.grads.size(), ref.grads.size());
            for (const auto& [n, g] : ref.grads) {
                const double scale = std::max(1.0, g.abs().max().item<double>());
                const double d = maxDiff(got.grads.at(n), g) / scale;
                QVERIFY2(d < 1e-5, qPrintable(path + QStringLiteral(": gradient of %1 differs by %2").arg(QString::fromStdString(n)).arg(d)));
            }
        }
        // checkpointLayerCount 1 checkpoints one layer; 0 (with checkpointLayers) every layer.
        QCOMPARE(layers[0], int64_t{0});
        QCOMPARE(layers[1], int64_t{1});
        QCOMPARE(layers[-1], static_cast<int64_t>(pm.base().config().numLayers));
        QVERIFY(layers[-1] > 1);
        // Checkpointing leaves the random state where the plain run leaves it.
        torch::manual_seed(5);
        run(true, 0);
        const auto afterPlain = torch::rand({4});
        torch::manual_seed(5);
        run(true, -1);
        QVERIFY2(torch::equal(torch::rand({4}), afterPlain), "checkpointing changed the random stream");
    }

    void cpuAutocastBf16_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("method");
        for (const char* a : {"llama", "gpt2"})
            for (const char* m : {"lora", "full"})
                QTest::newRow((std::string(a) + "/" + m).c_str()) << QString::fromLatin1(a) << QString::fromLatin1(m);
    }
    void cpuAutocastBf16() {
        QFETCH(QString, arch);
        QFETCH(QString, method);
        if (!fs::exists(kTiny)) QSKIP("../shared/fixtures/hf-tiny is absent");
        const auto tc = trainableTinyCase(arch, method);
        auto& pm = *tc.pm;
        const auto &ids = tc.ids, &labels = tc.labels;

        bool fp32Masters = true;   // trainable weights and their gradients stay fp32 under autocast
        auto run = [&](bool bf16, bool skipLogits, bool checkpoint) -> LossAndGrads {
            for (auto& [n, t] : pm.trainableParameters())
                if (t.grad().defined()) t.mutable_grad().zero_();
            torch::manual_seed(99);
            ForwardInput in;
            in.inputIds = ids;
            in.skipLogits = skipLogits;
            in.checkpointLayers = checkpoint;
            LossAndGrads r;
            torch::Tensor loss;
            {
                AutocastScope scope(bf16, false, torch::kBFloat16);   // as the Trainer: forward and loss
                auto out = pm.forward(in);
                if (out.logits.defined()) r.builtLogits = out.logits.scalar_type() == torch::kBFloat16;
                loss = causalLmLoss(out, labels, pm.numVirtualTokens());
            }
            loss.backward();
            r.loss = loss.item<double>();
            for (auto& [n, t] : pm.trainableParameters()) {
                fp32Masters = fp32Masters && t.scalar_type() == torch::kFloat32;
                if (t.grad().defined()) {
                    fp32Masters = fp32Masters && t.grad().scalar_type() == torch::kFloat32;
                    r.grads[n] = t.grad().clone();
                }
            }
            return r;
        };
        const auto fp32 = run(false, true, false);
        const auto bf16 = run(true, true, false);
        QVERIFY2(!at::autocast::is_cpu_enabled(), "autocast left on after the scope");
        QVERIFY2(fp32Masters, "a trainable weight or its gradient is not fp32 under autocast");
        // Close to fp32, but not equal: the GEMMs really ran in bf16.
        QVERIFY2(bf16.loss != fp32.loss, "bf16 autocast gave fp32's loss bit for bit: it did not run");
        QVERIFY2(std::abs(bf16.loss - fp32.loss) < 2e-2 * std::max(1.0, fp32.loss),
                 qPrintable(QStringLiteral("bf16 loss %1 vs fp32 %2").arg(bf16.loss).arg(fp32.loss)));
        QCOMPARE(bf16.grads.size(), fp32.grads.size());
        for (const auto& [n, g] : fp32.grads) {
            const double scale = std::max(1e-3, g.abs().max().item<double>());
            const double d = maxDiff(bf16.grads.at(n), g) / scale;
            QVERIFY2(d < 0.1, qPrintable(QStringLiteral("bf16 gradient of %1 differs from fp32 by %2").arg(QString::fromStdString(n)).arg(d)));
        }
        // The chunked loss under autocast against full logits under autocast (the head's linear
        // in bf16, cross-entropy in fp32): the same bf16 rounding of the logits.
        const auto full = run(true, false, false);
        QVERIFY2(full.builtLogits, "autocast did not make the head's logits bf16");
        QVERIFY2(std::abs(full.loss - bf16.loss) < 2e-3 * std::max(1.0, bf16.loss),
                 qPrintable(QStringLiteral("chunked %1 vs full logits %2 under bf16").arg(bf16.loss).arg(full.loss)));
        // Gradient checkpointing recomputes each layer under the autocast forward had.
        const auto ckpt = run(true, true, true);
        QVERIFY2(std::abs(ckpt.loss - bf16.loss) < 1e-6, qPrintable(QStringLiteral("%1 vs %2").arg(ckpt.loss).arg(bf16.loss)));
        for (const auto& [n, g] : bf16.grads) {
            const double scale = std::max(1.0, g.abs().max().item<double>());
            const double d = maxDiff(ckpt.grads.at(n), g) / scale;
            QVERIFY2(d < 1e-5, qPrintable(QStringLiteral("checkpointed bf16 gradient of %1 differs by %2").arg(QString::fromStdString(n)).arg(d)));
        }
    }
};

QTEST_GUILESS_MAIN(TestLossMemory)
#include "test_loss_memory.moc"
