#include "ui/view_area.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace ui {

std::vector<PixelRect> overlayWindowRects()
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
        PixelRect rect;
        rect.min = {window->Pos.x * scale.x, window->Pos.y * scale.y};
        rect.max = {(window->Pos.x + window->Size.x) * scale.x, (window->Pos.y + window->Size.y) * scale.y};
        if (!rect.empty()) rects.push_back(rect);
    }
    return rects;
}

PixelRect largestFreeRect(glm::vec2 windowPixels, std::span<const PixelRect> covered)
{
    const PixelRect whole{{0.0f, 0.0f}, windowPixels};
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
                if (candidate.area() > best.area()) best = candidate;
            };
            for (const auto& [top, bottom] : blocked) {
                if (top > runStart) consider(top);
                runStart = std::max(runStart, bottom);
            }
            consider(windowPixels.y);
        }
    }
    if (covered.empty()) return whole;
    return best;
}

ViewArea currentViewArea(glm::vec2 windowPixels)
{
    ViewArea area;
    area.windowPixels = windowPixels;
    area.covered = overlayWindowRects();
    area.free = largestFreeRect(windowPixels, area.covered);
    return area;
}

} // namespace ui
