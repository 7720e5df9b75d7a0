// DownloadJob against a local server that speaks the Hub's endpoints: file selection, checksum
// (sha256 for LFS files, git blob sha1 for small ones), resume with Range after a cut, a
// corrupted file caught by the checksum, and cancel keeping the part for a later resume.
#include "FakeHub.h"
#include "jobs/DownloadJob.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using tb::DownloadJob;
using tb::DownloadParams;
using tb::DownloadResult;

class TestDownload : public QObject {
    Q_OBJECT

    static QByteArray randomBytes(int n) {
        QByteArray b(n, Qt::Uninitialized);
        QRandomGenerator gen(42);
        for (int i = 0; i < n; ++i) b[i] = char(gen.bounded(256));
        return b;
    }
    static QByteArray readAll(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    void setUpHub(FakeHub& hub) {
        hub.files.insert(QStringLiteral("config.json"), {QByteArrayLiteral("{\"model_type\":\"llama\"}"), false, {}});
        hub.files.insert(QStringLiteral("model.safetensors"), {randomBytes(300000), true, {}});
        hub.extraSiblings << QStringLiteral("pytorch_model.bin") << QStringLiteral("onnx/model.onnx");
        QVERIFY(hub.listen());
    }
    DownloadParams params(const FakeHub& hub, const QString& dir) {
        DownloadParams p;
        p.modelId = hub.modelId;
        p.destination = dir;
        p.baseUrl = hub.url();
        return p;
    }

private slots:
    void selectsOnlyLoadableFiles() {
        QVERIFY(DownloadJob::wanted(QStringLiteral("model-00001-of-00002.safetensors")));
        QVERIFY(DownloadJob::wanted(QStringLiteral("tokenizer.json")));
        QVERIFY(!DownloadJob::wanted(QStringLiteral("pytorch_model.bin")));
        QVERIFY(!DownloadJob::wanted(QStringLiteral("onnx/model.safetensors")));
    }

    void downloadsAndVerifies() {
        FakeHub hub;
        setUpHub(hub);
        QTemporaryDir dir;
        DownloadJob job(params(hub, dir.path()));
        QSignalSpy done(&job, &DownloadJob::finished), failed(&job, &DownloadJob::failed), progress(&job, &DownloadJob::progress);
        job.start();
        QVERIFY2(done.wait(20000) || !failed.isEmpty(), "no answer");
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        const auto r = done.first().first().value<DownloadResult>();
        QCOMPARE(r.files.size(), 2);
        QCOMPARE(r.verified.size(), 2);
        QCOMPARE(readAll(QDir(dir.path()).filePath(QStringLiteral("model.safetensors"))), hub.files[QStringLiteral("model.safetensors")].content);
        QCOMPARE(readAll(QDir(dir.path()).filePath(QStringLiteral("config.json"))), hub.files[QStringLiteral("config.json")].content);
        QVERIFY(!QFile::exists(QDir(dir.path()).filePath(QStringLiteral("pytorch_model.bin"))));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(4).toLongLong(), r.bytesTotal);
    }

    void resumesAfterACut() {
        FakeHub hub;
        setUpHub(hub);
        QTemporaryDir dir;
        hub.cutAfterBytes = 120000;
        {
            DownloadJob job(params(hub, dir.path()));
            QSignalSpy failed(&job, &DownloadJob::failed);
            job.start();
            QVERIFY(failed.wait(20000));
            QVERIFY2(failed.first().first().toString().contains(QStringLiteral("resume")), qPrintable(failed.first().first().toString()));
        }
        const QString part = QDir(dir.path()).filePath(QStringLiteral("model.safetensors.incomplete"));
        QVERIFY(QFile::exists(part));
        QVERIFY(QFileInfo(part).size() > 0);
        const qint64 have = QFileInfo(part).size();
        QCOMPARE(have, qint64(hub.cutAfterBytes));   // what arrived, once (Qt's own retries add nothing twice)
        hub.cutAfterBytes = -1;
        DownloadJob job(params(hub, dir.path()));
        QSignalSpy done(&job, &DownloadJob::finished), failed(&job, &DownloadJob::failed);
        job.start();
        QVERIFY(done.wait(20000));
        const auto r = done.first().first().value<DownloadResult>();
        QCOMPARE(r.resumedFiles, 1);
        QCOMPARE(hub.rangesSeen.last(), QByteArray("bytes=" + QByteArray::number(have) + "-"));
        QCOMPARE(readAll(QDir(dir.path()).filePath(QStringLiteral("model.safetensors"))), hub.files[QStringLiteral("model.safetensors")].content);
        QVERIFY(r.verified.contains(QStringLiteral("model.safetensors")));
        QVERIFY(!QFile::exists(part));
    }

    void rejectsAChecksumMismatch() {
        FakeHub hub;
        hub.files.insert(QStringLiteral("model.safetensors"), {randomBytes(5000), true, QByteArray(64, 'a')});
        QVERIFY(hub.listen());
        QTemporaryDir dir;
        DownloadJob job(params(hub, dir.path()));
        QSignalSpy failed(&job, &DownloadJob::failed);
        job.start();
        QVERIFY(failed.wait(20000));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("Checksum mismatch")), qPrintable(failed.first().first().toString()));
        QVERIFY(!QFile::exists(QDir(dir.path()).filePath(QStringLiteral("model.safetensors"))));
        QVERIFY(!QFile::exists(QDir(dir.path()).filePath(QStringLiteral("model.safetensors.incomplete"))));
    }

    void refusesRepositoriesWithoutSafetensors() {
        FakeHub hub;
        hub.files.insert(QStringLiteral("config.json"), {QByteArrayLiteral("{}"), false, {}});
        hub.extraSiblings << QStringLiteral("pytorch_model.bin");
        QVERIFY(hub.listen());
        QTemporaryDir dir;
        DownloadJob job(params(hub, dir.path()));
        QSignalSpy failed(&job, &DownloadJob::failed);
        job.start();
        QVERIFY(failed.wait(20000));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("safetensors")));
    }

    void unknownModelSaysNotFound() {
        FakeHub hub;
        setUpHub(hub);
        QTemporaryDir dir;
        DownloadParams p = params(hub, dir.path());
        p.modelId = QStringLiteral("org/absent");
        DownloadJob job(p);
        QSignalSpy failed(&job, &DownloadJob::failed);
        job.start();
        QVERIFY(failed.wait(20000));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("404")), qPrintable(failed.first().first().toString()));
    }

    void cancelKeepsThePart() {
        FakeHub hub;
        setUpHub(hub);
        hub.stallAfterBytes = 50000;
        QTemporaryDir dir;
        DownloadJob job(params(hub, dir.path()));
        QSignalSpy failed(&job, &DownloadJob::failed), stalled(&hub, &FakeHub::stalled);
        job.start();
        QVERIFY(stalled.wait(20000));
        QTest::qWait(200);
        job.requestCancel();
        QVERIFY(failed.wait(20000));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("cancelled")));
        QVERIFY(QFile::exists(QDir(dir.path()).filePath(QStringLiteral("model.safetensors.incomplete"))));
    }
};

QTEST_GUILESS_MAIN(TestDownload)
#include "test_download.moc"
