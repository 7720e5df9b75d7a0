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

TB_CPU_CLONES
void rotaryRows(const float* x, RowStrides xs, const float* cos, const float* sin, int64_t cosB, int64_t cosT, float* out,
                RowStrides os, int64_t h, int64_t t, int64_t d, int64_t rot, int64_t r0, int64_t r1, bool transpose) {
    const int64_t half = rot / 2;
    for (int64_t r = r0; r < r1; ++r) {
        const int64_t ti = r % t, hi = (r / t) % h, bi = r / (t * h);
        const float* xr = x + bi * xs.b + hi * xs.h + ti * xs.t;
        float* o = out + bi * os.b + hi * os.h + ti * os.t;
        const float* c = cos ? cos + bi * cosB + ti * cosT : nullptr;
        const float* s = sin ? sin + bi * cosB + ti * cosT : nullptr;
        if (!transpose) {
            // rotate_half(x) = cat(-x2, x1)
#pragma omp simd
            for (int64_t i = 0; i < half; ++i) o[i] = xr[i] * c[i] + (-xr[i + half]) * s[i];
#pragma omp simd
            for (int64_t i = half; i < rot; ++i) o[i] = xr[i] * c[i] + xr[i - half] * s[i];
        } else {
            // rotate_half^T(y) = cat(y2, -y1), y = g * sin
#pragma omp simd
            for (int64_t i = 0; i < half; ++i) o[i] = xr[i] * c[i] + xr[i + half] * s[i + half];
#pragma omp simd
            for (int64_t i = half; i < rot; ++i) o[i] = xr[i] * c[i] + (-(xr[i - half] * s[i - half]));
        }
#pragma omp simd
        for (int64_t i = rot; i < d; ++i) o[i] = xr[i];
    }
}

} // namespace tb::kernels
