#include "gfx/render_state.h"

#include "gfx/gl.h"
#include "gfx/pixel_rects.h"

#include <optional>

namespace gfx {
namespace {

std::optional<RenderState> cachedState;
std::optional<glm::ivec4> drawLimit;
glm::ivec4 lastScissor{0};  // the box the last setScissor asked for

// Sets GL's scissor box to `rect`, cut to the draw limit when there is one.
void scissorBox(const glm::ivec4& rect)
{
    const glm::ivec4 box = drawLimit ? rectAnd(rect, *drawLimit) : rect;
    glScissor(box.x, box.y, box.z, box.w);
}

GLenum compareGL(CompareOp op)
{
    switch (op) {
    case CompareOp::Less: return GL_LESS;
    case CompareOp::LessEqual: return GL_LEQUAL;
    case CompareOp::Equal: return GL_EQUAL;
    case CompareOp::Always: return GL_ALWAYS;
    case CompareOp::NotEqual: return GL_NOTEQUAL;
    case CompareOp::Greater: return GL_GREATER;
    }
    return GL_LEQUAL;
}

void setEnabled(GLenum capability, bool enabled)
{
    if (enabled)
        glEnable(capability);
    else
        glDisable(capability);
}

} // namespace

void applyRenderState(const RenderState& state)
{
    const bool full = !cachedState.has_value();
    const RenderState& old = full ? state : *cachedState;
    if (full || old.depthTest != state.depthTest) setEnabled(GL_DEPTH_TEST, state.depthTest);
    if (full || old.depthWrite != state.depthWrite) glDepthMask(state.depthWrite ? GL_TRUE : GL_FALSE);
    if (full || old.depthCompare != state.depthCompare) glDepthFunc(compareGL(state.depthCompare));
    if (full || old.cull != state.cull) {
        setEnabled(GL_CULL_FACE, state.cull != CullMode::None);
        if (state.cull != CullMode::None) glCullFace(state.cull == CullMode::Back ? GL_BACK : GL_FRONT);
    }
    if (full || old.blend != state.blend) {
        setEnabled(GL_BLEND, state.blend != BlendMode::Opaque);
        switch (state.blend) {
        case BlendMode::Opaque: break;
        case BlendMode::Alpha: glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA); break;
        case BlendMode::PremultipliedAlpha: glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA); break;
        case BlendMode::Additive: glBlendFunc(GL_ONE, GL_ONE); break;
        }
        glBlendEquation(GL_FUNC_ADD);
    }
    if (full || old.colorWrite != state.colorWrite) {
        const GLboolean write = state.colorWrite ? GL_TRUE : GL_FALSE;
        glColorMask(write, write, write, write);
    }
    if (full || old.polygonOffsetFactor != state.polygonOffsetFactor || old.polygonOffsetUnits != state.polygonOffsetUnits) {
        const bool offset = state.polygonOffsetFactor != 0.0f || state.polygonOffsetUnits != 0.0f;
        setEnabled(GL_POLYGON_OFFSET_FILL, offset);
        if (offset) glPolygonOffset(state.polygonOffsetFactor, state.polygonOffsetUnits);
    }
    if (full || old.stencilTest != state.stencilTest || old.stencilCompare != state.stencilCompare ||
        old.stencilReference != state.stencilReference || old.stencilWriteReference != state.stencilWriteReference) {
        setEnabled(GL_STENCIL_TEST, state.stencilTest || state.stencilWriteReference);
        glStencilFunc(compareGL(state.stencilCompare), state.stencilReference, 0xFF);
        glStencilOp(GL_KEEP, GL_KEEP, state.stencilWriteReference ? GL_REPLACE : GL_KEEP);
        glStencilMask(state.stencilWriteReference ? 0xFF : 0x00);
    }
    // Under a draw limit the scissor test stays on: the state's own box, cut to the limit, or
    // the limit alone.
    const bool scissor = state.scissorTest || drawLimit.has_value();
    const bool oldScissor = old.scissorTest || drawLimit.has_value();
    if (full || oldScissor != scissor) setEnabled(GL_SCISSOR_TEST, scissor);
    if (drawLimit && (full || old.scissorTest != state.scissorTest)) scissorBox(state.scissorTest ? lastScissor : *drawLimit);
    cachedState = state;
}

void invalidateRenderState()
{
    cachedState.reset();
}

} // namespace gfx

namespace gfx {

void setScissor(const glm::ivec4& rect)
{
    lastScissor = rect;
    // Under a limit, GL's box is the limit's while the state asks for no box of its own; the
    // state that does takes this one (applyRenderState).
    if (drawLimit && cachedState && !cachedState->scissorTest) return;
    scissorBox(rect);
}

void setDrawLimit(const std::optional<glm::ivec4>& rect)
{
    drawLimit = rect;
    // The next state applied sets the scissor test and box afresh.
    invalidateRenderState();
    setEnabled(GL_SCISSOR_TEST, rect.has_value());
    if (rect) glScissor(rect->x, rect->y, rect->z, rect->w);
}

} // namespace gfx
