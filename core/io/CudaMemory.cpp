#include "io/CudaMemory.h"

#ifdef TUNEBENCH_HAVE_C10_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAFunctions.h>
#endif

namespace tb::cudamem {

#ifdef TUNEBENCH_HAVE_C10_CUDA
namespace {
// Index 0 is StatType::AGGREGATE (all pools) in every LibTorch since 1.x.
auto stats(int device) {
    return c10::cuda::CUDACachingAllocator::getDeviceStats(static_cast<c10::DeviceIndex>(device));
}
} // namespace

bool available() { return c10::cuda::device_count() > 0; }
int64_t allocatedBytes(int device) { return available() ? stats(device).allocated_bytes[0].current : 0; }
int64_t peakAllocatedBytes(int device) { return available() ? stats(device).allocated_bytes[0].peak : 0; }
void resetPeak(int device) {
    if (available()) c10::cuda::CUDACachingAllocator::resetPeakStats(static_cast<c10::DeviceIndex>(device));
}
#else
bool available() { return false; }
int64_t allocatedBytes(int) { return 0; }
int64_t peakAllocatedBytes(int) { return 0; }
void resetPeak(int) {}
#endif

} // namespace tb::cudamem
