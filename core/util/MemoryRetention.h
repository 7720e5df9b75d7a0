#pragma once
// Why this exists: a training step frees and then reallocates the same activations (GBs
// without gradient checkpointing). glibc hands the freed top of the heap back to the kernel
// and serves large blocks with fresh mmap pages, so every step page-faults and zeroes all of
// it again: 19 % of a LoRA step's CPU time was the kernel clearing pages (perf, SmolLM2-135M,
// batch 4 × 256). While a RetainFreedMemory lives, freed memory stays with the process for the
// next step; when the last one ends, it is returned to the system (malloc_trim).
//
// Usage: { RetainFreedMemory keep; for (...) trainStep(); }   // nesting is fine
namespace tb {

class RetainFreedMemory {
public:
    RetainFreedMemory();
    ~RetainFreedMemory();
    RetainFreedMemory(const RetainFreedMemory&) = delete;
    RetainFreedMemory& operator=(const RetainFreedMemory&) = delete;
};

} // namespace tb
