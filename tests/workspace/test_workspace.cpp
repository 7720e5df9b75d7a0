// The workspace: create, reopen, migrate with a backup, refuse what is not ours.
#include "workspace/Workspace.h"
#include "workspace/Schema.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using tb::Workspace;
using tb::WorkspaceError;

namespace {
QByteArray fileHash(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

WorkspaceError::Kind openKind(const QString& path, QString* message) {
    try {
        Workspace::open(path);
    } catch (const WorkspaceError& e) {
        *message = QString::fromStdString(e.what());
        return e.kind();
    }
    return WorkspaceError::Kind::Io;
}
} // namespace

class TestWorkspace : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createAndReopen() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/ws.tunebench"));
        {
            auto ws = Workspace::open(path);
            QCOMPARE(ws->schemaVersion(), Workspace::currentSchemaVersion());
            ws->write([](QSqlDatabase& db) {
                Workspace::exec(db, QStringLiteral("INSERT INTO datasets(name, columns) VALUES (?, ?)"),
                                {QStringLiteral("dialogsum"), QStringLiteral("[\"dialogue\"]")});
            });
            QSqlQuery q(ws->db());
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
        auto again = Workspace::open(path);
        QSqlQuery q(again->db());
        QVERIFY(q.exec(QStringLiteral("SELECT name FROM datasets")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("dialogsum"));
        QVERIFY(again->backupPath().isEmpty());
    }

    void writeRollsBackOnError() {
        QTemporaryDir dir;
        auto ws = Workspace::open(dir.filePath(QStringLiteral("ws.tunebench")));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, ws->write([](QSqlDatabase& db) {
            Workspace::exec(db, QStringLiteral("INSERT INTO datasets(name) VALUES ('a')"));
            throw std::runtime_error("fail in the middle");
        }));
        QSqlQuery q(ws->db());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM datasets")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void foreignKeysCascade() {
        QTemporaryDir dir;
        auto ws = Workspace::open(dir.filePath(QStringLiteral("ws.tunebench")));
        ws->write([](QSqlDatabase& db) {
            Workspace::exec(db, QStringLiteral("INSERT INTO datasets(id, name) VALUES (1, 'd')"));
            Workspace::exec(db, QStringLiteral("INSERT INTO dataset_rows(dataset_id, idx, data) VALUES (1, 0, '{}')"));
            Workspace::exec(db, QStringLiteral("DELETE FROM datasets WHERE id = 1"));
        });
        QSqlQuery q(ws->db());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM dataset_rows")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY_THROWS_EXCEPTION(WorkspaceError, ws->write([](QSqlDatabase& db) {
            Workspace::exec(db, QStringLiteral("INSERT INTO dataset_rows(dataset_id, idx, data) VALUES (99, 0, '{}')"));
        }));
    }

    void oneConnectionPerThread() {
        QTemporaryDir dir;
        auto ws = Workspace::open(dir.filePath(QStringLiteral("ws.tunebench")));
        const QString mainName = ws->db().connectionName();
        QString otherName;
        int rows = -1;
        QThread* t = QThread::create([&] {
            otherName = ws->db().connectionName();
            ws->write([](QSqlDatabase& db) {
                Workspace::exec(db, QStringLiteral("INSERT INTO datasets(name) VALUES ('from-thread')"));
            });
            QSqlQuery q(ws->db());
            q.exec(QStringLiteral("SELECT count(*) FROM datasets"));
            rows = q.next() ? q.value(0).toInt() : -1;
        });
        t->start();
        QVERIFY(t->wait(10000));
        delete t;
        QVERIFY(!otherName.isEmpty());
        QVERIFY(otherName != mainName);
        QCOMPARE(rows, 1);
        QSqlQuery q(ws->db());
        QVERIFY(q.exec(QStringLiteral("SELECT name FROM datasets")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("from-thread"));
    }

    void migratesOldVersionWithBackup() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.tunebench"));
        Workspace::createAtVersion(path, 1);
        {
            const QString name = QStringLiteral("seed");
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral("INSERT INTO datasets(id, name, row_count) VALUES (7, 'kept', 1)")));
                QVERIFY(q.exec(QStringLiteral("INSERT INTO dataset_rows(dataset_id, idx, data) VALUES (7, 0, '{\"a\":1}')")));
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        auto ws = Workspace::open(path);
        QCOMPARE(ws->schemaVersion(), Workspace::currentSchemaVersion());
        QVERIFY(!ws->backupPath().isEmpty());
        QVERIFY(QFile::exists(ws->backupPath()));
        QSqlQuery q(ws->db());
        QVERIFY(q.exec(QStringLiteral("SELECT d.name, r.data FROM datasets d JOIN dataset_rows r ON r.dataset_id = d.id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("kept"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("{\"a\":1}"));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM runs")));  // a table of a later step exists
        // the backup is the old version, intact
        {
            const QString name = QStringLiteral("backup");
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(ws->backupPath());
                QVERIFY(db.open());
                QSqlQuery b(db);
                QVERIFY(b.exec(QStringLiteral("PRAGMA user_version")));
                QVERIFY(b.next());
                QCOMPARE(b.value(0).toInt(), 1);
                QVERIFY(b.exec(QStringLiteral("SELECT name FROM datasets")));
                QVERIFY(b.next());
                QCOMPARE(b.value(0).toString(), QStringLiteral("kept"));
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }

    void refusesNewerVersion() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("newer.tunebench"));
        Workspace::createAtVersion(path, Workspace::currentSchemaVersion());
        {
            const QString name = QStringLiteral("bump");
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = %1").arg(Workspace::currentSchemaVersion() + 5));
                QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        const QByteArray before = fileHash(path);
        QString msg;
        QCOMPARE(openKind(path, &msg), WorkspaceError::Kind::Newer);
        QVERIFY2(msg.contains(QStringLiteral("newer Tunebench")), qPrintable(msg));
        QCOMPARE(fileHash(path), before);
    }

    void refusesNonSqliteFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("these are my notes, not a database\n");
        f.close();
        const QByteArray before = fileHash(path);
        QString msg;
        QCOMPARE(openKind(path, &msg), WorkspaceError::Kind::NotSqlite);
        QVERIFY2(msg.contains(QStringLiteral("not a SQLite database")), qPrintable(msg));
        QCOMPARE(fileHash(path), before);
    }

    void refusesForeignSqliteFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.db"));
        {
            const QString name = QStringLiteral("foreign");
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(path);
                QVERIFY(db.open());
                QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE contacts (name TEXT)")));
                QVERIFY(QSqlQuery(db).exec(QStringLiteral("INSERT INTO contacts VALUES ('Ada')")));
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        const QByteArray before = fileHash(path);
        QString msg;
        QCOMPARE(openKind(path, &msg), WorkspaceError::Kind::Foreign);
        QVERIFY2(msg.contains(QStringLiteral("another program")), qPrintable(msg));
        QCOMPARE(fileHash(path), before);
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "test_workspace.moc"
