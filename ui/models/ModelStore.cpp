#include "ui/models/ModelStore.h"

#include "io/ModelInfo.h"
#include "workspace/Workspace.h"

#include <QSqlQuery>

namespace tb { namespace ui {

ModelStore::ModelStore(std::shared_ptr<tb::Workspace> ws) : ws_(std::move(ws)) {}

nlohmann::json ModelStore::toJson(const tb::ModelFolderInfo& i) {
    return {{"architecture", i.architecture}, {"model_type", i.modelType}, {"dtype", i.dtype},
            {"tokenizer", i.tokenizerKind},   {"parameters", i.parameterCount}, {"size_bytes", i.sizeOnDisk},
            {"vocab_size", i.vocabSize},      {"layers", i.numLayers},     {"hidden_size", i.hiddenSize},
            {"context_length", i.contextLength}, {"supported", i.supported}, {"weight_files", i.weightFiles},
            {"errors", i.errors},             {"warnings", i.warnings}};
}

QList<ModelStore::Entry> ModelStore::list() const {
    QList<Entry> out;
    QSqlQuery q(ws_->db());
    q.exec(QStringLiteral("SELECT id, name, path, architecture, parameters, dtype, size_bytes, info FROM models ORDER BY name"));
    while (q.next()) {
        Entry e;
        e.id = q.value(0).toLongLong();
        e.name = q.value(1).toString();
        e.path = q.value(2).toString();
        e.architecture = q.value(3).toString();
        e.parameters = q.value(4).toLongLong();
        e.dtype = q.value(5).toString();
        e.sizeBytes = q.value(6).toLongLong();
        e.info = nlohmann::json::parse(q.value(7).toString().toStdString(), nullptr, false);
        if (e.info.is_discarded()) e.info = nlohmann::json::object();
        out << e;
    }
    return out;
}

qint64 ModelStore::add(const QString& name, const tb::ModelFolderInfo& info) {
    const QString path = QString::fromStdString(info.dir);
    qint64 id = 0;
    ws_->write([&](QSqlDatabase& db) {
        tb::Workspace::exec(db,
                            QStringLiteral("INSERT INTO models (name, path, architecture, parameters, dtype, size_bytes, info) "
                                           "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET name=excluded.name, "
                                           "architecture=excluded.architecture, parameters=excluded.parameters, "
                                           "dtype=excluded.dtype, size_bytes=excluded.size_bytes, info=excluded.info"),
                            {name, path, QString::fromStdString(info.architecture), qint64(info.parameterCount),
                             QString::fromStdString(info.dtype), qint64(info.sizeOnDisk), QString::fromStdString(toJson(info).dump())});
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT id FROM models WHERE path = ?"));
        q.addBindValue(path);
        if (q.exec() && q.next()) id = q.value(0).toLongLong();
    });
    return id;
}

void ModelStore::remove(qint64 id) {
    ws_->write([&](QSqlDatabase& db) { tb::Workspace::exec(db, QStringLiteral("DELETE FROM models WHERE id = ?"), {id}); });
}

} } // namespace tb::ui
