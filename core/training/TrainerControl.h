#pragma once
// Why this exists: how another thread steers a running trainer (pause in place, continue,
// cancel with a checkpoint). Plain atomics, no torch, so jobs/ and the CLI can hold one.
#include <atomic>

namespace tb {

struct TrainerControl {
    std::atomic<bool> cancel{false};
    std::atomic<bool> pause{false};
};

} // namespace tb
