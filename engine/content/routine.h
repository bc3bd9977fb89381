// Routines as data: a named, ordered list of stretches and exercises taken from the shipped
// lessons, each with its own repetitions, hold and rest, and a rest before the next entry.
// Routine files are TOML (scenes/routines/, or the user's config dir), see docs/lesson-format.md.
#pragma once

#include <string>
#include <vector>

namespace content {

struct RoutineEntry {
    std::string lesson;          // a lesson id ("relief_seated_floor_stretch")
    int step = 0;                // 0-based: the lesson step whose moves and hold are practised
    bool stepGiven = false;      // written in the file (else the lesson's longest hold was taken)
    std::string title;           // said and shown; empty: the lesson's title
    int repetitions = 1;
    double holdS = 0.0;          // per repetition
    double restS = 0.0;          // between repetitions
    double restAfterS = 0.0;     // before the next entry (none after the last)
    int line = 0;
};

struct Routine {
    std::string path;
    std::string id;              // file name without extension
    std::string title;
    std::string note;            // for the person following it ("mild tension, never pain")
    std::vector<RoutineEntry> entries;
};

// The largest values a routine may hold: a session of well over an hour, with every
// number several times what the clinical programmes use (30 s holds, 3-5 repetitions).
struct RoutineLimits {
    int titleChars = 120;
    int noteChars = 1000;
    int entries = 30;
    int repetitions = 20;
    double holdS = 300.0;
    double restS = 300.0;
};
inline constexpr RoutineLimits kRoutineLimits;

} // namespace content
