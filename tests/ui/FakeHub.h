#pragma once
// A tiny HTTP server for the download tests: it serves the two Hugging Face Hub endpoints
// DownloadJob uses (/api/models/<id> and /<id>/resolve/<rev>/<file>), answers HEAD the way the
// Hub does for LFS files (302 with X-Linked-Etag / X-Linked-Size), honours Range, and can cut a
// transfer short or stall it to test resume and cancel.
#include <QUrl>
#include <QByteArray>
#include <QCryptographicHash>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>

class FakeHub : public QObject {
    Q_OBJECT
public:
    struct File {
        QByteArray content;
        bool lfs = true;
        QByteArray etagOverride;   // a wrong checksum, to test the check
    };
    QString modelId = QStringLiteral("org/tiny");
    QHash<QString, File> files;
    QStringList extraSiblings;     // listed but never fetched (e.g. pytorch_model.bin)
    // Content GETs whose body is longer than this send only this many bytes, then close; sticky
    // until reset, because Qt's HTTP layer itself retries a request cut short a few times.
    int cutAfterBytes = -1;
    int stallAfterBytes = -1;      // the next content GET longer than this sends this many bytes, then waits forever
    QList<QByteArray> rangesSeen;  // Range headers of content GETs ("" when none)

    bool listen() { return server_.listen(QHostAddress::LocalHost); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server_.serverPort())); }

    FakeHub() {
        connect(&server_, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = server_.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onData(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }

signals:
    void stalled();

private:
    static QByteArray sha256(const QByteArray& b) { return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex(); }
    static QByteArray gitSha1(const QByteArray& b) {
        return QCryptographicHash::hash("blob " + QByteArray::number(b.size()) + '\0' + b, QCryptographicHash::Sha1).toHex();
    }

    void send(QTcpSocket* s, const QByteArray& status, const QList<QPair<QByteArray, QByteArray>>& headers,
              const QByteArray& body, qint64 contentLength = -1) {
        QByteArray head = "HTTP/1.1 " + status + "\r\nConnection: close\r\n";
        for (const auto& [k, v] : headers) head += k + ": " + v + "\r\n";
        head += "Content-Length: " + QByteArray::number(contentLength >= 0 ? contentLength : body.size()) + "\r\n\r\n";
        s->write(head);
        s->write(body);
        s->flush();
    }

    void onData(QTcpSocket* s) {
        QByteArray& buf = buffers_[s];
        buf += s->readAll();
        const int end = buf.indexOf("\r\n\r\n");
        if (end < 0) return;
        const QList<QByteArray> lines = buf.left(end).split('\n');
        buf.clear();
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        const QByteArray method = first.value(0), path = first.value(1);
        QHash<QByteArray, QByteArray> h;
        for (int i = 1; i < lines.size(); ++i) {
            const int c = lines[i].indexOf(':');
            if (c > 0) h.insert(lines[i].left(c).trimmed().toLower(), lines[i].mid(c + 1).trimmed());
        }
        const QByteArray id = modelId.toUtf8();
        if (path == "/api/models/" + id) {
            QByteArray json = "{\"id\":\"" + id + "\",\"siblings\":[";
            QStringList names = files.keys() + extraSiblings;
            names.sort();
            for (int i = 0; i < names.size(); ++i)
                json += (i ? "," : "") + QByteArray("{\"rfilename\":\"") + names[i].toUtf8() + "\"}";
            json += "]}";
            send(s, "200 OK", {{"Content-Type", "application/json"}}, method == "HEAD" ? QByteArray() : json, json.size());
            return;
        }
        const QByteArray resolve = "/" + id + "/resolve/main/";
        if (path.startsWith(resolve)) {
            const QString name = QString::fromUtf8(path.mid(resolve.size()));
            if (!files.contains(name)) { send(s, "404 Not Found", {}, "Entry not found"); return; }
            const File& f = files[name];
            if (f.lfs) {
                const QByteArray etag = f.etagOverride.isEmpty() ? sha256(f.content) : f.etagOverride;
                send(s, "302 Found", {{"Location", "/cdn/" + name.toUtf8()}, {"X-Linked-Etag", "\"" + etag + "\""},
                                      {"X-Linked-Size", QByteArray::number(f.content.size())}, {"ETag", "\"" + etag + "\""}},
                     QByteArray());
                return;
            }
            const QByteArray etag = f.etagOverride.isEmpty() ? gitSha1(f.content) : f.etagOverride;
            if (method == "HEAD") send(s, "200 OK", {{"ETag", "\"" + etag + "\""}}, QByteArray(), f.content.size());
            else serveContent(s, f.content, h.value("range"));
            return;
        }
        if (path.startsWith("/cdn/")) {
            const QString name = QString::fromUtf8(path.mid(5));
            if (!files.contains(name)) { send(s, "404 Not Found", {}, "no"); return; }
            serveContent(s, files[name].content, h.value("range"));
            return;
        }
        send(s, "404 Not Found", {}, "unknown endpoint");
    }

    void serveContent(QTcpSocket* s, const QByteArray& content, const QByteArray& range) {
        rangesSeen << range;
        qint64 from = 0;
        QByteArray status = "200 OK";
        QList<QPair<QByteArray, QByteArray>> headers = {{"Accept-Ranges", "bytes"}};
        if (range.startsWith("bytes=") && range.endsWith('-')) {
            from = range.mid(6, range.size() - 7).toLongLong();
            status = "206 Partial Content";
            headers.append({"Content-Range", "bytes " + QByteArray::number(from) + "-" +
                                                 QByteArray::number(content.size() - 1) + "/" + QByteArray::number(content.size())});
        }
        const QByteArray body = content.mid(from);
        if (cutAfterBytes >= 0 && body.size() > cutAfterBytes) {
            const int n = cutAfterBytes;
            send(s, status, headers, body.left(n), body.size());
            s->disconnectFromHost();
            return;
        }
        if (stallAfterBytes >= 0 && body.size() > stallAfterBytes) {
            const int n = stallAfterBytes;
            stallAfterBytes = -1;
            send(s, status, headers, body.left(n), body.size());
            emit stalled();
            return;
        }
        send(s, status, headers, body);
        s->disconnectFromHost();
    }

    QTcpServer server_;
    QHash<QTcpSocket*, QByteArray> buffers_;
};
