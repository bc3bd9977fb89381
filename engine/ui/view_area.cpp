#include "ui/view_area.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// Where a window keeps the frame it was last marked solid in (ImGuiWindow::StateStorage).
ImGuiID solidKey()
{
    return ImHashStr("ht.solid-frame");
}

ImGuiID floatingKey()
{
    return ImHashStr("ht.floating-frame");
}

// The boxes of the windows shown this frame; with `solid`, those marked solid go there too.
// Without `floating`, the notices marked floating are left out.
std::vector<PixelRect> windowRects(std::vector<PixelRect>* solid, bool floating)
{
    std::vector<PixelRect> rects;
    const ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context) return rects;
    const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
    constexpr ImGuiWindowFlags kTransient = ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup | ImGuiWindowFlags_ChildWindow;
    for (const ImGuiWindow* window : context->Windows) {
        // Active: Begin() was called for it this frame; Hidden: its first, measuring frame.
        if (!window->Active || window->Hidden || (window->Flags & kTransient) != 0) continue;
        // A window drawing nothing of its own (no background, no decoration) only places
        // widgets, e.g. a label pinned to a structure; its contents are small and transparent.
        if ((window->Flags & ImGuiWindowFlags_NoBackground) != 0) continue;
        if (!floating && window->StateStorage.GetInt(floatingKey(), -1) == context->FrameCount) continue;
        PixelRect rect;
        rect.min = {window->Pos.x * scale.x, window->Pos.y * scale.y};
        rect.max = {(window->Pos.x + window->Size.x) * scale.x, (window->Pos.y + window->Size.y) * scale.y};
        if (rect.empty()) continue;
        rects.push_back(rect);
        if (solid && window->StateStorage.GetInt(solidKey(), -1) == context->FrameCount) solid->push_back(rect);
    }
    return rects;
}

} // namespace

std::vector<PixelRect> overlayWindowRects()
{
    return windowRects(nullptr, true);
}

