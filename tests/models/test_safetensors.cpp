// safetensors reader/writer: round trip of every dtype, and a clear error for each kind of
// damage (truncation, offsets out of range, overlap, size mismatch, bad JSON, pickles only).
#include "ModelTestUtil.h"

#include "io/SafeTensorsFile.h"
#include "models/TensorIO.h"
#include "util/Error.h"

#include <torch/torch.h>

#include <QTemporaryDir>

using namespace tb;

namespace {

// A file with the given JSON header and `dataBytes` zero bytes of data.
void writeRaw(const std::string& path, const std::string& header, size_t dataBytes) {
    std::ofstream out(path, std::ios::binary);
    uint64_t n = header.size();
    for (int i = 0; i < 8; ++i) out.put(static_cast<char>(n >> (8 * i)));
    out << header;
    out << std::string(dataBytes, '\0');
}

QString errorOf(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class TestSafeTensors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void truncatedFile();
    void offsetsOutOfRange();
    void overlappingOffsets();
    void sizeMismatch();
    void badHeader();
    void onlyPickleWeights();
    void shardedFolder();
};

void TestSafeTensors::roundTrip() {
    QTemporaryDir tmp;
    const auto path = tmp.filePath(QStringLiteral("t.safetensors")).toStdString();
    std::vector<std::pair<std::string, torch::Tensor>> in{
        {"f32", torch::randn({3, 4})},
        {"f16", torch::randn({5}).to(torch::kFloat16)},
        {"bf16", torch::randn({2, 2}).to(torch::kBFloat16)},
        {"i64", torch::arange(7, torch::kInt64)},
        {"i32", torch::arange(3, torch::kInt32)},
        {"u8", torch::arange(4, torch::kUInt8)},
        {"empty", torch::zeros({0, 3})},
    };
    saveTensors(path, in, {{"format", "pt"}});
    auto f = SafeTensorsFile::open(path);
    QCOMPARE(f->metadata().at("format"), std::string("pt"));
    auto back = readAllTensors(path);
    QCOMPARE(back.size(), in.size());
    for (const auto& [name, t] : in) {
        QVERIFY2(back.count(name), name.c_str());
        QCOMPARE(back[name].scalar_type(), t.scalar_type());
        QVERIFY2(torch::equal(back[name], t), name.c_str());
    }
}

void TestSafeTensors::truncatedFile() {
    QTemporaryDir tmp;
    const auto path = tmp.filePath(QStringLiteral("t.safetensors")).toStdString();
    saveTensors(path, {{"w", torch::randn({16, 16})}});
    std::filesystem::resize_file(path, std::filesystem::file_size(path) - 100);
    auto msg = errorOf([&] { SafeTensorsFile::open(path); });
    QVERIFY2(msg.contains(QStringLiteral("outside the data area")) && msg.contains(QStringLiteral("truncated")), qPrintable(msg));
    std::filesystem::resize_file(path, 20);   // inside the header
    msg = errorOf([&] { SafeTensorsFile::open(path); });
    QVERIFY2(msg.contains(QStringLiteral("truncated")), qPrintable(msg));
    std::filesystem::resize_file(path, 5);
    msg = errorOf([&] { SafeTensorsFile::open(path); });
    QVERIFY2(msg.contains(QStringLiteral("truncated")), qPrintable(msg));
}

void TestSafeTensors::offsetsOutOfRange() {
    QTemporaryDir tmp;
    const auto path = tmp.filePath(QStringLiteral("t.safetensors")).toStdString();
    writeRaw(path, R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[1000,1008]}})", 8);
    auto msg = errorOf([&] { SafeTensorsFile::open(path); });
    QVERIFY2(msg.contains(QStringLiteral("'a'")) && msg.contains(QStringLiteral("outside the data area")), qPrintable(msg));
    writeRaw(path, R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}})", 8);
    msg = errorOf([&] { SafeTensorsFile::open(path); });
    QVERIFY2(msg.contains(QStringLiteral("end < begin")), qPrintable(msg));
}

void TestSafeTensors::overlappingOffsets() {
    QTemporaryDir tmp;
    const auto path = tmp.filePath(QStringLiteral("t.safetensors")).toStdString();
    writeRaw(path, R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", 12);
    auto msg = errorOf([&] { SafeTensorsFile::open(path); });
    QVERIFY2(msg.contains(QStringLiteral("overlap")), qPrintable(msg));
}

void TestSafeTensors::sizeMismatch() {
    QTemporaryDir tmp;
    const auto path = tmp.filePath(QStringLiteral("t.safetensors")).toStdString();
    writeRaw(path, R"({"a":{"dtype":"F16","shape":[3],"data_offsets":[0,8]}})", 8);
    auto msg = errorOf([&] { SafeTensorsFile::open(path); });
    QVERIFY2(msg.contains(QStringLiteral("needs 6")), qPrintable(msg));
    writeRaw(path, R"({"a":{"dtype":"Q4","shape":[4],"data_offsets":[0,2]}})", 2);
    msg = errorOf([&] { SafeTensorsFile::open(path); });
    QVERIFY2(msg.contains(QStringLiteral("unknown dtype")), qPrintable(msg));
}

void TestSafeTensors::badHeader() {
    QTemporaryDir tmp;
    const auto path = tmp.filePath(QStringLiteral("t.safetensors")).toStdString();
    writeRaw(path, "{not json", 0);
    auto msg = errorOf([&] { SafeTensorsFile::open(path); });
    QVERIFY2(msg.contains(QStringLiteral("not valid JSON")), qPrintable(msg));
    {
        std::ofstream out(path, std::ios::binary);
        out << std::string("\xff\xff\xff\xff\xff\xff\xff\x7f", 8) << "{}";
    }
    msg = errorOf([&] { SafeTensorsFile::open(path); });
    QVERIFY2(msg.contains(QStringLiteral("implausibly large")), qPrintable(msg));
}

void TestSafeTensors::onlyPickleWeights() {
    QTemporaryDir tmp;
    std::ofstream(tmp.filePath(QStringLiteral("pytorch_model.bin")).toStdString()) << "PK";
    auto msg = errorOf([&] { SafeTensorsSet::openModelDir(tmp.path().toStdString()); });
    QVERIFY2(msg.contains(QStringLiteral("only safetensors")) && msg.contains(QStringLiteral("safe_serialization=True")), qPrintable(msg));
}

void TestSafeTensors::shardedFolder() {
    QTemporaryDir tmp;
    const auto dir = tmp.path().toStdString();
    saveTensors(dir + "/model-00001-of-00002.safetensors", {{"a", torch::ones({2})}});
    saveTensors(dir + "/model-00002-of-00002.safetensors", {{"b", torch::zeros({3})}});
    std::ofstream(dir + "/model.safetensors.index.json")
        << R"({"metadata":{},"weight_map":{"a":"model-00001-of-00002.safetensors","b":"model-00002-of-00002.safetensors"}})";
    auto set = SafeTensorsSet::openModelDir(dir);
    QCOMPARE(set.names(), (std::vector<std::string>{"a", "b"}));
    QVERIFY(set.find("b") != nullptr);
    QCOMPARE(set.find("b")->shape, std::vector<int64_t>{3});
    std::filesystem::remove(dir + "/model-00002-of-00002.safetensors");
    auto msg = errorOf([&] { SafeTensorsSet::openModelDir(dir); });
    QVERIFY2(msg.contains(QStringLiteral("missing")), qPrintable(msg));
}

QTEST_GUILESS_MAIN(TestSafeTensors)
#include "test_safetensors.moc"
