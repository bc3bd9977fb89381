#include "gfx/render_state.h"

#include "gfx/gl.h"

#include <optional>

namespace gfx {
namespace {

std::optional<RenderState> cachedState;

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
    if (full || old.scissorTest != state.scissorTest) setEnabled(GL_SCISSOR_TEST, state.scissorTest);
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
    glScissor(rect.x, rect.y, rect.z, rect.w);
}

} // namespace gfx
