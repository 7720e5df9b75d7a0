#include "ui/datasets/DatasetExporter.h"

#include "ui/datasets/DatasetTableModel.h"
#include "util/Error.h"
#include "workspace/DatasetRepository.h"

#include <QSaveFile>

namespace tb { namespace ui {

namespace {

QByteArray csvField(const QString& s) {
    QByteArray b = s.toUtf8();
    if (b.contains(',') || b.contains('"') || b.contains('\n') || b.contains('\r')) {
        b.replace("\"", "\"\"");
        b = '"' + b + '"';
    }
    return b;
}

} // namespace

DatasetExporter::Format DatasetExporter::formatForPath(const QString& path) {
    if (path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) return Format::Csv;
    if (path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)) return Format::Json;
    return Format::Jsonl;
}

qint64 DatasetExporter::write(const tb::DatasetRepository& repo, const QString& dataset, const QString& path, Format format) {
    const auto info = repo.require(dataset);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        throw tb::Error("cannot write " + path.toStdString() + ": " + f.errorString().toStdString());
    qint64 n = 0;
    if (format == Format::Csv) {
        QByteArray head;
        for (int i = 0; i < info.columns.size(); ++i) head += (i ? "," : "") + csvField(info.columns[i]);
        f.write(head + "\r\n");
    } else if (format == Format::Json) {
        f.write("[\n");
    }
    repo.forEachRow(dataset, [&](qint64, const nlohmann::json& row) {
        if (format == Format::Csv) {
            QByteArray line;
            for (int i = 0; i < info.columns.size(); ++i) {
                const auto it = row.find(info.columns[i].toStdString());
                line += (i ? "," : "") + csvField(it == row.end() ? QString() : DatasetTableModel::displayText(*it));
            }
            f.write(line + "\r\n");
        } else {
            const std::string s = row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            if (format == Format::Json && n > 0) f.write(",\n");
            f.write(s.data(), qint64(s.size()));
            if (format == Format::Jsonl) f.write("\n");
        }
        ++n;
        return true;
    });
    if (format == Format::Json) f.write("\n]\n");
    if (!f.commit()) throw tb::Error("cannot write " + path.toStdString() + ": " + f.errorString().toStdString());
    return n;
}

} } // namespace tb::ui
