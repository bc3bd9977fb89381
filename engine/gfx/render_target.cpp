#include "gfx/render_target.h"

#include "gfx/gl.h"
#include "gfx/render_state.h"
#include "gfx/texture_format_gl.h"

#include <string>

namespace gfx {
namespace {

core::Error incomplete(GLenum status, const char* label)
{
    return core::makeError(std::string("render target '") + (label ? label : "?") +
                           "' is incomplete (status 0x" + std::to_string(status) + ")");
}

} // namespace

core::Expected<RenderTarget> RenderTarget::create(const RenderTargetDesc& desc)
{
    if (desc.size.x <= 0 || desc.size.y <= 0)
        return core::makeError("render target size must be positive, got " + std::to_string(desc.size.x) + "x" +
                               std::to_string(desc.size.y));
    if (textureFormatGL(desc.colorFormat).depth)
        return core::makeError(std::string("render target '") + (desc.label ? desc.label : "?") +
                               "' asks for a depth format as its colour format");
    RenderTarget target;
    target.size_ = desc.size;
    target.samples_ = desc.samples > 1 ? desc.samples : 0;
    target.colorFormat_ = desc.colorFormat;

    TextureDesc colorDesc;
    colorDesc.size = desc.size;
    colorDesc.format = desc.colorFormat;
    colorDesc.label = desc.label;
    auto color = Texture2D::create(colorDesc);
    if (!color) return color.error();
    target.resolvedColor_ = std::move(*color);

    GLuint id = 0;
    glGenFramebuffers(1, &id);
    target.framebuffer_ = FramebufferHandle(id);
    glBindFramebuffer(GL_FRAMEBUFFER, id);
    if (target.samples_) {
        GLuint renderbuffer = 0;
        glGenRenderbuffers(1, &renderbuffer);
        target.multisampleColor_ = RenderbufferHandle(renderbuffer);
        glBindRenderbuffer(GL_RENDERBUFFER, renderbuffer);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, target.samples_, GLenum(textureFormatGL(desc.colorFormat).internalFormat),
                                         desc.size.x, desc.size.y);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, renderbuffer);
    } else {
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, target.resolvedColor_.id(), 0);
    }
    if (desc.depth && desc.sharedDepth) {
        const RenderTarget& other = *desc.sharedDepth;
        if (other.size_ != desc.size || other.samples_ != target.samples_ || other.depthStencilId() == 0) {
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            return core::makeError(std::string("render target '") + (desc.label ? desc.label : "?") +
                                   "' would share the depth of a target of another size or sample count, or one without depth");
        }
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, other.depthStencilId());
    } else if (desc.depth) {
        GLuint renderbuffer = 0;
        glGenRenderbuffers(1, &renderbuffer);
        target.depthStencil_ = RenderbufferHandle(renderbuffer);
        glBindRenderbuffer(GL_RENDERBUFFER, renderbuffer);
        const GLenum depthFormat = GLenum(textureFormatGL(TextureFormat::Depth24Stencil8).internalFormat);
        if (target.samples_)
            glRenderbufferStorageMultisample(GL_RENDERBUFFER, target.samples_, depthFormat, desc.size.x, desc.size.y);
        else
            glRenderbufferStorage(GL_RENDERBUFFER, depthFormat, desc.size.x, desc.size.y);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, renderbuffer);
    }
    GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        return incomplete(status, desc.label);
    }
    if (target.samples_) {
        GLuint resolve = 0;
        glGenFramebuffers(1, &resolve);
        target.resolveFramebuffer_ = FramebufferHandle(resolve);
        glBindFramebuffer(GL_FRAMEBUFFER, resolve);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, target.resolvedColor_.id(), 0);
        status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            return incomplete(status, desc.label);
        }
    }
    if (desc.label && glObjectLabel) glObjectLabel(GL_FRAMEBUFFER, id, -1, desc.label);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    return target;
}

