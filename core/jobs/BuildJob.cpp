#include "jobs/BuildJob.h"

#include "data/InstructionBuilder.h"
#include "data/TemplateSelection.h"
#include "text/Tokenizer.h"
#include "workspace/DatasetRepository.h"
#include "workspace/InstructionSetRepository.h"
#include "workspace/Workspace.h"

#include <QElapsedTimer>
#include <QThread>

namespace tb {

BuildJobResult runBuild(const BuildJobParams& p, const std::function<void(const QString&, qint64)>& progress,
                        const std::function<bool()>& cancel) {
    QElapsedTimer timer;
    timer.start();
    if (!p.workspace) throw Error("no workspace");
    if (p.name.trimmed().isEmpty()) throw UsageError("give the instruction set a name (--out NAME)");
    if (p.split.size() != 3) throw UsageError("--split needs three ratios: train,validation,test (e.g. 0.8,0.1,0.1)");
    DatasetRepository datasets(p.workspace);
    InstructionSetRepository sets(p.workspace);
    if (!p.replace && sets.find(p.name))
        throw UsageError("an instruction set named '" + p.name.toStdString() + "' already exists; choose another name");

    BuildConfig config;
    std::vector<std::string> specs;
    for (const auto& t : p.templates) specs.push_back(t.toStdString());
    config.templates = resolveTemplates(specs);
    config.seed = p.seed;
    config.train = p.split[0];
    config.validation = p.split[1];
    config.test = p.split[2];
    config.weights = p.weights;
    config.maxPerDataset = p.maxPerDataset;
    config.dedupe = p.dedupe;
    config.maxTokens = p.maxTokens;
    config.truncation = p.truncatePromptLeft ? BuildConfig::Truncation::TruncatePromptLeft : BuildConfig::Truncation::Drop;
    config.tokenizerPath = p.tokenizerDir.toStdString();

    std::vector<BuildDataset> inputs;
    for (const auto& spec : p.datasets) {
        BuildDataset d;
        QString name = spec;
        const int colon = spec.lastIndexOf(QLatin1Char(':'));
        if (colon > 0) {
            name = spec.left(colon);
            d.fixedSplit = spec.mid(colon + 1).toStdString();
        }
        const auto info = datasets.require(name);
        d.name = info.name.toStdString();
        d.id = info.id;
        for (const auto& c : info.columns) d.columns.push_back(c.toStdString());
        d.forEachRow = [&datasets, name](const std::function<bool(int64_t, const nlohmann::json&)>& fn) {
            datasets.forEachRow(name, [&](qint64 idx, const nlohmann::json& row) { return fn(idx, row); });
        };
        inputs.push_back(std::move(d));
    }
    std::unique_ptr<Tokenizer> tokenizer;
    if (!p.tokenizerDir.isEmpty()) tokenizer = Tokenizer::fromModelDir(p.tokenizerDir.toStdString());

    BuildResult built = InstructionBuilder::build(
        config, inputs, tokenizer.get(),
        [&](const BuildProgress& bp) {
            if (progress) progress(QString::fromStdString(bp.dataset), bp.rowsDone);
        },
        cancel);
    if (cancel && cancel()) throw Error("build cancelled; nothing was saved");
    const auto info = sets.save(p.name, config.toJson(inputs), built.stats, built.examples, p.replace);
    BuildJobResult r;
    r.name = info.name;
    r.train = info.train;
    r.validation = info.validation;
    r.test = info.test;
    r.statsJson = QString::fromStdString(built.stats.dump());
    r.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    return r;
}

BuildJob::BuildJob(BuildJobParams params, QObject* parent) : QObject(parent), params_(std::move(params)) {
    qRegisterMetaType<tb::BuildJobResult>();
}

BuildJob::~BuildJob() {
    if (thread_) {
        cancel_.store(true);
        thread_->wait();
        delete thread_;
    }
}

void BuildJob::start() {
    if (thread_) return;
    thread_ = QThread::create([this] { work(); });
    thread_->setObjectName(QStringLiteral("BuildJob"));
    thread_->start();
}

void BuildJob::requestCancel() { cancel_.store(true); }
bool BuildJob::isRunning() const { return thread_ && thread_->isRunning(); }

void BuildJob::work() {
    try {
        QElapsedTimer throttle;
        throttle.start();
        BuildJobResult r = runBuild(
            params_,
            [&](const QString& dataset, qint64 rows) {
                if (throttle.elapsed() < 100) return;
                throttle.restart();
                Q_EMIT progress(dataset, rows);
            },
            [this] { return cancel_.load(); });
        Q_EMIT finished(r);
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    } catch (...) {
        Q_EMIT failed(QStringLiteral("building the instruction set failed with an unknown error; nothing was saved"));
    }
}

} // namespace tb
