#include "ui/routine_panel.h"

#include "content/routine_file.h"

#include "ui/style.h"
#include "ui/text_colours.h"
#include "ui/view_area.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ui {
namespace {



// "4:05" for 245 s: how long a routine is, read at a glance.
std::string minutesText(double seconds)
{
    const int whole = int(std::lround(std::max(seconds, 0.0)));
    char text[24];
    std::snprintf(text, sizeof text, "%d:%02d", whole / 60, whole % 60);
    return text;
}

const char* phaseWord(lessons::StepPhase phase)
{
    switch (phase) {
    case lessons::StepPhase::Moving: return "Move into position";
    case lessons::StepPhase::Holding: return "Hold";
    case lessons::StepPhase::Releasing: return "Release";
    case lessons::StepPhase::Resting: return "Rest";
    case lessons::StepPhase::Finished: return "Done";
    }
    return "";
}

const content::Lesson* findCandidate(const RoutinePanelInput& input, const std::string& id)
{
    if (!input.candidates) return nullptr;
    for (const content::Lesson* lesson : *input.candidates)
        if (lesson->id == id) return lesson;
    return nullptr;
}

void drawPlayback(const RoutinePanelInput& input, std::vector<Command>& commands)
{
    const lessons::RoutinePosition& where = input.position;
    ImGui::PushStyleColor(ImGuiCol_Text, kAccentText);
    wrappedText(input.routineTitle);
    ImGui::PopStyleColor();
    if (where.finished) {
        char done[80];
        std::snprintf(done, sizeof done, "Finished: %d entries in %s.", where.entryCount, minutesText(where.totalS).c_str());
        wrappedText(done);
    } else {
        ImGui::TextColored(kDimText, "Entry %d of %d%s", where.entry + 1, where.entryCount, where.resting ? " (coming up)" : "");
        ImGui::SetWindowFontScale(1.35f);
        wrappedText(where.title);
        // The countdown is what someone on the floor glances at: large.
        char phase[96];
        if (where.resting)
            std::snprintf(phase, sizeof phase, "Rest  %.0f s", std::ceil(where.phaseRemainingS));
        else if (where.phase == lessons::StepPhase::Holding || where.phase == lessons::StepPhase::Resting)
            std::snprintf(phase, sizeof phase, "%s  %.0f s", phaseWord(where.phase), std::ceil(where.phaseRemainingS));
        else
            std::snprintf(phase, sizeof phase, "%s", phaseWord(where.phase));
        ImGui::TextUnformatted(phase);
        ImGui::SetWindowFontScale(1.0f);
        if (!where.resting) ImGui::Text("Repetition %d of %d", where.repetition + 1, where.repetitions);
    }
    const float fraction = where.totalS > 0.0 ? float(std::clamp(where.elapsedS / where.totalS, 0.0, 1.0)) : 0.0f;
    const std::string overall = minutesText(where.elapsedS) + " of " + minutesText(where.totalS);
    ImGui::ProgressBar(fraction, ImVec2(-1.0f, 0.0f), overall.c_str());
    if (!where.next.empty() && !where.finished) wrappedText("Next: " + where.next, &kDimText);

    const float buttonWidth = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 3.0f) / 4.0f;
    if (ImGui::Button("Previous", ImVec2(buttonWidth, 0))) commands.push_back(PreviousRoutineEntry{});
    ImGui::SameLine();
    ImGui::BeginDisabled(where.finished);
    if (ImGui::Button(input.paused ? "Play" : "Pause", ImVec2(buttonWidth, 0))) commands.push_back(SetPaused{!input.paused});
    ImGui::SameLine();
    ImGui::BeginDisabled(where.entry + 1 >= where.entryCount);
    if (ImGui::Button("Skip", ImVec2(buttonWidth, 0))) commands.push_back(SkipRoutineEntry{});
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Stop", ImVec2(buttonWidth, 0))) commands.push_back(StopRoutine{});

    if (!input.routineNote.empty()) {
        ImGui::Spacing();
        wrappedText(input.routineNote, &kDimText);
    }
    if (!input.stepText.empty() && !where.finished) {
        ImGui::Separator();
        wrappedText(input.stepText);
    }
}

