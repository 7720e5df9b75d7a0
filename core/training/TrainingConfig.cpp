#include "training/TrainingConfig.h"

#include "util/Error.h"

#include <filesystem>
#include <set>

namespace tb {

nlohmann::json TrainingConfig::toJson() const {
    return {{"name", name},
            {"model", modelDir},
            {"instructions", instructionSet},
            {"train_split", trainSplit},
            {"eval_split", evalSplit},
            {"data", dataFile},
            {"eval_data", evalDataFile},
            {"max_train_examples", maxTrainExamples},
            {"max_eval_examples", maxEvalExamples},
            {"method", method},
            {"epochs", epochs},
            {"max_steps", maxSteps},
            {"learning_rate", learningRate},
            {"weight_decay", weightDecay},
            {"adam_beta1", adamBeta1},
            {"adam_beta2", adamBeta2},
            {"adam_epsilon", adamEpsilon},
            {"schedule", schedule},
            {"warmup_steps", warmupSteps},
            {"warmup_ratio", warmupRatio},
            {"batch_size", batchSize},
            {"gradient_accumulation", gradientAccumulation},
            {"max_seq_length", maxSeqLength},
            {"max_grad_norm", maxGradNorm},
            {"train_on_prompt", trainOnPrompt},
            {"packing", packing},
            {"group_by_length", groupByLength},
            {"eval_every", evalEvery},
            {"early_stopping_patience", earlyStoppingPatience},
            {"early_stopping_threshold", earlyStoppingThreshold},
            {"save_every", saveEvery},
            {"keep_last", keepLast},
            {"log_every", logEvery},
            {"seed", seed},
            {"device", device},
            {"precision", precision},
            {"gradient_checkpointing", gradientCheckpointing},
            {"checkpoint_layers", checkpointLayers},
            {"threads", threads},
            {"output_dir", outputDir},
            {"adapter_out", adapterOut}};
}

namespace {
template <typename T>
void read(const nlohmann::json& j, const char* key, T& out) {
    if (!j.contains(key) || j[key].is_null()) return;
    try {
        out = j[key].get<T>();
    } catch (const nlohmann::json::exception&) {
        throw UsageError(std::string("training config: \"") + key + "\" has the wrong type (" + j[key].dump() + ")");
    }
}
} // namespace

TrainingConfig TrainingConfig::fromJson(const nlohmann::json& j) {
    if (!j.is_object()) throw UsageError("training config: expected a JSON object");
    TrainingConfig c;
    const std::set<std::string> known = [&] {
        std::set<std::string> k;
        const nlohmann::json defaults = c.toJson();   // items() of a temporary would dangle
        for (auto& [key, v] : defaults.items()) k.insert(key);
        k.insert("lr");
        return k;
    }();
    for (auto& [key, v] : j.items())
        if (!known.count(key)) throw UsageError("training config: unknown setting \"" + key + "\"");
    read(j, "name", c.name);
    read(j, "model", c.modelDir);
    read(j, "instructions", c.instructionSet);
    read(j, "train_split", c.trainSplit);
    read(j, "eval_split", c.evalSplit);
    read(j, "data", c.dataFile);
    read(j, "eval_data", c.evalDataFile);
    read(j, "max_train_examples", c.maxTrainExamples);
    read(j, "max_eval_examples", c.maxEvalExamples);
    if (j.contains("method")) {
        if (j["method"].is_string()) c.method = {{"method", j["method"].get<std::string>()}};
        else if (j["method"].is_object()) c.method = j["method"];
        else throw UsageError("training config: \"method\" must be a name or an object");
    }
    read(j, "epochs", c.epochs);
    read(j, "max_steps", c.maxSteps);
    read(j, "learning_rate", c.learningRate);
    read(j, "lr", c.learningRate);
    read(j, "weight_decay", c.weightDecay);
    read(j, "adam_beta1", c.adamBeta1);
    read(j, "adam_beta2", c.adamBeta2);
    read(j, "adam_epsilon", c.adamEpsilon);
    read(j, "schedule", c.schedule);
    read(j, "warmup_steps", c.warmupSteps);
    read(j, "warmup_ratio", c.warmupRatio);
    read(j, "batch_size", c.batchSize);
    read(j, "gradient_accumulation", c.gradientAccumulation);
    read(j, "max_seq_length", c.maxSeqLength);
    read(j, "max_grad_norm", c.maxGradNorm);
    read(j, "train_on_prompt", c.trainOnPrompt);
    read(j, "packing", c.packing);
    read(j, "group_by_length", c.groupByLength);
    read(j, "eval_every", c.evalEvery);
    read(j, "early_stopping_patience", c.earlyStoppingPatience);
    read(j, "early_stopping_threshold", c.earlyStoppingThreshold);
    read(j, "save_every", c.saveEvery);
    read(j, "keep_last", c.keepLast);
    read(j, "log_every", c.logEvery);
    read(j, "seed", c.seed);
    read(j, "device", c.device);
    read(j, "precision", c.precision);
    read(j, "gradient_checkpointing", c.gradientCheckpointing);
    read(j, "checkpoint_layers", c.checkpointLayers);
    read(j, "threads", c.threads);
    read(j, "output_dir", c.outputDir);
    read(j, "adapter_out", c.adapterOut);
    return c;
}

void TrainingConfig::makePathsAbsolute() {
    namespace fs = std::filesystem;
    auto absolute = [](std::string& p, bool mustExist) {
        if (p.empty()) return;
        std::error_code ec;
        if (mustExist && !fs::exists(p, ec)) return;
        const auto abs = fs::weakly_canonical(fs::absolute(p, ec), ec);
        if (!ec) p = abs.string();
    };
    absolute(modelDir, true);
    absolute(dataFile, false);
    absolute(evalDataFile, false);
    absolute(outputDir, false);
    absolute(adapterOut, false);
}

void TrainingConfig::validate() const {
    auto bad = [](const std::string& field, const std::string& why) {
        throw UsageError("training config: " + field + " " + why);
    };
    if (modelDir.empty()) bad("model", "is required (a Hugging Face model folder)");
    if (instructionSet.empty() && dataFile.empty()) bad("data", "is required: give an instruction set or a JSONL file");
    if (!instructionSet.empty() && !dataFile.empty()) bad("data", "and instructions are exclusive");
    if (epochs <= 0 && maxSteps <= 0) bad("epochs", "must be positive (or set max_steps)");
    if (!(learningRate > 0)) bad("learning_rate", "must be positive");
    if (weightDecay < 0) bad("weight_decay", "must be >= 0");
    if (schedule != "constant" && schedule != "linear" && schedule != "cosine")
        bad("schedule", "must be constant, linear or cosine (got \"" + schedule + "\")");
    if (warmupSteps < 0 || warmupRatio < 0 || warmupRatio > 1) bad("warmup", "must be >= 0 (ratio <= 1)");
    if (batchSize <= 0) bad("batch_size", "must be positive");
    if (gradientAccumulation <= 0) bad("gradient_accumulation", "must be positive");
    if (maxSeqLength < 2) bad("max_seq_length", "must be at least 2");
    if (evalEvery < 0 || saveEvery < 0) bad("eval_every/save_every", "must be >= 0");
    if (keepLast < 1) bad("keep_last", "must be at least 1");
    if (checkpointLayers < 0) bad("checkpoint_layers", "must be 0 (every layer) or a number of layers");
    if (logEvery < 1) bad("log_every", "must be at least 1");
    if (precision != "fp32" && precision != "bf16" && precision != "fp16")
        bad("precision", "must be fp32, bf16 or fp16");
    if (adamBeta1 < 0 || adamBeta1 >= 1 || adamBeta2 < 0 || adamBeta2 >= 1) bad("adam_beta", "must be in [0, 1)");
}

} // namespace tb
