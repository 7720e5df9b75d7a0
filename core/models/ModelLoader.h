#pragma once
// Why this exists: one entry point from a Hugging Face model folder to a ready module on the
// chosen device and dtype, with the strict checks a user needs (only safetensors, every tensor
// present with the shape/dtype the config implies, nothing unexpected).
#include "models/CausalLM.h"

#include <memory>
#include <string>

namespace tb {

struct LoadOptions {
    std::string device = "auto";   // "auto" (CUDA when present), "cpu", "cuda", "cuda:N"
    std::string dtype = "fp32";    // "fp32"; "bf16" / "fp16" only on CUDA; "auto" = fp32 on CPU, config dtype on CUDA
};

torch::Device resolveDevice(const std::string& spec);
torch::ScalarType resolveDtype(const std::string& spec, const torch::Device& device,
                               const std::string& configDtype = {});

// Builds the architecture from config.json (randomly initialised, as transformers would
// before loading), on `device` / `dtype`.
std::shared_ptr<CausalLM> buildCausalLM(const ModelConfig& config, torch::Device device,
                                        torch::ScalarType dtype);

// Loads a decoder-only model folder. Throws tb::Error with an actionable message.
std::shared_ptr<CausalLM> loadCausalLM(const std::string& dir, const LoadOptions& options = {});
// The same (name kept from the API agreement).
inline std::shared_ptr<CausalLM> loadModel(const std::string& dir, const std::string& device = "auto",
                                           const std::string& dtype = "fp32") {
    return loadCausalLM(dir, LoadOptions{device, dtype});
}

// Copies the named tensors of a (possibly sharded) safetensors set into the module's
// parameters and buffers by Hugging Face name; used by loadCausalLM and by merged-model
// reloads. Missing or unexpected names, shape mismatches: tb::Error listing them.
void loadWeightsInto(torch::nn::Module& module, const std::string& dir, const ModelConfig& config);

} // namespace tb
