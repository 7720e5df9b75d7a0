// Live parity with the reference implementations: tests/eval/metrics_reference.py scores
// >= 5,000 DialogSum-derived pairs with rouge_score (stemmed and unstemmed) and sacrebleu
// (sentence BLEU, sentence chrF, corpus BLEU/chrF); every value here must agree within 1e-6.
// Skips (with a message) only when ../shared or the reference venv is missing.
#include "eval/metrics/MetricSuite.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

using namespace tb::metrics;
using nlohmann::json;

class TestMetricsParity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rougeUnstemmed();
    void rougeStemmed();
    void sentenceBleu();
    void sentenceChrf();
    void corpusAggregates();
    void porterVocabulary();
    void cleanupTestCase();

private:
    struct Pair {
        std::string prediction;
        std::vector<std::string> references;
        json expected;
    };
    void checkRouge(bool stem);
    void report(const char* what, long long compared, double maxDev, long long bad);
    QTemporaryDir dir_;
    std::vector<Pair> pairs_;
    json corpus_;
    json stems_;
};

static constexpr double kTol = 1e-6;

void TestMetricsParity::initTestCase() {
    const QString data = QStringLiteral(TB_SHARED_DIR "/datasets/dialogsum/test.jsonl");
    if (!QFile::exists(data)) QSKIP("../shared/datasets/dialogsum/test.jsonl is absent: metrics parity needs it");
    if (!QFile::exists(QStringLiteral(TB_REFERENCE_PYTHON)))
        QSKIP("the reference venv (.venv-reference, scripts/setup-reference.sh) is absent: metrics parity needs it");
    const QString out = dir_.filePath(QStringLiteral("reference.jsonl"));
    QProcess py;
    py.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    py.start(QStringLiteral(TB_REFERENCE_PYTHON),
             {QStringLiteral(TB_SOURCE_DIR "/tests/eval/metrics_reference.py"), data, out});
    QVERIFY2(py.waitForFinished(600000), "the reference script did not finish in 10 minutes");
    QVERIFY2(py.exitStatus() == QProcess::NormalExit && py.exitCode() == 0,
             "tests/eval/metrics_reference.py failed (is rouge-score/sacrebleu installed in the venv?)");
    std::ifstream in(out.toStdString());
    std::string line;
    while (std::getline(in, line)) {
        json j = json::parse(line);
        if (j.contains("corpus")) { corpus_ = j["corpus"]; continue; }
        if (j.contains("stems")) { stems_ = j["stems"]; continue; }
        Pair p;
        p.prediction = j["prediction"].get<std::string>();
        for (const auto& r : j["references"]) p.references.push_back(r.get<std::string>());
        p.expected = std::move(j);
        pairs_.push_back(std::move(p));
    }
    QVERIFY2(pairs_.size() >= 5000, qPrintable(QStringLiteral("only %1 pairs").arg(pairs_.size())));
    QVERIFY(!corpus_.is_null());
}

void TestMetricsParity::report(const char* what, long long compared, double maxDev, long long bad) {
    qInfo("%s: %lld values compared over %zu pairs, max |deviation| %.3g, %lld outside 1e-6", what, compared,
          pairs_.size(), maxDev, bad);
}

void TestMetricsParity::checkRouge(bool stem) {
    RougeScorer scorer(RougeScorer::defaultTypes(), stem);
    const char* key = stem ? "rouge_stem" : "rouge";
    double maxDev = 0;
    long long compared = 0, bad = 0;
    QString firstBad;
    for (const Pair& p : pairs_) {
        const RougeResult got = scorer.scoreMulti(p.references, p.prediction);
        for (const auto& type : scorer.types()) {
            const json& e = p.expected[key][type];
            const RougeScore& g = got.at(type);
            const double d[3] = {g.precision - e["precision"].get<double>(), g.recall - e["recall"].get<double>(),
                                 g.fmeasure - e["fmeasure"].get<double>()};
            for (double x : d) {
                ++compared;
                maxDev = std::max(maxDev, std::abs(x));
                if (std::abs(x) > kTol) {
                    if (bad++ == 0)
                        firstBad = QStringLiteral("%1 %2: prediction %3 | references %4 | expected %5 got P %6 R %7 F %8")
                                       .arg(QString::fromLatin1(key), QString::fromStdString(type),
                                            QString::fromStdString(json(p.prediction).dump()),
                                            QString::fromStdString(json(p.references).dump()),
                                            QString::fromStdString(e.dump()))
                                       .arg(g.precision).arg(g.recall).arg(g.fmeasure);
                }
            }
        }
    }
    report(key, compared, maxDev, bad);
    QVERIFY2(bad == 0, qPrintable(firstBad));
}

void TestMetricsParity::rougeUnstemmed() { checkRouge(false); }
void TestMetricsParity::rougeStemmed() { checkRouge(true); }

