// Importing into the workspace: the real DialogSum and Alpaca files with exact row counts,
// a bad-input corpus (each with its precise message and the workspace left unchanged),
// skip-and-report, cancel, field mapping and preview, row editing, and a streaming memory bound.
#include "WorkspaceDigest.h"
#include "data/DataImporter.h"
#include "jobs/ImportJob.h"
#include "workspace/DatasetRepository.h"
#include "workspace/Workspace.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

Q_DECLARE_METATYPE(std::string)

using namespace tb;

namespace {

const QString kShared = QStringLiteral(TB_SHARED_DIR);

std::string sharedFile(const char* rel) { return (kShared + QLatin1Char('/') + QLatin1String(rel)).toStdString(); }

// VmHWM (peak resident set) of this process in bytes.
qint64 peakRss() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:")) return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    return -1;
}

void writeFile(const QString& path, const std::string& bytes) {
    std::ofstream out(path.toStdString(), std::ios::binary);
    out << bytes;
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
    return s;
}

} // namespace

class TestDatasetImport : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::shared_ptr<Workspace> ws_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        ws_ = Workspace::open(dir_.filePath(QStringLiteral("ws.tunebench")));
    }

    void dialogsum() {
        if (!QFile::exists(kShared + QStringLiteral("/datasets/dialogsum/train.jsonl")))
            QSKIP("../shared/datasets/dialogsum is absent");
        DatasetRepository repo(ws_);
        const struct { const char* split; qint64 rows; } splits[] = {{"train", 12460}, {"validation", 500}, {"test", 500}};
        for (const auto& s : splits) {
            ImportOptions o;
            o.path = sharedFile((std::string("datasets/dialogsum/") + s.split + ".jsonl").c_str());
            o.datasetName = std::string("dialogsum_") + s.split;
            QElapsedTimer t;
            t.start();
            const ImportReport r = repo.importFile(o);
            const double secs = static_cast<double>(t.nsecsElapsed()) / 1e9;
            qInfo("dialogsum %s: %lld rows in %.3f s = %.0f rows/s (%.1f MB/s)", s.split, static_cast<long long>(r.rowsImported),
                  secs, static_cast<double>(r.rowsImported) / secs, static_cast<double>(r.bytes) / 1e6 / secs);
            QCOMPARE(r.rowsImported, s.rows);
            QCOMPARE(r.rowsSkipped, qint64(0));
            QCOMPARE(QString::fromStdString(r.format), QStringLiteral("jsonl"));
            const auto info = repo.require(QString::fromStdString(o.datasetName));
            QCOMPARE(info.rowCount, s.rows);
            QCOMPARE(tableCount(*ws_, "dataset_rows") >= s.rows, true);
        }
        const auto test = repo.require(QStringLiteral("dialogsum_test"));
        for (const char* f : {"fname", "dialogue", "summary1", "summary2", "summary3", "topic1", "topic2", "topic3"})
            QVERIFY2(test.columns.contains(QLatin1String(f)), f);
        QVERIFY(!test.columns.contains(QStringLiteral("summary")));
        // The three references of each test row survive byte for byte.
        std::ifstream in(sharedFile("datasets/dialogsum/test.jsonl"));
        std::string line;
        qint64 idx = 0;
        while (std::getline(in, line)) {
            const auto src = nlohmann::json::parse(line);
            const auto row = repo.row(QStringLiteral("dialogsum_test"), idx++);
            QCOMPARE(row, src);
            if (idx > 50) break;
        }
        const auto train = repo.require(QStringLiteral("dialogsum_train"));
        QCOMPARE(train.columns, (QStringList{QStringLiteral("fname"), QStringLiteral("dialogue"), QStringLiteral("summary"),
                                             QStringLiteral("topic")}));
    }

    void alpaca() {
        if (!QFile::exists(kShared + QStringLiteral("/datasets/alpaca/alpaca_5000.json")))
            QSKIP("../shared/datasets/alpaca is absent");
        DatasetRepository repo(ws_);
        ImportOptions o;
        o.path = sharedFile("datasets/alpaca/alpaca_5000.json");
        o.datasetName = "alpaca";
        const ImportReport r = repo.importFile(o);
        QCOMPARE(r.rowsImported, qint64(5000));
        QCOMPARE(QString::fromStdString(r.format), QStringLiteral("json"));
        QCOMPARE(repo.require(QStringLiteral("alpaca")).columns,
                 (QStringList{QStringLiteral("instruction"), QStringLiteral("input"), QStringLiteral("output")}));
        std::ifstream in(o.path);
        const auto all = nlohmann::json::parse(in);
        QCOMPARE(repo.row(QStringLiteral("alpaca"), 4999), all.at(4999));
        QCOMPARE(repo.row(QStringLiteral("alpaca"), 0), all.at(0));
    }

    // Each bad input: the exact message, and the workspace unchanged (all-or-nothing and skip-bad).
    void badInputs_data() {
        QTest::addColumn<std::string>("file");      // name in the temp dir ("" = does not exist)
        QTest::addColumn<std::string>("content");
        QTest::addColumn<bool>("skipBad");
        QTest::addColumn<std::string>("message");   // {path} = the file's path
        QTest::newRow("unterminated quote") << std::string("u.csv") << std::string("a,b\n1,2\n3,\"oops\n4,5\n") << false
            << std::string("{path}:3: unterminated quote: the quoted field that opens at line 3 is not closed before the end of the file. Nothing was imported.");
        QTest::newRow("unterminated quote, skip-bad still aborts") << std::string("u2.csv") << std::string("a,b\n1,2\n3,\"oops\n4,5\n") << true
            << std::string("{path}:3: unterminated quote: the quoted field that opens at line 3 is not closed before the end of the file. Nothing was imported.");
        QTest::newRow("ragged row") << std::string("r.csv") << std::string("a,b,c\n1,2,3\n4,5,6,7\n8,9,10\n") << false
            << std::string("{path}:3: row has 4 fields but the header has 3. Nothing was imported; fix the file, or use skip-bad to import the other rows.");
        QTest::newRow("ragged tsv") << std::string("r.tsv") << std::string("a\tb\n1\n") << false
            << std::string("{path}:2: row has 1 field but the header has 2. Nothing was imported; fix the file, or use skip-bad to import the other rows.");
        QTest::newRow("invalid utf-8 in csv") << std::string("x.csv") << std::string("a,b\n1,2\n3,caf\xE9\n") << false
            << std::string("{path}:3: invalid UTF-8 at line 3 byte 6 (a multi-byte sequence is cut off). Nothing was imported; fix the file, or use skip-bad to import the other rows.");
        QTest::newRow("invalid utf-8 in jsonl") << std::string("x.jsonl") << std::string("{\"a\":\"x\"}\n{\"a\":\"\xC3\x28\"}\n") << false
            << std::string("{path}:2: invalid UTF-8 at line 2 byte 7 (a multi-byte sequence is cut off). Nothing was imported; fix the file, or use skip-bad to import the other rows.");
        QTest::newRow("json error at line 4 (jsonl)") << std::string("e.jsonl") << std::string("{\"a\":1}\n{\"a\":2}\n\n{\"a\":3\n{\"a\":4}\n") << false
            << std::string("{path}:4: JSON parse error at line 4 column 7: syntax error while parsing object - unexpected end of input; expected '}'. Nothing was imported; fix the file, or use skip-bad to import the other rows.");
        QTest::newRow("json error at line 3 (array)") << std::string("e.json") << std::string("[\n{\"a\":1},\n{\"a\" 2}\n]\n") << false
            << std::string("{path}:3: JSON parse error at line 3 column 6: syntax error while parsing object separator - unexpected number literal; expected ':'. Nothing was imported.");
        QTest::newRow("json array error, skip-bad still aborts") << std::string("e2.json") << std::string("[\n{\"a\":1},\n{\"a\" 2}\n]\n") << true
            << std::string("{path}:3: JSON parse error at line 3 column 6: syntax error while parsing object separator - unexpected number literal; expected ':'. Nothing was imported.");
        QTest::newRow("empty file") << std::string("empty.csv") << std::string() << false << std::string("{path} is empty: there is nothing to import.");
        QTest::newRow("whitespace-only file") << std::string("blank.jsonl") << std::string("\n  \n") << true << std::string("{path} is empty: there is nothing to import.");
        QTest::newRow("missing file") << std::string() << std::string() << false
            << std::string("cannot open {path}: No such file or directory. Check the path.");
        QTest::newRow("header only") << std::string("h.csv") << std::string("a,b\n") << false << std::string("{path}: no rows to import (only a header row?).");
        QTest::newRow("every record bad with skip-bad") << std::string("allbad.jsonl") << std::string("[1]\n") << true
            << std::string("{path}: no rows to import (every record was bad; first: {path}:1: line 1 is an array, not a JSON object ({\"field\": value, ...})).");
    }
    void badInputs() {
        QFETCH(std::string, file);
        QFETCH(std::string, content);
        QFETCH(bool, skipBad);
        QFETCH(std::string, message);
        const QString path = dir_.filePath(QString::fromStdString(file.empty() ? std::string("does-not-exist.csv") : file));
        if (!file.empty()) writeFile(path, content);
        DatasetRepository repo(ws_);
        const QByteArray before = workspaceDigest(*ws_);
        const qint64 datasetsBefore = tableCount(*ws_, "datasets");
        ImportOptions o;
        o.path = path.toStdString();
        o.datasetName = "bad_" + file;
        o.skipBad = skipBad;
        QString got;
        try {
            repo.importFile(o);
            QFAIL("the import should have failed");
        } catch (const ImportError& e) {
            got = QString::fromStdString(e.what());
        }
        QCOMPARE(got, QString::fromStdString(replaceAll(message, "{path}", path.toStdString())));
        QCOMPARE(workspaceDigest(*ws_), before);
        QCOMPARE(tableCount(*ws_, "datasets"), datasetsBefore);
        QVERIFY(!repo.find(QString::fromStdString(o.datasetName)));
    }

    void skipBadReports() {
        const QString path = dir_.filePath(QStringLiteral("mixed.csv"));
        writeFile(path, "id,text\n1,ok\n2,too,many\n3,\"multi\nline\"\n4\n5,caf\xC3\n6,fine\n");
        DatasetRepository repo(ws_);
        ImportOptions o;
        o.path = path.toStdString();
        o.datasetName = "mixed";
        o.skipBad = true;
        const ImportReport r = repo.importFile(o);
        QCOMPARE(r.rowsImported, qint64(3));
        QCOMPARE(r.rowsSkipped, qint64(3));
        QCOMPARE(r.badRecords.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(r.badRecords[0].toString()), path + QStringLiteral(":3: row has 3 fields but the header has 2"));
        QCOMPARE(QString::fromStdString(r.badRecords[1].toString()), path + QStringLiteral(":6: row has 1 field but the header has 2"));
        QCOMPARE(QString::fromStdString(r.badRecords[2].toString()),
                 path + QStringLiteral(":7: invalid UTF-8 at line 7 byte 6 (a multi-byte sequence is cut off)"));
        const auto rows = repo.rows(QStringLiteral("mixed"), 0, -1);
        QCOMPARE(rows.size(), std::size_t(3));
        QCOMPARE(rows[1]["text"].get<std::string>(), std::string("multi\nline"));
        QCOMPARE(rows[2]["id"].get<std::string>(), std::string("6"));
    }

    void duplicateNameRefused() {
        const QString path = dir_.filePath(QStringLiteral("d.csv"));
        writeFile(path, "a\n1\n");
        DatasetRepository repo(ws_);
        ImportOptions o;
        o.path = path.toStdString();
        o.datasetName = "dup";
        repo.importFile(o);
        const QByteArray before = workspaceDigest(*ws_);
        QVERIFY_THROWS_EXCEPTION(UsageError, repo.importFile(o));
        QCOMPARE(workspaceDigest(*ws_), before);
    }

    void cancelRollsBack() {
        const QString path = dir_.filePath(QStringLiteral("cancel.jsonl"));
        {
            std::ofstream out(path.toStdString());
            for (int i = 0; i < 20000; ++i) out << "{\"i\":" << i << ",\"text\":\"" << std::string(100, 'x') << "\"}\n";
        }
        DatasetRepository repo(ws_);
        const QByteArray before = workspaceDigest(*ws_);
        ImportOptions o;
        o.path = path.toStdString();
        o.datasetName = "cancelled";
        int calls = 0;
        QVERIFY_THROWS_EXCEPTION(ImportCancelled, repo.importFile(o, {}, [&] { return ++calls > 20; }));
        QVERIFY(calls > 20);
        QCOMPARE(workspaceDigest(*ws_), before);
        QVERIFY(!repo.find(QStringLiteral("cancelled")));
    }

    void mappingAndPreview() {
        const QString path = dir_.filePath(QStringLiteral("map.json"));
        writeFile(path, R"([{"q":"What?","a":"That.","meta":{"n":[1,2]},"ok":true,"score":0.5},{"q":"Who?","a":"Me.","ok":false}])");
        ImportOptions o;
        o.path = path.toStdString();
        const ImportPreview p = DataImporter::preview(o, 1);
        QCOMPARE(QString::fromStdString(p.format), QStringLiteral("json"));
        QCOMPARE(p.rows.size(), std::size_t(1));
        QCOMPARE(p.rows[0]["meta"], nlohmann::json::parse(R"({"n":[1,2]})"));
        QCOMPARE(p.rows[0]["ok"], nlohmann::json(true));
        QCOMPARE(p.rows[0]["score"], nlohmann::json(0.5));
        o.fields = {{"q", "question"}, {"a", "answer"}, {"meta", "meta"}};
        o.datasetName = "mapped";
        DatasetRepository repo(ws_);
        const ImportReport r = repo.importFile(o);
        QCOMPARE(r.rowsImported, qint64(2));
        QCOMPARE(repo.require(QStringLiteral("mapped")).columns,
                 (QStringList{QStringLiteral("question"), QStringLiteral("answer"), QStringLiteral("meta")}));
        QCOMPARE(repo.row(QStringLiteral("mapped"), 1), nlohmann::json::parse(R"({"question":"Who?","answer":"Me."})"));
        QCOMPARE(repo.row(QStringLiteral("mapped"), 0)["meta"]["n"][1], nlohmann::json(2));

        const QString csv = dir_.filePath(QStringLiteral("semi.txt"));
        writeFile(csv, "\xEF\xBB\xBFname;value\nx;1,5\n");
        ImportOptions c;
        c.path = csv.toStdString();
        const ImportPreview cp = DataImporter::preview(c, 5);
        QCOMPARE(QString::fromStdString(cp.format), QStringLiteral("csv"));
        QCOMPARE(cp.delimiter, ';');
        QCOMPARE(cp.rows.at(0), nlohmann::json::parse(R"({"name":"x","value":"1,5"})"));
    }

    // The GUI's job: the same import on its own thread, reporting through queued signals.
    void importJob() {
        const QString path = dir_.filePath(QStringLiteral("job.csv"));
        std::string text = "a,b\n";
        for (int i = 0; i < 5000; ++i) text += std::to_string(i) + ",\"x\ny\"\n";
        text += "1,2,3\n";
        writeFile(path, text);
        ImportJobParams p;
        p.workspace = ws_;
        p.options.path = path.toStdString();
        p.options.datasetName = "from_job";
        p.options.skipBad = true;
        ImportJob job(p);
        QSignalSpy done(&job, &ImportJob::finished);
        QSignalSpy failed(&job, &ImportJob::failed);
        job.start();
        QVERIFY(done.wait(60000));
        QCOMPARE(failed.count(), 0);
        const auto r = done.at(0).at(0).value<ImportJobResult>();
        QCOMPARE(r.rowsImported, qint64(5000));
        QCOMPARE(r.rowsSkipped, qint64(1));
        QCOMPARE(r.badRecords.at(0), path + QStringLiteral(":10002: row has 3 fields but the header has 2"));
        // All-or-nothing through the job: failed(message), nothing written.
        const QByteArray before = workspaceDigest(*ws_);
        p.options.datasetName = "from_job_strict";
        p.options.skipBad = false;
        ImportJob strict(p);
        QSignalSpy failed2(&strict, &ImportJob::failed);
        strict.start();
        QVERIFY(failed2.wait(60000));
        QVERIFY(failed2.at(0).at(0).toString().contains(QStringLiteral(":10002: row has 3 fields but the header has 2")));
        QCOMPARE(workspaceDigest(*ws_), before);
    }

    void rowEditing() {
        DatasetRepository repo(ws_);
        repo.createFromRows(QStringLiteral("edit"), {{{"t", "a"}}, {{"t", "b"}}, {{"t", "c"}}});
        repo.insertRow(QStringLiteral("edit"), 1, {{"t", "new"}, {"extra", 1}});
        auto all = repo.rows(QStringLiteral("edit"), 0, -1);
        QCOMPARE(all.size(), std::size_t(4));
        QCOMPARE(all[1]["t"].get<std::string>(), std::string("new"));
        QCOMPARE(all[3]["t"].get<std::string>(), std::string("c"));
        QVERIFY(repo.require(QStringLiteral("edit")).columns.contains(QStringLiteral("extra")));
        const auto deleted = repo.deleteRow(QStringLiteral("edit"), 0);
        QCOMPARE(deleted["t"].get<std::string>(), std::string("a"));
        const auto old = repo.updateRow(QStringLiteral("edit"), 2, {{"t", "C"}});
        QCOMPARE(old["t"].get<std::string>(), std::string("c"));
        all = repo.rows(QStringLiteral("edit"), 0, -1);
        QCOMPARE(all.size(), std::size_t(3));
        QCOMPARE(all[0]["t"].get<std::string>(), std::string("new"));
        QCOMPARE(all[2]["t"].get<std::string>(), std::string("C"));
        QCOMPARE(repo.require(QStringLiteral("edit")).rowCount, qint64(3));
        repo.insertRow(QStringLiteral("edit"), 0, deleted);   // undo the delete
        QCOMPARE(repo.row(QStringLiteral("edit"), 0)["t"].get<std::string>(), std::string("a"));
        QVERIFY_THROWS_EXCEPTION(Error, repo.row(QStringLiteral("edit"), 99));
        repo.rename(QStringLiteral("edit"), QStringLiteral("edited"));
        repo.remove(QStringLiteral("edited"));
        QVERIFY(!repo.find(QStringLiteral("edited")));
    }

    // A 50 MB file streams: peak memory grows far less than the file (JSON array via SAX,
    // JSONL line by line, CSV chunk by chunk).
    void streamingMemoryBound_data() {
        QTest::addColumn<std::string>("format");
        QTest::newRow("json array") << std::string("json");
        QTest::newRow("jsonl") << std::string("jsonl");
        QTest::newRow("csv") << std::string("csv");
    }
    void streamingMemoryBound() {
        QFETCH(std::string, format);
        const QString path = dir_.filePath(QStringLiteral("big.") + QString::fromStdString(format));
        const std::string text(900, 'w');
        const int rows = 50000;   // ~50 MB
        {
            std::ofstream out(path.toStdString(), std::ios::binary);
            if (format == "json") out << "[\n";
            if (format == "csv") out << "id,text,label\n";
            for (int i = 0; i < rows; ++i) {
                if (format == "csv") out << i << ",\"" << text << " \"\"" << i << "\"\"\",x\n";
                else {
                    out << "{\"id\":" << i << ",\"text\":\"" << text << ' ' << i << "\",\"nested\":{\"k\":[1,2,3]}}";
                    out << (format == "json" ? (i + 1 < rows ? ",\n" : "\n") : "\n");
                }
            }
            if (format == "json") out << "]\n";
        }
        const qint64 fileSize = QFileInfo(path).size();
        QVERIFY(fileSize > 45'000'000);
        const qint64 before = peakRss();
        QVERIFY(before > 0);
        DatasetRepository repo(ws_);
        ImportOptions o;
        o.path = path.toStdString();
        o.datasetName = "big_" + format;
        const ImportReport r = repo.importFile(o);
        QCOMPARE(r.rowsImported, qint64(rows));
        const qint64 growth = peakRss() - before;
        qInfo("%s: file %.1f MB, peak RSS grew %.1f MB", format.c_str(), static_cast<double>(fileSize) / 1e6,
              static_cast<double>(growth) / 1e6);
        QVERIFY2(growth < fileSize / 5, "importing must not hold the file in memory");
        repo.remove(QString::fromStdString(o.datasetName));
    }
};

QTEST_GUILESS_MAIN(TestDatasetImport)
#include "test_dataset_import.moc"
