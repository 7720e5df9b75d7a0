#include "training/CausalLmLoss.h"

#include "models/Autocast.h"

#include <torch/csrc/autograd/custom_function.h>

#include <algorithm>

namespace tb {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

struct ChunkedResult {
    torch::Tensor lossSum;          // fp32 scalar
    int64_t count = 0;              // targets that count
    torch::Tensor gradHidden, gradWeight, gradBias;   // d(lossSum)/d(.), when asked for
};

// The same over rows that all count (no -100 in target): what chunkedCrossEntropy hands it.
ChunkedResult chunkedCrossEntropyRows(const torch::Tensor& hidden, const torch::Tensor& weight, const torch::Tensor& bias,
                                      const torch::Tensor& target, int64_t chunkRows, bool wantHidden, bool wantWeight,
                                      bool wantBias, torch::ScalarType gemmDtype);

// One pass over the rows: loss sum, and the gradients of the sum when wanted. Rows whose target
// is -100 (prompt tokens, padding, the last position) neither add to the loss nor receive a
// gradient, so their logits are not computed at all: the counted rows are gathered first. With
// prompt masking that skips most of the output projection (DialogSum instructions: 85 % of
// the rows are prompt, and the head is about a fifth of a LoRA step's FLOPs on SmolLM2).
ChunkedResult chunkedCrossEntropy(const torch::Tensor& hidden, const torch::Tensor& weight, const torch::Tensor& bias,
                                  const torch::Tensor& target, int64_t chunkRows, bool wantHidden, bool wantWeight,
                                  bool wantBias, torch::ScalarType gemmDtype) {
    torch::NoGradGuard noGrad;
    NoAutocast noAutocast;   // the dtypes below are explicit
    const int64_t n = hidden.size(0);
    const auto rows = target.ne(-100).nonzero().squeeze(1);
    if (rows.size(0) == n)
        return chunkedCrossEntropyRows(hidden, weight, bias, target, chunkRows, wantHidden, wantWeight, wantBias, gemmDtype);
    auto r = chunkedCrossEntropyRows(hidden.index_select(0, rows), weight, bias, target.index_select(0, rows), chunkRows,
                                     wantHidden, wantWeight, wantBias, gemmDtype);
    if (wantHidden) {
        auto full = torch::zeros({n, hidden.size(1)}, r.gradHidden.options());
        full.index_copy_(0, rows, r.gradHidden);
        r.gradHidden = full;
    }
    return r;
}

ChunkedResult chunkedCrossEntropyRows(const torch::Tensor& hidden, const torch::Tensor& weight, const torch::Tensor& bias,
                                      const torch::Tensor& target, int64_t chunkRows, bool wantHidden, bool wantWeight,
                                      bool wantBias, torch::ScalarType gemmDtype) {
    torch::NoGradGuard noGrad;
    const int64_t n = hidden.size(0), vocab = weight.size(0);
    if (chunkRows <= 0) chunkRows = defaultLossChunkRows(vocab);
    chunkRows = std::min(chunkRows, std::max<int64_t>(n, 1));
    ChunkedResult r;
    const auto f32 = hidden.options().dtype(torch::kFloat32);
    r.lossSum = torch::zeros({}, f32);
    if (wantHidden) r.gradHidden = torch::zeros({n, hidden.size(1)}, f32);
    if (wantWeight) r.gradWeight = torch::zeros(weight.sizes(), f32);
    if (wantBias) r.gradBias = torch::zeros({vocab}, f32);
    const bool wantAny = wantHidden || wantWeight || wantBias;
    // Autocast (bf16/fp16 GEMMs, fp32 softmax): hidden, weight and bias cast once, here.
    const bool lowp = gemmDtype != torch::kFloat32 && hidden.scalar_type() == torch::kFloat32;
    const auto dt = lowp ? gemmDtype : hidden.scalar_type();
    const auto hs = lowp ? hidden.to(dt) : hidden;
    const auto w = weight.scalar_type() == dt ? weight : weight.to(dt);
    const auto b = !bias.defined() || bias.scalar_type() == dt ? bias : bias.to(dt);
    r.count = n;
    torch::Tensor buffer, lowBuffer;
    for (int64_t start = 0; start < n; start += chunkRows) {
        const int64_t len = std::min(chunkRows, n - start);
        const auto t = target.narrow(0, start, len).unsqueeze(1);
        const auto h = hs.narrow(0, start, len);
        // fp32: every chunk reuses one buffer (above malloc's mmap threshold, a fresh one per
        // chunk would be mapped and zeroed by the kernel each time).
        torch::Tensor logits;
        if (lowp) {
            if (!buffer.defined()) {
                buffer = torch::empty({chunkRows, vocab}, f32);
                lowBuffer = torch::empty({chunkRows, vocab}, hidden.options().dtype(dt));
            }
            auto low = lowBuffer.narrow(0, 0, len);
            if (b.defined())
                torch::addmm_out(low, b, h, w.t());
            else
                torch::mm_out(low, h, w.t());
            logits = buffer.narrow(0, 0, len).copy_(low);
        } else if (h.scalar_type() == torch::kFloat32) {
            if (!buffer.defined()) buffer = torch::empty({chunkRows, vocab}, f32);
            logits = buffer.narrow(0, 0, len);
            if (b.defined())
                torch::addmm_out(logits, b, h, w.t());
            else
                torch::mm_out(logits, h, w.t());
        } else {
            logits = torch::nn::functional::linear(h, w, b).to(torch::kFloat32);   // [len, V]
        }
        const auto picked = logits.gather(1, t).squeeze(1);
        // One exp pass serves both the log-sum-exp and the softmax: e = exp(x - max).
        const auto mx = std::get<0>(logits.max(1, true));
        logits.sub_(mx).exp_();
        const auto total = logits.sum(1);
        const auto lse = total.log() + mx.squeeze(1);
        r.lossSum += (lse - picked).sum();
        if (!wantAny) continue;
        // d(sum)/d(logits) = softmax - onehot(target), in place.
        logits.div_(total.unsqueeze(1));
        logits.scatter_add_(1, t, torch::full({len, 1}, -1.0, f32));
        const auto g = logits.scalar_type() == w.scalar_type() ? logits
                       : lowp ? lowBuffer.narrow(0, 0, len).copy_(logits)
                              : logits.to(w.scalar_type());
        if (wantHidden) r.gradHidden.narrow(0, start, len).copy_(g.mm(w));
        if (wantWeight) {
            if (lowp)
                r.gradWeight.add_(g.t().mm(h));   // the GEMM in autocast's dtype, summed in fp32
            else
                r.gradWeight.addmm_(g.t().to(torch::kFloat32), h.to(torch::kFloat32));
        }
        if (wantBias) r.gradBias.add_(logits.sum(0));
    }
    return r;
}

class LinearCrossEntropyFunction : public torch::autograd::Function<LinearCrossEntropyFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& hidden, const torch::Tensor& weight,
                                 const c10::optional<torch::Tensor>& bias, const torch::Tensor& target, int64_t chunkRows,
                                 at::ScalarType gemmDtype) {
        const auto b = bias.has_value() ? *bias : torch::Tensor();
        auto r = chunkedCrossEntropy(hidden, weight, b, target, chunkRows, hidden.requires_grad(), weight.requires_grad(),
                                     b.defined() && b.requires_grad(), gemmDtype);
        const double count = static_cast<double>(r.count);
        ctx->saved_data["count"] = count;
        ctx->saved_data["hidden_dtype"] = hidden.scalar_type();
        ctx->saved_data["weight_dtype"] = weight.scalar_type();
        ctx->saved_data["grad_hidden"] = r.gradHidden;
        ctx->saved_data["grad_weight"] = r.gradWeight;
        ctx->saved_data["grad_bias"] = r.gradBias;
        ctx->saved_data["has_bias"] = b.defined();
        return r.lossSum / count;   // 0/0 = NaN, as cross_entropy with nothing to count
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs) {
        const auto scale = gradOutputs[0] / ctx->saved_data["count"].toDouble();
        auto scaled = [&](const char* key, at::ScalarType dtype) {
            auto g = ctx->saved_data[key].toTensor();
            return g.defined() ? (g * scale).to(dtype) : torch::Tensor();
        };
        const auto hd = ctx->saved_data["hidden_dtype"].toScalarType(), wd = ctx->saved_data["weight_dtype"].toScalarType();
        return {scaled("grad_hidden", hd), scaled("grad_weight", wd),
                ctx->saved_data["has_bias"].toBool() ? scaled("grad_bias", wd) : torch::Tensor(), torch::Tensor(),
                torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

int64_t defaultLossChunkRows(int64_t vocab) {
    return std::clamp<int64_t>((int64_t{1} << 25) / std::max<int64_t>(vocab, 1), 16, 4096);
}

torch::Tensor shiftedTargets(const torch::Tensor& labels, int64_t numVirtualTokens) {
    // PEFT prepends -100 labels for the virtual tokens, so the last virtual position predicts
    // the first real token.
    auto full = labels;
    if (numVirtualTokens > 0)
        full = torch::cat({torch::full({labels.size(0), numVirtualTokens}, -100, labels.options()), labels}, 1);
    auto target = torch::full_like(full, -100);
    target.slice(1, 0, -1).copy_(full.slice(1, 1));
    return target;
}

torch::Tensor causalLmLoss(const torch::Tensor& logits, const torch::Tensor& labels, int64_t numVirtualTokens) {
    // Shifting the labels (not the logits) keeps the logits a view: no copy of the [B*T, vocab] matrix.
    const auto target = shiftedTargets(labels, numVirtualTokens);
    auto l = logits.scalar_type() == torch::kFloat32 ? logits : logits.to(torch::kFloat32);
    return torch::nn::functional::cross_entropy(l.reshape({-1, l.size(-1)}), target.reshape({-1}),
                                                torch::nn::functional::CrossEntropyFuncOptions().ignore_index(-100));
}

torch::Tensor causalLmLoss(const ForwardOutput& out, const torch::Tensor& labels, int64_t numVirtualTokens) {
    if (out.logits.defined()) return causalLmLoss(out.logits, labels, numVirtualTokens);
    const auto target = shiftedTargets(labels, numVirtualTokens).to(out.hidden.device());
    const auto autocast = AutocastState::current();
    const auto gemmDtype = out.hidden.is_cuda() ? (autocast.cuda ? autocast.cudaDtype : torch::kFloat32)
                                                : (autocast.cpu ? autocast.cpuDtype : torch::kFloat32);
    return linearCrossEntropy(out.hidden.reshape({-1, out.hidden.size(-1)}), out.outputWeight, out.outputBias,
                              target.reshape({-1}), 0, gemmDtype);
}

torch::Tensor linearCrossEntropy(const torch::Tensor& hidden, const torch::Tensor& weight, const torch::Tensor& bias,
                                 const torch::Tensor& target, int64_t chunkRows, torch::ScalarType gemmDtype) {
    const bool needsGrad = torch::GradMode::is_enabled() &&
                           (hidden.requires_grad() || weight.requires_grad() || (bias.defined() && bias.requires_grad()));
    if (!needsGrad) {
        auto r = chunkedCrossEntropy(hidden, weight, bias, target, chunkRows, false, false, false, gemmDtype);
        return r.lossSum / static_cast<double>(r.count);
    }
    return LinearCrossEntropyFunction::apply(hidden, weight, bias.defined() ? c10::optional<torch::Tensor>(bias) : c10::nullopt,
                                             target, chunkRows, gemmDtype);
}

} // namespace tb
