#include "training/MemoryRetention.h"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>
#include <c10/core/impl/alloc_cpu.h>
#include <c10/util/Exception.h>
#include <torch/version.h>

#include <sys/mman.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <list>
#include <map>
#include <mutex>
#include <unordered_map>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// LibTorch 2.3 made Allocator::allocate non-const and added the pure virtual copy_data.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 3)
#define TB_ALLOCATE_CONST
#define TB_ALLOCATOR_COPY_DATA 1
#else
#define TB_ALLOCATE_CONST const
#endif

namespace tb {
namespace {

constexpr std::size_t kMinCached = std::size_t{1} << 20;   // smaller tensors: glibc's heap

// Sizes round up to one of sixteen classes per power of two (at most 6.25 % unused).
std::size_t sizeClass(std::size_t n) {
    std::size_t top = std::size_t{1} << (63 - __builtin_clzll(static_cast<unsigned long long>(n)));
    const std::size_t granule = std::max<std::size_t>(top / 16, 4096);
    return (n + granule - 1) / granule * granule;
}

class BlockCache final : public c10::Allocator {
public:
    static BlockCache& instance() {
        static BlockCache* cache = new BlockCache;   // never destroyed: tensors may outlive main
        return *cache;
    }

    void retain() {
        std::lock_guard<std::mutex> lock(mutex_);
        if (depth_++ == 0) {
            peakLive_ = live_;
            if (enabled_) installOnce();
        }
    }
    void release() {
        std::lock_guard<std::mutex> lock(mutex_);
        if (--depth_ == 0)
            while (!lru_.empty()) evictOldest();
    }
    CpuBlockCacheStats stats() {
        std::lock_guard<std::mutex> lock(mutex_);
        return {live_, cached_, peakLive_, hits_, misses_, evictions_};
    }

    c10::DataPtr allocate(std::size_t n) TB_ALLOCATE_CONST override {
        return const_cast<BlockCache*>(this)->take(n);
    }
    c10::DeleterFnPtr raw_deleter() const override { return &deleteBlock; }
#ifdef TB_ALLOCATOR_COPY_DATA
    void copy_data(void* dest, const void* src, std::size_t count) const override { default_copy_data(dest, src, count); }
#endif

private:
    struct Block {
        std::size_t size = 0;
        bool free = false;
        std::list<void*>::iterator lruPos;
    };

    void installOnce() {
        if (installed_) return;
        // Above LibTorch's own CPU allocator (priority 0). Tensors it made keep their deleter.
        c10::SetCPUAllocator(this, /*priority=*/1);
        installed_ = true;
    }

    c10::DataPtr take(std::size_t n) {
        const auto device = c10::Device(c10::DeviceType::CPU);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (depth_ > 0 && n >= kMinCached) {
                void* p = takeCached(sizeClass(n));
                return {p, p, &deleteBlock, device};
            }
        }
        void* p = c10::alloc_cpu(n);
        return {p, p, &deleteBlock, device};
    }

    // Under mutex_.
    void* takeCached(std::size_t size) {
        auto bucket = free_.find(size);
        if (bucket != free_.end() && !bucket->second.empty()) {
            void* p = bucket->second.back();
            bucket->second.pop_back();
            auto& b = blocks_[p];
            lru_.erase(b.lruPos);
            b.free = false;
            cached_ -= size;
            noteLive(size);
            ++hits_;
            return p;
        }
        ++misses_;
        // Keep live + cached within 1/8 over the live peak: the least recently freed go first.
        const std::size_t limit = std::max(peakLive_, live_ + size) / 8 * 9;
        while (!lru_.empty() && live_ + cached_ + size > limit) evictOldest();
        void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            while (!lru_.empty()) evictOldest();   // out of memory: give back every cached block, try once more
            p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            // Worded as LibTorch's CPU allocator words it; the trainer reports it as out of memory.
            TORCH_CHECK(p != MAP_FAILED, "CPU block cache: can't allocate memory: you tried to allocate ", size,
                        " bytes (out of memory)");
        }
        blocks_[p] = Block{size, false, {}};
        noteLive(size);
        return p;
    }

    void noteLive(std::size_t size) {
        live_ += size;
        peakLive_ = std::max(peakLive_, live_);
    }

    // Under mutex_.
    void evictOldest() {
        void* p = lru_.front();
        lru_.pop_front();
        auto it = blocks_.find(p);
        auto& bucket = free_[it->second.size];
        bucket.erase(std::find(bucket.begin(), bucket.end(), p));
        cached_ -= it->second.size;
        munmap(p, it->second.size);
        blocks_.erase(it);
        ++evictions_;
    }

    void giveBack(void* p) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            auto it = blocks_.find(p);
            if (it != blocks_.end()) {
                auto& b = it->second;
                live_ -= b.size;
                if (depth_ == 0) {
                    munmap(p, b.size);
                    blocks_.erase(it);
                    return;
                }
                b.free = true;
                b.lruPos = lru_.insert(lru_.end(), p);
                free_[b.size].push_back(p);
                cached_ += b.size;
                return;
            }
        }
        c10::free_cpu(p);   // from c10::alloc_cpu (ours outside a retention, or before it existed)
    }

    static void deleteBlock(void* p) {
        if (p) instance().giveBack(p);
    }

    // TUNEBENCH_CPU_BLOCK_CACHE=off leaves LibTorch's allocator in place (to compare, or to rule
    // the cache out when chasing a memory problem).
    const bool enabled_ = [] {
        const char* v = std::getenv("TUNEBENCH_CPU_BLOCK_CACHE");
        return !v || (std::strcmp(v, "off") != 0 && std::strcmp(v, "0") != 0);
    }();
    std::mutex mutex_;
    int depth_ = 0;
    bool installed_ = false;
    std::unordered_map<void*, Block> blocks_;            // every mapped block, live or free
    std::map<std::size_t, std::vector<void*>> free_;     // free blocks by size class
    std::list<void*> lru_;                               // free blocks, least recently freed first
    std::size_t live_ = 0, cached_ = 0, peakLive_ = 0, hits_ = 0, misses_ = 0, evictions_ = 0;
};

std::mutex gMallocMutex;
int gMallocDepth = 0;

} // namespace

RetainFreedMemory::RetainFreedMemory() {
    BlockCache::instance().retain();
#if defined(__GLIBC__)
    std::lock_guard<std::mutex> lock(gMallocMutex);
    if (gMallocDepth++ == 0) {
        // Blocks up to 32 MB (glibc's largest allowed threshold) come from the heap and are
        // reused; nothing is trimmed while training runs.
        mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
        mallopt(M_TRIM_THRESHOLD, INT_MAX);
    }
#endif
}

RetainFreedMemory::~RetainFreedMemory() {
    BlockCache::instance().release();
#if defined(__GLIBC__)
    std::lock_guard<std::mutex> lock(gMallocMutex);
    if (--gMallocDepth == 0) {
        mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
        malloc_trim(0);
    }
#endif
}

CpuBlockCacheStats cpuBlockCacheStats() { return BlockCache::instance().stats(); }

} // namespace tb
