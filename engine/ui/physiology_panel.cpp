#include "ui/physiology_panel.h"
#include "ui/style.h"

#include "core/enum_names.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace ui {

namespace {

constexpr auto kColourMapNames = core::enumNames<ColourMap>({
    {ColourMap::Natural, "Natural colour"}, {ColourMap::Activation, "Activation"},
    {ColourMap::Strain, "Fibre strain"}, {ColourMap::Force, "Force"},
});

} // namespace

const char* colourMapName(ColourMap map)
{
    // The table holds string literals, so the view's data ends in a NUL.
    return kColourMapNames.name(map).data();
}

void History::push(float value)
{
    values_.push_back(value);
    while (values_.size() > capacity_) values_.pop_front();
}

std::array<float, 3> cividisSrgb(float t)
{
    // Six samples of the published cividis map (Nunez, Anderton and Renslow 2018), sRGB 0-255.
    static const float samples[6][3] = {{0, 34, 78},     {53, 69, 108},   {102, 105, 112},
                                        {148, 142, 119}, {200, 184, 102}, {254, 232, 56}};
    const float x = std::clamp(t, 0.0f, 1.0f) * 5.0f;
    const int i = std::min(int(x), 4);
    const float f = x - float(i);
    std::array<float, 3> rgb{};
    for (int c = 0; c < 3; ++c) rgb[std::size_t(c)] = (samples[i][c] + (samples[i + 1][c] - samples[i][c]) * f) / 255.0f;
    return rgb;
}

void drawColourLegend(ColourMap map)
{
    if (map == ColourMap::Natural) return;
    const char* low = "0";
    const char* high = "1";
    switch (map) {
    case ColourMap::Activation: low = "resting"; high = "fully active"; break;
    case ColourMap::Strain: low = "short (80% of optimal)"; high = "long (140%)"; break;
    case ColourMap::Force: low = "0 N"; high = "max isometric force"; break;
    default: break;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImGui::GetFontSize() * 0.8f;
    const int steps = 32;
    for (int i = 0; i < steps; ++i) {
        const auto a = cividisSrgb(float(i) / steps);
        const auto b = cividisSrgb(float(i + 1) / steps);
        const ImU32 left = ImGui::ColorConvertFloat4ToU32(ImVec4(a[0], a[1], a[2], 1.0f));
        const ImU32 right = ImGui::ColorConvertFloat4ToU32(ImVec4(b[0], b[1], b[2], 1.0f));
        draw->AddRectFilledMultiColor(ImVec2(start.x + width * float(i) / steps, start.y),
                                      ImVec2(start.x + width * float(i + 1) / steps, start.y + height), left, right, right, left);
    }
    ImGui::Dummy(ImVec2(width, height));
    ImGui::TextDisabled("%s", low);
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), width - ImGui::CalcTextSize(high).x + ImGui::GetStyle().WindowPadding.x));
    ImGui::TextDisabled("%s", high);
}

void drawPhysiologyPanel(const PhysiologyInput& input, PhysiologyPanelState& state, std::vector<Command>& commands)
{
    if (!state.open) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x * 0.5f, viewport->Pos.y + viewport->Size.y - 10.0f),
                            ImGuiCond_FirstUseEver, ImVec2(0.5f, 1.0f));
    const bool expanded = ImGui::Begin("Physiology", &state.open, ImGuiWindowFlags_AlwaysAutoResize);
    keepWindowInView();
    if (!expanded) {
        ImGui::End();
        return;
    }
    ImGui::TextDisabled("%s: %s", input.side.c_str(), input.stretch.c_str());
    if (!input.cramp.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1.0f, 0.5f, 0.4f, 1.0f), "%s", input.cramp.c_str());
    }
    if (ImGui::BeginTable("##heads", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("Head");
        ImGui::TableSetupColumn("Length");
        ImGui::TableSetupColumn("Fibre/optimal");
        ImGui::TableSetupColumn("Activation");
        ImGui::TableSetupColumn("Force");
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < input.heads.size(); ++i) {
            const HeadReadout& head = input.heads[i];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            if (head.cramping)
                ImGui::TextColored(ImVec4(1.0f, 0.5f, 0.4f, 1.0f), "%s", head.name.c_str());
            else
                ImGui::TextUnformatted(head.name.c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::Text("%5.1f %%", head.lengthPercentOfRest);
            ImGui::TableSetColumnIndex(2);
            ImGui::Text("%.2f", head.fiberOverOptimal);
            ImGui::TableSetColumnIndex(3);
            ImGui::Text("%3.0f %%", head.activation * 100.0);
            ImGui::TableSetColumnIndex(4);
            ImGui::Text("%5.0f N", head.forceN);
        }
        ImGui::EndTable();
    }
    if (ImGui::CollapsingHeader("Last 10 seconds", ImGuiTreeNodeFlags_DefaultOpen)) {
        // One small chart per quantity with a line per head, in the Okabe-Ito colours that
        // stay distinct with colour vision deficiency (Okabe and Ito 2008).
        static const ImU32 headColours[4] = {IM_COL32(230, 159, 0, 255), IM_COL32(86, 180, 233, 255),
                                             IM_COL32(0, 158, 115, 255), IM_COL32(213, 94, 0, 255)};
        const char* titles[3] = {"Length, % of standing", "Activation", "Force, N"};
        const float ranges[3][2] = {{80.0f, 130.0f}, {0.0f, 1.0f}, {0.0f, 1500.0f}};
        const float width = ImGui::GetFontSize() * 18.0f;
        const float height = ImGui::GetFontSize() * 3.0f;
        for (int quantity = 0; quantity < 3; ++quantity) {
            ImGui::TextDisabled("%s", titles[quantity]);
            ImDrawList* draw = ImGui::GetWindowDrawList();
            const ImVec2 origin = ImGui::GetCursorScreenPos();
            draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), IM_COL32(20, 22, 26, 255), 3.0f);
            for (std::size_t i = 0; i < input.history.size() && i < 4; ++i) {
                const History* history = input.history[i][std::size_t(quantity)];
                if (!history || history->values().size() < 2) continue;
                const auto& values = history->values();
                std::vector<ImVec2> points;
                points.reserve(values.size());
                for (std::size_t v = 0; v < values.size(); ++v) {
                    const float x = origin.x + width * float(v) / float(300 - 1);
                    const float t = (values[v] - ranges[quantity][0]) / (ranges[quantity][1] - ranges[quantity][0]);
                    points.emplace_back(x, origin.y + height * (1.0f - std::clamp(t, 0.0f, 1.0f)));
                }
                draw->AddPolyline(points.data(), int(points.size()), headColours[i], ImDrawFlags_None, 1.5f);
            }
            ImGui::Dummy(ImVec2(width, height));
        }
        for (std::size_t i = 0; i < input.heads.size() && i < 4; ++i) {
            if (i) ImGui::SameLine();
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(headColours[i]), "%s", input.heads[i].name.c_str());
        }
    }
    ImGui::Separator();
    int map = int(input.colourMap);
    ImGui::TextUnformatted("Colour the muscles by");
    for (int m = 0; m < kColourMapCount; ++m) {
        if (m) ImGui::SameLine();
        if (ImGui::RadioButton(colourMapName(ColourMap(m)), map == m)) commands.push_back(SetColourMap{m});
    }
    drawColourLegend(input.colourMap);
    ImGui::End();
}

} // namespace ui
