#pragma once
// Why this exists: settings that must be in place before the libraries load or start their
// threads decide most of the CPU speed, and none can be changed afterwards:
//  - OpenBLAS picks its GEMM kernels from the CPU model at load time. Debian's 0.3.21 does not
//    know recent Xeons (Sapphire Rapids) and falls back to "Prescott" (SSE3) kernels: a
//    2048² fp32 GEMM runs at ~50 GFLOP/s instead of ~250 with its AVX-512 (SkylakeX) kernels
//    on the same two cores (measured, DEVELOPERS.md). OPENBLAS_CORETYPE overrides the choice.
//  - libgomp's idle worker threads spin for a long time after every Torch parallel region,
//    while OpenBLAS' own threads need the same two cores for the next GEMM (25 % of a LoRA
//    step's time went to spinning). GOMP_SPINCOUNT=1000 lets them sleep almost at once
//    (30000 when the command line asks for bf16, by `--precision bf16` or a `--config` file:
//    oneDNN's bf16 GEMMs run on OpenMP's own threads, which then gain from spinning longer).
//  - OpenBLAS' idle threads in turn yield-spin for 2^28 TSC cycles (~0.1 s) after each GEMM,
//    taking a core from Torch's element-wise work. OPENBLAS_THREAD_TIMEOUT=20 (2^20 cycles,
//    well under a millisecond): bench train 217 -> 250-270 tokens/s; generation unchanged
//    (2^4, tried first, slowed generation: its many small GEMMs paid for waking the threads).
//  - Denormal floats: tiny gradients and exponentials of very negative numbers fall into the
//    denormal range, where each operation takes a microcode assist: an exp or silu backward
//    over such values ran 5-12x slower (measured). flushDenormals() sets FTZ/DAZ on the
//    calling thread; threads started later inherit it, and OpenBLAS' threads (started when
//    the library loaded) are restarted so they do too.
// tuneProcessEnvironment() sets what the user has not set and, when anything changed,
// re-executes the program once (TUNEBENCH_ENV_TUNED, the list of what it set, guards against
// a loop) so the libraries load with it. TUNEBENCH_NO_ENV_TUNING=1 turns all of this off. Child processes (the reference stack in `bench`) inherit the same settings.
//
// Usage: first line of main(): tb::tuneProcessEnvironment(argv);
#include <string>
#include <vector>

namespace tb {

// May not return (execv). Never throws; on any failure the program simply continues.
// Also calls flushDenormals() (unless TUNEBENCH_NO_ENV_TUNING is set).
void tuneProcessEnvironment(char** argv);

// Flush denormal floats to zero (x86 MXCSR FTZ + DAZ) on this thread and on threads started
// after it; restarts OpenBLAS' worker threads so they inherit it. Call before any other thread
// starts. Values below 1.2e-38 become 0; nothing a model computes depends on them.
void flushDenormals();
// Whether this thread flushes denormals.
bool denormalsFlushed();

// `train --resume RUN` learns that the run trains in bf16 only from the workspace, after
// start-up chose GOMP_SPINCOUNT for fp32 (a resumed bf16 run was ~20 % slower). When that
// variable is tunebench's own choice and not bf16's, sets bf16's and re-executes the program
// with the same arguments; the caller must have closed every file it opened. Returns when
// there was nothing to do or the re-execution failed.
void retuneForBf16();

// This process's arguments as /proc/self/cmdline holds them (argv[0] first); empty without /proc.
std::vector<std::string> ownCommandLine();

// The variables tuneProcessEnvironment set in this process (not the user's own), e.g.
// {"OPENBLAS_CORETYPE", "GOMP_SPINCOUNT"}; empty when it changed nothing.
std::vector<std::string> tunedVariables();

// Whether the CPU computes bf16 natively (AVX512-BF16 or AMX-BF16): bf16 autocast on the CPU
// is then faster than fp32; without, oneDNN emulates it and it is slower.
bool cpuHasNativeBf16();
// Whether the CPU has AMX tiles with bf16 (Sapphire Rapids and later).
bool cpuHasAmxBf16();

// The OpenBLAS kernel family in use ("SkylakeX", "Haswell", "Prescott", ...), or "" when the
// BLAS is not OpenBLAS.
std::string blasCoreName();

// The OpenBLAS core type this CPU should use when OpenBLAS' own detection failed (it chose a
// generic core such as Prescott although the CPU has AVX2 or AVX-512), else "".
std::string preferredBlasCore(const std::string& detectedCore);

} // namespace tb
