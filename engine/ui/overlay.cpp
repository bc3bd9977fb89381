#include "ui/overlay.h"
#include "ui/style.h"
#include "ui/view_area.h"

#include "core/log.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace ui {
namespace {

// The structure's common name from its information, else one made from its node name;
// with its side.
std::string structureLabel(const scene::Scene& scene, int index)
{
    const scene::Structure& structure = scene.structures()[std::size_t(index)];
    std::string label;
    if (const content::StructureInfo* info = scene.structureInfo(index)) {
        label = info->name;
    } else {
        label = structure.name.structure;
        for (char& c : label)
            if (c == '_') c = ' ';
        if (!label.empty()) label[0] = char(std::toupper(static_cast<unsigned char>(label[0])));
    }
    switch (structure.name.side) {
    case content::Side::Left: label += " (left)"; break;
    case content::Side::Right: label += " (right)"; break;
    case content::Side::None: break;
    }
    return label;
}

void drawMenuBar(const OverlayInput& input, OverlayState& state, std::vector<Command>& commands)
{
    // Opaque and square: the scene behind it is not drawn (ViewArea::shown).
    ImGui::SetNextWindowBgAlpha(1.0f);
    if (!ImGui::BeginMainMenuBar()) return;
    markSolidWindow();
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Save screenshot", "F12")) commands.push_back(TakeScreenshot{});
        if (ImGui::MenuItem("Export lesson video...", nullptr, false, !input.lessonTitle.empty() && !state.videoExportRunning))
            commands.push_back(ExportLessonVideo{});
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) commands.push_back(Quit{});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Anterior", "1")) commands.push_back(SetViewPreset{content::ViewPreset::Anterior});
        if (ImGui::MenuItem("Posterior", "2")) commands.push_back(SetViewPreset{content::ViewPreset::Posterior});
        if (ImGui::MenuItem("Lateral", "3")) commands.push_back(SetViewPreset{content::ViewPreset::Lateral});
        if (ImGui::MenuItem("Medial", "4")) commands.push_back(SetViewPreset{content::ViewPreset::Medial});
        if (ImGui::MenuItem("Superior", "5")) commands.push_back(SetViewPreset{content::ViewPreset::Superior});
        ImGui::Separator();
        if (ImGui::MenuItem("Frame everything", "F")) commands.push_back(FrameAll{});
        if (ImGui::MenuItem("Focus selection", "Shift+F", false, input.scene && input.scene->selectedStructure >= 0))
            commands.push_back(FocusSelection{});
        ImGui::Separator();
        if (ImGui::MenuItem("Presenter mode", "F5")) commands.push_back(TogglePresenter{});
        if (input.displays.size() > 1 && ImGui::BeginMenu("Present on")) {
            for (std::size_t i = 0; i < input.displays.size(); ++i)
                if (ImGui::MenuItem(input.displays[i].c_str(), nullptr, int(i) == input.presenterDisplay))
                    commands.push_back(SetPresenterDisplay{int(i)});
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem("Fullscreen", "F11", input.fullscreen)) commands.push_back(ToggleFullscreen{});
        if (ImGui::MenuItem("High-contrast theme", "Ctrl+H", input.highContrast))
            commands.push_back(SetHighContrast{!input.highContrast});
        if (ImGui::MenuItem("Larger text", "Ctrl+=")) commands.push_back(SetFontScale{input.fontScale * 1.25f});
        if (ImGui::MenuItem("Smaller text", "Ctrl+-")) commands.push_back(SetFontScale{input.fontScale / 1.25f});
        ImGui::Separator();
        if (ImGui::MenuItem("Explore panel", "L", input.exploreOpen)) commands.push_back(ToggleExplorePanel{});
        if (ImGui::MenuItem("Lesson panel", "T", input.lessonsOpen)) commands.push_back(ToggleLessonPanel{});
        if (ImGui::MenuItem("Physiology panel", "M", input.physiologyOpen)) commands.push_back(TogglePhysiologyPanel{});
        if (ImGui::MenuItem("Stretch map", "K", input.stretchMapOpen)) commands.push_back(ToggleStretchMap{});
        if (ImGui::MenuItem("Close-up of the working hamstrings", "C", input.closeUp)) commands.push_back(SetCloseUp{!input.closeUp});
        ImGui::MenuItem("Frame statistics", nullptr, &state.showStats);
        ImGui::Separator();
        // Tones and voice of guided practice (held in the state; the app saves them).
        if (ImGui::BeginMenu("Sound")) {
            ImGui::MenuItem("Mute", nullptr, &state.soundMute);
            ImGui::MenuItem("Voice (titles, cues, counts)", nullptr, &state.soundVoice, !state.soundMute);
            ImGui::SliderInt("Volume", &state.soundVolumePercent, 0, 100, "%d%%", ImGuiSliderFlags_AlwaysClamp);
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Learn")) {
        if (ImGui::MenuItem("Quiz", "Q")) commands.push_back(StartQuiz{});
        if (ImGui::MenuItem("Routines", "R", input.routinesOpen)) commands.push_back(ToggleRoutinePanel{});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        ImGui::MenuItem("Controls", "F1", &state.showHelp);
        ImGui::EndMenu();
    }
    if (!input.sceneTitle.empty()) {
        const float width = ImGui::CalcTextSize(input.sceneTitle.c_str()).x;
        ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX() + 20.0f, (ImGui::GetWindowWidth() - width) * 0.5f));
        ImGui::TextUnformatted(input.sceneTitle.c_str());
    }
    ImGui::EndMainMenuBar();
}

