// The instruction-set builder: determinism, split stability when rows are added, ratios,
// mixture weights and caps, dedupe, multi-reference targets (DialogSum test), template errors,
// token statistics and truncation, saving, export, and the CLI end to end.
#include "WorkspaceDigest.h"
#include "data/InstructionBuilder.h"
#include "data/ImportTypes.h"
#include "data/InstructionExport.h"
#include "jobs/BuildJob.h"
#include "text/Tokenizer.h"
#include "workspace/DatasetRepository.h"
#include "workspace/InstructionSetRepository.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace tb;

namespace {

const QString kShared = QStringLiteral(TB_SHARED_DIR);

PromptTemplate flan(const std::string& name, const std::string& prompt, const std::string& completion,
                    const std::string& task = "summarisation") {
    PromptTemplate t;
    t.name = name;
    t.task = task;
    t.kind = "flan";
    t.prompt = prompt;
    t.completion = completion;
    return t;
}

std::vector<PromptTemplate> summaryTemplates() {
    return {flan("s.1", "Summarise this dialogue:\n{dialogue}", "{summary}"),
            flan("s.2", "{dialogue}\n\nWhat was said, briefly?", "{summary}"),
            flan("s.3", "Dialogue:\n{dialogue}\nSummary:", " {summary}")};
}

std::vector<nlohmann::json> makeRows(int from, int to) {
    std::vector<nlohmann::json> rows;
    for (int i = from; i < to; ++i)
        rows.push_back({{"dialogue", "#Person1#: hello " + std::to_string(i)}, {"summary", "greeting " + std::to_string(i)}});
    return rows;
}

BuildDataset memoryDataset(const std::string& name, const std::vector<nlohmann::json>& rows, const std::string& split = {}) {
    BuildDataset d;
    d.name = name;
    d.fixedSplit = split;
    for (const auto& r : rows)
        for (auto it = r.begin(); it != r.end(); ++it)
            if (std::find(d.columns.begin(), d.columns.end(), it.key()) == d.columns.end()) d.columns.push_back(it.key());
    d.forEachRow = [rows](const std::function<bool(int64_t, const nlohmann::json&)>& fn) {
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (!fn(static_cast<int64_t>(i), rows[i])) break;
    };
    return d;
}

// (dataset, row) -> (split, template, prompt)
std::map<std::pair<std::string, int64_t>, std::string> assignment(const BuildResult& r) {
    std::map<std::pair<std::string, int64_t>, std::string> m;
    for (const auto& e : r.examples)
        if (e.copy == 0) m[{e.dataset, e.rowIdx}] = e.split + "|" + e.templateName + "|" + e.prompt + "|" + e.completion;
    return m;
}

QString runCli(const QStringList& args, int* rc, QString* err = nullptr) {
    QProcess p;
    p.start(QStringLiteral(TB_TUNEBENCH_EXE), args);
    p.waitForFinished(300000);
    *rc = p.exitCode();
    if (err) *err = QString::fromUtf8(p.readAllStandardError());
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestInstructionBuilder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deterministicAndMixed() {
        BuildConfig c;
        c.templates = summaryTemplates();
        c.seed = 7;
        const auto ds = memoryDataset("d", makeRows(0, 3000));
        const BuildResult a = InstructionBuilder::build(c, {ds});
        const BuildResult b = InstructionBuilder::build(c, {ds});
        QCOMPARE(a.examples.size(), std::size_t(3000));
        QCOMPARE(assignment(a), assignment(b));
        for (std::size_t i = 0; i < a.examples.size(); ++i) QCOMPARE(a.examples[i].prompt, b.examples[i].prompt);
        QCOMPARE(a.stats.dump(), b.stats.dump());
        // Every template is used, roughly a third each (FLAN-style per-example mixing).
        for (const auto& t : c.templates) {
            const int64_t n = a.stats["templates"][t.name].get<int64_t>();
            QVERIFY2(n > 850 && n < 1150, t.name.c_str());
        }
        // Ratios.
        const double train = a.stats["examples"]["train"].get<double>() / 3000.0;
        const double val = a.stats["examples"]["validation"].get<double>() / 3000.0;
        QVERIFY2(train > 0.77 && train < 0.83, std::to_string(train).c_str());
        QVERIFY2(val > 0.08 && val < 0.12, std::to_string(val).c_str());
        // Another seed: another draw.
        c.seed = 8;
        QVERIFY(assignment(InstructionBuilder::build(c, {ds})) != assignment(a));
        // Train first (shuffled by hash), then validation and test in dataset order.
        std::string lastSplit = "train";
        int64_t lastIdx = -1;
        for (const auto& e : a.examples) {
            if (e.split != lastSplit) {
                QVERIFY((lastSplit == "train" && e.split == "validation") || (lastSplit == "validation" && e.split == "test"));
                lastSplit = e.split;
                lastIdx = -1;
            }
            if (e.split != "train") {
                QVERIFY(e.rowIdx > lastIdx);
                lastIdx = e.rowIdx;
            }
        }
    }

    void stableWhenRowsAreAdded() {
        BuildConfig c;
        c.templates = summaryTemplates();
        c.seed = 3;
        const auto before = assignment(InstructionBuilder::build(c, {memoryDataset("d", makeRows(0, 1000))}));
        auto more = makeRows(0, 1000);
        const auto extra = makeRows(1000, 1300);
        more.insert(more.end(), extra.begin(), extra.end());
        const auto after = assignment(InstructionBuilder::build(c, {memoryDataset("d", more)}));
        QCOMPARE(after.size(), std::size_t(1300));
        for (const auto& [key, value] : before) QCOMPARE(after.at(key), value);
    }

    void fixedSplitAndRatioErrors() {
        BuildConfig c;
        c.templates = summaryTemplates();
        const BuildResult r = InstructionBuilder::build(c, {memoryDataset("t", makeRows(0, 50), "test")});
        QCOMPARE(r.stats["examples"]["test"].get<int64_t>(), int64_t(50));
        c.train = 0.9;
        QVERIFY_THROWS_EXCEPTION(UsageError, InstructionBuilder::build(c, {memoryDataset("t", makeRows(0, 5))}));
    }

    void weightsAndCap() {
        BuildConfig c;
        c.templates = summaryTemplates();
        c.train = 1;
        c.validation = c.test = 0;
        auto b = makeRows(5000, 6000);
        c.weights = {1, 2.5};
        const BuildResult r = InstructionBuilder::build(c, {memoryDataset("a", makeRows(0, 1000)), memoryDataset("b", b)});
        const int64_t na = r.stats["datasets"]["a"]["train"].get<int64_t>();
        const int64_t nb = r.stats["datasets"]["b"]["train"].get<int64_t>();
        QCOMPARE(na, int64_t(1000));
        QVERIFY2(nb > 2400 && nb < 2600, std::to_string(nb).c_str());
        // Copies of a row draw their own templates.
        std::map<int64_t, std::set<std::string>> templatesPerRow;
        for (const auto& e : r.examples)
            if (e.dataset == "b") templatesPerRow[e.rowIdx].insert(e.templateName);
        int varied = 0;
        for (const auto& [row, ts] : templatesPerRow) varied += ts.size() > 1;
        QVERIFY(varied > 400);
        c.weights = {0.5, 1};
        c.maxPerDataset = 300;
        const BuildResult capped = InstructionBuilder::build(c, {memoryDataset("a", makeRows(0, 1000)), memoryDataset("b", b)});
        QCOMPARE(capped.stats["datasets"]["b"]["train"].get<int64_t>(), int64_t(300));
        QVERIFY(capped.stats["datasets"]["a"]["train"].get<int64_t>() <= 300);
    }

    void dedupe() {
        BuildConfig c;
        c.templates = {flan("only", "{dialogue}", "{summary}")};
        auto rows = makeRows(0, 100);
        rows.push_back(rows[5]);
        rows.push_back(rows[7]);
        nlohmann::json sameText = rows[9];
        sameText["id"] = "other";   // a different row rendering the same pair
        rows.push_back(sameText);
        const BuildResult r = InstructionBuilder::build(c, {memoryDataset("d", rows)});
        QCOMPARE(r.stats["duplicates_removed"].get<int64_t>(), int64_t(3));
        QCOMPARE(r.examples.size(), std::size_t(100));
        c.dedupe = false;
        QCOMPARE(InstructionBuilder::build(c, {memoryDataset("d", rows)}).examples.size(), std::size_t(103));
    }

    void multiReference() {
        BuildConfig c;
        c.templates = summaryTemplates();
        std::vector<nlohmann::json> rows;
        for (int i = 0; i < 20; ++i)
            rows.push_back({{"dialogue", "d" + std::to_string(i)}, {"summary1", "first " + std::to_string(i)},
                            {"summary2", "second " + std::to_string(i)}, {"summary3", "third " + std::to_string(i)}});
        const BuildResult r = InstructionBuilder::build(c, {memoryDataset("test", rows, "test")});
        QCOMPARE(r.examples.size(), std::size_t(20));
        for (const auto& e : r.examples) {
            QCOMPARE(e.references.size(), std::size_t(3));
            const std::string lead = e.templateName == "s.3" ? " " : "";
            QCOMPARE(e.completion, lead + "first " + std::to_string(e.rowIdx));
            QCOMPARE(e.references[2], lead + "third " + std::to_string(e.rowIdx));
        }
        QCOMPARE(r.stats["multi_reference_examples"].get<int64_t>(), int64_t(20));
        std::ostringstream out;
        writeExampleLine(out, r.examples[0], ExportFormat::Jsonl);
        const auto j = nlohmann::json::parse(out.str());
        QCOMPARE(j["references"].size(), std::size_t(3));
        std::ostringstream chat;
        writeExampleLine(chat, r.examples[0], ExportFormat::Chat);
        const auto m = nlohmann::json::parse(chat.str());
        QCOMPARE(m["messages"][0]["role"].get<std::string>(), std::string("user"));
        QCOMPARE(m["messages"][0]["content"].get<std::string>(), r.examples[0].prompt);
        QCOMPARE(m["messages"][1]["content"].get<std::string>(), r.examples[0].completion);
    }

    void templateErrors() {
        BuildConfig c;
        c.templates = {flan("qa.1", "Q: {question}", "{answer}", "qa")};
        try {
            InstructionBuilder::build(c, {memoryDataset("d", makeRows(0, 3))});
            QFAIL("expected a UsageError");
        } catch (const UsageError& e) {
            const QString m = QString::fromUtf8(e.what());
            QVERIFY2(m.contains(QStringLiteral("no chosen template fits dataset 'd'")) &&
                         m.contains(QStringLiteral("qa.1 needs question, answer")),
                     e.what());
        }
        // A row without a field its template reads: the engine's TemplateError, with dataset and row.
        c.templates = summaryTemplates();
        auto rows = makeRows(0, 5);
        rows[3].erase("summary");
        try {
            InstructionBuilder::build(c, {memoryDataset("d", rows)});
            QFAIL("expected a TemplateError");
        } catch (const TemplateError& e) {
            const QString m = QString::fromUtf8(e.what());
            QVERIFY2(m.startsWith(QStringLiteral("dataset 'd' row 3: ")) && m.contains(QStringLiteral("summary")), e.what());
        }
    }

    void tokenStatisticsAndTruncation() {
        const QString dir = kShared + QStringLiteral("/tokenizers/gpt2");
        if (!QFile::exists(dir + QStringLiteral("/vocab.json"))) QSKIP("../shared/tokenizers/gpt2 is absent");
        std::unique_ptr<Tokenizer> tok;
        try {
            tok = Tokenizer::fromModelDir(dir.toStdString());
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        BuildConfig c;
        c.templates = summaryTemplates();
        std::vector<nlohmann::json> rows;
        for (int i = 0; i < 200; ++i)
            rows.push_back({{"dialogue", std::string(static_cast<std::size_t>(i % 40 + 1), 'a') + " talks " + std::to_string(i)},
                            {"summary", "they talk " + std::to_string(i)}});
        const BuildResult r = InstructionBuilder::build(c, {memoryDataset("d", rows)}, tok.get());
        std::vector<int64_t> lengths;
        for (const auto& e : r.examples) {
            const int64_t expect = static_cast<int64_t>(tok->encode(e.prompt, true).size() + tok->encode(e.completion, false).size());
            QCOMPARE(e.tokens, expect);
            lengths.push_back(expect);
        }
        std::sort(lengths.begin(), lengths.end());
        const auto& t = r.stats["tokens"];
        QCOMPARE(t["min"].get<int64_t>(), lengths.front());
        QCOMPARE(t["max"].get<int64_t>(), lengths.back());
        QCOMPARE(t["p95"].get<int64_t>(), lengths[static_cast<std::size_t>(std::ceil(0.95 * 200)) - 1]);
        const int64_t limit = lengths[100];
        c.maxTokens = limit;
        const BuildResult dropped = InstructionBuilder::build(c, {memoryDataset("d", rows)}, tok.get());
        for (const auto& e : dropped.examples) QVERIFY(e.tokens <= limit);
        QVERIFY(dropped.stats["tokens"]["dropped"].get<int64_t>() > 50);
        c.truncation = BuildConfig::Truncation::TruncatePromptLeft;
        const BuildResult cut = InstructionBuilder::build(c, {memoryDataset("d", rows)}, tok.get());
        QCOMPARE(cut.examples.size(), r.examples.size());
        QVERIFY(cut.stats["tokens"]["truncated"].get<int64_t>() > 50);
        QVERIFY(cut.stats["tokens"]["max"].get<int64_t>() <= limit);
    }

    // In process, as the GUI's BuildJob does it: DialogSum test as the test split with its three
    // references; saved with its recipe; the same seed again gives the same examples.
    void dialogsumInProcess() {
        const QString test = kShared + QStringLiteral("/datasets/dialogsum/test.jsonl");
        if (!QFile::exists(test)) QSKIP("../shared/datasets/dialogsum is absent");
        QTemporaryDir dir;
        auto ws = Workspace::open(dir.filePath(QStringLiteral("ws.tunebench")));
        ImportOptions o;
        o.path = test.toStdString();
        o.datasetName = "ds_test";
        DatasetRepository(ws).importFile(o);
        BuildJobParams p;
        p.workspace = ws;
        p.name = QStringLiteral("a");
        p.datasets = {QStringLiteral("ds_test:test")};
        std::vector<PromptTemplate> ts = summaryTemplates();
        QStringList files;
        for (const auto& t : ts) {
            const QString f = dir.filePath(QString::fromStdString(t.name) + QStringLiteral(".json"));
            QFile out(f);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(t.toJson().dump().c_str());
            files << f;
        }
        p.templates = files;
        p.seed = 11;
        const BuildJobResult r = runBuild(p);
        QCOMPARE(r.test, qint64(500));
        QCOMPARE(r.train, qint64(0));
        p.name = QStringLiteral("b");
        runBuild(p);
        InstructionSetRepository sets(ws);
        const auto a = sets.examples(QStringLiteral("a"), QStringLiteral("test"));
        const auto b = sets.examples(QStringLiteral("b"), QStringLiteral("test"));
        QCOMPARE(a.size(), std::size_t(500));
        std::set<std::string> used;
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].prompt, b[i].prompt);
            QCOMPARE(a[i].templateName, b[i].templateName);
            QCOMPARE(a[i].references.size(), std::size_t(3));
            QCOMPARE(a[i].dataset, std::string("ds_test"));
            used.insert(a[i].templateName);
        }
        QCOMPARE(used.size(), std::size_t(3));
        const auto cfg = sets.require(QStringLiteral("a")).config;
        QCOMPARE(cfg["seed"].get<int64_t>(), int64_t(11));
        QCOMPARE(cfg["templates"].size(), std::size_t(3));
        QCOMPARE(cfg["templates"][0]["prompt"].get<std::string>(), ts[0].prompt);
        // A failing build (a template that fits nothing) saves nothing.
        const QByteArray digest = workspaceDigest(*ws);
        p.name = QStringLiteral("c");
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        {
            QFile out(bad);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(flan("qa.x", "{question}", "{answer}", "qa").toJson().dump().c_str());
        }
        p.templates = {bad};
        QVERIFY_THROWS_EXCEPTION(UsageError, runBuild(p));
        QCOMPARE(workspaceDigest(*ws), digest);
    }

    // DialogSum through the CLI: import, build, export.
    void dialogsumEndToEnd() {
        const QString train = kShared + QStringLiteral("/datasets/dialogsum/train.jsonl");
        const QString test = kShared + QStringLiteral("/datasets/dialogsum/test.jsonl");
        if (!QFile::exists(train)) QSKIP("../shared/datasets/dialogsum is absent");
        QTemporaryDir dir;
        const QString ws = dir.filePath(QStringLiteral("ws.tunebench"));
        int rc = 0;
        QString err;
        QString out = runCli({QStringLiteral("--workspace"), ws, QStringLiteral("import"), test, QStringLiteral("--dataset"),
                              QStringLiteral("ds_test")}, &rc, &err);
        QVERIFY2(rc == 0, qPrintable(err));
        const auto done = nlohmann::json::parse(out.trimmed().split(QLatin1Char('\n')).last().toStdString());
        QCOMPARE(done["rows_imported"].get<int64_t>(), int64_t(500));
        QTemporaryDir tdir;
        const QString tfile = tdir.filePath(QStringLiteral("mine.json"));
        {
            QFile f(tfile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(flan("mine.tldr", "{dialogue}\nTL;DR:", " {summary}").toJson().dump().c_str());
        }
        const QStringList build = {QStringLiteral("--workspace"), ws, QStringLiteral("build"), QStringLiteral("--datasets"),
                                   QStringLiteral("ds_test:test"), QStringLiteral("--templates"), tfile,
                                   QStringLiteral("--split"), QStringLiteral("0.8,0.1,0.1"), QStringLiteral("--seed"),
                                   QStringLiteral("5"), QStringLiteral("--out"), QStringLiteral("sum")};
        out = runCli(build, &rc, &err);
        QVERIFY2(rc == 0, qPrintable(err + out));
        const auto built = nlohmann::json::parse(out.trimmed().split(QLatin1Char('\n')).last().toStdString());
        QCOMPARE(built["test"].get<int64_t>(), int64_t(500));
        QCOMPARE(built["stats"]["multi_reference_examples"].get<int64_t>(), int64_t(500));
        // Same again under another name: identical examples.
        QStringList again = build;
        again.last() = QStringLiteral("sum2");
        out = runCli(again, &rc, &err);
        QVERIFY2(rc == 0, qPrintable(err + out));
        auto wsp = Workspace::open(ws);
        InstructionSetRepository sets(wsp);
        const auto a = sets.examples(QStringLiteral("sum"), QStringLiteral("test"));
        const auto b = sets.examples(QStringLiteral("sum2"), QStringLiteral("test"));
        QCOMPARE(a.size(), std::size_t(500));
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].prompt, b[i].prompt);
            QCOMPARE(a[i].references.size(), std::size_t(3));
        }
        const auto cfg = sets.require(QStringLiteral("sum")).config;
        QCOMPARE(cfg["seed"].get<int64_t>(), int64_t(5));
        QCOMPARE(cfg["templates"][0]["prompt"].get<std::string>(), std::string("{dialogue}\nTL;DR:"));
        QCOMPARE(cfg["datasets"][0]["split"].get<std::string>(), std::string("test"));
        const QString exported = dir.filePath(QStringLiteral("test.jsonl"));
        runCli({QStringLiteral("--workspace"), ws, QStringLiteral("export"), QStringLiteral("--instructions"),
                QStringLiteral("sum"), QStringLiteral("--format"), QStringLiteral("jsonl"), QStringLiteral("--split"),
                QStringLiteral("test"), QStringLiteral("--out"), exported},
               &rc, &err);
        QVERIFY2(rc == 0, qPrintable(err));
        QFile f(exported);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 500);
        std::ifstream src(test.toStdString());
        std::string first;
        std::getline(src, first);
        const auto row0 = nlohmann::json::parse(first);
        const auto line0 = nlohmann::json::parse(lines[0].toStdString());
        QCOMPARE(line0["prompt"].get<std::string>(), row0["dialogue"].get<std::string>() + "\nTL;DR:");
        QCOMPARE(line0["completion"].get<std::string>(), " " + row0["summary1"].get<std::string>());
        QCOMPARE(line0["references"][2].get<std::string>(), " " + row0["summary3"].get<std::string>());
        // A bad build (unknown dataset) leaves the workspace unchanged and exits 2 with a usage message.
        const QByteArray digest = workspaceDigest(*wsp);
        runCli({QStringLiteral("--workspace"), ws, QStringLiteral("build"), QStringLiteral("--datasets"), QStringLiteral("nope"),
                QStringLiteral("--templates"), tfile, QStringLiteral("--out"), QStringLiteral("x")},
               &rc, &err);
        QCOMPARE(rc, 2);
        QVERIFY2(err.contains(QStringLiteral("no dataset named 'nope'")), qPrintable(err));
        QCOMPARE(workspaceDigest(*wsp), digest);
    }
};

QTEST_GUILESS_MAIN(TestInstructionBuilder)
#include "test_instruction_builder.moc"
