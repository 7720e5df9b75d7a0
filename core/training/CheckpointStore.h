#pragma once
// Why this exists: checkpoints that survive a kill -9 at any moment: each is written into
// "checkpoint-<step>.tmp" and renamed when complete, the oldest beyond keep-last are removed
// after the new one is in place, and latest() only sees complete ones. A checkpoint holds the
// trainable weights (PEFT names), the optimiser state, the RNG state and trainer_state.json.
#include "peft/TensorFiles.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace tb {

struct CheckpointData {
    peft::NamedTensors weights;
    peft::NamedTensors optimizer;
    torch::Tensor rngState;            // torch's CPU generator state (uint8)
    nlohmann::json trainerState;       // step, epoch, data position, early-stopping state, ...
};

struct LoadedCheckpoint {
    std::string path;
    std::map<std::string, torch::Tensor> weights, optimizer;
    torch::Tensor rngState;
    nlohmann::json trainerState;
};

class CheckpointStore {
public:
    CheckpointStore(std::string dir, int64_t keepLast);
    // Returns the checkpoint folder.
    std::string save(int64_t step, const CheckpointData& data);
    // Complete checkpoints, oldest first.
    std::vector<std::string> list() const;
    std::string latest() const;   // "" when none
    static LoadedCheckpoint load(const std::string& path);
    const std::string& dir() const { return dir_; }

private:
    std::string dir_;
    int64_t keepLast_;
};

} // namespace tb
