#pragma once
// Hand-written CPU loops for operations whose ATen composition makes many passes over memory.
// No LibTorch here: the callers (FusedOps.cpp) split the rows over LibTorch's threads and pass
// each thread a range. Each row is computed by one thread in a fixed order, so results do not
// depend on the thread count. Built at -O3 with clones for AVX-512, AVX2 and baseline x86-64,
// chosen when the library loads.
#include <cstdint>

namespace tb::kernels {

// RMSNorm over rows of length h: rstd[r] = 1 / sqrt(sum(x[r]^2) / h + eps) and
// y[r] = w * (x[r] * rstd[r]), the operations and rounding of Hugging Face's LlamaRMSNorm in
// fp32 except the order of the sum.
void rmsNormForward(const float* x, const float* w, float* y, float* rstd, int64_t rows, int64_t h, float eps);

// The gradient with respect to x for rows [0, rows): with a = gy * w and
// s = sum(a * x[r]), gx[r] = rstd * a - x[r] * rstd^3 * s / h.
void rmsNormBackward(const float* gy, const float* x, const float* w, const float* rstd, float* gx, int64_t rows,
                     int64_t h);

// Element strides of the three outer dims of a [B, H, T, D] tensor whose D is contiguous.
struct RowStrides {
    int64_t b, h, t;
};

// Rotary position embedding for rows [r0, r1) of a [B, H, T, D] tensor, row r = (b * H + h) * T
// + t: the first `rot` values of each row become x * cos + rotate_half(x) * sin (cos/sin rows
// indexed by b and t with strides cosB/cosT, cosB 0 to broadcast), the rest are copied; rot 0
// only copies (a layout change). With `transpose` it is the backward: g * cos +
// rotate_half^T(g * sin). The products and the sum round as ATen's separate operations do (the
// file is built without FMA contraction), so the result is bitwise the plain expression's.
void rotaryRows(const float* x, RowStrides xs, const float* cos, const float* sin, int64_t cosB, int64_t cosT, float* out,
                RowStrides os, int64_t h, int64_t t, int64_t d, int64_t rot, int64_t r0, int64_t r1, bool transpose);

} // namespace tb::kernels
