// The routine panel: while a routine plays, where in it the person is (entry i of n,
// repetition, hold or rest countdown, what comes next) with pause, skip and previous; else the
// saved and shipped routines to open, a builder (pick stretches and exercises, order them, set
// repetitions, hold and rest, name, save, play), and the history. Reads state; writes commands.
#pragma once

#include "content/lesson.h"
#include "content/routine.h"
#include "lessons/routine_player.h"
#include "ui/commands.h"
#include "ui/dock_layout.h"

#include <string>
#include <vector>

namespace ui {

struct RoutineListItem {
    std::string title;
    std::string path;
    bool shipped = false;   // an example that comes with the trainer
};

struct RoutinePanelInput {
    const std::vector<const content::Lesson*>* candidates = nullptr;   // what may be added
    std::vector<RoutineListItem> files;
    bool playing = false;
    bool paused = false;
    lessons::RoutinePosition position;
    std::string routineTitle;
    std::string routineNote;
    std::string stepText;                // how to do the entry on now
    int sessionsThisWeek = 0;
    int streakDays = 0;
    std::vector<std::string> recent;     // the last sessions, newest first, one line each
    DockRect dock;                       // where the panel goes (the lesson panel's place)
};

struct RoutinePanelState {
    bool open = false;
    content::Routine draft;              // being built
    char name[128] = "My routine";
    int addChoice = 0;                   // index into the candidates
};

// A new entry for `lesson` with its practice step's own numbers and a 20 s rest after.
content::RoutineEntry entryFor(const content::Lesson& lesson);

void drawRoutinePanel(const RoutinePanelInput& input, RoutinePanelState& state, std::vector<Command>& commands);

} // namespace ui
