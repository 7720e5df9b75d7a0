#pragma once
// Why this exists: the GUI's "Evaluate" button. Compares several models (base, adapters,
// merged models, runs) on one split with one set of generation settings, stores every
// prediction with its scores in the workspace (evaluations + eval_predictions), optionally
// scores the same models on a second task's split (forgetting check), and reports progress.
// A params struct -> this job -> a result struct (qBittorrent's TorrentCreator pattern);
// `tunebench eval` calls runEvaluation() directly, the job runs the same function on its thread.
//
// Usage:
//   1. EvalJobParams p; p.workspace = ws; p.modelDir = dir; p.models = {"base", "/runs/3/adapter", "7"};
//      p.instructionSet = "dialogsum-flan"; p.split = "test";  (or p.dataFile = "x.jsonl")
//   2. connect progress / finished / failed;  job.start();  job.requestCancel();
#include "eval/ComparisonRunner.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

class QThread;

namespace tb {

class Workspace;

struct EvalJobParams {
    std::shared_ptr<Workspace> workspace;   // may be null: nothing is stored
    QString name;                            // evaluation name (default: generated)
    std::string modelDir;                    // base model folder
    std::vector<std::string> models;         // "base", adapter/model folders, run ids ("7" or "run:7")
    // The examples: an instruction set's split, or a JSONL file (EvalExample rows).
    QString instructionSet, split = QStringLiteral("test");
    std::string dataFile;
    // Forgetting check: the same models on a second task (a set's split or a JSONL file).
    QString forgettingSet, forgettingSplit = QStringLiteral("test");
    std::string forgettingFile;
    int64_t limit = -1;                      // first N examples; < 0 = all
    eval::ComparisonOptions options;         // generation settings, metrics, device, batch (models/modelDir filled here)
};

struct EvalJobResult {
    qint64 evaluationId = 0;                 // 0 when no workspace
    qint64 forgettingEvaluationId = 0;
    eval::ComparisonResult primary;
    eval::ComparisonResult forgetting;       // empty models when no forgetting task
    bool cancelled = false;
};

// Resolves model arguments: run ids through the workspace's runs table (adapter_path, else
// output_dir), folders by their contents. Throws tb::UsageError naming the bad entry.
std::vector<eval::ModelSpec> resolveModelArguments(const std::vector<std::string>& args,
                                                   const std::shared_ptr<Workspace>& ws);

EvalJobResult runEvaluation(const EvalJobParams& params,
                            const std::function<void(const eval::ComparisonProgress&, const QString& task)>& progress = {},
                            const std::atomic<bool>* cancel = nullptr);

class EvalJob : public QObject {
    Q_OBJECT
public:
    explicit EvalJob(EvalJobParams params, QObject* parent = nullptr);
    ~EvalJob() override;

    void start();
    void requestCancel();
    bool isRunning() const;

Q_SIGNALS:
    // task: "primary" or "forgetting"; phase: loading / generating / loss / done
    void progress(const QString& task, const QString& model, int modelIndex, int modelCount, const QString& phase,
                  qint64 done, qint64 total);
    void finished(const tb::EvalJobResult& result);
    void failed(const QString& message);

private:
    void work();
    EvalJobParams params_;
    QThread* thread_ = nullptr;
    std::atomic<bool> cancel_{false};
};

} // namespace tb

Q_DECLARE_METATYPE(tb::EvalJobResult)
