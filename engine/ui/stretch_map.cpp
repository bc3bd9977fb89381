#include "ui/stretch_map.h"
#include "ui/physiology_panel.h"
#include "ui/view_area.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ui {

void drawStretchMap(const StretchMapInput& input, StretchMapState& state, std::vector<Command>& commands)
{
    if (!state.open) return;
    const float em = ImGui::GetFontSize();
    const float margin = em * 2.2f;   // room for the knee axis label left of the pad
    if (state.dock.empty()) {
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, viewport->Pos.y + viewport->Size.y), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    } else {
        ImGui::SetNextWindowPos(ImVec2(state.dock.position.x, state.dock.position.y), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(state.dock.size.x, state.dock.size.y), ImGuiCond_Always);
    }
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                   (state.dock.empty() ? ImGuiWindowFlags_AlwaysAutoResize : ImGuiWindowFlags_NoResize);
    if (!(state.dock.empty() ? ImGui::Begin("Stretch map", &state.open, flags) : beginSolidPanel("Stretch map", &state.open, flags))) {
        ImGui::End();
        return;
    }
    int head = input.head;
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize("Head").x - ImGui::GetStyle().ItemInnerSpacing.x);
    if (ImGui::BeginCombo("Head", input.headNames.empty() ? "" : input.headNames[std::size_t(head)].c_str())) {
        for (std::size_t i = 0; i < input.headNames.size(); ++i)
            if (ImGui::Selectable(input.headNames[i].c_str(), int(i) == head)) commands.push_back(SetStretchMapHead{int(i)});
        ImGui::EndCombo();
    }
    // The pad fills the docked box, less the axis labels and the two lines under it.
    const ImVec2 room = ImGui::GetContentRegionAvail();
    const float textBelow = ImGui::GetTextLineHeightWithSpacing() * 3.4f;
    const float side = state.dock.empty() ? em * 16.0f : std::max(em * 4.0f, std::min(room.x - margin, room.y - textBelow));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 pad(origin.x + margin, origin.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (input.hipSteps > 1 && input.kneeSteps > 1 && int(input.lengthPercent.size()) == input.hipSteps * input.kneeSteps) {
        const float cellW = side / float(input.hipSteps);
        const float cellH = side / float(input.kneeSteps);
        for (int k = 0; k < input.kneeSteps; ++k)
            for (int h = 0; h < input.hipSteps; ++h) {
                const float percent = input.lengthPercent[std::size_t(k * input.hipSteps + h)];
                const auto rgb = cividisSrgb((percent - input.lowPercent) / (input.highPercent - input.lowPercent));
                // Hip flexion to the right, knee flexion downward.
                const ImVec2 a(pad.x + float(h) * cellW, pad.y + float(k) * cellH);
                draw->AddRectFilled(a, ImVec2(a.x + cellW + 0.5f, a.y + cellH + 0.5f),
                                    ImGui::ColorConvertFloat4ToU32(ImVec4(rgb[0], rgb[1], rgb[2], 1.0f)));
            }
    }
    // Standing (hip 0, knee 0) and the current pose.
    auto toScreen = [&](float hip, float knee) {
        return ImVec2(pad.x + (hip - input.hipMinDeg) / (input.hipMaxDeg - input.hipMinDeg) * side,
                      pad.y + (knee - input.kneeMinDeg) / (input.kneeMaxDeg - input.kneeMinDeg) * side);
    };
    const ImVec2 standing = toScreen(0.0f, 0.0f);
    draw->AddCircle(standing, 5.0f, IM_COL32(255, 255, 255, 200), 16, 1.5f);
    const ImVec2 current = toScreen(input.currentHipDeg, input.currentKneeDeg);
    draw->AddCircleFilled(current, 6.0f, IM_COL32(255, 90, 60, 255), 16);
    draw->AddCircle(current, 6.0f, IM_COL32(255, 255, 255, 255), 16, 1.5f);

    ImGui::SetCursorScreenPos(pad);
    ImGui::InvisibleButton("##pad", ImVec2(side, side));
    if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const float hip = input.hipMinDeg + std::clamp((mouse.x - pad.x) / side, 0.0f, 1.0f) * (input.hipMaxDeg - input.hipMinDeg);
        const float knee = input.kneeMinDeg + std::clamp((mouse.y - pad.y) / side, 0.0f, 1.0f) * (input.kneeMaxDeg - input.kneeMinDeg);
        commands.push_back(SetLegPose{hip, knee});
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drag to pose the right leg: hip flexion across, knee flexion down");
    // Axis labels.
    char hipAxis[64];
    std::snprintf(hipAxis, sizeof hipAxis, "hip flexion %.0f .. %.0f deg", input.hipMinDeg, input.hipMaxDeg);
    draw->AddText(ImVec2(pad.x, pad.y + side + 2.0f), IM_COL32(200, 200, 200, 255), hipAxis);
    // Knee flexion runs down the left edge: its name, then the two ends of its range.
    char kneeTop[16], kneeBottom[16];
    std::snprintf(kneeTop, sizeof kneeTop, "%.0f", input.kneeMinDeg);
    std::snprintf(kneeBottom, sizeof kneeBottom, "%.0f", input.kneeMaxDeg);
    const float line = ImGui::GetTextLineHeight();
    draw->AddText(ImVec2(origin.x, pad.y), IM_COL32(200, 200, 200, 255), "knee");
    draw->AddText(ImVec2(origin.x, pad.y + line), IM_COL32(200, 200, 200, 255), kneeTop);
    draw->AddText(ImVec2(origin.x, pad.y + side - line), IM_COL32(200, 200, 200, 255), kneeBottom);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, pad.y + side + ImGui::GetFontSize() * 1.4f));
    ImGui::Text("Hip %.0f deg, knee %.0f deg", input.currentHipDeg, input.currentKneeDeg);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("Colour: length, %.0f%% (dark) to %.0f%% (bright) of standing", input.lowPercent, input.highPercent);
    ImGui::PopTextWrapPos();
    ImGui::End();
}

} // namespace ui
