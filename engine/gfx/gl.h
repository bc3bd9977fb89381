// Private to gfx: the generated loader. No header outside engine/gfx/*.cpp includes this.
#pragma once

#include <glad/gl.h>

#include <string>

namespace gfx {

// glGetString's text; empty where the driver gives none.
inline std::string glString(GLenum name)
{
    const GLubyte* value = glGetString(name);
    return value ? reinterpret_cast<const char*>(value) : "";
}

} // namespace gfx
