#include "gfx/timer_query.h"

#include "gfx/gl.h"

namespace gfx {

void GpuTimer::create()
{
    for (auto& query : queries_) {
        GLuint id = 0;
        glGenQueries(1, &id);
        query = QueryHandle(id);
    }
    pending_.fill(false);
}

void GpuTimer::begin()
{
    if (!queries_[0] || pending_[std::size_t(next_)]) return; // ring full: skip this frame's measurement
    glBeginQuery(GL_TIME_ELAPSED, queries_[std::size_t(next_)].id());
    active_ = true;
}

void GpuTimer::end()
{
    if (!active_) return;
    glEndQuery(GL_TIME_ELAPSED);
    pending_[std::size_t(next_)] = true;
    next_ = (next_ + 1) % kRing;
    active_ = false;
}

std::vector<double> GpuTimer::collect()
{
    std::vector<double> results;
    for (int offset = 0; offset < kRing; ++offset) {
        const std::size_t i = std::size_t((next_ + offset) % kRing);
        if (!pending_[i]) continue;
        GLint available = 0;
        glGetQueryObjectiv(queries_[i].id(), GL_QUERY_RESULT_AVAILABLE, &available);
        if (!available) continue;
        GLuint64 nanoseconds = 0;
        glGetQueryObjectui64v(queries_[i].id(), GL_QUERY_RESULT, &nanoseconds);
        results.push_back(double(nanoseconds) / 1.0e6);
        pending_[i] = false;
    }
    return results;
}

std::vector<double> GpuTimer::drain()
{
    std::vector<double> results;
    for (int offset = 0; offset < kRing; ++offset) {
        const std::size_t i = std::size_t((next_ + offset) % kRing);
        if (!pending_[i]) continue;
        GLuint64 nanoseconds = 0;
        glGetQueryObjectui64v(queries_[i].id(), GL_QUERY_RESULT, &nanoseconds); // blocks until ready
        results.push_back(double(nanoseconds) / 1.0e6);
        pending_[i] = false;
    }
    return results;
}

} // namespace gfx
