#pragma once
// GPU memory as LibTorch's CUDA caching allocator counts it: the numbers
// torch.cuda.memory_allocated / max_memory_allocated report in Python. Available only when this
// build links a CUDA LibTorch (c10_cuda); otherwise every query answers 0 and available() false.
#include <cstdint>

namespace tb::cudamem {

bool available();
int64_t allocatedBytes(int device);       // tensors alive now
int64_t peakAllocatedBytes(int device);   // since the last resetPeak
void resetPeak(int device);

} // namespace tb::cudamem
