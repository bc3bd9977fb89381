// Fixed-function state as one value, applied as a whole before a draw: depth, culling,
// blending, colour and stencil writes. Only the differences from the last applied state
// reach the driver.
#pragma once

#include <glm/vec4.hpp>

#include <optional>

namespace gfx {

enum class CullMode { None, Back, Front };
enum class BlendMode { Opaque, Alpha, PremultipliedAlpha, Additive };
enum class CompareOp { Less, LessEqual, Equal, Always, NotEqual, Greater };

struct RenderState {
    bool depthTest = true;
    bool depthWrite = true;
    CompareOp depthCompare = CompareOp::LessEqual;
    CullMode cull = CullMode::Back;
    BlendMode blend = BlendMode::Opaque;
    bool colorWrite = true;
    float polygonOffsetFactor = 0.0f; // 0: off
    float polygonOffsetUnits = 0.0f;
    bool stencilTest = false;
    CompareOp stencilCompare = CompareOp::Always;
    int stencilReference = 0;
    bool stencilWriteReference = false; // replace the stencil value with the reference where drawn
    bool scissorTest = false;

    bool operator==(const RenderState&) const = default;
};

void applyRenderState(const RenderState& state);
// The scissor box (x, y from the bottom left, width, height) used while scissorTest is on.
void setScissor(const glm::ivec4& rect);
// A box (x, y from the bottom left, width, height) that every draw stays inside until the
// limit is lifted (nullopt): the part of a picture the window shows, where opaque panels hide
// the rest. Draws with a scissor box of their own are cut to both, and so is a pass's clear
// begun under it; clearRect and copyColorRect ignore it.
void setDrawLimit(const std::optional<glm::ivec4>& rect);
// Forgets the cached state, after code outside gfx (the overlay renderer) changed GL state.
void invalidateRenderState();

} // namespace gfx
