#pragma once
// Attention for fp32 on the CPU in one pass per head: scores, softmax and the product with v
// computed a block of query rows at a time in buffers that stay in cache, forward and backward
// (the backward recomputes the probabilities from the row's log-sum-exp, which forward keeps).
// No LibTorch here: ops::recomputedAttention (FusedOps.cpp) splits (batch, kv head) pairs over
// LibTorch's threads, and each pair is computed by one thread in a fixed order, so results do
// not depend on the thread count.
//
// Why: ATen runs the batched products of a block as one small OpenBLAS GEMM per (batch, kv
// head) on two threads, at about a third of the GEMM rate the layers' projections reach, plus
// separate passes for the mask, softmax and its backward.
//
// The kernels need AVX-512 (attentionKernelAvailable()); the caller takes the ATen path
// otherwise. They use fused multiply-adds and their own exp, so results equal ATen's
// within float rounding, not bitwise; the callers use them only while training.
#include <cstdint>

namespace tb::kernels {

struct AttentionDims {
    int64_t b = 0, h = 0, kvh = 0;  // batch, query heads, kv heads (h a multiple of kvh)
    int64_t t = 0, s = 0, d = 0;    // query rows, keys (s >= t), head dim
    float scale = 1.0f;             // scores = (q * scale) k^T + bias
    // causal: key j is masked for query row i when j > s - t + i (the bias masks those too;
    // the kernel leaves them out, their probabilities are exactly 0).
    bool causal = false;
    // Additive bias, element (b, i, j) at bias[b * biasB + i * biasT + j]; nullptr for none.
    const float* bias = nullptr;
    int64_t biasB = 0, biasT = 0;
};

// Whether the kernels can run here (AVX-512 F and DQ; TUNEBENCH_CPU_ATTENTION=off says no).
bool attentionKernelAvailable();

// The query heads of batch row bi that share kv head kvi (heads kvi * G .. kvi * G + G - 1,
// G = H / KvH). q [B, H, T, D] contiguous, k and v [B, KvH, S, D] contiguous. Writes those
// heads' rows of `out` (row i of head h at out + ((bi * T + i) * H + h) * D: the [B, T, H * D]
// layout the output projection reads) and of lse [B, H, T] (each row's log-sum-exp of scores).
void attentionForward(const AttentionDims& a, int64_t bi, int64_t kvi, const float* q, const float* k,
                      const float* v, float* out, float* lse);

// The gradients for the same heads, given dout in out's layout and forward's lse: writes their
// rows of dq ([B, H, T, D] contiguous) and kv head kvi's dk and dv ([B, KvH, S, D] contiguous).
void attentionBackward(const AttentionDims& a, int64_t bi, int64_t kvi, const float* q, const float* k,
                       const float* v, const float* dout, const float* lse, float* dq, float* dk, float* dv);

}  // namespace tb::kernels
