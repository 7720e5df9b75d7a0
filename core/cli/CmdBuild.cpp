// `tunebench build --datasets A,B --templates T1,T2 --split 0.8,0.1,0.1 --seed S --out NAME`:
// datasets x templates -> an instruction set saved in the workspace (see InstructionBuilder.h
// for the mixing, split, weight, dedupe and reference semantics).
#include "cli/Command.h"
#include "jobs/BuildJob.h"
#include "util/Error.h"
#include "workspace/Workspace.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdlib>

namespace tb::cli {
namespace {

std::vector<double> numbers(const Args& args, const std::string& flag) {
    std::vector<double> out;
    for (const auto& item : args.list(flag)) {
        char* end = nullptr;
        const double v = std::strtod(item.c_str(), &end);
        if (item.empty() || *end != '\0' || !std::isfinite(v))
            throw UsageError("tunebench build: --" + flag + " expects numbers separated by commas, got '" + item + "'");
        out.push_back(v);
    }
    return out;
}

} // namespace

Command makeBuildCommand() {
    Command c;
    c.name = "build";
    c.summary = "build an instruction set from datasets and prompt templates";
    c.usage = "--datasets A,B[:test] --templates T1,TASK,FILE.json --split 0.8,0.1,0.1 --seed S --out NAME "
              "[--weights 1,2] [--tokenizer DIR --max-tokens N]";
    c.flags = {
        {"datasets", true, "datasets to use; NAME:train|validation|test puts all of a dataset's rows in that split"},
        {"templates", true, "built-in template names, task names (all built-ins of the task) or .json files"},
        {"split", true, "train,validation,test ratios (default 0.8,0.1,0.1); rows are assigned by a hash of their content"},
        {"seed", true, "seed for the template draw, the split and the order (default 42)"},
        {"out", true, "name of the new instruction set"},
        {"weights", true, "mixture weight per dataset (default 1 each; 2 = twice as many training examples)"},
        {"max-per-dataset", true, "cap on each dataset's training rows (examples-proportional mixing with a cap)"},
        {"tokenizer", true, "model or tokenizer folder for token statistics"},
        {"max-tokens", true, "token limit for prompt+completion (needs --tokenizer)"},
        {"truncate", true, "beyond --max-tokens: drop (default) or prompt-left (cut the prompt from the left)"},
        {"no-dedupe", false, "keep exact duplicate (prompt, completion) pairs"},
        {"replace", false, "overwrite an instruction set of the same name"},
    };
    c.run = [](const Args& args, const Context& ctx) {
        BuildJobParams p;
        p.workspace = Workspace::open(ctx.workspacePath.empty() ? Workspace::defaultPath()
                                                                : QString::fromStdString(ctx.workspacePath));
        p.name = QString::fromStdString(args.required("out"));
        for (const auto& d : args.list("datasets")) p.datasets << QString::fromStdString(d);
        if (p.datasets.isEmpty()) throw UsageError("tunebench build: give --datasets A,B");
        for (const auto& t : args.list("templates")) p.templates << QString::fromStdString(t);
        if (p.templates.isEmpty()) throw UsageError("tunebench build: give --templates (names, tasks or .json files)");
        if (args.has("split")) p.split = numbers(args, "split");
        const long long seed = args.integer("seed", 42);
        if (seed < 0) throw UsageError("tunebench build: --seed must be >= 0");
        p.seed = static_cast<quint64>(seed);
        p.weights = numbers(args, "weights");
        p.maxPerDataset = args.integer("max-per-dataset", -1);
        p.dedupe = !args.has("no-dedupe");
        p.tokenizerDir = QString::fromStdString(args.str("tokenizer"));
        p.maxTokens = args.integer("max-tokens", 0);
        const std::string trunc = args.str("truncate", "drop");
        if (trunc != "drop" && trunc != "prompt-left")
            throw UsageError("tunebench build: --truncate is drop or prompt-left, not '" + trunc + "'");
        p.truncatePromptLeft = trunc == "prompt-left";
        p.replace = args.has("replace");
        auto last = std::chrono::steady_clock::now();
        const BuildJobResult r = runBuild(p, [&](const QString& dataset, qint64 rows) {
            const auto now = std::chrono::steady_clock::now();
            if (now - last < std::chrono::milliseconds(500)) return;
            last = now;
            printJsonLine(nlohmann::json{{"event", "progress"}, {"dataset", dataset.toStdString()}, {"rows", rows}}.dump());
        });
        printJsonLine(nlohmann::json{{"event", "done"},
                                     {"name", r.name.toStdString()},
                                     {"train", r.train},
                                     {"validation", r.validation},
                                     {"test", r.test},
                                     {"seconds", r.seconds},
                                     {"stats", nlohmann::json::parse(r.statsJson.toStdString())}}
                          .dump());
        return 0;
    };
    return c;
}

} // namespace tb::cli
