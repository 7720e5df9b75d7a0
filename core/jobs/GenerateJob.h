#pragma once
// Why this exists: the GUI's Compare page -- one prompt, several models (a base model, the same
// base with a run's adapter, a fully fine-tuned model folder) answering it one after the other
// with the same generation settings, the text streaming into each column as it is generated,
// and Stop. A params struct -> this job on its own thread -> signals (the EvalJob pattern);
// runGenerations() is the same work, blocking, for tests and scripts. No torch in this header.
//
// Usage:
//   1. GenerateJobParams p; p.entries = {{"base", dir, ""}, {"run 3", dir, "/runs/3/adapter"}};
//      p.prompt = "Once upon a time"; p.maxNewTokens = 64;
//   2. GenerateJob job(p); connect token / finishedEntry / finished / failed; job.start();
//   3. job.requestCancel();   stops at the next token; the remaining entries report "cancelled"
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>

class QThread;

namespace tb {

struct GenerateEntry {
    QString label;        // shown to the user; names the entry in error messages
    QString modelDir;     // the (base) model folder
    QString adapterDir;   // empty: the model as is; a PEFT adapter folder (adapter_config.json) on
                          // modelDir; or a model folder (config.json), e.g. a full fine-tune's output
};

struct GenerateJobParams {
    QList<GenerateEntry> entries;
    QString prompt;                   // tokenized with each model's tokenizer (BOS added as it asks)
    int maxNewTokens = 64;
    bool doSample = false;            // greedy unless set
    double temperature = 1.0;
    int topK = 0;                     // 0 = off
    double topP = 1.0;                // 1 = off
    double repetitionPenalty = 1.0;   // 1 = off
    quint64 seed = 0;                 // used when sampling (the same seed for every entry)
    QString device = QStringLiteral("auto");   // "auto", "cpu", "cuda", "cuda:N"
};

// Progress reports of runGenerations(); every callback may be empty.
struct GenerateCallbacks {
    // phase: "loading" (reading the model / adapter) or "generating"
    std::function<void(int index, const QString& phase)> status;
    // The whole completion decoded so far (never a partial UTF-8 character); throttled.
    std::function<void(int index, const QString& textSoFar)> token;
    // finishReason: "eos", "stop_string", "length", "context", "cancelled"
    std::function<void(int index, const QString& fullText, const QString& finishReason, double tokensPerSecond)> entryFinished;
};

// Blocking: runs every entry in turn (a base model is loaded once for consecutive entries that
// share it). Throws tb::Error / tb::UsageError whose message names the entry. When *cancel
// becomes true, the running entry stops at its next token and the remaining entries are
// reported as "cancelled" without being loaded.
void runGenerations(const GenerateJobParams& params, const GenerateCallbacks& callbacks = {},
                    const std::atomic<bool>* cancel = nullptr);

class GenerateJob : public QObject {
    Q_OBJECT
public:
    explicit GenerateJob(GenerateJobParams params, QObject* parent = nullptr);
    ~GenerateJob() override;   // cancels and waits for the thread

    void start();
    void requestCancel();
    bool isRunning() const;
    bool cancelRequested() const { return cancel_.load(); }
    const GenerateJobParams& params() const { return params_; }

Q_SIGNALS:
    void entryStatus(int index, const QString& phase);
    void token(int index, const QString& textSoFar);
    void finishedEntry(int index, const QString& fullText, const QString& finishReason, double tokensPerSecond);
    void finished();
    void failed(const QString& message);

private:
    void work();
    GenerateJobParams params_;
    QThread* thread_ = nullptr;
    std::atomic<bool> cancel_{false};
};

} // namespace tb
