#pragma once
// Why this exists: everything that defines a training run in one validated value: the model,
// the data, the method and every hyperparameter. It is stored verbatim in the workspace so a
// run can be reproduced (`tunebench train --from-run ID`) and resumed. No torch.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace tb {

struct TrainingConfig {
    std::string name;
    // model and data
    std::string modelDir;
    std::string instructionSet;           // workspace instruction set (train / eval split below)
    std::string trainSplit = "train";
    std::string evalSplit = "validation";
    std::string dataFile;                 // JSONL {"prompt","completion"} (instead of a set)
    std::string evalDataFile;
    int64_t maxTrainExamples = -1;        // -1: all
    int64_t maxEvalExamples = 200;        // validation examples per evaluation; -1: all
    nlohmann::json method = {{"method", "lora"}};

    // optimisation
    int64_t epochs = 1;
    int64_t maxSteps = -1;                // > 0 overrides epochs (HF semantics)
    double learningRate = 2e-4;
    double weightDecay = 0.0;
    double adamBeta1 = 0.9, adamBeta2 = 0.999, adamEpsilon = 1e-8;
    std::string schedule = "linear";      // constant | linear | cosine
    int64_t warmupSteps = 0;
    double warmupRatio = 0.0;             // used when warmupSteps == 0
    int64_t batchSize = 4;
    int64_t gradientAccumulation = 1;
    int64_t maxSeqLength = 512;
    double maxGradNorm = 1.0;             // <= 0: no clipping

    // data handling
    bool trainOnPrompt = false;
    bool packing = false;
    bool groupByLength = true;

    // evaluation, checkpoints, logging
    int64_t evalEvery = 0;                // optimiser steps; 0: at the end only
    int64_t earlyStoppingPatience = 0;    // evaluations without improvement; 0: off
    double earlyStoppingThreshold = 0.0;
    int64_t saveEvery = 0;                // optimiser steps; 0: only at the end / on cancel
    int64_t keepLast = 2;
    int64_t logEvery = 1;

    // execution
    uint64_t seed = 42;
    std::string device = "auto";          // auto | cpu | cuda | cuda:N
    std::string precision = "fp32";       // fp32 | bf16 | fp16 (autocast on CUDA)
    bool gradientCheckpointing = false;
    int64_t checkpointLayers = 0;         // with gradientCheckpointing: the first N decoder layers; 0: all
    int threads = 0;                      // 0: all cores

    // outputs
    std::string outputDir;                // run folder: checkpoints/, adapter/
    std::string adapterOut;               // extra copy of the final adapter (--out)

    nlohmann::json toJson() const;
    // Unknown keys are refused (a typo must not silently train with a default); a wrong type or
    // value names the field.
    static TrainingConfig fromJson(const nlohmann::json& j);
    void validate() const;
    // Relative model/data/output paths made absolute against the current directory (existing
    // ones also canonical), so that the stored run can be resumed or reproduced from anywhere.
    // A model given as a hub id (not a path on disk) stays as it is.
    void makePathsAbsolute();
};

} // namespace tb
