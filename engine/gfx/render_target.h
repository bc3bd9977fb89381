// Offscreen render targets: colour and depth, optionally multisampled with a resolve step,
// and the default framebuffer as a target. Reads pixels back into CPU images.
#pragma once

#include "core/error.h"
#include "core/image.h"
#include "gfx/handle.h"
#include "gfx/texture.h"

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include <optional>

namespace gfx {

class RenderTarget;

struct RenderTargetDesc {
    glm::ivec2 size{0};
    int samples = 0;                              // 0 or 1: single-sampled
    TextureFormat colorFormat = TextureFormat::RGBA8;
    bool depth = true;
    const char* label = nullptr;
    // With depth: the depth and stencil buffer of this target (same size and samples), attached
    // instead of one of its own. For two targets drawn in turn, never at once; it must outlive
    // the target made with it.
    const RenderTarget* sharedDepth = nullptr;
};

class RenderTarget {
public:
    static core::Expected<RenderTarget> create(const RenderTargetDesc& desc);

    glm::ivec2 size() const { return size_; }
    int samples() const { return samples_; }
    TextureFormat colorFormat() const { return colorFormat_; }
    // The single-sampled colour texture (after resolve() for a multisampled target).
    const Texture2D& colorTexture() const { return resolvedColor_; }
    unsigned int framebufferId() const { return framebuffer_.id(); }
    // The depth and stencil renderbuffer this target made (0: none, or another target's).
    unsigned int depthStencilId() const { return depthStencil_.id(); }
    // The framebuffer holding the single-sampled colour texture, for reading and blitting.
    unsigned int resolvedFramebufferId() const { return samples_ ? resolveFramebuffer_.id() : framebuffer_.id(); }
    bool valid() const { return bool(framebuffer_); }

    // For a multisampled target: resolves into the colour texture. No-op otherwise.
    void resolve() const;

private:
    glm::ivec2 size_{0};
    int samples_ = 0;
    TextureFormat colorFormat_ = TextureFormat::RGBA8;
    FramebufferHandle framebuffer_;        // drawn into
    RenderbufferHandle multisampleColor_;
    RenderbufferHandle depthStencil_;      // empty when the depth is another target's
    FramebufferHandle resolveFramebuffer_; // holds resolvedColor_ when multisampled
    Texture2D resolvedColor_;
};

struct ClearValues {
    std::optional<glm::vec4> color;
    std::optional<float> depth;
    std::optional<int> stencil;
};

// Binds a target (nullptr: the window's framebuffer of the given size), sets the viewport
// and clears what is asked. Drawing into an sRGB target encodes linear shader output (and
// blends in linear light); the window's framebuffer takes values as they are.
void beginPass(const RenderTarget* target, glm::ivec2 defaultFramebufferSize, const ClearValues& clear);
// Within the bound target: clears only inside `rect` (x, y from the bottom left, width,
// height), leaving the rest as it is: a picture in picture starts from its own background.
void clearRect(const glm::ivec4& rect, const ClearValues& clear);
// Where drawing lands in the bound target (x, y from the bottom left, width, height);
// beginPass sets the whole target again.
void setViewport(const glm::ivec4& rect);
// Copies a rectangle of colour, pixel for pixel, between two single-sampled targets of the same
// format (corners from the bottom left). The framebuffer bound for drawing stays bound.
void copyColorRect(const RenderTarget& from, glm::ivec2 fromCorner, const RenderTarget& to, glm::ivec2 toCorner, glm::ivec2 size);
// Copies a target's colour onto the window's framebuffer, scaled to fit.
void blitToDefault(const RenderTarget& target, glm::ivec2 defaultFramebufferSize);
// Reads the colour of a target (nullptr: the window's back buffer) into an image, top row first.
core::Image readPixels(const RenderTarget* target, glm::ivec2 size);
// Depth at one pixel of a single-sampled target or the window, in [0, 1]; 1 is the far plane.
float readDepth(const RenderTarget* target, glm::ivec2 pixelBottomLeft);

} // namespace gfx
