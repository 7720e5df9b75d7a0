#pragma once
// Why this exists: learning-rate schedules with transformers' exact semantics (LambdaLR: the
// update number s, counted from 0, uses base_lr * factor(s)); "constant" with warmup is
// get_constant_schedule_with_warmup. Pure arithmetic, so a resumed run recomputes it from the step.
#include <cstdint>
#include <string>

namespace tb {

class LrSchedule {
public:
    LrSchedule(std::string kind, double baseLr, int64_t warmupSteps, int64_t totalSteps);
    double factor(int64_t step) const;
    double lr(int64_t step) const { return baseLr_ * factor(step); }
    int64_t warmupSteps() const { return warmup_; }
    int64_t totalSteps() const { return total_; }

private:
    std::string kind_;
    double baseLr_;
    int64_t warmup_, total_;
};

} // namespace tb
