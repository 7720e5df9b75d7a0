#include "models/ModelOps.h"

#include "models/FusedOps.h"

#include "util/Error.h"

#include <torch/version.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>

// LibTorch 2.5 and later: fused attention kernels (flash / memory-efficient on CUDA).
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 5)
#define TB_HAVE_SDPA 1
#endif

namespace tb::ops {

torch::Tensor attentionBias(const torch::Tensor& mask, int64_t batch, int64_t t, int64_t past,
                            torch::ScalarType dtype, torch::Device device, int64_t slidingWindow) {
    const int64_t s = past + t;
    const bool window = slidingWindow > 0 && s > slidingWindow;
    if (!mask.defined() && t == 1 && !window) return {};
    auto iopts = torch::TensorOptions().dtype(torch::kInt64).device(device);
    auto qpos = torch::arange(past, s, iopts).view({t, 1});
    auto kpos = torch::arange(0, s, iopts).view({1, s});
    auto allowed = kpos <= qpos;                                   // [T, S]
    if (window) allowed = allowed & (kpos > qpos - slidingWindow);
    allowed = allowed.view({1, 1, t, s});
    if (mask.defined()) {
        if (mask.size(0) != batch || mask.size(1) != s)
            throw Error("attention mask has shape [" + std::to_string(mask.size(0)) + ", " + std::to_string(mask.size(1)) +
                        "], expected [" + std::to_string(batch) + ", " + std::to_string(s) + "] (past + current positions)");
        allowed = allowed & mask.to(device).to(torch::kBool).view({batch, 1, 1, s});
    }
    const double minValue = dtype == torch::kFloat64 ? std::numeric_limits<double>::lowest()
                          : dtype == torch::kFloat16 ? -65504.0
                          : dtype == torch::kBFloat16 ? -3.3895313892515355e38
                                                      : static_cast<double>(std::numeric_limits<float>::lowest());
    auto zero = torch::zeros({1}, torch::TensorOptions().dtype(dtype).device(device));
    auto neg = torch::full({1}, minValue, torch::TensorOptions().dtype(dtype).device(device));
    return torch::where(allowed, zero, neg);
}

torch::Tensor positionIds(const torch::Tensor& mask, int64_t batch, int64_t t, int64_t past, torch::Device device) {
    if (!mask.defined())
        return torch::arange(past, past + t, torch::TensorOptions().dtype(torch::kInt64).device(device))
            .unsqueeze(0).expand({batch, t});
    auto m = mask.to(device).to(torch::kInt64);
    auto pos = m.cumsum(-1) - 1;
    pos.masked_fill_(m == 0, 1);
    return pos.narrow(1, pos.size(1) - t, t);
}

#ifdef TB_HAVE_SDPA
namespace {
// TUNEBENCH_SDPA: unset or "on" = LibTorch's fused attention on CUDA; "off" = never; "cpu" = on
// the CPU too (to check that path where there is no GPU).
int sdpaMode() {
    static const int mode = [] {
        const char* v = std::getenv("TUNEBENCH_SDPA");
        const std::string s = v ? v : "on";
        return s == "off" || s == "0" ? 0 : s == "cpu" ? 2 : 1;
    }();
    return mode;
}
} // namespace
#endif

torch::Tensor attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                        const torch::Tensor& bias, double scale, double dropoutP, bool causalBias) {
    const int64_t b = q.size(0), h = q.size(1), t = q.size(2), d = q.size(3);
    const int64_t kvh = k.size(1), s = k.size(2);
    const int64_t groups = h / kvh;
#ifdef TB_HAVE_SDPA
    // On CUDA, LibTorch's fused attention (the memory-efficient kernel takes an additive mask):
    // no [B, H, T, S] tensor in forward or backward. Without dropout (its random stream differs
    // from the plain path's). The mask is clamped to fp16's range so a cast never makes -inf
    // (an all -inf row would give NaN, and 0 * NaN reaches every row through P·V); a row that
    // sees no key averages over all keys, as on the plain path.
    if (dropoutP == 0.0 && sdpaMode() > 0 && (q.is_cuda() || sdpaMode() == 2)) {
        std::optional<at::Tensor> mask;
        if (bias.defined()) mask = bias.clamp_min(-65504.0).to(q.scalar_type());
        const auto kk = groups > 1 ? k.repeat_interleave(groups, 1) : k;
        const auto vv = groups > 1 ? v.repeat_interleave(groups, 1) : v;
        auto out = at::scaled_dot_product_attention(q, kk, vv, mask, 0.0, false, scale);
        return out.transpose(1, 2).reshape({b, t, h * d});
    }
#endif
    // Training without attention dropout: keep q, k, v instead of the probabilities (FusedOps.h).
    const bool needsGrad = q.requires_grad() || k.requires_grad() || v.requires_grad();
    const bool biasNeedsGrad = bias.defined() && bias.requires_grad();
    // fp32 on the CPU: one kernel (FusedOps.h), also in a checkpointed layer's first forward so
    // that its recompute gives the same values.
    const bool training = torch::GradMode::is_enabled() && needsGrad;
    const bool checkpointed = inCheckpointedLayer();
    if ((training || checkpointed) && dropoutP == 0.0 && !attentionKeepsProbs() && !biasNeedsGrad)
        if (auto out = cpuAttention(q, k, v, bias, scale, causalBias && bias.defined()); out.defined()) return out;
    if (training && dropoutP == 0.0 && !attentionKeepsProbs() && !checkpointed && !biasNeedsGrad)
        return recomputedAttention(q, k, v, bias, scale, 0, causalBias && bias.defined()).transpose(1, 2).reshape({b, t, h * d});
    // Group the query heads that share a kv head: [B, KvH, groups*T, D], no copy of the cache.
    // The scale goes on q ([.., T, D]) rather than on the scores ([.., T, S]): fewer elements
    // (S is usually several times D), and exact when the scale is a power of two (D = 64, 256).
    auto qg = (scale != 1.0 ? q * scale : q).reshape({b, kvh, groups * t, d});
    auto scores = torch::matmul(qg, k.transpose(-1, -2));   // [B, KvH, groups*T, S]
    scores = scores.view({b, kvh, groups, t, s});
    if (bias.defined()) scores = scores + bias.unsqueeze(1);   // [B,1,1,T,S]
    auto probs = ops::dropout(torch::softmax(scores, -1, torch::kFloat32).to(v.scalar_type()), dropoutP, true);
    auto out = torch::matmul(probs.view({b, kvh, groups * t, s}), v);   // [B, KvH, groups*T, D]
    return out.view({b, h, t, d}).transpose(1, 2).reshape({b, t, h * d});
}

