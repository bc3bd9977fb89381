// Rectangles of pixels (x, y from the bottom left, width, height), cut up for passes that
// draw each part of the window with a program of its own (render::Renderer::present, the
// smoothing boxes of the close-up), and cut to a draw limit (render_state.h).
#pragma once

#include <glm/glm.hpp>

#include <vector>

namespace gfx {

// The part of `a` inside `b`; empty (no width or height) when they do not meet.
glm::ivec4 rectAnd(const glm::ivec4& a, const glm::ivec4& b);
// The parts of `a` outside `b`, in up to four bands that do not overlap.
std::vector<glm::ivec4> rectMinus(const glm::ivec4& a, const glm::ivec4& b);
// Every part of `rects` outside `b`.
std::vector<glm::ivec4> rectsMinus(const std::vector<glm::ivec4>& rects, const glm::ivec4& b);

} // namespace gfx
