#include "workspace/Workspace.h"

#include "workspace/Schema.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

#include <set>

namespace tb {
namespace {

std::string s(const QString& q) { return q.toStdString(); }

// Connections this thread opened; closed when the thread ends.
struct ThreadConnections {
    std::set<QString> names;
    ~ThreadConnections() {
        for (const auto& n : names) QSqlDatabase::removeDatabase(n);
    }
};
thread_local ThreadConnections tlsConnections;

QSqlDatabase openConnection(const QString& name, const QString& path, bool readOnly) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    if (readOnly) db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    else db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        QString err = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        throw WorkspaceError(WorkspaceError::Kind::Io,
                             "cannot open workspace " + s(path) + ": " + s(err) +
                                 ". Check that the folder exists and is writable.");
    }
    return db;
}

QVariant scalar(QSqlDatabase& db, const QString& sql) {
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        const QString err = q.lastError().text();
        if (err.contains(QStringLiteral("not a database")) || err.contains(QStringLiteral("file is encrypted")))
            throw WorkspaceError(WorkspaceError::Kind::NotSqlite, "not a database");
        throw WorkspaceError(WorkspaceError::Kind::Sql, s(sql) + ": " + s(err));
    }
    return q.next() ? q.value(0) : QVariant();
}

void applyStep(QSqlDatabase& db, int step) {
    for (const QString& stmt : schema::steps().at(step - 1)) Workspace::exec(db, stmt);
    Workspace::exec(db, QStringLiteral("PRAGMA user_version = %1").arg(step));
}

void migrate(QSqlDatabase& db, int from, int to) {
    for (int step = from + 1; step <= to; ++step) {
        if (!db.transaction())
            throw WorkspaceError(WorkspaceError::Kind::Sql, "cannot begin a transaction: " + s(db.lastError().text()));
        try {
            applyStep(db, step);
        } catch (...) {
            db.rollback();
            throw;
        }
        if (!db.commit())
            throw WorkspaceError(WorkspaceError::Kind::Sql, "cannot commit schema step " + std::to_string(step) +
                                                                ": " + s(db.lastError().text()));
    }
}

void initialise(QSqlDatabase& db, int version) {
    Workspace::exec(db, QStringLiteral("PRAGMA journal_mode = WAL"));
    Workspace::exec(db, QStringLiteral("PRAGMA application_id = %1").arg(Workspace::kApplicationId));
    migrate(db, 0, version);
}

bool hasSqliteMagic(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return false;
    return f.read(16) == QByteArray("SQLite format 3\0", 16);
}

} // namespace

QString Workspace::defaultPath() {
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty()) dir = QDir::homePath() + QStringLiteral("/.local/share/tunebench");
    return dir + QStringLiteral("/workspace.tunebench");
}

int Workspace::currentSchemaVersion() { return static_cast<int>(schema::steps().size()); }

void Workspace::exec(QSqlDatabase& db, const QString& sql, const QVariantList& binds) {
    QSqlQuery q(db);
    if (!q.prepare(sql))
        throw WorkspaceError(WorkspaceError::Kind::Sql, "preparing `" + s(sql) + "`: " + s(q.lastError().text()));
    for (const auto& b : binds) q.addBindValue(b);
    if (!q.exec())
        throw WorkspaceError(WorkspaceError::Kind::Sql, "running `" + s(sql) + "`: " + s(q.lastError().text()));
}

Workspace::Workspace(QString path) : path_(std::move(path)), id_(QUuid::createUuid().toString(QUuid::Id128)) {}

Workspace::~Workspace() {
    const QString name = connectionName();
    if (tlsConnections.names.erase(name)) QSqlDatabase::removeDatabase(name);
}

QString Workspace::connectionName() const {
    return QStringLiteral("tb-%1-%2").arg(id_).arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
}

