// `tunebench forward` and `tunebench generate` on the T5 / FLAN-T5 fixtures, as the checks call
// them: --labels gives transformers' decoder logits (last row) and loss; --decoder-ids gives the
// same logits; --adapter takes the fixtures' LoRA and prompt-tuning folders; generate --json
// gives the fixture's greedy tokens.
#include <QProcess>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace {

struct Result {
    int code = -1;
    std::string out, err;
};

Result run(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(TB_TUNEBENCH_EXE), args);
    p.waitForFinished(180000);
    return {p.exitCode(), p.readAllStandardOutput().toStdString(), p.readAllStandardError().toStdString()};
}

QString fixture(const char* rel) { return QString::fromStdString(std::string(TB_SHARED_DIR) + "/fixtures/hf-tiny/" + rel); }

nlohmann::json readJson(const QString& path) {
    std::ifstream in(path.toStdString());
    return nlohmann::json::parse(in);
}

QString csv(const nlohmann::json& a) {
    QStringList parts;
    for (const auto& v : a) parts << QString::number(v.get<long long>());
    return parts.join(QLatin1Char(','));
}

double maxDiff(const nlohmann::json& a, const nlohmann::json& b) {
    if (a.size() != b.size()) return 1e30;
    double m = 0;
    for (size_t i = 0; i < a.size(); ++i) m = std::max(m, std::abs(a[i].get<double>() - b[i].get<double>()));
    return m;
}

nlohmann::json lastLine(const std::string& out) {
    auto end = out.find_last_not_of("\n");
    auto start = out.rfind('\n', end);
    return nlohmann::json::parse(out.substr(start == std::string::npos ? 0 : start + 1, end + 1 - (start == std::string::npos ? 0 : start + 1)));
}

} // namespace

class TestT5Cli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void forward_data();
    void forward();
    void generate_data();
    void generate();
    void usageErrors();
};

void TestT5Cli::forward_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("adapter");
    for (const char* arch : {"t5", "flan_t5"}) {
        QTest::newRow(arch) << fixture(arch) << QString();
        QTest::newRow((std::string(arch) + " lora").c_str()) << fixture(arch) << QStringLiteral("lora");
        QTest::newRow((std::string(arch) + " prompt_tuning").c_str()) << fixture(arch) << QStringLiteral("prompt_tuning");
    }
}

void TestT5Cli::forward() {
    if (!std::filesystem::exists(fixture("t5").toStdString())) QSKIP("../shared/fixtures/hf-tiny is absent");
    QFETCH(QString, model);
    QFETCH(QString, adapter);
    const QString expectedDir = adapter.isEmpty() ? model : model + QLatin1Char('/') + adapter;
    auto expected = readJson(expectedDir + QStringLiteral("/expected.json"));
    QStringList args{QStringLiteral("forward"), QStringLiteral("--model"), model, QStringLiteral("--ids"), csv(expected["input_ids"]),
                     QStringLiteral("--labels"), csv(expected["labels"])};
    if (!adapter.isEmpty()) args << QStringLiteral("--adapter") << expectedDir;
    auto r = run(args);
    QVERIFY2(r.code == 0, r.err.c_str());
    auto out = lastLine(r.out);
    const double d = maxDiff(out["logits_last"], expected["logits_last"]);
    const double loss = std::abs(out["loss"].get<double>() - expected["loss"]["loss"].get<double>());
    qInfo("%s %s: logits_last max diff %.3g, loss diff %.3g", qPrintable(model.section(QLatin1Char('/'), -1)), qPrintable(adapter), d, loss);
    QVERIFY2(d < 1e-4, qPrintable(QString::number(d)));
    QVERIFY2(loss < 1e-5, qPrintable(QString::number(loss)));
    if (expected.contains("decoder_input_ids")) {
        // the decoder ids given directly: the same logits
        args << QStringLiteral("--decoder-ids") << csv(expected["decoder_input_ids"]);
        auto r2 = run(args);
        QVERIFY2(r2.code == 0, r2.err.c_str());
        QVERIFY(maxDiff(lastLine(r2.out)["logits_last"], expected["logits_last"]) < 1e-4);
    }
}

void TestT5Cli::generate_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("adapter");
    QTest::newRow("t5") << fixture("t5") << QString();
    QTest::newRow("flan_t5") << fixture("flan_t5") << QString();
    QTest::newRow("flan_t5 lora") << fixture("flan_t5") << QStringLiteral("lora");
}

void TestT5Cli::generate() {
    if (!std::filesystem::exists(fixture("t5").toStdString())) QSKIP("../shared/fixtures/hf-tiny is absent");
    QFETCH(QString, model);
    QFETCH(QString, adapter);
    const QString expectedDir = adapter.isEmpty() ? model : model + QLatin1Char('/') + adapter;
    auto expected = readJson(expectedDir + QStringLiteral("/expected.json"));
    const auto want = expected["greedy"]["new_tokens"];
    QStringList args{QStringLiteral("generate"), QStringLiteral("--model"), model, QStringLiteral("--prompt-ids"),
                     csv(expected["input_ids"]), QStringLiteral("--max-new-tokens"), QString::number(want.size()),
                     QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--json")};
    if (!adapter.isEmpty()) args << QStringLiteral("--adapter") << expectedDir;
    auto r = run(args);
    QVERIFY2(r.code == 0, r.err.c_str());
    auto out = lastLine(r.out);
    // The fixture generated exactly max_new_tokens (no EOS among them), so the ids must match.
    QCOMPARE(QString::fromStdString(out["ids"].dump()), QString::fromStdString(want.dump()));
}

void TestT5Cli::usageErrors() {
    if (!std::filesystem::exists(fixture("t5").toStdString())) QSKIP("../shared/fixtures/hf-tiny is absent");
    auto r = run({QStringLiteral("forward"), QStringLiteral("--model"), fixture("t5"), QStringLiteral("--ids"), QStringLiteral("5,6")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.find("--decoder-ids") != std::string::npos, r.err.c_str());
    r = run({QStringLiteral("forward"), QStringLiteral("--model"), fixture("t5"), QStringLiteral("--ids"), QStringLiteral("5,6"),
             QStringLiteral("--labels"), QStringLiteral("5,99999")});
    QCOMPARE(r.code, 2);
}

QTEST_GUILESS_MAIN(TestT5Cli)
#include "test_t5_cli.moc"
