#include "training/LrSchedule.h"

#include "util/Error.h"

#include <algorithm>
#include <cmath>

namespace tb {

LrSchedule::LrSchedule(std::string kind, double baseLr, int64_t warmupSteps, int64_t totalSteps)
    : kind_(std::move(kind)), baseLr_(baseLr), warmup_(std::max<int64_t>(0, warmupSteps)), total_(totalSteps) {
    if (kind_ != "constant" && kind_ != "linear" && kind_ != "cosine")
        throw UsageError("unknown schedule '" + kind_ + "' (constant, linear, cosine)");
}

double LrSchedule::factor(int64_t step) const {
    const double s = static_cast<double>(step);
    if (step < warmup_) return s / static_cast<double>(std::max<int64_t>(1, warmup_));
    if (kind_ == "constant") return 1.0;
    const double rest = static_cast<double>(std::max<int64_t>(1, total_ - warmup_));
    if (kind_ == "linear") return std::max(0.0, static_cast<double>(total_ - step) / rest);
    const double progress = (s - static_cast<double>(warmup_)) / rest;   // cosine, num_cycles = 0.5
    return std::max(0.0, 0.5 * (1.0 + std::cos(M_PI * 0.5 * 2.0 * progress)));
}

} // namespace tb
