#include "workspace/DatasetRepository.h"

#include "data/DataImporter.h"
#include "workspace/Workspace.h"

#include <QSqlQuery>
#include <QSqlError>

#include <set>

namespace tb {
namespace {

std::string s(const QString& q) { return q.toStdString(); }
QString q(const std::string& s) { return QString::fromStdString(s); }

QStringList parseColumns(const QString& text) {
    QStringList out;
    nlohmann::json j = nlohmann::json::parse(s(text), nullptr, false);
    if (j.is_array())
        for (const auto& c : j)
            if (c.is_string()) out << q(c.get<std::string>());
    return out;
}

QString columnsJson(const QStringList& cols) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& c : cols) j.push_back(s(c));
    return q(j.dump());
}

QString rowText(const nlohmann::json& row) {
    if (!row.is_object()) throw UsageError(std::string("a dataset row must be a JSON object, not ") + row.type_name());
    return q(row.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict));
}

void run(QSqlQuery& query) {
    if (!query.exec())
        throw WorkspaceError(WorkspaceError::Kind::Sql, s(query.lastQuery()) + ": " + s(query.lastError().text()));
}

DatasetRepository::Info readInfo(QSqlQuery& query) {
    DatasetRepository::Info i;
    i.id = query.value(0).toLongLong();
    i.name = query.value(1).toString();
    i.sourcePath = query.value(2).toString();
    i.format = query.value(3).toString();
    i.columns = parseColumns(query.value(4).toString());
    i.rowCount = query.value(5).toLongLong();
    return i;
}

const QString kInfoSelect = QStringLiteral("SELECT id, name, source_path, format, columns, row_count FROM datasets");

// Adds the row's fields that the column list lacks (in the row's order).
void mergeColumns(QStringList& cols, const nlohmann::json& row) {
    for (auto it = row.begin(); it != row.end(); ++it)
        if (!cols.contains(q(it.key()))) cols << q(it.key());
}

} // namespace

DatasetRepository::DatasetRepository(std::shared_ptr<Workspace> ws) : ws_(std::move(ws)) {}

QList<DatasetRepository::Info> DatasetRepository::list() const {
    QSqlQuery query(ws_->db());
    query.prepare(kInfoSelect + QStringLiteral(" ORDER BY name"));
    run(query);
    QList<Info> out;
    while (query.next()) out << readInfo(query);
    return out;
}

std::optional<DatasetRepository::Info> DatasetRepository::find(const QString& name) const {
    QSqlQuery query(ws_->db());
    query.prepare(kInfoSelect + QStringLiteral(" WHERE name = ?"));
    query.addBindValue(name);
    run(query);
    if (!query.next()) return std::nullopt;
    return readInfo(query);
}

DatasetRepository::Info DatasetRepository::require(const QString& name) const {
    if (auto i = find(name)) return *i;
    std::string known;
    for (const auto& i : list()) known += (known.empty() ? "" : ", ") + s(i.name);
    throw UsageError("no dataset named '" + s(name) + "' in the workspace" +
                     (known.empty() ? std::string(" (it has none; import one with `tunebench import`)")
                                    : " (it has: " + known + ")"));
}

void DatasetRepository::forEachRow(const QString& name,
                                   const std::function<bool(qint64, const nlohmann::json&)>& fn, qint64 limit) const {
    const Info info = require(name);
    QSqlQuery query(ws_->db());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT idx, data FROM dataset_rows WHERE dataset_id = ? ORDER BY idx LIMIT ?"));
    query.addBindValue(info.id);
    query.addBindValue(limit < 0 ? qint64(-1) : limit);
    run(query);
    while (query.next()) {
        const QByteArray text = query.value(1).toString().toUtf8();
        nlohmann::json row = nlohmann::json::parse(text.constData(), text.constData() + text.size());
        if (!fn(query.value(0).toLongLong(), row)) break;
    }
}

