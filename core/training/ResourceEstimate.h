#pragma once
// Why this exists: before a run starts the user sees what it will cost: peak memory (weights,
// gradients and AdamW state of the trainable part, saved activations, logits) and time per
// epoch from the model's FLOPs and this machine's measured GEMM rate. `bench train` uses the
// same FLOP count for MFU.
#include <cstdint>
#include <string>

namespace tb {

struct ModelConfig;

struct ResourceEstimate {
    int64_t weightBytes = 0, gradientBytes = 0, optimizerBytes = 0, activationBytes = 0, logitBytes = 0;
    int64_t peakBytes = 0;
    double flopsPerToken = 0;      // forward + backward for this method
    double gemmGflops = 0;         // measured
    double secondsPerEpoch = 0;    // at an assumed 50% of the GEMM rate
    int64_t tokensPerEpoch = 0;
};

// checkpointing: only each layer's input is kept, one layer's activations at a time, and the
// time estimate includes the recomputed forward. chunkedLoss: the loss never holds the full
// [B, T, vocab] logits (decoder-only training, CausalLmLoss.h). labelledFraction: the share of
// tokens whose label counts; with chunkedLoss the time estimate leaves out the output
// projection for the others.
//
// Training FLOPs per token: forward 2N (+ attention), backward 2N for activation gradients and
// 2N more for weight gradients of the trained weights (full: all; adapters: only theirs).
double trainingFlopsPerToken(const ModelConfig& c, int64_t seqLen, int64_t trainableWeights, bool fullBackward);
double inferenceFlopsPerToken(const ModelConfig& c, int64_t seqLen);
// The output projection's share of trainingFlopsPerToken (forward, input gradient, and the
// weight gradient when fullBackward). The chunked loss computes it only for tokens whose label
// counts (CausalLmLoss.h), so prompt tokens under prompt masking do not pay for it.
double outputProjectionTrainingFlopsPerToken(const ModelConfig& c, bool fullBackward);

// Best GEMM rate over a short measurement (about `seconds`), in GFLOP/s, on `device` ("cpu" or
// "cuda"), in `precision` ("fp32", "bf16" or "fp16": the rate autocast's GEMMs can reach).
double measureGemmGflops(const std::string& device, double seconds = 0.5, const std::string& precision = "fp32");

// checkpointedLayers: decoder layers run through gradient checkpointing (0 none; at most all).
// gemmEfficiency: the share of gemmGflops a training step reaches overall (0.5 in fp32; bf16
// on the CPU reaches 0.17 of the AMX GEMM rate, measured: kCpuBf16StepEfficiency).
constexpr double kCpuBf16StepEfficiency = 0.17;
ResourceEstimate estimateResources(const ModelConfig& c, int64_t totalParams, int64_t trainableParams,
                                   bool fullBackward, int64_t batch, int64_t seqLen, int64_t tokensPerEpoch,
                                   double gemmGflops, int64_t bytesPerWeight = 4, int64_t checkpointedLayers = 0,
                                   bool chunkedLoss = true, double labelledFraction = 1.0, double gemmEfficiency = 0.5);

// Resident set size now and at its peak (VmHWM), bytes; 0 where /proc is unavailable.
int64_t currentRssBytes();
int64_t peakRssBytes();

} // namespace tb
