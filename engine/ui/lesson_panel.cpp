#include "ui/lesson_panel.h"

#include "ui/style.h"
#include "ui/text_colours.h"
#include "ui/view_area.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace ui {
namespace {

const ImVec4 kError{1.0f, 0.45f, 0.40f, 1.0f};

const content::Lesson* doctorLesson(const lessons::LessonLibrary& library)
{
    for (const lessons::LessonEntry& entry : library.entries())
        if (entry.lesson && entry.lesson->chapter == content::Chapter::Doctor) return &*entry.lesson;
    return nullptr;
}


void drawSources(const std::vector<std::string>& sources, const content::SourceList& list)
{
    ImGui::PushStyleColor(ImGuiCol_Text, kDimText);
    ImGui::TextUnformatted("Sources:");
    for (const std::string& id : sources) {
        ImGui::SameLine();
        ImGui::TextUnformatted(id.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", list.citation(id).c_str());
    }
    ImGui::PopStyleColor();
}

const char* const kRedFlags = "For learning, not diagnosis. Cramps that are frequent or severe, or that come with numbness, "
                              "weakness, swelling, redness or skin changes, need a doctor.";

void drawRedFlags(const LessonPanelInput& input, std::vector<Command>& commands)
{
    // A short panel (stacked with the physiology plots in a small window) keeps the warning to
    // one line and its button; the whole text is in the tooltip.
    const bool shortPanel = ImGui::GetContentRegionAvail().y < ImGui::GetTextLineHeightWithSpacing() * 8.0f;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.25f, 0.10f, 0.09f, 0.9f));
    const float height = ImGui::GetTextLineHeightWithSpacing() * (shortPanel ? 1.0f : 3.6f) +
                         (shortPanel ? ImGui::GetStyle().WindowPadding.y * 2.0f : 0.0f);
    if (ImGui::BeginChild("##disclaimer", ImVec2(0.0f, height), true, ImGuiWindowFlags_NoScrollbar)) {
        const content::Lesson* doctor = input.library ? doctorLesson(*input.library) : nullptr;
        if (shortPanel) {
            const char* label = "Not for diagnosis: when to see a doctor";
            if (ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2.0f > ImGui::GetContentRegionAvail().x)
                label = "Not for diagnosis";
            if (!doctor) ImGui::TextUnformatted(label);
            else if (ImGui::SmallButton(label)) commands.push_back(StartLesson{doctor->id, 0});
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
                ImGui::TextUnformatted(kRedFlags);
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        } else {
            wrappedText(kRedFlags);
            if (doctor && ImGui::SmallButton("When to see a doctor")) commands.push_back(StartLesson{doctor->id, 0});
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void drawLessonList(const LessonPanelInput& input, LessonPanelState& state, std::vector<Command>& commands)
{
    const lessons::LessonLibrary& library = *input.library;
    if (library.setupError()) wrappedText(library.setupError()->describe(), &kError);
    if (ImGui::BeginTabBar("##chapters", ImGuiTabBarFlags_FittingPolicyScroll)) {
        if (ImGui::BeginTabItem("All")) {
            state.chapterTab = -1;
            ImGui::EndTabItem();
        }
        for (int c = 0; c < content::kChapterCount; ++c) {
            const auto chapter = content::Chapter(c);
            bool any = false;
            for (const lessons::LessonEntry& entry : library.entries()) any = any || (entry.lesson && entry.lesson->chapter == chapter);
            if (!any) continue;
            const std::string title(content::chapterTitle(chapter));
            if (ImGui::BeginTabItem(title.c_str())) {
                state.chapterTab = c;
                ImGui::EndTabItem();
            }
        }
        ImGui::EndTabBar();
    }
    int lastChapter = -1;
    for (const lessons::LessonEntry& entry : library.entries()) {
        if (!entry.lesson) continue;
        const content::Lesson& lesson = *entry.lesson;
        const int chapter = int(lesson.chapter);
        if (state.chapterTab >= 0 && chapter != state.chapterTab) continue;
        if (chapter != lastChapter) {
            ImGui::Spacing();
            ImGui::PushStyleColor(ImGuiCol_Text, kAccentText);
            ImGui::TextUnformatted(std::string(content::chapterTitle(lesson.chapter)).c_str());
            ImGui::PopStyleColor();
            ImGui::Separator();
            lastChapter = chapter;
        }
        int done = 0;
        if (input.completed)
            if (auto found = input.completed->find(lesson.id); found != input.completed->end()) done = int(found->second.size());
        ImGui::PushID(lesson.id.c_str());
        char label[256];
        std::snprintf(label, sizeof label, "%s", lesson.title.c_str());
        if (ImGui::Selectable(label, false, ImGuiSelectableFlags_None)) commands.push_back(StartLesson{lesson.id, -1});
        if (done > 0) {
            ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 3.0f);
            ImGui::TextColored(kDimText, "%d/%zu", std::min(done, int(lesson.steps.size())), lesson.steps.size());
        }
        ImGui::Indent();
        wrappedText(lesson.summary, &kDimText);
        ImGui::Unindent();
        ImGui::PopID();
    }
    bool errorsShown = false;
    for (const lessons::LessonEntry& entry : library.entries()) {
        if (!entry.error) continue;
        if (!errorsShown) {
            ImGui::Spacing();
            ImGui::TextColored(kError, "Lessons that could not be loaded");
            ImGui::Separator();
            errorsShown = true;
        }
        wrappedText(entry.error->describe(), &kError);
    }
}

void drawPlayback(const lessons::LessonPlayer& player, bool& timelineHeld, std::vector<Command>& commands)
{
    const float buttonWidth = ImGui::GetFontSize() * 5.2f;
    ImGui::BeginDisabled(player.stepIndex() == 0);
    if (ImGui::Button("< Previous", ImVec2(buttonWidth, 0))) commands.push_back(PreviousStep{});
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(player.paused() ? "Play" : "Pause", ImVec2(buttonWidth * 0.8f, 0)))
        commands.push_back(SetPaused{!player.paused()});
    ImGui::SameLine();
    if (ImGui::Button("Restart", ImVec2(buttonWidth * 0.8f, 0))) commands.push_back(RestartStep{});
    ImGui::SameLine();
    ImGui::BeginDisabled(player.stepIndex() + 1 >= player.stepCount());
    if (ImGui::Button("Next >", ImVec2(buttonWidth, 0))) commands.push_back(NextStep{});
    ImGui::EndDisabled();

    // While the step plays, the timeline moves in whole seconds, with the hold countdown; paused
    // or dragged, in tenths. Between its moves the panel stays exactly as it was and its kept
    // picture is reused (gfx::CachedOverlay), where a grab moving by a fraction of a pixel
    // every frame had the overlay drawn again each frame (about 4 ms on a software rasteriser
    // at 1280x720).
    const bool fine = player.paused() || timelineHeld;
    const double unitS = fine ? 0.1 : 1.0;
    float time = float(std::floor(player.stepTimeS() / unitS) * unitS);
    const float duration = float(std::max(player.stepDurationS(), 0.01));
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 6.0f);
    // The value dragged to is kept as it is, not rounded to what the label shows.
    if (ImGui::SliderFloat("##timeline", &time, 0.0f, duration, fine ? "%.1f s" : "%.0f s", ImGuiSliderFlags_NoRoundToFormat))
        commands.push_back(ScrubStep{time});
    timelineHeld = ImGui::IsItemActive();
    ImGui::SameLine();
    static const double speeds[] = {0.25, 0.5, 1.0, 1.5, 2.0};
    char current[16];
    std::snprintf(current, sizeof current, "%gx", player.speed());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.0f);
    if (ImGui::BeginCombo("##speed", current)) {
        for (double speed : speeds) {
            char label[16];
            std::snprintf(label, sizeof label, "%gx", speed);
            if (ImGui::Selectable(label, speed == player.speed())) commands.push_back(SetPlaybackSpeed{speed});
        }
        ImGui::EndCombo();
    }
}

