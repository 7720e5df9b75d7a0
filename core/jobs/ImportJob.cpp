#include "jobs/ImportJob.h"

#include "workspace/DatasetRepository.h"
#include "workspace/Workspace.h"

#include <QElapsedTimer>
#include <QThread>

namespace tb {

ImportJob::ImportJob(ImportJobParams params, QObject* parent) : QObject(parent), params_(std::move(params)) {
    qRegisterMetaType<tb::ImportJobResult>();
}

ImportJob::~ImportJob() {
    if (thread_) {
        cancel_.store(true);
        thread_->wait();
        delete thread_;
    }
}

void ImportJob::start() {
    if (thread_) return;
    thread_ = QThread::create([this] { work(); });
    thread_->setObjectName(QStringLiteral("ImportJob"));
    thread_->start();
}

void ImportJob::requestCancel() { cancel_.store(true); }
bool ImportJob::isRunning() const { return thread_ && thread_->isRunning(); }

void ImportJob::work() {
    try {
        if (!params_.workspace) throw Error("no workspace");
        DatasetRepository repo(params_.workspace);
        QElapsedTimer throttle;
        throttle.start();
        const ImportReport r = repo.importFile(
            params_.options,
            [&](const ImportProgress& p) {
                if (throttle.elapsed() < 100 && p.bytesRead < p.bytesTotal) return;
                throttle.restart();
                Q_EMIT progress(p.bytesRead, p.bytesTotal, p.rows, p.skipped);
            },
            [this] { return cancel_.load(); });
        ImportJobResult res;
        res.dataset = QString::fromStdString(params_.options.datasetName);
        res.format = QString::fromStdString(r.format);
        for (const auto& c : r.columns) res.columns << QString::fromStdString(c);
        res.rowsImported = r.rowsImported;
        res.rowsSkipped = r.rowsSkipped;
        for (const auto& b : r.badRecords) res.badRecords << QString::fromStdString(b.toString());
        res.seconds = r.seconds;
        Q_EMIT finished(res);
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    } catch (...) {
        Q_EMIT failed(QStringLiteral("import failed with an unknown error; nothing was written"));
    }
}

} // namespace tb
