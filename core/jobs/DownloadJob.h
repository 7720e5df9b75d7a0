#pragma once
// Why this exists: the Models page downloads a model from the Hugging Face Hub by its id,
// with progress, resume after an interruption (HTTP Range on a "<file>.incomplete" part) and a
// checksum of every file against what the Hub says it should be (sha256 from the LFS etag /
// X-Linked-Etag, or the git blob sha1 for small files). Only the files Tunebench loads are
// fetched (config, tokenizer and safetensors weights; never pickled .bin).
//
// Usage:
//   1. DownloadParams p; p.modelId = "HuggingFaceTB/SmolLM2-135M"; p.destination = dir;
//      (p.baseUrl points the job at a mirror or a test server)
//   2. auto* job = new DownloadJob(p); connect progress/finished/failed; job->start();
//   3. job->requestCancel() stops soon; the parts on disk stay, and the next start resumes them.
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace tb {

struct DownloadParams {
    QString modelId;                      // "gpt2", "org/name"
    QString revision = QStringLiteral("main");
    QString destination;                  // the model folder to write (created when missing)
    QUrl baseUrl = QUrl(QStringLiteral("https://huggingface.co"));
    QString token;                        // optional access token (Authorization: Bearer)
    // Which repository files to fetch; empty = the default set (see DownloadJob::wanted()).
    QStringList files;
};

struct DownloadResult {
    QString directory;
    QStringList files;          // every file now in place
    QStringList verified;       // the ones whose checksum was checked (all, when the Hub gave one)
    qint64 bytesDownloaded = 0; // over the network in this run (resumed bytes are not counted)
    qint64 bytesTotal = 0;      // size of all files
    int resumedFiles = 0;       // files continued from a part left by an earlier run
};

class DownloadJob : public QObject {
    Q_OBJECT
public:
    explicit DownloadJob(DownloadParams params, QObject* parent = nullptr);
    ~DownloadJob() override;

    void start();
    void requestCancel();
    bool isRunning() const;
    const DownloadParams& params() const { return params_; }

    // True for the repository files a download fetches by default: top-level config and
    // tokenizer files, *.safetensors and their index, README/LICENSE.
    static bool wanted(const QString& repoFile);

Q_SIGNALS:
    void progress(const QString& file, qint64 fileDone, qint64 fileTotal, qint64 allDone, qint64 allTotal);
    void message(const QString& text);
    void finished(const tb::DownloadResult& result);
    void failed(const QString& message);

private:
    struct Impl;
    DownloadParams params_;
    std::unique_ptr<Impl> d_;
};

} // namespace tb

Q_DECLARE_METATYPE(tb::DownloadResult)
