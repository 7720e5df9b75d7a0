// Unit tests of the metrics: the course examples (ROUGE of "It is cold outside.", the
// clipping example, the BLEU tea sentences), the Porter stemmer against NLTK's outputs, the
// 13a tokenizer, sacrebleu's closest-reference rule, Lsum, bootstrap and classification.
// Expected values were computed once with rouge_score 0.1.2 / sacrebleu 2.4.3 / nltk 3.x and are
// also checked live by test_metrics_parity.
#include "eval/metrics/Bleu.h"
#include "eval/metrics/Bootstrap.h"
#include "eval/metrics/Chrf.h"
#include "eval/metrics/Classification.h"
#include "eval/metrics/MetricSuite.h"
#include "eval/metrics/PairedDeltas.h"
#include "eval/metrics/PorterStemmer.h"
#include "eval/metrics/Rouge.h"
#include "util/Error.h"

#include <QtTest>

using namespace tb::metrics;

class TestMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void courseRouge();
    void rougeClipping();
    void teaBleu_data();
    void teaBleu();
    void teaOrdering();
    void porter_data();
    void porter();
    void rougeTokenizer();
    void rougeLsumUnion();
    void rougeMultiTakesBestF();
    void tokenize13a_data();
    void tokenize13a();
    void bleuClosestRefLength();
    void bleuEmptyAndCorpus();
    void chrfBasics();
    void bootstrapInterval();
    void classification();
    void suiteShape();
    void pairedDeltasCounts();
};

void TestMetrics::courseRouge() {
    RougeScorer scorer(RougeScorer::defaultTypes());
    // reference "It is cold outside.", generated "It is very cold outside."
    const RougeResult r = scorer.score("It is cold outside.", "It is very cold outside.");
    QCOMPARE(QString::number(r.at("rouge1").fmeasure, 'f', 3), QStringLiteral("0.889"));
    QCOMPARE(QString::number(r.at("rouge2").fmeasure, 'f', 3), QStringLiteral("0.571"));
    QCOMPARE(QString::number(r.at("rougeL").fmeasure, 'f', 3), QStringLiteral("0.889"));
    QCOMPARE(r.at("rouge1").recall, 1.0);
    QCOMPARE(r.at("rouge1").precision, 0.8);
    QCOMPARE(r.at("rouge2").recall, 2.0 / 3.0);
    QCOMPARE(r.at("rouge2").precision, 0.5);
}

void TestMetrics::rougeClipping() {
    // Without clipping "cold cold cold cold" would have unigram precision 1.0; rouge_score
    // clips each n-gram to its count in the reference: 1/4 for P, R and F.
    RougeScorer scorer(RougeScorer::defaultTypes());
    const RougeResult r = scorer.score("It is cold outside.", "cold cold cold cold");
    QCOMPARE(r.at("rouge1").precision, 0.25);
    QCOMPARE(r.at("rouge1").recall, 0.25);
    QCOMPARE(r.at("rouge1").fmeasure, 0.25);
    QCOMPARE(r.at("rouge2").fmeasure, 0.0);
    QCOMPARE(r.at("rougeL").fmeasure, 0.25);
    QCOMPARE(r.at("rougeLsum").fmeasure, 0.25);
}

static const char* kTeaRef = "I am very happy to say that I am drinking a warm cup of tea.";

void TestMetrics::teaBleu_data() {
    QTest::addColumn<QString>("hyp");
    QTest::addColumn<double>("score");
    QTest::addColumn<double>("bp");
    QTest::addColumn<int>("sysLen");
    QTest::addColumn<double>("p4");
    // sacrebleu 2.4.3 sentence_bleu (exp smoothing, effective order); corpus_bleu of the single
    // sentence gives the same numbers here because every order has a match.
    QTest::newRow("cup of tea") << "I am very happy that I am drinking a cup of tea." << 53.87958246253987
                                << 0.7939226578179512 << 13 << 40.0;
    QTest::newRow("warm cup of tea") << "I am very happy that I am drinking a warm cup of tea." << 74.97153770440843
                                     << 0.8668778997501817 << 14 << 72.72727272727273;
    QTest::newRow("warm tea") << "I am very happy to say that I am drinking a warm tea." << 77.21195504586709
                              << 0.8668778997501817 << 14 << 81.81818181818181;
}