void Workspace::createAtVersion(const QString& path, int version) {
    const QString name = QStringLiteral("tb-create-") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = openConnection(name, path, false);
        initialise(db, version);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

std::shared_ptr<Workspace> Workspace::open(const QString& path) {
    const QString abs = QFileInfo(path).absoluteFilePath();
    QFileInfo info(abs);
    const bool exists = info.exists() && info.size() > 0;
    if (info.exists() && info.isDir())
        throw WorkspaceError(WorkspaceError::Kind::Io, s(abs) + " is a folder; give a workspace file path.");
    if (exists && !hasSqliteMagic(abs))
        throw WorkspaceError(WorkspaceError::Kind::NotSqlite,
                             s(abs) + " is not a SQLite database, so it cannot be a Tunebench workspace. "
                                      "It was left untouched; choose another file or a new file name.");
    if (!exists && !QDir().mkpath(info.absolutePath()))
        throw WorkspaceError(WorkspaceError::Kind::Io, "cannot create the folder " + s(info.absolutePath()));

    std::shared_ptr<Workspace> ws(new Workspace(abs));
    int version = 0;
    if (exists) {
        // Inspect read-only first, so a refused file is never written to.
        const QString probeName = QStringLiteral("tb-probe-") + ws->id_;
        int appId = 0;
        int tables = 0;
        {
            QSqlDatabase probe = openConnection(probeName, abs, true);
            try {
                appId = scalar(probe, QStringLiteral("PRAGMA application_id")).toInt();
                version = scalar(probe, QStringLiteral("PRAGMA user_version")).toInt();
                tables = scalar(probe, QStringLiteral("SELECT count(*) FROM sqlite_master")).toInt();
            } catch (const WorkspaceError& e) {
                probe.close();
                probe = QSqlDatabase();
                QSqlDatabase::removeDatabase(probeName);
                if (e.kind() == WorkspaceError::Kind::NotSqlite)
                    throw WorkspaceError(WorkspaceError::Kind::NotSqlite,
                                         s(abs) + " is not a readable SQLite database (corrupt or encrypted). "
                                                  "It was left untouched; restore a backup or choose another file.");
                throw;
            }
            probe.close();
        }
        QSqlDatabase::removeDatabase(probeName);
        if (appId != kApplicationId && tables > 0)
            throw WorkspaceError(WorkspaceError::Kind::Foreign,
                                 s(abs) + " is a SQLite database of another program, not a Tunebench workspace. "
                                          "It was left untouched; choose another file or a new file name.");
        if (appId == kApplicationId && version > currentSchemaVersion())
            throw WorkspaceError(WorkspaceError::Kind::Newer,
                                 s(abs) + " was written by a newer Tunebench (workspace version " +
                                     std::to_string(version) + "; this build reads up to " +
                                     std::to_string(currentSchemaVersion()) +
                                     "). It was left untouched; update Tunebench to open it.");
        if (appId != kApplicationId) version = -1;  // an empty SQLite file: initialise it
    }

    QSqlDatabase db = ws->db();
    if (!exists || version == -1) {
        initialise(db, currentSchemaVersion());
    } else if (version < currentSchemaVersion()) {
        const QString backup = QStringLiteral("%1.v%2-%3.bak")
                                   .arg(abs)
                                   .arg(version)
                                   .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        QFile::remove(backup);
        exec(db, QStringLiteral("VACUUM INTO ?"), {backup});
        ws->backupPath_ = backup;
        migrate(db, version, currentSchemaVersion());
    }
    return ws;
}

int Workspace::schemaVersion() const {
    QSqlDatabase d = db();
    return scalar(d, QStringLiteral("PRAGMA user_version")).toInt();
}

QSqlDatabase Workspace::db() const {
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) return QSqlDatabase::database(name);
    QSqlDatabase d = openConnection(name, path_, false);
    tlsConnections.names.insert(name);
    exec(d, QStringLiteral("PRAGMA foreign_keys = ON"));
    exec(d, QStringLiteral("PRAGMA synchronous = NORMAL"));
    return d;
}

void Workspace::write(const std::function<void(QSqlDatabase&)>& fn) const {
    QSqlDatabase d = db();
    thread_local int depth = 0;
    if (depth > 0) {  // join the outer transaction
        fn(d);
        return;
    }
    exec(d, QStringLiteral("BEGIN IMMEDIATE"));
    ++depth;
    try {
        fn(d);
    } catch (...) {
        --depth;
        QSqlQuery(d).exec(QStringLiteral("ROLLBACK"));
        throw;
    }
    --depth;
    exec(d, QStringLiteral("COMMIT"));
}

} // namespace tb
