#pragma once
// Why this exists: a comparison is only useful if it can be read again -- every prediction of
// every model with its per-example scores (eval_predictions) and the aggregate table
// (evaluations.aggregates), so the GUI can show any two models side by side, example by
// example, long after the run. No torch.
//
// Usage:
//   1. qint64 id = repo.create(name, configJson);             status 'running'
//   2. repo.addPredictions(id, label, rows);                  one transaction per call
//   3. repo.finish(id, "finished" | "cancelled" | "failed", aggregatesJson);
//   4. repo.list(), repo.find(id), repo.predictions(id[, label])
#include "workspace/Workspace.h"

#include <nlohmann/json.hpp>

#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tb {

class EvaluationRepository {
public:
    explicit EvaluationRepository(std::shared_ptr<Workspace> ws);

    struct Evaluation {
        qint64 id = 0;
        QString name, status, createdAt, finishedAt;
        nlohmann::json config;
        nlohmann::json aggregates;
    };
    struct Prediction {
        std::string modelLabel;
        qint64 exampleIdx = 0;
        std::string prompt;
        std::vector<std::string> references;
        std::string prediction;
        nlohmann::json scores;
    };

    qint64 create(const QString& name, const nlohmann::json& config);
    void addPredictions(qint64 evalId, const std::vector<Prediction>& rows);
    void finish(qint64 evalId, const QString& status, const nlohmann::json& aggregates);
    std::optional<Evaluation> find(qint64 id) const;
    QList<Evaluation> list() const;
    // Ordered by model (insertion order of labels is not kept: by label) and example index.
    std::vector<Prediction> predictions(qint64 evalId, const std::string& modelLabel = {}) const;
    void remove(qint64 id);

private:
    std::shared_ptr<Workspace> ws_;
};

} // namespace tb
