#include "models/FusedOps.h"

#include "models/Autocast.h"
#include "models/CpuAttention.h"
#include "models/CpuKernels.h"

#include <ATen/Parallel.h>
#include <torch/csrc/autograd/custom_function.h>
#include <torch/torch.h>

namespace tb::ops {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

bool isSilu(const std::string& act) { return act == "silu" || act == "swish"; }

torch::Tensor gatedPlain(const torch::Tensor& gateUp) {
    const int64_t f = gateUp.size(-1) / 2;
    return torch::silu(gateUp.narrow(-1, 0, f)) * gateUp.narrow(-1, f, f);
}

class GatedSiluFunction : public torch::autograd::Function<GatedSiluFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& gateUp) {
        ctx->save_for_backward({gateUp});
        return gatedPlain(gateUp);
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs) {
        const auto gateUp = ctx->get_saved_variables()[0];
        const int64_t f = gateUp.size(-1) / 2;
        const auto gate = gateUp.narrow(-1, 0, f), up = gateUp.narrow(-1, f, f);
        const auto& go = gradOutputs[0];
        auto grad = torch::empty(gateUp.sizes(), gateUp.options().memory_format(at::MemoryFormat::Contiguous));
        auto gradGate = grad.narrow(-1, 0, f), gradUp = grad.narrow(-1, f, f);
        // d/d gate = go * up * silu'(gate); d/d up = go * silu(gate). Both written in place.
        at::silu_backward_out(gradGate, go * up, gate);
        at::mul_out(gradUp, go, torch::silu(gate));
        return {grad};
    }
};

// Rows of x (contiguous fp32 CPU, [.., H]) normalised by kernels::rmsNormForward, split over
// LibTorch's threads. Returns y and the per-row 1/rms.
std::pair<torch::Tensor, torch::Tensor> rmsNormRows(const torch::Tensor& x, const torch::Tensor& weight, double eps) {
    const int64_t h = x.size(-1), rows = x.numel() / h;
    auto y = torch::empty(x.sizes(), x.options());
    auto rstd = torch::empty({rows}, x.options());
    const float* xp = x.data_ptr<float>();
    const float* wp = weight.data_ptr<float>();
    float* yp = y.data_ptr<float>();
    float* rp = rstd.data_ptr<float>();
    at::parallel_for(0, rows, std::max<int64_t>(1, 16384 / h), [&](int64_t lo, int64_t hi) {
        kernels::rmsNormForward(xp + lo * h, wp, yp + lo * h, rp + lo, hi - lo, h, static_cast<float>(eps));
    });
    return {y, rstd};
}

class RmsNormFunction : public torch::autograd::Function<RmsNormFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& weight, double eps) {
        auto [y, rstd] = rmsNormRows(x, weight, eps);
        ctx->save_for_backward({x, weight, rstd});
        return y;
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs) {
        const auto saved = ctx->get_saved_variables();
        const auto &x = saved[0], &weight = saved[1], &rstd = saved[2];
        const auto gy = gradOutputs[0].to(torch::kFloat32).contiguous();
        const int64_t h = x.size(-1), rows = x.numel() / h;
        torch::Tensor gx, gw;
        if (ctx->needs_input_grad(0)) {
            gx = torch::empty(x.sizes(), x.options());
            const float* gp = gy.data_ptr<float>();
            const float* xp = x.data_ptr<float>();
            const float* wp = weight.data_ptr<float>();
            const float* rp = rstd.data_ptr<float>();
            float* op = gx.data_ptr<float>();
            at::parallel_for(0, rows, std::max<int64_t>(1, 16384 / h), [&](int64_t lo, int64_t hi) {
                kernels::rmsNormBackward(gp + lo * h, xp + lo * h, wp, rp + lo, op + lo * h, hi - lo, h);
            });
        }
        // The weight's gradient (full fine-tuning, norms trained): sum over rows of gy * x * rstd.
        if (ctx->needs_input_grad(1)) gw = (gy.view({rows, h}) * (x.view({rows, h}) * rstd.view({rows, 1}))).sum(0);
        return {gx, gw, torch::Tensor()};
    }
};

// rotate_half(y) = cat(-y2, y1); its transpose (the backward) is cat(y2, -y1).
torch::Tensor rotateHalf(const torch::Tensor& y, bool transpose) {
    const int64_t half = y.size(-1) / 2;
    const auto y1 = y.narrow(-1, 0, half), y2 = y.narrow(-1, half, half);
    return transpose ? torch::cat({y2, -y1}, -1) : torch::cat({-y2, y1}, -1);
}

