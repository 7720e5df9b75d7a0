// End to end (label "e2e"): LoRA-tune ../shared/models/stories260K on DialogSum training
// dialogues with `tunebench train`, then `tunebench eval` the base model against the tuned
// adapter on 100 DialogSum test dialogues (three references each). The tuned model must beat
// the base on ROUGE-1/2/L/Lsum and BLEU. Prints the comparison table.
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

using nlohmann::json;

class TestEvalE2e : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loraBeatsBase();
};

static std::string promptFor(const std::string& dialogue) {
    return "Summarize the conversation.\n\n" + dialogue + "\n\nSummary:";
}

static QByteArray runTunebench(const QStringList& args, int timeoutMs, int* exitCode) {
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(QStringLiteral(TB_TUNEBENCH_EXE), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        *exitCode = -1;
        return p.readAllStandardError();
    }
    *exitCode = p.exitCode();
    if (p.exitCode() != 0) return p.readAllStandardError();
    return p.readAllStandardOutput();
}

void TestEvalE2e::loraBeatsBase() {
    const QString model = QStringLiteral(TB_SHARED_DIR "/models/stories260K");
    const QString data = QStringLiteral(TB_SHARED_DIR "/datasets/dialogsum");
    if (!QFile::exists(model + QStringLiteral("/model.safetensors")) || !QFile::exists(data + QStringLiteral("/train.jsonl")))
        QSKIP("../shared/models/stories260K or ../shared/datasets/dialogsum is absent");
    QTemporaryDir dir;
    const std::string train = dir.filePath(QStringLiteral("train.jsonl")).toStdString();
    const std::string test = dir.filePath(QStringLiteral("test.jsonl")).toStdString();
    {
        std::ifstream in((data + QStringLiteral("/train.jsonl")).toStdString());
        std::ofstream out(train);
        std::string line;
        for (int i = 0; i < 4000 && std::getline(in, line); ++i) {
            const auto j = json::parse(line);
            out << json{{"prompt", promptFor(j["dialogue"].get<std::string>())}, {"completion", " " + j["summary"].get<std::string>()}}.dump() << "\n";
        }
    }
    {
        std::ifstream in((data + QStringLiteral("/test.jsonl")).toStdString());
        std::ofstream out(test);
        std::string line;
        for (int i = 0; i < 100 && std::getline(in, line); ++i) {
            const auto j = json::parse(line);
            out << json{{"prompt", promptFor(j["dialogue"].get<std::string>())},
                        {"references", {j["summary1"], j["summary2"], j["summary3"]}}}.dump() << "\n";
        }
    }
    const QString ws = dir.filePath(QStringLiteral("e2e.tunebench"));
    const QString adapter = dir.filePath(QStringLiteral("adapter"));
    int rc = 0;
    const QByteArray trainOut = runTunebench(
        {QStringLiteral("train"), QStringLiteral("--workspace"), ws, QStringLiteral("--model"), model, QStringLiteral("--data"),
         QString::fromStdString(train), QStringLiteral("--method"), QStringLiteral("lora"), QStringLiteral("--rank"), QStringLiteral("16"),
         QStringLiteral("--alpha"), QStringLiteral("32"), QStringLiteral("--targets"),
         QStringLiteral("q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj"), QStringLiteral("--steps"), QStringLiteral("400"),
         QStringLiteral("--batch"), QStringLiteral("8"), QStringLiteral("--lr"), QStringLiteral("3e-3"), QStringLiteral("--schedule"),
         QStringLiteral("cosine"), QStringLiteral("--warmup"), QStringLiteral("20"), QStringLiteral("--seq"), QStringLiteral("512"),
         QStringLiteral("--log-every"), QStringLiteral("50"), QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--out"), adapter},
        1200000, &rc);
    QVERIFY2(rc == 0, trainOut.constData());
    QVERIFY(QFile::exists(adapter + QStringLiteral("/adapter_config.json")));

    const QByteArray evalOut = runTunebench(
        {QStringLiteral("eval"), QStringLiteral("--workspace"), ws, QStringLiteral("--model"), model, QStringLiteral("--adapters"),
         QStringLiteral("base,") + adapter, QStringLiteral("--data"), QString::fromStdString(test), QStringLiteral("--limit"),
         QStringLiteral("100"), QStringLiteral("--max-new-tokens"), QStringLiteral("48"), QStringLiteral("--batch"), QStringLiteral("20"),
         QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--json")},
        1200000, &rc);
    QVERIFY2(rc == 0, evalOut.constData());
    std::map<std::string, json> agg;
    json deltas;
    for (const QByteArray& l : evalOut.split('\n')) {
        if (l.trimmed().isEmpty()) continue;
        const auto j = json::parse(l.toStdString());
        if (j.contains("aggregate")) agg[j["model"].get<std::string>()] = j["aggregate"];
        if (j.contains("deltas")) deltas = j["deltas"];
    }
    QCOMPARE(agg.size(), size_t(2));
    const json& base = agg.at("base");
    const json& tuned = agg.at("adapter");
    QCOMPARE(base["count"].get<int>(), 100);
    // The table goes to the log and to build/reports/eval_e2e.txt (CTest shows output only on failure).
    QString report = QStringLiteral("model     ROUGE-1   ROUGE-2   ROUGE-L   ROUGE-Lsum  BLEU     chrF     loss\n");
    for (const auto& [label, a] : agg)
        report += QString::asprintf("%-8s  %.4f    %.4f    %.4f    %.4f      %.3f   %.3f   %.4f\n", label.c_str(),
                                    a["rouge1"]["fmeasure"].get<double>(), a["rouge2"]["fmeasure"].get<double>(),
                                    a["rougeL"]["fmeasure"].get<double>(), a["rougeLsum"]["fmeasure"].get<double>(),
                                    a["bleu"]["score"].get<double>(), a["chrf"]["score"].get<double>(), a["loss"].get<double>());
    report += QStringLiteral("deltas: %1\n").arg(QString::fromStdString(deltas.dump()));
    qInfo("%s", qPrintable(report));
    QDir().mkpath(QStringLiteral(TB_BINARY_DIR "/reports"));
    QFile file(QStringLiteral(TB_BINARY_DIR "/reports/eval_e2e.txt"));
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) file.write(report.toUtf8());
    for (const char* t : {"rouge1", "rouge2", "rougeL", "rougeLsum"})
        QVERIFY2(tuned[t]["fmeasure"].get<double>() > base[t]["fmeasure"].get<double>(), t);
    QVERIFY(tuned["bleu"]["score"].get<double>() > base["bleu"]["score"].get<double>());
    QVERIFY(tuned["loss"].get<double>() < base["loss"].get<double>());
    QVERIFY(deltas["adapter"]["wins"].get<int>() > deltas["adapter"]["losses"].get<int>());
}

QTEST_GUILESS_MAIN(TestEvalE2e)
#include "test_eval_e2e.moc"
