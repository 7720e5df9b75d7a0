#include "training/ResourceEstimate.h"

#include "training/CausalLmLoss.h"

#include "models/FusedOps.h"
#include "models/ModelConfig.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <string>
#include <unistd.h>

namespace tb {

namespace {
// Parameters that take part in matmuls per token (embedding lookups excluded, the output
// projection included).
double matmulParams(const ModelConfig& c) {
    const double h = static_cast<double>(c.hiddenSize);
    const double hd = static_cast<double>(c.headDim > 0 ? c.headDim : (c.numHeads ? c.hiddenSize / c.numHeads : 0));
    const double q = static_cast<double>(c.numHeads) * hd, kv = static_cast<double>(c.numKvHeads ? c.numKvHeads : c.numHeads) * hd;
    const double ff = static_cast<double>(c.intermediateSize > 0 ? c.intermediateSize : 4 * c.hiddenSize);
    const double attn = h * (q + 2 * kv) + q * h;
    const bool gated = c.family == "llama";
    const double mlp = (gated ? 3.0 : 2.0) * h * ff;
    return static_cast<double>(c.numLayers) * (attn + mlp) + h * static_cast<double>(c.vocabSize);
}
double attentionFlops(const ModelConfig& c, int64_t seqLen) {
    // QK^T and AV: 2 * 2 * T * (H*D) per token per layer with full (unmasked) attention, as
    // usually counted (PaLM appendix B), halved for the causal mask.
    const double hd = static_cast<double>(c.headDim > 0 ? c.headDim : c.hiddenSize / std::max<int64_t>(1, c.numHeads));
    return static_cast<double>(c.numLayers) * 2.0 * static_cast<double>(seqLen) * static_cast<double>(c.numHeads) * hd;
}
} // namespace

double inferenceFlopsPerToken(const ModelConfig& c, int64_t seqLen) {
    return 2.0 * matmulParams(c) + attentionFlops(c, seqLen);
}

double trainingFlopsPerToken(const ModelConfig& c, int64_t seqLen, int64_t trainableWeights, bool fullBackward) {
    const double fwd = inferenceFlopsPerToken(c, seqLen);
    const double backwardActivations = fwd;   // dX for every matmul (and attention)
    const double backwardWeights = fullBackward ? 2.0 * matmulParams(c) : 2.0 * static_cast<double>(trainableWeights);
    // Adapters still run their own forward/backward; small and counted in backwardWeights only.
    return fwd + backwardActivations + backwardWeights;
}

double outputProjectionTrainingFlopsPerToken(const ModelConfig& c, bool fullBackward) {
    return (fullBackward ? 6.0 : 4.0) * static_cast<double>(c.hiddenSize) * static_cast<double>(c.vocabSize);
}

double measureGemmGflops(const std::string& device, double seconds, const std::string& precision) {
    torch::NoGradGuard ng;
    const auto dev = device.rfind("cuda", 0) == 0 ? torch::Device(device) : torch::Device(torch::kCPU);
    const int64_t n = dev.is_cuda() ? 4096 : 1024;
    // Deterministic inputs: the measurement must not advance the global RNG (reproducible runs).
    const auto dtype = precision == "bf16" ? torch::kBFloat16 : precision == "fp16" ? torch::kHalf : torch::kFloat32;
    auto a = torch::linspace(-1.0, 1.0, n * n, torch::TensorOptions().device(dev)).reshape({n, n}).to(dtype);
    auto b = a.t().contiguous();
    auto c = torch::mm(a, b);   // warm-up
    if (dev.is_cuda()) torch::cuda::synchronize();
    double best = 0;
    const auto start = std::chrono::steady_clock::now();
    do {
        const auto t0 = std::chrono::steady_clock::now();
        torch::mm_out(c, a, b);
        if (dev.is_cuda()) torch::cuda::synchronize();
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        best = std::max(best, 2.0 * static_cast<double>(n * n * n) / s / 1e9);
    } while (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < seconds);
    return best;
}

ResourceEstimate estimateResources(const ModelConfig& c, int64_t totalParams, int64_t trainableParams,
                                   bool fullBackward, int64_t batch, int64_t seqLen, int64_t tokensPerEpoch,
                                   double gemmGflops, int64_t bytesPerWeight, int64_t checkpointedLayers, bool chunkedLoss,
                                   double labelledFraction, double gemmEfficiency) {
    ResourceEstimate e;
    e.weightBytes = totalParams * bytesPerWeight;
    e.gradientBytes = trainableParams * 4;
    e.optimizerBytes = trainableParams * 8;
    const double tokens = static_cast<double>(batch * seqLen);
    const double h = static_cast<double>(c.hiddenSize), ff = static_cast<double>(c.intermediateSize > 0 ? c.intermediateSize : 4 * c.hiddenSize);
    const double vocab = static_cast<double>(c.vocabSize);
    // Saved for backward per layer: norms' inputs, q/k/v, MLP intermediates (about 10 h + 4 ff
    // values per token). Dropout keeps its masks: two [T, h] per layer for residual dropout.
    const double base = tokens * (10.0 * h + 4.0 * ff) * 4.0 + (c.residualDropout > 0 ? 2.0 * tokens * h * 4.0 : 0.0);
    // The [heads, T, T] scores and probabilities: kept per layer only on the plain attention path
    // (attention dropout, which keeps its mask as well, or a checkpointed layer's recompute);
    // otherwise attention recomputes them in backward, a block of at most 32 MB (and, causal,
    // 128 query rows) at a time.
    const double scores = static_cast<double>(batch * c.numHeads) * static_cast<double>(seqLen * seqLen) * 4.0;
    const double plainScores = scores * 2.0 + (c.attentionDropout > 0 ? scores : 0.0);
    const double causalBlock = static_cast<double>(batch * c.numHeads) * static_cast<double>(ops::kCausalBlockRows * seqLen) * 4.0;
    const double block = 2.0 * std::min({scores, causalBlock, static_cast<double>(ops::kAttentionBlockBytes)});
    const double layers = static_cast<double>(c.numLayers);
    const double ckpt = static_cast<double>(std::clamp<int64_t>(checkpointedLayers, 0, c.numLayers));
    const bool checkpointing = ckpt > 0;
    const double perLayer = base + (c.attentionDropout > 0 ? plainScores : 0.0);
    // A checkpointed layer keeps its input only. The checkpointed ones are the first layers, so
    // their recompute (one layer's activations at a time) comes after the others' backward has
    // freed theirs: the peak is the larger of the two moments.
    e.activationBytes = static_cast<int64_t>(ckpt * tokens * h * 4.0 +
                                             std::max((layers - ckpt) * perLayer, checkpointing ? base + plainScores : 0.0) +
                                             (c.attentionDropout > 0 || ckpt == layers ? 0.0 : block));
    if (chunkedLoss) {
        // One chunk of logits, turned into its gradient in place, plus d(loss)/d(hidden).
        const double rows = std::min(tokens, static_cast<double>(defaultLossChunkRows(c.vocabSize)));
        e.logitBytes = static_cast<int64_t>(rows * vocab * 4.0 + tokens * h * 4.0);
    } else {
        e.logitBytes = static_cast<int64_t>(tokens * vocab * 4.0 * 3.0);   // logits, log-softmax, grad
    }
    e.peakBytes = e.weightBytes + e.gradientBytes + e.optimizerBytes + e.activationBytes + e.logitBytes;
    e.flopsPerToken = trainingFlopsPerToken(c, seqLen, trainableParams, fullBackward);
    e.gemmGflops = gemmGflops;
    e.tokensPerEpoch = tokensPerEpoch;
    // Checkpointing runs each checkpointed layer's forward twice (the output projection once).
    const double recompute = layers > 0 ? (inferenceFlopsPerToken(c, seqLen) - 2.0 * h * vocab) * ckpt / layers : 0.0;
    // The chunked loss skips the output projection where no label counts (prompt, padding).
    const double skippedHead =
        chunkedLoss ? outputProjectionTrainingFlopsPerToken(c, fullBackward) * (1.0 - std::clamp(labelledFraction, 0.0, 1.0)) : 0.0;
    if (gemmGflops > 0)
        e.secondsPerEpoch =
            (e.flopsPerToken - skippedHead + recompute) * static_cast<double>(tokensPerEpoch) / (gemmEfficiency * gemmGflops * 1e9);
    return e;
}

int64_t currentRssBytes() {
    std::ifstream in("/proc/self/statm");
    int64_t size = 0, rss = 0;
    if (!(in >> size >> rss)) return 0;
    return rss * static_cast<int64_t>(sysconf(_SC_PAGESIZE));
}

int64_t peakRssBytes() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stoll(line.substr(6)) * 1024;
    return 0;
}

} // namespace tb
