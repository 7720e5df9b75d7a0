// `tunebench metrics` end to end: JSONL on stdin, one line per pair plus the corpus line, the
// selection flags, multi-reference input, and clear errors (exit 1) on bad input.
#include <QtTest>

#include <nlohmann/json.hpp>

using nlohmann::json;

class TestMetricsCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void allMetrics();
    void selectionFlags();
    void stemFlag();
    void badInput_data();
    void badInput();

private:
    static int run(const QStringList& args, const QByteArray& input, QList<json>* lines, QByteArray* err = nullptr);
};

int TestMetricsCli::run(const QStringList& args, const QByteArray& input, QList<json>* lines, QByteArray* err) {
    QProcess p;
    p.start(QStringLiteral(TB_TUNEBENCH_EXE), QStringList{QStringLiteral("metrics")} + args);
    if (!p.waitForStarted(30000)) return -1;
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    if (lines)
        for (const QByteArray& l : p.readAllStandardOutput().split('\n'))
            if (!l.trimmed().isEmpty()) lines->append(json::parse(l.toStdString()));
    if (err) *err = p.readAllStandardError();
    return p.exitCode();
}

void TestMetricsCli::allMetrics() {
    QList<json> lines;
    const QByteArray in = "{\"prediction\": \"It is very cold outside.\", \"reference\": \"It is cold outside.\"}\n"
                          "\n"
                          "{\"prediction\": \"I am very happy that I am drinking a cup of tea.\", \"references\": "
                          "[\"I am very happy to say that I am drinking a warm cup of tea.\", \"nothing\"]}\n";
    QCOMPARE(run({}, in, &lines), 0);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(QString::number(lines[0]["rouge1"]["fmeasure"].get<double>(), 'f', 3), QStringLiteral("0.889"));
    QCOMPARE(QString::number(lines[0]["rouge2"]["fmeasure"].get<double>(), 'f', 3), QStringLiteral("0.571"));
    QVERIFY(std::abs(lines[1]["bleu"]["score"].get<double>() - 53.87958246253987) < 1e-9);
    QVERIFY(lines[1].contains("chrf") && lines[1].contains("rougeLsum"));
    const json& agg = lines[2];
    for (const char* t : {"rouge1", "rouge2", "rougeL", "rougeLsum"})
        for (const char* m : {"precision", "recall", "fmeasure"}) QVERIFY2(agg[t].contains(m), t);
    for (const char* k : {"score", "precisions", "bp", "sys_len", "ref_len"}) QVERIFY2(agg["bleu"].contains(k), k);
    QVERIFY(agg["chrf"].contains("score"));
    QCOMPARE(agg["bleu"]["sys_len"].get<int>(), 6 + 13);
    QCOMPARE(agg["count"].get<int>(), 2);
    const double meanF = (lines[0]["rougeL"]["fmeasure"].get<double>() + lines[1]["rougeL"]["fmeasure"].get<double>()) / 2;
    QVERIFY(std::abs(agg["rougeL"]["fmeasure"].get<double>() - meanF) < 1e-15);
}

void TestMetricsCli::selectionFlags() {
    QList<json> lines;
    QCOMPARE(run({QStringLiteral("--bleu")}, "{\"prediction\":\"a b\",\"reference\":\"a b\"}\n", &lines), 0);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0].contains("bleu") && !lines[0].contains("rouge1") && !lines[0].contains("chrf"));
    lines.clear();
    QCOMPARE(run({QStringLiteral("--rouge"), QStringLiteral("--chrf")}, "{\"prediction\":\"a b\",\"reference\":\"a b\"}\n", &lines), 0);
    QVERIFY(lines[0].contains("rougeL") && lines[0].contains("chrf") && !lines[0].contains("bleu"));
    lines.clear();
    QCOMPARE(run({}, QByteArray(), &lines), 0);  // empty input: just the (zero) aggregate
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines[0]["count"].get<int>(), 0);
}

void TestMetricsCli::stemFlag() {
    QList<json> plain, stem;
    const QByteArray in = "{\"prediction\":\"the runners were running\",\"reference\":\"the runner runs\"}\n";
    QCOMPARE(run({QStringLiteral("--rouge")}, in, &plain), 0);
    QCOMPARE(run({QStringLiteral("--rouge"), QStringLiteral("--stem")}, in, &stem), 0);
    QVERIFY(stem[0]["rouge1"]["fmeasure"].get<double>() > plain[0]["rouge1"]["fmeasure"].get<double>());
}

void TestMetricsCli::badInput_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << QByteArray("{oops\n") << QStringLiteral("line 1 is not valid JSON");
    QTest::newRow("no prediction") << QByteArray("{\"reference\":\"a\"}\n") << QStringLiteral("missing \"prediction\"");
    QTest::newRow("no reference") << QByteArray("{\"prediction\":\"a\"}\n") << QStringLiteral("missing \"reference\"");
    QTest::newRow("empty refs") << QByteArray("{\"prediction\":\"a\",\"references\":[]}\n")
                                << QStringLiteral("non-empty array");
    QTest::newRow("line number") << QByteArray("{\"prediction\":\"a\",\"reference\":\"a\"}\n[1]\n")
                                 << QStringLiteral("line 2 is not a JSON object");
}

void TestMetricsCli::badInput() {
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    QByteArray err;
    QCOMPARE(run({}, input, nullptr, &err), 1);
    QVERIFY2(QString::fromUtf8(err).contains(message), err.constData());
}

QTEST_GUILESS_MAIN(TestMetricsCli)
#include "test_metrics_cli.moc"
