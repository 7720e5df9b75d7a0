#include "jobs/DownloadJob.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <stdexcept>

namespace tb {

namespace {

struct Failure : std::runtime_error {
    explicit Failure(const QString& m) : std::runtime_error(m.toStdString()) {}
};
struct Cancelled {};

// What the Hub says a file should be: its size and checksum.
struct Expected {
    qint64 size = -1;
    QString sha256;   // LFS files
    QString gitSha1;  // small files stored in git
};

QString cleanEtag(QByteArray v) {
    v = v.trimmed();
    if (v.startsWith("W/")) v = v.mid(2);
    if (v.startsWith('"') && v.endsWith('"') && v.size() >= 2) v = v.mid(1, v.size() - 2);
    return QString::fromLatin1(v).toLower();
}

bool isHex(const QString& s, int len) {
    if (s.size() != len) return false;
    for (QChar c : s)
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f')))) return false;
    return true;
}

} // namespace

struct DownloadJob::Impl {
    DownloadJob* q;
    std::atomic<bool> cancel{false};
    QThread* thread = nullptr;
    QNetworkAccessManager* nam = nullptr;
    qint64 allDone = 0, allTotal = 0;
    QElapsedTimer sinceProgress;
    DownloadResult result;

    QUrl url(const QString& path) const {
        QUrl u = q->params_.baseUrl;
        QString base = u.path();
        if (base.endsWith(QLatin1Char('/'))) base.chop(1);
        u.setPath(base + path);
        return u;
    }
    QNetworkRequest request(const QUrl& u) const {
        QNetworkRequest r(u);
        r.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("tunebench/" TUNEBENCH_VERSION));
        if (!q->params_.token.isEmpty())
            r.setRawHeader("Authorization", "Bearer " + q->params_.token.toUtf8());
        r.setTransferTimeout(60000);
        return r;
    }

