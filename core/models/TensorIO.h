#pragma once
// Why this exists: the torch side of safetensors — tensors from a mapped file (copied out, in
// the requested dtype/device) and a named-tensor map written back (adapters, merged models,
// checkpoints). The byte-level format lives in io/SafeTensorsFile.h.
#include "io/SafeTensorsFile.h"

#include <torch/torch.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tb {

torch::ScalarType torchDtypeOf(StDtype d);   // throws for dtypes torch 1.13 lacks (F8, U16...)
StDtype stDtypeOf(torch::ScalarType t);

// A tensor that owns its memory (a copy of the mapped bytes).
torch::Tensor readTensor(const SafeTensorsFile& file, const StTensorInfo& info);
// Every tensor of a file by name.
std::map<std::string, torch::Tensor> readAllTensors(const std::string& path);

// Writes tensors (moved to CPU, made contiguous) in the order of their names.
void saveTensors(const std::string& path, const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                 const std::map<std::string, std::string>& metadata = {{"format", "pt"}});

} // namespace tb
