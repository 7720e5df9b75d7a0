#include "models/CpuKernels.h"

#include <cmath>

// One clone per instruction set; the loader picks the best the CPU has (GCC ifunc).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define TB_CPU_CLONES __attribute__((target_clones("arch=skylake-avx512", "arch=haswell", "default")))
#else
#define TB_CPU_CLONES
#endif

namespace tb::kernels {

TB_CPU_CLONES
void rmsNormForward(const float* x, const float* w, float* y, float* rstd, int64_t rows, int64_t h, float eps) {
    for (int64_t r = 0; r < rows; ++r) {
        const float* xr = x + r * h;
        float* yr = y + r * h;
        float sum = 0.0f;
#pragma omp simd reduction(+ : sum)
        for (int64_t i = 0; i < h; ++i) sum += xr[i] * xr[i];
        const float inv = 1.0f / std::sqrt(sum / static_cast<float>(h) + eps);
        rstd[r] = inv;
#pragma omp simd
        for (int64_t i = 0; i < h; ++i) yr[i] = w[i] * (xr[i] * inv);
    }
}

TB_CPU_CLONES
void rmsNormBackward(const float* gy, const float* x, const float* w, const float* rstd, float* gx, int64_t rows,
                     int64_t h) {
    for (int64_t r = 0; r < rows; ++r) {
        const float* xr = x + r * h;
        const float* gr = gy + r * h;
        float* out = gx + r * h;
        float s = 0.0f;
#pragma omp simd reduction(+ : s)
        for (int64_t i = 0; i < h; ++i) s += gr[i] * w[i] * xr[i];
        const float inv = rstd[r];
        const float c = inv * inv * inv * s / static_cast<float>(h);
#pragma omp simd
        for (int64_t i = 0; i < h; ++i) out[i] = inv * (gr[i] * w[i]) - xr[i] * c;
    }
}

} // namespace tb::kernels
