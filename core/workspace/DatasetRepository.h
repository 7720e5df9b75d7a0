#pragma once
// Why this exists: a dataset is a named table of rows, each row a JSON object (field -> value),
// stored in the workspace (tables datasets + dataset_rows). This is the one place that reads and
// writes them, for the CLI, the jobs and the UI's dataset pages.
//
// Usage:
//   1. DatasetRepository repo(workspace);
//   2. repo.importFile(options, progress, cancel) streams a CSV/TSV/JSON/JSONL file into a new
//      dataset in ONE transaction: a bad record (all-or-nothing mode) or a cancel rolls back, so
//      nothing is ever half-imported. ImportJob runs this on a thread for the GUI.
//   3. list()/find()/forEachRow()/rows() read; updateRow/insertRow/deleteRow edit single rows
//      (each is its own transaction, and each returns what the UI needs to undo it).
#include "data/ImportTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace tb {

class Workspace;

class DatasetRepository {
public:
    explicit DatasetRepository(std::shared_ptr<Workspace> ws);

    struct Info {
        qint64 id = 0;
        QString name;
        QString sourcePath;
        QString format;       // csv, tsv, json, jsonl (or "manual")
        QStringList columns;  // field names in first-seen order
        qint64 rowCount = 0;
    };

    QList<Info> list() const;
    std::optional<Info> find(const QString& name) const;
    Info require(const QString& name) const;   // throws tb::UsageError naming the known datasets

    // Rows in index order; the callback returns false to stop; limit < 0 = all.
    void forEachRow(const QString& name, const std::function<bool(qint64 idx, const nlohmann::json& row)>& fn,
                    qint64 limit = -1) const;
    std::vector<nlohmann::json> rows(const QString& name, qint64 offset, qint64 limit) const;
    nlohmann::json row(const QString& name, qint64 idx) const;   // throws tb::Error when out of range

    // Imports a file as a new dataset named options.datasetName (must not exist yet).
    // Throws ImportError (bad records, all-or-nothing), ImportCancelled, or tb::Error; in every
    // such case the workspace is unchanged. With options.skipBad the bad records are skipped and
    // listed in the report.
    ImportReport importFile(const ImportOptions& options, const ImportProgressFn& progress = {},
                            const CancelFn& cancel = {});

    // Creates a dataset from rows already in memory (tests, the UI's "new dataset").
    Info createFromRows(const QString& name, const std::vector<nlohmann::json>& rows,
                        const QString& format = QStringLiteral("manual"), const QString& sourcePath = {});

    // Single-row edits, for the UI (with undo). Indices are 0-based and contiguous:
    // insertRow shifts later rows up by one, deleteRow shifts them down.
    // updateRow returns the previous row (undo = updateRow with it).
    nlohmann::json updateRow(const QString& name, qint64 idx, const nlohmann::json& row);
    void insertRow(const QString& name, qint64 idx, const nlohmann::json& row);   // idx == rowCount appends
    void appendRows(const QString& name, const std::vector<nlohmann::json>& rows);
    nlohmann::json deleteRow(const QString& name, qint64 idx);   // returns the deleted row (undo = insertRow)

    void rename(const QString& from, const QString& to);
    void remove(const QString& name);   // the dataset and its rows

private:
    std::shared_ptr<Workspace> ws_;
};

} // namespace tb
