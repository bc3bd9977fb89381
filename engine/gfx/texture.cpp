#include "gfx/texture.h"

#include "gfx/gl.h"
#include "gfx/texture_format_gl.h"

#include <iterator>

namespace gfx {
namespace {

// In the order of TextureFormat, so a format's entry is found by its value.
constexpr TextureFormatGL kFormats[] = {
    {TextureFormat::RGBA8, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, false},
    {TextureFormat::SRGB8A8, GL_SRGB8_ALPHA8, GL_RGBA, GL_UNSIGNED_BYTE, false},
    {TextureFormat::R8, GL_R8, GL_RED, GL_UNSIGNED_BYTE, false},
    {TextureFormat::RG16F, GL_RG16F, GL_RG, GL_HALF_FLOAT, false},
    {TextureFormat::RGBA16F, GL_RGBA16F, GL_RGBA, GL_HALF_FLOAT, false},
    {TextureFormat::Depth24Stencil8, GL_DEPTH24_STENCIL8, GL_DEPTH_STENCIL, GL_UNSIGNED_INT_24_8, true},
};

constexpr bool inOrderOfTextureFormat()
{
    for (std::size_t i = 0; i < std::size(kFormats); ++i)
        if (kFormats[i].format != TextureFormat(i)) return false;
    return std::size(kFormats) == std::size_t(TextureFormat::Depth24Stencil8) + 1;  // the last format
}
static_assert(inOrderOfTextureFormat(), "every TextureFormat needs its GL entry, in the enum's order");

} // namespace

const TextureFormatGL& textureFormatGL(TextureFormat format)
{
    return kFormats[std::size_t(format)];
}

core::Expected<Texture2D> Texture2D::create(const TextureDesc& desc)
{
    if (desc.size.x <= 0 || desc.size.y <= 0)
        return core::makeError("texture size must be positive, got " + std::to_string(desc.size.x) + "x" +
                               std::to_string(desc.size.y));
    Texture2D texture;
    GLuint id = 0;
    glGenTextures(1, &id);
    texture.handle_ = TextureHandle(id);
    texture.size_ = desc.size;
    glBindTexture(GL_TEXTURE_2D, id);
    if (desc.label && glObjectLabel) glObjectLabel(GL_TEXTURE, id, -1, desc.label);
    const TextureFormatGL& gl = textureFormatGL(desc.format);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, gl.internalFormat, desc.size.x, desc.size.y, 0, gl.pixelFormat, gl.pixelType,
                 desc.pixels.empty() ? nullptr : desc.pixels.data());
    const GLint wrap = desc.wrap == TextureWrap::Repeat ? GL_REPEAT : GL_CLAMP_TO_EDGE;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, wrap);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, wrap);
    GLint minFilter = desc.filter == TextureFilter::Nearest ? GL_NEAREST : GL_LINEAR;
    GLint magFilter = minFilter;
    if (desc.filter == TextureFilter::Trilinear) {
        minFilter = GL_LINEAR_MIPMAP_LINEAR;
        if (!desc.pixels.empty()) glGenerateMipmap(GL_TEXTURE_2D);
    }
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, minFilter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, magFilter);
    glBindTexture(GL_TEXTURE_2D, 0);
    return texture;
}

void Texture2D::bind(int unit) const
{
    glActiveTexture(GLenum(GL_TEXTURE0 + unit));
    glBindTexture(GL_TEXTURE_2D, handle_.id());
}

} // namespace gfx