std::vector<nlohmann::json> DatasetRepository::rows(const QString& name, qint64 offset, qint64 limit) const {
    const Info info = require(name);
    QSqlQuery query(ws_->db());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT data FROM dataset_rows WHERE dataset_id = ? AND idx >= ? ORDER BY idx LIMIT ?"));
    query.addBindValue(info.id);
    query.addBindValue(offset);
    query.addBindValue(limit < 0 ? qint64(-1) : limit);
    run(query);
    std::vector<nlohmann::json> out;
    while (query.next()) out.push_back(nlohmann::json::parse(query.value(0).toString().toStdString()));
    return out;
}

nlohmann::json DatasetRepository::row(const QString& name, qint64 idx) const {
    auto r = rows(name, idx, 1);
    if (r.empty() || idx < 0)
        throw Error("dataset '" + s(name) + "' has no row " + std::to_string(idx));
    return r.front();
}

ImportReport DatasetRepository::importFile(const ImportOptions& options, const ImportProgressFn& progress,
                                           const CancelFn& cancel) {
    const QString name = q(options.datasetName);
    if (name.trimmed().isEmpty()) throw UsageError("give the new dataset a name (--dataset NAME)");
    if (find(name))
        throw UsageError("a dataset named '" + options.datasetName +
                         "' already exists; choose another name or delete it first");
    ImportReport report;
    ws_->write([&](QSqlDatabase& db) {
        Workspace::exec(db, QStringLiteral("INSERT INTO datasets(name, source_path, format) VALUES (?, ?, ?)"),
                        {name, q(options.path), QStringLiteral("pending")});
        QSqlQuery idq(db);
        idq.prepare(QStringLiteral("SELECT id FROM datasets WHERE name = ?"));
        idq.addBindValue(name);
        run(idq);
        idq.next();
        const qint64 id = idq.value(0).toLongLong();
        QSqlQuery ins(db);
        if (!ins.prepare(QStringLiteral("INSERT INTO dataset_rows(dataset_id, idx, data) VALUES (?, ?, ?)")))
            throw WorkspaceError(WorkspaceError::Kind::Sql, s(ins.lastError().text()));
        qint64 idx = 0;
        report = DataImporter::run(
            options,
            [&](const nlohmann::json& row) {
                ins.bindValue(0, id);
                ins.bindValue(1, idx++);
                ins.bindValue(2, q(row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
                run(ins);
            },
            progress, cancel);
        QStringList cols;
        for (const auto& c : report.columns) cols << q(c);
        Workspace::exec(db, QStringLiteral("UPDATE datasets SET format = ?, columns = ?, row_count = ? WHERE id = ?"),
                        {q(report.format), columnsJson(cols), qint64(report.rowsImported), id});
    });
    return report;
}

DatasetRepository::Info DatasetRepository::createFromRows(const QString& name, const std::vector<nlohmann::json>& rows,
                                                          const QString& format, const QString& sourcePath) {
    if (name.trimmed().isEmpty()) throw UsageError("a dataset needs a name");
    if (find(name)) throw UsageError("a dataset named '" + s(name) + "' already exists");
    ws_->write([&](QSqlDatabase& db) {
        Workspace::exec(db, QStringLiteral("INSERT INTO datasets(name, source_path, format) VALUES (?, ?, ?)"),
                        {name, sourcePath, format});
    });
    appendRows(name, rows);
    return require(name);
}

void DatasetRepository::appendRows(const QString& name, const std::vector<nlohmann::json>& newRows) {
    ws_->write([&](QSqlDatabase& db) {
        Info info = require(name);
        QSqlQuery ins(db);
        ins.prepare(QStringLiteral("INSERT INTO dataset_rows(dataset_id, idx, data) VALUES (?, ?, ?)"));
        qint64 idx = info.rowCount;
        for (const auto& r : newRows) {
            ins.bindValue(0, info.id);
            ins.bindValue(1, idx++);
            ins.bindValue(2, rowText(r));
            run(ins);
            mergeColumns(info.columns, r);
        }
        Workspace::exec(db, QStringLiteral("UPDATE datasets SET columns = ?, row_count = ? WHERE id = ?"),
                        {columnsJson(info.columns), idx, info.id});
    });
}

nlohmann::json DatasetRepository::updateRow(const QString& name, qint64 idx, const nlohmann::json& newRow) {
    nlohmann::json old;
    ws_->write([&](QSqlDatabase& db) {
        Info info = require(name);
        old = row(name, idx);
        Workspace::exec(db, QStringLiteral("UPDATE dataset_rows SET data = ? WHERE dataset_id = ? AND idx = ?"),
                        {rowText(newRow), info.id, idx});
        mergeColumns(info.columns, newRow);
        Workspace::exec(db, QStringLiteral("UPDATE datasets SET columns = ? WHERE id = ?"),
                        {columnsJson(info.columns), info.id});
    });
    return old;
}

void DatasetRepository::insertRow(const QString& name, qint64 idx, const nlohmann::json& newRow) {
    ws_->write([&](QSqlDatabase& db) {
        Info info = require(name);
        if (idx < 0 || idx > info.rowCount)
            throw Error("insertRow: index " + std::to_string(idx) + " is outside 0.." + std::to_string(info.rowCount));
        // Shift in two passes through negative indices so UNIQUE(dataset_id, idx) never collides.
        Workspace::exec(db, QStringLiteral("UPDATE dataset_rows SET idx = -idx - 2 WHERE dataset_id = ? AND idx >= ?"),
                        {info.id, idx});
        Workspace::exec(db, QStringLiteral("UPDATE dataset_rows SET idx = -idx - 1 WHERE dataset_id = ? AND idx < 0"),
                        {info.id});
        Workspace::exec(db, QStringLiteral("INSERT INTO dataset_rows(dataset_id, idx, data) VALUES (?, ?, ?)"),
                        {info.id, idx, rowText(newRow)});
        mergeColumns(info.columns, newRow);
        Workspace::exec(db, QStringLiteral("UPDATE datasets SET columns = ?, row_count = row_count + 1 WHERE id = ?"),
                        {columnsJson(info.columns), info.id});
    });
}

nlohmann::json DatasetRepository::deleteRow(const QString& name, qint64 idx) {
    nlohmann::json old;
    ws_->write([&](QSqlDatabase& db) {
        Info info = require(name);
        old = row(name, idx);
        Workspace::exec(db, QStringLiteral("DELETE FROM dataset_rows WHERE dataset_id = ? AND idx = ?"), {info.id, idx});
        Workspace::exec(db, QStringLiteral("UPDATE dataset_rows SET idx = -idx WHERE dataset_id = ? AND idx > ?"),
                        {info.id, idx});
        Workspace::exec(db, QStringLiteral("UPDATE dataset_rows SET idx = -idx - 1 WHERE dataset_id = ? AND idx < 0"),
                        {info.id});
        Workspace::exec(db, QStringLiteral("UPDATE datasets SET row_count = row_count - 1 WHERE id = ?"), {info.id});
    });
    return old;
}

void DatasetRepository::rename(const QString& from, const QString& to) {
    ws_->write([&](QSqlDatabase& db) {
        const Info info = require(from);
        if (to.trimmed().isEmpty()) throw UsageError("a dataset needs a name");
        if (find(to)) throw UsageError("a dataset named '" + s(to) + "' already exists");
        Workspace::exec(db, QStringLiteral("UPDATE datasets SET name = ? WHERE id = ?"), {to, info.id});
    });
}

void DatasetRepository::remove(const QString& name) {
    ws_->write([&](QSqlDatabase& db) {
        const Info info = require(name);
        Workspace::exec(db, QStringLiteral("DELETE FROM datasets WHERE id = ?"), {info.id});
    });
}

} // namespace tb
