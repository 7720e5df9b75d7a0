#pragma once
// Why this exists: the GUI's import wizard runs DatasetRepository::importFile on a thread:
// a params struct -> this job -> a result struct (qBittorrent's TorrentCreator pattern).
// Progress arrives as queued, throttled signals; requestCancel() rolls the import back; any
// error (a bad record in all-or-nothing mode included) becomes failed(message) and the
// workspace is left as it was.
//
// Usage:
//   1. ImportJob job({workspace, options});   (options: path, dataset name, format, skip-bad, mapping)
//   2. connect progress / finished / failed;
//   3. job.start();  job.requestCancel();
#include "data/ImportTypes.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

namespace tb {

class Workspace;

struct ImportJobParams {
    std::shared_ptr<Workspace> workspace;
    ImportOptions options;
};

struct ImportJobResult {
    QString dataset;
    QString format;
    QStringList columns;
    qint64 rowsImported = 0, rowsSkipped = 0;
    QStringList badRecords;   // "file:line: message"
    double seconds = 0;
};

class ImportJob : public QObject {
    Q_OBJECT
public:
    explicit ImportJob(ImportJobParams params, QObject* parent = nullptr);
    ~ImportJob() override;   // cancels and waits for the thread

    void start();
    void requestCancel();
    bool isRunning() const;

Q_SIGNALS:
    void progress(qint64 bytesRead, qint64 bytesTotal, qint64 rows, qint64 skipped);
    void finished(const tb::ImportJobResult& result);
    void failed(const QString& message);

private:
    void work();
    ImportJobParams params_;
    QThread* thread_ = nullptr;
    std::atomic<bool> cancel_{false};
};

} // namespace tb

Q_DECLARE_METATYPE(tb::ImportJobResult)
