#include "gfx/imgui_renderer.h"

#include "core/log.h"
#include "gfx/gl.h"
#include "gfx/render_state.h"
#include "gfx/shader_library.h"
#include "gfx/texture.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>

namespace gfx {

namespace {

// What the overlay renderer holds between frames, kept with the ImGui context it draws
// (its BackendRendererUserData) and released by shutdownImGuiRenderer.
struct ImGuiGl {
    ShaderLibrary shaders{""};
    int program = -1;
    Uniform<glm::mat4> projection;
    Uniform<int> atlas;
    VertexArrayHandle vertexArray;
    BufferHandle vertices, indices;
    std::optional<Texture2D> fontAtlas;
    bool atlasFailed = false;  // said once
};

ImGuiGl* state()
{
    return ImGui::GetCurrentContext() ? static_cast<ImGuiGl*>(ImGui::GetIO().BackendRendererUserData) : nullptr;
}

void setUpState(const ImDrawData& drawData, glm::ivec2 framebuffer)
{
    // Straight-alpha colour over the window; coverage accumulates in alpha, so a picture of
    // the overlay drawn over a clear target comes out premultiplied (CachedOverlay).
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glViewport(0, 0, framebuffer.x, framebuffer.y);
    // Overlay pixels (top-left origin, y down) to clip space.
    const float left = drawData.DisplayPos.x, right = left + drawData.DisplaySize.x;
    const float top = drawData.DisplayPos.y, bottom = top + drawData.DisplaySize.y;
    const glm::mat4 projection{{2.0f / (right - left), 0.0f, 0.0f, 0.0f},
                               {0.0f, 2.0f / (top - bottom), 0.0f, 0.0f},
                               {0.0f, 0.0f, -1.0f, 0.0f},
                               {(right + left) / (left - right), (top + bottom) / (bottom - top), 0.0f, 1.0f}};
    ImGuiGl& gl = *state();
    const ShaderProgram& program = gl.shaders.program(gl.program);
    program.use();
    program.set(gl.projection, projection);
    program.set(gl.atlas, 0);
    glBindVertexArray(gl.vertexArray.id());
    glBindBuffer(GL_ARRAY_BUFFER, gl.vertices.id());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gl.indices.id());
    glActiveTexture(GL_TEXTURE0);
}

} // namespace

core::Status initImGuiRenderer(const std::filesystem::path& shaderFolder, const std::filesystem::path& programCache)
{
    shutdownImGuiRenderer();  // a restart after a lost context starts clean
    auto made = std::make_unique<ImGuiGl>();
    ImGuiGl& gl = *made;
    gl.shaders = ShaderLibrary(shaderFolder, programCache);
    auto program = gl.shaders.load("overlay text", "imgui.vert", "imgui.frag");
    if (!program) return program.error();
    gl.program = *program;
    const ShaderProgram& linked = gl.shaders.program(gl.program);
    gl.projection = linked.uniform<glm::mat4>("uProjection");
    gl.atlas = linked.uniform<int>("uAtlas");
    GLuint names[2] = {0, 0};
    glGenVertexArrays(1, names);
    gl.vertexArray = VertexArrayHandle(names[0]);
    glGenBuffers(2, names);
    gl.vertices = BufferHandle(names[0]);
    gl.indices = BufferHandle(names[1]);
    glBindVertexArray(gl.vertexArray.id());
    glBindBuffer(GL_ARRAY_BUFFER, gl.vertices.id());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gl.indices.id());
    const auto stride = GLsizei(sizeof(ImDrawVert));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(ImDrawVert, pos)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(ImDrawVert, uv)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<const void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    if (glObjectLabel) glObjectLabel(GL_VERTEX_ARRAY, gl.vertexArray.id(), -1, "overlay");

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererUserData = made.release();
    io.BackendRendererName = "hamstring-trainer OpenGL 3.3";
    // A window of long text makes more than 65,535 vertices, more than 16-bit indices reach.
    // Dear ImGui then splits its draw list into chunks, each drawn from its own base vertex
    // (glDrawElementsBaseVertex, core since GL 3.2); without this flag it stops the program.
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    return {};
}

void shutdownImGuiRenderer()
{
    if (ImGui::GetCurrentContext()) {
        ImGuiIO& io = ImGui::GetIO();
        delete state();
        io.BackendRendererUserData = nullptr;
        io.BackendRendererName = nullptr;
        io.BackendFlags &= ~ImGuiBackendFlags_RendererHasVtxOffset;
        io.Fonts->SetTexID(ImTextureID{});
    }
}

