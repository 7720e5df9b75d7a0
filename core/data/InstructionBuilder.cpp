#include "data/InstructionBuilder.h"

#include "data/StableHash.h"
#include "text/Tokenizer.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace tb {
namespace {

const char* kSplits[] = {"train", "validation", "test"};

struct Candidate {
    InstructionExample ex;
    std::size_t dataset = 0;
    uint64_t rowKey = 0;
    uint64_t orderKey = 0;
};

// Row fields standing in for a template field the row lacks: F -> [F1, F2, ...].
std::map<std::string, std::vector<std::string>> aliasesFor(const std::vector<std::string>& templateFieldNames,
                                                           const nlohmann::json& row, const BuildConfig& config) {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& f : templateFieldNames) {
        if (row.contains(f)) continue;
        auto explicitRefs = config.referenceFields.find(f);
        if (explicitRefs != config.referenceFields.end()) {
            out[f] = explicitRefs->second;
            continue;
        }
        std::vector<std::string> found;
        for (int k = 1; row.contains(f + std::to_string(k)); ++k) found.push_back(f + std::to_string(k));
        if (!found.empty()) out[f] = found;
    }
    return out;
}

bool coveredByAlias(const std::string& field, const std::vector<std::string>& columns,
                    const BuildConfig& config) {
    auto it = config.referenceFields.find(field);
    if (it != config.referenceFields.end() && !it->second.empty())
        return std::find(columns.begin(), columns.end(), it->second.front()) != columns.end();
    return std::find(columns.begin(), columns.end(), field + "1") != columns.end();
}

std::string joinNames(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& e : v) s += (s.empty() ? "" : ", ") + e;
    return s;
}

struct TokenCounter {
    const Tokenizer* tok;
    int64_t specials = 0;
    explicit TokenCounter(const Tokenizer* t) : tok(t) {
        if (tok) specials = static_cast<int64_t>(tok->encode("", true).size());
    }
};

} // namespace

nlohmann::json BuildConfig::toJson(const std::vector<BuildDataset>& datasets) const {
    nlohmann::json j;
    j["datasets"] = nlohmann::json::array();
    for (std::size_t i = 0; i < datasets.size(); ++i) {
        nlohmann::json d = {{"name", datasets[i].name}, {"id", datasets[i].id},
                            {"weight", weights.empty() ? 1.0 : weights[i]}};
        if (!datasets[i].fixedSplit.empty()) d["split"] = datasets[i].fixedSplit;
        j["datasets"].push_back(d);
    }
    j["templates"] = nlohmann::json::array();
    for (const auto& t : templates) j["templates"].push_back(t.toJson());
    j["seed"] = seed;
    j["split"] = {{"train", train}, {"validation", validation}, {"test", test}};
    j["max_per_dataset"] = maxPerDataset;
    j["dedupe"] = dedupe;
    j["max_tokens"] = maxTokens;
    j["truncation"] = truncation == Truncation::Drop ? "drop" : "truncate-prompt-left";
    j["tokenizer"] = tokenizerPath;
    j["reference_fields"] = referenceFields;
    j["mixing"] = "examples-proportional: weight x min(rows, max_per_dataset) training examples per dataset; "
                  "per-example template drawn by hash(seed, row content)";
    return j;
}

std::map<std::string, std::vector<std::string>> InstructionBuilder::templateFit(
    const std::vector<PromptTemplate>& templates, const std::vector<std::string>& columns) {
    BuildConfig none;
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& t : templates) {
        std::vector<std::string> missing;
        for (const auto& f : templateFields(t))
            if (std::find(columns.begin(), columns.end(), f) == columns.end() && !coveredByAlias(f, columns, none))
                missing.push_back(f);
        out[t.name] = missing;
    }
    return out;
}

