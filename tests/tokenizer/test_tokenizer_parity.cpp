// Live parity: the reference Python stack (current `tokenizers`; transformers 4.40.2 and
// sentencepiece) encodes >= 5,000 DialogSum strings and edge cases with every tokenizer in
// ../shared; our ids (add_special_tokens true and false) and decodes must be identical.
#include "text/Tokenizer.h"
#include "util/Error.h"

#include <QProcess>
#include <QTest>

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

const std::string kShared = TB_SHARED_DIR;
const std::string kScript = std::string(TB_SOURCE_DIR) + "/tests/tokenizer/tokenizer_parity.py";

std::string show(const std::vector<int64_t>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
    return s + "]";
}

QProcess* startSide(const std::string& python, const std::string& side, const std::string& out) {
    auto* p = new QProcess();
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p->start(QString::fromStdString(python), {QString::fromStdString(kScript), "--shared", QString::fromStdString(kShared),
                                                "--side", QString::fromStdString(side), "--out", QString::fromStdString(out)});
    return p;
}

struct Totals { long strings = 0, idMismatches = 0, decodeMismatches = 0; double seconds = 0; long tokens = 0; };

// Compares one reference record with our tokenizer; prints the first few disagreements.
void compare(const std::string& label, const tb::Tokenizer& tok, const json& rec, const std::vector<std::string>& texts,
             Totals& totals) {
    long idBad = 0, decBad = 0, shown = 0;
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::vector<int64_t>> ours(texts.size()), oursPlain(texts.size());
    for (size_t i = 0; i < texts.size(); ++i) {
        oursPlain[i] = tok.encode(texts[i], false);
        ours[i] = tok.encode(texts[i], true);
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    long ntok = 0;
    for (size_t i = 0; i < texts.size(); ++i) {
        const auto plain = rec["plain"][i].get<std::vector<int64_t>>();
        const auto ids = rec["ids"][i].is_null() ? plain : rec["ids"][i].get<std::vector<int64_t>>();
        const std::string decoded = rec["decoded"][i].is_null() ? texts[i] : rec["decoded"][i].get<std::string>();
        const std::string decodedSkip = rec["decoded_skip"][i].is_null() ? decoded : rec["decoded_skip"][i].get<std::string>();
        ntok += static_cast<long>(plain.size());
        const bool idsOk = ours[i] == ids && oursPlain[i] == plain;
        const std::string d1 = tok.decode(oursPlain[i], false), d2 = tok.decode(ours[i], true);
        const bool decOk = d1 == decoded && d2 == decodedSkip;
        idBad += !idsOk;
        decBad += !decOk;
        if ((!idsOk || !decOk) && shown++ < 4) {
            const std::string text = texts[i].size() > 160 ? texts[i].substr(0, 160) + "..." : texts[i];
            qWarning("%s string %zu %s: %s", label.c_str(), i, json(text).dump().c_str(), idsOk ? "decode differs" : "ids differ");
            if (!idsOk) {
                qWarning("   expected %s / plain %s", show(ids).c_str(), show(plain).c_str());
                qWarning("   actual   %s / plain %s", show(ours[i]).c_str(), show(oursPlain[i]).c_str());
            } else {
                qWarning("   expected %s | skip %s", json(decoded).dump().c_str(), json(decodedSkip).dump().c_str());
                qWarning("   actual   %s | skip %s", json(d1).dump().c_str(), json(d2).dump().c_str());
            }
        }
    }
    qInfo("%-45s %5zu strings  ids mismatches %ld  decode mismatches %ld  (%.0f tokens/s, add_special both ways)",
          label.c_str(), texts.size(), idBad, decBad, secs > 0 ? 2.0 * static_cast<double>(ntok) / secs : 0.0);
    totals.strings += static_cast<long>(texts.size());
    totals.idMismatches += idBad;
    totals.decodeMismatches += decBad;
    totals.seconds += secs;
    totals.tokens += 2 * ntok;
}

} // namespace

class TestTokenizerParity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parityWithReferenceStack();
};

