#include "ui/legend.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <functional>
#include <utility>
#include <vector>

namespace ui {
namespace {

constexpr const char* kWindowName = "##colour legend";

// The panels that reach into the band from `top` to `bottom` (window pixels, ImGui units):
// panels are where the previous frame left them, which is where they are now unless one is
// being dragged. Windows without a background (labels, this legend) do not count.
std::vector<const ImGuiWindow*> panelsIn(float top, float bottom)
{
    std::vector<const ImGuiWindow*> panels;
    if (const ImGuiContext* context = ImGui::GetCurrentContext()) {
        constexpr ImGuiWindowFlags kTransient = ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup | ImGuiWindowFlags_ChildWindow;
        for (const ImGuiWindow* window : context->Windows) {
            if (!(window->Active || window->WasActive) || window->Hidden || (window->Flags & kTransient) != 0) continue;
            if ((window->Flags & ImGuiWindowFlags_NoBackground) != 0) continue;
            if (window->Pos.y + window->Size.y <= top || window->Pos.y >= bottom) continue;
            panels.push_back(window);
        }
    }
    return panels;
}

// The widest stretch of a band across the window that no panel reaches into.
std::pair<float, float> freeSpan(const std::vector<const ImGuiWindow*>& panels)
{
    std::vector<std::pair<float, float>> blocked;
    for (const ImGuiWindow* window : panels) blocked.emplace_back(window->Pos.x, window->Pos.x + window->Size.x);
    std::sort(blocked.begin(), blocked.end());
    std::pair<float, float> best{0.0f, 0.0f};
    float runStart = 0.0f;
    auto consider = [&](float runEnd) {
        if (runEnd - runStart > best.second - best.first) best = {runStart, runEnd};
    };
    for (const auto& [left, right] : blocked) {
        if (left > runStart) consider(left);
        runStart = std::max(runStart, right);
    }
    consider(ImGui::GetIO().DisplaySize.x);
    return best;
}

struct Place {
    float bottom = 0.0f;  // the legend's lower edge
    float left = 0.0f, right = 0.0f;
};

// As low as the legend fits: at the bottom of the window where a span of `width` is free
// there, else just above the top edge of one of the panels in the way (the physiology strip
// along the bottom), trying the lowest edges first.
Place placeLegend(float height, float width, float margin)
{
    const float lowest = ImGui::GetIO().DisplaySize.y - margin;
    std::vector<float> bottoms{lowest};
    for (const ImGuiWindow* window : panelsIn(lowest - height - margin, lowest + margin))
        if (window->Pos.y - margin - height >= 0.0f) bottoms.push_back(window->Pos.y - margin);
    std::sort(bottoms.begin(), bottoms.end(), std::greater<float>());
    for (float bottom : bottoms) {
        const auto [left, right] = freeSpan(panelsIn(bottom - height - margin, bottom + margin));
        if (right - left >= width + 2.0f * margin) return {bottom, left, right};
    }
    const auto [left, right] = freeSpan(panelsIn(lowest - height - margin, lowest + margin));
    return {lowest, left, right};
}

void swatch(const LegendSwatch& colour, bool highContrast)
{
    const float size = ImGui::GetFontSize();
    const ImVec2 corner = ImGui::GetCursorScreenPos();
    const ImVec2 far(corner.x + size * 1.4f, corner.y + size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(corner, far, ImGui::ColorConvertFloat4ToU32(ImVec4(colour.red, colour.green, colour.blue, 1.0f)), size * 0.2f);
    // A border keeps the swatch apart from the strip's background in either theme.
    draw->AddRect(corner, far, ImGui::GetColorU32(ImGuiCol_Text), size * 0.2f, 0, highContrast ? 2.0f : 1.0f);
    ImGui::Dummy(ImVec2(size * 1.4f, size));
    ImGui::SameLine();
}

void entry(const LegendSwatch& colour, const char* words, bool highContrast, bool& first)
{
    if (!first) ImGui::SameLine(0.0f, ImGui::GetFontSize() * 1.2f);
    first = false;
    swatch(colour, highContrast);
    ImGui::TextUnformatted(words);
}

} // namespace

bool legendShown(const LegendInput& input)
{
    return input.colourMap != ColourMap::Natural || input.cramp || input.active || input.stretched;
}

void drawLegend(const LegendInput& input)
{
    if (!legendShown(input)) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float lineHeight = ImGui::GetFontSize() + style.WindowPadding.y * 2.0f;
    const float margin = ImGui::GetFontSize() * 0.6f;
    const bool map = input.colourMap != ColourMap::Natural;
    // The map's key is two lines (the scale and its ends), the states' one.
    const float height = map ? lineHeight + ImGui::GetFrameHeightWithSpacing() + ImGui::GetFontSize() : lineHeight;
    // Wide enough for its entries (the states' line) or for a readable colour scale.
    const float width = ImGui::GetFontSize() * (map ? 12.0f : 16.0f);
    const Place place = placeLegend(height, width, margin);
    const float centre = (place.left + place.right) * 0.5f;
    const float left = place.left, right = place.right;

    ImGui::SetNextWindowPos(ImVec2(centre, place.bottom), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    if (map) ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetFontSize() * 22.0f, std::max(right - left - 2.0f * margin, 1.0f)), 0.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBackground | (map ? 0 : ImGuiWindowFlags_AlwaysAutoResize);
    // Its own background, drawn below: a window without one is not a panel to the framing
    // (ui/view_area.h), so the model is not moved away from a strip that only explains colours.
    if (!ImGui::Begin(kWindowName, nullptr, flags)) {
        ImGui::End();
        return;
    }
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);
    if (map) {
        ImGui::Text("Colour: %s", colourMapName(input.colourMap));
        drawColourLegend(input.colourMap);
    } else {
        bool first = true;
        if (input.cramp) entry(kCrampSwatch, "cramp: involuntary contraction", input.highContrast, first);
        if (input.active) entry(kActiveSwatch, "active: contracting", input.highContrast, first);
        if (input.stretched) entry(kStretchSwatch, "stretched", input.highContrast, first);
    }
    draw->ChannelsSetCurrent(0);
    const ImVec2 min = window->Pos, max(window->Pos.x + window->Size.x, window->Pos.y + window->Size.y);
    // The window clips to inside its padding; the background and border go to its edge.
    draw->PushClipRect(min, max, false);
    ImVec4 background = style.Colors[ImGuiCol_WindowBg];
    background.w = input.highContrast ? 1.0f : std::min(background.w, 0.85f);
    draw->AddRectFilled(min, max, ImGui::ColorConvertFloat4ToU32(background), style.WindowRounding);
    if (input.highContrast) draw->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border), style.WindowRounding, 0, 2.0f);
    draw->PopClipRect();
    draw->ChannelsMerge();
    ImGui::End();
}

} // namespace ui
