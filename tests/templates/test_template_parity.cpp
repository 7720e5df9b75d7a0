// Live parity with Python jinja2 / transformers 4.40.2: the edge-case corpus, every built-in
// template on real (DialogSum, Alpaca) and synthetic rows, and the real Qwen and Llama 3 chat
// templates on multi-turn conversations. One Python run renders every case; each output must be
// byte-identical (and a Python error must be an error here too).
#include "text/template/ChatTemplateConfig.h"
#include "text/template/JinjaTemplate.h"
#include "text/template/PromptTemplate.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <map>
#include <sstream>

using nlohmann::json;

namespace {

json readJson(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    return json::parse(in);
}

std::string firstDifference(const std::string& a, const std::string& b) {
    size_t k = 0;
    while (k < a.size() && k < b.size() && a[k] == b[k]) ++k;
    auto around = [&](const std::string& s) { return json(s.substr(k > 40 ? k - 40 : 0, 100)).dump(); };
    return "at byte " + std::to_string(k) + ": python " + around(a) + " vs ours " + around(b);
}

} // namespace

class TestTemplateParity : public QObject {
    Q_OBJECT

private:
    json cases_ = json::array();
    std::map<std::string, json> reference_;
    std::map<std::string, int> groupCounts_;

    void add(const std::string& group, json c) {
        c["id"] = group + "/" + c["id"].get<std::string>();
        cases_.push_back(std::move(c));
    }

    json ours(const json& c) {
        const std::string mode = c.value("mode", "default");
        if (mode == "default" || mode == "chat") {
            tb::jinja::Options opt;
            tb::jinja::RenderSettings settings;
            if (mode == "chat") {
                opt.trimBlocks = opt.lstripBlocks = true;
                settings.raiseException = true;
            }
            return tb::jinja::JinjaTemplate(c["id"].get<std::string>(), c["template"].get<std::string>(), opt).render(c["vars"], settings);
        }
        if (mode == "prompt") {
            const auto p = tb::renderTemplate(tb::PromptTemplate::fromJson(c["template"]), c["row"]);
            return json{{"prompt", p.prompt}, {"completion", p.completion}};
        }
        json vars = c.value("special_tokens", json::object());
        const json extra = c.value("extra", json::object());
        for (auto it = extra.begin(); it != extra.end(); ++it) vars[it.key()] = it.value();
        return tb::renderChat(c["template"].get<std::string>(), c["messages"], c.value("add_generation_prompt", false), vars);
    }

