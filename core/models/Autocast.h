#pragma once
// Mixed precision (autocast) for Tunebench's own forward passes: bf16 or fp16 on CUDA, bf16 on
// the CPU (where oneDNN runs bf16 GEMMs with AVX512-BF16 or AMX). Autocast is per thread and per
// device type; these helpers switch the one that matches the device and restore what was there.
#include <ATen/autocast_mode.h>

namespace tb {

// The calling thread's autocast settings for both device types.
struct AutocastState {
    bool cuda = false, cpu = false;
    at::ScalarType cudaDtype = at::kHalf, cpuDtype = at::kBFloat16;

    static AutocastState current() {
        AutocastState s;
        s.cuda = at::autocast::is_enabled();
        s.cpu = at::autocast::is_cpu_enabled();
        s.cudaDtype = at::autocast::get_autocast_gpu_dtype();
        s.cpuDtype = at::autocast::get_autocast_cpu_dtype();
        return s;
    }
    void apply() const {
        at::autocast::set_autocast_gpu_dtype(cudaDtype);
        at::autocast::set_autocast_cpu_dtype(cpuDtype);
        at::autocast::set_enabled(cuda);
        at::autocast::set_cpu_enabled(cpu);
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