    // Runs the event loop until the reply ends, aborting it when cancel is requested.
    void wait(QNetworkReply* reply) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer tick;
        QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
            if (cancel.load()) reply->abort();
        });
        tick.start(50);
        if (!reply->isFinished()) loop.exec();
    }

    static QString replyError(QNetworkReply* reply, const QString& what) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 401 || status == 403)
            return DownloadJob::tr("%1: access denied (HTTP %2). The model may be gated or private: accept its "
                                   "licence on the Hub and give an access token.").arg(what).arg(status);
        if (status == 404)
            return DownloadJob::tr("%1: not found (HTTP 404). Check the model id and revision.").arg(what);
        return DownloadJob::tr("%1: %2").arg(what, reply->errorString());
    }

    QStringList listFiles() {
        const QString& id = q->params_.modelId;
        const QString rev = q->params_.revision.isEmpty() ? QStringLiteral("main") : q->params_.revision;
        const QString path = rev == QLatin1String("main") ? QStringLiteral("/api/models/%1").arg(id)
                                                          : QStringLiteral("/api/models/%1/revision/%2").arg(id, rev);
        std::unique_ptr<QNetworkReply> reply(nam->get(request(url(path))));
        wait(reply.get());
        if (cancel.load()) throw Cancelled{};
        if (reply->error() != QNetworkReply::NoError)
            throw Failure(replyError(reply.get(), DownloadJob::tr("Listing the files of %1").arg(id)));
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject())
            throw Failure(DownloadJob::tr("The Hub's answer for %1 is not JSON: %2").arg(id, err.errorString()));
        QStringList files;
        const QJsonArray siblings = doc.object().value(QStringLiteral("siblings")).toArray();
        for (const QJsonValue& s : siblings) files << s.toObject().value(QStringLiteral("rfilename")).toString();
        return files;
    }

    QUrl fileUrl(const QString& file) const {
        const QString rev = q->params_.revision.isEmpty() ? QStringLiteral("main") : q->params_.revision;
        return url(QStringLiteral("/%1/resolve/%2/%3").arg(q->params_.modelId, rev, file));
    }

    Expected head(const QString& file) {
        QNetworkRequest r = request(fileUrl(file));
        r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        r.setRawHeader("Accept-Encoding", "identity");
        std::unique_ptr<QNetworkReply> reply(nam->head(r));
        wait(reply.get());
        if (cancel.load()) throw Cancelled{};
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError && !(status >= 300 && status < 400))
            throw Failure(replyError(reply.get(), file));
        Expected e;
        const QByteArray linkedSize = reply->rawHeader("X-Linked-Size");
        const QByteArray length = reply->rawHeader("Content-Length");
        bool ok = false;
        e.size = (linkedSize.isEmpty() ? length : linkedSize).toLongLong(&ok);
        if (!ok) e.size = -1;
        const QString etag = cleanEtag(reply->hasRawHeader("X-Linked-Etag") ? reply->rawHeader("X-Linked-Etag")
                                                                              : reply->rawHeader("ETag"));
        if (isHex(etag, 64)) e.sha256 = etag;
        else if (isHex(etag, 40)) e.gitSha1 = etag;
        return e;
    }

    void report(const QString& file, qint64 done, qint64 total, bool force) {
        if (!force && sinceProgress.isValid() && sinceProgress.elapsed() < 100) return;
        sinceProgress.restart();
        Q_EMIT q->progress(file, done, total, allDone, allTotal);
    }

    // Feeds an existing file (or part) into the hashes.
    static void hashFile(const QString& path, QCryptographicHash& h) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly)) h.addData(&f);
    }

    bool matches(const Expected& e, const QByteArray& sha256, const QByteArray& sha1) const {
        if (!e.sha256.isEmpty()) return QString::fromLatin1(sha256.toHex()) == e.sha256;
        if (!e.gitSha1.isEmpty()) return QString::fromLatin1(sha1.toHex()) == e.gitSha1;
        return true;
    }

    void fetch(const QString& file, const Expected& e) {
        const QDir dest(q->params_.destination);
        const QString finalPath = dest.filePath(file);
        const QString partPath = finalPath + QStringLiteral(".incomplete");
        QDir().mkpath(QFileInfo(finalPath).absolutePath());
        const bool checkable = !e.sha256.isEmpty() || !e.gitSha1.isEmpty();

        // Already there and intact (a re-run after a complete download): keep it.
        if (QFileInfo(finalPath).exists() && (e.size < 0 || QFileInfo(finalPath).size() == e.size)) {
            QCryptographicHash s256(QCryptographicHash::Sha256), s1(QCryptographicHash::Sha1);
            s1.addData(QByteArrayLiteral("blob ") + QByteArray::number(QFileInfo(finalPath).size()) + '\0');
            hashFile(finalPath, s256);
            hashFile(finalPath, s1);
            if (matches(e, s256.result(), s1.result())) {
                allDone += QFileInfo(finalPath).size();
                result.files << file;
                if (checkable) result.verified << file;
                report(file, QFileInfo(finalPath).size(), e.size, true);
                return;
            }
        }

        qint64 have = QFileInfo(partPath).exists() ? QFileInfo(partPath).size() : 0;
        if (e.size >= 0 && have > e.size) {
            QFile::remove(partPath);
            have = 0;
        }
        QNetworkRequest r = request(fileUrl(file));
        r.setRawHeader("Accept-Encoding", "identity");
        if (have > 0) r.setRawHeader("Range", "bytes=" + QByteArray::number(have) + '-');

        QFile out(partPath);
        std::unique_ptr<QNetworkReply> reply(nam->get(r));
        QCryptographicHash s256(QCryptographicHash::Sha256), s1(QCryptographicHash::Sha1);
        bool started = false;
        qint64 done = 0;
        const qint64 allBefore = allDone;
        auto begin = [&] {
            started = true;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const bool resumed = have > 0 && status == 206;
            if (!out.open(resumed ? QIODevice::Append : QIODevice::WriteOnly | QIODevice::Truncate))
                throw Failure(DownloadJob::tr("Cannot write %1: %2").arg(partPath, out.errorString()));
            const qint64 total = e.size >= 0 ? e.size : reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() + (resumed ? have : 0);
            s1.addData(QByteArrayLiteral("blob ") + QByteArray::number(total) + '\0');
            if (resumed) {
                hashFile(partPath, s256);
                hashFile(partPath, s1);
                done = have;
                allDone += have;
                ++result.resumedFiles;
                Q_EMIT q->message(DownloadJob::tr("Resuming %1 at %2 bytes").arg(file).arg(have));
            }
        };
        QString writeError;
        QObject::connect(reply.get(), &QNetworkReply::readyRead, reply.get(), [&] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status >= 400) return;
            try {
                if (!started) begin();
            } catch (const Failure& f) {
                writeError = QString::fromStdString(f.what());
                reply->abort();
                return;
            }
            const QByteArray chunk = reply->readAll();
            if (out.write(chunk) != chunk.size()) {
                writeError = DownloadJob::tr("Cannot write %1: %2 (is the disk full?)").arg(partPath, out.errorString());
                reply->abort();
                return;
            }
            s256.addData(chunk);
            s1.addData(chunk);
            done += chunk.size();
            allDone += chunk.size();
            result.bytesDownloaded += chunk.size();
            report(file, done, e.size, false);
        });
        wait(reply.get());
        out.close();
        if (!writeError.isEmpty()) throw Failure(writeError);
        if (cancel.load()) throw Cancelled{};
        if (reply->error() != QNetworkReply::NoError) {
            allDone = allBefore;
            throw Failure(replyError(reply.get(), DownloadJob::tr("Downloading %1").arg(file)) +
                          DownloadJob::tr(" (what arrived is kept; start the download again to resume)"));
        }
        if (!started) {  // an empty file
            begin();
            out.close();
        }
        const qint64 size = QFileInfo(partPath).size();
        if (e.size >= 0 && size != e.size) {
            throw Failure(DownloadJob::tr("%1 is %2 bytes but the Hub says %3; start the download again to resume")
                              .arg(file).arg(size).arg(e.size));
        }
        if (!matches(e, s256.result(), s1.result())) {
            QFile::remove(partPath);
            throw Failure(DownloadJob::tr("Checksum mismatch for %1: expected %2, got %3. The damaged file was removed; "
                                          "download it again.")
                              .arg(file, !e.sha256.isEmpty() ? e.sha256 : e.gitSha1,
                                   QString::fromLatin1((!e.sha256.isEmpty() ? s256.result() : s1.result()).toHex())));
        }
        QFile::remove(finalPath);
        if (!QFile::rename(partPath, finalPath))
            throw Failure(DownloadJob::tr("Cannot move %1 into place").arg(finalPath));
        result.files << file;
        if (checkable) result.verified << file;
        report(file, size, size, true);
    }

    void run() {
        nam = new QNetworkAccessManager;
        try {
            const DownloadParams& p = q->params_;
            if (p.modelId.trimmed().isEmpty() || p.modelId.contains(QStringLiteral("..")))
                throw Failure(DownloadJob::tr("Give a model id such as \"HuggingFaceTB/SmolLM2-135M\"."));
            if (p.destination.isEmpty()) throw Failure(DownloadJob::tr("Choose a folder to download into."));
            if (!QDir().mkpath(p.destination))
                throw Failure(DownloadJob::tr("Cannot create the folder %1").arg(p.destination));
            result.directory = QDir(p.destination).absolutePath();
            QStringList files = p.files;
            if (files.isEmpty()) {
                const QStringList all = listFiles();
                for (const QString& f : all)
                    if (wanted(f)) files << f;
                bool haveWeights = false;
                for (const QString& f : files) haveWeights = haveWeights || f.endsWith(QStringLiteral(".safetensors"));
                if (!haveWeights)
                    throw Failure(DownloadJob::tr("%1 has no safetensors weights. Tunebench never loads pickled .bin files; "
                                                  "pick a repository that has model.safetensors, or convert it with "
                                                  "transformers (save_pretrained(safe_serialization=True)).").arg(p.modelId));
            }
            QList<Expected> expected;
            for (const QString& f : files) {
                if (cancel.load()) throw Cancelled{};
                expected << head(f);
                allTotal += qMax<qint64>(0, expected.last().size);
            }
            result.bytesTotal = allTotal;
            Q_EMIT q->message(DownloadJob::tr("%n file(s) to fetch", nullptr, int(files.size())));
            for (int i = 0; i < files.size(); ++i) {
                if (cancel.load()) throw Cancelled{};
                fetch(files[i], expected[i]);
            }
            delete nam;
            nam = nullptr;
            Q_EMIT q->finished(result);
        } catch (const Cancelled&) {
            delete nam;
            nam = nullptr;
            Q_EMIT q->failed(DownloadJob::tr("Download cancelled; start it again to resume."));
        } catch (const std::exception& e) {
            delete nam;
            nam = nullptr;
            Q_EMIT q->failed(QString::fromStdString(e.what()));
        }
    }
};

