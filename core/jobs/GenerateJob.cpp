#include "jobs/GenerateJob.h"

#include "models/Generation.h"
#include "models/ModelLoader.h"
#include "models/Seq2SeqLM.h"
#include "peft/PeftModel.h"
#include "peft/prompt_tuning/SoftPromptLM.h"
#include "text/Tokenizer.h"
#include "util/Error.h"

#include <torch/torch.h>

#include <QThread>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace tb {

namespace {

using Clock = std::chrono::steady_clock;

const char* const kAdapterName = "compare";

// The longest prefix of `s` that ends on a complete UTF-8 character and not on U+FFFD (a
// byte-fallback token may be half a character until the next token arrives).
std::string completePrefix(std::string s) {
    static const std::string replacement = "\xEF\xBF\xBD";
    for (;;) {
        if (s.size() >= 3 && s.compare(s.size() - 3, 3, replacement) == 0) {
            s.resize(s.size() - 3);
            continue;
        }
        // Walk back over continuation bytes to the lead byte of the last character.
        size_t i = s.size();
        size_t cont = 0;
        while (i > 0 && cont < 4 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) {
            --i;
            ++cont;
        }
        if (i == 0) return cont ? std::string() : s;
        const auto lead = static_cast<unsigned char>(s[i - 1]);
        size_t need = 0;
        if (lead < 0x80) need = 0;
        else if ((lead & 0xE0) == 0xC0) need = 1;
        else if ((lead & 0xF0) == 0xE0) need = 2;
        else if ((lead & 0xF8) == 0xF0) need = 3;
        else return s;   // not UTF-8 at all: QString replaces it, nothing to wait for
        if (cont < need) s.resize(i - 1);   // incomplete: drop the partial character
        return s;
    }
}

bool hasTokenizer(const fs::path& dir) {
    return fs::exists(dir / "tokenizer.json") || fs::exists(dir / "tokenizer.model") || fs::exists(dir / "spiece.model")
           || fs::exists(dir / "vocab.json");
}

// Keeps the prompt's last tokens so that prompt + new tokens fit the context (a leading BOS is
// kept), as the evaluation does.
std::vector<int64_t> fitPrompt(const std::vector<int64_t>& ids, int64_t context, int64_t maxNew, int64_t bos) {
    const int64_t budget = context - maxNew;
    if (budget <= 0)
        throw UsageError("the model's context is " + std::to_string(context) + " tokens, too short for " +
                         std::to_string(maxNew) + " new tokens: lower max new tokens");
    if (static_cast<int64_t>(ids.size()) <= budget) return ids;
    const bool hasBos = bos >= 0 && !ids.empty() && ids.front() == bos;
    std::vector<int64_t> out;
    if (hasBos) out.push_back(bos);
    const int64_t keep = budget - (hasBos ? 1 : 0);
    out.insert(out.end(), ids.end() - keep, ids.end());
    return out;
}

// The model that is loaded now; consecutive entries on the same weights reuse it and only swap
// the adapter.
struct Loaded {
    std::string weightsDir;
    std::shared_ptr<CausalLM> lm;
    std::unique_ptr<peft::PeftModel> peft;
    std::vector<int64_t> eos;
    std::string tokenizerDir;
    std::unique_ptr<Tokenizer> tokenizer;
};

} // namespace

