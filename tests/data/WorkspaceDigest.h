#pragma once
// Test helper: a digest of everything the data room writes (datasets, rows, instruction sets),
// to prove a failed or cancelled operation left the workspace unchanged.
#include "workspace/Workspace.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>

inline QByteArray workspaceDigest(tb::Workspace& ws) {
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const char* sql : {"SELECT id, name, source_path, format, columns, row_count FROM datasets ORDER BY id",
                            "SELECT id, dataset_id, idx, data FROM dataset_rows ORDER BY id",
                            "SELECT id, name, config, stats FROM instruction_sets ORDER BY id",
                            "SELECT id, set_id, split, idx, prompt, completion, refs FROM instruction_examples ORDER BY id",
                            "SELECT count(*) FROM dataset_rows"}) {
        QSqlQuery q(ws.db());
        q.exec(QString::fromLatin1(sql));
        while (q.next())
            for (int i = 0; i < q.record().count(); ++i) {
                h.addData(q.value(i).toString().toUtf8());
                h.addData(QByteArray(1, '\x1f'));
            }
        h.addData(QByteArray(1, '\x1e'));
    }
    return h.result();
}

inline qint64 tableCount(tb::Workspace& ws, const char* table) {
    QSqlQuery q(ws.db());
    q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QString::fromLatin1(table)));
    return q.next() ? q.value(0).toLongLong() : -1;
}
