#pragma once
// Why this exists: a training step frees and then reallocates the same activations (GBs
// without gradient checkpointing). By default that memory either goes back to the kernel and
// comes back as fresh pages that are page-faulted and zeroed again every step (19 % of a LoRA
// step's CPU time on SmolLM2-135M, batch 4 x 256, by perf), or it stays in glibc's heap, where
// freed blocks between still-live ones cannot serve the next larger request: the heap grew to
// 2.2 GB for 1.45 GB of live tensors, 1.2 GB of it holes.
//
// While a RetainFreedMemory lives, CPU tensors of 1 MB and more come from a cache of mapped
// blocks: a freed block waits, by size class (sixteen per power of two), for the next tensor of
// its class, and the cache never holds more than 1/8 of the peak of live tensors on top of what
// is live (least recently freed blocks go first). Smaller tensors come from glibc's heap, which
// keeps freed memory for the next step (mallopt). When the last RetainFreedMemory ends, the
// cached blocks and glibc's free memory go back to the system. Outside one, allocation is
// LibTorch's own (c10::alloc_cpu).
//
// Usage: { RetainFreedMemory keep; for (...) trainStep(); }   // nesting is fine, any thread
#include <cstddef>

namespace tb {

class RetainFreedMemory {
public:
    RetainFreedMemory();
    ~RetainFreedMemory();
    RetainFreedMemory(const RetainFreedMemory&) = delete;
    RetainFreedMemory& operator=(const RetainFreedMemory&) = delete;
};

// What the block cache holds now (for tests and diagnostics).
struct CpuBlockCacheStats {
    std::size_t liveBytes = 0;     // in tensors that are alive
    std::size_t cachedBytes = 0;   // freed, waiting for reuse
    std::size_t peakLiveBytes = 0; // since the outermost RetainFreedMemory began
    std::size_t hits = 0, misses = 0, evictions = 0;
};
CpuBlockCacheStats cpuBlockCacheStats();

} // namespace tb
