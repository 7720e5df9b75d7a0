// JSONL and streamed JSON arrays: values kept as JSON (nested, numbers, booleans), element
// lines, and each malformed record reported with its line and column.
#include "RecordCollector.h"
#include "data/JsonReaders.h"

#include <QtTest>

#include <sstream>

Q_DECLARE_METATYPE(std::string)

namespace {
template <class Reader>
RecordCollector readWith(const std::string& text) {
    std::istringstream in(text);
    Reader r(in, "t.json");
    RecordCollector c;
    r.read(c);
    return c;
}
std::string dumpRows(const RecordCollector& c) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& r : c.rows) a.push_back(r);
    return a.dump();
}
std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& e : v) s += (s.empty() ? "" : " | ") + e;
    return s;
}
} // namespace

class TestJsonReaders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonl_data() {
        QTest::addColumn<std::string>("input");
        QTest::addColumn<std::string>("rows");
        QTest::addColumn<std::string>("errors");
        QTest::newRow("values kept") << std::string("{\"a\":1,\"b\":true,\"c\":{\"d\":[1,2.5,null]},\"e\":\"x\"}\n")
                                     << std::string(R"([{"a":1,"b":true,"c":{"d":[1,2.5,null]},"e":"x"}])") << std::string();
        QTest::newRow("crlf, blank lines, bom, no final newline")
            << std::string("\xEF\xBB\xBF{\"a\":1}\r\n\r\n  \n{\"a\":2}") << std::string(R"([{"a":1},{"a":2}])") << std::string();
        QTest::newRow("parse error at line 3")
            << std::string("{\"a\":1}\n{\"a\":2}\n{\"a\": oops}\n{\"a\":4}\n") << std::string(R"([{"a":1},{"a":2},{"a":4}])")
            << std::string("3: JSON parse error at line 3 column 7: syntax error while parsing value - invalid literal; last read: '\"a\": o'");
        QTest::newRow("not an object") << std::string("[1,2]\n\"s\"\n{\"a\":1}\n") << std::string(R"([{"a":1}])")
                                       << std::string("1: line 1 is an array, not a JSON object ({\"field\": value, ...}) | 2: line 2 is a string, not a JSON object ({\"field\": value, ...})");
        QTest::newRow("invalid utf8") << std::string("{\"a\":\"ok\"}\n{\"a\":\"b\xC3\x28\"}\n") << std::string(R"([{"a":"ok"}])")
                                      << std::string("2: invalid UTF-8 at line 2 byte 8 (a multi-byte sequence is cut off)");
        QTest::newRow("truncated object") << std::string("{\"a\":1\n") << std::string("[]")
                                          << std::string("1: JSON parse error at line 1 column 7: syntax error while parsing object - unexpected end of input; expected '}'");
    }
    void jsonl() {
        QFETCH(std::string, input);
        QFETCH(std::string, rows);
        QFETCH(std::string, errors);
        RecordCollector c = readWith<tb::JsonlReader>(input);
        QCOMPARE(QString::fromStdString(dumpRows(c)), QString::fromStdString(rows));
        QCOMPARE(QString::fromStdString(joined(c.errors)), QString::fromStdString(errors));
    }

    void array_data() {
        QTest::addColumn<std::string>("input");
        QTest::addColumn<std::string>("rows");
        QTest::addColumn<std::string>("errors");
        QTest::newRow("values kept") << std::string("[{\"a\":1,\"n\":{\"x\":[{\"y\":false}],\"z\":{}},\"f\":-1.5e3,\"u\":18446744073709551615}]")
                                     << std::string(R"([{"a":1,"f":-1500.0,"n":{"x":[{"y":false}],"z":{}},"u":18446744073709551615}])") << std::string();
        QTest::newRow("empty array") << std::string(" [ ] ") << std::string("[]") << std::string();
        QTest::newRow("bom and whitespace") << std::string("\xEF\xBB\xBF\n[\n {\"a\":1},\n {\"a\":2}\n]\n") << std::string(R"([{"a":1},{"a":2}])") << std::string();
        QTest::newRow("non-object elements skipped")
            << std::string("[\n{\"a\":1},\n\"s\",\n[1],\n{\"a\":2}\n]") << std::string(R"([{"a":1},{"a":2}])")
            << std::string("3: element 2 (line 3) is a string, not an object | 4: element 3 (line 4) is an array, not an object");
        QTest::newRow("syntax error at line 4 is fatal")
            << std::string("[\n{\"a\":1},\n{\"a\":2},\n{\"a\":3,,},\n{\"a\":4}\n]") << std::string(R"([{"a":1},{"a":2}])")
            << std::string("4: JSON parse error at line 4 column 8: syntax error while parsing object key - unexpected ','; expected string literal [fatal]");
        QTest::newRow("missing closing bracket")
            << std::string("[{\"a\":1},\n{\"a\":2}\n") << std::string(R"([{"a":1},{"a":2}])")
            << std::string("3: JSON parse error at line 3 column 1: syntax error while parsing array - unexpected end of input; expected ']' [fatal]");
        QTest::newRow("top-level object")
            << std::string("{\"data\":[]}") << std::string("[]")
            << std::string("1: expected a JSON array of objects ([{...}, {...}]) but the file starts with an object; for one object per line use --format jsonl [fatal]");
        QTest::newRow("invalid utf8 in a string")
            << std::string("[{\"a\":\"x\"},\n{\"a\":\"\xFF\"}]") << std::string(R"([{"a":"x"}])")
            << std::string("2: invalid UTF-8 at line 2 byte 7 [fatal]");
    }
    void array() {
        QFETCH(std::string, input);
        QFETCH(std::string, rows);
        QFETCH(std::string, errors);
        RecordCollector c = readWith<tb::JsonArrayReader>(input);
        QCOMPARE(QString::fromStdString(dumpRows(c)), QString::fromStdString(rows));
        QCOMPARE(QString::fromStdString(joined(c.errors)), QString::fromStdString(errors));
    }

    void arrayElementLines() {
        RecordCollector c = readWith<tb::JsonArrayReader>("[\n  {\"a\": 1},\n\n  {\"a\":\n 2}, {\"a\": 3}\n]");
        QCOMPARE(c.lines, (std::vector<int64_t>{2, 4, 5}));
        RecordCollector k = readWith<tb::JsonArrayReader>("[{\"z\":1,\"a\":{\"q\":2},\"m\":3}]");
        QCOMPARE(k.keys.at(0), (std::vector<std::string>{"z", "a", "m"}));
        RecordCollector l = readWith<tb::JsonlReader>("{\"z\":1,\"a\":{\"q\":2},\"m\":3}\n");
        QCOMPARE(l.keys.at(0), (std::vector<std::string>{"z", "a", "m"}));
    }
};

QTEST_GUILESS_MAIN(TestJsonReaders)
#include "test_json_readers.moc"