void TestMetrics::teaBleu() {
    QFETCH(QString, hyp);
    QFETCH(double, score);
    QFETCH(double, bp);
    QFETCH(int, sysLen);
    QFETCH(double, p4);
    const BleuScore s = sentenceBleu(hyp.toStdString(), {kTeaRef});
    QVERIFY2(std::abs(s.score - score) < 1e-9, qPrintable(QStringLiteral("BLEU %1 expected %2").arg(s.score, 0, 'g', 17).arg(score, 0, 'g', 17)));
    QVERIFY(std::abs(s.bp - bp) < 1e-12);
    QCOMPARE(s.sysLen, static_cast<long long>(sysLen));
    QCOMPARE(s.refLen, 16LL);
    QVERIFY(std::abs(s.precisions[3] - p4) < 1e-9);
    QCOMPARE(s.precisions[0], 100.0);
    const BleuScore c = corpusBleu({hyp.toStdString()}, {{kTeaRef}});
    QVERIFY(std::abs(c.score - score) < 1e-9);
}

void TestMetrics::teaOrdering() {
    const double a = sentenceBleu("I am very happy that I am drinking a cup of tea.", {kTeaRef}).score;
    const double b = sentenceBleu("I am very happy that I am drinking a warm cup of tea.", {kTeaRef}).score;
    const double c = sentenceBleu("I am very happy to say that I am drinking a warm tea.", {kTeaRef}).score;
    QVERIFY(a < b);
    QVERIFY(b < c);
}

void TestMetrics::porter_data() {
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("stem");
    // Outputs of nltk.stem.porter.PorterStemmer() (NLTK_EXTENSIONS), nltk 3.x
    const char* pairs[][2] = {
        {"caresses", "caress"}, {"ponies", "poni"}, {"ties", "tie"}, {"happy", "happi"},
        {"relational", "relat"}, {"generalizations", "gener"}, {"running", "run"}, {"flies", "fli"},
        {"dying", "die"}, {"controlling", "control"}, {"hopping", "hop"}, {"filing", "file"},
        {"agreed", "agre"}, {"feed", "feed"}, {"conditional", "condit"}, {"sensibility", "sensibl"},
        {"archaeology", "archaeolog"}, {"analogously", "analog"}, {"spy", "spi"}, {"enjoyment", "enjoy"}};
    for (const auto& p : pairs) QTest::newRow(p[0]) << QString::fromLatin1(p[0]) << QString::fromLatin1(p[1]);
}

void TestMetrics::porter() {
    QFETCH(QString, word);
    QFETCH(QString, stem);
    QCOMPARE(QString::fromStdString(PorterStemmer().stem(word.toStdString())), stem);
}

void TestMetrics::rougeTokenizer() {
    RougeTokenizer plain(false), stem(true);
    using V = std::vector<std::string>;
    QCOMPARE(plain.tokenize("It's COLD -- outside, 2day!"), (V{"it", "s", "cold", "outside", "2day"}));
    // Python lower(): U+0130 -> "i" + combining dot (a separator), Kelvin sign -> "k"
    QCOMPARE(plain.tokenize("\xC4\xB0stanbul \xE2\x84\xAA" "elvin caf\xC3\xA9"), (V{"i", "stanbul", "kelvin", "caf"}));
    QCOMPARE(stem.tokenize("The runners were running"), (V{"the", "runner", "were", "run"}));
    QVERIFY(plain.tokenize("... !!! \xE2\x80\x94").empty());
}

void TestMetrics::rougeLsumUnion() {
    // rouge_score's own test case (summary-level LCS, union of LCS, counts not re-used)
    const std::vector<std::vector<std::string>> ref = {{"w1", "w2", "w3", "w4", "w5"}};
    const std::vector<std::vector<std::string>> can = {{"w1", "w2", "w6", "w7", "w8"}, {"w1", "w3", "w8", "w9", "w5"}};
    const RougeScore s = rougeLsum(ref, can);
    QCOMPARE(s.recall, 0.8);
    QCOMPARE(s.precision, 0.4);
    RougeScorer scorer({"rougeLsum"});
    const RougeScore t = scorer.score("w1 w2 w3 w4 w5", "w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5").at("rougeLsum");
    QCOMPARE(t.recall, 0.8);
    QCOMPARE(t.precision, 0.4);
}

