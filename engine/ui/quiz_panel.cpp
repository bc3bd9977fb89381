#include "ui/quiz_panel.h"

#include "ui/style.h"

#include <imgui.h>

#include <algorithm>

namespace ui {

void drawQuizPanel(const lessons::Quiz& quiz, const DockRect& dock, bool fill, std::vector<Command>& commands)
{
    DockRect box = dock;
    if (box.empty()) {
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        box = {{viewport->Pos.x + 10.0f, viewport->Pos.y + 10.0f}, {viewport->Size.x - 20.0f, viewport->Size.y - 20.0f}};
    }
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove;
    float width = box.size.x;
    if (fill && !dock.empty()) {
        ImGui::SetNextWindowPos(ImVec2(box.position.x, box.position.y), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(box.size.x, box.size.y), ImGuiCond_Always);
        flags |= ImGuiWindowFlags_NoResize;
    } else {
        // Bottom centre of the box, below the model's middle where the asked structure is framed.
        ImGui::SetNextWindowPos(ImVec2(box.position.x + box.size.x * 0.5f, box.bottom()), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
        width = std::min(ImGui::GetFontSize() * 24.0f, box.size.x);
        ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f),
                                            ImVec2(std::max(width, std::min(box.size.x, ImGui::GetFontSize() * 30.0f)), box.size.y));
        flags |= ImGuiWindowFlags_AlwaysAutoResize;
    }
    bool open = true;
    if (ImGui::Begin("Quiz", &open, flags)) {
        const lessons::QuizQuestion& question = quiz.question();
        ImGui::TextDisabled("Score %d of %d", quiz.score(), quiz.asked());
        ImGui::PushFont(fonts().heading);
        ImGui::PushTextWrapPos(width - ImGui::GetStyle().WindowPadding.x);
        ImGui::TextUnformatted(question.prompt.c_str());
        ImGui::PopTextWrapPos();
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
            ImGui::PushTextWrapPos(width - ImGui::GetStyle().WindowPadding.x);
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
