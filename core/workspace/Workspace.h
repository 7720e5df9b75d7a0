#pragma once
// Why this exists: everything a user makes (datasets, templates, instruction sets, runs,
// metrics, evaluations) lives in one SQLite file. This class opens it safely:
//   1. Workspace::open(path) creates a new workspace, or checks an existing file
//      (a SQLite file whose application_id is ours and whose version we know);
//   2. an older schema is backed up (VACUUM INTO "<file>.v<N>-<time>.bak") and migrated step by step;
//   3. a newer, foreign or non-SQLite file is refused with WorkspaceError and left untouched;
//   4. db() hands out one connection per thread; write() runs a function in a transaction.
#include "util/Error.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <functional>
#include <memory>

namespace tb {

class WorkspaceError : public Error {
public:
    enum class Kind { NotSqlite, Foreign, Newer, Io, Sql };
    WorkspaceError(Kind kind, const std::string& message) : Error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

class Workspace {
public:
    static constexpr int kApplicationId = 0x54554E42;  // "TUNB"

    // The default workspace file: <AppDataLocation>/workspace.tunebench
    static QString defaultPath();
    static int currentSchemaVersion();

    // Opens (creating or migrating as needed). Throws WorkspaceError.
    static std::shared_ptr<Workspace> open(const QString& path);

    // For tests of migration: creates a workspace with only the first `version` schema steps.
    static void createAtVersion(const QString& path, int version);

    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    const QString& path() const { return path_; }
    int schemaVersion() const;
    // Where the pre-migration copy went when open() migrated this workspace; empty otherwise.
    const QString& backupPath() const { return backupPath_; }

    // This thread's connection (opened on first use, foreign keys on, busy timeout set).
    QSqlDatabase db() const;

    // Runs `fn` inside BEGIN IMMEDIATE … COMMIT on this thread's connection; rolls back and
    // rethrows if fn throws. Nested calls join the outer transaction.
    void write(const std::function<void(QSqlDatabase&)>& fn) const;

    // Runs a statement with positional bindings; throws WorkspaceError(Sql) with the query text.
    static void exec(QSqlDatabase& db, const QString& sql, const QVariantList& binds = {});

private:
    explicit Workspace(QString path);
    QString connectionName() const;

    QString path_;
    QString backupPath_;
    QString id_;
};

} // namespace tb
