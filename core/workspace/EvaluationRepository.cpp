#include "workspace/EvaluationRepository.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tb {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

void run(QSqlQuery& query) {
    if (!query.exec())
        throw WorkspaceError(WorkspaceError::Kind::Sql,
                             query.lastQuery().toStdString() + ": " + query.lastError().text().toStdString());
}

nlohmann::json parseJson(const QString& text, nlohmann::json fallback) {
    auto j = nlohmann::json::parse(text.toStdString(), nullptr, false);
    return j.is_discarded() ? fallback : j;
}

// Predictions are model output: never let invalid UTF-8 make the JSON dump throw.
std::string dumpLenient(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

const QString kSelect =
    QStringLiteral("SELECT id, name, status, created_at, finished_at, config, aggregates FROM evaluations");

EvaluationRepository::Evaluation readEval(QSqlQuery& q) {
    EvaluationRepository::Evaluation e;
    e.id = q.value(0).toLongLong();
    e.name = q.value(1).toString();
    e.status = q.value(2).toString();
    e.createdAt = q.value(3).toString();
    e.finishedAt = q.value(4).toString();
    e.config = parseJson(q.value(5).toString(), nlohmann::json::object());
    e.aggregates = parseJson(q.value(6).toString(), nlohmann::json::object());
    return e;
}

} // namespace

EvaluationRepository::EvaluationRepository(std::shared_ptr<Workspace> ws) : ws_(std::move(ws)) {}

qint64 EvaluationRepository::create(const QString& name, const nlohmann::json& config) {
    qint64 id = 0;
    ws_->write([&](QSqlDatabase& db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO evaluations (name, config, status) VALUES (?, ?, 'running')"));
        q.addBindValue(name);
        q.addBindValue(qs(dumpLenient(config)));
        run(q);
        id = q.lastInsertId().toLongLong();
    });
    return id;
}

void EvaluationRepository::addPredictions(qint64 evalId, const std::vector<Prediction>& rows) {
    if (rows.empty()) return;
    ws_->write([&](QSqlDatabase& db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO eval_predictions (eval_id, model_label, example_idx, prompt, refs,"
                                 " prediction, scores) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const auto& r : rows) {
            q.addBindValue(evalId);
            q.addBindValue(qs(r.modelLabel));
            q.addBindValue(r.exampleIdx);
            q.addBindValue(qs(r.prompt));
            q.addBindValue(qs(dumpLenient(nlohmann::json(r.references))));
            q.addBindValue(qs(r.prediction));
            q.addBindValue(qs(dumpLenient(r.scores)));
            run(q);
        }
    });
}

void EvaluationRepository::finish(qint64 evalId, const QString& status, const nlohmann::json& aggregates) {
    ws_->write([&](QSqlDatabase& db) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE evaluations SET status = ?, aggregates = ?, finished_at = datetime('now') WHERE id = ?"));
        q.addBindValue(status);
        q.addBindValue(qs(dumpLenient(aggregates)));
        q.addBindValue(evalId);
        run(q);
    });
}

std::optional<EvaluationRepository::Evaluation> EvaluationRepository::find(qint64 id) const {
    QSqlQuery q(ws_->db());
    q.prepare(kSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    run(q);
    if (!q.next()) return std::nullopt;
    return readEval(q);
}

QList<EvaluationRepository::Evaluation> EvaluationRepository::list() const {
    QSqlQuery q(ws_->db());
    q.prepare(kSelect + QStringLiteral(" ORDER BY id"));
    run(q);
    QList<Evaluation> out;
    while (q.next()) out.append(readEval(q));
    return out;
}

std::vector<EvaluationRepository::Prediction> EvaluationRepository::predictions(qint64 evalId, const std::string& modelLabel) const {
    QSqlQuery q(ws_->db());
    QString sql = QStringLiteral("SELECT model_label, example_idx, prompt, refs, prediction, scores FROM eval_predictions"
                                 " WHERE eval_id = ?");
    if (!modelLabel.empty()) sql += QStringLiteral(" AND model_label = ?");
    sql += QStringLiteral(" ORDER BY model_label, example_idx");
    q.prepare(sql);
    q.addBindValue(evalId);
    if (!modelLabel.empty()) q.addBindValue(qs(modelLabel));
    run(q);
    std::vector<Prediction> out;
    while (q.next()) {
        Prediction p;
        p.modelLabel = q.value(0).toString().toStdString();
        p.exampleIdx = q.value(1).toLongLong();
        p.prompt = q.value(2).toString().toStdString();
        const auto refs = parseJson(q.value(3).toString(), nlohmann::json::array());
        for (const auto& r : refs)
            if (r.is_string()) p.references.push_back(r.get<std::string>());
        p.prediction = q.value(4).toString().toStdString();
        p.scores = parseJson(q.value(5).toString(), nlohmann::json::object());
        out.push_back(std::move(p));
    }
    return out;
}

void EvaluationRepository::remove(qint64 id) {
    ws_->write([&](QSqlDatabase& db) { Workspace::exec(db, QStringLiteral("DELETE FROM evaluations WHERE id = ?"), {id}); });
}

} // namespace tb
