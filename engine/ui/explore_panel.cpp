#include "ui/explore_panel.h"
#include "ui/view_area.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>

namespace ui {
namespace {

bool containsIgnoringCase(const std::string& text, const char* query)
{
    std::string a = text, b = query;
    for (char& c : a) c = char(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : b) c = char(std::tolower(static_cast<unsigned char>(c)));
    return a.find(b) != std::string::npos;
}

} // namespace

void drawExplorePanel(const ExplorePanelInput& input, ExplorePanelState& state, std::vector<Command>& commands)
{
    if (!state.open || !input.scene) return;
    const scene::Scene& scene = *input.scene;
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;
    if (input.dock.empty()) {
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + 10.0f, viewport->Pos.y + ImGui::GetFrameHeight() + 10.0f), ImGuiCond_Always);
        flags |= ImGuiWindowFlags_AlwaysAutoResize;
    } else if (input.stacked) {
        // One box in the column; folded when the column first forms, so the lesson keeps its room.
        if (!state.stacked) ImGui::SetNextWindowCollapsed(true, ImGuiCond_Always);
        ImGui::SetNextWindowPos(ImVec2(input.dock.position.x, input.dock.position.y), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(input.dock.size.x, input.dock.size.y), ImGuiCond_Always);
        flags |= ImGuiWindowFlags_NoResize;
    } else {
        // Docked at the top left, as large as its content up to the room the other panels leave.
        if (state.stacked) ImGui::SetNextWindowCollapsed(false, ImGuiCond_Always);
        ImGui::SetNextWindowPos(ImVec2(input.dock.position.x, input.dock.position.y), ImGuiCond_Always);
        ImGui::SetNextWindowSizeConstraints(ImVec2(0.0f, 0.0f), ImVec2(input.dock.size.x, input.dock.size.y));
        flags |= ImGuiWindowFlags_AlwaysAutoResize;
    }
    state.stacked = input.stacked;
    // Stacked, it is part of the column at the window's right edge, which hides the scene.
    const bool expanded = input.stacked && !input.dock.empty() ? beginSolidPanel("Explore", &state.open, flags)
                                                               : ImGui::Begin("Explore", &state.open, flags);
    state.folded = ImGui::IsWindowCollapsed();
    if (!expanded) {
        ImGui::End();
        return;
    }
    // Layers the model actually has.
    bool present[content::kLayerCount] = {};
    for (const scene::MeshInstance& instance : scene.instances()) present[int(instance.layer)] = true;
    if (ImGui::BeginTable("##layers", 3, ImGuiTableFlags_SizingFixedFit)) {
        for (const content::LayerInfo& info : content::layerInfos()) {
            if (!present[int(info.id)]) continue;
            const content::LayerSettings& settings = scene.layer(info.id);
            ImGui::PushID(int(info.id));
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            bool visible = settings.visible;
            if (ImGui::Checkbox("##visible", &visible)) commands.push_back(SetLayerVisible{info.id, visible});
            ImGui::TableSetColumnIndex(1);
            float opacity = settings.opacity;
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
            if (ImGui::SliderFloat("##opacity", &opacity, 0.0f, 1.0f, "%.2f"))
                commands.push_back(SetLayerOpacity{info.id, opacity});
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(info.label.data(), info.label.data() + info.label.size());
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (ImGui::Checkbox("X-ray", &state.xray)) commands.push_back(SetXray{state.xray});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("See inside: skin and outer muscles turn translucent (X)");
    ImGui::SameLine();
    if (ImGui::Checkbox("Labels", &state.labels)) commands.push_back(SetLabels{state.labels});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Name the hamstrings and bones on screen (N)");

    const int selected = scene.selectedStructure;
    ImGui::BeginDisabled(selected < 0);
    if (ImGui::Button("Hide")) commands.push_back(HideStructure{selected});
    ImGui::SameLine();
    if (ImGui::Button("Isolate")) commands.push_back(IsolateStructure{selected});
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!scene.anyStructureHidden());
    if (ImGui::Button("Show all")) commands.push_back(ShowAllStructures{});
    ImGui::EndDisabled();

    ImGui::Separator();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
    ImGui::InputTextWithHint("##search", "Find a structure...", state.search, sizeof state.search);
    if (state.search[0] != '\0' && input.names) {
        int shown = 0;
        for (std::size_t i = 0; i < scene.structures().size() && shown < 12; ++i) {
            if (input.concealed && std::find(input.concealed->begin(), input.concealed->end(), int(i)) != input.concealed->end())
                continue;
            const std::string& name = (*input.names)[i];
            if (!containsIgnoringCase(name, state.search) &&
                !containsIgnoringCase(scene.structures()[i].nodeName, state.search))
                continue;
            ++shown;
            if (ImGui::Selectable(name.c_str(), int(i) == selected)) {
                commands.push_back(SelectStructure{int(i)});
                commands.push_back(FocusSelection{});
            }
        }
        if (shown == 0) ImGui::TextDisabled("Nothing matches");
    }
    ImGui::End();
}

} // namespace ui