torch::Tensor rotaryPlain(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    const int64_t rot = cos.size(-1), d = x.size(-1);
    const auto xr = rot == d ? x : x.narrow(-1, 0, rot);
    auto out = xr * cos + rotateHalf(xr, false) * sin;
    if (rot == d) return out;
    return torch::cat({out, x.narrow(-1, rot, d - rot)}, -1);
}

// Whether the CPU kernel (kernels::rotaryRows) takes x [B, H, T, D] with tables cos/sin
// [B or 1, 1, T, rot]: fp32 on the CPU, D contiguous in x and in the tables.
bool rotaryKernelFits(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    auto fp32Cpu = [](const torch::Tensor& t) { return t.is_cpu() && t.scalar_type() == torch::kFloat32 && !t.is_sparse(); };
    if (!fp32Cpu(x) || x.dim() != 4 || x.stride(3) != 1 || x.numel() == 0) return false;
    if (!cos.defined()) return true;   // a layout change only
    if (!fp32Cpu(cos) || !fp32Cpu(sin) || cos.dim() != 4 || cos.sizes() != sin.sizes() || cos.strides() != sin.strides())
        return false;
    const int64_t rot = cos.size(3);
    return cos.stride(3) == 1 && rot % 2 == 0 && rot <= x.size(3) && cos.size(1) == 1 && cos.size(2) == x.size(2) &&
           (cos.size(0) == x.size(0) || cos.size(0) == 1);
}

// kernels::rotaryRows over every row of x into `out` (same sizes, D contiguous), split over
// LibTorch's threads. Undefined cos: a copy (the layout change alone).
void rotaryKernel(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin, torch::Tensor& out,
                  bool transpose) {
    const int64_t b = x.size(0), h = x.size(1), t = x.size(2), d = x.size(3);
    const kernels::RowStrides xs{x.stride(0), x.stride(1), x.stride(2)}, os{out.stride(0), out.stride(1), out.stride(2)};
    const float* cp = cos.defined() ? cos.data_ptr<float>() : nullptr;
    const float* sp = sin.defined() ? sin.data_ptr<float>() : nullptr;
    const int64_t cosB = cos.defined() && cos.size(0) > 1 ? cos.stride(0) : 0, cosT = cos.defined() ? cos.stride(2) : 0;
    const int64_t rot = cos.defined() ? cos.size(3) : 0;
    const float* xp = x.data_ptr<float>();
    float* op = out.data_ptr<float>();
    at::parallel_for(0, b * h * t, std::max<int64_t>(1, 16384 / d), [&](int64_t lo, int64_t hi) {
        kernels::rotaryRows(xp, xs, cp, sp, cosB, cosT, op, os, h, t, d, rot, lo, hi, transpose);
    });
}

// x [B, H, T, D] a transposed view of rows of [B, T, H * D] values (heads packed within a token,
// the token rows possibly further apart: a slice of a fused q/k/v output).
bool tokenMajor(const torch::Tensor& x) {
    return x.stride(3) == 1 && x.stride(1) == x.size(3) && x.stride(2) >= x.size(1) * x.size(3);
}

// Backward of a head-major result (below): g through the transposed rotation (or none) into
// x's gradient, written in x's layout when x was a transposed [B, T, H, D].
torch::Tensor headMajorBackward(torch::Tensor g, const torch::Tensor& cos, const torch::Tensor& sin, bool toTokenMajor) {
    if (g.scalar_type() != torch::kFloat32 || g.stride(3) != 1) g = g.to(torch::kFloat32).contiguous();
    auto dx = toTokenMajor ? torch::empty({g.size(0), g.size(2), g.size(1), g.size(3)}, g.options()).transpose(1, 2)
                         : torch::empty(g.sizes(), g.options());
    rotaryKernel(g, cos, sin, dx, true);
    return dx;
}

// x * cos + rotate_half(x) * sin written head-major: [B, H, T, D] contiguous whatever x's
// layout. The attention's products then need no copy of q and k, and backward writes x's
// gradient in x's own layout (for q, k and v the transpose of a [B, T, H*D] projection output),
// so the view back to the projection needs no copy either.
class HeadMajorRotaryFunction : public torch::autograd::Function<HeadMajorRotaryFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
        ctx->save_for_backward({cos, sin});
        ctx->saved_data["tokenMajor"] = tokenMajor(x);
        auto out = torch::empty(x.sizes(), x.options());
        rotaryKernel(x, cos, sin, out, false);
        return out;
    }
    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs) {
        const auto saved = ctx->get_saved_variables();
        return {headMajorBackward(gradOutputs[0], saved[0], saved[1], ctx->saved_data["tokenMajor"].toBool()), torch::Tensor(),
                torch::Tensor()};
    }
};