void TestMetrics::rougeMultiTakesBestF() {
    RougeScorer scorer({"rouge1", "rouge2"});
    const RougeResult r = scorer.scoreMulti({"a b c d", "x y z", "a b c"}, "a b c");
    QCOMPARE(r.at("rouge1").fmeasure, 1.0);
    QCOMPARE(r.at("rouge2").fmeasure, 1.0);
    const RougeResult none = scorer.scoreMulti({}, "a");
    QCOMPARE(none.at("rouge1").fmeasure, 0.0);
}

void TestMetrics::tokenize13a_data() {
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("period") << "It is cold outside." << "It is cold outside .";
    QTest::newRow("numbers") << "1,000.50 and 3-4, e.g. x." << "1,000.50 and 3 - 4 , e . g . x .";
    QTest::newRow("entities") << "&quot;Hi&quot; &amp; &lt;b&gt;" << "\" Hi \" & < b >";
    QTest::newRow("skipped+hyphen") << "re-\nturn <skipped> a\nb" << "return a b";
    QTest::newRow("apostrophe") << "don't (really) #1!" << "don't ( really ) # 1 !";
    QTest::newRow("dots") << "wait... what?" << "wait . . . what ?";
}

void TestMetrics::tokenize13a() {
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(QString::fromStdString(tb::metrics::tokenize13a(in.toStdString())), out);
}

void TestMetrics::bleuClosestRefLength() {
    // hyp has 4 tokens; refs of 3 and 5 tokens are equally close: sacrebleu takes the shorter.
    const BleuStats s = bleuSegmentStats("a b c d", {"a b c d e", "a b c"});
    QCOMPARE(s.sysLen, 4LL);
    QCOMPARE(s.refLen, 3LL);
    // clipping takes the max count over references
    const BleuStats t = bleuSegmentStats("the the the", {"the cat", "the the dog"});
    QCOMPARE(t.correct[0], 2LL);
    QCOMPARE(t.total[0], 3LL);
}

void TestMetrics::bleuEmptyAndCorpus() {
    const BleuScore e = sentenceBleu("", {"a b c"});
    QCOMPARE(e.score, 0.0);
    QCOMPARE(e.bp, 0.0);
    QCOMPARE(e.sysLen, 0LL);
    // corpus BLEU without effective order: a missing 4-gram order gives (almost) zero
    const BleuScore c = corpusBleu({"a b c"}, {{"a b c"}});
    QVERIFY(c.score < 1e-100);
    QCOMPARE(c.precisions[0], 100.0);
    bool threw = false;
    try {
        bleuSegmentStats("a", {});
    } catch (const tb::Error&) {
        threw = true;
    }
    QVERIFY(threw);
}

void TestMetrics::chrfBasics() {
    QCOMPARE(sentenceChrf("abc", {"abc"}), 100.0);
    QCOMPARE(sentenceChrf("", {"abc"}), 0.0);
    // sacrebleu 2.4.3 sentence_chrf of the tea sentence
    QVERIFY(std::abs(sentenceChrf("I am very happy that I am drinking a cup of tea.", {kTeaRef}) - 74.02307707748672) < 1e-9);
}

void TestMetrics::bootstrapInterval() {
    QCOMPARE(percentileLinear({1, 2, 3, 4}, 50), 2.5);
    QCOMPARE(percentileLinear({1, 2, 3, 4}, 2.5), 1.075);
    std::vector<double> v;
    for (int i = 0; i < 200; ++i) v.push_back((i % 10) / 10.0);
    const MeanInterval m = bootstrapMean(v);
    QVERIFY(std::abs(m.mean - 0.45) < 1e-12);
    QVERIFY(m.low < m.mean && m.mean < m.high);
    QVERIFY(m.high - m.low < 0.1);
    const MeanInterval again = bootstrapMean(v);
    QCOMPARE(again.low, m.low);  // fixed seed: reproducible
    const MeanInterval constant = bootstrapMean(std::vector<double>(50, 0.3));
    QVERIFY(std::abs(constant.low - 0.3) < 1e-12 && std::abs(constant.high - 0.3) < 1e-12);
}

