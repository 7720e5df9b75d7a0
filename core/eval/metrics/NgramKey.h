#pragma once
// Why this exists: ROUGE and BLEU count n-grams of interned token ids (n <= 4 for BLEU, the
// ROUGE types use 1..9). A fixed-size key with an exact comparison avoids building a string per
// n-gram, which dominated the metrics' run time.
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace tb::metrics {

struct NgramKey {
    static constexpr int kMax = 9;
    std::array<int32_t, kMax> ids{};
    int32_t n = 0;
    bool operator==(const NgramKey& o) const {
        if (n != o.n) return false;
        for (int i = 0; i < n; ++i)
            if (ids[static_cast<size_t>(i)] != o.ids[static_cast<size_t>(i)]) return false;
        return true;
    }
    static NgramKey of(const int32_t* first, int n) {
        NgramKey k;
        k.n = n;
        for (int i = 0; i < n; ++i) k.ids[static_cast<size_t>(i)] = first[i];
        return k;
    }
};

struct NgramKeyHash {
    size_t operator()(const NgramKey& k) const {
        uint64_t h = 1469598103934665603ULL ^ static_cast<uint64_t>(k.n);
        for (int i = 0; i < k.n; ++i) {
            h ^= static_cast<uint32_t>(k.ids[static_cast<size_t>(i)]);
            h *= 1099511628211ULL;
            h ^= h >> 29;
        }
        return static_cast<size_t>(h);
    }
};

} // namespace tb::metrics
