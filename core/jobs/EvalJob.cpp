#include "jobs/EvalJob.h"

#include "util/Error.h"
#include "workspace/EvaluationRepository.h"
#include "workspace/RunRepository.h"
#include "workspace/Workspace.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace tb {

namespace {

// An instruction set's split with its references (refs column; the completion when empty).
std::vector<eval::EvalExample> instructionSplit(const std::shared_ptr<Workspace>& ws, const QString& set,
                                                const QString& split) {
    if (!ws) throw UsageError("--instructions needs a workspace");
    QSqlQuery q(ws->db());
    q.prepare(QStringLiteral("SELECT e.prompt, e.completion, e.refs FROM instruction_examples e JOIN instruction_sets s"
                             " ON s.id = e.set_id WHERE s.name = ? AND e.split = ? ORDER BY e.idx"));
    q.addBindValue(set);
    q.addBindValue(split);
    if (!q.exec()) throw WorkspaceError(WorkspaceError::Kind::Sql, q.lastError().text().toStdString());
    std::vector<eval::EvalExample> out;
    while (q.next()) {
        eval::EvalExample ex;
        ex.prompt = q.value(0).toString().toStdString();
        const auto refs = nlohmann::json::parse(q.value(2).toString().toStdString(), nullptr, false);
        if (refs.is_array())
            for (const auto& r : refs)
                if (r.is_string()) ex.references.push_back(r.get<std::string>());
        if (ex.references.empty()) ex.references.push_back(q.value(1).toString().toStdString());
        out.push_back(std::move(ex));
    }
    if (out.empty()) {
        QSqlQuery s(ws->db());
        s.prepare(QStringLiteral("SELECT count(*) FROM instruction_sets WHERE name = ?"));
        s.addBindValue(set);
        s.exec();
        if (!s.next() || s.value(0).toLongLong() == 0)
            throw UsageError("no instruction set named '" + set.toStdString() + "' in the workspace (see `tunebench build`)");
        throw UsageError("instruction set '" + set.toStdString() + "' has no '" + split.toStdString() + "' examples");
    }
    return out;
}

std::vector<eval::EvalExample> loadTask(const std::shared_ptr<Workspace>& ws, const QString& set, const QString& split,
                                        const std::string& file, int64_t limit) {
    std::vector<eval::EvalExample> ex = !file.empty() ? eval::loadEvalExamplesJsonl(file) : instructionSplit(ws, set, split);
    if (limit >= 0 && static_cast<int64_t>(ex.size()) > limit) ex.resize(static_cast<size_t>(limit));
    return ex;
}

nlohmann::json summaryJson(const eval::ComparisonResult& r) {
    nlohmann::json models = nlohmann::json::object();
    for (const auto& m : r.models) {
        nlohmann::json a = m.aggregate;
        a["kind"] = m.spec.kind;
        a["path"] = m.spec.path;
        models[m.spec.label] = a;
    }
    return {{"models", models}, {"deltas", r.deltas}, {"cancelled", r.cancelled}};
}

eval::ComparisonResult runTask(const EvalJobParams& p, const std::vector<eval::ModelSpec>& specs,
                               const std::vector<eval::EvalExample>& examples, const QString& task,
                               qint64* evalIdOut, qint64 primaryId,
                               const std::function<void(const eval::ComparisonProgress&, const QString&)>& progress,
                               const std::atomic<bool>* cancel) {
    std::unique_ptr<EvaluationRepository> repo;
    qint64 evalId = 0;
    eval::ComparisonOptions o = p.options;
    o.modelDir = p.modelDir;
    o.models = specs;
    o.cancel = cancel;
    if (progress) o.progress = [&](const eval::ComparisonProgress& pr) { progress(pr, task); };
    if (p.workspace) {
        repo = std::make_unique<EvaluationRepository>(p.workspace);
        nlohmann::json cfg;
        cfg["task"] = task.toStdString();
        if (primaryId) cfg["primary_evaluation_id"] = primaryId;
        cfg["model_dir"] = p.modelDir;
        nlohmann::json models = nlohmann::json::array();
        for (const auto& s : specs) models.push_back({{"label", s.label}, {"kind", s.kind}, {"path", s.path}});
        cfg["models"] = models;
        if (task == QStringLiteral("primary")) {
            cfg["source"] = p.dataFile.empty() ? nlohmann::json{{"instructions", p.instructionSet.toStdString()}, {"split", p.split.toStdString()}}
                                               : nlohmann::json{{"data", p.dataFile}};
        } else {
            cfg["source"] = p.forgettingFile.empty()
                                ? nlohmann::json{{"instructions", p.forgettingSet.toStdString()}, {"split", p.forgettingSplit.toStdString()}}
                                : nlohmann::json{{"data", p.forgettingFile}};
        }
        cfg["examples"] = examples.size();
        cfg["generation"] = {{"max_new_tokens", o.maxNewTokens}, {"batch", o.batchSize}, {"do_sample", o.doSample},
                             {"temperature", o.temperature}, {"top_p", o.topP}, {"top_k", o.topK}, {"seed", o.seed},
                             {"repetition_penalty", o.repetitionPenalty}};
        cfg["metrics"] = {{"rouge", o.metrics.rouge}, {"bleu", o.metrics.bleu}, {"chrf", o.metrics.chrf}, {"stem", o.metrics.stem}};
        QString name = p.name.isEmpty() ? QStringLiteral("eval %1").arg(QString::fromStdString(fs::path(p.modelDir).filename().string())) : p.name;
        if (task != QStringLiteral("primary")) name += QStringLiteral(" (forgetting)");
        evalId = repo->create(name, cfg);
        o.onModelFinished = [&](const eval::ModelResult& mr) {
            std::vector<EvaluationRepository::Prediction> rows;
            rows.reserve(mr.examples.size());
            for (const auto& ex : mr.examples) {
                nlohmann::json scores = ex.scores;
                scores["finish_reason"] = ex.finishReason;
                rows.push_back({mr.spec.label, ex.index, ex.prompt, ex.references, ex.prediction, scores});
            }
            repo->addPredictions(evalId, rows);
        };
    }
    if (evalIdOut) *evalIdOut = evalId;
    try {
        eval::ComparisonResult r = eval::runComparison(examples, o);
        if (repo) repo->finish(evalId, r.cancelled ? QStringLiteral("cancelled") : QStringLiteral("finished"), summaryJson(r));
        return r;
    } catch (const std::exception& e) {
        if (repo) repo->finish(evalId, QStringLiteral("failed"), nlohmann::json{{"error", e.what()}});
        throw;
    }
}

} // namespace