void TestTokenizerParity::parityWithReferenceStack() {
    if (!fs::exists(kShared + "/tokenizers") || !fs::exists(kShared + "/datasets/dialogsum"))
        QSKIP("../shared (tokenizers, datasets/dialogsum) is absent");
    const std::string tokPy = TB_TOKENIZERS_PYTHON, refPy = TB_REFERENCE_PYTHON;
    if (!fs::exists(tokPy) || !fs::exists(refPy))
        QSKIP("the reference venvs are absent (.venv-tokenizers / .venv-reference): run scripts/setup-reference.sh");
    const fs::path dir = fs::path(TB_BINARY_DIR) / "tests-tmp" / "tokenizer-parity";
    fs::create_directories(dir);
    const std::string outTok = (dir / "tokenizers.jsonl").string(), outRef = (dir / "reference.jsonl").string();
    // TB_TOKENIZER_PARITY_REUSE=1 compares against the outputs of the previous run (development aid).
    if (qgetenv("TB_TOKENIZER_PARITY_REUSE") != "1" || !fs::exists(outTok) || !fs::exists(outRef)) {
        fs::remove(outTok);
        fs::remove(outRef);
        const auto t0 = std::chrono::steady_clock::now();
        std::unique_ptr<QProcess> a(startSide(tokPy, "tokenizers", outTok)), b(startSide(refPy, "reference", outRef));
        for (auto* p : {a.get(), b.get()}) {
            QVERIFY2(p->waitForFinished(840000), "the reference script did not finish in 14 minutes");
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                     "the reference script failed (its stderr is above)");
        }
        qInfo("reference scripts: %.1f s", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    Totals totals;
    int tokenizers = 0;
    for (const std::string& file : {outTok, outRef}) {
        std::ifstream in(file);
        std::string line;
        QVERIFY(std::getline(in, line));
        const auto texts = json::parse(line).at("strings").get<std::vector<std::string>>();
        QVERIFY(texts.size() >= 5000);
        while (std::getline(in, line)) {
            const json rec = json::parse(line);
            const std::string name = rec["tokenizer"], path = rec["path"], loader = rec["loader"];
            if (!rec["note"].get<std::string>().empty()) qInfo("%s: %s", name.c_str(), rec["note"].get<std::string>().c_str());
            std::unique_ptr<tb::Tokenizer> tok;
            try {
                tok = loader == "dir" ? tb::Tokenizer::fromModelDir(path) : tb::Tokenizer::fromFile(path);
            } catch (const tb::Error& e) {
                QFAIL((name + ": " + e.what()).c_str());
            }
            compare(name, *tok, rec, texts, totals);
            ++tokenizers;
            // Folders whose config changes nothing the reference would do differently here
            // (transformers 4.40.2 cannot read their ["a","b"] merges): the folder must agree too.
            if (name == "models/stories260K/tokenizer.json" || name == "tokenizers/qwen/tokenizer.json") {
                const std::string folder = fs::path(path).parent_path().string();
                compare(name.substr(0, name.size() - std::string("/tokenizer.json").size()) + " (folder)",
                        *tb::Tokenizer::fromModelDir(folder), rec, texts, totals);
                ++tokenizers;
            }
        }
    }
    qInfo("parity: %d tokenizers, %ld strings compared, %ld id mismatches, %ld decode mismatches; our encode %.0f tokens/s",
          tokenizers, totals.strings, totals.idMismatches, totals.decodeMismatches,
          totals.seconds > 0 ? static_cast<double>(totals.tokens) / totals.seconds : 0.0);
    QVERIFY(tokenizers >= 20);
    QCOMPARE(totals.idMismatches, 0L);
    QCOMPARE(totals.decodeMismatches, 0L);
}

int main(int argc, char** argv) {
    // The reference stack needs more than QTest's default 5 minutes on a loaded 2-core machine.
    if (qEnvironmentVariableIsEmpty("QTEST_FUNCTION_TIMEOUT")) qputenv("QTEST_FUNCTION_TIMEOUT", "900000");
    QCoreApplication app(argc, argv);
    TestTokenizerParity t;
    return QTest::qExec(&t, argc, argv);
}
#include "test_tokenizer_parity.moc"
