#include "ui/evaluate/EvalResults.h"

#include "eval/ComparisonRunner.h"
#include "workspace/EvaluationRepository.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QHash>
#include <QMap>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <limits>

namespace tb { namespace ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString qs(const std::string& s) { return QString::fromStdString(s); }

double rougeLOf(const nlohmann::json& scores) {
    if (!scores.is_object() || !scores.contains("rougeL") || !scores["rougeL"].is_object()) return kNaN;
    const auto& r = scores["rougeL"];
    return r.contains("fmeasure") && r["fmeasure"].is_number() ? r["fmeasure"].get<double>() : kNaN;
}

// obj[key] when obj is an object that has it, else `fallback` (stored JSON is never trusted).
nlohmann::json field(const nlohmann::json& obj, const char* key, nlohmann::json fallback) {
    return obj.is_object() && obj.contains(key) ? obj[key] : fallback;
}

QString sourceText(const nlohmann::json& cfg) {
    const auto src = field(cfg, "source", nlohmann::json::object());
    if (src.contains("instructions") && src["instructions"].is_string()) {
        const auto split = field(src, "split", "test");
        return QStringLiteral("%1 / %2").arg(qs(src["instructions"].get<std::string>()),
                                            qs(split.is_string() ? split.get<std::string>() : std::string()));
    }
    if (src.contains("data") && src["data"].is_string()) return qs(src["data"].get<std::string>());
    return QString();
}

QString csvField(const QString& s) {
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')) &&
        !s.contains(QLatin1Char('\r')))
        return s;
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString number(double v) { return std::isfinite(v) ? QString::number(v, 'g', 10) : QString(); }

bool writeFile(const QString& path, const QByteArray& data, QString* error) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        if (error) *error = EvalResults::tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace

double EvalResults::gain(const Example& e) const {
    if (models.size() < 2 || e.rougeL.size() < 2) return kNaN;
    const double first = e.rougeL.first(), last = e.rougeL.last();
    return std::isfinite(first) && std::isfinite(last) ? last - first : kNaN;
}

EvalResults EvalResults::fromComparison(const eval::ComparisonResult& r) {
    EvalResults out;
    out.status = r.cancelled ? QStringLiteral("cancelled") : QStringLiteral("finished");
    out.deltas = r.deltas;
    QMap<qint64, int> rowOf;
    const int n = int(r.models.size());
    for (int mi = 0; mi < n; ++mi) {
        const auto& m = r.models[size_t(mi)];
        out.models << qs(m.spec.label);
        out.aggregates << m.aggregate;
        for (const auto& ex : m.examples) {
            auto it = rowOf.find(ex.index);
            if (it == rowOf.end()) {
                Example e;
                e.index = ex.index;
                e.prompt = qs(ex.prompt);
                e.reference = ex.references.empty() ? QString() : qs(ex.references.front());
                for (int k = 0; k < n; ++k) {
                    e.outputs << QString();
                    e.rougeL << kNaN;
                }
                out.examples << e;
                it = rowOf.insert(ex.index, int(out.examples.size()) - 1);
            }
            Example& e = out.examples[it.value()];
            e.outputs[mi] = qs(ex.prediction);
            e.rougeL[mi] = rougeLOf(ex.scores);
        }
    }
    std::sort(out.examples.begin(), out.examples.end(), [](const Example& a, const Example& b) { return a.index < b.index; });
    return out;
}

EvalResults EvalResults::fromRepository(const std::shared_ptr<Workspace>& ws, qint64 id) {
    EvalResults out;
    if (!ws || id <= 0) return out;
    EvaluationRepository repo(ws);
    const auto ev = repo.find(id);
    if (!ev) return out;
    out.evaluationId = ev->id;
    out.name = ev->name;
    out.status = ev->status;
    out.source = sourceText(ev->config);
    const auto modelDir = field(ev->config, "model_dir", "");
    out.modelDir = modelDir.is_string() ? qs(modelDir.get<std::string>()) : QString();
    const auto preds = repo.predictions(id);
    // The models in the order they were evaluated (the config keeps it); then any other label.
    const auto configModels = field(ev->config, "models", nlohmann::json::array());
    if (configModels.is_array())
        for (const auto& m : configModels)
            if (m.is_object() && m.contains("label") && m["label"].is_string()) out.models << qs(m["label"].get<std::string>());
    for (const auto& p : preds)
        if (!out.models.contains(qs(p.modelLabel))) out.models << qs(p.modelLabel);
    const int n = int(out.models.size());
    const auto aggModels = field(ev->aggregates, "models", nlohmann::json::object());
    for (const QString& label : out.models) {
        const std::string key = label.toStdString();
        out.aggregates << (aggModels.is_object() && aggModels.contains(key) ? aggModels[key] : nlohmann::json::object());
    }
    out.deltas = field(ev->aggregates, "deltas", nlohmann::json::object());
    QMap<qint64, int> rowOf;
    for (const auto& p : preds) {
        const int mi = int(out.models.indexOf(qs(p.modelLabel)));
        auto it = rowOf.find(p.exampleIdx);
        if (it == rowOf.end()) {
            Example e;
            e.index = p.exampleIdx;
            e.prompt = qs(p.prompt);
            e.reference = p.references.empty() ? QString() : qs(p.references.front());
            for (int k = 0; k < n; ++k) {
                e.outputs << QString();
                e.rougeL << kNaN;
            }
            out.examples << e;
            it = rowOf.insert(p.exampleIdx, int(out.examples.size()) - 1);
        }
        Example& e = out.examples[it.value()];
        e.outputs[mi] = qs(p.prediction);
        e.rougeL[mi] = rougeLOf(p.scores);
    }
    std::sort(out.examples.begin(), out.examples.end(), [](const Example& a, const Example& b) { return a.index < b.index; });
    return out;
}

qint64 EvalResults::latestEvaluationId(const std::shared_ptr<Workspace>& ws) {
    if (!ws) return 0;
    const auto list = EvaluationRepository(ws).list();
    for (auto it = list.crbegin(); it != list.crend(); ++it) {
        if (it->status != QStringLiteral("finished") && it->status != QStringLiteral("cancelled")) continue;
        const auto task = field(it->config, "task", "primary");
        if (task.is_string() && task.get<std::string>() != "primary") continue;
        return it->id;
    }
    return 0;
}

bool EvalResults::writeCsv(const QString& path, QString* error) const {
    QStringList header = {QStringLiteral("index"), QStringLiteral("prompt"), QStringLiteral("reference")};
    for (const QString& m : models) header << QStringLiteral("output: %1").arg(m);
    for (const QString& m : models) header << QStringLiteral("rougeL: %1").arg(m);
    if (models.size() >= 2) header << QStringLiteral("gain");
    QString text;
    auto line = [&](const QStringList& fields) {
        QStringList q;
        for (const QString& f : fields) q << csvField(f);
        text += q.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    line(header);
    for (const Example& e : examples) {
        QStringList row = {QString::number(e.index), e.prompt, e.reference};
        row << e.outputs;
        for (double v : e.rougeL) row << number(v);
        if (models.size() >= 2) row << number(gain(e));
        line(row);
    }
    return writeFile(path, text.toUtf8(), error);
}

bool EvalResults::writeJson(const QString& path, QString* error) const {
    nlohmann::json j;
    j["evaluation_id"] = evaluationId;
    j["name"] = name.toStdString();
    j["status"] = status.toStdString();
    j["source"] = source.toStdString();
    j["model_dir"] = modelDir.toStdString();
    j["models"] = nlohmann::json::array();
    j["aggregates"] = nlohmann::json::object();
    for (int i = 0; i < models.size(); ++i) {
        j["models"].push_back(models[i].toStdString());
        j["aggregates"][models[i].toStdString()] = i < aggregates.size() ? aggregates[i] : nlohmann::json::object();
    }
    j["deltas"] = deltas;
    auto num = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
    nlohmann::json rows = nlohmann::json::array();
    for (const Example& e : examples) {
        nlohmann::json r;
        r["index"] = e.index;
        r["prompt"] = e.prompt.toStdString();
        r["reference"] = e.reference.toStdString();
        r["predictions"] = nlohmann::json::object();
        r["rougeL"] = nlohmann::json::object();
        for (int i = 0; i < models.size(); ++i) {
            const std::string key = models[i].toStdString();
            r["predictions"][key] = i < e.outputs.size() ? e.outputs[i].toStdString() : std::string();
            r["rougeL"][key] = num(i < e.rougeL.size() ? e.rougeL[i] : kNaN);
        }
        r["gain"] = num(gain(e));
        rows.push_back(r);
    }
    j["examples"] = rows;
    const std::string dumped = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    return writeFile(path, QByteArray::fromStdString(dumped), error);
}

} } // namespace tb::ui
