// Golden token ids (llama.cpp's test vectors), transformers' add_special_tokens semantics on the
// fixtures, round trips, and clear errors for unsupported or broken tokenizer files.
#include "text/Tokenizer.h"
#include "util/Error.h"

#include <QTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using tb::Tokenizer;

namespace {

const std::string kShared = TB_SHARED_DIR;

std::string readAll(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::string idsText(const std::vector<int64_t>& ids) {
    std::string s;
    for (auto id : ids) s += (s.empty() ? "" : " ") + std::to_string(id);
    return s;
}

Tokenizer& cached(const std::string& where) {
    static std::map<std::string, std::unique_ptr<Tokenizer>> cache;
    auto& t = cache[where];
    if (!t) t = Tokenizer::fromModelDir(where);
    return *t;
}

fs::path tempDir(const char* name) {
    const fs::path d = fs::path(TB_BINARY_DIR) / "tests-tmp" / name;
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

void writeFile(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

} // namespace

class TestTokenizer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void golden_data();
    void golden();
    void storiesGolden();
    void specialTokensAsTransformers_data();
    void specialTokensAsTransformers();
    void roundTrip_data();
    void roundTrip();
    void hugeInputs();
    void mergeSpellings();
    void unsupportedComponent_data();
    void unsupportedComponent();
    void missingOrCorruptFiles();
};

void TestTokenizer::golden_data() {
    QTest::addColumn<QString>("tokenizer");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    if (!fs::exists(kShared + "/tokenizers/golden")) return;
    const std::vector<std::pair<std::string, std::string>> sets = {
        {"gpt-2", "tokenizers/gpt2"}, {"llama-spm", "tokenizers/llama2/tokenizer.model"},
        {"llama-bpe", "tokenizers/llama3"}, {"qwen2", "tokenizers/qwen"}};
    for (const auto& [name, where] : sets) {
        // llama.cpp's format: every string is followed by "\n__ggml_vocab_test__\n"; .out has one
        // line per string, each id preceded by a space.
        const std::string inp = readAll(kShared + "/tokenizers/golden/" + name + ".inp");
        const std::string sep = "\n__ggml_vocab_test__\n";
        std::vector<std::string> texts;
        for (size_t p = 0, q; (q = inp.find(sep, p)) != std::string::npos; p = q + sep.size()) texts.push_back(inp.substr(p, q - p));
        std::istringstream out(readAll(kShared + "/tokenizers/golden/" + name + ".out"));
        std::vector<std::string> lines;
        for (std::string l; std::getline(out, l);) lines.push_back(l);
        QCOMPARE(lines.size(), texts.size());
        for (size_t i = 0; i < texts.size(); ++i) {
            std::istringstream ls(lines[i]);
            std::string expected;
            for (std::string id; ls >> id;) expected += (expected.empty() ? "" : " ") + id;
            QTest::newRow((name + "/" + std::to_string(i)).c_str())
                << QString::fromStdString(kShared + "/" + where) << QString::fromStdString(texts[i]) << QString::fromStdString(expected);
        }
    }
}

void TestTokenizer::golden() {
    if (!fs::exists(kShared + "/tokenizers/golden")) QSKIP("../shared/tokenizers/golden is absent");
    QFETCH(QString, tokenizer);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto ids = cached(tokenizer.toStdString()).encode(text.toStdString(), false);
    QCOMPARE(QString::fromStdString(idsText(ids)), expected);
}

void TestTokenizer::storiesGolden() {
    const std::string dir = kShared + "/models/stories260K";
    if (!fs::exists(dir)) QSKIP("../shared/models/stories260K is absent");
    std::istringstream in(readAll(dir + "/golden_tokenization.jsonl"));
    int n = 0;
    for (const std::string& where : {dir, dir + "/tokenizer.json", dir + "/tokenizer.model"}) {
        auto t = where == dir ? Tokenizer::fromModelDir(where) : Tokenizer::fromFile(where);
        in.clear();
        in.seekg(0);
        for (std::string line; std::getline(in, line);) {
            const auto j = nlohmann::json::parse(line);
            std::vector<int64_t> expected = j["ids"].get<std::vector<int64_t>>();
            // tokenizer.json's TemplateProcessing and LlamaTokenizer's add_bos_token both add <s>
            QCOMPARE(QString::fromStdString(idsText(t->encode(j["text"].get<std::string>(), true))),
                     QString::fromStdString(idsText(expected)));
            ++n;
        }
        QCOMPARE(t->bosId(), 1);
        QCOMPARE(t->eosId(), 2);
    }
    QVERIFY(n > 3);
}

void TestTokenizer::specialTokensAsTransformers_data() {
    // Expected values: transformers 4.40.2 AutoTokenizer(fixture)(text, add_special_tokens=...)
    QTest::addColumn<QString>("dir");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("withSpecial");
    QTest::addColumn<QString>("withoutSpecial");
    const std::string f = kShared + "/fixtures/hf-tiny/";
    QTest::newRow("t5 appends </s>") << QString::fromStdString(f + "t5") << "Hello world" << "3 249 4 42 32 162 34 20 1" << "3 249 4 42 32 162 34 20";
    QTest::newRow("t5 whitespace") << QString::fromStdString(f + "t5") << " Hello  world\n" << "3 249 4 42 32 162 34 20 1" << "3 249 4 42 32 162 34 20";
    QTest::newRow("t5 empty") << QString::fromStdString(f + "flan_t5") << "" << "1" << "";
    QTest::newRow("t5 specials in text") << QString::fromStdString(f + "t5") << "<s> hi </s>" << "3 2 5 2 188 1 1" << "3 2 5 2 188 1";
    QTest::newRow("llama bos") << QString::fromStdString(f + "llama") << "Hello world" << "1 376 423 335 428 293 274 368" << "376 423 335 428 293 274 368";
    QTest::newRow("llama specials in text") << QString::fromStdString(f + "llama") << "<s> hi </s>" << "1 1 422 315 429 422 2" << "1 422 315 429 422 2";
    QTest::newRow("llama empty") << QString::fromStdString(f + "llama") << "" << "1" << "";
    QTest::newRow("gpt2 no bos") << QString::fromStdString(f + "gpt2") << " Hello  world\n" << "382 68 336 78 220 289 271 372 198" << "382 68 336 78 220 289 271 372 198";
    QTest::newRow("gpt2 eot") << QString::fromStdString(f + "gpt_neox") << "<|endoftext|>x" << "456 87" << "456 87";
    QTest::newRow("qwen2") << QString::fromStdString(f + "qwen2") << "<|endoftext|>x" << "456 87" << "456 87";
}

void TestTokenizer::specialTokensAsTransformers() {
    QFETCH(QString, dir);
    QFETCH(QString, text);
    QFETCH(QString, withSpecial);
    QFETCH(QString, withoutSpecial);
    if (!fs::exists(dir.toStdString())) QSKIP("../shared/fixtures is absent");
    auto& t = cached(dir.toStdString());
    QCOMPARE(QString::fromStdString(idsText(t.encode(text.toStdString(), true))), withSpecial);
    QCOMPARE(QString::fromStdString(idsText(t.encode(text.toStdString(), false))), withoutSpecial);
}

void TestTokenizer::roundTrip_data() {
    QTest::addColumn<QString>("dir");
    for (const char* d : {"tokenizers/gpt2", "tokenizers/llama3", "tokenizers/qwen", "tokenizers/gpt-neox", "tokenizers/mistral",
                          "tokenizers/llama2", "models/stories260K"})
        QTest::newRow(d) << QString::fromStdString(kShared + "/" + d);
}

void TestTokenizer::roundTrip() {
    QFETCH(QString, dir);
    if (!fs::exists(dir.toStdString())) QSKIP("../shared is absent");
    auto& t = cached(dir.toStdString());
    const std::string text = "Hello, world! Ünïcödé 你好 🤗 tabs\tand\nnewlines   12345";
    const std::string back = t.decode(t.encode(text, false));
    if (dir.endsWith("stories260K")) QVERIFY(!back.empty());   // 512 pieces: unk for CJK
    else QCOMPARE(QString::fromStdString(back), QString::fromStdString(text));
    QVERIFY(t.vocabSize() > 0);
    const auto ids = t.encode("hello", false);
    QVERIFY(!ids.empty());
    QCOMPARE(t.tokenToId(t.idToToken(ids[0])), ids[0]);
}

void TestTokenizer::hugeInputs() {
    // Long whitespace runs and words must neither overflow the regex engine nor go quadratic.
    const std::vector<std::string> texts = {std::string(200000, ' ') + "x", std::string(100000, 'a'),
                                            "x" + std::string(50000, '\n') + "y", std::string(30000, '7')};
    for (const char* d : {"tokenizers/qwen", "tokenizers/llama3", "tokenizers/gpt2", "tokenizers/mistral", "fixtures/hf-tiny/t5"}) {
        const std::string dir = kShared + "/" + d;
        if (!fs::exists(dir)) QSKIP("../shared is absent");
        auto& t = cached(dir);
        for (const auto& text : texts) {
            const auto ids = t.encode(text, false);
            QVERIFY(!ids.empty());
            if (std::string(d).find("t5") == std::string::npos)   // T5's normalizer collapses whitespace
                QVERIFY2(t.decode(ids) == text, d);
        }
    }
}

void TestTokenizer::mergeSpellings() {
    // The same tiny BPE written with "a b" merges and with ["a", "b"] merges.
    const auto make = [](bool pairs) {
        nlohmann::json j;
        j["model"] = {{"type", "BPE"}, {"vocab", {{"a", 0}, {"b", 1}, {"ab", 2}, {"c", 3}, {"abc", 4}}}};
        j["model"]["merges"] = pairs ? nlohmann::json::array({{"a", "b"}, {"ab", "c"}}) : nlohmann::json::array({"a b", "ab c"});
        j["pre_tokenizer"] = {{"type", "WhitespaceSplit"}};
        return j.dump();
    };
    const fs::path d = tempDir("merges");
    writeFile(d / "strings.json", make(false));
    writeFile(d / "pairs.json", make(true));
    for (const char* f : {"strings.json", "pairs.json"}) {
        auto t = Tokenizer::fromFile((d / f).string());
        QCOMPARE(QString::fromStdString(idsText(t->encode("abc ab cab", false))), QString("4 2 3 2"));
    }
}

void TestTokenizer::unsupportedComponent_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");
    const std::string model = R"("model": {"type": "BPE", "vocab": {"a": 0}, "merges": []})";
    QTest::newRow("pre_tokenizer") << QString::fromStdString("{" + model + R"(, "pre_tokenizer": {"type": "Foo"}})")
                                   << "tokenizer.json: pre_tokenizer type 'Foo' is not supported (supported: ByteLevel";
    QTest::newRow("nested normalizer") << QString::fromStdString("{" + model + R"(, "normalizer": {"type": "Sequence", "normalizers": [{"type": "Bar"}]}})")
                                       << "tokenizer.json: normalizer.normalizers[0] type 'Bar' is not supported";
    QTest::newRow("decoder") << QString::fromStdString("{" + model + R"(, "decoder": {"type": "CTC"}})")
                             << "tokenizer.json: decoder type 'CTC' is not supported";
    QTest::newRow("post_processor") << QString::fromStdString("{" + model + R"(, "post_processor": {"type": "Baz"}})")
                                    << "tokenizer.json: post_processor type 'Baz' is not supported";
    QTest::newRow("model") << R"({"model": {"type": "WordPiece2", "vocab": {}}})" << "tokenizer.json: model type 'WordPiece2' is not supported";
    QTest::newRow("bad merge") << R"({"model": {"type": "BPE", "vocab": {"a": 0}, "merges": ["a q"]}})" << "uses a token that is not in the vocab";
    QTest::newRow("bad regex") << QString::fromStdString("{" + model + R"(, "pre_tokenizer": {"type": "Split", "pattern": {"Regex": "(a"}, "behavior": "Isolated"}})")
                               << "regex '(a' does not compile";
}

void TestTokenizer::unsupportedComponent() {
    QFETCH(QString, json);
    QFETCH(QString, message);
    const fs::path d = tempDir("unsupported");
    writeFile(d / "tokenizer.json", json.toStdString());
    for (int viaDir = 0; viaDir < 2; ++viaDir) {
        try {
            if (viaDir) Tokenizer::fromModelDir(d.string());
            else Tokenizer::fromFile((d / "tokenizer.json").string());
            QFAIL("no error for an unsupported component");
        } catch (const tb::Error& e) {
            QVERIFY2(std::string(e.what()).find(message.toStdString()) != std::string::npos, e.what());
        }
    }
}

void TestTokenizer::missingOrCorruptFiles() {
    const fs::path d = tempDir("corrupt");
    const auto expectError = [](const std::function<void()>& fn, const std::string& part) {
        try {
            fn();
        } catch (const tb::Error& e) {
            QVERIFY2(std::string(e.what()).find(part) != std::string::npos, e.what());
            return;
        }
        QFAIL(("no error, expected one containing: " + part).c_str());
    };
    expectError([&] { Tokenizer::fromModelDir((d / "nope").string()); }, "does not exist");
    expectError([&] { Tokenizer::fromFile((d / "nope.json").string()); }, "does not exist");
    fs::create_directories(d / "empty");
    expectError([&] { Tokenizer::fromModelDir((d / "empty").string()); }, "no tokenizer found");
    writeFile(d / "broken.json", "{\"model\": {\"type\": \"BPE\", ");
    expectError([&] { Tokenizer::fromFile((d / "broken.json").string()); }, "is not valid JSON");
    writeFile(d / "noise.model", "this is not a protobuf");
    expectError([&] { Tokenizer::fromFile((d / "noise.model").string()); }, "is not a valid sentencepiece model");
    writeFile(d / "layout.json", R"({"model": {"type": "BPE", "vocab": [1, 2]}})");
    expectError([&] { Tokenizer::fromFile((d / "layout.json").string()); }, "model.vocab must be an object");
    fs::create_directories(d / "gpt2");
    writeFile(d / "gpt2" / "vocab.json", R"({"a": 0, "b": 1})");
    writeFile(d / "gpt2" / "merges.txt", "#version: 0.2\na b c\n");
    expectError([&] { Tokenizer::fromModelDir((d / "gpt2").string()); }, "merges.txt");
    writeFile(d / "other.txt", "x");
    expectError([&] { Tokenizer::fromFile((d / "other.txt").string()); }, "expected tokenizer.json or a sentencepiece .model");
}

QTEST_GUILESS_MAIN(TestTokenizer)
#include "test_tokenizer.moc"
