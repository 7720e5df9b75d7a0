#include "training/MetricsSink.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace tb {
namespace {
nlohmann::json num(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }
} // namespace

void JsonLinesSink::onStep(const StepMetrics& m) {
    nlohmann::json j = {{"event", "step"},        {"step", m.step},          {"total_steps", m.totalSteps},
                        {"epoch", num(m.epoch)},  {"loss", num(m.loss)},     {"lr", num(m.learningRate)},
                        {"grad_norm", num(m.gradNorm)}, {"tokens_per_s", num(m.tokensPerSecond)},
                        {"eta_s", num(m.etaSeconds)}, {"elapsed_s", num(m.elapsedSeconds)},
                        {"memory_mb", static_cast<double>(m.memoryBytes) / (1024.0 * 1024.0)}};
    out_ << j.dump() << std::endl;
}

void JsonLinesSink::onEval(const EvalMetrics& m) {
    out_ << nlohmann::json{{"event", "eval"}, {"step", m.step}, {"eval_loss", num(m.loss)},
                           {"perplexity", num(m.perplexity)}, {"tokens", m.tokens}, {"best", m.best}}
                .dump()
         << std::endl;
}

void JsonLinesSink::onCheckpoint(int64_t step, const std::string& dir) {
    out_ << nlohmann::json{{"event", "checkpoint"}, {"step", step}, {"path", dir}}.dump() << std::endl;
}

void JsonLinesSink::onMessage(const std::string& level, const std::string& text) {
    out_ << nlohmann::json{{"event", "message"}, {"level", level}, {"text", text}}.dump() << std::endl;
}

} // namespace tb
