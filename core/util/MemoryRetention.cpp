#include "util/MemoryRetention.h"

#include <climits>
#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace tb {
namespace {
std::mutex gMutex;
int gDepth = 0;
} // namespace

RetainFreedMemory::RetainFreedMemory() {
#if defined(__GLIBC__)
    std::lock_guard<std::mutex> lock(gMutex);
    if (gDepth++ == 0) {
        // Blocks up to 32 MB (glibc's largest allowed threshold) come from the heap and are
        // reused; nothing is trimmed while training runs.
        mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
        mallopt(M_TRIM_THRESHOLD, INT_MAX);
    }
#endif
}

RetainFreedMemory::~RetainFreedMemory() {
#if defined(__GLIBC__)
    std::lock_guard<std::mutex> lock(gMutex);
    if (--gDepth == 0) {
        mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
        malloc_trim(0);
    }
#endif
}

} // namespace tb