void runGenerations(const GenerateJobParams& p, const GenerateCallbacks& cb, const std::atomic<bool>* cancel) {
    if (p.entries.isEmpty()) throw UsageError("no models to generate with");
    if (p.prompt.trimmed().isEmpty()) throw UsageError("the prompt is empty");
    if (p.maxNewTokens <= 0) throw UsageError("max new tokens must be positive");
    const std::string prompt = p.prompt.toStdString();
    auto cancelled = [&] { return cancel && cancel->load(); };
    torch::NoGradGuard noGrad;

    Loaded cur;
    for (int i = 0; i < p.entries.size(); ++i) {
        if (cancelled()) {
            if (cb.entryFinished) cb.entryFinished(i, QString(), QStringLiteral("cancelled"), 0.0);
            continue;
        }
        const GenerateEntry& e = p.entries[i];
        const std::string label = e.label.isEmpty() ? "model " + std::to_string(i + 1) : e.label.toStdString();
        try {
            const std::string modelDir = e.modelDir.toStdString();
            const std::string adapterDir = e.adapterDir.toStdString();
            if (modelDir.empty()) throw UsageError("no model folder");
            if (!fs::is_directory(modelDir)) throw UsageError("the model folder " + modelDir + " does not exist");
            std::string weightsDir = modelDir;
            bool adapterIsModel = false;
            if (!adapterDir.empty()) {
                if (!fs::is_directory(adapterDir))
                    throw UsageError("the adapter folder " + adapterDir + " does not exist (was the run's output deleted?)");
                if (fs::exists(fs::path(adapterDir) / "adapter_config.json")) {
                    // a PEFT adapter on modelDir
                } else if (fs::exists(fs::path(adapterDir) / "config.json")) {
                    weightsDir = adapterDir;   // a whole model folder (full or selective fine-tuning)
                    adapterIsModel = true;
                } else {
                    throw UsageError(adapterDir + " holds neither adapter_config.json (a PEFT adapter) nor config.json (a model)");
                }
            }
            if (cb.status) cb.status(i, QStringLiteral("loading"));
            if (!cur.lm || cur.weightsDir != weightsDir) {
                cur = Loaded{};   // free the previous model before loading the next
                cur.lm = loadCausalLM(weightsDir, LoadOptions{p.device.toStdString(), "fp32"});
                cur.lm->eval();
                cur.peft = std::make_unique<peft::PeftModel>(cur.lm, weightsDir);
                cur.weightsDir = weightsDir;
                cur.eos = eosTokenIdsForModelDir(weightsDir);
            }
            const std::string tokDir = adapterIsModel && hasTokenizer(adapterDir) ? adapterDir : modelDir;
            if (!cur.tokenizer || cur.tokenizerDir != tokDir) {
                cur.tokenizer = Tokenizer::fromModelDir(tokDir);
                cur.tokenizerDir = tokDir;
            }
            const Tokenizer& tok = *cur.tokenizer;
            std::vector<int64_t> eos = cur.eos;
            if (eos.empty() && tok.eosId() >= 0) eos.push_back(tok.eosId());

            Seq2SeqLM* seq2seq = asSeq2Seq(*cur.lm);
            cur.peft->removeAdapter(kAdapterName);   // back to the bare base model
            torch::Tensor soft;
            std::shared_ptr<CausalLM> runModel = cur.lm;   // a decoder-only model with a soft prompt: wrapped
            if (!adapterDir.empty() && !adapterIsModel) {
                auto& adapter = cur.peft->loadAdapter(adapterDir, kAdapterName);
                if (adapter.numVirtualTokens() > 0) {
                    soft = adapter.virtualTokenEmbeds().detach();
                    if (!seq2seq) runModel = std::make_shared<peft::SoftPromptLM>(cur.lm, soft);
                }
            }

            std::vector<int64_t> ids = tok.encode(prompt, true);
            if (ids.empty()) throw UsageError("the prompt has no tokens for this model's tokenizer");
            for (auto id : ids)
                if (id < 0 || id >= cur.lm->config().vocabSize)
                    throw UsageError("prompt token id " + std::to_string(id) + " is outside the model's vocabulary "
                                     "(does the tokenizer belong to this model?)");
            if (!seq2seq) {
                const int64_t ctx = runModel->contextLength() > 0 ? runModel->contextLength() : 2048;
                ids = fitPrompt(ids, ctx, p.maxNewTokens, tok.bosId());
            }

            GenerationOptions g;
            g.maxNewTokens = p.maxNewTokens;
            g.doSample = p.doSample;
            g.temperature = p.temperature;
            g.topK = p.topK;
            g.topP = p.topP;
            g.repetitionPenalty = p.repetitionPenalty;
            g.seed = p.seed;
            g.hasSeed = p.doSample;
            g.eosTokenIds = eos;
            g.padTokenId = tok.padId();
            g.cancel = cancel;
            g.decode = [&tok](const std::vector<int64_t>& newIds) { return tok.decode(newIds, true); };
            std::vector<int64_t> sofar;
            std::string emitted;
            auto lastEmit = Clock::now() - std::chrono::seconds(1);
            g.onToken = [&](int64_t, int64_t token) {
                sofar.push_back(token);
                if (!cb.token) return;
                const auto now = Clock::now();
                if (now - lastEmit < std::chrono::milliseconds(40)) return;
                // Decode everything so far: a multi-byte character split over tokens comes out whole.
                std::string text = completePrefix(tok.decode(sofar, true));
                if (text == emitted) return;
                lastEmit = now;
                emitted = text;
                cb.token(i, QString::fromStdString(text));
            };
            if (cancelled()) {
                if (cb.entryFinished) cb.entryFinished(i, QString(), QStringLiteral("cancelled"), 0.0);
                continue;
            }
            if (cb.status) cb.status(i, QStringLiteral("generating"));
            const auto t0 = Clock::now();
            GenerationResult res = seq2seq ? generateSeq2Seq(*seq2seq, {ids}, g, soft) : generate(*runModel, {ids}, g);
            const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
            const size_t n = res.newTokens.empty() ? 0 : res.newTokens[0].size();
            const std::string text = !res.texts.empty() ? res.texts[0] : tok.decode(res.newTokens.empty() ? sofar : res.newTokens[0], true);
            const std::string reason = res.finishReasons.empty() ? std::string() : res.finishReasons[0];
            if (cb.entryFinished)
                cb.entryFinished(i, QString::fromStdString(text), QString::fromStdString(reason),
                                 seconds > 0 ? static_cast<double>(n) / seconds : 0.0);
        } catch (const c10::Error& ex) {
            throw Error("'" + label + "': " + ex.what_without_backtrace());
        } catch (const std::bad_alloc&) {
            throw Error("'" + label + "': out of memory (try a smaller model, the CPU, or fewer new tokens)");
        } catch (const UsageError& ex) {
            throw UsageError("'" + label + "': " + ex.what());
        } catch (const std::exception& ex) {
            throw Error("'" + label + "': " + ex.what());
        }
    }
}

GenerateJob::GenerateJob(GenerateJobParams params, QObject* parent) : QObject(parent), params_(std::move(params)) {}

GenerateJob::~GenerateJob() {
    if (thread_) {
        cancel_.store(true);
        thread_->wait();
        delete thread_;
    }
}

void GenerateJob::start() {
    if (thread_) return;
    thread_ = QThread::create([this] { work(); });
    thread_->setObjectName(QStringLiteral("GenerateJob"));
    thread_->start();
}

void GenerateJob::requestCancel() { cancel_.store(true); }
bool GenerateJob::isRunning() const { return thread_ && thread_->isRunning(); }

void GenerateJob::work() {
    try {
        GenerateCallbacks cb;
        cb.status = [this](int i, const QString& phase) { Q_EMIT entryStatus(i, phase); };
        cb.token = [this](int i, const QString& text) { Q_EMIT token(i, text); };
        cb.entryFinished = [this](int i, const QString& text, const QString& reason, double tps) {
            Q_EMIT finishedEntry(i, text, reason, tps);
        };
        runGenerations(params_, cb, &cancel_);
        Q_EMIT finished();
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    } catch (...) {
        Q_EMIT failed(QStringLiteral("generation failed with an unknown error"));
    }
}

} // namespace tb