// The layout change alone (v). A separate function: LibTorch 1.13's custom functions take no
// undefined tensor arguments.
class HeadMajorFunction : public torch::autograd::Function<HeadMajorFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x) {
        ctx->saved_data["tokenMajor"] = tokenMajor(x);
        return x.contiguous();
    }
    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs) {
        return {headMajorBackward(gradOutputs[0], {}, {}, ctx->saved_data["tokenMajor"].toBool())};
    }
};

// The same expression for other dtypes and devices (plain ATen forward, direct backward).
class RotaryFunction : public torch::autograd::Function<RotaryFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
        ctx->save_for_backward({cos, sin});
        return rotaryPlain(x, cos, sin);
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs) {
        const auto saved = ctx->get_saved_variables();
        const auto &cos = saved[0], &sin = saved[1];
        const auto& g = gradOutputs[0];
        const int64_t rot = cos.size(-1), d = g.size(-1);
        const auto gr = rot == d ? g : g.narrow(-1, 0, rot);
        auto dx = gr * cos + rotateHalf(gr * sin, true);
        if (rot != d) dx = torch::cat({dx, g.narrow(-1, rot, d - rot)}, -1);
        return {dx, torch::Tensor(), torch::Tensor()};
    }
};

// Attention that keeps q, k and v for backward instead of the [B, H, T, S] probabilities, and
// recomputes the probabilities there, one block of query rows at a time. In one block forward
// runs the same operations as ops::attention (bitwise the same output); in several, rows that
// see at least one key get the same values within rounding, while a row that sees none (left
// padding) averages over the keys its block kept rather than over all of them: no label and no
// later position reads such a row. Backward replays forward's autocast so the recomputed
// probabilities equal forward's exactly.
struct AttnDims {
    int64_t b, h, t, d, kvh, s, g;
    bool causal;
    AttnDims(const torch::Tensor& q, const torch::Tensor& k, bool causalBias)
        : b(q.size(0)), h(q.size(1)), t(q.size(2)), d(q.size(3)), kvh(k.size(1)), s(k.size(2)), g(h / kvh), causal(causalBias) {}
    // Keys a block of query rows [t0, t0 + c) can see: with a causal bias the later ones are
    // masked for every row of the block and are left out (their probabilities are exactly 0).
    int64_t keys(int64_t t0, int64_t c) const { return causal ? std::min(s, s - t + t0 + c) : s; }
};

torch::Tensor firstKeys(const torch::Tensor& x, int64_t n) { return n == x.size(2) ? x : x.narrow(2, 0, n); }

// Query rows [t0, t0 + c) of every head, scaled and grouped by kv head: [B, KvH, G*c, D].
torch::Tensor queryBlock(const torch::Tensor& q, double scale, const AttnDims& a, int64_t t0, int64_t c) {
    auto qs = scale != 1.0 ? q * scale : q;
    if (c == a.t) return qs.reshape({a.b, a.kvh, a.g * a.t, a.d});
    return qs.view({a.b, a.kvh, a.g, a.t, a.d}).narrow(3, t0, c).reshape({a.b, a.kvh, a.g * c, a.d});
}

// fp32 probabilities of a query block over its first n keys: [B, KvH, G, c, n].
torch::Tensor blockProbs(const torch::Tensor& qb, const torch::Tensor& k, const torch::Tensor& bias, const AttnDims& a,
                         int64_t t0, int64_t c, int64_t n) {
    auto scores = torch::matmul(qb, firstKeys(k, n).transpose(-1, -2)).view({a.b, a.kvh, a.g, c, n});
    if (bias.defined()) {
        auto bb = c == a.t ? bias : bias.narrow(2, t0, c);
        if (n != a.s) bb = bb.narrow(3, 0, n);
        scores = scores + bb.unsqueeze(1);   // [B,1,1,c,n]
    }
    return torch::softmax(scores, -1, torch::kFloat32);
}

