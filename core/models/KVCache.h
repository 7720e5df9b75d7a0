#pragma once
// Why this exists: generation appends one position per step; a cache preallocated for the whole
// run (prompt + max new tokens) avoids a reallocation and a copy of every past key per step.
// Layout per layer: [batch, kvHeads, capacity, headDim]. A forward pass writes its keys/values
// at [length, length + T) of every layer and the model advances `length` once at the end.
#include <torch/torch.h>

#include <vector>

namespace tb {

class KVCache {
public:
    KVCache(int64_t numLayers, int64_t batch, int64_t kvHeads, int64_t capacity, int64_t headDim,
            torch::TensorOptions options);

    // Writes k, v ([B, kvHeads, T, headDim]) for `layer` at the current length and returns the
    // keys/values of positions [0, length + T).
    std::pair<torch::Tensor, torch::Tensor> append(int64_t layer, const torch::Tensor& k, const torch::Tensor& v);
    void advance(int64_t steps) { length_ += steps; }
    int64_t length() const { return length_; }
    int64_t capacity() const { return capacity_; }
    int64_t batch() const { return batch_; }
    void reset() { length_ = 0; }
    // Keeps only the rows in `index` (e.g. finished sequences dropped).
    void selectBatch(const torch::Tensor& index);

private:
    std::vector<torch::Tensor> keys_, values_;
    int64_t batch_, capacity_, length_ = 0;
};

} // namespace tb