void RenderTarget::resolve() const
{
    if (!samples_) return;
    // Resolve in linear light when the target is sRGB.
    if (colorFormat_ == TextureFormat::SRGB8A8)
        glEnable(GL_FRAMEBUFFER_SRGB);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolveFramebuffer_.id());
    glBlitFramebuffer(0, 0, size_.x, size_.y, 0, 0, size_.x, size_.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

// Clears what is asked in the bound framebuffer (within the scissor box, if one is on).
static void clearBound(const ClearValues& clear)
{
    GLbitfield mask = 0;
    if (clear.color) {
        glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
        glClearColor(clear.color->r, clear.color->g, clear.color->b, clear.color->a);
        mask |= GL_COLOR_BUFFER_BIT;
    }
    if (clear.depth) {
        glDepthMask(GL_TRUE);
        glClearDepth(*clear.depth);
        mask |= GL_DEPTH_BUFFER_BIT;
    }
    if (clear.stencil) {
        glStencilMask(0xFF);
        glClearStencil(*clear.stencil);
        mask |= GL_STENCIL_BUFFER_BIT;
    }
    if (mask) glClear(mask);
}

void beginPass(const RenderTarget* target, glm::ivec2 defaultFramebufferSize, const ClearValues& clear)
{
    glBindFramebuffer(GL_FRAMEBUFFER, target ? target->framebufferId() : 0);
    if (target && target->colorFormat() == TextureFormat::SRGB8A8)
        glEnable(GL_FRAMEBUFFER_SRGB);
    else
        glDisable(GL_FRAMEBUFFER_SRGB);
    const glm::ivec2 size = target ? target->size() : defaultFramebufferSize;
    glViewport(0, 0, size.x, size.y);
    clearBound(clear);
}

void clearRect(const glm::ivec4& rect, const ClearValues& clear)
{
    glEnable(GL_SCISSOR_TEST);
    glScissor(rect.x, rect.y, rect.z, rect.w);
    clearBound(clear);
    glDisable(GL_SCISSOR_TEST);
    // The clear set masks and the scissor behind the state cache's back.
    invalidateRenderState();
}

void setViewport(const glm::ivec4& rect)
{
    glViewport(rect.x, rect.y, rect.z, rect.w);
}

void copyColorRect(const RenderTarget& from, glm::ivec2 fromCorner, const RenderTarget& to, glm::ivec2 toCorner, glm::ivec2 size)
{
    GLint bound = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &bound);
    const bool srgb = glIsEnabled(GL_FRAMEBUFFER_SRGB);
    // Bytes as they are: no decoding and encoding of sRGB on the way.
    glDisable(GL_FRAMEBUFFER_SRGB);
    // A blit is cut by the scissor box, which a draw limit keeps on (setDrawLimit).
    glDisable(GL_SCISSOR_TEST);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, from.resolvedFramebufferId());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, to.framebufferId());
    glBlitFramebuffer(fromCorner.x, fromCorner.y, fromCorner.x + size.x, fromCorner.y + size.y, toCorner.x, toCorner.y,
                      toCorner.x + size.x, toCorner.y + size.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, GLuint(bound));
    if (srgb) glEnable(GL_FRAMEBUFFER_SRGB);
    invalidateRenderState();  // the next state applied turns the scissor test back on where it was
}

void blitToDefault(const RenderTarget& target, glm::ivec2 defaultFramebufferSize)
{
    target.resolve();
    glBindFramebuffer(GL_READ_FRAMEBUFFER, target.resolvedFramebufferId());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    const glm::ivec2 size = target.size();
    const GLenum filter = size == defaultFramebufferSize ? GL_NEAREST : GL_LINEAR;
    glBlitFramebuffer(0, 0, size.x, size.y, 0, 0, defaultFramebufferSize.x, defaultFramebufferSize.y,
                      GL_COLOR_BUFFER_BIT, filter);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

core::Image readPixels(const RenderTarget* target, glm::ivec2 size)
{
    core::Image image;
    image.width = size.x;
    image.height = size.y;
    image.rgba.resize(std::size_t(size.x) * size.y * 4);
    if (target) {
        target->resolve();
        glBindFramebuffer(GL_READ_FRAMEBUFFER, target->resolvedFramebufferId());
    } else {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
        glReadBuffer(GL_BACK);
    }
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glDisable(GL_FRAMEBUFFER_SRGB); // read the stored (encoded) values
    glReadPixels(0, 0, size.x, size.y, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    image.flipVertically();
    for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255; // screenshots are opaque
    return image;
}

float readDepth(const RenderTarget* target, glm::ivec2 pixel)
{
    glBindFramebuffer(GL_READ_FRAMEBUFFER, target ? target->framebufferId() : 0);
    float depth = 1.0f;
    glReadPixels(pixel.x, pixel.y, 1, 1, GL_DEPTH_COMPONENT, GL_FLOAT, &depth);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return depth;
}

} // namespace gfx
