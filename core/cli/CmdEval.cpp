// `tunebench eval`: compare the base model with adapters / merged models / runs on one split
// (same generation settings for all), store every prediction in the workspace, print the table
// (or, with --json, every per-example record and the aggregates per model as JSON lines).
#include "cli/Command.h"
#include "jobs/EvalJob.h"
#include "util/Error.h"
#include "workspace/Workspace.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace tb::cli {

namespace {

void printTaskJson(const eval::ComparisonResult& r, const std::string& task, qint64 evalId) {
    for (const auto& m : r.models)
        for (const auto& ex : m.examples) {
            nlohmann::json j{{"task", task},           {"model", m.spec.label},          {"index", ex.index},
                             {"prediction", ex.prediction}, {"references", ex.references}, {"finish_reason", ex.finishReason},
                             {"scores", ex.scores}};
            printJsonLine(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        }
    for (const auto& m : r.models)
        printJsonLine(nlohmann::json{{"task", task}, {"model", m.spec.label}, {"kind", m.spec.kind}, {"aggregate", m.aggregate}}.dump(
            -1, ' ', false, nlohmann::json::error_handler_t::replace));
    printJsonLine(nlohmann::json{{"task", task}, {"evaluation_id", evalId}, {"deltas", r.deltas}, {"cancelled", r.cancelled}}.dump());
}

} // namespace

Command makeEvalCommand() {
    Command c;
    c.name = "eval";
    c.summary = "compare base and tuned models on a split";
    c.usage = "--model DIR --adapters base,ADAPTER_DIR_OR_RUN,... (--instructions NAME [--split test] | --data FILE.jsonl) "
              "[--limit N] [--max-new-tokens N] [--batch N] [--json]";
    c.flags = {
        {"model", true, "the base model folder (Hugging Face layout)"},
        {"adapters", true, "comma-separated: base, PEFT adapter folders, merged model folders, run ids (7 or run:7)"},
        {"instructions", true, "instruction set in the workspace"},
        {"split", true, "split of the instruction set (default test)"},
        {"data", true, "JSONL file of {\"prompt\", \"completion\"} or {\"prompt\", \"references\": [...]} rows"},
        {"forgetting-data", true, "a second task's JSONL file: scores the same models on it (forgetting check)"},
        {"forgetting-instructions", true, "a second task's instruction set (forgetting check)"},
        {"forgetting-split", true, "split of the forgetting instruction set (default test)"},
        {"limit", true, "evaluate the first N examples"},
        {"max-new-tokens", true, "tokens to generate per example (default 64)"},
        {"batch", true, "generation batch size (default 8)"},
        {"device", true, "auto (default), cpu, cuda, cuda:N"},
        {"sample", false, "sample instead of greedy decoding"},
        {"temperature", true, "sampling temperature (with --sample)"},
        {"top-p", true, "nucleus sampling (with --sample)"},
        {"top-k", true, "top-k sampling (with --sample)"},
        {"seed", true, "sampling seed"},
        {"repetition-penalty", true, "transformers' repetition penalty, greedy or sampled (default 1 = off)"},
        {"stem", false, "Porter-stem ROUGE tokens (rouge_score use_stemmer=True)"},
        {"no-loss", false, "skip the loss / perplexity of the references"},
        {"name", true, "a name for the stored evaluation"},
        {"json", false, "JSON lines: every prediction with its scores, then the aggregates and deltas"},
    };
    c.run = [](const Args& args, const Context& ctx) {
        EvalJobParams p;
        p.modelDir = args.required("model");
        p.models = args.list("adapters");
        if (p.models.empty()) p.models = {"base"};
        p.instructionSet = QString::fromStdString(args.str("instructions"));
        p.split = QString::fromStdString(args.str("split", "test"));
        p.dataFile = args.str("data");
        if (!p.dataFile.empty() && !p.instructionSet.isEmpty())
            throw UsageError("tunebench eval: give either --instructions or --data, not both");
        if (p.dataFile.empty() && p.instructionSet.isEmpty())
            throw UsageError("tunebench eval: give the examples with --instructions NAME [--split test] or --data FILE.jsonl");
        p.forgettingFile = args.str("forgetting-data");
        p.forgettingSet = QString::fromStdString(args.str("forgetting-instructions"));
        p.forgettingSplit = QString::fromStdString(args.str("forgetting-split", "test"));
        p.limit = args.integer("limit", -1);
        p.name = QString::fromStdString(args.str("name"));
        auto& o = p.options;
        o.maxNewTokens = args.integer("max-new-tokens", 64);
        o.batchSize = args.integer("batch", 8);
        if (o.maxNewTokens <= 0) throw UsageError("tunebench eval: --max-new-tokens must be positive");
        if (o.batchSize <= 0) throw UsageError("tunebench eval: --batch must be positive");
        o.device = args.str("device", "auto");
        o.doSample = args.has("sample");
        o.temperature = args.number("temperature", 1.0);
        o.topP = args.number("top-p", 1.0);
        o.topK = args.integer("top-k", 0);
        o.seed = static_cast<uint64_t>(args.integer("seed", 0));
        o.repetitionPenalty = args.number("repetition-penalty", 1.0);
        if (!(o.repetitionPenalty > 0)) throw UsageError("tunebench eval: --repetition-penalty must be positive (1 = off)");
        o.metrics.stem = args.has("stem");
        o.computeLoss = !args.has("no-loss");

        bool needWorkspace = !p.instructionSet.isEmpty() || !p.forgettingSet.isEmpty();
        for (const auto& m : p.models) needWorkspace = needWorkspace || (!m.empty() && m.find_first_not_of("0123456789") == std::string::npos) || m.rfind("run:", 0) == 0;
        // Predictions are always stored when a workspace can be opened; --data alone works without one too.
        const QString wsPath = ctx.workspacePath.empty() ? Workspace::defaultPath() : QString::fromStdString(ctx.workspacePath);
        try {
            p.workspace = Workspace::open(wsPath);
        } catch (const std::exception& e) {
            if (needWorkspace) throw;
            std::cerr << "tunebench eval: not storing predictions (" << e.what() << ")\n";
        }
        const bool json = args.has("json");
        const auto r = runEvaluation(p, [json](const eval::ComparisonProgress& pr, const QString& task) {
            if (json) return;
            if (pr.phase == "loading" || pr.phase == "done")
                std::cerr << "[" << task.toStdString() << "] " << pr.model << " (" << pr.modelIndex + 1 << "/" << pr.modelCount
                          << "): " << pr.phase << "\n";
        });
        if (json) {
            printTaskJson(r.primary, "primary", r.evaluationId);
            if (!r.forgetting.models.empty()) printTaskJson(r.forgetting, "forgetting", r.forgettingEvaluationId);
        } else {
            std::cout << eval::formatComparisonTable(r.primary);
            if (!r.forgetting.models.empty()) std::cout << "\nforgetting check (second task):\n" << eval::formatComparisonTable(r.forgetting);
            if (r.evaluationId) std::cout << "stored as evaluation " << r.evaluationId << " in " << wsPath.toStdString() << "\n";
        }
        if (r.cancelled) {
            std::cerr << "tunebench eval: cancelled\n";
            return 1;
        }
        return 0;
    };
    return c;
}

} // namespace tb::cli