torch::Tensor dropout(const torch::Tensor& x, double p, bool training) {
    return training && p > 0 ? torch::dropout(x, p, true) : x;
}

torch::Tensor rmsNorm(const torch::Tensor& x, const torch::Tensor& weight, double eps, bool training) {
    if (training)
        if (auto y = fusedRmsNorm(x, weight, eps); y.defined()) return y;
    auto h = x.to(torch::kFloat32);
    auto var = h.pow(2).mean(-1, true);
    h = h * torch::rsqrt(var + eps);
    return weight * h.to(x.scalar_type());
}

torch::Tensor activation(const std::string& name, const torch::Tensor& x) {
    if (name == "silu" || name == "swish") return torch::silu(x);
    if (name == "gelu") return torch::gelu(x);
    if (name == "gelu_new" || name == "gelu_pytorch_tanh" || name == "gelu_fast") return torch::gelu(x, "tanh");
    if (name == "relu") return torch::relu(x);
    if (name == "quick_gelu") return x * torch::sigmoid(1.702 * x);
    if (name == "tanh") return torch::tanh(x);
    throw Error("activation '" + name + "' is not supported");
}

torch::Tensor applyRotary(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    // Under autocast q and k arrive in bf16/fp16: the tables follow them (transformers casts
    // cos/sin to the activations' dtype too) instead of promoting q and k back to fp32.
    if (cos.scalar_type() != x.scalar_type() && x.is_floating_point())
        return rotary(x, cos.to(x.scalar_type()), sin.to(x.scalar_type()));
    return rotary(x, cos, sin);   // models/FusedOps.h: the same expression, with a direct backward
}

void repetitionPenalty(torch::Tensor& logits, const torch::Tensor& seen, double penalty) {
    auto score = logits.gather(1, seen);
    score = torch::where(score < 0, score * penalty, score / penalty);
    logits.scatter_(1, seen, score);
}

void topKTopP(torch::Tensor& logits, int64_t topK, double topP) {
    const double negInf = -std::numeric_limits<double>::infinity();
    if (topK > 0) {
        const int64_t k = std::min<int64_t>(topK, logits.size(-1));
        auto kth = std::get<0>(logits.topk(k, -1)).narrow(-1, k - 1, 1);
        logits.masked_fill_(logits < kth, negInf);
    }
    if (topP < 1.0) {
        auto sorted = logits.sort(-1, false);
        auto cum = std::get<0>(sorted).softmax(-1).cumsum(-1);
        auto remove = cum <= (1.0 - topP);
        remove.narrow(-1, remove.size(-1) - 1, 1).fill_(false);
        logits.masked_fill_(remove.scatter(1, std::get<1>(sorted), remove), negInf);
    }
}

} // namespace tb::ops
