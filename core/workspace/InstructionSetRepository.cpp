#include "workspace/InstructionSetRepository.h"

#include "workspace/Workspace.h"

#include <QSqlError>
#include <QSqlQuery>

namespace tb {
namespace {

std::string s(const QString& q) { return q.toStdString(); }
QString q(const std::string& s) { return QString::fromStdString(s); }

void run(QSqlQuery& query) {
    if (!query.exec())
        throw WorkspaceError(WorkspaceError::Kind::Sql, s(query.lastQuery()) + ": " + s(query.lastError().text()));
}

nlohmann::json parseOr(const QString& text, nlohmann::json fallback) {
    nlohmann::json j = nlohmann::json::parse(s(text), nullptr, false);
    return j.is_discarded() ? fallback : j;
}

} // namespace

InstructionSetRepository::InstructionSetRepository(std::shared_ptr<Workspace> ws) : ws_(std::move(ws)) {}

QList<InstructionSetRepository::Info> InstructionSetRepository::list() const {
    QSqlQuery query(ws_->db());
    query.prepare(QStringLiteral(
        "SELECT s.id, s.name, s.config, s.stats, s.created_at,"
        " (SELECT count(*) FROM instruction_examples e WHERE e.set_id = s.id AND e.split = 'train'),"
        " (SELECT count(*) FROM instruction_examples e WHERE e.set_id = s.id AND e.split = 'validation'),"
        " (SELECT count(*) FROM instruction_examples e WHERE e.set_id = s.id AND e.split = 'test')"
        " FROM instruction_sets s ORDER BY s.name"));
    run(query);
    QList<Info> out;
    while (query.next()) {
        Info i;
        i.id = query.value(0).toLongLong();
        i.name = query.value(1).toString();
        i.config = parseOr(query.value(2).toString(), nlohmann::json::object());
        i.stats = parseOr(query.value(3).toString(), nlohmann::json::object());
        i.createdAt = query.value(4).toString();
        i.train = query.value(5).toLongLong();
        i.validation = query.value(6).toLongLong();
        i.test = query.value(7).toLongLong();
        out << i;
    }
    return out;
}

std::optional<InstructionSetRepository::Info> InstructionSetRepository::find(const QString& name) const {
    for (const auto& i : list())
        if (i.name == name) return i;
    return std::nullopt;
}

InstructionSetRepository::Info InstructionSetRepository::require(const QString& name) const {
    if (auto i = find(name)) return *i;
    std::string known;
    for (const auto& i : list()) known += (known.empty() ? "" : ", ") + s(i.name);
    throw UsageError("no instruction set named '" + s(name) + "'" +
                     (known.empty() ? std::string(" (the workspace has none; make one with `tunebench build`)")
                                    : " (the workspace has: " + known + ")"));
}

InstructionSetRepository::Info InstructionSetRepository::save(const QString& name, const nlohmann::json& config,
                                                              const nlohmann::json& stats,
                                                              const std::vector<InstructionExample>& examples,
                                                              bool replace) {
    if (name.trimmed().isEmpty()) throw UsageError("give the instruction set a name (--out NAME)");
    ws_->write([&](QSqlDatabase& db) {
        if (find(name)) {
            if (!replace)
                throw UsageError("an instruction set named '" + s(name) + "' already exists; choose another name");
            Workspace::exec(db, QStringLiteral("DELETE FROM instruction_sets WHERE name = ?"), {name});
        }
        Workspace::exec(db, QStringLiteral("INSERT INTO instruction_sets(name, config, stats) VALUES (?, ?, ?)"),
                        {name, q(config.dump()), q(stats.dump())});
        QSqlQuery idq(db);
        idq.prepare(QStringLiteral("SELECT id FROM instruction_sets WHERE name = ?"));
        idq.addBindValue(name);
        run(idq);
        idq.next();
        const qint64 id = idq.value(0).toLongLong();
        QSqlQuery ins(db);
        ins.prepare(QStringLiteral(
            "INSERT INTO instruction_examples(set_id, split, idx, dataset_id, row_idx, template_name, prompt,"
            " completion, refs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        qint64 counters[3] = {0, 0, 0};
        for (const auto& ex : examples) {
            const int k = ex.split == "train" ? 0 : ex.split == "validation" ? 1 : 2;
            nlohmann::json refs = ex.references;
            ins.bindValue(0, id);
            ins.bindValue(1, q(ex.split));
            ins.bindValue(2, counters[k]++);
            ins.bindValue(3, ex.datasetId > 0 ? QVariant(qint64(ex.datasetId)) : QVariant());
            ins.bindValue(4, qint64(ex.rowIdx));
            ins.bindValue(5, q(ex.templateName));
            ins.bindValue(6, q(ex.prompt));
            ins.bindValue(7, q(ex.completion));
            ins.bindValue(8, q(refs.dump()));
            run(ins);
        }
    });
    return require(name);
}

void InstructionSetRepository::forEachExample(const QString& name, const QString& split,
                                              const std::function<bool(const InstructionExample&)>& fn) const {
    const Info info = require(name);
    QSqlQuery query(ws_->db());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT e.split, d.name, e.dataset_id, e.row_idx, e.template_name, e.prompt, e.completion, e.refs"
        " FROM instruction_examples e LEFT JOIN datasets d ON d.id = e.dataset_id"
        " WHERE e.set_id = ? AND (? = '' OR e.split = ?)"
        " ORDER BY CASE e.split WHEN 'train' THEN 0 WHEN 'validation' THEN 1 ELSE 2 END, e.idx"));
    query.addBindValue(info.id);
    // A null QString binds as SQL NULL, and NULL = '' is not true: bind "" for "every split".
    const QString splitOrAll = split.isNull() ? QStringLiteral("") : split;
    query.addBindValue(splitOrAll);
    query.addBindValue(splitOrAll);
    run(query);
    while (query.next()) {
        InstructionExample ex;
        ex.split = s(query.value(0).toString());
        ex.dataset = s(query.value(1).toString());
        ex.datasetId = query.value(2).toLongLong();
        ex.rowIdx = query.value(3).toLongLong();
        ex.templateName = s(query.value(4).toString());
        ex.prompt = s(query.value(5).toString());
        ex.completion = s(query.value(6).toString());
        nlohmann::json refs = parseOr(query.value(7).toString(), nlohmann::json::array());
        for (const auto& r : refs)
            if (r.is_string()) ex.references.push_back(r.get<std::string>());
        if (!fn(ex)) break;
    }
}

std::vector<InstructionExample> InstructionSetRepository::examples(const QString& name, const QString& split) const {
    if (!split.isEmpty() && split != QStringLiteral("train") && split != QStringLiteral("validation") &&
        split != QStringLiteral("test"))
        throw UsageError("split must be train, validation or test, not '" + s(split) + "'");
    std::vector<InstructionExample> out;
    forEachExample(name, split, [&](const InstructionExample& e) {
        out.push_back(e);
        return true;
    });
    return out;
}

void InstructionSetRepository::remove(const QString& name) {
    ws_->write([&](QSqlDatabase& db) {
        const Info info = require(name);
        Workspace::exec(db, QStringLiteral("DELETE FROM instruction_sets WHERE id = ?"), {info.id});
    });
}

} // namespace tb