void TestMetricsParity::sentenceBleu() {
    double maxDev = 0;
    long long compared = 0, bad = 0;
    QString firstBad;
    for (const Pair& p : pairs_) {
        const BleuScore g = tb::metrics::sentenceBleu(p.prediction, p.references);
        const json& e = p.expected["bleu"];
        std::vector<double> d = {g.score - e["score"].get<double>(), g.bp - e["bp"].get<double>(),
                                 double(g.sysLen - e["sys_len"].get<long long>()),
                                 double(g.refLen - e["ref_len"].get<long long>())};
        for (size_t i = 0; i < 4; ++i) d.push_back(g.precisions[i] - e["precisions"][i].get<double>());
        for (double x : d) {
            ++compared;
            maxDev = std::max(maxDev, std::abs(x));
            if (std::abs(x) > kTol && bad++ == 0)
                firstBad = QStringLiteral("BLEU: prediction %1 | references %2 | expected %3 got %4")
                               .arg(QString::fromStdString(json(p.prediction).dump()),
                                    QString::fromStdString(json(p.references).dump()),
                                    QString::fromStdString(e.dump()),
                                    QString::fromStdString(MetricSuite::bleuJson(g).dump()));
        }
    }
    report("sentence BLEU", compared, maxDev, bad);
    QVERIFY2(bad == 0, qPrintable(firstBad));
}

void TestMetricsParity::sentenceChrf() {
    double maxDev = 0;
    long long bad = 0;
    QString firstBad;
    for (const Pair& p : pairs_) {
        const double g = tb::metrics::sentenceChrf(p.prediction, p.references);
        const double e = p.expected["chrf"].get<double>();
        maxDev = std::max(maxDev, std::abs(g - e));
        if (std::abs(g - e) > kTol && bad++ == 0)
            firstBad = QStringLiteral("chrF: prediction %1 | references %2 | expected %3 got %4")
                           .arg(QString::fromStdString(json(p.prediction).dump()),
                                QString::fromStdString(json(p.references).dump()))
                           .arg(e, 0, 'g', 17).arg(g, 0, 'g', 17);
    }
    report("sentence chrF", static_cast<long long>(pairs_.size()), maxDev, bad);
    QVERIFY2(bad == 0, qPrintable(firstBad));
}

void TestMetricsParity::corpusAggregates() {
    MetricSuite suite;  // unstemmed, all metrics
    for (const Pair& p : pairs_) suite.add(p.prediction, p.references);
    const json got = suite.aggregate();
    double maxDev = 0;
    auto check = [&](const std::string& what, double g, double e) {
        maxDev = std::max(maxDev, std::abs(g - e));
        QVERIFY2(std::abs(g - e) <= kTol, qPrintable(QStringLiteral("%1: expected %2 got %3")
                                                        .arg(QString::fromStdString(what)).arg(e, 0, 'g', 17).arg(g, 0, 'g', 17)));
    };
    for (const char* t : {"rouge1", "rouge2", "rougeL", "rougeLsum"})
        for (const char* m : {"precision", "recall", "fmeasure"})
            check(std::string(t) + "." + m, got[t][m].get<double>(), corpus_[t][m].get<double>());
    check("corpus BLEU", got["bleu"]["score"].get<double>(), corpus_["bleu"]["score"].get<double>());
    check("corpus BLEU bp", got["bleu"]["bp"].get<double>(), corpus_["bleu"]["bp"].get<double>());
    check("corpus BLEU sys_len", got["bleu"]["sys_len"].get<double>(), corpus_["bleu"]["sys_len"].get<double>());
    check("corpus BLEU ref_len", got["bleu"]["ref_len"].get<double>(), corpus_["bleu"]["ref_len"].get<double>());
    for (size_t i = 0; i < 4; ++i)
        check("corpus BLEU p" + std::to_string(i + 1), got["bleu"]["precisions"][i].get<double>(),
              corpus_["bleu"]["precisions"][i].get<double>());
    check("corpus chrF", got["chrf"]["score"].get<double>(), corpus_["chrf"]["score"].get<double>());
    qInfo("corpus aggregates: max |deviation| %.3g; corpus BLEU %.6f, chrF %.6f", maxDev,
          got["bleu"]["score"].get<double>(), got["chrf"]["score"].get<double>());
    // the bootstrap interval brackets the mean
    for (const char* t : {"rouge1", "rouge2", "rougeL", "rougeLsum"}) {
        QVERIFY(got[t]["low"]["fmeasure"].get<double>() <= got[t]["fmeasure"].get<double>());
        QVERIFY(got[t]["fmeasure"].get<double>() <= got[t]["high"]["fmeasure"].get<double>());
    }
}

void TestMetricsParity::porterVocabulary() {
    QVERIFY(stems_.size() > 1000);
    PorterStemmer stemmer;
    long long bad = 0;
    QString firstBad;
    for (const auto& [word, expected] : stems_.items()) {
        const std::string got = stemmer.stem(word);
        if (got != expected.get<std::string>() && bad++ == 0)
            firstBad = QStringLiteral("stem(%1): NLTK %2, ours %3")
                           .arg(QString::fromStdString(word), QString::fromStdString(expected.get<std::string>()),
                                QString::fromStdString(got));
    }
    qInfo("Porter stemmer: %zu words compared with NLTK, %lld differ", stems_.size(), bad);
    QVERIFY2(bad == 0, qPrintable(firstBad));
}

void TestMetricsParity::cleanupTestCase() {}

QTEST_GUILESS_MAIN(TestMetricsParity)
#include "test_metrics_parity.moc"
