#include "models/CpuAttention.h"

#include <immintrin.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

// Built at -O3 with FMA contraction allowed (CMake). Everything below is compiled for AVX-512
// (the target pragma) and reached only after attentionKernelAvailable() checked the CPU. The
// vector code takes its width W (floats per vector) as a parameter; 16 is the only one used.
#define TB_INLINE __attribute__((always_inline)) inline

namespace tb::kernels {
namespace {

#pragma GCC push_options
#pragma GCC target("avx512f,avx512dq,fma")
template <int W>
struct Vec;
template <>
struct Vec<16> {
    typedef float F __attribute__((vector_size(64)));
    typedef int32_t I __attribute__((vector_size(64)));
};

template <class V>
TB_INLINE V loadu(const float* p) {
    V v;
    std::memcpy(&v, p, sizeof(V));
    return v;
}
template <class V>
TB_INLINE void storeu(float* p, const V& v) {
    std::memcpy(p, &v, sizeof(V));
}
template <class V>
TB_INLINE V splat(float x) {
    return (V)_mm512_set1_ps(x);   // GCC's generic vector + scalar built this lane by lane
}

// C[m, n] = A[m, k] B[k, n] (+ C when accumulate), row-major with leading dimensions.
// MR rows of C at a time in 2W-wide column strips held in registers.
template <int W, int MR>
TB_INLINE void gemmRows(int64_t n, int64_t k, const float* A, int64_t lda, const float* B, int64_t ldb,
                        float* C, int64_t ldc, bool accumulate) {
    using V = typename Vec<W>::F;
    int64_t j = 0;
    for (; j + 2 * W <= n; j += 2 * W) {
        V c0[MR], c1[MR];
#pragma GCC unroll 8
        for (int r = 0; r < MR; ++r) {
            c0[r] = accumulate ? loadu<V>(C + r * ldc + j) : V{};
            c1[r] = accumulate ? loadu<V>(C + r * ldc + j + W) : V{};
        }
        const float* bp = B + j;
        for (int64_t p = 0; p < k; ++p, bp += ldb) {
            const V b0 = loadu<V>(bp), b1 = loadu<V>(bp + W);
#pragma GCC unroll 8
            for (int r = 0; r < MR; ++r) {
                const V av = splat<V>(A[r * lda + p]);
                c0[r] += av * b0;
                c1[r] += av * b1;
            }
        }
#pragma GCC unroll 8
        for (int r = 0; r < MR; ++r) {
            storeu(C + r * ldc + j, c0[r]);
            storeu(C + r * ldc + j + W, c1[r]);
        }
    }
    for (; j + W <= n; j += W) {
        V c0[MR];
#pragma GCC unroll 8
        for (int r = 0; r < MR; ++r) c0[r] = accumulate ? loadu<V>(C + r * ldc + j) : V{};
        const float* bp = B + j;
        for (int64_t p = 0; p < k; ++p, bp += ldb) {
            const V b0 = loadu<V>(bp);
#pragma GCC unroll 8
            for (int r = 0; r < MR; ++r) c0[r] += splat<V>(A[r * lda + p]) * b0;
        }
#pragma GCC unroll 8
        for (int r = 0; r < MR; ++r) storeu(C + r * ldc + j, c0[r]);
    }
    for (; j < n; ++j)
        for (int r = 0; r < MR; ++r) {
            float s = accumulate ? C[r * ldc + j] : 0.0f;
            for (int64_t p = 0; p < k; ++p) s += A[r * lda + p] * B[p * ldb + j];
            C[r * ldc + j] = s;
        }
}

// The last rows (fewer than a full tile): the tile of exactly that height.
template <int W, int R>
TB_INLINE void gemmTail(int64_t rows, int64_t n, int64_t k, const float* A, int64_t lda, const float* B, int64_t ldb,
                        float* C, int64_t ldc, bool accumulate) {
    if constexpr (R > 0) {
        if (rows == R) gemmRows<W, R>(n, k, A, lda, B, ldb, C, ldc, accumulate);
        else gemmTail<W, R - 1>(rows, n, k, A, lda, B, ldb, C, ldc, accumulate);
    }
}

template <int W>
TB_INLINE void gemm(int64_t m, int64_t n, int64_t k, const float* A, int64_t lda, const float* B, int64_t ldb,
                    float* C, int64_t ldc, bool accumulate) {
    constexpr int MR = 8;   // 8 x 2 accumulators of AVX-512's 32 registers
    int64_t i = 0;
    for (; i + MR <= m; i += MR)
        gemmRows<W, MR>(n, k, A + i * lda, lda, B, ldb, C + i * ldc, ldc, accumulate);
    gemmTail<W, MR - 1>(m - i, n, k, A + i * lda, lda, B, ldb, C + i * ldc, ldc, accumulate);
}

// exp(x) for x <= 0 (softmax after the maximum is subtracted): Cody-Waite reduction
// x = n ln2 + r and a degree-6 polynomial, within 2 ulp of expf; 0 below -87.
template <int W>
TB_INLINE typename Vec<W>::F expv(typename Vec<W>::F x) {
    using V = typename Vec<W>::F;
    using I = typename Vec<W>::I;
    const V lo = splat<V>(-87.0f), hi = splat<V>(88.0f);
    const auto tiny = x < lo;
    V xc = x < lo ? lo : x;
    xc = xc > hi ? hi : xc;
    const V magic = splat<V>(12582912.0f);  // 1.5 * 2^23: adding it rounds to an integer
    const V n = (xc * 1.44269504088896341f + magic) - magic;
    const V r = (xc - n * 0.693359375f) - n * -2.12194440e-4f;
    V p = splat<V>(1.9875691500e-4f);
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * (r * r) + r + 1.0f;
    const I e = (__builtin_convertvector(n, I) + 127) << 23;
    const V y = p * (V)e;
    return tiny ? V{} : y;
}

TB_INLINE float exps(float x) {
    return x < -87.0f ? 0.0f : std::exp(x);
}

// Per-thread buffers, grown as needed (a training step calls the kernels thousands of times).
struct Scratch {
    std::vector<float> kt, vt, qs, sc, dp, pt, dst, dqb;
    static Scratch& local() {
        thread_local Scratch s;
        return s;
    }
};
TB_INLINE float* sized(std::vector<float>& v, int64_t n) {
    if (static_cast<int64_t>(v.size()) < n) v.resize(static_cast<size_t>(n));
    return v.data();
}

// dst[c, r] = src[r, c] for r < rows, c < cols (src row stride lds, dst row stride ldd).
TB_INLINE void transpose(const float* src, int64_t lds, int64_t rows, int64_t cols, float* dst, int64_t ldd) {
    constexpr int64_t kB = 16;
    for (int64_t r0 = 0; r0 < rows; r0 += kB)
        for (int64_t c0 = 0; c0 < cols; c0 += kB) {
            const int64_t r1 = std::min(rows, r0 + kB), c1 = std::min(cols, c0 + kB);
            for (int64_t r = r0; r < r1; ++r)
                for (int64_t c = c0; c < c1; ++c) dst[c * ldd + r] = src[r * lds + c];
        }
}

template <int W>
TB_INLINE float rowMax(const float* row, int64_t n) {
    using V = typename Vec<W>::F;
    float mx = row[0];
    int64_t j = 0;
    if (n >= W) {
        V m = loadu<V>(row);
        for (j = W; j + W <= n; j += W) {
            const V x = loadu<V>(row + j);
            m = x > m ? x : m;
        }
        for (int c = 0; c < W; ++c) mx = std::max(mx, m[c]);
    }
    for (; j < n; ++j) mx = std::max(mx, row[j]);
    return mx;
}

// Query rows per block: the scores of a block (64 x S floats) stay in L2.
constexpr int64_t kRows = 64;

struct Pair {
    const AttentionDims& a;
    int64_t bi, hi;
    const float *q, *k, *v;  // this pair's q rows [T, D], and its kv head's k and v [S, D]
    Pair(const AttentionDims& dims, int64_t b, int64_t h, const float* qAll, const float* kAll,
         const float* vAll)
        : a(dims),
          bi(b),
          hi(h),
          q(qAll + (b * dims.h + h) * dims.t * dims.d),
          k(kAll + (b * dims.kvh + h / (dims.h / dims.kvh)) * dims.s * dims.d),
          v(vAll + (b * dims.kvh + h / (dims.h / dims.kvh)) * dims.s * dims.d) {}
    // Keys the rows [i0, i0 + r) need, and the keys row i sees.
    int64_t blockKeys(int64_t i0, int64_t r) const {
        return a.causal ? std::min(a.s, a.s - a.t + i0 + r) : a.s;
    }
    int64_t rowKeys(int64_t i) const { return a.causal ? std::min(a.s, a.s - a.t + i + 1) : a.s; }
    const float* biasRow(int64_t i) const { return a.bias ? a.bias + bi * a.biasB + i * a.biasT : nullptr; }
};

// Scores of rows [i0, i0 + r) over n keys into sc [r, n]: (q * scale) k^T + bias.
template <int W>
TB_INLINE void blockScores(const Pair& p, int64_t i0, int64_t r, int64_t n, const float* kt, float* qs,
                           float* sc) {
    using V = typename Vec<W>::F;
    const int64_t d = p.a.d;
    const float* qb = p.q + i0 * d;
    const V sv = splat<V>(p.a.scale);
    int64_t e = 0;
    for (; e + W <= r * d; e += W) storeu(qs + e, loadu<V>(qb + e) * sv);
    for (; e < r * d; ++e) qs[e] = qb[e] * p.a.scale;
    gemm<W>(r, n, d, qs, d, kt, p.a.s, sc, n, false);
    if (p.a.bias)
        for (int64_t i = 0; i < r; ++i) {
            const float* br = p.biasRow(i0 + i);
            float* row = sc + i * n;
            const int64_t nv = p.rowKeys(i0 + i);
            int64_t j = 0;
            for (; j + W <= nv; j += W) storeu(row + j, loadu<V>(row + j) + loadu<V>(br + j));
            for (; j < nv; ++j) row[j] += br[j];
        }
}

template <int W>
TB_INLINE void forwardGroup(const AttentionDims& a, int64_t bi, int64_t kvi, const float* q, const float* k,
                            const float* v, float* out, float* lse) {
    using V = typename Vec<W>::F;
    auto& s = Scratch::local();
    const int64_t d = a.d, g = a.h / a.kvh;
    float* kt = sized(s.kt, d * a.s);
    float* qs = sized(s.qs, kRows * d);
    float* sc = sized(s.sc, kRows * a.s);
    for (int64_t hi = kvi * g; hi < (kvi + 1) * g; ++hi) {
        const Pair p(a, bi, hi, q, k, v);
        if (hi == kvi * g) transpose(p.k, d, p.blockKeys(0, a.t), d, kt, a.s);  // k^T, shared by the group
        float* lseRow = lse + (bi * a.h + hi) * a.t;
        for (int64_t i0 = 0; i0 < a.t; i0 += kRows) {
            const int64_t r = std::min(kRows, a.t - i0), n = p.blockKeys(i0, r);
            blockScores<W>(p, i0, r, n, kt, qs, sc);
            for (int64_t i = 0; i < r; ++i) {
                float* row = sc + i * n;
                const int64_t nv = p.rowKeys(i0 + i);
                const float mx = rowMax<W>(row, nv);
                const V mv = splat<V>(mx);
                V acc{};
                int64_t j = 0;
                for (; j + W <= nv; j += W) {
                    const V e = expv<W>(loadu<V>(row + j) - mv);
                    storeu(row + j, e);
                    acc += e;
                }
                float sum = 0.0f;
                for (int c = 0; c < W; ++c) sum += acc[c];
                for (; j < nv; ++j) {
                    row[j] = exps(row[j] - mx);
                    sum += row[j];
                }
                const float inv = 1.0f / sum;
                const V iv = splat<V>(inv);
                j = 0;
                for (; j + W <= nv; j += W) storeu(row + j, loadu<V>(row + j) * iv);
                for (; j < nv; ++j) row[j] *= inv;
                for (j = nv; j < n; ++j) row[j] = 0.0f;
                lseRow[i0 + i] = mx + std::log(sum);
            }
            // out rows: [B, T, H, D]
            gemm<W>(r, d, n, sc, n, p.v, d, out + ((bi * a.t + i0) * a.h + hi) * d, a.h * d, false);
        }
    }
}

template <int W>
TB_INLINE void backwardGroup(const AttentionDims& a, int64_t bi, int64_t kvi, const float* q, const float* k,
                             const float* v, const float* dout, const float* lse, float* dq, float* dk,
                             float* dv) {
    using V = typename Vec<W>::F;
    auto& s = Scratch::local();
    const int64_t d = a.d, ldo = a.h * d, g = a.h / a.kvh;
    float* kt = sized(s.kt, d * a.s);
    float* vt = sized(s.vt, d * a.s);
    float* qs = sized(s.qs, kRows * d);
    float* sc = sized(s.sc, kRows * a.s);
    float* dp = sized(s.dp, kRows * a.s);
    float* pt = sized(s.pt, a.s * kRows);
    float* dst = sized(s.dst, a.s * kRows);
    float* dqb = sized(s.dqb, kRows * d);
    float* dkPart = dk + (bi * a.kvh + kvi) * a.s * d;
    float* dvPart = dv + (bi * a.kvh + kvi) * a.s * d;
    std::memset(dkPart, 0, sizeof(float) * static_cast<size_t>(a.s * d));
    std::memset(dvPart, 0, sizeof(float) * static_cast<size_t>(a.s * d));
    for (int64_t hi = kvi * g; hi < (kvi + 1) * g; ++hi) {
        const Pair p(a, bi, hi, q, k, v);
        if (hi == kvi * g) {  // k^T and v^T, shared by the group
            const int64_t needKeys = p.blockKeys(0, a.t);
            transpose(p.k, d, needKeys, d, kt, a.s);
            transpose(p.v, d, needKeys, d, vt, a.s);
        }
        const float* lseRow = lse + (bi * a.h + hi) * a.t;
        for (int64_t i0 = 0; i0 < a.t; i0 += kRows) {
            const int64_t r = std::min(kRows, a.t - i0), n = p.blockKeys(i0, r);
            const float* dob = dout + ((bi * a.t + i0) * a.h + hi) * d;
            blockScores<W>(p, i0, r, n, kt, qs, sc);
            gemm<W>(r, n, d, dob, ldo, vt, a.s, dp, n, false);  // dP = dO v^T
            for (int64_t i = 0; i < r; ++i) {
                float* row = sc + i * n;
                float* dpr = dp + i * n;
                const int64_t nv = p.rowKeys(i0 + i);
                const V lv = splat<V>(lseRow[i0 + i]);
                V acc{};
                int64_t j = 0;
                for (; j + W <= nv; j += W) {
                    const V pr = expv<W>(loadu<V>(row + j) - lv);
                    storeu(row + j, pr);
                    acc += pr * loadu<V>(dpr + j);
                }
                float dsum = 0.0f;
                for (int c = 0; c < W; ++c) dsum += acc[c];
                for (; j < nv; ++j) {
                    row[j] = exps(row[j] - lseRow[i0 + i]);
                    dsum += row[j] * dpr[j];
                }
                const V dv = splat<V>(dsum);
                j = 0;
                for (; j + W <= nv; j += W) storeu(dpr + j, loadu<V>(row + j) * (loadu<V>(dpr + j) - dv));
                for (; j < nv; ++j) dpr[j] = row[j] * (dpr[j] - dsum);
                for (j = nv; j < n; ++j) row[j] = dpr[j] = 0.0f;
            }
            // dq = scale * dS k, written head-major [B, H, T, D]
            gemm<W>(r, d, n, dp, n, p.k, d, dqb, d, false);
            float* dqr = dq + ((bi * a.h + hi) * a.t + i0) * d;
            const V sv = splat<V>(a.scale);
            int64_t e = 0;
            for (; e + W <= r * d; e += W) storeu(dqr + e, loadu<V>(dqb + e) * sv);
            for (; e < r * d; ++e) dqr[e] = dqb[e] * a.scale;
            // dv += P^T dO, dk += dS^T (q * scale)
            transpose(sc, n, r, n, pt, r);
            gemm<W>(n, d, r, pt, r, dob, ldo, dvPart, d, true);
            transpose(dp, n, r, n, dst, r);
            gemm<W>(n, d, r, dst, r, qs, d, dkPart, d, true);
        }
    }
}

void forward512(const AttentionDims& a, int64_t bi, int64_t kvi, const float* q, const float* k,
                const float* v, float* out, float* lse) {
    forwardGroup<16>(a, bi, kvi, q, k, v, out, lse);
}
void backward512(const AttentionDims& a, int64_t bi, int64_t kvi, const float* q, const float* k,
                 const float* v, const float* dout, const float* lse, float* dq, float* dk, float* dv) {
    backwardGroup<16>(a, bi, kvi, q, k, v, dout, lse, dq, dk, dv);
}
#pragma GCC pop_options

// Whether the CPU has AVX-512 (F and DQ); TUNEBENCH_CPU_ATTENTION=off turns the kernels off
// (to compare with ATen's path).
bool avx512() {
    static const bool ok = [] {
        __builtin_cpu_init();
        bool l = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
        if (const char* e = std::getenv("TUNEBENCH_CPU_ATTENTION"))
            if (std::strcmp(e, "off") == 0 || std::strcmp(e, "0") == 0) l = false;
        return l;
    }();
    return ok;
}

}  // namespace

bool attentionKernelAvailable() {
    return avx512();
}

void attentionForward(const AttentionDims& a, int64_t bi, int64_t kvi, const float* q, const float* k,
                      const float* v, float* out, float* lse) {
    forward512(a, bi, kvi, q, k, v, out, lse);
}

void attentionBackward(const AttentionDims& a, int64_t bi, int64_t kvi, const float* q, const float* k,
                       const float* v, const float* dout, const float* lse, float* dq, float* dk, float* dv) {
    backward512(a, bi, kvi, q, k, v, dout, lse, dq, dk, dv);
}

}  // namespace tb::kernels