bool beginSolidPanel(const char* name, bool* open, int flags)
{
    ImGui::SetNextWindowBgAlpha(1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    // Folded to its title bar, it stays opaque too.
    ImVec4 folded = ImGui::GetStyleColorVec4(ImGuiCol_TitleBg);
    folded.w = 1.0f;
    ImGui::PushStyleColor(ImGuiCol_TitleBgCollapsed, folded);
    const bool expanded = ImGui::Begin(name, open, flags);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    markSolidWindow();
    return expanded;
}

void markSolidWindow()
{
    if (ImGuiWindow* window = ImGui::GetCurrentWindow()) window->StateStorage.SetInt(solidKey(), ImGui::GetFrameCount());
}

void markFloatingWindow()
{
    if (ImGuiWindow* window = ImGui::GetCurrentWindow()) window->StateStorage.SetInt(floatingKey(), ImGui::GetFrameCount());
}

namespace {

// Whether the intervals [first, second] cover [low, high] together.
bool covers(std::vector<std::pair<float, float>> intervals, float low, float high)
{
    std::sort(intervals.begin(), intervals.end());
    float reached = low;
    for (const auto& [from, to] : intervals) {
        if (from > reached) break;
        reached = std::max(reached, to);
    }
    return reached >= high;
}

// How far the solid boxes let `shown` shrink from one side along `axis` (0: x, 1: y): the
// deepest cut whose strip, the whole of `shown` across the other axis, lies under the boxes
// that reach the side, one or several together (a folded panel above the lessons column).
float cutFrom(const PixelRect& shown, std::span<const PixelRect> solid, int axis, bool fromLow)
{
    const int across = 1 - axis;
    const float side = fromLow ? shown.min[axis] : shown.max[axis];
    float best = side;
    std::vector<std::pair<float, float>> spans;
    for (const PixelRect& candidate : solid) {
        if (candidate.empty()) continue;
        // The cut this box's inner edge would make, when it reaches the side.
        const float cut = fromLow ? candidate.max[axis] : candidate.min[axis];
        const bool reaches = fromLow ? candidate.min[axis] <= side : candidate.max[axis] >= side;
        if (!reaches || (fromLow ? cut <= best : cut >= best)) continue;
        spans.clear();
        for (const PixelRect& box : solid) {
            const bool spansStrip = fromLow ? box.min[axis] <= side && box.max[axis] >= cut
                                            : box.max[axis] >= side && box.min[axis] <= cut;
            if (!box.empty() && spansStrip) spans.emplace_back(box.min[across], box.max[across]);
        }
        if (covers(spans, shown.min[across], shown.max[across])) best = cut;
    }
    return best;
}

} // namespace

PixelRect shownRect(glm::vec2 windowPixels, std::span<const PixelRect> solid)
{
    PixelRect shown{{0.0f, 0.0f}, windowPixels};
    // Each cut shrinks the rectangle, so this ends; a cut on one side may allow another (the
    // lessons column spans what is left below the menu bar).
    for (bool cut = true; cut && !shown.empty();) {
        PixelRect next = shown;
        for (int axis = 0; axis < 2 && !next.empty(); ++axis) {
            next.min[axis] = cutFrom(next, solid, axis, true);
            next.max[axis] = cutFrom(next, solid, axis, false);
        }
        cut = next != shown;
        shown = next;
    }
    return shown.empty() ? PixelRect{} : shown;
}

glm::ivec4 bottomLeftPixels(const PixelRect& rect, float windowHeight)
{
    const glm::ivec2 low{int(std::floor(rect.min.x)), int(std::floor(windowHeight - rect.max.y))};
    const glm::ivec2 high{int(std::ceil(rect.max.x)), int(std::ceil(windowHeight - rect.min.y))};
    return {low, high - low};
}

namespace {

// The free rectangle with the highest `score` (a rectangle that overlaps none of `covered`).
template <typename Score>
PixelRect bestFreeRect(glm::vec2 windowPixels, std::span<const PixelRect> covered, Score score)
{
    // The best rectangle has each side on the window's edge or on a covering box's edge, so
    // only those x positions need trying as left and right sides; for each such column the
    // free vertical runs are the gaps between the boxes that cross it.
    std::vector<float> xs{0.0f, windowPixels.x};
    for (const PixelRect& box : covered) {
        xs.push_back(std::clamp(box.min.x, 0.0f, windowPixels.x));
        xs.push_back(std::clamp(box.max.x, 0.0f, windowPixels.x));
    }
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());

    PixelRect best;
    float bestScore = 0.0f;
    std::vector<std::pair<float, float>> blocked;
    for (std::size_t left = 0; left < xs.size(); ++left) {
        for (std::size_t right = left + 1; right < xs.size(); ++right) {
            const float x0 = xs[left], x1 = xs[right];
            blocked.clear();
            for (const PixelRect& box : covered)
                if (box.min.x < x1 && x0 < box.max.x && !box.empty()) blocked.emplace_back(box.min.y, box.max.y);
            std::sort(blocked.begin(), blocked.end());
            float runStart = 0.0f;
            auto consider = [&](float runEnd) {
                const PixelRect candidate{{x0, runStart}, {x1, std::min(runEnd, windowPixels.y)}};
                if (candidate.empty()) return;
                const float candidateScore = score(candidate);
                if (candidateScore > bestScore) {
                    best = candidate;
                    bestScore = candidateScore;
                }
            };
            for (const auto& [top, bottom] : blocked) {
                if (top > runStart) consider(top);
                runStart = std::max(runStart, bottom);
            }
            consider(windowPixels.y);
        }
    }
    return best;
}

} // namespace

PixelRect largestFreeRect(glm::vec2 windowPixels, std::span<const PixelRect> covered)
{
    if (covered.empty()) return {{0.0f, 0.0f}, windowPixels};
    return bestFreeRect(windowPixels, covered, [](const PixelRect& r) { return r.area(); });
}

float heightOfBoxShaped(const PixelRect& rect, float aspect)
{
    if (rect.empty() || !(aspect > 0.0f)) return 0.0f;  // also for a NaN aspect
    return std::min(rect.width() / aspect, rect.height());
}

PixelRect bestFreeRectFor(glm::vec2 windowPixels, std::span<const PixelRect> covered, float aspect)
{
    if (covered.empty()) return {{0.0f, 0.0f}, windowPixels};
    // Of rectangles that hold the same box, the larger leaves more room around it: 1e-7 px of
    // height per square pixel of area (0.2 px for all of 1920x1080) decides between near equals.
    return bestFreeRect(windowPixels, covered,
                        [aspect](const PixelRect& r) { return heightOfBoxShaped(r, aspect) + 1e-7f * r.area(); });
}

ViewArea currentViewArea(glm::vec2 windowPixels)
{
    ViewArea area;
    area.windowPixels = windowPixels;
    std::vector<PixelRect> solid;
    area.covered = windowRects(&solid, false);
    area.free = largestFreeRect(windowPixels, area.covered);
    area.shown = shownRect(windowPixels, solid);
    return area;
}

} // namespace ui