DownloadJob::DownloadJob(DownloadParams params, QObject* parent)
    : QObject(parent), params_(std::move(params)), d_(std::make_unique<Impl>()) {
    d_->q = this;
    qRegisterMetaType<tb::DownloadResult>();
}

DownloadJob::~DownloadJob() {
    requestCancel();
    if (d_->thread) {
        d_->thread->wait();
        delete d_->thread;
    }
}

bool DownloadJob::wanted(const QString& f) {
    if (f.contains(QLatin1Char('/'))) return false;
    static const char* names[] = {"config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json",
                                  "special_tokens_map.json", "added_tokens.json", "vocab.json", "merges.txt",
                                  "tokenizer.model", "spiece.model", "sentencepiece.bpe.model", "README.md",
                                  "model.safetensors.index.json"};
    for (const char* n : names)
        if (f == QLatin1String(n)) return true;
    return f.endsWith(QStringLiteral(".safetensors")) || f.startsWith(QStringLiteral("LICENSE"));
}

void DownloadJob::start() {
    if (isRunning()) return;
    if (d_->thread) {
        d_->thread->wait();
        delete d_->thread;
    }
    d_->cancel = false;
    d_->allDone = d_->allTotal = 0;
    d_->result = DownloadResult{};
    d_->thread = QThread::create([this] { d_->run(); });
    d_->thread->setObjectName(QStringLiteral("download"));
    d_->thread->start();
}

void DownloadJob::requestCancel() { d_->cancel = true; }

bool DownloadJob::isRunning() const { return d_->thread && d_->thread->isRunning(); }

} // namespace tb
