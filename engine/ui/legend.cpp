#include "ui/legend.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace ui {
namespace {

constexpr const char* kWindowName = "##colour legend";

// The widest stretch of the bottom edge that no panel reaches down to, in window pixels
// (ImGui units): panels are where the previous frame left them, which is where they are now
// unless one is being dragged.
std::pair<float, float> freeBottomSpan(float stripTop)
{
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    std::vector<std::pair<float, float>> blocked;
    if (const ImGuiContext* context = ImGui::GetCurrentContext()) {
        constexpr ImGuiWindowFlags kTransient = ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup | ImGuiWindowFlags_ChildWindow;
        for (const ImGuiWindow* window : context->Windows) {
            if (!(window->Active || window->WasActive) || window->Hidden || (window->Flags & kTransient) != 0) continue;
            if ((window->Flags & ImGuiWindowFlags_NoBackground) != 0) continue;  // labels, and this legend
            if (window->Pos.y + window->Size.y <= stripTop) continue;           // ends above the strip
            blocked.emplace_back(window->Pos.x, window->Pos.x + window->Size.x);
        }
    }
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
    consider(display.x);
    return best;
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
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const bool map = input.colourMap != ColourMap::Natural;
    // The map's key is two lines (the scale and its ends), the states' one.
    const float height = map ? lineHeight + ImGui::GetFrameHeightWithSpacing() + ImGui::GetFontSize() : lineHeight;
    const float top = display.y - margin - height;
    const auto [left, right] = freeBottomSpan(top - margin);
    const float centre = (left + right) * 0.5f;

    ImGui::SetNextWindowPos(ImVec2(centre, display.y - margin), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
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