void newImGuiRendererFrame()
{
    ImGuiGl* gl = state();
    if (!gl || gl->fontAtlas) return;
    // The atlas as coverage, one byte a pixel: a quarter of what colour would take.
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    auto texture = Texture2D::create({{width, height},
                                      TextureFormat::R8,
                                      TextureFilter::Linear,
                                      TextureWrap::Clamp,
                                      {pixels, std::size_t(width) * std::size_t(height)},
                                      "font atlas"});
    if (!texture) {
        // Without it nothing of the overlay shows (solid shapes sample its white texel too);
        // the next frame tries again.
        if (!gl->atlasFailed) core::logError("gfx", "the overlay's font atlas could not be made: ", texture.error().describe());
        gl->atlasFailed = true;
        return;
    }
    gl->fontAtlas = std::move(*texture);
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(gl->fontAtlas->id())));
    // Once the font atlas is a texture, its pixels on the CPU side are not needed, nor are the
    // font files it was rasterised from (2.9 MB: two DejaVu files, each read for two sizes).
    // The fonts keep their glyphs; new fonts (a new text size or display, a new context) are
    // added again from their files (ui::loadFonts) before the next rebuild.
    atlas.ClearTexData();
    atlas.ClearInputData();
}

namespace {

// renderImGui without limits, renderImGuiWithin with them.
void drawImGui(ImDrawData* drawData, const std::span<const glm::ivec4>* limits)
{
    const glm::ivec2 framebuffer(int(drawData->DisplaySize.x * drawData->FramebufferScale.x),
                                 int(drawData->DisplaySize.y * drawData->FramebufferScale.y));
    if (!state() || framebuffer.x <= 0 || framebuffer.y <= 0 || drawData->CmdListsCount == 0) return;
    setUpState(*drawData, framebuffer);
    const ImVec2 origin = drawData->DisplayPos, scale = drawData->FramebufferScale;
    constexpr GLenum indexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (int l = 0; l < drawData->CmdListsCount; ++l) {
        const ImDrawList& list = *drawData->CmdLists[l];
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(list.VtxBuffer.Size) * GLsizeiptr(sizeof(ImDrawVert)), list.VtxBuffer.Data,
                     GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(list.IdxBuffer.Size) * GLsizeiptr(sizeof(ImDrawIdx)),
                     list.IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState)
                    setUpState(*drawData, framebuffer);
                else
                    cmd.UserCallback(&list, &cmd);
                continue;
            }
            // The clip rectangle in framebuffer pixels; GL's scissor counts rows from the bottom.
            const float x0 = (cmd.ClipRect.x - origin.x) * scale.x, y0 = (cmd.ClipRect.y - origin.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - origin.x) * scale.x, y1 = (cmd.ClipRect.w - origin.y) * scale.y;
            if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
            const glm::ivec4 clip{GLint(x0), GLint(float(framebuffer.y) - y1), GLint(x1 - x0), GLint(y1 - y0)};
            glBindTexture(GL_TEXTURE_2D, GLuint(reinterpret_cast<std::intptr_t>(cmd.GetTexID())));
            auto draw = [&](const glm::ivec4& box) {
                glScissor(box.x, box.y, box.z, box.w);
                glDrawElementsBaseVertex(GL_TRIANGLES, GLsizei(cmd.ElemCount), indexType,
                                         reinterpret_cast<const void*>(std::size_t(cmd.IdxOffset) * sizeof(ImDrawIdx)),
                                         GLint(cmd.VtxOffset));
            };
            if (!limits) {
                draw(clip);
                continue;
            }
            for (const glm::ivec4& limit : *limits) {
                const glm::ivec2 low = glm::max(glm::ivec2(clip.x, clip.y), glm::ivec2(limit.x, limit.y));
                const glm::ivec2 high = glm::min(glm::ivec2(clip.x + clip.z, clip.y + clip.w), glm::ivec2(limit.x + limit.z, limit.y + limit.w));
                if (high.x > low.x && high.y > low.y) draw({low, high - low});
            }
        }
    }
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
    invalidateRenderState();  // blend, scissor and the rest were set here, not through the cache
}

} // namespace

void renderImGui(ImDrawData* drawData)
{
    drawImGui(drawData, nullptr);
}

void renderImGuiWithin(ImDrawData* drawData, std::span<const glm::ivec4> limits)
{
    if (!limits.empty()) drawImGui(drawData, &limits);
}