// A bullet whose text wraps under itself, not under the bullet.
void drawMarkedBullet(const std::string& bullet, const MarkedTextOptions& options, GlossaryState& glossary)
{
    const float startX = ImGui::GetCursorPosX();
    ImGui::Bullet();
    ImGui::SameLine();
    const float indent = ImGui::GetCursorPosX() - startX;
    ImGui::Indent(indent);
    drawMarkedText(bullet, options, glossary);
    ImGui::Unindent(indent);
}

void drawStep(const LessonPanelInput& input, LessonPanelState& state, std::vector<Command>& commands)
{
    const lessons::LessonPlayer& player = *input.player;
    const content::Lesson& lesson = *player.lesson();
    const content::LessonStep* step = player.step();
    if (ImGui::SmallButton("< All lessons")) commands.push_back(StopLesson{});
    ImGui::SameLine();
    ImGui::TextColored(kDimText, "Step %d of %d", player.stepIndex() + 1, player.stepCount());
    ImGui::PushStyleColor(ImGuiCol_Text, kAccentText);
    wrappedText(lesson.title);
    ImGui::PopStyleColor();
    ImGui::Separator();
    if (!step) return;

    ImGui::SetWindowFontScale(1.15f);
    wrappedText(step->title);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::Spacing();
    MarkedTextOptions marked;
    marked.glossary = &input.library->glossary();
    marked.sources = &input.library->sources();
    drawMarkedText(step->text, marked, state.glossary);
    for (const std::string& bullet : step->bullets) drawMarkedBullet(bullet, marked, state.glossary);
    if (!step->evidence.empty()) {
        // Study figures stay folded away so the text reads easily; open for the numbers.
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, kDimText);
        const bool open = ImGui::TreeNodeEx("Evidence", ImGuiTreeNodeFlags_SpanAvailWidth);
        ImGui::PopStyleColor();
        if (open) {
            drawMarkedText(step->evidence, marked, state.glossary);
            ImGui::TreePop();
        }
    }
    drawPinnedTerm(marked, state.glossary);
    ImGui::Spacing();

    const lessons::StepClock clock = player.clock();
    if (step->holdS > 0.0 || step->repetitions > 1) {
        ImGui::Separator();
        if (step->repetitions > 1) ImGui::Text("Repetition %d of %d", clock.repetition + 1, step->repetitions);
        const char* phase = "";
        switch (clock.phase) {
        case lessons::StepPhase::Moving: phase = "Moving into position"; break;
        case lessons::StepPhase::Holding: phase = "Hold"; break;
        case lessons::StepPhase::Releasing: phase = "Release"; break;
        case lessons::StepPhase::Resting: phase = "Rest"; break;
        case lessons::StepPhase::Finished: phase = "Done: well held"; break;
        }
        ImGui::TextUnformatted(phase);
        if (clock.phase == lessons::StepPhase::Holding || clock.phase == lessons::StepPhase::Resting) {
            ImGui::SameLine();
            ImGui::SetWindowFontScale(1.8f);
            ImGui::TextColored(kAccentText, "%d s", int(std::ceil(clock.remainingS())));
            ImGui::SetWindowFontScale(1.0f);
            // In whole seconds, with the countdown beside it (and for the timeline's reason).
            const double shownS = std::floor(clock.phaseTimeS);
            const float fraction = clock.phaseDurationS > 0.0 ? float(shownS / clock.phaseDurationS) : 1.0f;
            ImGui::ProgressBar(fraction, ImVec2(-1.0f, ImGui::GetFontSize() * 0.5f), "");
        }
        if (!step->cue.empty() && clock.phase == lessons::StepPhase::Holding) wrappedText(step->cue, &kAccentText);
    }
    if (!input.muscleSummary.empty()) {
        ImGui::Separator();
        for (const std::string& line : input.muscleSummary) ImGui::TextUnformatted(line.c_str());
    }
    ImGui::Separator();
    drawSources(step->sources, input.library->sources());
    ImGui::Spacing();
    drawPlayback(player, state.timelineHeld, commands);
    ImGui::Spacing();
    if (ImGui::CollapsingHeader("Steps")) {
        const std::set<int>* done = nullptr;
        if (input.completed)
            if (auto found = input.completed->find(lesson.id); found != input.completed->end()) done = &found->second;
        for (int i = 0; i < player.stepCount(); ++i) {
            ImGui::PushID(i);
            const bool finished = done && done->count(i);
            char label[256];
            std::snprintf(label, sizeof label, "%s %d. %s", finished ? "[x]" : "[ ]", i + 1,
                          lesson.steps[std::size_t(i)].title.c_str());
            if (ImGui::Selectable(label, i == player.stepIndex())) commands.push_back(GoToStep{i});
            ImGui::PopID();
        }
    }
}

} // namespace

