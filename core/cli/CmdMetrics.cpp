// `tunebench metrics`: ROUGE / BLEU / chrF of predictions against references, read as JSONL
// from stdin. One JSON line per input pair, then one line with the corpus aggregates.
#include "cli/Command.h"
#include "eval/metrics/MetricSuite.h"
#include "util/Error.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <string>

namespace tb::cli {

namespace {

std::vector<std::string> readReferences(const nlohmann::json& row, long long lineNo) {
    const std::string where = "stdin line " + std::to_string(lineNo);
    std::vector<std::string> refs;
    if (row.contains("references")) {
        const auto& r = row["references"];
        if (!r.is_array() || r.empty())
            throw Error(where + ": \"references\" must be a non-empty array of strings");
        for (const auto& x : r) {
            if (!x.is_string()) throw Error(where + ": every entry of \"references\" must be a string");
            refs.push_back(x.get<std::string>());
        }
    } else if (row.contains("reference")) {
        if (!row["reference"].is_string()) throw Error(where + ": \"reference\" must be a string");
        refs.push_back(row["reference"].get<std::string>());
    } else {
        throw Error(where + ": missing \"reference\" (a string) or \"references\" (an array of strings)");
    }
    return refs;
}

} // namespace

Command makeMetricsCommand() {
    Command c;
    c.name = "metrics";
    c.summary = "ROUGE/BLEU/chrF of predictions against references";
    c.usage = "[--rouge] [--bleu] [--chrf] [--stem] < pairs.jsonl   "
              "(lines {\"prediction\",\"reference\"} or {\"prediction\",\"references\":[...]})";
    c.flags = {
        {"rouge", false, "ROUGE-1/2/L/Lsum as rouge_score (no selection flag: all metrics)"},
        {"bleu", false, "BLEU as sacrebleu (sentence BLEU per line, corpus BLEU at the end)"},
        {"chrf", false, "chrF as sacrebleu (char order 6, beta 2)"},
        {"stem", false, "Porter-stem ROUGE tokens longer than 3 characters (use_stemmer=True)"},
        {"resamples", true, "bootstrap resamples for the ROUGE intervals (default 1000)"},
        {"seed", true, "bootstrap seed (default 20240601)"},
    };
    c.run = [](const Args& args, const Context&) {
        metrics::MetricSelection sel;
        const bool any = args.has("rouge") || args.has("bleu") || args.has("chrf");
        sel.rouge = !any || args.has("rouge");
        sel.bleu = !any || args.has("bleu");
        sel.chrf = !any || args.has("chrf");
        sel.stem = args.has("stem");
        metrics::BootstrapOptions boot;
        boot.resamples = static_cast<int>(args.integer("resamples", boot.resamples));
        if (boot.resamples <= 0) throw UsageError("tunebench metrics: --resamples must be a positive integer");
        boot.seed = static_cast<uint64_t>(args.integer("seed", static_cast<long long>(boot.seed)));
        metrics::MetricSuite suite(sel, boot);

        std::string line;
        long long lineNo = 0;
        while (std::getline(std::cin, line)) {
            ++lineNo;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.find_first_not_of(" \t") == std::string::npos) continue;
            nlohmann::json row;
            try {
                row = nlohmann::json::parse(line);
            } catch (const nlohmann::json::exception& e) {
                throw Error("stdin line " + std::to_string(lineNo) + " is not valid JSON (" + e.what()
                            + "). Each line must be one object {\"prediction\": ..., \"reference\": ...}");
            }
            if (!row.is_object()) throw Error("stdin line " + std::to_string(lineNo) + " is not a JSON object");
            if (!row.contains("prediction") || !row["prediction"].is_string())
                throw Error("stdin line " + std::to_string(lineNo) + ": missing \"prediction\" (a string)");
            const auto refs = readReferences(row, lineNo);
            printJsonLine(suite.add(row["prediction"].get<std::string>(), refs).dump());
        }
        printJsonLine(suite.aggregate().dump());
        return 0;
    };
    return c;
}

} // namespace tb::cli