void rebuildImGuiFonts()
{
    ImGuiGl* gl = state();
    if (!gl) return;
    // No fonts added since the atlas let go of its files: the texture there is all there is.
    if (gl->fontAtlas && ImGui::GetIO().Fonts->ConfigData.empty()) {
        core::logWarning("gfx", "the overlay's fonts were not added again before a rebuild; the text stays as it was");
        return;
    }
    gl->fontAtlas.reset();
    newImGuiRendererFrame();
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

void snapshotDrawFrame(const ImDrawData& drawData, std::vector<unsigned char>& bytes)
{
    bytes.clear();
    append(bytes, drawData.DisplayPos);
    append(bytes, drawData.DisplaySize);
    append(bytes, drawData.FramebufferScale);
    append(bytes, drawData.CmdListsCount);
}

void snapshotDrawList(const ImDrawList& list, std::vector<unsigned char>& bytes)
{
    bytes.clear();
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

void snapshotDrawData(const ImDrawData& drawData, std::vector<unsigned char>& bytes)
{
    snapshotDrawFrame(drawData, bytes);
    std::vector<unsigned char> list;
    for (int l = 0; l < drawData.CmdListsCount; ++l) {
        snapshotDrawList(*drawData.CmdLists[l], list);
        bytes.insert(bytes.end(), list.begin(), list.end());
    }
}

namespace {

// The boxes one draw list's commands can touch (each command's vertices within its clip
// rectangle), as x0, y0, x1, y1 from the top left in framebuffer pixels.
void listReach(const ImDrawList& list, const ImDrawData& drawData, glm::ivec2 framebuffer, std::vector<glm::ivec4>& boxes)
{
    const ImVec2 origin = drawData.DisplayPos, scale = drawData.FramebufferScale;
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

// Boxes (x0, y0, x1, y1 from the top left) merged until none overlap, as scissor boxes.
std::vector<glm::ivec4> mergedBoxes(const std::vector<glm::ivec4>& boxes, glm::ivec2 framebuffer);

} // namespace

std::vector<glm::ivec4> drawDataCoverage(const ImDrawData& drawData, glm::ivec2 framebuffer)
{
    std::vector<glm::ivec4> boxes;
    for (int l = 0; l < drawData.CmdListsCount; ++l) listReach(*drawData.CmdLists[l], drawData, framebuffer, boxes);
    return mergedBoxes(boxes, framebuffer);
}

namespace {

std::vector<glm::ivec4> mergedBoxes(const std::vector<glm::ivec4>& boxes, glm::ivec2 framebuffer)
{
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
    std::vector<glm::ivec4> merged;
    for (const glm::ivec4& t : tiles) {
        const int x0 = t.x * kTile, x1 = std::min(framebuffer.x, t.y * kTile);
        const int y0 = t.z * kTile, y1 = std::min(framebuffer.y, t.w * kTile);
        merged.push_back({x0, framebuffer.y - y1, x1 - x0, y1 - y0});
    }
    return merged;
}

} // namespace

std::vector<glm::ivec4> boxesOutside(std::span<const glm::ivec4> boxes, glm::ivec2 framebuffer)
{
    // Bands between every top and bottom edge; in each, the stretches no box covers, each
    // joined with the same stretch of the band below when it continues it.
    std::vector<int> edges{0, framebuffer.y};
    for (const glm::ivec4& box : boxes) edges.insert(edges.end(), {box.y, box.y + box.w});
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    std::vector<glm::ivec4> outside;
    std::vector<glm::ivec2> covered;
    for (std::size_t band = 0; band + 1 < edges.size(); ++band) {
        const int y0 = std::max(0, edges[band]), y1 = std::min(framebuffer.y, edges[band + 1]);
        if (y1 <= y0) continue;
        covered.clear();
        for (const glm::ivec4& box : boxes)
            if (box.y <= y0 && box.y + box.w >= y1) covered.push_back({box.x, box.x + box.z});
        std::sort(covered.begin(), covered.end(), [](glm::ivec2 a, glm::ivec2 b) { return a.x < b.x; });
        int x = 0;
        auto emit = [&](int from, int to) {
            from = std::max(from, 0), to = std::min(to, framebuffer.x);
            if (to <= from) return;
            auto above = std::find_if(outside.begin(), outside.end(), [&](const glm::ivec4& o) {
                return o.x == from && o.z == to - from && o.y + o.w == y0;
            });
            if (above != outside.end())
                above->w += y1 - y0;
            else
                outside.push_back({from, y0, to - from, y1 - y0});
        };
        for (const glm::ivec2& span : covered) {
            emit(x, span.x);
            x = std::max(x, span.y);
        }
        emit(x, framebuffer.x);
    }
    return outside;
}

CachedOverlay::Path CachedOverlay::prepare(ImDrawData& drawData, glm::ivec2 framebuffer)
{
    // This frame's snapshot beside the last one; where a draw list changed, both its old and
    // its new boxes need drawing again.
    // A list drawn as last frame, in the same frame size, reaches where it reached: its boxes
    // are measured again only when it changed.
    snapshotDrawFrame(drawData, scratchHeader_);
    const bool sameHeader = scratchHeader_ == header_;
    scratchLists_.resize(std::size_t(std::max(drawData.CmdListsCount, 0)));
    for (int l = 0; l < drawData.CmdListsCount; ++l) {
        ListSnapshot& snapshot = scratchLists_[std::size_t(l)];
        snapshotDrawList(*drawData.CmdLists[l], snapshot.bytes);
        snapshot.reach.clear();
        const std::size_t index = std::size_t(l);
        if (sameHeader && index < lists_.size() && snapshot.bytes == lists_[index].bytes)
            snapshot.reach = lists_[index].reach;
        else
            listReach(*drawData.CmdLists[l], drawData, framebuffer, snapshot.reach);
    }
    const bool sameFrame = sameHeader && scratchLists_.size() == lists_.size();
    bool same = sameFrame;
    std::vector<glm::ivec4> changed;
    for (std::size_t l = 0; sameFrame && l < lists_.size(); ++l) {
        if (scratchLists_[l].bytes == lists_[l].bytes) continue;
        same = false;
        changed.insert(changed.end(), lists_[l].reach.begin(), lists_[l].reach.end());
        changed.insert(changed.end(), scratchLists_[l].reach.begin(), scratchLists_[l].reach.end());
    }
    std::swap(scratchHeader_, header_);
    std::swap(scratchLists_, lists_);
    changedRun_ = same ? 0 : changedRun_ + 1;
    const bool fits = picture_ && picture_->size() == framebuffer;
    if (same && valid_ && fits) return Path::Kept;
    std::vector<glm::ivec4> parts = mergedBoxes(changed, framebuffer);
    double area = 0.0;
    for (const glm::ivec4& part : parts) area += double(part.z) * double(part.w);
    const bool smallChange = sameFrame && area <= kPatchShare * double(framebuffer.x) * double(framebuffer.y);
    // Draw lists changed where nothing shows (a label outside the window): the picture holds.
    if (smallChange && valid_ && fits && parts.empty()) return Path::Kept;
    // A small change to a picture that is still good: that part is drawn again, from clear,
    // with everything that reaches into it.
    if (smallChange && valid_ && fits) {
        applyRenderState(RenderState{});
        beginPass(&*picture_, framebuffer, {});
        for (const glm::ivec4& part : parts) clearRect(part, {glm::vec4(0.0f), std::nullopt, std::nullopt});
        renderImGuiWithin(&drawData, parts);
        boxes_ = drawDataCoverage(drawData, framebuffer);
        outside_ = boxesOutside(boxes_, framebuffer);
        patched_ = std::move(parts);
        return Path::Patched;
    }
    // Changing widely in every one of the last frames: drawn where it shows, as without a
    // cache. So is the very first frame, which then appears without waiting for the picture's
    // memory. A small change after those draws the picture whole, so the next can patch it.
    if ((changedRun_ > 2 && !smallChange) || !drawnBefore_) {
        drawnBefore_ = true;
        valid_ = false;
        return Path::Direct;
    }
    if (!fits) {
        picture_.reset();
        auto made = RenderTarget::create({framebuffer, 0, TextureFormat::RGBA8, false, "overlay picture"});
        if (!made) return Path::Direct;  // no room for the picture: the overlay is drawn as it always was
        picture_ = std::move(*made);
    }
    applyRenderState(RenderState{});
    beginPass(&*picture_, framebuffer, {glm::vec4(0.0f), std::nullopt, std::nullopt});
    renderImGui(&drawData);  // its blending leaves premultiplied colour and coverage in alpha
    boxes_ = drawDataCoverage(drawData, framebuffer);
    outside_ = boxesOutside(boxes_, framebuffer);
    valid_ = true;
    return Path::Redrawn;
}

CachedOverlay::Path CachedOverlay::draw(ImDrawData& drawData, glm::ivec2 framebuffer, const Composite& composite)
{
    const Path path = prepare(drawData, framebuffer);
    beginPass(nullptr, framebuffer, {});
    if (path == Path::Direct)
        renderImGui(&drawData);
    else
        composite(picture_->colorTexture(), boxes_);
    return path;
}

void CachedOverlay::release()
{
    picture_.reset();
    valid_ = false;
}

} // namespace gfx