std::vector<eval::ModelSpec> resolveModelArguments(const std::vector<std::string>& args, const std::shared_ptr<Workspace>& ws) {
    std::vector<eval::ModelSpec> out;
    std::set<std::string> labels;
    for (const auto& raw : args) {
        std::string arg = raw;
        eval::ModelSpec spec;
        const bool runPrefix = arg.rfind("run:", 0) == 0;
        const std::string digits = runPrefix ? arg.substr(4) : arg;
        const bool isRunId = !digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos
                             && (runPrefix || !fs::exists(arg));
        if (isRunId) {
            if (!ws) throw UsageError("--adapters: run id " + digits + " needs a workspace");
            RunRepository runs(ws);
            const auto run = runs.find(std::stoll(digits));
            if (!run) throw UsageError("--adapters: no run with id " + digits + " in " + ws->path().toStdString());
            const std::string adapter = run->adapterPath.toStdString();
            const std::string output = run->outputDir.toStdString();
            if (!adapter.empty() && fs::exists(fs::path(adapter) / "adapter_config.json")) spec = {"", "adapter", adapter};
            else if (!adapter.empty() && fs::exists(fs::path(adapter) / "config.json")) spec = {"", "model", adapter};
            else if (!output.empty() && fs::exists(fs::path(output) / "config.json")) spec = {"", "model", output};
            else
                throw UsageError("--adapters: run " + digits + " (status " + run->status.toStdString()
                                 + ") has no saved adapter or model folder yet");
            spec.label = "run" + digits + (run->name.isEmpty() ? std::string() : ":" + run->name.toStdString());
        } else {
            spec = eval::classifyModelArgument(arg);
        }
        std::string label = spec.label;
        for (int k = 2; labels.count(label); ++k) label = spec.label + "#" + std::to_string(k);
        spec.label = label;
        labels.insert(label);
        out.push_back(spec);
    }
    if (out.empty()) throw UsageError("--adapters: give at least one model (e.g. base,RUN_OR_ADAPTER_DIR)");
    return out;
}

