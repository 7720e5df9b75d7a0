#pragma once
// Why this exists: an instruction set is what training and evaluation consume: rendered
// (prompt, completion) examples split train/validation/test, with the exact recipe that made
// them (datasets, template names and texts, seed, ratios, weights: instruction_sets.config) and
// its statistics. This class saves a built set in one transaction and reads it back.
//
// Usage:
//   1. InstructionSetRepository repo(workspace);
//   2. repo.save(name, config, stats, examples)  (BuildJob / `tunebench build` do this);
//   3. repo.examples(name, "test") or forEachExample(...) for training, evaluation and export.
#include "data/InstructionExample.h"

#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace tb {

class Workspace;

class InstructionSetRepository {
public:
    explicit InstructionSetRepository(std::shared_ptr<Workspace> ws);

    struct Info {
        qint64 id = 0;
        QString name;
        nlohmann::json config;   // BuildConfig::toJson
        nlohmann::json stats;    // BuildResult::stats
        qint64 train = 0, validation = 0, test = 0;
        QString createdAt;
    };

    QList<Info> list() const;
    std::optional<Info> find(const QString& name) const;
    Info require(const QString& name) const;   // throws UsageError naming the known sets

    // Saves a new set (replace = overwrite a set of the same name) in one transaction.
    Info save(const QString& name, const nlohmann::json& config, const nlohmann::json& stats,
              const std::vector<InstructionExample>& examples, bool replace = false);

    // split empty = every split (train, validation, test order); examples keep their stored order.
    std::vector<InstructionExample> examples(const QString& name, const QString& split = {}) const;
    void forEachExample(const QString& name, const QString& split,
                        const std::function<bool(const InstructionExample&)>& fn) const;

    void remove(const QString& name);

private:
    std::shared_ptr<Workspace> ws_;
};

} // namespace tb
