#pragma once
// Why this exists: every "random" choice the instruction-set builder makes (which template a
// row gets, which split it lands in, which rows a weight keeps, the training order) is a pure
// function of (seed, salt, the row's content), so a rebuild with the same seed is identical and
// adding rows to a dataset never moves the existing ones. FNV-1a over the bytes, finished with
// the splitmix64 mixer for good avalanche.
#include <cstdint>
#include <string>

namespace tb {

inline uint64_t mix64(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

inline uint64_t fnv1a64(const std::string& s, uint64_t h = 0xCBF29CE484222325ull) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001B3ull;
    }
    return h;
}

// Hash of (seed, salt, key, extra) -> 64 well-mixed bits.
inline uint64_t stableHash(uint64_t seed, const std::string& salt, uint64_t key, uint64_t extra = 0) {
    return mix64(mix64(mix64(seed) ^ fnv1a64(salt)) ^ key ^ mix64(extra + 0x51ED27ull));
}

// The top 53 bits as a double in [0, 1).
inline double unitInterval(uint64_t h) { return static_cast<double>(h >> 11) * (1.0 / 9007199254740992.0); }

} // namespace tb
