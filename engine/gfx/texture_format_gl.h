// Private to gfx (it includes the GL loader): the one table from a TextureFormat to GL's
// internal format and the format and type of its pixels, for textures and render targets.
#pragma once

#include "gfx/gl.h"
#include "gfx/texture.h"

namespace gfx {

struct TextureFormatGL {
    TextureFormat format;
    GLint internalFormat;
    GLenum pixelFormat;  // of pixels uploaded or read
    GLenum pixelType;
    bool depth;          // a depth (and stencil) format: never a colour attachment
};

const TextureFormatGL& textureFormatGL(TextureFormat format);

} // namespace gfx
