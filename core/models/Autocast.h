#pragma once
// Mixed precision (autocast) for Tunebench's own forward passes: bf16 or fp16 on CUDA, bf16 on
// the CPU (where oneDNN runs bf16 GEMMs with AVX512-BF16 or AMX). Autocast is per thread and per
// device type; these helpers switch the one that matches the device and restore what was there.
#include <ATen/autocast_mode.h>
#include <torch/version.h>

// LibTorch 2.4 replaced the per-device functions (is_enabled, set_cpu_enabled, ...) with ones
// that take the device type, and warns on every call of the old ones.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
#define TUNEBENCH_AUTOCAST_BY_DEVICE_TYPE 1
#endif

namespace tb {

// The calling thread's autocast settings for both device types.
struct AutocastState {
    bool cuda = false, cpu = false;
    at::ScalarType cudaDtype = at::kHalf, cpuDtype = at::kBFloat16;

    static AutocastState current() {
        AutocastState s;
#ifdef TUNEBENCH_AUTOCAST_BY_DEVICE_TYPE
        s.cuda = at::autocast::is_autocast_enabled(at::kCUDA);
        s.cpu = at::autocast::is_autocast_enabled(at::kCPU);
        s.cudaDtype = at::autocast::get_autocast_dtype(at::kCUDA);
        s.cpuDtype = at::autocast::get_autocast_dtype(at::kCPU);
#else
        s.cuda = at::autocast::is_enabled();
        s.cpu = at::autocast::is_cpu_enabled();
        s.cudaDtype = at::autocast::get_autocast_gpu_dtype();
        s.cpuDtype = at::autocast::get_autocast_cpu_dtype();
#endif
        return s;
    }
    void apply() const {
#ifdef TUNEBENCH_AUTOCAST_BY_DEVICE_TYPE
        at::autocast::set_autocast_dtype(at::kCUDA, cudaDtype);
        at::autocast::set_autocast_dtype(at::kCPU, cpuDtype);
        at::autocast::set_autocast_enabled(at::kCUDA, cuda);
        at::autocast::set_autocast_enabled(at::kCPU, cpu);
#else
        at::autocast::set_autocast_gpu_dtype(cudaDtype);
        at::autocast::set_autocast_cpu_dtype(cpuDtype);
        at::autocast::set_enabled(cuda);
        at::autocast::set_cpu_enabled(cpu);
#endif
    }
    bool any() const { return cuda || cpu; }
};

// Autocast on `device`'s type in `dtype` for the lifetime of the scope (no-op when !on).
class AutocastScope {
public:
    AutocastScope(bool on, bool cuda, at::ScalarType dtype) : on_(on), was_(AutocastState::current()) {
        if (!on_) return;
        AutocastState s = was_;
        if (cuda) {
            s.cuda = true;
            s.cudaDtype = dtype;
        } else {
            s.cpu = true;
            s.cpuDtype = dtype;
        }
        s.apply();
    }
    ~AutocastScope() {
        if (!on_) return;
        was_.apply();
        if (!was_.any()) at::autocast::clear_cache();   // cached casts of the weights
    }
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool on_;
    AutocastState was_;
};

// Autocast off for both device types until the scope ends, for code that chooses its dtypes
// itself (the chunked loss); restores what was there.
class NoAutocast {
public:
    NoAutocast() : was_(AutocastState::current()) {
        AutocastState off = was_;
        off.cuda = off.cpu = false;
        off.apply();
    }
    ~NoAutocast() { was_.apply(); }
    NoAutocast(const NoAutocast&) = delete;
    NoAutocast& operator=(const NoAutocast&) = delete;

private:
    AutocastState was_;
};

} // namespace tb