    void checkGroup(const std::string& group) {
        int checked = 0, failed = 0;
        QStringList report;
        for (const auto& c : cases_) {
            const std::string id = c["id"];
            if (id.rfind(group + "/", 0) != 0) continue;
            ++checked;
            const auto ref = reference_.find(id);
            if (ref == reference_.end()) { ++failed; report << QString::fromStdString(id + ": no reference result"); continue; }
            const bool pyError = ref->second.contains("error");
            try {
                const json got = ours(c);
                if (pyError) { ++failed; report << QString::fromStdString(id + ": python failed (" + ref->second["error"].get<std::string>() + ") but we rendered " + got.dump()); continue; }
                const json& want = ref->second["output"];
                if (got != want) {
                    ++failed;
                    const std::string w = want.is_string() ? want.get<std::string>() : want.dump();
                    const std::string g = got.is_string() ? got.get<std::string>() : got.dump();
                    report << QString::fromStdString(id + ": " + firstDifference(w, g));
                }
            } catch (const std::exception& e) {
                if (!pyError) { ++failed; report << QString::fromStdString(id + ": we failed: " + e.what()); }
            }
        }
        qInfo("%s: %d cases, %d byte-identical with Python", group.c_str(), checked, checked - failed);
        for (const auto& r : report) qWarning().noquote() << r;
        QVERIFY2(checked > 0, "no cases in this group");
        QCOMPARE(failed, 0);
    }

private Q_SLOTS:
    void initTestCase() {
        const std::string shared = TB_SHARED_DIR, src = TB_SOURCE_DIR;
        if (!QFile::exists(QStringLiteral(TB_REFERENCE_PYTHON))) QSKIP("reference venv missing (" TB_REFERENCE_PYTHON "); run scripts/setup-reference.sh");
        if (!QFile::exists(QString::fromStdString(shared + "/datasets/dialogsum/validation.jsonl"))) QSKIP("../shared datasets are absent");

        // 1. edge cases
        for (const auto& c : readJson(src + "/tests/templates/jinja_edge_cases.json")) add("edge", c);

        // 2. every built-in template on rows of its task
        std::map<std::string, std::vector<json>> rows;
        {
            std::ifstream ds(shared + "/datasets/dialogsum/validation.jsonl");
            std::string line;
            while (rows["dialogue_summarisation"].size() < 40 && std::getline(ds, line)) rows["dialogue_summarisation"].push_back(json::parse(line));
            const json alpaca = readJson(shared + "/datasets/alpaca/alpaca_5000.json");
            for (size_t k = 0; k < 60 && k < alpaca.size(); ++k) rows["instruction_following"].push_back(alpaca[k]);
            const json synthetic = readJson(src + "/tests/templates/synthetic_rows.json");
            for (auto it = synthetic.begin(); it != synthetic.end(); ++it)
                for (const auto& r : it.value()) rows[it.key()].push_back(r);
        }
        const json intRows = readJson(src + "/tests/templates/synthetic_rows_int_labels.json");
        for (const auto& t : tb::builtinTemplates()) {
            int n = 0;
            auto push = [&](const json& row) {
                add("builtin", json{{"id", t.name + "#" + std::to_string(n++)}, {"mode", "prompt"}, {"template", t.toJson()}, {"row", row}});
            };
            for (const auto& r : rows[t.task]) push(r);
            if (t.kind == "jinja" && intRows.contains(t.task))
                for (const auto& r : intRows[t.task]) push(r);
            QVERIFY2(n > 0, qPrintable(QString::fromStdString("no rows for built-in template " + t.name)));
        }

        // 3. the real chat templates
        const json convs = readJson(src + "/tests/templates/chat_conversations.json");
        for (const char* tok : {"qwen", "llama3"}) {
            const auto cfg = tb::ChatTemplateConfig::load(shared + "/tokenizers/" + tok);
            for (const auto& conv : convs)
                for (bool gen : {false, true})
                    add("chat", json{{"id", std::string(tok) + "/" + conv["id"].get<std::string>() + (gen ? "/gen" : "")},
                                     {"mode", "chat_template"}, {"template", cfg.chatTemplate}, {"messages", conv["messages"]},
                                     {"add_generation_prompt", gen}, {"special_tokens", cfg.specialTokens},
                                     {"extra", conv.value("extra", json::object())}});
        }

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString casesPath = dir.filePath(QStringLiteral("cases.json"));
        {
            std::ofstream out(casesPath.toStdString());
            out << cases_.dump();
        }
        QProcess py;
        py.start(QStringLiteral(TB_REFERENCE_PYTHON), {QString::fromStdString(src + "/tests/templates/reference_render.py"), casesPath});
        QVERIFY2(py.waitForFinished(240000), "reference_render.py did not finish");
        const QByteArray err = py.readAllStandardError();
        QVERIFY2(py.exitCode() == 0, err.constData());
        const json results = json::parse(py.readAllStandardOutput().toStdString());
        for (const auto& r : results) reference_[r["id"].get<std::string>()] = r;
        QCOMPARE(reference_.size(), cases_.size());
    }

    void edgeCases() { checkGroup("edge"); }
    void builtinTemplatesOnRows() { checkGroup("builtin"); }
    void chatTemplates() { checkGroup("chat"); }
};

QTEST_GUILESS_MAIN(TestTemplateParity)
#include "test_template_parity.moc"
