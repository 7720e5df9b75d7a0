// Unit tests of the Jinja engine and the prompt-template layer, and the bad-input corpus:
// each bad template must fail with its exact message (template, line, column, what is wrong).
#include "text/template/ChatTemplateConfig.h"
#include "text/template/JinjaTemplate.h"
#include "text/template/PromptTemplate.h"

#include <QtTest>

#include <map>
#include <set>

using nlohmann::json;

Q_DECLARE_METATYPE(std::string)

class TestJinjaEngine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void render_data() {
        QTest::addColumn<std::string>("source");
        QTest::addColumn<std::string>("vars");
        QTest::addColumn<std::string>("expected");
        auto row = [](const char* name, const char* src, const char* vars, const char* want) {
            QTest::newRow(name) << std::string(src) << std::string(vars) << std::string(want);
        };
        row("text", "plain text", "{}", "plain text");
        row("trailing newline dropped", "a\n", "{}", "a");
        row("variable", "Hi {{ name }}!", R"({"name":"Ada"})", "Hi Ada!");
        row("filter precedence", "{{ xs|length - 1 }}", R"({"xs":[1,2,3]})", "2");
        row("not binds looser than in", "{{ not 'a' in 'abc' }}", "{}", "False");
        row("python repr", "{{ [1, 'a', none, true] }} {{ {'k': 2.0} }}", "{}", "[1, 'a', None, True] {'k': 2.0}");
        row("undefined prints empty", "[{{ nope }}]", "{}", "[]");
        row("loop", "{% for x in xs %}{{ loop.index }}{{ x }}{% if not loop.last %},{% endif %}{% endfor %}", R"({"xs":["a","b"]})", "1a,2b");
        row("for-else", "{% for x in [] %}x{% else %}empty{% endfor %}", "{}", "empty");
        row("namespace", "{% set ns = namespace(n=0) %}{% for x in [1,2,3] %}{% set ns.n = ns.n + x %}{% endfor %}{{ ns.n }}", "{}", "6");
        row("slice reverse", "{{ 'abc'[::-1] }}{{ [1,2,3][1:] }}", "{}", "cba[2, 3]");
        row("whitespace control", "a  {%- if true -%}  b  {%- endif -%}  c", "{}", "abc");
        row("escapes", R"({{ 'a\tb\n\u00e9' }})", "{}", "a\tb\n\xc3\xa9");
        row("string methods", "{{ ' x '.strip() }}{{ 'a,b'.split(',') }}{{ 'ab'.startswith('a') }}", "{}", "x['a', 'b']True");
        row("tojson html-safe", "{{ {'b': '<', 'a': 1} | tojson }}", "{}", R"({"a": 1, "b": "\u003c"})");
        row("floor div and mod", "{{ -7 // 2 }} {{ -7 % 3 }} {{ 7 / 2 }}", "{}", "-4 2 3.5");
        row("concat", "{{ 1 ~ 'a' ~ none }}", "{}", "1aNone");
        row("default", "{{ nope | default('d') }}{{ '' | d('e', true) }}", "{}", "de");
        row("macro", "{% macro m(a, b='!') %}{{ a }}{{ b }}{% endmacro %}{{ m('x') }}{{ m('y', b='?') }}", "{}", "x!y?");
    }
    void render() {
        QFETCH(std::string, source);
        QFETCH(std::string, vars);
        QFETCH(std::string, expected);
        const tb::jinja::JinjaTemplate t("t", source);
        QCOMPARE(t.render(json::parse(vars)), expected);
    }

    void chatSettings() {
        tb::jinja::Options opt;
        opt.trimBlocks = opt.lstripBlocks = true;
        const tb::jinja::JinjaTemplate t("chat", "{% for m in messages %}\n  {{ m }}\n{% endfor %}\n", opt);
        QCOMPARE(t.render(json{{"messages", {"a", "b"}}}), std::string("  a\n  b\n"));
        QCOMPARE(tb::renderChat("{{ bos_token }}{% for m in messages %}[{{ m.role }}]{{ m.content }}{% endfor %}{% if add_generation_prompt %}[assistant]{% endif %}",
                                json::parse(R"([{"role":"user","content":"hi"}])"), true, json{{"bos_token", "<s>"}}),
                 std::string("<s>[user]hi[assistant]"));
    }

    void flanTemplates() {
        tb::PromptTemplate t = tb::PromptTemplate::fromJson(json::parse(R"({"name":"f","kind":"flan","prompt":"Text: {text} {{literal}}\n{options}","completion":"{label}","answer_choices":"no ||| yes"})"));
        QCOMPARE(t.answerChoices, (std::vector<std::string>{"no", "yes"}));
        const auto p = tb::renderTemplate(t, json{{"text", "hello"}, {"label", "yes"}});
        QCOMPARE(p.prompt, std::string("Text: hello {literal}\n- no\n- yes"));
        QCOMPARE(p.completion, std::string("yes"));
        QCOMPARE(tb::templateFields(t), (std::vector<std::string>{"text", "label"}));
    }

    void promptsourceSplit() {
        tb::PromptTemplate t = tb::PromptTemplate::fromJson(json::parse(R"({"name":"p","kind":"jinja","jinja":"  Q: {{ q }}\n|||\n  {{ answer_choices[a] }}  ","answer_choices":["x","y"]})"));
        const auto p = tb::renderTemplate(t, json{{"q", "pipes ||| inside"}, {"a", 1}});
        QCOMPARE(p.prompt, std::string("Q: pipes ||| inside"));
        QCOMPARE(p.completion, std::string("y"));
        QCOMPARE(tb::templateFields(t), (std::vector<std::string>{"q", "a"}));
    }

    void optionalFieldIsFalsy() {
        const tb::PromptTemplate& t = tb::loadTemplate("alpaca.instruct.1");
        QCOMPARE(tb::renderTemplate(t, json{{"instruction", "Say hi"}, {"input", ""}, {"output", "hi"}}).prompt, std::string("Say hi"));
        QCOMPARE(tb::renderTemplate(t, json{{"instruction", "Echo"}, {"input", "x"}, {"output", "x"}}).prompt, std::string("Echo\n\nx"));
    }

    void builtinLibrary() {
        const auto& all = tb::builtinTemplates();
        std::map<std::string, int> perTask;
        std::map<std::string, std::set<std::string>> kinds;
        for (const auto& t : all) {
            ++perTask[t.task];
            kinds[t.task].insert(t.kind);
            QVERIFY2(!tb::templateFields(t).empty(), t.name.c_str());
        }
        QCOMPARE(perTask.size(), size_t(10));
        for (const auto& [task, n] : perTask) {
            QVERIFY2(n >= 5, task.c_str());
            QVERIFY2(kinds[task].count("jinja") == 1, task.c_str());
        }
        QCOMPARE(tb::loadTemplate("dialogsum.summarise.3").task, std::string("dialogue_summarisation"));
    }

    void chatConfigFromTokenizerDir() {
        const std::string dir = std::string(TB_SHARED_DIR) + "/tokenizers/qwen";
        if (!QFile::exists(QString::fromStdString(dir))) QSKIP("../shared is absent");
        const auto c = tb::ChatTemplateConfig::load(dir);
        QVERIFY(c.chatTemplate.find("<|im_start|>") != std::string::npos);
        QCOMPARE(c.specialTokens["eos_token"].get<std::string>(), std::string("<|im_end|>"));
        QVERIFY(!c.specialTokens.contains("bos_token"));   // null in the config: left out, as transformers does
    }

    void badInput_data() {
        QTest::addColumn<std::string>("templateJson");
        QTest::addColumn<std::string>("row");
        QTest::addColumn<std::string>("message");
        const std::string row = R"({"dialogue":"#P1#: hi","summary":"greeting","topic":"hello"})";
        auto bad = [&](const char* name, json t, const std::string& msg) {
            t["name"] = "x";
            QTest::newRow(name) << t.dump() << row << msg;
        };
        bad("unknown filter", {{"kind", "jinja"}, {"jinja", "Hello {{ dialogue | shout }}"}},
            "template 'x' line 1 column 21: unknown filter 'shout'");
        bad("unknown test", {{"kind", "jinja"}, {"jinja", "{% if dialogue is loud %}{% endif %}"}},
            "template 'x' line 1 column 19: unknown test 'loud'");
        bad("missing field (jinja)", {{"kind", "jinja"}, {"jinja", "Summarise:\n\n{{ dialog }} ||| {{ summary }}"}},
            "template 'x' line 3 column 4: the row has no field 'dialog' (fields: dialogue, summary, topic)");
        bad("missing field in a filter", {{"kind", "jinja"}, {"jinja", "{{ dialogue }}\n  {{ summry | upper }}"}},
            "template 'x' line 2 column 6: the row has no field 'summry' (fields: dialogue, summary, topic)");
        bad("missing field (flan)", {{"kind", "flan"}, {"prompt", "Summarise\n  {dialog} now"}, {"completion", "{summary}"}},
            "template 'x' prompt line 2 column 4: the row has no field 'dialog' (fields: dialogue, summary, topic)");
        bad("runaway loop", {{"kind", "jinja"}, {"jinja", "{% for i in range(1000) %}{% for j in range(1000) %}x{% endfor %}{% endfor %}"}},
            "template 'x' line 1 column 30: loops ran more than 100000 iterations in total (the limit)");
        bad("huge range", {{"kind", "jinja"}, {"jinja", "{% for i in range(10 ** 9) %}{% endfor %}"}},
            "template 'x' line 1 column 13: range() would produce 1000000000 items; the limit is 100000");
        bad("output cap", {{"kind", "jinja"}, {"jinja", "{% for i in range(60000) %}{{ dialogue * 3 }}{% endfor %}"}},
            "template 'x' line 1 column 28: the rendered output exceeds the limit of 1048576 bytes");
        bad("unterminated variable tag", {{"kind", "jinja"}, {"jinja", "Hello\n  {{ dialogue ||| x"}},
            "template 'x' line 2 column 3: unterminated '{{' tag: missing '}}'");
        bad("unterminated block tag", {{"kind", "jinja"}, {"jinja", "{% if dialogue \n ok"}},
            "template 'x' line 1 column 1: unterminated '{%' tag: missing '%}'");
        bad("unclosed if", {{"kind", "jinja"}, {"jinja", "a\n{% if dialogue %}b"}},
            "template 'x' line 2 column 19: unexpected end of template: the 'if' tag at line 2 column 4 is not closed (looking for 'elif' or 'else' or 'endif')");
        bad("unterminated string", {{"kind", "jinja"}, {"jinja", "{{ 'abc }}"}},
            "template 'x' line 1 column 4: unterminated string literal: missing closing '");
        bad("unterminated comment", {{"kind", "jinja"}, {"jinja", "ok {# note"}},
            "template 'x' line 1 column 4: unterminated comment: '{#' has no closing '#}'");
        bad("unknown tag", {{"kind", "jinja"}, {"jinja", "{% include 'x.html' %}"}},
            "template 'x' line 1 column 4: unknown tag 'include'");
        bad("stray endfor", {{"kind", "jinja"}, {"jinja", "{{ dialogue }}{% endfor %}"}},
            "template 'x' line 1 column 18: unexpected 'endfor' tag: no open block expects it here");
        bad("type error", {{"kind", "jinja"}, {"jinja", "{{ dialogue + 1 }}"}},
            "template 'x' line 1 column 13: can only concatenate str (not \"int\") to str");
        bad("flan single brace", {{"kind", "flan"}, {"prompt", "a } b"}, {"completion", ""}},
            "template 'x' prompt line 1 column 3: single '}' (write '}}' for a literal brace)");
        bad("too many parts", {{"kind", "jinja"}, {"jinja", "a ||| b ||| c"}},
            "template 'x': the rendered text has 3 parts separated by '|||'; expected a prompt and at most one completion");
    }
    void badInput() {
        QFETCH(std::string, templateJson);
        QFETCH(std::string, row);
        QFETCH(std::string, message);
        try {
            const auto t = tb::PromptTemplate::fromJson(json::parse(templateJson));
            const auto p = tb::renderTemplate(t, json::parse(row));
            QFAIL(qPrintable(QString::fromStdString("rendered instead of failing: " + p.prompt.substr(0, 80))));
        } catch (const tb::TemplateError& e) {
            if (std::string(e.what()) != message) qWarning("got: %s", e.what());
            QCOMPARE(std::string(e.what()), message);
        }
    }

    void raiseException() {
        try {
            tb::renderChat("{% if messages[0].role != 'user' %}{{ raise_exception('Conversations must start with a user turn') }}{% endif %}",
                           json::parse(R"([{"role":"assistant","content":"x"}])"), false, json::object());
            QFAIL("no error");
        } catch (const tb::TemplateError& e) {
            qInfo("%s", e.what());
            QCOMPARE(std::string(e.what()), std::string("template 'chat_template' line 1 column 39: Conversations must start with a user turn"));
        }
    }

    void deepNestingIsAnError() {
        std::string src = "{{ " + std::string(500, '(') + "1" + std::string(500, ')') + " }}";
        QVERIFY_THROWS_EXCEPTION(tb::TemplateError, tb::jinja::JinjaTemplate("deep", src));
        std::string chain = "{{ 1";
        for (int k = 0; k < 100000; ++k) chain += " + 1";
        QVERIFY_THROWS_EXCEPTION(tb::TemplateError, tb::jinja::JinjaTemplate("chain", chain + " }}"));
        std::string filters = "{{ 'x'";
        for (int k = 0; k < 100000; ++k) filters += "|upper";
        QVERIFY_THROWS_EXCEPTION(tb::TemplateError, tb::jinja::JinjaTemplate("filters", filters + " }}"));
        std::string blocks;
        for (int k = 0; k < 5000; ++k) blocks += "{% if true %}";
        QVERIFY_THROWS_EXCEPTION(tb::TemplateError, tb::jinja::JinjaTemplate("blocks", blocks));
    }
};

QTEST_GUILESS_MAIN(TestJinjaEngine)
#include "test_jinja_engine.moc"
