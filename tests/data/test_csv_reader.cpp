// RFC 4180 cases for the streaming CSV reader: quoting, doubled quotes, multi-line fields,
// line endings, BOM, delimiter detection, and each malformed record reported with its line.
#include "RecordCollector.h"
#include "data/CsvReader.h"

#include <QtTest>

#include <sstream>

Q_DECLARE_METATYPE(std::string)

namespace {
RecordCollector readCsv(const std::string& text, char delim = ',', bool header = true) {
    std::istringstream in(text);
    tb::CsvReader r(in, "t.csv", {delim, header});
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

class TestCsvReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data() {
        QTest::addColumn<std::string>("input");
        QTest::addColumn<std::string>("rows");     // JSON array of objects (key order: sorted by nlohmann)
        QTest::addColumn<std::string>("errors");   // " | "-joined
        QTest::newRow("simple") << std::string("a,b\n1,2\n3,4\n") << std::string(R"([{"a":"1","b":"2"},{"a":"3","b":"4"}])") << std::string();
        QTest::newRow("no final newline") << std::string("a,b\n1,2") << std::string(R"([{"a":"1","b":"2"}])") << std::string();
        QTest::newRow("crlf") << std::string("a,b\r\n1,2\r\n3,4\r\n") << std::string(R"([{"a":"1","b":"2"},{"a":"3","b":"4"}])") << std::string();
        QTest::newRow("lone cr") << std::string("a,b\r1,2\r") << std::string(R"([{"a":"1","b":"2"}])") << std::string();
        QTest::newRow("quoted delimiter") << std::string("a,b\n\"x,y\",2\n") << std::string(R"([{"a":"x,y","b":"2"}])") << std::string();
        QTest::newRow("doubled quotes") << std::string("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n") << std::string("[{\"a\":\"say \\\"hi\\\"\",\"b\":\"\\\"\"}]") << std::string();
        QTest::newRow("multi-line field") << std::string("a,b\n\"line1\nline2\r\nline3\",2\n5,6\n") << std::string("[{\"a\":\"line1\\nline2\\r\\nline3\",\"b\":\"2\"},{\"a\":\"5\",\"b\":\"6\"}]") << std::string();
        QTest::newRow("empty fields") << std::string("a,b,c\n,,\n\"\",x,\n") << std::string(R"([{"a":"","b":"","c":""},{"a":"","b":"x","c":""}])") << std::string();
        QTest::newRow("blank lines skipped") << std::string("a\n\n1\n\n2\n") << std::string(R"([{"a":"1"},{"a":"2"}])") << std::string();
        QTest::newRow("quoted empty line is a record") << std::string("a\n\"\"\n") << std::string(R"([{"a":""}])") << std::string();
        QTest::newRow("bom") << std::string("\xEF\xBB\xBFid,text\n1,caf\xC3\xA9\n") << std::string(R"([{"id":"1","text":"café"}])") << std::string();
        QTest::newRow("spaces kept") << std::string("a,b\n 1 , 2 \n") << std::string(R"([{"a":" 1 ","b":" 2 "}])") << std::string();
        QTest::newRow("quote inside unquoted field is literal") << std::string("a\n5\" disk\n") << std::string("[{\"a\":\"5\\\" disk\"}]") << std::string();
        QTest::newRow("duplicate and empty header names") << std::string("x,x,\n1,2,3\n") << std::string(R"([{"col3":"3","x":"1","x_2":"2"}])") << std::string();
        QTest::newRow("ragged rows") << std::string("a,b,c\n1,2,3\n1,2,3,4\n1,2\n7,8,9\n")
                                     << std::string(R"([{"a":"1","b":"2","c":"3"},{"a":"7","b":"8","c":"9"}])")
                                     << std::string("3: row has 4 fields but the header has 3 | 4: row has 2 fields but the header has 3");
        QTest::newRow("ragged after multi-line") << std::string("a,b\n\"x\ny\",1,2\n3,4\n") << std::string(R"([{"a":"3","b":"4"}])")
                                                 << std::string("2: row has 3 fields but the header has 2");
        QTest::newRow("unterminated quote") << std::string("a,b\n1,2\n3,\"oops\n4,5\n") << std::string(R"([{"a":"1","b":"2"}])")
                                            << std::string("3: unterminated quote: the quoted field that opens at line 3 is not closed before the end of the file [fatal]");
        QTest::newRow("stray char after closing quote") << std::string("a,b\n\"x\"y,2\n3,4\n") << std::string(R"([{"a":"3","b":"4"}])")
                                                        << std::string("2: unexpected character after the closing quote at line 2 byte 4 (a quote inside a quoted field must be doubled)");
        QTest::newRow("invalid utf8") << std::string("a,b\n1,2\nok,bad\xFF\x41\n3,4\n") << std::string(R"([{"a":"1","b":"2"},{"a":"3","b":"4"}])")
                                      << std::string("3: invalid UTF-8 at line 3 byte 7");
        QTest::newRow("overlong utf8") << std::string("a\n\xC0\xAF\n") << std::string("[]") << std::string("2: invalid UTF-8 at line 2 byte 1");
        QTest::newRow("surrogate utf8") << std::string("a\n\xED\xA0\x80\n") << std::string("[]") << std::string("2: invalid UTF-8 at line 2 byte 1");
        QTest::newRow("truncated utf8 at line end") << std::string("a\nx\xE2\x82\n") << std::string("[]") << std::string("2: invalid UTF-8 at line 2 byte 2 (a multi-byte sequence is cut off)");
        QTest::newRow("invalid utf8 in multi-line field") << std::string("a\n\"l1\nl2\xFE\"\n") << std::string("[]") << std::string("2: invalid UTF-8 at line 3 byte 3");
    }
    void parse() {
        QFETCH(std::string, input);
        QFETCH(std::string, rows);
        QFETCH(std::string, errors);
        RecordCollector c = readCsv(input);
        QCOMPARE(QString::fromStdString(dumpRows(c)), QString::fromStdString(rows));
        QCOMPARE(QString::fromStdString(joined(c.errors)), QString::fromStdString(errors));
    }

    void recordLines() {
        RecordCollector c = readCsv("a,b\n1,2\n\"multi\nline\",3\n\n4,5\n");
        QCOMPARE(c.lines, (std::vector<int64_t>{2, 3, 6}));
    }

    void noHeader() {
        RecordCollector c = readCsv("1,2\n3,4\n", ',', false);
        QCOMPARE(QString::fromStdString(dumpRows(c)), QStringLiteral(R"([{"col1":"1","col2":"2"},{"col1":"3","col2":"4"}])"));
    }

    void tabAndSemicolon() {
        RecordCollector t = readCsv("a\tb\n\"x\ty\"\t2\n", '\t');
        QCOMPARE(QString::fromStdString(dumpRows(t)), QStringLiteral("[{\"a\":\"x\\ty\",\"b\":\"2\"}]"));
        RecordCollector s = readCsv("a;b\n1,5;2\n", ';');
        QCOMPARE(QString::fromStdString(dumpRows(s)), QStringLiteral(R"([{"a":"1,5","b":"2"}])"));
    }

    void detectDelimiter_data() {
        QTest::addColumn<std::string>("sample");
        QTest::addColumn<char>("expected");
        QTest::newRow("comma") << std::string("a,b,c\n1,2,3\n") << ',';
        QTest::newRow("tab") << std::string("a\tb\n1\t2\n") << '\t';
        QTest::newRow("semicolon with decimal commas") << std::string("a;b\n1,5;2,5\n3,0;4\n") << ';';
        QTest::newRow("pipe") << std::string("a|b\n1|2\n") << '|';
        QTest::newRow("quoted commas ignored") << std::string("a\tb\n\"x,y,z\"\t2\n") << '\t';
        QTest::newRow("single column") << std::string("text\nhello\n") << ',';
        QTest::newRow("bom") << std::string("\xEF\xBB\xBF" "a;b\n1;2\n") << ';';
    }
    void detectDelimiter() {
        QFETCH(std::string, sample);
        QFETCH(char, expected);
        QCOMPARE(tb::CsvReader::detectDelimiter(sample), expected);
    }

    // Records split across the reader's 64 KiB chunk boundary parse the same.
    void chunkBoundaries() {
        std::string text = "id,text\n";
        std::vector<std::string> expect;
        for (int i = 0; i < 5000; ++i) {
            std::string v = "row " + std::to_string(i) + " \"q\" , and\r\nnew line " + std::string(static_cast<std::size_t>(i % 37), 'x');
            std::string quoted;
            for (char ch : v) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            text += std::to_string(i) + ",\"" + quoted + "\"\r\n";
            expect.push_back(v);
        }
        RecordCollector c = readCsv(text);
        QVERIFY2(c.errors.empty(), c.errors.empty() ? "" : c.errors.front().c_str());
        QCOMPARE(c.rows.size(), expect.size());
        for (std::size_t i = 0; i < expect.size(); ++i)
            QCOMPARE(c.rows[i]["text"].get<std::string>(), expect[i]);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "test_csv_reader.moc"