class RecomputedAttentionFunction : public torch::autograd::Function<RecomputedAttentionFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                 const torch::Tensor& bias, double scale, int64_t blockRows, bool causal) {
        const AttnDims a(q, k, causal);
        ctx->save_for_backward({q, k, v, bias});
        ctx->saved_data["scale"] = scale;
        ctx->saved_data["block"] = blockRows;
        ctx->saved_data["causal"] = causal;
        const auto ac = AutocastState::current();
        ctx->saved_data["autocast"] = std::vector<int64_t>{ac.cuda, ac.cpu, static_cast<int64_t>(ac.cudaDtype),
                                                           static_cast<int64_t>(ac.cpuDtype)};
        torch::Tensor out;
        for (int64_t t0 = 0; t0 < a.t; t0 += blockRows) {
            const int64_t c = std::min(blockRows, a.t - t0), n = a.keys(t0, c);
            const auto p = blockProbs(queryBlock(q, scale, a, t0, c), k, bias, a, t0, c, n);
            auto o = torch::matmul(p.view({a.b, a.kvh, a.g * c, n}).to(v.scalar_type()), firstKeys(v, n));   // [B, KvH, G*c, D]
            if (c == a.t) return o.view({a.b, a.h, a.t, a.d});
            if (!out.defined()) out = torch::empty({a.b, a.kvh, a.g, a.t, a.d}, o.options());
            out.narrow(3, t0, c).copy_(o.view({a.b, a.kvh, a.g, c, a.d}));
        }
        return out.view({a.b, a.h, a.t, a.d});
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs) {
        const auto saved = ctx->get_saved_variables();
        const auto &q = saved[0], &k = saved[1], &v = saved[2], &bias = saved[3];
        const double scale = ctx->saved_data["scale"].toDouble();
        const int64_t blockRows = ctx->saved_data["block"].toInt();
        const auto acv = ctx->saved_data["autocast"].toIntVector();
        AutocastState forwardAc;
        forwardAc.cuda = acv[0] != 0;
        forwardAc.cpu = acv[1] != 0;
        forwardAc.cudaDtype = static_cast<at::ScalarType>(acv[2]);
        forwardAc.cpuDtype = static_cast<at::ScalarType>(acv[3]);
        const auto acWas = AutocastState::current();
        forwardAc.apply();

        const AttnDims a(q, k, ctx->saved_data["causal"].toBool());
        const auto go = gradOutputs[0].contiguous().view({a.b, a.kvh, a.g, a.t, a.d});
        const bool oneBlock = blockRows >= a.t;
        torch::Tensor dq, dk, dv;   // dq: gradient of the scaled, grouped q, [B, KvH, G, T, D]
        for (int64_t t0 = 0; t0 < a.t; t0 += blockRows) {
            const int64_t c = std::min(blockRows, a.t - t0), n = a.keys(t0, c);
            const auto qb = queryBlock(q, scale, a, t0, c);
            const auto kn = firstKeys(k, n), vn = firstKeys(v, n);
            const auto p = blockProbs(qb, k, bias, a, t0, c, n);                      // fp32 [B,KvH,G,c,n]
            const auto pv = p.view({a.b, a.kvh, a.g * c, n}).to(v.scalar_type());
            const auto gob = (oneBlock ? go : go.narrow(3, t0, c)).reshape({a.b, a.kvh, a.g * c, a.d});
            auto dvb = torch::matmul(pv.transpose(-1, -2), gob);                      // [B,KvH,n,D]
            // softmax backward in fp32 (through the cast to v's dtype), then to the scores' dtype.
            const auto dp = torch::matmul(gob, vn.transpose(-1, -2)).to(torch::kFloat32).view(p.sizes());
            const auto ds = at::_softmax_backward_data(dp, p, -1, torch::kFloat32)
                                .view({a.b, a.kvh, a.g * c, n})
                                .to(qb.scalar_type());
            auto dqb = torch::matmul(ds, kn);                                          // [B,KvH,G*c,D]
            auto dkb = torch::matmul(ds.transpose(-1, -2), qb);                        // [B,KvH,n,D]
            if (oneBlock) {
                dq = dqb.view({a.b, a.kvh, a.g, a.t, a.d});
                dk = dkb;
                dv = dvb;
                break;
            }
            if (!dq.defined()) {
                dq = torch::empty({a.b, a.kvh, a.g, a.t, a.d}, dqb.options());
                dk = torch::zeros({a.b, a.kvh, a.s, a.d}, dkb.options().dtype(torch::kFloat32));   // sums over blocks in fp32
                dv = torch::zeros({a.b, a.kvh, a.s, a.d}, dvb.options().dtype(torch::kFloat32));
            }
            dq.narrow(3, t0, c).copy_(dqb.view({a.b, a.kvh, a.g, c, a.d}));
            firstKeys(dk, n).add_(dkb);
            firstKeys(dv, n).add_(dvb);
        }
        acWas.apply();
        auto dqOut = dq.view({a.b, a.h, a.t, a.d});
        if (scale != 1.0) dqOut = dqOut * scale;
        return {dqOut.to(q.scalar_type()), dk.to(k.scalar_type()), dv.to(v.scalar_type()), torch::Tensor(), torch::Tensor(),
                torch::Tensor(), torch::Tensor()};
    }
};

