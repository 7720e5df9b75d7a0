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

} // namespace tb::kernels
