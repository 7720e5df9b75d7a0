#include "workspace/RunRepository.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tb {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

void run(QSqlQuery& query) {
    if (!query.exec())
        throw WorkspaceError(WorkspaceError::Kind::Sql, query.lastQuery().toStdString() + ": " + query.lastError().text().toStdString());
}

nlohmann::json parseJson(const QString& text) {
    auto j = nlohmann::json::parse(text.toStdString(), nullptr, false);
    return j.is_discarded() ? nlohmann::json::object() : j;
}

const QString kSelect = QStringLiteral(
    "SELECT id, name, model_path, method, config, status, created_at, started_at, finished_at, output_dir,"
    " adapter_path, checkpoint_dir, final_metrics, error FROM runs");

RunRepository::Run readRun(QSqlQuery& query) {
    RunRepository::Run r;
    r.id = query.value(0).toLongLong();
    r.name = query.value(1).toString();
    r.modelPath = query.value(2).toString();
    r.method = query.value(3).toString();
    r.config = parseJson(query.value(4).toString());
    r.status = query.value(5).toString();
    r.createdAt = query.value(6).toString();
    r.startedAt = query.value(7).toString();
    r.finishedAt = query.value(8).toString();
    r.outputDir = query.value(9).toString();
    r.adapterPath = query.value(10).toString();
    r.checkpointDir = query.value(11).toString();
    r.finalMetrics = parseJson(query.value(12).toString());
    r.error = query.value(13).toString();
    return r;
}

} // namespace

RunRepository::RunRepository(std::shared_ptr<Workspace> ws) : ws_(std::move(ws)) {}

qint64 RunRepository::create(const nlohmann::json& config, const QString& name, const QString& modelPath,
                             const QString& method) {
    qint64 id = 0;
    ws_->write([&](QSqlDatabase& db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT INTO runs (name, model_path, method, config) VALUES (?, ?, ?, ?)"));
        query.addBindValue(name);
        query.addBindValue(modelPath);
        query.addBindValue(method);
        query.addBindValue(q(config.dump()));
        run(query);
        id = query.lastInsertId().toLongLong();
    });
    return id;
}

void RunRepository::setPaths(qint64 id, const QString& outputDir, const QString& checkpointDir) {
    ws_->write([&](QSqlDatabase& db) {
        Workspace::exec(db, QStringLiteral("UPDATE runs SET output_dir = ?, checkpoint_dir = ? WHERE id = ?"),
                        {outputDir, checkpointDir, id});
    });
}

void RunRepository::setConfig(qint64 id, const nlohmann::json& config) {
    ws_->write([&](QSqlDatabase& db) {
        Workspace::exec(db, QStringLiteral("UPDATE runs SET config = ? WHERE id = ?"), {q(config.dump()), id});
    });
}

void RunRepository::markRunning(qint64 id) {
    ws_->write([&](QSqlDatabase& db) {
        Workspace::exec(db, QStringLiteral("UPDATE runs SET status = 'running', error = NULL, finished_at = NULL,"
                                           " started_at = COALESCE(started_at, datetime('now')) WHERE id = ?"),
                        {id});
    });
}

void RunRepository::markFinished(qint64 id, const QString& status, const nlohmann::json& finalMetrics,
                                 const QString& adapterPath, const QString& error) {
    ws_->write([&](QSqlDatabase& db) {
        Workspace::exec(db, QStringLiteral("UPDATE runs SET status = ?, finished_at = datetime('now'), final_metrics = ?,"
                                           " adapter_path = COALESCE(NULLIF(?, ''), adapter_path), error = NULLIF(?, '') WHERE id = ?"),
                        {status, q(finalMetrics.dump()), adapterPath, error, id});
    });
}

std::optional<RunRepository::Run> RunRepository::find(qint64 id) const {
    QSqlDatabase db = ws_->db();
    QSqlQuery query(db);
    query.prepare(kSelect + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(id);
    run(query);
    if (!query.next()) return std::nullopt;
    return readRun(query);
}

QList<RunRepository::Run> RunRepository::list() const {
    QSqlDatabase db = ws_->db();
    QSqlQuery query(db);
    query.prepare(kSelect + QStringLiteral(" ORDER BY id"));
    run(query);
    QList<Run> out;
    while (query.next()) out << readRun(query);
    return out;
}

void RunRepository::remove(qint64 id) {
    ws_->write([&](QSqlDatabase& db) { Workspace::exec(db, QStringLiteral("DELETE FROM runs WHERE id = ?"), {id}); });
}

void RunRepository::appendMetrics(qint64 id, const std::vector<MetricRow>& rows) {
    if (rows.empty()) return;
    ws_->write([&](QSqlDatabase& db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT INTO run_metrics (run_id, step, kind, name, value, wall_time) VALUES (?, ?, ?, ?, ?, ?)"));
        for (const auto& r : rows) {
            query.bindValue(0, id);
            query.bindValue(1, r.step);
            query.bindValue(2, q(r.kind));
            query.bindValue(3, q(r.name));
            query.bindValue(4, r.value);
            query.bindValue(5, r.wallTime);
            run(query);
        }
    });
}

std::vector<RunRepository::MetricRow> RunRepository::metrics(qint64 id, const std::string& kind, const std::string& name) const {
    QSqlDatabase db = ws_->db();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT step, kind, name, value, wall_time FROM run_metrics WHERE run_id = ?"
                                 " AND (? = '' OR kind = ?) AND (? = '' OR name = ?) ORDER BY step, id"));
    query.addBindValue(id);
    query.addBindValue(q(kind));
    query.addBindValue(q(kind));
    query.addBindValue(q(name));
    query.addBindValue(q(name));
    run(query);
    std::vector<MetricRow> out;
    while (query.next())
        out.push_back({query.value(0).toLongLong(), query.value(1).toString().toStdString(),
                       query.value(2).toString().toStdString(), query.value(3).toDouble(), query.value(4).toDouble()});
    return out;
}

void RunRepository::deleteMetricsAfter(qint64 id, qint64 step) {
    ws_->write([&](QSqlDatabase& db) {
        Workspace::exec(db, QStringLiteral("DELETE FROM run_metrics WHERE run_id = ? AND step > ?"), {id, step});
    });
}

std::vector<std::pair<std::string, std::string>> RunRepository::instructionExamples(const QString& setName,
                                                                                    const QString& split) const {
    QSqlDatabase db = ws_->db();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id FROM instruction_sets WHERE name = ?"));
    query.addBindValue(setName);
    run(query);
    if (!query.next())
        throw UsageError("no instruction set named '" + setName.toStdString() + "' in the workspace (see `tunebench build`)");
    const qint64 setId = query.value(0).toLongLong();
    QSqlQuery rows(db);
    rows.prepare(QStringLiteral("SELECT prompt, completion FROM instruction_examples WHERE set_id = ? AND split = ? ORDER BY idx"));
    rows.addBindValue(setId);
    rows.addBindValue(split);
    run(rows);
    std::vector<std::pair<std::string, std::string>> out;
    while (rows.next()) out.emplace_back(rows.value(0).toString().toStdString(), rows.value(1).toString().toStdString());
    return out;
}

} // namespace tb
