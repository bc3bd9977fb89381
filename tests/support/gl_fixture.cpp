#include "gl_fixture.h"

#include <stdexcept>

namespace testing_support {

GLFixture::GLFixture(glm::ivec2 size)
{
    platform::WindowDesc desc;
    desc.headless = true;
    desc.size = size;
    desc.vsync = false;
    desc.glDebugContext = true;
    auto created = platform::Window::create(desc);
    if (!created) throw std::runtime_error(created.error().describe());
    window = std::move(*created);
    auto loaded = gfx::loadOpenGL(platform::Window::glProcLoader());
    if (!loaded) throw std::runtime_error(loaded.error().describe());
    info = *loaded;
    gfx::enableDebugOutput(true);
    problemsAtStart = gfx::debugProblemCount();
}

} // namespace testing_support