// One fact on the structure card: a heading, the text wrapped under it, and a mark when it
// comes from general anatomy knowledge rather than the cited sources.
void drawFact(const char* heading, const std::string& text, bool generalKnowledge)
{
    if (text.empty()) return;
    ImGui::Spacing();
    ImGui::TextColored(ImVec4(0.95f, 0.70f, 0.55f, 1.0f), "%s", heading);
    ImGui::TextUnformatted(text.c_str());
    if (generalKnowledge) ImGui::TextDisabled("(general anatomy knowledge)");
}

void drawStructureInfo(const content::StructureInfo& info, const content::StructureCatalogue& catalogue)
{
    if (!info.latin.empty()) ImGui::TextDisabled("%s", info.latin.c_str());
    if (!info.summary.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted(info.summary.c_str());
        if (info.isGeneralKnowledge("summary")) ImGui::TextDisabled("(includes general anatomy knowledge)");
    }
    drawFact("Origin", info.origin, info.isGeneralKnowledge("origin"));
    drawFact("Insertion", info.insertion, info.isGeneralKnowledge("insertion"));
    drawFact("Nerve", info.nerve, info.isGeneralKnowledge("nerve"));
    drawFact("Action", info.action, info.isGeneralKnowledge("action"));
    drawFact("Blood supply", info.bloodSupply, info.isGeneralKnowledge("blood_supply"));
    if (info.sources.empty()) return;
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextColored(ImVec4(0.95f, 0.70f, 0.55f, 1.0f), "Sources");
    for (const std::string& id : info.sources) {
        auto citation = catalogue.sources.find(id);
        const std::string line = id + "  " + (citation != catalogue.sources.end() ? citation->second : std::string());
        ImGui::TextDisabled("%s", line.c_str());
    }
}

void drawSelection(const OverlayInput& input, std::vector<Command>& commands)
{
    if (!input.scene) return;
    const scene::Scene& scene = *input.scene;
    auto concealed = [&](int structure) {
        return std::find(input.concealed.begin(), input.concealed.end(), structure) != input.concealed.end();
    };
    if (scene.hoveredStructure >= 0 && scene.hoveredStructure != scene.selectedStructure &&
        !ImGui::GetIO().WantCaptureMouse) {
        ImGui::SetTooltip("%s", concealed(scene.hoveredStructure) ? "Name it in the quiz"
                                                                  : structureLabel(scene, scene.hoveredStructure).c_str());
    }
    if (scene.selectedStructure < 0) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - 10.0f, viewport->WorkPos.y + 10.0f),
                            ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    // A readable column: about 26 characters of the UI font wide, never wider than the screen.
    const float width = std::min(ImGui::GetFontSize() * 22.0f, viewport->WorkSize.x * 0.45f);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, viewport->WorkSize.y - 20.0f));
    // Opaque: the card lies over the lesson panel, whose text would otherwise show through it.
    ImGui::SetNextWindowBgAlpha(1.0f);
    bool open = true;
    if (ImGui::Begin("Selected structure", &open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PushTextWrapPos(0.0f);
        if (concealed(scene.selectedStructure)) {
            // The quiz asks for this name: the card waits for the answer.
            ImGui::TextUnformatted("Its name is the quiz question: answer first.");
        } else {
            ImGui::TextUnformatted(structureLabel(scene, scene.selectedStructure).c_str());
            const scene::Structure& structure = scene.structures()[std::size_t(scene.selectedStructure)];
            const content::LayerInfo& layer = content::layerInfo(structure.name.layer);
            ImGui::TextDisabled("%.*s", int(layer.label.size()), layer.label.data());
            if (const content::StructureInfo* info = scene.structureInfo(scene.selectedStructure))
                drawStructureInfo(*info, scene.structureCatalogue());
        }
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button("Focus")) commands.push_back(FocusSelection{});
    }
    ImGui::End();
    if (!open) commands.push_back(SelectStructure{-1});
}