void TestMetrics::classification() {
    QCOMPARE(QString::fromStdString(normalizeAnswer("  Positive.  ")), QStringLiteral("positive"));
    QVERIFY(exactMatch("The  answer\nis 42", {"the answer is 42."}));
    QVERIFY(!exactMatch("42", {"forty-two"}));
    const std::vector<std::string> choices = {"negative", "positive", "very positive"};
    QCOMPARE(matchAnswerChoice("Positive!", choices).value(), size_t(1));
    QCOMPARE(matchAnswerChoice("very positive, I think", choices).value(), size_t(2));
    QVERIFY(!matchAnswerChoice("positively", choices).has_value());
    const ClassificationSummary s =
        classificationAccuracy({"positive", "Negative.", "dunno", "very positive"}, {"positive", "positive", "negative", "very positive"}, choices);
    QCOMPARE(s.total, 4LL);
    QCOMPARE(s.correct, 2LL);
    QCOMPARE(s.invalid, 1LL);
    QCOMPARE(s.accuracy(), 0.5);
}

void TestMetrics::suiteShape() {
    MetricSuite suite;
    const auto line = suite.add("It is very cold outside.", {"It is cold outside."});
    for (const char* k : {"rouge1", "rouge2", "rougeL", "rougeLsum"}) {
        QVERIFY(line.contains(k));
        QVERIFY(line[k].contains("precision") && line[k].contains("recall") && line[k].contains("fmeasure"));
    }
    QVERIFY(line["bleu"].contains("score") && line["bleu"]["precisions"].size() == 4);
    suite.add("cold cold cold cold", {"It is cold outside.", "cold"});
    const auto agg = suite.aggregate();
    QCOMPARE(agg["count"].get<int>(), 2);
    QVERIFY(agg["rouge1"]["low"]["fmeasure"].get<double>() <= agg["rouge1"]["fmeasure"].get<double>());
    for (const char* k : {"score", "precisions", "bp", "sys_len", "ref_len"}) QVERIFY(agg["bleu"].contains(k));
    QVERIFY(agg["chrf"].contains("score"));
    MetricSuite onlyBleu({false, true, false, false});
    const auto b = onlyBleu.add("a", {"a"});
    QVERIFY(!b.contains("rouge1") && b.contains("bleu") && !b.contains("chrf"));
}

void TestMetrics::pairedDeltasCounts() {
    const std::vector<double> base = {0.1, 0.5, 0.5, 0.9, 0.2, 0.0};
    const std::vector<double> cand = {0.4, 0.5, 0.2, 0.95, 0.2, 0.8};
    const PairedDeltas d = pairedDeltas(base, cand, 2);
    QCOMPARE(d.wins, 3LL);
    QCOMPARE(d.ties, 2LL);
    QCOMPARE(d.losses, 1LL);
    QVERIFY(std::abs(d.meanDelta.mean - (0.3 + 0 - 0.3 + 0.05 + 0 + 0.8) / 6) < 1e-12);
    QVERIFY(d.meanDelta.low <= d.meanDelta.mean && d.meanDelta.mean <= d.meanDelta.high);
    QCOMPARE(d.largestGains.size(), size_t(2));
    QCOMPARE(d.largestGains[0].index, size_t(5));
    QCOMPARE(d.largestGains[1].index, size_t(0));
    QCOMPARE(d.largestRegressions.size(), size_t(1));
    QCOMPARE(d.largestRegressions[0].index, size_t(2));
    const auto j = d.toJson();
    QCOMPARE(j["wins"].get<int>(), 3);
    QCOMPARE(j["largest_regressions"][0]["delta"].get<double>(), 0.2 - 0.5);
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "test_metrics.moc"
