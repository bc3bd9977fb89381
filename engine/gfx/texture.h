// 2D textures: created from a desc where zero means default, uploaded from CPU images.
#pragma once

#include "core/error.h"
#include "gfx/handle.h"

#include <glm/vec2.hpp>

#include <cstdint>
#include <span>

namespace gfx {

enum class TextureFormat { RGBA8, SRGB8A8, R8, RG16F, RGBA16F, Depth24Stencil8 };
enum class TextureFilter { Linear, Nearest, Trilinear };
enum class TextureWrap { Repeat, Clamp };

struct TextureDesc {
    glm::ivec2 size{0};
    TextureFormat format = TextureFormat::RGBA8;
    TextureFilter filter = TextureFilter::Linear;
    TextureWrap wrap = TextureWrap::Clamp;
    std::span<const std::uint8_t> pixels; // optional initial contents, rows bottom to top
    const char* label = nullptr;
};

class Texture2D {
public:
    static core::Expected<Texture2D> create(const TextureDesc& desc);
    void bind(int unit) const;
    unsigned int id() const { return handle_.id(); }
    glm::ivec2 size() const { return size_; }
    bool valid() const { return bool(handle_); }

private:
    TextureHandle handle_;
    glm::ivec2 size_{0};
};

} // namespace gfx
