// The lesson panel: the lesson list by chapter (with any file errors), and for the lesson
// on screen its step text tied to the pose, sources, hold countdown, repetitions, cues,
// step list and timeline. Reads the library and player; writes commands.
#pragma once

#include "lessons/lesson_library.h"
#include "lessons/lesson_player.h"
#include "ui/commands.h"
#include "ui/dock_layout.h"
#include "ui/marked_text.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ui {

struct LessonPanelInput {
    // Null while the lessons are still loading: the panel says so where its list will be.
    const lessons::LessonLibrary* library = nullptr;
    const lessons::LessonPlayer* player = nullptr;
    // Steps completed per lesson id, for the progress ticks.
    const std::map<std::string, std::set<int>>* completed = nullptr;
    // Short live numbers for the step (e.g. "Semitendinosus 112% of rest length"), or empty.
    std::vector<std::string> muscleSummary;
    // Where the panel is docked; empty: the right-hand edge, full height, as wide as reads well.
    DockRect dock;
};

struct LessonPanelState {
    bool open = true;
    bool disclaimerAccepted = false;
    int chapterTab = -1;   // -1: all chapters
    GlossaryState glossary;   // the term hovered or pinned in the step text
    bool timelineHeld = false;  // the timeline was being dragged last frame
};

void drawLessonPanel(const LessonPanelInput& input, LessonPanelState& state, std::vector<Command>& commands);

} // namespace ui
