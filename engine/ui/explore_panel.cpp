#include "ui/explore_panel.h"
#include "ui/style.h"

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
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float top = ImGui::GetFrameHeight();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + 10.0f, viewport->Pos.y + top + 10.0f), ImGuiCond_FirstUseEver);
    const bool expanded = ImGui::Begin("Explore", &state.open, ImGuiWindowFlags_AlwaysAutoResize);
    keepWindowInView();
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
