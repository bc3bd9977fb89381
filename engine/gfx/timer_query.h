// GPU frame timing with GL timer queries. Results arrive a few frames late, so queries
// rotate through a small ring and are read only when the driver says they are ready.
#pragma once

#include "gfx/handle.h"

#include <array>
#include <optional>
#include <vector>

namespace gfx {

class GpuTimer {
public:
    GpuTimer() = default;
    void create();               // needs a current context
    void begin();
    void end();
    // Milliseconds of every query that finished since the last call.
    std::vector<double> collect();
    // Waits for all outstanding queries (for the end of a benchmark).
    std::vector<double> drain();

private:
    static constexpr int kRing = 4;
    std::array<QueryHandle, kRing> queries_;
    std::array<bool, kRing> pending_{};
    int next_ = 0;
    bool active_ = false;
};

} // namespace gfx
