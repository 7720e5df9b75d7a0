// `tunebench render` and `tunebench render-chat` end to end: output format, agreement with the
// library, limits, exit codes and the messages a user sees on bad input.
#include "text/template/ChatTemplateConfig.h"
#include "text/template/PromptTemplate.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

using nlohmann::json;

namespace {

struct Result {
    int code;
    std::string out, err;
};

Result run(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(TB_TUNEBENCH_EXE), args);
    p.waitForFinished(120000);
    return {p.exitCode(), p.readAllStandardOutput().toStdString(), p.readAllStandardError().toStdString()};
}

std::vector<json> lines(const std::string& out) {
    std::vector<json> v;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) v.push_back(json::parse(line));
    return v;
}

} // namespace

class TestRenderCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString path(const char* name) const { return dir_.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    void renderInput() {
        const std::vector<json> rows = {{{"dialogue", "#P1#: Hi.\n#P2#: Hello."}, {"summary", "They greet."}},
                                        {{"dialogue", "#P1#: Bye."}, {"summary", "Farewell."}},
                                        {{"dialogue", "x"}, {"summary", "y"}}};
        {
            std::ofstream f(path("rows.jsonl").toStdString());
            for (const auto& r : rows) f << r.dump() << "\n\n";
        }
        const Result r = run({QStringLiteral("render"), QStringLiteral("--template"), QStringLiteral("dialogsum.summarise.4"),
                              QStringLiteral("--input"), path("rows.jsonl"), QStringLiteral("--limit"), QStringLiteral("2")});
        QVERIFY2(r.code == 0, r.err.c_str());
        const auto out = lines(r.out);
        QCOMPARE(out.size(), size_t(2));
        const auto t = tb::loadTemplate("dialogsum.summarise.4");
        for (size_t k = 0; k < out.size(); ++k) {
            const auto p = tb::renderTemplate(t, rows[k]);
            QCOMPARE(out[k], (json{{"prompt", p.prompt}, {"completion", p.completion}}));
        }
    }

    void renderList() {
        const Result r = run({QStringLiteral("render"), QStringLiteral("--list")});
        QCOMPARE(r.code, 0);
        const auto out = lines(r.out);
        QCOMPARE(out.size(), tb::builtinTemplates().size());
        QCOMPARE(out[0]["name"].get<std::string>(), tb::builtinTemplates()[0].name);
    }

    void renderMissingField() {
        {
            std::ofstream f(path("bad.jsonl").toStdString());
            f << R"({"dialogue":"a","summary":"b"})" << "\n" << R"({"dialog":"a","summary":"b"})" << "\n";
        }
        const Result r = run({QStringLiteral("render"), QStringLiteral("--template"), QStringLiteral("dialogsum.summarise.1"),
                              QStringLiteral("--input"), path("bad.jsonl")});
        QCOMPARE(r.code, 1);
        QCOMPARE(lines(r.out).size(), size_t(1));
        const std::string want = ":2: template 'dialogsum.summarise.1' prompt line 3 column 2: the row has no field 'dialogue' (fields: dialog, summary)";
        QVERIFY2(r.err.find(want) != std::string::npos, r.err.c_str());
    }

    void renderUsageErrors() {
        QCOMPARE(run({QStringLiteral("render"), QStringLiteral("--template"), QStringLiteral("no.such.template"), QStringLiteral("--input"), path("rows.jsonl")}).code, 2);
        QCOMPARE(run({QStringLiteral("render"), QStringLiteral("--template"), QStringLiteral("dialogsum.summarise.1")}).code, 2);
    }

    void renderChat() {
        const std::string tok = std::string(TB_SHARED_DIR) + "/tokenizers/qwen";
        if (!QFile::exists(QString::fromStdString(tok))) QSKIP("../shared is absent");
        const json messages = json::parse(R"([{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello!"},{"role":"user","content":"Bye"}])");
        {
            std::ofstream f(path("m.json").toStdString());
            f << messages.dump();
        }
        const Result r = run({QStringLiteral("render-chat"), QStringLiteral("--template"), QString::fromStdString(tok),
                              QStringLiteral("--messages"), path("m.json"), QStringLiteral("--add-generation-prompt")});
        QVERIFY2(r.code == 0, r.err.c_str());
        const auto cfg = tb::ChatTemplateConfig::load(tok);
        QCOMPARE(json::parse(r.out).get<std::string>(), tb::renderChat(cfg.chatTemplate, messages, true, cfg.specialTokens));
        QVERIFY(json::parse(r.out).get<std::string>().find("<|im_start|>assistant\n") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestRenderCli)
#include "test_render_cli.moc"
