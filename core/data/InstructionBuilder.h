#pragma once
// Why this exists: the FLAN recipe — render every row of every chosen dataset through one of
// several paraphrased templates of its task — made exact and reproducible. The builder turns
// datasets x templates into (prompt, completion) pairs split train/validation/test.
//
// Semantics (all choices are hashes of (seed, salt, row content), see StableHash.h, so the
// same seed gives the same set and adding rows never moves existing ones):
//   - Templates: a dataset uses the chosen templates whose fields it has (a field F missing
//     from a row but present as F1, F2, ... counts: see references). Each row draws one of
//     them uniformly by hash(seed, row): FLAN-style per-example mixing.
//   - Split: hash(seed, row) in [0,1) against the cumulative ratios; identical rows always land
//     in the same split. A dataset given a fixed split (name:test) sends every row there.
//   - Mixture weights (examples-proportional, as T5/FLAN): dataset i contributes about
//     weight_i x min(rows_i, cap) training examples. weight < 1 keeps a hashed subset of rows,
//     weight > 1 adds copies of rows, each copy with its own template draw. Validation and
//     test are never reweighted. The cap (maxPerDataset) keeps the rows with the smallest hash.
//   - Deduplication: exact, on the rendered (prompt, completion) of each row's first copy;
//     test is processed first, then validation, then train, so a duplicate never leaks from
//     an evaluation split into training.
//   - References: when a template reads F and the row has F1..Fn instead (DialogSum test:
//     summary1..3), the completion is rendered with F = F1 and `references` holds the
//     completion rendered with each Fk — all targets are kept for evaluation.
//   - Tokens: with a tokenizer, tokens = |encode(prompt, special tokens)| + |encode(completion)|;
//     beyond maxTokens an example is dropped, or its prompt is cut from the left.
//   - Order: train is ordered by hash (a deterministic shuffle); validation and test keep the
//     dataset order.
#include "data/InstructionExample.h"
#include "text/template/PromptTemplate.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace tb {

class Tokenizer;

struct BuildDataset {
    std::string name;
    int64_t id = 0;
    std::vector<std::string> columns;
    std::string fixedSplit;   // empty: split by ratio; else every row goes to this split
    // Calls fn(idx, row) for each row in order until fn returns false.
    std::function<void(const std::function<bool(int64_t, const nlohmann::json&)>&)> forEachRow;
};

struct BuildConfig {
    std::vector<PromptTemplate> templates;
    uint64_t seed = 42;
    double train = 0.8, validation = 0.1, test = 0.1;
    std::vector<double> weights;          // per dataset; empty = all 1
    int64_t maxPerDataset = -1;           // examples-proportional cap on training rows; -1 = none
    bool dedupe = true;
    int64_t maxTokens = 0;                // 0 = no limit (needs a tokenizer)
    enum class Truncation { Drop, TruncatePromptLeft } truncation = Truncation::Drop;
    std::string tokenizerPath;            // recorded in the config only
    // Explicit reference fields: template field -> the row fields holding its references,
    // e.g. {"summary": ["summary1","summary2","summary3"]}. Empty: detected (F -> F1, F2, ...).
    std::map<std::string, std::vector<std::string>> referenceFields;

    nlohmann::json toJson(const std::vector<BuildDataset>& datasets) const;   // what instruction_sets.config stores
};

struct BuildResult {
    std::vector<InstructionExample> examples;   // train (hash order), then validation, then test
    nlohmann::json stats;                        // counts per split/dataset/template, dedupe, token stats
};

struct BuildProgress {
    std::string dataset;
    int64_t rowsDone = 0;
};

class InstructionBuilder {
public:
    using ProgressFn = std::function<void(const BuildProgress&)>;
    using CancelFn = std::function<bool()>;

    // Throws UsageError (bad ratios/weights, no usable template for a dataset), TemplateError
    // wrapped with the dataset and row ("dataset 'x' row 12: ..."), or Error("build cancelled").
    static BuildResult build(const BuildConfig& config, const std::vector<BuildDataset>& datasets,
                             const Tokenizer* tokenizer = nullptr, const ProgressFn& progress = {},
                             const CancelFn& cancel = {});

    // The templates of `config` that can render rows with these columns (for the UI, and the
    // error when none can): name -> the fields it misses (empty = usable).
    static std::map<std::string, std::vector<std::string>> templateFit(const std::vector<PromptTemplate>& templates,
                                                                       const std::vector<std::string>& columns);
};

} // namespace tb
