#include "gfx/imgui_renderer.h"

#include "gfx/gl.h"
#include "gfx/render_state.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace gfx {

bool initImGuiRenderer()
{
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) return false;
    // A window of long text makes more than 65,535 vertices, more than 16-bit indices reach.
    // Dear ImGui then splits its draw list into chunks, each drawn from its own base vertex
    // (pcmd->VtxOffset, glDrawElementsBaseVertex, GL 3.2), but only for a renderer that says
    // it can; without the flag it stops the program instead. The backend sets it on every
    // context from 3.2 up, so a context without it is refused here, not on a long lesson.
    if ((ImGui::GetIO().BackendFlags & ImGuiBackendFlags_RendererHasVtxOffset) == 0) {
        ImGui_ImplOpenGL3_Shutdown();
        return false;
    }
    return true;
}

void shutdownImGuiRenderer()
{
    ImGui_ImplOpenGL3_Shutdown();
}

void newImGuiRendererFrame()
{
    ImGui_ImplOpenGL3_NewFrame();
    // Once the font atlas is a texture, its pixels on the CPU side are not needed: ImGui makes
    // them again if the fonts are rebuilt (a new text size or display).
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    if (atlas.TexPixelsAlpha8 || atlas.TexPixelsRGBA32) atlas.ClearTexData();
}

void renderImGui(ImDrawData* drawData)
{
    // The backend puts back the program that was bound before it; if that one has since been
    // deleted (a shader reloaded, a renderer rebuilt) putting it back is an error. Every
    // drawing function here binds its own program, so none needs to survive the overlay.
    glUseProgram(0);
    ImGui_ImplOpenGL3_RenderDrawData(drawData);
    invalidateRenderState(); // the backend sets its own blend, scissor and cull state
}

