#pragma once
// Why this exists: the GUI builds an instruction set (datasets x templates -> split examples,
// see data/InstructionBuilder.h) on a thread and saves it in the workspace in one transaction.
// A params struct -> this job -> a result struct; progress is queued and throttled; cancel
// or any error (a template missing a field names the template, dataset row and field) leaves
// the workspace unchanged.
//
// Usage:
//   1. BuildJobParams p{workspace, "dialogsum-flan", {"dialogsum_train", "dialogsum_test:test"},
//      {"summarisation"}, seed, {0.8, 0.1, 0.1}}; (templates: built-in names, task names or .json files)
//   2. connect progress / finished / failed;  job.start();  job.requestCancel();
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace tb {

class Workspace;

struct BuildJobParams {
    std::shared_ptr<Workspace> workspace;
    QString name;                   // the instruction set to create
    QStringList datasets;           // "NAME" or "NAME:train|validation|test" (a fixed split)
    QStringList templates;          // built-in names, task names (all of the task) or .json files
    quint64 seed = 42;
    std::vector<double> split = {0.8, 0.1, 0.1};
    std::vector<double> weights;    // per dataset; empty = 1 each
    qint64 maxPerDataset = -1;
    bool dedupe = true;
    QString tokenizerDir;           // empty: no token statistics
    qint64 maxTokens = 0;
    bool truncatePromptLeft = false;   // else drop examples beyond maxTokens
    bool replace = false;           // overwrite a set of the same name
};

struct BuildJobResult {
    QString name;
    qint64 train = 0, validation = 0, test = 0;
    QString statsJson;              // BuildResult::stats
    double seconds = 0;
};

// The work itself, synchronously: resolve templates and datasets, build, save in one
// transaction. `tunebench build` calls this; BuildJob runs it on its thread.
BuildJobResult runBuild(const BuildJobParams& params,
                        const std::function<void(const QString& dataset, qint64 rowsDone)>& progress = {},
                        const std::function<bool()>& cancel = {});

class BuildJob : public QObject {
    Q_OBJECT
public:
    explicit BuildJob(BuildJobParams params, QObject* parent = nullptr);
    ~BuildJob() override;

    void start();
    void requestCancel();
    bool isRunning() const;

Q_SIGNALS:
    void progress(const QString& dataset, qint64 rowsDone);
    void finished(const tb::BuildJobResult& result);
    void failed(const QString& message);

private:
    void work();
    BuildJobParams params_;
    QThread* thread_ = nullptr;
    std::atomic<bool> cancel_{false};
};

} // namespace tb

Q_DECLARE_METATYPE(tb::BuildJobResult)
