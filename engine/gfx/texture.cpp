#include "gfx/texture.h"

#include "gfx/gl.h"

namespace gfx {
namespace {

struct FormatGL {
    GLint internal;
    GLenum format;
    GLenum type;
};

FormatGL formatGL(TextureFormat format)
{
    switch (format) {
    case TextureFormat::RGBA8: return {GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE};
    case TextureFormat::SRGB8A8: return {GL_SRGB8_ALPHA8, GL_RGBA, GL_UNSIGNED_BYTE};
    case TextureFormat::R8: return {GL_R8, GL_RED, GL_UNSIGNED_BYTE};
    case TextureFormat::RG16F: return {GL_RG16F, GL_RG, GL_HALF_FLOAT};
    case TextureFormat::RGBA16F: return {GL_RGBA16F, GL_RGBA, GL_HALF_FLOAT};
    case TextureFormat::Depth24Stencil8: return {GL_DEPTH24_STENCIL8, GL_DEPTH_STENCIL, GL_UNSIGNED_INT_24_8};
    }
    return {GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE};
}

} // namespace

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
    const FormatGL gl = formatGL(desc.format);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, gl.internal, desc.size.x, desc.size.y, 0, gl.format, gl.type,
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