BuildResult InstructionBuilder::build(const BuildConfig& config, const std::vector<BuildDataset>& datasets,
                                      const Tokenizer* tokenizer, const ProgressFn& progress, const CancelFn& cancel) {
    if (datasets.empty()) throw UsageError("choose at least one dataset");
    if (config.templates.empty()) throw UsageError("choose at least one template");
    for (double r : {config.train, config.validation, config.test})
        if (r < 0 || !std::isfinite(r)) throw UsageError("split ratios must be >= 0");
    const double sum = config.train + config.validation + config.test;
    if (std::fabs(sum - 1.0) > 1e-6)
        throw UsageError("split ratios must add up to 1 (train,validation,test = " + std::to_string(config.train) + "," +
                         std::to_string(config.validation) + "," + std::to_string(config.test) + ")");
    if (!config.weights.empty() && config.weights.size() != datasets.size())
        throw UsageError("give one weight per dataset (" + std::to_string(datasets.size()) + " datasets, " +
                         std::to_string(config.weights.size()) + " weights)");
    for (double w : config.weights)
        if (w < 0 || !std::isfinite(w)) throw UsageError("mixture weights must be >= 0");
    if (config.maxTokens > 0 && !tokenizer)
        throw UsageError("a token limit needs a tokenizer (--tokenizer DIR)");
    {
        std::set<std::string> names;
        for (const auto& t : config.templates)
            if (!names.insert(t.name).second) throw UsageError("template '" + t.name + "' is listed twice");
    }
    std::map<std::string, std::vector<std::string>> fieldsOf;
    for (const auto& t : config.templates) fieldsOf[t.name] = templateFields(t);

    std::vector<Candidate> all;
    nlohmann::json stats;
    std::vector<std::vector<const PromptTemplate*>> usable(datasets.size());
    for (std::size_t d = 0; d < datasets.size(); ++d) {
        const BuildDataset& ds = datasets[d];
        if (!ds.fixedSplit.empty() && ds.fixedSplit != "train" && ds.fixedSplit != "validation" && ds.fixedSplit != "test")
            throw UsageError("dataset '" + ds.name + "': split must be train, validation or test, not '" + ds.fixedSplit + "'");
        std::string why;
        for (const auto& t : config.templates) {
            std::vector<std::string> missing;
            for (const auto& f : fieldsOf[t.name])
                if (std::find(ds.columns.begin(), ds.columns.end(), f) == ds.columns.end() &&
                    !coveredByAlias(f, ds.columns, config))
                    missing.push_back(f);
            if (missing.empty()) usable[d].push_back(&t);
            else why += "\n  " + t.name + " needs " + joinNames(missing);
        }
        if (usable[d].empty())
            throw UsageError("no chosen template fits dataset '" + ds.name + "' (fields: " + joinNames(ds.columns) + "):" +
                             why + "\nAdd a template for this dataset's task, or map its fields when importing.");
        std::vector<std::string> names;
        for (auto* t : usable[d]) names.push_back(t->name);
        stats["datasets"][ds.name]["templates"] = names;
    }

    // 1. Render every row (and the copies a weight asks for).
    for (std::size_t d = 0; d < datasets.size(); ++d) {
        const BuildDataset& ds = datasets[d];
        const double weight = config.weights.empty() ? 1.0 : config.weights[d];
        const auto& pool = usable[d];
        int64_t rows = 0;
        const uint64_t datasetSalt = fnv1a64(ds.name);
        ds.forEachRow([&](int64_t idx, const nlohmann::json& row) {
            if (cancel && (rows & 127) == 0 && cancel()) throw Error("build cancelled; nothing was saved");
            ++rows;
            if (progress && (rows % 500) == 0) progress({ds.name, rows});
            const uint64_t key = fnv1a64(row.dump());
            std::string split = ds.fixedSplit;
            if (split.empty()) {
                const double u = unitInterval(stableHash(config.seed, "split", key));
                split = u < config.train ? "train" : u < config.train + config.validation ? "validation" : "test";
            }
            int copies = 1;
            if (split == "train") {
                const double u = unitInterval(stableHash(config.seed, "weight", key));
                copies = static_cast<int>(std::floor(weight)) + (u < weight - std::floor(weight) ? 1 : 0);
            }
            for (int c = 0; c < copies; ++c) {
                const PromptTemplate& t = *pool[stableHash(config.seed, "template", key, static_cast<uint64_t>(c)) % pool.size()];
                Candidate cand;
                cand.dataset = d;
                cand.rowKey = key;
                cand.orderKey = stableHash(config.seed, "order", key ^ datasetSalt, static_cast<uint64_t>(c));
                InstructionExample& ex = cand.ex;
                ex.split = split;
                ex.dataset = ds.name;
                ex.datasetId = ds.id;
                ex.rowIdx = idx;
                ex.copy = c;
                ex.templateName = t.name;
                try {
                    const auto aliases = aliasesFor(fieldsOf[t.name], row, config);
                    if (aliases.empty()) {
                        RenderedPair p = renderTemplate(t, row);
                        ex.prompt = std::move(p.prompt);
                        ex.completion = std::move(p.completion);
                    } else {
                        std::size_t n = 0;
                        for (const auto& a : aliases) n = std::max(n, a.second.size());
                        for (std::size_t k = 0; k < n; ++k) {
                            nlohmann::json r = row;
                            for (const auto& a : aliases) {
                                const auto& src = a.second[std::min(k, a.second.size() - 1)];
                                if (row.contains(src)) r[a.first] = row[src];
                            }
                            RenderedPair p = renderTemplate(t, r);
                            if (k == 0) {
                                ex.prompt = std::move(p.prompt);
                                ex.completion = p.completion;
                            }
                            ex.references.push_back(std::move(p.completion));
                        }
                    }
                } catch (const TemplateError& e) {
                    throw TemplateError("dataset '" + ds.name + "' row " + std::to_string(idx) + ": " + e.what());
                }
                all.push_back(std::move(cand));
            }
            return true;
        });
        stats["datasets"][ds.name]["rows"] = rows;
        stats["datasets"][ds.name]["weight"] = weight;
    }

    // 2. Cap training rows per dataset (keep the smallest hashes), then deduplicate.
    std::vector<bool> keep(all.size(), true);
    int64_t capped = 0;
    if (config.maxPerDataset >= 0) {
        for (std::size_t d = 0; d < datasets.size(); ++d) {
            std::vector<uint64_t> keys;
            for (const auto& c : all)
                if (c.dataset == d && c.ex.split == "train" && c.ex.copy == 0) keys.push_back(stableHash(config.seed, "cap", c.rowKey));
            if (static_cast<int64_t>(keys.size()) <= config.maxPerDataset) continue;
            std::vector<uint64_t> sorted = keys;
            std::sort(sorted.begin(), sorted.end());
            const uint64_t limit = config.maxPerDataset == 0 ? 0 : sorted[static_cast<std::size_t>(config.maxPerDataset) - 1];
            for (std::size_t i = 0; i < all.size(); ++i)
                if (all[i].dataset == d && all[i].ex.split == "train" &&
                    (config.maxPerDataset == 0 || stableHash(config.seed, "cap", all[i].rowKey) > limit)) {
                    if (keep[i] && all[i].ex.copy == 0) ++capped;
                    keep[i] = false;
                }
        }
    }
    int64_t duplicates = 0;
    if (config.dedupe) {
        std::set<std::pair<uint64_t, uint64_t>> seen;
        std::set<std::pair<std::size_t, int64_t>> droppedRows;
        for (const char* split : {"test", "validation", "train"}) {
            for (std::size_t i = 0; i < all.size(); ++i) {
                const InstructionExample& ex = all[i].ex;
                if (!keep[i] || ex.split != split || ex.copy != 0) continue;
                const std::pair<uint64_t, uint64_t> h{fnv1a64(ex.completion, fnv1a64(ex.prompt)),
                                                      mix64(fnv1a64(ex.prompt + '\x1f' + ex.completion, 0x84222325ull))};
                if (!seen.insert(h).second) {
                    droppedRows.insert({all[i].dataset, ex.rowIdx});
                    ++duplicates;
                }
            }
        }
        for (std::size_t i = 0; i < all.size(); ++i)
            if (droppedRows.count({all[i].dataset, all[i].ex.rowIdx})) keep[i] = false;
    }

    // 3. Tokens and the truncation policy.
    std::vector<int64_t> lengths;
    int64_t dropped = 0, truncated = 0;
    if (tokenizer) {
        TokenCounter tc(tokenizer);
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (!keep[i]) continue;
            if (cancel && (i & 127) == 0 && cancel()) throw Error("build cancelled; nothing was saved");
            InstructionExample& ex = all[i].ex;
            std::vector<int64_t> p = tokenizer->encode(ex.prompt, false);
            const int64_t c = static_cast<int64_t>(tokenizer->encode(ex.completion, false).size());
            int64_t total = tc.specials + static_cast<int64_t>(p.size()) + c;
            if (config.maxTokens > 0 && total > config.maxTokens) {
                const int64_t room = config.maxTokens - tc.specials - c;
                if (config.truncation == BuildConfig::Truncation::Drop || room <= 0) {
                    keep[i] = false;
                    ++dropped;
                    continue;
                }
                std::vector<int64_t> tail(p.end() - room, p.end());
                ex.prompt = tokenizer->decode(tail, false);
                total = tc.specials + room + c;
                ++truncated;
            }
            ex.tokens = total;
            lengths.push_back(total);
        }
    }

    // 4. Order and count.
    BuildResult result;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (keep[i]) order.push_back(i);
    auto splitRank = [](const std::string& s) { return s == "train" ? 0 : s == "validation" ? 1 : 2; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Candidate& x = all[a];
        const Candidate& y = all[b];
        const int rx = splitRank(x.ex.split), ry = splitRank(y.ex.split);
        if (rx != ry) return rx < ry;
        if (rx == 0) return x.orderKey < y.orderKey;
        if (x.dataset != y.dataset) return x.dataset < y.dataset;
        if (x.ex.rowIdx != y.ex.rowIdx) return x.ex.rowIdx < y.ex.rowIdx;
        return x.ex.copy < y.ex.copy;
    });
    for (const char* s : kSplits) stats["examples"][s] = 0;
    stats["templates"] = nlohmann::json::object();
    int64_t multiRef = 0;
    for (std::size_t i : order) {
        InstructionExample& ex = all[i].ex;
        stats["examples"][ex.split] = stats["examples"][ex.split].get<int64_t>() + 1;
        auto& ds = stats["datasets"][ex.dataset][ex.split];
        ds = ds.is_null() ? 1 : ds.get<int64_t>() + 1;
        auto& tc = stats["templates"][ex.templateName];
        tc = tc.is_null() ? 1 : tc.get<int64_t>() + 1;
        if (ex.references.size() > 1) ++multiRef;
        result.examples.push_back(std::move(ex));
    }
    stats["examples"]["total"] = static_cast<int64_t>(result.examples.size());
    stats["duplicates_removed"] = duplicates;
    stats["capped_rows"] = capped;
    stats["multi_reference_examples"] = multiRef;
    if (tokenizer) {
        nlohmann::json t = {{"count", static_cast<int64_t>(lengths.size())}, {"dropped", dropped}, {"truncated", truncated},
                            {"max_tokens", config.maxTokens}, {"tokenizer", config.tokenizerPath}};
        if (!lengths.empty()) {
            std::sort(lengths.begin(), lengths.end());
            double mean = 0;
            for (int64_t v : lengths) mean += static_cast<double>(v);
            mean /= static_cast<double>(lengths.size());
            // p95 by nearest rank: the smallest value with at least 95% of examples at or below it.
            const std::size_t rank = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(lengths.size())));
            t["min"] = lengths.front();
            t["mean"] = mean;
            t["p95"] = lengths[std::max<std::size_t>(rank, 1) - 1];
            t["max"] = lengths.back();
        }
        stats["tokens"] = t;
    }
    result.stats = std::move(stats);
    return result;
}

} // namespace tb
