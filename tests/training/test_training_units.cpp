// The trainer's pieces against their definitions: transformers' schedules, prompt masking and
// truncation, length-grouped deterministic batches, dynamic padding, torch's AdamW arithmetic,
// checkpoints that never expose a half-written folder, config validation, and the CPU float
// settings every training process gets (denormals flushed, also in threads and GEMMs), and the
// memory estimate counting what dropout keeps for backward, and the CPU block cache that
// training steps reuse their memory from.
#include "models/ModelConfig.h"
#include "text/Tokenizer.h"
#include "training/AdamW.h"
#include "training/CheckpointStore.h"
#include "training/Collator.h"
#include "training/LrSchedule.h"
#include "training/MemoryRetention.h"
#include "training/ResourceEstimate.h"
#include "training/TrainingConfig.h"
#include "util/Error.h"
#include "util/ProcessTuning.h"

#include <QtTest>

#include <c10/core/CPUAllocator.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace tb;

// 8 MB is a power of two: its size class is itself.
std::size_t sizeClass8Mb() { return std::size_t{8} << 20; }

class TestTrainingUnits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void schedules() {
        // get_linear_schedule_with_warmup(warmup=2, total=10): 0, .5, 1, 7/8, ...
        LrSchedule lin("linear", 1.0, 2, 10);
        QCOMPARE(lin.factor(0), 0.0);
        QCOMPARE(lin.factor(1), 0.5);
        QCOMPARE(lin.factor(2), 1.0);
        QCOMPARE(lin.factor(3), 7.0 / 8.0);
        QCOMPARE(lin.factor(10), 0.0);
        // get_cosine_schedule_with_warmup: 0.5 * (1 + cos(pi * progress))
        LrSchedule cos("cosine", 2.0, 0, 4);
        QCOMPARE(cos.lr(0), 2.0);
        QVERIFY(std::abs(cos.factor(2) - 0.5) < 1e-12);
        QVERIFY(std::abs(cos.factor(1) - 0.5 * (1 + std::cos(M_PI * 0.25))) < 1e-12);
        LrSchedule con("constant", 3.0, 4, 100);
        QCOMPARE(con.lr(1), 0.75);
        QCOMPARE(con.lr(50), 3.0);
        QVERIFY_THROWS_EXCEPTION(UsageError, LrSchedule("cyclic", 1, 0, 1));
    }

    void promptMasking() {
        const auto dir = fs::path(TB_SHARED_DIR) / "fixtures/hf-tiny/llama";
        if (!fs::exists(dir)) QSKIP("../shared is absent");
        auto tok = Tokenizer::fromModelDir(dir.string());
        TextExample ex{"Summarise: the cat sat.", " A cat."};
        const auto prompt = tok->encode(ex.prompt, true);
        const auto completion = tok->encode(ex.completion, false);
        auto t = tokenizeExample(*tok, ex, 512, false, tok->eosId());
        QCOMPARE(t.ids.size(), prompt.size() + completion.size() + 1);
        QCOMPARE(t.ids.back(), tok->eosId());
        for (size_t i = 0; i < prompt.size(); ++i) QCOMPARE(t.labels[i], int64_t{-100});
        for (size_t i = prompt.size(); i < t.ids.size(); ++i) QCOMPARE(t.labels[i], t.ids[i]);
        auto all = tokenizeExample(*tok, ex, 512, true, tok->eosId());
        QVERIFY(all.labels == all.ids);
        // Truncation keeps the completion and EOS, and the BOS.
        TextExample longEx{std::string(2000, 'a') + " end", " A cat."};
        auto cut = tokenizeExample(*tok, longEx, 32, false, tok->eosId());
        QCOMPARE(cut.ids.size(), size_t{32});
        QCOMPARE(cut.ids.back(), tok->eosId());
        if (tok->bosId() >= 0) QCOMPARE(cut.ids.front(), tok->bosId());
    }

    void batching() {
        std::vector<int64_t> lengths;
        for (int i = 0; i < 37; ++i) lengths.push_back(1 + (i * 7) % 23);
        auto a = batchOrder(lengths, 4, 42, 0, true);
        auto b = batchOrder(lengths, 4, 42, 0, true);
        QVERIFY(a == b);   // deterministic
        QVERIFY(a != batchOrder(lengths, 4, 42, 1, true));  // reshuffled per epoch
        std::set<size_t> seen;
        for (const auto& batch : a)
            for (auto i : batch) QVERIFY(seen.insert(i).second);
        QCOMPARE(seen.size(), lengths.size());
        // Length grouping: within a megabatch, batches come longest first.
        for (size_t i = 1; i < a.size(); ++i) QVERIFY(lengths[a[i - 1].back()] >= lengths[a[i].front()]);

        std::vector<TokenizedExample> ex = {{{1, 5, 6}, {-100, 5, 6}}, {{1, 7}, {-100, 7}}};
        auto batch = collate(ex, {0, 1}, 0);
        QVERIFY(batch.inputIds.sizes() == torch::IntArrayRef({2, 3}));
        QCOMPARE(batch.attentionMask[1][2].item<int64_t>(), int64_t{0});
        QCOMPARE(batch.labels[1][2].item<int64_t>(), int64_t{-100});
        QCOMPARE(batch.tokens, int64_t{5});
        QCOMPARE(batch.labelTokens, int64_t{3});

        // Packing concatenates; a one-token remainder predicts nothing and is dropped, a longer one is kept.
        auto packed = packExamples(ex, 4);
        QCOMPARE(packed.size(), size_t{1});
        QVERIFY(packed[0].ids == (std::vector<int64_t>{1, 5, 6, 1}));
        QVERIFY(packed[0].labels == (std::vector<int64_t>{-100, 5, 6, -100}));
        packed = packExamples(ex, 3);
        QCOMPARE(packed.size(), size_t{2});
        QVERIFY(packed[1].ids == (std::vector<int64_t>{1, 7}));
    }

    void adamw() {
        // torch.optim.AdamW, one step from zero state: p - lr*wd*p - lr * g / (|g| + eps)
        auto p = torch::tensor({1.0, -2.0}, torch::kFloat64).set_requires_grad(true);
        p.mutable_grad() = torch::tensor({0.5, -0.25}, torch::kFloat64);
        AdamW opt({{"w.weight", p, true}}, 0.1, 0.9, 0.999, 1e-8);
        opt.step(0.01);
        QVERIFY(std::abs(p[0].item<double>() - (1.0 * (1 - 0.001) - 0.01 * 0.5 / (0.5 + 1e-8))) < 1e-12);
        QVERIFY(std::abs(p[1].item<double>() - (-2.0 * (1 - 0.001) + 0.01 * 0.25 / (0.25 + 1e-8))) < 1e-12);
        QVERIFY(!AdamW::decays("model.layers.0.input_layernorm.weight", torch::ones({4})));
        QVERIFY(!AdamW::decays("transformer.h.0.attn.c_attn.bias", torch::ones({4})));
        QVERIFY(AdamW::decays("model.layers.0.self_attn.q_proj.lora_A", torch::ones({4, 4})));
        // state round trip
        auto st = opt.state();
        std::map<std::string, torch::Tensor> m(st.begin(), st.end());
        AdamW other({{"w.weight", p, true}}, 0.1, 0.9, 0.999, 1e-8);
        other.loadState(m);
        QCOMPARE(other.steps(), int64_t{1});
    }

    void checkpoints() {
        QTemporaryDir tmp;
        CheckpointStore store(tmp.path().toStdString(), 2);
        CheckpointData d;
        d.weights = {{"a", torch::ones({2})}};
        d.optimizer = {{"__step__", torch::tensor({int64_t{3}})}};
        d.rngState = torch::zeros({8}, torch::kUInt8);
        for (int s : {2, 4, 6}) {
            d.trainerState = {{"step", s}};
            store.save(s, d);
        }
        auto all = store.list();
        QCOMPARE(all.size(), size_t{2});
        QVERIFY(all.back().find("checkpoint-6") != std::string::npos);
        fs::create_directories(fs::path(tmp.path().toStdString()) / "checkpoint-8.tmp");   // a crash mid-write
        QVERIFY(store.latest().find("checkpoint-6") != std::string::npos);
        auto loaded = CheckpointStore::load(store.latest());
        QCOMPARE(loaded.trainerState["step"].get<int>(), 6);
        QVERIFY(torch::equal(loaded.weights.at("a"), torch::ones({2})));
    }

    void config() {
        auto c = TrainingConfig::fromJson({{"model", "m"}, {"data", "d.jsonl"}, {"lr", 0.001}, {"method", "ia3"}});
        QCOMPARE(c.learningRate, 0.001);
        QVERIFY(c.method["method"].get<std::string>() == "ia3");
        c.validate();
        auto round = TrainingConfig::fromJson(c.toJson());
        QVERIFY(round.toJson() == c.toJson());
        QVERIFY_THROWS_EXCEPTION(UsageError, TrainingConfig::fromJson({{"learnin_rate", 1}}));
        QVERIFY_THROWS_EXCEPTION(UsageError, TrainingConfig::fromJson({{"batch_size", "four"}}));
        c.schedule = "exp";
        QVERIFY_THROWS_EXCEPTION(UsageError, c.validate());
    }

    void pathsMadeAbsolute() {
        QTemporaryDir tmp;
        const auto old = fs::current_path();
        fs::current_path(tmp.path().toStdString());
        fs::create_directories("models/m");
        TrainingConfig c;
        c.modelDir = "models/../models/m";
        c.dataFile = "train.jsonl";            // need not exist yet: made absolute all the same
        c.outputDir = "runs/r1";
        c.evalDataFile.clear();
        c.makePathsAbsolute();
        const auto base = fs::canonical(tmp.path().toStdString());
        fs::current_path(old);
        QCOMPARE(QString::fromStdString(c.modelDir), QString::fromStdString((base / "models" / "m").string()));
        QCOMPARE(QString::fromStdString(c.dataFile), QString::fromStdString((base / "train.jsonl").string()));
        QCOMPARE(QString::fromStdString(c.outputDir), QString::fromStdString((base / "runs" / "r1").string()));
        QVERIFY(c.evalDataFile.empty());
        TrainingConfig hub;
        hub.modelDir = "HuggingFaceTB/SmolLM2-135M";   // not on disk: a hub id, left alone
        hub.makePathsAbsolute();
        QCOMPARE(QString::fromStdString(hub.modelDir), QStringLiteral("HuggingFaceTB/SmolLM2-135M"));
    }

    void denormalsFlushed() {
        // Before: a denormal survives arithmetic; a GEMM's sum of denormal products does too.
        volatile float tiny = 1e-39f, one = 1.0f;
        const auto a = torch::full({64, 64}, 1e-20f);
        const bool flushedAlready = tb::denormalsFlushed();
        if (!flushedAlready) {
            QVERIFY(static_cast<float>(tiny * one) > 0.0f);
            QVERIFY(torch::mm(a, a).abs().max().item<float>() > 0.0f);
        }
        flushDenormals();
        QVERIFY(tb::denormalsFlushed());
        QCOMPARE(static_cast<float>(tiny * one), 0.0f);
        QCOMPARE(torch::mm(a, a).abs().max().item<float>(), 0.0f);   // OpenBLAS, restarted
        QCOMPARE(torch::exp(torch::full({1000}, -90.0f)).abs().max().item<float>(), 0.0f);   // e^-90 is denormal
        bool inThread = false;
        float fromThread = 1.0f;
        std::thread t([&] {
            inThread = tb::denormalsFlushed();
            fromThread = tiny * one;
        });
        t.join();
        QVERIFY(inThread);
        QCOMPARE(fromThread, 0.0f);
        // The kernel choice: only a generic core OpenBLAS fell back to is overridden.
        QVERIFY(preferredBlasCore("SkylakeX").empty());
        QVERIFY(preferredBlasCore("Haswell").empty());
    }

    void blockCacheReusesAndReturnsMemory() {
        const auto before = cpuBlockCacheStats();
        const int64_t n = 2 << 20;   // 8 MB of floats
        torch::Tensor outlives;
        {
            RetainFreedMemory keep;
            auto a = torch::empty({n});
            const void* first = a.data_ptr();
            QCOMPARE(cpuBlockCacheStats().liveBytes, before.liveBytes + sizeClass8Mb());
            a = torch::Tensor();
            QCOMPARE(cpuBlockCacheStats().cachedBytes, sizeClass8Mb());
            const auto hits = cpuBlockCacheStats().hits;
            auto b = torch::ones({n});   // the same size class: the freed block again
            QCOMPARE(static_cast<const void*>(b.data_ptr()), first);
            QCOMPARE(cpuBlockCacheStats().hits, hits + 1);
            QCOMPARE(b.sum().item<double>(), static_cast<double>(n));
            auto small = torch::ones({1000});   // under 1 MB: glibc's heap, not counted
            QCOMPARE(cpuBlockCacheStats().liveBytes, before.liveBytes + sizeClass8Mb());
            outlives = torch::full({n}, 3.0f);
            {
                RetainFreedMemory nested;   // nesting keeps the cache as it is
            }
            b = torch::Tensor();
            QCOMPARE(cpuBlockCacheStats().cachedBytes, sizeClass8Mb());
            // The raw interface (used by some kernels for scratch memory) goes through the cache too.
            auto* alloc = c10::GetCPUAllocator();
            void* raw = alloc->raw_allocate(3 << 20);
            std::memset(raw, 1, 3 << 20);
            alloc->raw_deallocate(raw);
        }
        // The scope ended: the cache is given back; a tensor that outlived it is still intact
        // and is unmapped when it goes.
        QCOMPARE(cpuBlockCacheStats().cachedBytes, std::size_t{0});
        QCOMPARE(outlives[n - 1].item<float>(), 3.0f);
        outlives = torch::Tensor();
        QCOMPARE(cpuBlockCacheStats().liveBytes, before.liveBytes);
        // Outside a scope, tensors come from LibTorch's own allocation and are freed by it.
        auto plain = torch::ones({n});
        QCOMPARE(cpuBlockCacheStats().liveBytes, before.liveBytes);
        void* raw = c10::GetCPUAllocator()->raw_allocate(3 << 20);
        c10::GetCPUAllocator()->raw_deallocate(raw);
    }

    void blockCacheStaysNearTheLivePeak() {
        RetainFreedMemory keep;
        const auto start = cpuBlockCacheStats();
        std::vector<torch::Tensor> live;
        for (int i = 0; i < 10; ++i) live.push_back(torch::empty({2 << 20}));   // 10 x 8 MB
        live.clear();
        const auto held = cpuBlockCacheStats();
        QVERIFY(held.cachedBytes >= 10 * (std::size_t{8} << 20));
        // A new size class: blocks of others are given back, least recently freed first, so
        // that live + cached stay within 1/8 over the live peak.
        auto big = torch::empty({4 << 20});
        const auto after = cpuBlockCacheStats();
        QVERIFY(after.evictions > held.evictions);
        QVERIFY2(after.liveBytes + after.cachedBytes <= after.peakLiveBytes / 8 * 9,
                 qPrintable(QStringLiteral("live %1 + cached %2 over 9/8 of the peak %3")
                                .arg(after.liveBytes).arg(after.cachedBytes).arg(after.peakLiveBytes)));
        QVERIFY(after.peakLiveBytes >= start.liveBytes + 10 * (std::size_t{8} << 20));
    }

    void estimateCountsDropoutMasks() {
        // GPT-2 with its default pdrops (0.1) keeps one [heads, T, T] and two [T, h] masks per
        // layer more than the same model with dropout off; a Llama config has none. Attention
        // dropout also takes the plain attention path, which keeps the [heads, T, T] scores and
        // probabilities of every layer; without it only one block of them is alive at a time.
        nlohmann::json gpt2{{"model_type", "gpt2"}, {"n_embd", 64}, {"n_layer", 3}, {"n_head", 4}, {"vocab_size", 100}, {"n_positions", 128}};
        const auto withDrop = ModelConfig::fromJson(gpt2);
        QCOMPARE(withDrop.attentionDropout, 0.1);
        QCOMPARE(withDrop.residualDropout, 0.1);
        gpt2["attn_pdrop"] = 0.0;
        gpt2["resid_pdrop"] = 0.0;
        gpt2["embd_pdrop"] = 0.0;
        const auto noDrop = ModelConfig::fromJson(gpt2);
        const int64_t batch = 2, seq = 32;
        auto est = [&](const ModelConfig& c, bool ckpt) {
            return estimateResources(c, 1000000, 1000, false, batch, seq, 1000, 100.0, 4, ckpt ? c.numLayers : 0, true)
                .activationBytes;
        };
        const double scores = static_cast<double>(batch * 4 * seq * seq * 4);
        const double masks = scores + static_cast<double>(2 * batch * seq * 64 * 4);
        QCOMPARE(static_cast<double>(est(withDrop, false) - est(noDrop, false)), 3 * (masks + 2 * scores) - 2 * scores);
        QCOMPARE(static_cast<double>(est(withDrop, true) - est(noDrop, true)), masks);   // one layer's, recomputed
        // Checkpointing the first n layers: each one keeps its input instead of its activations
        // (and adds its forward to the time), so the estimate falls by the same amount per layer.
        const auto six = [&] {
            auto j = gpt2;
            j["n_layer"] = 6;
            return ModelConfig::fromJson(j);
        }();
        auto partial = [&](int64_t n) {
            return estimateResources(six, 1000000, 1000, false, batch, seq, 1000, 100.0, 4, n, true);
        };
        const int64_t perLayer = partial(1).activationBytes - partial(2).activationBytes;
        QVERIFY(perLayer > 0);
        for (int64_t n = 2; n < 4; ++n) QCOMPARE(partial(n).activationBytes - partial(n + 1).activationBytes, perLayer);
        QVERIFY(partial(0).activationBytes > partial(1).activationBytes);
        QVERIFY(partial(6).activationBytes < partial(5).activationBytes);
        QCOMPARE(partial(60).activationBytes, partial(6).activationBytes);   // at most every layer
        for (int64_t n = 0; n < 6; ++n) QVERIFY(partial(n).secondsPerEpoch < partial(n + 1).secondsPerEpoch);
        nlohmann::json bad = gpt2;
        bad["attn_pdrop"] = 1.0;
        QVERIFY_EXCEPTION_THROWN(ModelConfig::fromJson(bad), Error);
        const auto llama = ModelConfig::fromJson({{"model_type", "llama"}, {"hidden_size", 64}, {"intermediate_size", 128},
                                                  {"num_hidden_layers", 2}, {"num_attention_heads", 4}, {"vocab_size", 100}});
        QCOMPARE(llama.attentionDropout, 0.0);
        QCOMPARE(llama.residualDropout, 0.0);
    }

    void estimateSkipsOutputProjectionForPromptTokens() {
        // The chunked loss computes logits only where a label counts: the time estimate drops
        // the output projection (forward and input gradient for adapters) for the other tokens.
        const auto c = ModelConfig::fromJson({{"model_type", "llama"}, {"hidden_size", 64}, {"intermediate_size", 128},
                                              {"num_hidden_layers", 2}, {"num_attention_heads", 4}, {"vocab_size", 1000}});
        const int64_t tokens = 10000;
        const double gemm = 100.0;
        auto seconds = [&](double fraction, bool chunked, bool full) {
            return estimateResources(c, 1000000, 1000, full, 4, 64, tokens, gemm, 4, 0, chunked, fraction).secondsPerEpoch;
        };
        const double headLora = 4.0 * 64 * 1000, headFull = 6.0 * 64 * 1000;
        QCOMPARE(outputProjectionTrainingFlopsPerToken(c, false), headLora);
        QCOMPARE(outputProjectionTrainingFlopsPerToken(c, true), headFull);
        const double perSecond = 0.5 * gemm * 1e9;
        QVERIFY(std::abs((seconds(1.0, true, false) - seconds(0.15, true, false)) - 0.85 * headLora * tokens / perSecond) < 1e-12);
        QVERIFY(std::abs((seconds(1.0, true, true) - seconds(0.0, true, true)) - headFull * tokens / perSecond) < 1e-12);
        QCOMPARE(seconds(0.15, false, false), seconds(1.0, false, false));   // full logits: no saving
        QCOMPARE(seconds(1.0, true, false), seconds(1.0, false, false));
        // bf16 on the CPU: the estimate scales with the step's measured share of the bf16 GEMM rate.
        const double bf16 = estimateResources(c, 1000000, 1000, false, 4, 64, tokens, gemm, 4, 0, true, 1.0,
                                              kCpuBf16StepEfficiency).secondsPerEpoch;
        QVERIFY(std::abs(bf16 - seconds(1.0, true, false) * 0.5 / kCpuBf16StepEfficiency) < 1e-9 * bf16);
    }
};

QTEST_GUILESS_MAIN(TestTrainingUnits)
#include "test_training_units.moc"
