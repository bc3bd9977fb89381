#include "ui/quiz_panel.h"

#include "ui/style.h"

#include <imgui.h>

namespace ui {

void drawQuizPanel(const lessons::Quiz& quiz, std::vector<Command>& commands)
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x * 0.36f, viewport->Pos.y + viewport->Size.y - 20.0f),
                            ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(ImGui::GetFontSize() * 24.0f, 0.0f), ImVec2(viewport->Size.x * 0.6f, FLT_MAX));
    bool open = true;
    const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse;
    if (ImGui::Begin("Quiz", &open, flags)) {
        const lessons::QuizQuestion& question = quiz.question();
        ImGui::TextDisabled("Score %d of %d", quiz.score(), quiz.asked());
        ImGui::PushFont(fonts().heading);
        ImGui::TextUnformatted(question.prompt.c_str());
        ImGui::PopFont();
        const auto answered = quiz.answered();
        for (std::size_t i = 0; i < question.options.size(); ++i) {
            ImGui::PushID(int(i));
            const bool correct = int(i) == question.correct;
            int colours = 0;
            if (answered && (correct || int(i) == *answered)) {
                const ImVec4 colour = correct ? ImVec4(0.15f, 0.55f, 0.25f, 1.0f) : ImVec4(0.65f, 0.15f, 0.12f, 1.0f);
                ImGui::PushStyleColor(ImGuiCol_Button, colour);
                ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colour);
                colours = 2;
            }
            char label[512];
            std::snprintf(label, sizeof label, "%zu. %s", i + 1, question.options[i].c_str());
            if (ImGui::Button(label, ImVec2(-1.0f, 0.0f)) && !answered) commands.push_back(AnswerQuiz{int(i)});
            ImGui::PopStyleColor(colours);
            ImGui::PopID();
        }
        if (answered) {
            ImGui::Spacing();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
            const bool right = *answered == question.correct;
            ImGui::TextColored(right ? ImVec4(0.5f, 1.0f, 0.6f, 1.0f) : ImVec4(1.0f, 0.55f, 0.5f, 1.0f), "%s",
                               right ? "Right." : "Not quite.");
            ImGui::TextUnformatted(question.explanation.c_str());
            ImGui::PopTextWrapPos();
            if (ImGui::Button("Next question (Enter)")) commands.push_back(NextQuizQuestion{});
        } else {
            ImGui::TextDisabled("Answer with a click or the keys 1 to 4.");
        }
    }
    ImGui::End();
    if (!open) commands.push_back(StopQuiz{});
}

} // namespace ui
