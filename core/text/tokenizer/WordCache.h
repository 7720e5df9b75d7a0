#pragma once
// Why this exists: real text repeats words constantly; like HF tokenizers, the models keep the
// ids of up to `capacity` recent words so that encoding a corpus is dominated by lookups.
#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace tb::tok {

class WordCache {
public:
    explicit WordCache(size_t capacity = 20000) : capacity_(capacity) {}
    bool get(const std::string& word, std::vector<int64_t>& out) const {
        std::shared_lock<std::shared_mutex> lock(mutex_);
        const auto it = map_.find(word);
        if (it == map_.end()) return false;
        out.insert(out.end(), it->second.begin(), it->second.end());
        return true;
    }
    void put(const std::string& word, const int64_t* ids, size_t n) const {
        if (word.size() > 256) return;
        std::unique_lock<std::shared_mutex> lock(mutex_);
        if (map_.size() >= capacity_) return;   // HF keeps a bounded cache and stops filling it
        map_.emplace(word, std::vector<int32_t>(ids, ids + n));
    }

private:
    size_t capacity_;
    mutable std::shared_mutex mutex_;
    mutable std::unordered_map<std::string, std::vector<int32_t>> map_;
};

} // namespace tb::tok
