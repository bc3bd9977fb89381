#include "ui/presenter.h"

#include "ui/style.h"

#include <imgui.h>

#include <cmath>

namespace ui {
namespace {

// Brighter than the panels' accent: read from across a classroom.
const ImVec4 kCaptionAccent{1.0f, 0.80f, 0.45f, 1.0f};

void drawCaption(const PresenterInput& input)
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const FontSet& set = fonts();
    const float margin = set.presenterPixels * 0.8f;
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x * 0.5f, viewport->Pos.y + viewport->Size.y - margin),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(viewport->Size.x * 0.5f, 0.0f), ImVec2(viewport->Size.x * 0.9f, viewport->Size.y * 0.45f));
    ImGui::SetNextWindowBgAlpha(0.78f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(margin, margin * 0.6f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, margin * 0.4f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("##presenter-caption", nullptr, flags)) {
        const float wrapWidth = viewport->Size.x * 0.9f - 2.0f * margin;
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrapWidth);
        const lessons::LessonPlayer* player = input.player;
        const content::LessonStep* step = player && player->active() ? player->step() : nullptr;
        ImGui::PushFont(set.presenterHeading);
        if (step) {
            ImGui::TextColored(kCaptionAccent, "%s", step->title.c_str());
        } else {
            ImGui::TextColored(kCaptionAccent, "%s", input.sceneTitle.c_str());
        }
        ImGui::PopFont();
        if (step) {
            ImGui::PushFont(set.presenter);
            // Marked terms stand out for the class; the window takes no input, so no tooltips.
            MarkedTextOptions marked;
            marked.glossary = input.glossary;
            marked.interactive = false;
            marked.wrapWidth = wrapWidth;
            GlossaryState unused;
            drawMarkedText(step->text, marked, unused);
            const lessons::StepClock clock = player->clock();
            std::string status;
            if (step->repetitions > 1)
                status += "Repetition " + std::to_string(clock.repetition + 1) + " of " + std::to_string(step->repetitions);
            if (clock.phase == lessons::StepPhase::Holding || clock.phase == lessons::StepPhase::Resting) {
                if (!status.empty()) status += "   ";
                status += (clock.phase == lessons::StepPhase::Holding ? "Hold " : "Rest ") +
                          std::to_string(int(std::ceil(clock.remainingS()))) + " s";
            }
            if (!status.empty()) ImGui::TextColored(kCaptionAccent, "%s", status.c_str());
            if (clock.phase == lessons::StepPhase::Holding && !step->cue.empty())
                ImGui::TextColored(kCaptionAccent, "%s", step->cue.c_str());
            ImGui::PopFont();
            std::string sources = "Sources:";
            for (const std::string& id : step->sources) sources += " " + id;
            ImGui::TextDisabled("%s   Step %d of %d", sources.c_str(), player->stepIndex() + 1, player->stepCount());
        }
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

} // namespace

void drawPresenter(const PresenterInput& input, std::vector<Command>& commands)
{
    (void)commands;
    ImDrawList* foreground = ImGui::GetForegroundDrawList();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    if (input.blank) {
        foreground->AddRectFilled(viewport->Pos, ImVec2(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y),
                                  IM_COL32(0, 0, 0, 255));
        return;
    }
    drawCaption(input);
    if (input.pointerVisible) {
        // A soft red spot, like a laser pointer, large enough to see from the back row.
        const float radius = fonts().presenterPixels * 0.45f;
        const ImVec2 centre(input.pointer.x, input.pointer.y);
        for (int ring = 4; ring >= 1; --ring)
            foreground->AddCircleFilled(centre, radius * (1.0f + 0.35f * float(ring)), IM_COL32(255, 40, 30, 22), 48);
        foreground->AddCircleFilled(centre, radius, IM_COL32(255, 60, 40, 150), 48);
        foreground->AddCircle(centre, radius, IM_COL32(255, 220, 210, 220), 48, radius * 0.12f);
    }
}

} // namespace ui
