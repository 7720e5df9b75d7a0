#pragma once
// Why this exists: training runs in the workspace: the full config (so a run can be reproduced or
// resumed), status and timestamps, output/adapter/checkpoint paths, final metrics, and the metric
// rows the trainer hands over in batches (one transaction per batch). No torch.
#include "workspace/Workspace.h"

#include <nlohmann/json.hpp>

#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tb {

class RunRepository {
public:
    explicit RunRepository(std::shared_ptr<Workspace> ws);

    struct Run {
        qint64 id = 0;
        QString name, modelPath, method, status;
        nlohmann::json config;
        QString createdAt, startedAt, finishedAt;
        QString outputDir, adapterPath, checkpointDir;
        nlohmann::json finalMetrics;
        QString error;
    };
    struct MetricRow {
        qint64 step = 0;
        std::string kind;   // "train", "eval"
        std::string name;   // "loss", "lr", "grad_norm", "tokens_per_s", "eval_loss", "perplexity", ...
        double value = 0;
        double wallTime = 0;
    };

    // status 'created'
    qint64 create(const nlohmann::json& config, const QString& name, const QString& modelPath, const QString& method);
    void setPaths(qint64 id, const QString& outputDir, const QString& checkpointDir);
    void setConfig(qint64 id, const nlohmann::json& config);
    void markRunning(qint64 id);   // status 'running', started_at now (first start only)
    void markFinished(qint64 id, const QString& status, const nlohmann::json& finalMetrics,
                      const QString& adapterPath, const QString& error);
    std::optional<Run> find(qint64 id) const;
    QList<Run> list() const;
    void remove(qint64 id);

    void appendMetrics(qint64 id, const std::vector<MetricRow>& rows);
    std::vector<MetricRow> metrics(qint64 id, const std::string& kind = {}, const std::string& name = {}) const;
    // A resumed run continues from its checkpoint: rows logged after it are dropped first.
    void deleteMetricsAfter(qint64 id, qint64 step);

    // The (prompt, completion) pairs of an instruction set's split, in order, straight from the
    // instruction_examples table. Throws UsageError when the set or split is missing.
    std::vector<std::pair<std::string, std::string>> instructionExamples(const QString& setName, const QString& split) const;

private:
    std::shared_ptr<Workspace> ws_;
};

} // namespace tb
