#include "ui/physiology_panel.h"
#include "ui/style.h"
#include "ui/time_plot.h"
#include "ui/view_area.h"

#include "core/enum_names.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
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

namespace {

// Okabe-Ito colours, distinct with colour vision deficiency (Okabe and Ito 2008), one per head.
const ImU32 kHeadColours[4] = {IM_COL32(230, 159, 0, 255), IM_COL32(86, 180, 233, 255), IM_COL32(0, 158, 115, 255),
                               IM_COL32(213, 94, 0, 255)};
const ImVec4 kCrampColour(1.0f, 0.5f, 0.4f, 1.0f);

// The short names printed beside each value; the key line and the tooltip spell them out.
std::string shortHeadName(const std::string& name)
{
    if (name == "Semimembranosus") return "SM";
    if (name == "Semitendinosus") return "ST";
    if (name.find("long") != std::string::npos) return "BFlh";
    if (name.find("short") != std::string::npos) return "BFsh";
    return name.substr(0, 4);
}

TimePlotDesc plotFor(int quantity, const PhysiologyInput& input)
{
    TimePlotDesc desc;
    switch (quantity) {
    case 0:
        // Musculotendon length against standing: stretches reach 105-115 %, a deep squat more.
        desc.title = "Length, % of standing";
        desc.usualLow = 90.0;
        desc.usualHigh = 120.0;
        desc.unit = " %";
        break;
    case 1:
        desc.title = "Activation, %";
        desc.usualLow = 0.0;
        desc.usualHigh = 100.0;
        desc.scale = 100.0;
        desc.unit = " %";
        break;
    default:
        // Tendon force: a few newtons at rest, hundreds in a cramp or a lift; the axis grows to fit.
        desc.title = "Force, N";
        desc.usualLow = 0.0;
        desc.usualHigh = 200.0;
        desc.unit = " N";
        break;
    }
    desc.secondsPerSample = History::kSecondsPerSample;
    desc.windowS = 10.0;
    for (std::size_t i = 0; i < input.heads.size() && i < 4; ++i) {
        PlotSeries series;
        if (i < input.history.size()) {
            const History* history = input.history[i][std::size_t(quantity)];
            series.values = history ? &history->values() : nullptr;
        }
        series.colour = kHeadColours[i];
        series.shortName = shortHeadName(input.heads[i].name);
        desc.series.push_back(std::move(series));
    }
    return desc;
}

void drawNumbers(const PhysiologyInput& input)
{
    if (!ImGui::BeginTable("##heads", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
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
        ImGui::TextColored(head.cramping ? kCrampColour : ImGui::ColorConvertU32ToFloat4(kHeadColours[i % 4]), "%s", head.name.c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::Text("%5.1f %% of standing", head.lengthPercentOfRest);
        ImGui::TableSetColumnIndex(2);
        ImGui::Text("%.2f", head.fiberOverOptimal);
        ImGui::TableSetColumnIndex(3);
        ImGui::Text("%3.0f %%", head.activation * 100.0);
        ImGui::TableSetColumnIndex(4);
        ImGui::Text("%5.0f N", head.forceN);
    }
    ImGui::EndTable();
}

const char* const kQuantityTitles[3] = {"Length, % of standing", "Activation, %", "Force, N"};

void drawColourMapChoice(const PhysiologyInput& input, std::vector<Command>& commands, bool alignRight)
{
    const int map = int(input.colourMap);
    const char* label = "Colour by";
    const float comboW = ImGui::CalcTextSize("Natural colour").x + ImGui::GetFrameHeight() * 1.5f;
    const float needed = ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemInnerSpacing.x + comboW;
    if (alignRight && ImGui::GetContentRegionAvail().x > needed)
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - needed);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::SetNextItemWidth(comboW);
    if (ImGui::BeginCombo("##colourmap", colourMapName(input.colourMap))) {
        for (int m = 0; m < kColourMapCount; ++m)
            if (ImGui::Selectable(colourMapName(ColourMap(m)), map == m)) commands.push_back(SetColourMap{m});
        ImGui::EndCombo();
    }
    if (input.colourMap != ColourMap::Natural && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::Dummy(ImVec2(ImGui::GetFontSize() * 16.0f, 0.0f));
        drawColourLegend(input.colourMap);
        ImGui::EndTooltip();
    }
}

// The control line: which plot (when not all three fit), the numbers switch, the colour map.
void drawControls(const PhysiologyInput& input, PhysiologyPanelState& state, int plotsShown, std::vector<Command>& commands)
{
    if (!state.showNumbers && plotsShown < 3) {
        const ImGuiStyle& style = ImGui::GetStyle();
        const float checkboxW = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize("Numbers").x;
        ImGui::SetNextItemWidth(std::min(ImGui::CalcTextSize(kQuantityTitles[0]).x + ImGui::GetFrameHeight() * 1.5f,
                                         ImGui::GetContentRegionAvail().x - checkboxW - style.ItemSpacing.x));
        ImGui::Combo("##plot", &state.firstPlot, kQuantityTitles, 3);
        ImGui::SameLine();
    }
    ImGui::Checkbox("Numbers", &state.showNumbers);
    // A narrow panel keeps the colour map with the numbers.
    if (plotsShown == 3) {
        ImGui::SameLine();
        drawColourMapChoice(input, commands, true);
    }
}

// The head names in their colours, with the short names the values use.
void drawHeadKey(const PhysiologyInput& input)
{
    for (std::size_t i = 0; i < input.heads.size() && i < 4; ++i) {
        if (i) ImGui::SameLine(0.0f, ImGui::GetStyle().ItemSpacing.x * 2.0f);
        const std::string key = shortHeadName(input.heads[i].name) + " " + input.heads[i].name;
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kHeadColours[i]), "%s", key.c_str());
    }
}

} // namespace