void drawLessonPanel(const LessonPanelInput& input, LessonPanelState& state, std::vector<Command>& commands)
{
    state.glossary.hoveredTerm.clear();
    if (!state.open || !input.player) return;
    DockRect dock = input.dock;
    if (dock.empty()) {
        // Below the menu bar, which is one frame high.
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        DockRequest request;
        request.workPosition = {viewport->Pos.x, viewport->Pos.y + ImGui::GetFrameHeight()};
        request.workSize = {viewport->Size.x, viewport->Size.y - ImGui::GetFrameHeight()};
        request.fontPixels = ImGui::GetFontSize();
        request.titleBarPixels = ImGui::GetFrameHeight();
        request.lessons = true;
        dock = layoutDockedPanels(request).lessons;
    }
    ImGui::SetNextWindowPos(ImVec2(dock.position.x, dock.position.y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(dock.size.x, dock.size.y), ImGuiCond_Always);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings;
    if (beginSolidPanel("Lessons", &state.open, flags)) {
        drawRedFlags(input, commands);
        if (!input.library)
            wrappedText("Loading the lessons...", &kDimText);  // no lesson can be playing yet
        else if (input.player->active())
            drawStep(input, state, commands);
        else
            drawLessonList(input, state, commands);
    }
    ImGui::End();
}

} // namespace ui
