#include "ui/physiology_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace ui {

const char* colourMapName(ColourMap map)
{
    switch (map) {
    case ColourMap::Natural: return "Natural colour";
    case ColourMap::Activation: return "Activation";
    case ColourMap::Strain: return "Fibre strain";
    case ColourMap::Force: return "Force";
    }
    return "Natural colour";
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
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + 10.0f, viewport->Pos.y + viewport->Size.y - 10.0f), ImGuiCond_FirstUseEver,
                            ImVec2(0.0f, 1.0f));
    if (!ImGui::Begin("Physiology", &state.open, ImGuiWindowFlags_AlwaysAutoResize)) {
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
        const char* titles[3] = {"Length (% of standing)", "Activation", "Force (N)"};
        const float ranges[3][2] = {{80.0f, 130.0f}, {0.0f, 1.0f}, {0.0f, 1500.0f}};
        for (int quantity = 0; quantity < 3; ++quantity) {
            ImGui::TextDisabled("%s", titles[quantity]);
            for (std::size_t i = 0; i < input.history.size() && i < input.heads.size(); ++i) {
                const History* history = input.history[i][std::size_t(quantity)];
                if (!history || history->values().empty()) continue;
                std::vector<float> values(history->values().begin(), history->values().end());
                ImGui::PushID(int(i * 3 + std::size_t(quantity)));
                ImGui::PlotLines("##plot", values.data(), int(values.size()), 0, input.heads[i].name.c_str(), ranges[quantity][0],
                                 ranges[quantity][1], ImVec2(ImGui::GetFontSize() * 16.0f, ImGui::GetFontSize() * 2.2f));
                ImGui::PopID();
            }
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