void drawPhysiologyPanel(const PhysiologyInput& input, PhysiologyPanelState& state, std::vector<Command>& commands)
{
    if (!state.open) return;
    DockRect dock = state.dock;
    if (dock.empty()) {
        // Not docked by a layout (tests drawing the panel alone): along the bottom, centred.
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        const float width = std::min(viewport->Size.x, ImGui::GetFontSize() * 50.0f);
        const float height = std::min(viewport->Size.y * 0.4f, physiologyPanelHeight(ImGui::GetFontSize()));
        dock = {{viewport->Pos.x + (viewport->Size.x - width) * 0.5f, viewport->Pos.y + viewport->Size.y - height}, {width, height}};
    }
    ImGui::SetNextWindowPos(ImVec2(dock.position.x, dock.position.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(dock.size.x, dock.size.y), ImGuiCond_Always);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar;
    // The leg's state rides in the title bar, which costs no line of the plots' height.
    std::string title = "Physiology: " + input.side + ", " + input.stretch;
    if (!input.cramp.empty()) title += ", " + input.cramp;
    title += "###Physiology";
    if (!input.cramp.empty()) ImGui::PushStyleColor(ImGuiCol_TitleBgActive, ImVec4(0.55f, 0.20f, 0.14f, 1.0f));
    if (!input.cramp.empty()) ImGui::PushStyleColor(ImGuiCol_TitleBg, ImVec4(0.55f, 0.20f, 0.14f, 1.0f));
    const bool expanded = beginSolidPanel(title.c_str(), &state.open, flags);
    if (!input.cramp.empty()) ImGui::PopStyleColor(2);
    if (!expanded) {
        ImGui::End();
        return;
    }
    // As many plots side by side as fit at a readable width (axis, a plot of about eight
    // characters, the values).
    const float em = ImGui::GetFontSize();
    const float spacing = ImGui::GetStyle().ItemSpacing.x * 2.0f;
    const int plotsShown = std::clamp(int((ImGui::GetContentRegionAvail().x + spacing) / (em * 15.0f + spacing)), 1, 3);
    state.firstPlot = std::clamp(state.firstPlot, 0, 2);
    drawControls(input, state, plotsShown, commands);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (state.showNumbers) {
        if (plotsShown < 3) drawColourMapChoice(input, commands, false);
        if (ImGui::BeginChild("##numbers", ImVec2(0.0f, std::max(ImGui::GetContentRegionAvail().y, em)), false,
                              ImGuiWindowFlags_HorizontalScrollbar))
            drawNumbers(input);
        ImGui::EndChild();
        ImGui::End();
        return;
    }
    // The key to the head colours takes a line where it fits; otherwise the values' short
    // names are spelled out when the pointer rests on the plots.
    const bool keyFits = plotsShown == 3;
    const float keyH = keyFits ? ImGui::GetTextLineHeightWithSpacing() : 0.0f;
    const float plotH = std::max(avail.y - keyH, em * 3.0f);
    const float plotW = (avail.x - spacing * float(plotsShown - 1)) / float(plotsShown);
    for (int p = 0; p < plotsShown; ++p) {
        if (p) ImGui::SameLine(0.0f, spacing);
        const int quantity = plotsShown == 3 ? p : (state.firstPlot + p) % 3;
        TimePlotDesc desc = plotFor(quantity, input);
        if (plotsShown == 1) desc.title.clear();   // the combo above names it
        drawTimePlot(desc, plotW, plotH);
        if (!keyFits && ImGui::IsItemHovered()) {
            std::string key;
            for (std::size_t i = 0; i < input.heads.size(); ++i) {
                if (i) key += '\n';
                key.append(shortHeadName(input.heads[i].name)).append("  ").append(input.heads[i].name);
            }
            ImGui::SetTooltip("%s", key.c_str());
        }
    }
    if (keyFits) drawHeadKey(input);
    ImGui::End();
}

} // namespace ui
