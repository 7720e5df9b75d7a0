#pragma once
// Why this exists: what the Evaluate page shows -- the models of one evaluation in order, their
// aggregates (ROUGE with bootstrap intervals, BLEU, loss, speed), the per-example outputs and
// ROUGE-L -- read either from a finished EvalJob or back from the workspace, and written out as
// CSV or JSON. No widgets, no torch.
#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace tb {
class Workspace;
namespace eval {
struct ComparisonResult;
}
}

namespace tb { namespace ui {

struct EvalResults {
    Q_DECLARE_TR_FUNCTIONS(EvalResults)
public:
    struct Example {
        qint64 index = 0;
        QString prompt;
        QString reference;     // the first reference
        QStringList outputs;   // per model, "" when the model has no prediction for it
        QList<double> rougeL;  // per model ROUGE-L F, NaN when missing
    };

    qint64 evaluationId = 0;   // 0: not stored in a workspace
    QString name, status, source, modelDir;
    QStringList models;                  // labels, in evaluation order (the first is the reference)
    QList<nlohmann::json> aggregates;    // per model: MetricSuite::aggregate() + loss, perplexity, tokens/s
    nlohmann::json deltas = nlohmann::json::object();   // label -> paired ROUGE-L deltas against the base
    QList<Example> examples;

    bool isEmpty() const { return models.isEmpty(); }
    // ROUGE-L of the last model minus the first; NaN with fewer than two models or a missing score.
    double gain(const Example& e) const;

    static EvalResults fromComparison(const eval::ComparisonResult& result);
    // Throws tb::WorkspaceError on SQL errors; an unknown id gives empty results.
    static EvalResults fromRepository(const std::shared_ptr<Workspace>& ws, qint64 evaluationId);
    // The newest finished (or cancelled) primary evaluation, 0 when there is none.
    static qint64 latestEvaluationId(const std::shared_ptr<Workspace>& ws);

    // The per-example table: index, prompt, reference, one output and one ROUGE-L column per
    // model, and the gain. UTF-8, RFC 4180 quoting. false + *error when the file cannot be written.
    bool writeCsv(const QString& path, QString* error = nullptr) const;
    // {evaluation_id, name, status, source, model_dir, models, aggregates, deltas, examples: [...]}
    bool writeJson(const QString& path, QString* error = nullptr) const;
};

} } // namespace tb::ui
