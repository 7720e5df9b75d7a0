#pragma once
// Why this exists: adapters, checkpoints and optimiser state are written as safetensors through
// core/io's validated reader/writer; this converts between those byte views and torch tensors.
#include <torch/torch.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tb::peft {

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

// Writes tensors (any device; copied to CPU, made contiguous) atomically (tmp + rename).
void saveTensors(const std::string& path, const NamedTensors& tensors,
                 const std::map<std::string, std::string>& metadata = {{"format", "pt"}});
// Reads every tensor of a safetensors file into owned CPU tensors (F32/F16/BF16/I64/...).
std::map<std::string, torch::Tensor> loadTensors(const std::string& path);

} // namespace tb::peft
