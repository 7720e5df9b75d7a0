#pragma once
// Why this exists: the Train page shows the trainable-parameter count, its share of the model and
// a memory estimate while the user is still choosing the method — before any weights load. It
// reads only the safetensors headers (names and shapes) and the model's config, no torch.
// The trainer's own exact numbers replace these once a run starts.
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace tb { namespace ui {

class TrainableEstimator {
public:
    struct Linear {
        std::string name;    // full HF name without ".weight"
        std::string shortName;
        int64_t in = 0, out = 0;
        int layer = -1;
    };
    struct Estimate {
        int64_t trainable = 0, total = 0;
        int64_t memoryBytes = 0;   // weights + gradients + AdamW state of the trainable part (+activations)
        QString note;
    };

    // Throws tb::Error when the folder has no readable safetensors.
    void load(const QString& modelDir);
    bool loaded() const { return total_ > 0; }
    int64_t totalParameters() const { return total_; }
    int layerCount() const { return layers_; }
    int64_t hiddenSize() const { return hidden_; }
    // Short names of the 2-D projection weights inside the layers (q_proj, v_proj, c_attn, ...).
    QStringList moduleNames() const;
    // method: the "method" object of a training config. checkpointedLayers: decoder layers under
    // gradient checkpointing (0 none; more than the model has means all).
    Estimate estimate(const nlohmann::json& method, int64_t batch, int64_t seqLen, const QString& precision,
                      int64_t checkpointedLayers = 0) const;

private:
    std::vector<Linear> linears_;
    std::vector<std::pair<std::string, int64_t>> params_;   // every tensor: name, numel
    int64_t total_ = 0, hidden_ = 0;
    int layers_ = 0;
    bool gpt2Conv1d_ = false;
};

} } // namespace tb::ui
