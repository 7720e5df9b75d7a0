#pragma once
// Why this exists: DESIGN §5's comparison -- several models (the base, adapters on it, merged
// or other model folders) evaluated on the same examples with the same generation settings,
// every prediction kept with its per-example scores, an aggregate per model with bootstrap
// intervals, the mean loss / perplexity of the references, and per-example deltas against the
// base. The CLI (`tunebench eval`) and the GUI's EvalJob both call runComparison(). No torch
// types in this header.
//
// Usage:
//   1. ComparisonOptions o; o.modelDir = base; o.models = {{"base","base",""}, {"lora","adapter",dir}};
//   2. auto r = runComparison(examples, o);        // blocking; o.cancel / o.progress for jobs
//   3. r.models[i].examples[j].prediction / .scores;  r.models[i].aggregate;  r.deltas
#include "eval/metrics/MetricSuite.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tb::eval {

struct EvalExample {
    std::string prompt;
    std::vector<std::string> references;   // at least one; the first is the loss target
};

struct ModelSpec {
    std::string label;   // shown in tables and stored with the predictions
    std::string kind;    // "base" (modelDir as is), "adapter" (PEFT folder on modelDir), "model" (a model folder)
    std::string path;    // adapter or model folder; empty for "base"
};

struct ComparisonProgress {
    std::string model;        // label of the model being evaluated
    int64_t modelIndex = 0;   // 0-based
    int64_t modelCount = 0;
    std::string phase;        // "loading", "generating", "loss", "done"
    int64_t done = 0;         // examples finished in this phase
    int64_t total = 0;
};

struct ModelResult;

struct ComparisonOptions {
    std::string modelDir;                 // the base model folder
    std::vector<ModelSpec> models;        // the first "base" entry is the reference for deltas
    std::string device = "auto";
    int64_t maxNewTokens = 64;
    int64_t batchSize = 8;
    bool doSample = false;                // greedy by default
    double temperature = 1.0;
    double topP = 1.0;
    int64_t topK = 0;
    double repetitionPenalty = 1.0;       // transformers' repetition_penalty (1 = off), greedy or sampled
    uint64_t seed = 0;
    bool computeLoss = true;              // mean loss / perplexity of references[0]
    int64_t maxLength = 0;                // loss sequence length; 0 = the model's context
    metrics::MetricSelection metrics;     // ROUGE / BLEU / chrF, stemming
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(const ComparisonProgress&)> progress;
    // Called with each model's results as soon as they are complete (also a cancelled model's
    // partial results), so a caller can store them before the next model starts.
    std::function<void(const ModelResult&)> onModelFinished;
};

struct ExampleRecord {
    int64_t index = 0;
    std::string prompt;
    std::vector<std::string> references;
    std::string prediction;
    std::string finishReason;
    nlohmann::json scores;                // MetricSuite's per-example object
};

struct ModelResult {
    ModelSpec spec;
    std::vector<ExampleRecord> examples;
    nlohmann::json aggregate;             // MetricSuite::aggregate() plus loss, perplexity, timing
    std::vector<double> rougeLF;          // per-example ROUGE-L F (for deltas)
};

struct ComparisonResult {
    std::vector<ModelResult> models;
    nlohmann::json deltas = nlohmann::json::object();   // label -> PairedDeltas json vs the base
    bool cancelled = false;
};

// Reads JSONL rows {"prompt": ..., "completion": ...} or {"prompt": ..., "references": [...]};
// errors name the file and line.
std::vector<EvalExample> loadEvalExamplesJsonl(const std::string& path);

// Blocking. Throws tb::Error (bad folders, prompt too long, ...) with the model's label.
ComparisonResult runComparison(const std::vector<EvalExample>& examples, const ComparisonOptions& options);

// Per-example deltas (ROUGE-L F) of every model against the first model of kind "base" (or the
// first model when there is none). Pure function, used by runComparison and tests.
nlohmann::json comparisonDeltas(const std::vector<ModelResult>& models, size_t topK = 5);

// "base" | an adapter folder (adapter_config.json) | a model folder (config.json); the label is
// "base" or the folder's name (made unique). Throws tb::UsageError naming the bad entry.
ModelSpec classifyModelArgument(const std::string& arg);

// A plain-text table of the aggregates (one row per model) for the CLI.
std::string formatComparisonTable(const ComparisonResult& result);

} // namespace tb::eval