void drawHelp(const OverlayInput& input, OverlayState& state)
{
    if (!state.showHelp || !input.help) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    const bool expanded =
        ImGui::Begin("Controls", &state.showHelp, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
    keepWindowInView();
    if (expanded) {
        if (ImGui::BeginTable("controls", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) {
            for (const HelpEntry& entry : *input.help) {
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::TextUnformatted(entry.keys.c_str());
                ImGui::TableSetColumnIndex(1);
                ImGui::TextUnformatted(entry.action.c_str());
            }
            ImGui::EndTable();
        }
        ImGui::TextDisabled("Press F1 or Esc to close.");
    }
    ImGui::End();
}

void drawStatus(const OverlayInput& input, OverlayState& state, double dtSeconds, std::vector<Command>& commands)
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;
    if (state.showStats) {
        ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + 10.0f, viewport->WorkPos.y + viewport->WorkSize.y - 10.0f),
                                ImGuiCond_Always, ImVec2(0.0f, 1.0f));
        ImGui::SetNextWindowBgAlpha(0.6f);
        if (ImGui::Begin("##stats", nullptr, flags)) {
            markFloatingWindow();
            ImGui::Text("%.1f fps  %.2f ms", input.stats.fps, input.stats.frameMs);
            ImGui::Text("%zu triangles", input.stats.triangles);
            ImGui::TextDisabled("%s", input.stats.renderer.c_str());
        }
        ImGui::End();
    }
    if (state.notificationSeconds > 0.0) {
        state.notificationSeconds -= dtSeconds;
        ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                       viewport->WorkPos.y + viewport->WorkSize.y - 20.0f),
                                ImGuiCond_Always, ImVec2(0.5f, 1.0f));
        ImGui::SetNextWindowBgAlpha(0.85f);
        if (ImGui::Begin("##notification", nullptr, flags)) {
            markFloatingWindow();
            ImGui::TextUnformatted(state.notification.c_str());
        }
        ImGui::End();
    }
    if (state.videoExportRunning) {
        // Bottom right, above the line where notifications (where the video goes) appear.
        ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - 10.0f,
                                       viewport->WorkPos.y + viewport->WorkSize.y - 30.0f - 2.0f * ImGui::GetFrameHeightWithSpacing()),
                                ImGuiCond_Always, ImVec2(1.0f, 1.0f));
        ImGui::SetNextWindowBgAlpha(0.9f);
        // Takes clicks (Cancel), unlike the other status windows.
        if (ImGui::Begin("##video-export", nullptr, flags & ~ImGuiWindowFlags_NoNav)) {
            markFloatingWindow();
            ImGui::Text("Exporting video: %s", state.videoExportFile.c_str());
            char percent[16];
            std::snprintf(percent, sizeof percent, "%d %%", int(state.videoExportFraction * 100.0f));
            ImGui::ProgressBar(state.videoExportFraction, ImVec2(ImGui::GetFontSize() * 18.0f, 0.0f), percent);
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) commands.push_back(CancelVideoExport{});
        }
        ImGui::End();
    }
    if (!state.persistentError.empty()) {
        ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + 10.0f),
                                ImGuiCond_Always, ImVec2(0.5f, 0.0f));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.45f, 0.08f, 0.08f, 0.92f));
        if (ImGui::Begin("##error", nullptr, flags)) {
            ImGui::PushTextWrapPos(viewport->WorkSize.x * 0.6f);
            ImGui::TextUnformatted(state.persistentError.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::End();
        ImGui::PopStyleColor();
    }
}

} // namespace

void notify(OverlayState& state, std::string message, double seconds)
{
    state.notification = std::move(message);
    state.notificationSeconds = seconds;
}

void drawControlsHelp(const OverlayInput& input, OverlayState& state)
{
    drawHelp(input, state);
}

void drawOverlay(const OverlayInput& input, OverlayState& state, double dtSeconds, std::vector<Command>& commands)
{
    drawMenuBar(input, state, commands);
    drawSelection(input, commands);
    drawHelp(input, state);
    drawStatus(input, state, dtSeconds, commands);
}

} // namespace ui