void drawFiles(const RoutinePanelInput& input, std::vector<Command>& commands)
{
    ImGui::TextColored(kAccentText, "Open a routine");
    if (input.files.empty()) ImGui::TextColored(kDimText, "None yet: build one below, or drop a routine file on the window.");
    // The examples that come with the trainer, then the user's own, each under a small heading.
    for (const bool shipped : {true, false}) {
        bool headed = false;
        for (std::size_t i = 0; i < input.files.size(); ++i) {
            const RoutineListItem& file = input.files[i];
            if (file.shipped != shipped) continue;
            if (!headed) ImGui::TextColored(kDimText, shipped ? "Examples" : "Saved");
            headed = true;
            ImGui::PushID(int(i));
            if (ImGui::SmallButton("Play")) commands.push_back(OpenRoutine{file.path});
            ImGui::SameLine();
            ImGui::TextUnformatted(file.title.c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", file.path.c_str());
            ImGui::PopID();
        }
    }
}

// One entry of the routine being built: order, remove, and its numbers.
bool drawDraftEntry(const RoutinePanelInput& input, content::Routine& draft, std::size_t index)
{
    content::RoutineEntry& entry = draft.entries[index];
    const content::Lesson* lesson = findCandidate(input, entry.lesson);
    ImGui::PushID(int(index));
    bool removed = false;
    ImGui::BeginDisabled(index == 0);
    if (ImGui::ArrowButton("up", ImGuiDir_Up)) std::swap(draft.entries[index], draft.entries[index - 1]);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(index + 1 == draft.entries.size());
    if (ImGui::ArrowButton("down", ImGuiDir_Down)) std::swap(draft.entries[index], draft.entries[index + 1]);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::SmallButton("Remove")) removed = true;
    ImGui::SameLine();
    ImGui::Text("%zu. %s", index + 1, lesson ? lesson->title.c_str() : entry.lesson.c_str());
    if (!removed) {
        content::RoutineEntry& current = draft.entries[index];
        const float width = ImGui::GetFontSize() * 6.0f;
        ImGui::Indent();
        ImGui::SetNextItemWidth(width);
        ImGui::InputInt("repetitions", &current.repetitions);
        current.repetitions = std::clamp(current.repetitions, 1, content::kRoutineLimits.repetitions);
        int holdS = int(std::lround(current.holdS)), restS = int(std::lround(current.restS));
        int restAfterS = int(std::lround(current.restAfterS));
        ImGui::SetNextItemWidth(width);
        if (ImGui::InputInt("hold, s", &holdS, 5)) current.holdS = std::clamp(holdS, 0, int(content::kRoutineLimits.holdS));
        ImGui::SetNextItemWidth(width);
        if (ImGui::InputInt("rest between repetitions, s", &restS, 5))
            current.restS = std::clamp(restS, 0, int(content::kRoutineLimits.restS));
        if (index + 1 < draft.entries.size()) {
            ImGui::SetNextItemWidth(width);
            if (ImGui::InputInt("rest before the next, s", &restAfterS, 5))
                current.restAfterS = std::clamp(restAfterS, 0, int(content::kRoutineLimits.restS));
        }
        ImGui::Unindent();
    }
    ImGui::PopID();
    return removed;
}

void drawBuilder(const RoutinePanelInput& input, RoutinePanelState& state, std::vector<Command>& commands)
{
    ImGui::TextColored(kAccentText, "Build a routine");
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##name", "Name", state.name, sizeof state.name);
    content::Routine& draft = state.draft;
    if (draft.entries.empty()) wrappedText("Pick a stretch or exercise and press Add; then order them and set the numbers.", &kDimText);
    for (std::size_t i = 0; i < draft.entries.size();) {
        if (drawDraftEntry(input, draft, i))
            draft.entries.erase(draft.entries.begin() + std::ptrdiff_t(i));
        else
            ++i;
    }
    if (input.candidates && !input.candidates->empty()) {
        const std::vector<const content::Lesson*>& candidates = *input.candidates;
        state.addChoice = std::clamp(state.addChoice, 0, int(candidates.size()) - 1);
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 4.0f);
        if (ImGui::BeginCombo("##add", candidates[std::size_t(state.addChoice)]->title.c_str())) {
            for (int i = 0; i < int(candidates.size()); ++i)
                if (ImGui::Selectable(candidates[std::size_t(i)]->title.c_str(), i == state.addChoice)) state.addChoice = i;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::BeginDisabled(int(draft.entries.size()) >= content::kRoutineLimits.entries);
        if (ImGui::Button("Add")) draft.entries.push_back(entryFor(*candidates[std::size_t(state.addChoice)]));
        ImGui::EndDisabled();
    }
    draft.title = state.name;
    if (!draft.entries.empty()) draft.entries.back().restAfterS = 0.0;
    const bool playable = !draft.entries.empty();
    ImGui::BeginDisabled(!playable);
    if (ImGui::Button("Play")) commands.push_back(PlayRoutine{draft});
    ImGui::SameLine();
    ImGui::BeginDisabled(draft.title.empty());
    if (ImGui::Button("Save")) commands.push_back(SaveRoutine{draft});
    ImGui::EndDisabled();
    ImGui::EndDisabled();
}

void drawHistory(const RoutinePanelInput& input)
{
    ImGui::TextColored(kAccentText, "History");
    ImGui::Text("This week: %d session%s", input.sessionsThisWeek, input.sessionsThisWeek == 1 ? "" : "s");
    if (input.streakDays > 1) {
        ImGui::SameLine();
        ImGui::TextColored(kDimText, "(%d days in a row)", input.streakDays);
    }
    for (const std::string& line : input.recent) wrappedText(line, &kDimText);
}

} // namespace

content::RoutineEntry entryFor(const content::Lesson& lesson)
{
    content::RoutineEntry entry;
    entry.lesson = lesson.id;
    entry.step = std::max(content::practiceStep(lesson), 0);
    const content::LessonStep& step = lesson.steps[std::size_t(entry.step)];
    entry.repetitions = std::clamp(step.repetitions, 1, content::kRoutineLimits.repetitions);
    entry.holdS = std::min(step.holdS, content::kRoutineLimits.holdS);
    entry.restS = std::min(step.restS, content::kRoutineLimits.restS);
    entry.restAfterS = 20.0;
    return entry;
}

void drawRoutinePanel(const RoutinePanelInput& input, RoutinePanelState& state, std::vector<Command>& commands)
{
    if (!state.open) return;
    const DockRect& dock = input.dock;
    if (!dock.empty()) {
        ImGui::SetNextWindowPos(ImVec2(dock.position.x, dock.position.y), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(dock.size.x, dock.size.y), ImGuiCond_Always);
    }
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings;
    if (beginSolidPanel("Routines", &state.open, flags)) {
        if (input.playing) {
            drawPlayback(input, commands);
        } else {
            drawFiles(input, commands);
            ImGui::Separator();
            drawBuilder(input, state, commands);
        }
        ImGui::Separator();
        drawHistory(input);
    }
    ImGui::End();
}

} // namespace ui