// fp32 CPU attention through the kernels of CpuAttention.h: returns [B, T, H * D] (the layout
// the output projection reads, so no transpose is copied either way) and keeps q, k, v, the
// bias and each row's log-sum-exp for backward.
kernels::AttentionDims kernelDims(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& bias, double scale,
                                  bool causal) {
    kernels::AttentionDims a;
    a.b = q.size(0);
    a.h = q.size(1);
    a.t = q.size(2);
    a.d = q.size(3);
    a.kvh = k.size(1);
    a.s = k.size(2);
    a.scale = static_cast<float>(scale);
    a.causal = causal;
    if (bias.defined()) {
        a.bias = bias.data_ptr<float>();
        a.biasB = bias.size(0) == 1 ? 0 : bias.stride(0);
        a.biasT = bias.stride(2);
    }
    return a;
}

class CpuAttentionFunction : public torch::autograd::Function<CpuAttentionFunction> {
public:
    static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                 const torch::Tensor& bias, double scale, bool causal) {
        const auto a = kernelDims(q, k, bias, scale, causal);
        auto out = torch::empty({a.b, a.t, a.h * a.d}, q.options());
        auto lse = torch::empty({a.b, a.h, a.t}, q.options());
        const float *qp = q.data_ptr<float>(), *kp = k.data_ptr<float>(), *vp = v.data_ptr<float>();
        float *op = out.data_ptr<float>(), *lp = lse.data_ptr<float>();
        at::parallel_for(0, a.b * a.kvh, 1, [&](int64_t lo, int64_t hi) {
            for (int64_t i = lo; i < hi; ++i) kernels::attentionForward(a, i / a.kvh, i % a.kvh, qp, kp, vp, op, lp);
        });
        ctx->save_for_backward({q, k, v, bias, lse});
        ctx->saved_data["scale"] = scale;
        ctx->saved_data["causal"] = causal;
        return out;
    }

    static variable_list backward(AutogradContext* ctx, variable_list gradOutputs) {
        const auto saved = ctx->get_saved_variables();
        const auto &q = saved[0], &k = saved[1], &v = saved[2], &bias = saved[3], &lse = saved[4];
        const auto a = kernelDims(q, k, bias, ctx->saved_data["scale"].toDouble(), ctx->saved_data["causal"].toBool());
        const auto go = gradOutputs[0].contiguous();
        auto dq = torch::empty(q.sizes(), q.options()), dk = torch::empty(k.sizes(), k.options()),
             dv = torch::empty(v.sizes(), v.options());
        const float *qp = q.data_ptr<float>(), *kp = k.data_ptr<float>(), *vp = v.data_ptr<float>(),
                    *gp = go.data_ptr<float>(), *lp = lse.data_ptr<float>();
        float *dqp = dq.data_ptr<float>(), *dkp = dk.data_ptr<float>(), *dvp = dv.data_ptr<float>();
        at::parallel_for(0, a.b * a.kvh, 1, [&](int64_t lo, int64_t hi) {
            for (int64_t i = lo; i < hi; ++i)
                kernels::attentionBackward(a, i / a.kvh, i % a.kvh, qp, kp, vp, gp, lp, dqp, dkp, dvp);
        });
        return {dq, dk, dv, torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor gatedActivation(const std::string& act, const torch::Tensor& gateUp) {
    if (!isSilu(act)) return {};
    if (torch::GradMode::is_enabled() && gateUp.requires_grad()) return GatedSiluFunction::apply(gateUp);
    return gatedPlain(gateUp);
}

torch::Tensor fusedRmsNorm(const torch::Tensor& x, const torch::Tensor& weight, double eps) {
    const bool fits = x.is_cpu() && weight.is_cpu() && x.scalar_type() == torch::kFloat32 &&
                      weight.scalar_type() == torch::kFloat32 && x.dim() >= 1 && x.numel() > 0 && weight.dim() == 1 &&
                      weight.size(0) == x.size(-1) && weight.is_contiguous() && !weight.is_sparse() && !x.is_sparse();
    if (!fits) return {};
    const auto xc = x.contiguous();
    if (torch::GradMode::is_enabled() && (x.requires_grad() || weight.requires_grad())) return RmsNormFunction::apply(xc, weight, eps);
    return rmsNormRows(xc, weight, eps).first;
}

torch::Tensor rotary(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    // cos/sin are position tables (never trained); a gradient for them would need the plain path.
    const bool tablesNeedGrad = cos.requires_grad() || sin.requires_grad();
    const bool grad = torch::GradMode::is_enabled() && x.requires_grad() && !tablesNeedGrad;
    if (!tablesNeedGrad && rotaryKernelFits(x, cos, sin)) {
        if (grad) return HeadMajorRotaryFunction::apply(x, cos, sin);
        auto out = torch::empty(x.sizes(), x.options());
        rotaryKernel(x, cos, sin, out, false);
        return out;
    }
    if (grad) return RotaryFunction::apply(x, cos, sin);
    return rotaryPlain(x, cos, sin);
}

torch::Tensor headMajor(const torch::Tensor& x) {
    if (!rotaryKernelFits(x, {}, {})) return x.contiguous();
    if (torch::GradMode::is_enabled() && x.requires_grad()) return HeadMajorFunction::apply(x);
    return x.contiguous();
}

namespace {
thread_local int tKeepProbs = 0;
} // namespace

KeepAttentionProbs::KeepAttentionProbs() { ++tKeepProbs; }
KeepAttentionProbs::~KeepAttentionProbs() { --tKeepProbs; }
bool attentionKeepsProbs() { return tKeepProbs > 0; }

namespace {
thread_local int tCheckpointed = 0;
} // namespace

CheckpointedLayer::CheckpointedLayer() { ++tCheckpointed; }
CheckpointedLayer::~CheckpointedLayer() { --tCheckpointed; }
bool inCheckpointedLayer() { return tCheckpointed > 0; }

torch::Tensor cpuAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& bias,
                           double scale, bool causal) {
    const auto f32cpu = [](const torch::Tensor& x) { return x.is_cpu() && x.scalar_type() == torch::kFloat32 && !x.is_sparse(); };
    if (!kernels::attentionKernelAvailable() || !f32cpu(q) || !f32cpu(k) || !f32cpu(v) || q.dim() != 4 || k.dim() != 4 ||
        v.sizes() != k.sizes() || q.size(0) != k.size(0) || q.size(3) != k.size(3) || k.size(1) == 0 ||
        q.size(1) % k.size(1) != 0 || q.numel() == 0 || k.numel() == 0 || AutocastState::current().cpu)
        return {};
    const int64_t b = q.size(0), t = q.size(2), s = k.size(2);
    if (causal && s < t) return {};
    torch::Tensor bb;
    if (bias.defined()) {
        if (!f32cpu(bias) || bias.requires_grad() || bias.dim() != 4 || bias.size(1) != 1 || bias.size(2) != t ||
            bias.size(3) != s || (bias.size(0) != 1 && bias.size(0) != b))
            return {};
        bb = bias.stride(3) == 1 ? bias : bias.contiguous();
    }
    return CpuAttentionFunction::apply(q.contiguous(), k.contiguous(), v.contiguous(), bb, scale, causal);
}

torch::Tensor recomputedAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                  const torch::Tensor& bias, double scale, int64_t blockRows, bool causal) {
    const int64_t t = q.size(2);
    if (blockRows <= 0) {
        // Blocks of query rows whose fp32 probabilities take at most kAttentionBlockBytes (32 MB,
        // B*H*T*S = 8M elements: SmolLM2-135M at batch 4 x 256 tokens is 2.4M).
        const int64_t perRow = std::max<int64_t>(1, q.size(0) * q.size(1) * k.size(2));
        blockRows = std::max<int64_t>(1, kAttentionBlockBytes / 4 / perRow);
        // Causal: blocks of 128 rows leave out the keys later rows alone see (3/4 of the square
        // product at 256 tokens, 9/16 at 1024) while the GEMMs stay large enough. LoRA bench on
        // SmolLM2-135M: batch 4 x 256, one block 341-345 tokens/s, 128 rows 354-355, 64 rows
        // 346-348; batch 2 x 1024, blocks of 455 rows 246, 256 260, 128 271-281, 64 273.
        if (causal) blockRows = std::min(blockRows, kCausalBlockRows);
    }
    return RecomputedAttentionFunction::apply(q, k, v, bias, scale, std::min(blockRows, t), causal);
}

} // namespace tb::ops
