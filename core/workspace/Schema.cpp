#include "workspace/Schema.h"

namespace tb::schema {

const QList<QStringList>& steps() {
    static const QList<QStringList> all = {
        // 1: datasets and models
        {
            QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)"),
            QStringLiteral("CREATE TABLE datasets (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
                           " source_path TEXT, format TEXT, columns TEXT NOT NULL DEFAULT '[]',"
                           " row_count INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL DEFAULT (datetime('now')))"),
            QStringLiteral("CREATE TABLE dataset_rows (id INTEGER PRIMARY KEY, dataset_id INTEGER NOT NULL"
                           " REFERENCES datasets(id) ON DELETE CASCADE, idx INTEGER NOT NULL, data TEXT NOT NULL,"
                           " UNIQUE(dataset_id, idx))"),
            QStringLiteral("CREATE TABLE models (id INTEGER PRIMARY KEY, name TEXT NOT NULL, path TEXT NOT NULL UNIQUE,"
                           " architecture TEXT, parameters INTEGER, dtype TEXT, size_bytes INTEGER,"
                           " info TEXT NOT NULL DEFAULT '{}', added_at TEXT NOT NULL DEFAULT (datetime('now')))"),
        },
        // 2: templates and instruction sets
        {
            QStringLiteral("CREATE TABLE templates (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, task TEXT,"
                           " kind TEXT NOT NULL CHECK (kind IN ('flan','jinja')), prompt TEXT, completion TEXT,"
                           " jinja TEXT, answer_choices TEXT, builtin INTEGER NOT NULL DEFAULT 0,"
                           " created_at TEXT NOT NULL DEFAULT (datetime('now')))"),
            QStringLiteral("CREATE TABLE instruction_sets (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
                           " config TEXT NOT NULL, stats TEXT NOT NULL DEFAULT '{}',"
                           " created_at TEXT NOT NULL DEFAULT (datetime('now')))"),
            QStringLiteral("CREATE TABLE instruction_examples (id INTEGER PRIMARY KEY, set_id INTEGER NOT NULL"
                           " REFERENCES instruction_sets(id) ON DELETE CASCADE,"
                           " split TEXT NOT NULL CHECK (split IN ('train','validation','test')), idx INTEGER NOT NULL,"
                           " dataset_id INTEGER REFERENCES datasets(id) ON DELETE SET NULL, row_idx INTEGER,"
                           " template_name TEXT, prompt TEXT NOT NULL, completion TEXT NOT NULL,"
                           " refs TEXT NOT NULL DEFAULT '[]', UNIQUE(set_id, split, idx))"),
        },
        // 3: training runs and their metrics
        {
            QStringLiteral("CREATE TABLE runs (id INTEGER PRIMARY KEY, name TEXT, model_path TEXT NOT NULL,"
                           " method TEXT NOT NULL, config TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'created',"
                           " created_at TEXT NOT NULL DEFAULT (datetime('now')), started_at TEXT, finished_at TEXT,"
                           " output_dir TEXT, adapter_path TEXT, checkpoint_dir TEXT,"
                           " final_metrics TEXT NOT NULL DEFAULT '{}', error TEXT)"),
            QStringLiteral("CREATE TABLE run_metrics (id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL"
                           " REFERENCES runs(id) ON DELETE CASCADE, step INTEGER NOT NULL, kind TEXT NOT NULL,"
                           " name TEXT NOT NULL, value REAL, wall_time REAL)"),
            QStringLiteral("CREATE INDEX run_metrics_by_run ON run_metrics(run_id, kind, name, step)"),
        },
        // 4: evaluations (comparisons of several models on one split)
        {
            QStringLiteral("CREATE TABLE evaluations (id INTEGER PRIMARY KEY, name TEXT, config TEXT NOT NULL,"
                           " status TEXT NOT NULL DEFAULT 'created', aggregates TEXT NOT NULL DEFAULT '{}',"
                           " created_at TEXT NOT NULL DEFAULT (datetime('now')), finished_at TEXT)"),
            QStringLiteral("CREATE TABLE eval_predictions (id INTEGER PRIMARY KEY, eval_id INTEGER NOT NULL"
                           " REFERENCES evaluations(id) ON DELETE CASCADE, model_label TEXT NOT NULL,"
                           " example_idx INTEGER NOT NULL, prompt TEXT, refs TEXT NOT NULL DEFAULT '[]',"
                           " prediction TEXT, scores TEXT NOT NULL DEFAULT '{}',"
                           " UNIQUE(eval_id, model_label, example_idx))"),
        },
    };
    return all;
}

} // namespace tb::schema
