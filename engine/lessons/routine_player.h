// Plays a routine: its entries back to back, each the chosen lesson step with the routine's
// repetitions, hold and rest, with a rest segment between entries. The routine becomes one
// lesson (a step per segment) that the ordinary LessonPlayer moves the body through and the
// audio cues follow; this class moves on when a segment ends and says where in the routine
// the person is. No GL, no clock of its own: the app passes the player and the time.
#pragma once

#include "content/routine_file.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_player.h"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lessons {

struct RoutineSegment {
    enum class Kind { Entry, Rest };
    Kind kind = Kind::Entry;
    int entry = 0;   // the routine entry practised, or (Rest) the entry that follows
};

// A routine made playable: the routine, and the lesson whose steps are its segments.
struct RoutinePlan {
    content::Routine routine;
    content::Lesson lesson;                 // id "routine:<routine id>"
    std::vector<RoutineSegment> segments;   // one per lesson step
    // Per segment, the time the body takes getting down to the floor or up into it before its
    // own time starts (lessons/posture_route.h): from standing for the first, from the end of
    // the one before for the others.
    std::vector<double> routeS;

    // Where a segment starts in the routine: the segments before it with their ways in.
    double segmentStartS(int segment) const;
    double totalS() const;
    int entryCount() const { return int(routine.entries.size()); }
    // The segment that practises entry `entry`.
    int segmentOfEntry(int entry) const;
};

inline constexpr std::string_view kRoutineLessonPrefix = "routine:";

// The lessons a routine may name: every lesson of the library that loaded.
content::RoutineContext routineContext(const LessonLibrary& library);
// Lessons offered when building a routine: those of the relief, prevention, strength and rehab
// chapters with a step to practise (a hold or repetitions), in teaching order.
std::vector<const content::Lesson*> routineCandidates(const LessonLibrary& library);
// The plan for a routine read against `context` (each entry's lesson and step exist there).
core::Expected<RoutinePlan> planRoutine(const content::Routine& routine, const content::RoutineContext& context);

// Where the person is, for the panel and the report.
struct RoutinePosition {
    int entry = 0;                // 0-based
    int entryCount = 0;
    bool resting = false;         // in the rest before `entry`
    int repetition = 0;           // 0-based
    int repetitions = 1;
    StepPhase phase = StepPhase::Moving;
    double phaseRemainingS = 0.0;
    double elapsedS = 0.0;        // on the routine's timeline
    double totalS = 0.0;
    std::string title;            // of the entry practised (or coming, while resting)
    std::string next;             // the entry after it; empty for the last
    bool finished = false;
};

class RoutinePlayer {
public:
    void start(RoutinePlan plan, LessonPlayer& player, const anatomy::Pose& currentPose);
    void stop() { plan_.reset(); }
    bool active() const { return plan_.has_value(); }
    const RoutinePlan* plan() const { return plan_ ? &*plan_ : nullptr; }
    // True while `player` plays this routine (it stops being so when another lesson starts).
    bool drives(const LessonPlayer& player) const;

    // After the player advanced by `dtS`: counts the time played, notes finished entries, and
    // moves on when a segment is over. True on the call that finishes the routine.
    bool update(LessonPlayer& player, double dtS);
    // The next entry (skipping the rest before it); false on the last.
    bool skip(LessonPlayer& player);
    // Back to the start of this entry, or to the entry before within its first seconds.
    void previous(LessonPlayer& player);

    RoutinePosition position(const LessonPlayer& player) const;
    int entriesDone() const { return int(done_.size()); }
    double playedS() const { return playedS_; }   // time spent playing, pauses left out
    bool finished() const { return finished_; }

    // Within this much of an entry's start, "previous" goes to the entry before.
    static constexpr double kPreviousGraceS = 3.0;

private:
    std::optional<RoutinePlan> plan_;
    std::set<int> done_;       // entries played to their end
    double playedS_ = 0.0;
    bool finished_ = false;
};

} // namespace lessons