EvalJobResult runEvaluation(const EvalJobParams& p,
                            const std::function<void(const eval::ComparisonProgress&, const QString& task)>& progress,
                            const std::atomic<bool>* cancel) {
    if (p.modelDir.empty()) throw UsageError("evaluation: no base model folder (--model DIR)");
    if (p.dataFile.empty() && p.instructionSet.isEmpty())
        throw UsageError("evaluation: give the examples: --instructions NAME [--split test] or --data FILE.jsonl");
    const auto specs = resolveModelArguments(p.models, p.workspace);
    const auto examples = loadTask(p.workspace, p.instructionSet, p.split, p.dataFile, p.limit);
    const bool hasForgetting = !p.forgettingFile.empty() || !p.forgettingSet.isEmpty();
    std::vector<eval::EvalExample> forgetting;
    if (hasForgetting) forgetting = loadTask(p.workspace, p.forgettingSet, p.forgettingSplit, p.forgettingFile, p.limit);

    EvalJobResult r;
    r.primary = runTask(p, specs, examples, QStringLiteral("primary"), &r.evaluationId, 0, progress, cancel);
    r.cancelled = r.primary.cancelled;
    if (hasForgetting && !r.cancelled) {
        r.forgetting = runTask(p, specs, forgetting, QStringLiteral("forgetting"), &r.forgettingEvaluationId,
                               r.evaluationId, progress, cancel);
        r.cancelled = r.forgetting.cancelled;
    }
    return r;
}

EvalJob::EvalJob(EvalJobParams params, QObject* parent) : QObject(parent), params_(std::move(params)) {
    qRegisterMetaType<tb::EvalJobResult>();
}

EvalJob::~EvalJob() {
    if (thread_) {
        cancel_.store(true);
        thread_->wait();
        delete thread_;
    }
}

void EvalJob::start() {
    if (thread_) return;
    thread_ = QThread::create([this] { work(); });
    thread_->setObjectName(QStringLiteral("EvalJob"));
    thread_->start();
}

void EvalJob::requestCancel() { cancel_.store(true); }
bool EvalJob::isRunning() const { return thread_ && thread_->isRunning(); }

void EvalJob::work() {
    try {
        QElapsedTimer throttle;
        throttle.start();
        EvalJobResult r = runEvaluation(
            params_,
            [&](const eval::ComparisonProgress& pr, const QString& task) {
                const bool edge = pr.phase != "generating" && pr.phase != "loss";
                if (!edge && throttle.elapsed() < 100) return;
                throttle.restart();
                Q_EMIT progress(task, QString::fromStdString(pr.model), static_cast<int>(pr.modelIndex),
                                static_cast<int>(pr.modelCount), QString::fromStdString(pr.phase), pr.done, pr.total);
            },
            &cancel_);
        Q_EMIT finished(r);
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    } catch (...) {
        Q_EMIT failed(QStringLiteral("the evaluation failed with an unknown error; finished models were kept"));
    }
}

} // namespace tb
