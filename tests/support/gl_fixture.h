// A headless OpenGL 3.3 context for tests (SDL offscreen driver on Mesa llvmpipe), with the
// GL debug output counted so a test can demand that nothing was reported.
#pragma once

#include "gfx/context.h"
#include "platform/window.h"

#include <glm/vec2.hpp>

namespace testing_support {

class GLFixture {
public:
    explicit GLFixture(glm::ivec2 size = {320, 240});
    platform::Window window;
    gfx::ContextInfo info;
    int problemsAtStart = 0;
    int newProblems() const { return gfx::debugProblemCount() - problemsAtStart; }
};

} // namespace testing_support