void rebuildImGuiFonts()
{
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

namespace {

template <class T>
void append(std::vector<unsigned char>& bytes, const T& value)
{
    const auto* p = reinterpret_cast<const unsigned char*>(&value);
    bytes.insert(bytes.end(), p, p + sizeof value);
}

void appendBytes(std::vector<unsigned char>& bytes, const void* data, std::size_t size)
{
    const auto* p = static_cast<const unsigned char*>(data);
    bytes.insert(bytes.end(), p, p + size);
}

} // namespace

void snapshotDrawData(const ImDrawData& drawData, std::vector<unsigned char>& bytes)
{
    bytes.clear();
    append(bytes, drawData.DisplayPos);
    append(bytes, drawData.DisplaySize);
    append(bytes, drawData.FramebufferScale);
    append(bytes, drawData.CmdListsCount);
    for (int l = 0; l < drawData.CmdListsCount; ++l) {
        const ImDrawList& list = *drawData.CmdLists[l];
        append(bytes, list.CmdBuffer.Size);
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            append(bytes, cmd.ClipRect);
            append(bytes, cmd.TextureId);
            append(bytes, cmd.VtxOffset);
            append(bytes, cmd.IdxOffset);
            append(bytes, cmd.ElemCount);
            append(bytes, cmd.UserCallback);
            append(bytes, cmd.UserCallbackData);
        }
        append(bytes, list.VtxBuffer.Size);
        appendBytes(bytes, list.VtxBuffer.Data, std::size_t(list.VtxBuffer.Size) * sizeof(ImDrawVert));
        append(bytes, list.IdxBuffer.Size);
        appendBytes(bytes, list.IdxBuffer.Data, std::size_t(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    }
}

std::vector<glm::ivec4> drawDataCoverage(const ImDrawData& drawData, glm::ivec2 framebuffer)
{
    // Boxes as x0, y0, x1, y1 from the top left while they are gathered and merged.
    std::vector<glm::ivec4> boxes;
    const ImVec2 origin = drawData.DisplayPos, scale = drawData.FramebufferScale;
    for (int l = 0; l < drawData.CmdListsCount; ++l) {
        const ImDrawList& list = *drawData.CmdLists[l];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback || cmd.ElemCount == 0) continue;
            float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
            for (unsigned i = 0; i < cmd.ElemCount; ++i) {
                const unsigned index = unsigned(list.IdxBuffer[int(cmd.IdxOffset + i)]) + cmd.VtxOffset;
                if (index >= unsigned(list.VtxBuffer.Size)) continue;
                const ImVec2 p = list.VtxBuffer[int(index)].pos;
                x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
            }
            x0 = std::max(x0, cmd.ClipRect.x), y0 = std::max(y0, cmd.ClipRect.y);
            x1 = std::min(x1, cmd.ClipRect.z), y1 = std::min(y1, cmd.ClipRect.w);
            // Whole pixels, one more on each side for the rasteriser's rounding.
            const glm::ivec4 box{std::max(0, int(std::floor((x0 - origin.x) * scale.x)) - 1),
                                 std::max(0, int(std::floor((y0 - origin.y) * scale.y)) - 1),
                                 std::min(framebuffer.x, int(std::ceil((x1 - origin.x) * scale.x)) + 1),
                                 std::min(framebuffer.y, int(std::ceil((y1 - origin.y) * scale.y)) + 1)};
            if (box.x < box.z && box.y < box.w) boxes.push_back(box);
        }
    }
    // The boxes overlap (a panel under the menu bar), and no pixel may blend twice: they are
    // marked on a grid of 16-pixel tiles, and each run of marked tiles in a row, joined with
    // the same run in the rows below, becomes one box.
    constexpr int kTile = 16;
    const int columns = (framebuffer.x + kTile - 1) / kTile, rows = (framebuffer.y + kTile - 1) / kTile;
    std::vector<unsigned char> marked(std::size_t(std::max(0, columns * rows)), 0);
    for (const glm::ivec4& box : boxes)
        for (int row = box.y / kTile; row <= (box.w - 1) / kTile; ++row)
            for (int column = box.x / kTile; column <= (box.z - 1) / kTile; ++column)
                marked[std::size_t(row * columns + column)] = 1;
    // Tile boxes: first column, end column, first row, end row. A run that spans the same
    // columns as a box ending just above it extends that box; otherwise it starts one.
    std::vector<glm::ivec4> tiles;
    for (int row = 0; row < rows; ++row)
        for (int column = 0; column < columns; ++column) {
            if (!marked[std::size_t(row * columns + column)]) continue;
            const int start = column;
            while (column < columns && marked[std::size_t(row * columns + column)]) ++column;
            auto above = std::find_if(tiles.begin(), tiles.end(),
                                      [&](const glm::ivec4& t) { return t.x == start && t.y == column && t.w == row; });
            if (above != tiles.end())
                above->w = row + 1;
            else
                tiles.push_back({start, column, row, row + 1});
        }
    // As scissor boxes: x, y from the bottom left, width, height.
    boxes.clear();
    for (const glm::ivec4& t : tiles) {
        const int x0 = t.x * kTile, x1 = std::min(framebuffer.x, t.y * kTile);
        const int y0 = t.z * kTile, y1 = std::min(framebuffer.y, t.w * kTile);
        boxes.push_back({x0, framebuffer.y - y1, x1 - x0, y1 - y0});
    }
    return boxes;
}

CachedOverlay::Path CachedOverlay::draw(ImDrawData& drawData, glm::ivec2 framebuffer, const Composite& composite)
{
    snapshotDrawData(drawData, scratch_);
    const bool same = scratch_ == snapshot_;
    std::swap(scratch_, snapshot_);
    changedRun_ = same ? 0 : changedRun_ + 1;
    const bool fits = picture_ && picture_->size() == framebuffer;
    if (same && valid_ && fits) {
        beginPass(nullptr, framebuffer, {});
        composite(picture_->colorTexture(), boxes_);
        return Path::Kept;
    }
    // Changing in every one of the last frames: drawn where it shows, as without a cache.
    if (changedRun_ > 2) {
        valid_ = false;
        renderImGui(&drawData);
        return Path::Direct;
    }
    if (!fits) {
        picture_.reset();
        auto made = RenderTarget::create({framebuffer, 0, TextureFormat::RGBA8, false, "overlay picture"});
        if (!made) {  // no room for the picture: the overlay is drawn as it always was
            renderImGui(&drawData);
            return Path::Direct;
        }
        picture_ = std::move(*made);
    }
    applyRenderState(RenderState{});
    beginPass(&*picture_, framebuffer, {glm::vec4(0.0f), std::nullopt, std::nullopt});
    renderImGui(&drawData);  // its blending leaves premultiplied colour and coverage in alpha
    boxes_ = drawDataCoverage(drawData, framebuffer);
    beginPass(nullptr, framebuffer, {});
    composite(picture_->colorTexture(), boxes_);
    valid_ = true;
    return Path::Redrawn;
}

void CachedOverlay::release()
{
    picture_.reset();
    valid_ = false;
}

} // namespace gfx
