#include "ui/training/TrainableEstimator.h"

#include "io/SafeTensorsFile.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <regex>
#include <set>

namespace tb { namespace ui {

namespace {

int layerOf(const std::string& name) {
    static const std::regex re(R"((?:^|\.)(?:layers|h|block|layer)\.(\d+)\.)");
    std::smatch m;
    return std::regex_search(name, m, re) ? std::stoi(m[1]) : -1;
}

bool matches(const std::string& shortName, const nlohmann::json& targets) {
    if (targets.is_string()) return std::regex_search(shortName, std::regex(targets.get<std::string>()));
    if (!targets.is_array()) return false;
    for (const auto& t : targets)
        if (t.is_string() && t.get<std::string>() == shortName) return true;
    return false;
}

} // namespace

void TrainableEstimator::load(const QString& modelDir) {
    linears_.clear();
    params_.clear();
    total_ = 0;
    layers_ = 0;
    const tb::SafeTensorsSet set = tb::SafeTensorsSet::openModelDir(modelDir.toStdString());
    QFile cfg(QDir(modelDir).filePath(QStringLiteral("config.json")));
    nlohmann::json config = nlohmann::json::object();
    if (cfg.open(QIODevice::ReadOnly)) config = nlohmann::json::parse(cfg.readAll().toStdString(), nullptr, false);
    if (config.is_discarded()) config = nlohmann::json::object();
    gpt2Conv1d_ = config.value("model_type", std::string()) == "gpt2";
    hidden_ = config.value("hidden_size", config.value("n_embd", config.value("d_model", int64_t(0))));
    std::set<int> layers;
    for (const std::string& n : set.names()) {
        const tb::StTensorInfo* info = set.find(n);
        if (!info) continue;
        params_.emplace_back(n, info->numel());
        total_ += info->numel();
        const int layer = layerOf(n);
        if (layer >= 0) layers.insert(layer);
        const std::string suffix = ".weight";
        if (info->shape.size() == 2 && layer >= 0 && n.size() > suffix.size() &&
            n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0) {
            Linear l;
            l.name = n.substr(0, n.size() - suffix.size());
            l.shortName = l.name.substr(l.name.rfind('.') + 1);
            // HF Linear stores [out, in]; GPT-2's Conv1D stores [in, out].
            l.out = gpt2Conv1d_ ? info->shape[1] : info->shape[0];
            l.in = gpt2Conv1d_ ? info->shape[0] : info->shape[1];
            l.layer = layer;
            linears_.push_back(l);
        }
    }
    layers_ = int(layers.size());
}

QStringList TrainableEstimator::moduleNames() const {
    QStringList out;
    for (const Linear& l : linears_) {
        const QString s = QString::fromStdString(l.shortName);
        if (!out.contains(s)) out << s;
    }
    return out;
}

TrainableEstimator::Estimate TrainableEstimator::estimate(const nlohmann::json& method, int64_t batch, int64_t seqLen,
                                                          const QString& precision, int64_t checkpointedLayers) const {
    Estimate e;
    e.total = total_;
    const std::string m = method.value("method", std::string("lora"));
    if (m == "full") {
        e.trainable = total_;
    } else if (m == "lora") {
        const int64_t r = method.value("r", int64_t(8));
        const nlohmann::json targets = method.contains("target_modules") ? method["target_modules"] : nlohmann::json::array();
        for (const Linear& l : linears_)
            if (matches(l.shortName, targets)) e.trainable += r * (l.in + l.out);
    } else if (m == "ia3") {
        const nlohmann::json targets = method.contains("target_modules") ? method["target_modules"] : nlohmann::json::array();
        const nlohmann::json ff = method.contains("feedforward_modules") ? method["feedforward_modules"] : nlohmann::json::array();
        for (const Linear& l : linears_)
            if (matches(l.shortName, targets)) e.trainable += matches(l.shortName, ff) ? l.in : l.out;
    } else if (m == "prompt") {
        e.trainable = method.value("num_virtual_tokens", int64_t(20)) * hidden_;
    } else if (m == "selective") {
        int from = -1, to = -1;
        if (method.contains("layers") && method["layers"].is_array() && method["layers"].size() == 2) {
            from = method["layers"][0].get<int>();
            to = method["layers"][1].get<int>();
        }
        const bool biasOnly = method.value("bias_only", false), norms = method.value("norms", false);
        for (const auto& [name, n] : params_) {
            const int layer = layerOf(name);
            const bool inRange = from < 0 || (layer >= from && layer <= to);
            const bool isBias = name.size() > 5 && name.compare(name.size() - 5, 5, ".bias") == 0;
            const bool isNorm = name.find("norm") != std::string::npos || name.find("ln_") != std::string::npos;
            if (biasOnly ? (isBias && inRange) : (layer >= 0 && inRange)) e.trainable += n;
            else if (norms && isNorm) e.trainable += n;
        }
    }
    // The trainer keeps weights in fp32 (autocast casts them per GEMM); bf16/fp16 halve the
    // activations. Frozen weights + trainable fp32 gradient and two AdamW moments.
    const int64_t activationBytes = precision == QLatin1String("fp32") ? 4 : 2;
    // About 16 values per token and hidden unit per layer kept for backward; a checkpointed layer
    // keeps its input only (1), and recomputes one layer's 16 at a time after the others' are freed.
    const int64_t layers = std::max(layers_, 1), ckpt = std::clamp<int64_t>(checkpointedLayers, 0, layers);
    const int64_t perToken = ckpt + std::max<int64_t>((layers - ckpt) * 16, ckpt > 0 ? 16 : 0);
    const int64_t activations = batch * seqLen * std::max<int64_t>(hidden_, 1) * perToken * activationBytes;
    e.memoryBytes = total_ * 4 + e.trainable * 4 * 3 + activations;
    return e;
}

} } // namespace tb::ui
