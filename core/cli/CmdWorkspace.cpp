// `tunebench workspace`: where the workspace is, its schema version and what it holds.
#include "cli/Command.h"
#include "workspace/Workspace.h"

#include <QSqlQuery>

#include <nlohmann/json.hpp>

namespace tb::cli {

Command makeWorkspaceCommand() {
    Command c;
    c.name = "workspace";
    c.summary = "show the workspace file, its schema version and its contents";
    c.usage = "[--workspace PATH]";
    c.run = [](const Args&, const Context& ctx) {
        const QString path = ctx.workspacePath.empty() ? Workspace::defaultPath() : QString::fromStdString(ctx.workspacePath);
        auto ws = Workspace::open(path);
        nlohmann::json out;
        out["path"] = ws->path().toStdString();
        out["schema_version"] = ws->schemaVersion();
        QSqlDatabase db = ws->db();
        for (const char* table : {"datasets", "models", "templates", "instruction_sets", "runs", "evaluations"}) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QString::fromLatin1(table)));
            out["counts"][table] = q.next() ? q.value(0).toLongLong() : 0;
        }
        printJsonLine(out.dump());
        return 0;
    };
    return c;
}

} // namespace tb::cli
