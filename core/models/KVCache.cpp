#include "models/KVCache.h"

#include "util/Error.h"

namespace tb {

KVCache::KVCache(int64_t numLayers, int64_t batch, int64_t kvHeads, int64_t capacity, int64_t headDim,
                 torch::TensorOptions options)
    : batch_(batch), capacity_(capacity) {
    keys_.reserve(numLayers);
    values_.reserve(numLayers);
    for (int64_t i = 0; i < numLayers; ++i) {
        keys_.push_back(torch::empty({batch, kvHeads, capacity, headDim}, options));
        values_.push_back(torch::empty({batch, kvHeads, capacity, headDim}, options));
    }
}

std::pair<torch::Tensor, torch::Tensor> KVCache::append(int64_t layer, const torch::Tensor& k, const torch::Tensor& v) {
    const int64_t t = k.size(2);
    if (length_ + t > capacity_)
        throw Error("KV cache full: " + std::to_string(length_ + t) + " positions requested, capacity " +
                    std::to_string(capacity_));
    auto& K = keys_.at(static_cast<size_t>(layer));
    auto& V = values_.at(static_cast<size_t>(layer));
    K.narrow(2, length_, t).copy_(k);
    V.narrow(2, length_, t).copy_(v);
    return {K.narrow(2, 0, length_ + t), V.narrow(2, 0, length_ + t)};
}

void KVCache::selectBatch(const torch::Tensor& index) {
    for (auto& k : keys_) k = k.index_select(0, index);
    for (auto& v : values_) v = v.index_select(0, index);
    batch_ = index.size(0);
}

} // namespace tb
