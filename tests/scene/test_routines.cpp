// Routine files and playback: what a teacher writes and how mistakes are reported, the plan's
// timeline worked out by hand, the player moving from entry to entry, the cue times of a whole
// routine, and the shipped example routines loading against the shipped lessons.
#include "audio/routine_cues.h"
#include "content/routine_file.h"
#include "lessons/lesson_library.h"
#include "lessons/routine_player.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace content;
using namespace lessons;

namespace {

StepKey keyAt(double timeS)
{
    StepKey key;
    key.timeS = timeS;
    key.pose = anatomy::Pose::neutral();
    return key;
}

// Two small lessons: "seated" (step 2 moves in 2 s, holds 30 s three times) and "bridge"
// (one step: 1.5 s move, 5 s hold, ten times).
struct Lessons {
    Lesson seated, bridge;
    RoutineContext context;

    Lessons()
    {
        seated.id = "seated";
        seated.title = "Seated floor stretch";
        seated.chapter = Chapter::Relief;
        LessonStep sit;
        sit.title = "Sit tall";
        sit.keys = {keyAt(0.0)};
        LessonStep lean;
        lean.title = "Lean forward";
        lean.cue = "Breathe out";
        lean.keys = {keyAt(0.0), keyAt(2.0)};
        lean.holdS = 30.0;
        lean.repetitions = 3;
        lean.restS = 10.0;
        seated.steps = {sit, lean};

        bridge.id = "bridge";
        bridge.title = "Bridge";
        bridge.chapter = Chapter::Strength;
        LessonStep lift;
        lift.title = "Lift";
        lift.keys = {keyAt(0.0), keyAt(1.5)};
        lift.holdS = 5.0;
        lift.repetitions = 10;
        lift.restS = 2.0;
        bridge.steps = {lift};
        context.lessons = {&seated, &bridge};
    }
};

const char* kGoodRoutine = R"(title = "Test routine"
note = "Mild tension, never pain."
rest_between = 20

[[entry]]
lesson = "seated"
step = 2
repetitions = 2
hold = 20
rest = 5

[[entry]]
lesson = "bridge"
title = "Glute bridge"
repetitions = 3
hold = 4
rest = 1
)";

std::string parseError(const std::string& text)
{
    static const Lessons lessons;
    auto routine = parseRoutine(text, "r.toml", lessons.context);
    REQUIRE_FALSE(routine);
    return routine.error().describe();
}

} // namespace

TEST_CASE("a good routine file reads as written, with the lesson's practice step by default")
{
    const Lessons lessons;
    auto routine = parseRoutine(kGoodRoutine, "scenes/routines/test.toml", lessons.context);
    REQUIRE_MESSAGE(routine, routine.error().describe());
    CHECK(routine->id == "test");
    CHECK(routine->title == "Test routine");
    CHECK(routine->note == "Mild tension, never pain.");
    REQUIRE(routine->entries.size() == 2);
    const RoutineEntry& seated = routine->entries[0];
    CHECK(seated.lesson == "seated");
    CHECK(seated.step == 1);
    CHECK(seated.repetitions == 2);
    CHECK(seated.holdS == 20.0);
    CHECK(seated.restS == 5.0);
    CHECK(seated.restAfterS == 20.0);
    CHECK(seated.line == 5);
    const RoutineEntry& bridge = routine->entries[1];
    CHECK(bridge.step == 0);
    CHECK_FALSE(bridge.stepGiven);
    CHECK(bridge.title == "Glute bridge");
    CHECK(bridge.restAfterS == 0.0);   // nothing follows the last entry

    // Left out, the numbers are the lesson step's own.
    auto plain = parseRoutine("title = \"x\"\n[[entry]]\nlesson = \"seated\"\n", "p.toml", lessons.context);
    REQUIRE(plain);
    CHECK(plain->entries[0].step == 1);
    CHECK(plain->entries[0].repetitions == 3);
    CHECK(plain->entries[0].holdS == 30.0);
    CHECK(plain->entries[0].restS == 10.0);
}

TEST_CASE("a routine written out reads back the same")
{
    const Lessons lessons;
    auto routine = parseRoutine(kGoodRoutine, "test.toml", lessons.context);
    REQUIRE(routine);
    auto again = parseRoutine(serialiseRoutine(*routine), "test.toml", lessons.context);
    REQUIRE_MESSAGE(again, again.error().describe());
    CHECK(again->title == routine->title);
    CHECK(again->note == routine->note);
    REQUIRE(again->entries.size() == routine->entries.size());
    for (std::size_t i = 0; i < routine->entries.size(); ++i) {
        CHECK(again->entries[i].lesson == routine->entries[i].lesson);
        CHECK(again->entries[i].step == routine->entries[i].step);
        CHECK(again->entries[i].title == routine->entries[i].title);
        CHECK(again->entries[i].repetitions == routine->entries[i].repetitions);
        CHECK(again->entries[i].holdS == routine->entries[i].holdS);
        CHECK(again->entries[i].restS == routine->entries[i].restS);
        CHECK(again->entries[i].restAfterS == routine->entries[i].restAfterS);
    }
}

TEST_CASE("each mistake in a routine file is reported at its file:line:column")
{
    CHECK(parseError("title = \"x\"\nrest_betwen = 5\n[[entry]]\nlesson = \"seated\"\n") ==
          "r.toml:2:1: rest_betwen: unknown field 'rest_betwen'; did you mean 'rest_between'?");
    CHECK(parseError("title = \"x\"\n[[entry]]\nlesson = \"seatd\"\n") ==
          "r.toml:3:10: entry[0].lesson: unknown lesson 'seatd' (see scenes/lessons); did you mean 'seated'?");
    CHECK(parseError("title = \"x\"\n[[entry]]\nlesson = \"seated\"\nhold = 900\n") ==
          "r.toml:4:8: entry[0].hold: 900 is out of range (0 to 300)");
    CHECK(parseError("title = \"x\"\n[[entry]]\nlesson = \"seated\"\nrepetitions = 2.5\n") ==
          "r.toml:4:15: entry[0].repetitions: expected a whole number from 1 to 20");
    CHECK(parseError("title = \"x\"\n[[entry]]\nlesson = \"seated\"\nrepetitions = 0\n") ==
          "r.toml:4:15: entry[0].repetitions: 0 is out of range (1 to 20)");
    CHECK(parseError("title = \"x\"\n[[entry]]\nlesson = \"seated\"\nstep = 3\n") ==
          "r.toml:4:8: entry[0].step: 3 is out of range (1 to 2)");
    CHECK(parseError("title = \"x\"\n[[entry]]\nlesson = \"bridge\"\nhodl = 5\n") ==
          "r.toml:4:1: entry[0].hodl: unknown field 'hodl'; did you mean 'hold'?");
    CHECK(parseError("title = \"x\"\n[[entry]]\nrepetitions = 2\n") == "r.toml:2:1: entry[0].lesson: missing (a text value is required)");
    CHECK(parseError("note = \"x\"\n[[entry]]\nlesson = \"bridge\"\n") == "r.toml:1:1: title: missing (a text value is required)");
    CHECK(parseError("title = \"x\"\nentry = []\n") == "r.toml:2:9: entry: a routine needs at least one [[entry]]");
    CHECK(parseError("title = \"x\"\nrest_between = -1\n[[entry]]\nlesson = \"bridge\"\n") ==
          "r.toml:2:16: rest_between: -1 is out of range (0 to 300)");
    CHECK(parseError("title = \"x\" = 2\n").rfind("r.toml:1:", 0) == 0);   // TOML syntax: toml++'s own words
    std::string many = "title = \"x\"\n";
    for (int i = 0; i < 31; ++i) many += "[[entry]]\nlesson = \"bridge\"\n";
    CHECK(parseError(many) == "r.toml:2:1: entry: 31 entries, more than the 30 a routine may have");
}

TEST_CASE("a lesson with nothing to practise needs its step named")
{
    Lessons lessons;
    lessons.seated.steps[1].holdS = 0.0;
    lessons.seated.steps[1].repetitions = 1;
    auto routine = parseRoutine("title = \"x\"\n[[entry]]\nlesson = \"seated\"\n", "r.toml", lessons.context);
    REQUIRE_FALSE(routine);
    CHECK(routine.error().describe() ==
          "r.toml:3:10: entry[0].lesson: 'seated' has no step with a hold or repetitions to practise; name one with step = 1 to 2");
}

// The plan of kGoodRoutine, worked by hand (moves out and back only between repetitions):
//   seated, 2 repetitions: (2 + 20 + 2 + 5) + (2 + 20)        = 51 s
//   rest between entries                                     = 20 s
//   bridge, 3 repetitions: 2 x (1.5 + 4 + 1.5 + 1) + (1.5 + 4) = 21.5 s
//   total                                                    = 92.5 s
TEST_CASE("a routine plays its entries back to back with rests between")
{
    const Lessons lessons;
    auto routine = parseRoutine(kGoodRoutine, "test.toml", lessons.context);
    REQUIRE(routine);
    auto plan = planRoutine(*routine, lessons.context);
    REQUIRE_MESSAGE(plan, plan.error().describe());
    REQUIRE(plan->segments.size() == 3);
    CHECK(plan->segments[1].kind == RoutineSegment::Kind::Rest);
    CHECK(plan->lesson.steps[0].title == "Seated floor stretch");   // the lesson's title is said
    CHECK(plan->lesson.steps[1].title == "Rest. Next: Glute bridge");
    CHECK(plan->lesson.steps[2].title == "Glute bridge");
    CHECK(plan->lesson.steps[0].durationS() == doctest::Approx(51.0));
    CHECK(plan->lesson.steps[1].durationS() == doctest::Approx(20.0));
    CHECK(plan->lesson.steps[2].durationS() == doctest::Approx(21.5));
    CHECK(plan->totalS() == doctest::Approx(92.5));
    CHECK(plan->segmentStartS(2) == doctest::Approx(71.0));

    LessonPlayer player;
    RoutinePlayer routinePlayer;
    routinePlayer.start(*plan, player, anatomy::Pose::neutral());
    REQUIRE(routinePlayer.drives(player));
    const double dtS = 1.0 / 120.0;
    int finishedAtTick = -1;
    std::vector<std::pair<double, int>> segmentStarts{{0.0, 0}};
    bool sawHold = false;
    for (int tick = 0; tick < 120 * 100 && finishedAtTick < 0; ++tick) {
        player.update(dtS);
        if (routinePlayer.update(player, dtS)) finishedAtTick = tick;
        if (player.stepIndex() != segmentStarts.back().second) segmentStarts.push_back({(tick + 1) * dtS, player.stepIndex()});
        const RoutinePosition where = routinePlayer.position(player);
        // 10 s in: entry 1 of 2, first repetition, holding with 12 s left (hold 2..22 s).
        if (tick == 120 * 10 - 1) {
            sawHold = true;
            CHECK(where.entry == 0);
            CHECK(where.entryCount == 2);
            CHECK(where.repetition == 0);
            CHECK(where.repetitions == 2);
            CHECK(where.phase == StepPhase::Holding);
            CHECK(where.phaseRemainingS == doctest::Approx(12.0).epsilon(0.01));
            CHECK(where.next == "Glute bridge");
            CHECK(where.elapsedS == doctest::Approx(10.0).epsilon(0.01));
        }
        // 60 s in: resting before the bridge, 11 s left.
        if (tick == 120 * 60 - 1) {
            CHECK(where.resting);
            CHECK(where.entry == 1);
            CHECK(where.title == "Glute bridge");
            CHECK(where.phaseRemainingS == doctest::Approx(11.0).epsilon(0.02));
            CHECK(where.next.empty());
        }
    }
    CHECK(sawHold);
    REQUIRE(segmentStarts.size() == 3);
    // Each segment starts within a tick of where its predecessor ended (the player stops at the
    // end of a step; the routine player moves on at the next update).
    CHECK(segmentStarts[1].first == doctest::Approx(51.0).epsilon(0.001));
    CHECK(segmentStarts[2].first == doctest::Approx(71.0).epsilon(0.001));
    REQUIRE(finishedAtTick > 0);
    CHECK((finishedAtTick + 1) * dtS == doctest::Approx(92.5).epsilon(0.001));
    CHECK(routinePlayer.finished());
    CHECK(routinePlayer.entriesDone() == 2);
    CHECK(routinePlayer.playedS() == doctest::Approx(92.5).epsilon(0.001));
    CHECK(routinePlayer.position(player).finished);
}

TEST_CASE("skip and previous move between entries, past the rests")
{
    const Lessons lessons;
    auto routine = parseRoutine(kGoodRoutine, "test.toml", lessons.context);
    auto plan = planRoutine(*routine, lessons.context);
    REQUIRE(plan);
    LessonPlayer player;
    RoutinePlayer routinePlayer;
    routinePlayer.start(*plan, player, anatomy::Pose::neutral());
    CHECK(routinePlayer.skip(player));
    CHECK(player.stepIndex() == 2);          // the bridge, not the rest before it
    CHECK_FALSE(routinePlayer.skip(player)); // the last entry
    player.update(10.0);
    routinePlayer.previous(player);          // well into the bridge: back to its start
    CHECK(player.stepIndex() == 2);
    CHECK(player.stepTimeS() == 0.0);
    routinePlayer.previous(player);          // at its start: the entry before
    CHECK(player.stepIndex() == 0);
    CHECK(routinePlayer.entriesDone() == 0); // skipped entries are not done
    // Another lesson started: the routine no longer drives the player.
    player.start(lessons.bridge, anatomy::Pose::neutral(), 0);
    CHECK_FALSE(routinePlayer.drives(player));
    CHECK_FALSE(routinePlayer.update(player, 1.0));
}

// The cue times of kGoodRoutine by hand (from the routine's start):
//   seated rep 1: hold 2..22 (ticks 19, 20, 21), release 22..24, rest to 29 -> rest-end tone 29
//   seated rep 2: move 29..31, hold 31..51 (ticks 48, 49, 50)
//   rest 51..71: "Rest. Next: Glute bridge" at 51, ticks 68, 69, 70, rest-end tone 71
//   bridge: title at 71; holds 72.5..76.5, 80.5..84.5, 88.5..92.5; rest-end tones at 79, 87
TEST_CASE("a routine's cues fall at the hand-worked times")
{
    const Lessons lessons;
    auto routine = parseRoutine(kGoodRoutine, "test.toml", lessons.context);
    auto plan = planRoutine(*routine, lessons.context);
    REQUIRE(plan);
    const std::vector<audio::Cue> cues = audio::scheduleRoutineCues(*plan);
    auto timesOf = [&](audio::CueKind kind) {
        std::vector<double> times;
        for (const audio::Cue& cue : cues)
            if (cue.kind == kind) times.push_back(cue.timeS);
        return times;
    };
    CHECK(timesOf(audio::CueKind::HoldStartTone) == std::vector<double>{2.0, 31.0, 72.5, 80.5, 88.5});
    CHECK(timesOf(audio::CueKind::HoldEndTone) == std::vector<double>{22.0, 51.0, 76.5, 84.5, 92.5});
    CHECK(timesOf(audio::CueKind::RestEndTone) == std::vector<double>{29.0, 71.0, 79.0, 87.0});
    CHECK(timesOf(audio::CueKind::CountdownTick) ==
          std::vector<double>{19.0, 20.0, 21.0, 48.0, 49.0, 50.0, 68.0, 69.0, 70.0, 73.5, 74.5, 75.5, 81.5, 82.5, 83.5, 89.5,
                              90.5, 91.5});
    std::vector<std::pair<double, std::string>> titles;
    for (const audio::Cue& cue : cues)
        if (cue.kind == audio::CueKind::Speech && cue.text.size() > 1) titles.push_back({cue.timeS, cue.text});
    REQUIRE(titles.size() == 5);
    CHECK(titles[0] == std::pair<double, std::string>{0.0, "Seated floor stretch"});
    CHECK(titles[1] == std::pair<double, std::string>{2.4, "Breathe out"});
    CHECK(titles[2] == std::pair<double, std::string>{31.4, "Breathe out"});
    CHECK(titles[3] == std::pair<double, std::string>{51.0, "Rest. Next: Glute bridge"});
    CHECK(titles[4] == std::pair<double, std::string>{71.0, "Glute bridge"});
}

TEST_CASE("the shipped routines load against the shipped lessons")
{
    const std::filesystem::path data(HT_SOURCE_DIR);
    const LessonLibrary library = LessonLibrary::load(data / "scenes/lessons", data / "scenes/poses.toml", data / "assets/sources.toml", {});
    const RoutineContext context = routineContext(library);
    int count = 0;
    for (const auto& file : std::filesystem::directory_iterator(data / "scenes/routines")) {
        if (file.path().extension() != ".toml") continue;
        ++count;
        CAPTURE(file.path().string());
        auto routine = loadRoutineFile(file.path().string(), context);
        REQUIRE_MESSAGE(routine, routine.error().describe());
        CHECK_FALSE(routine->note.empty());
        auto plan = planRoutine(*routine, context);
        REQUIRE(plan);
        if (file.path().stem() == "hamstring_strength") {
            // Down from standing to the bridge: crouching and sitting, a second each and one more
            // (3 s). Over from the bridge to lie face down for the curl, at the rest before it:
            // sitting up, crouching, all fours, the forearms and the arms up (6 s). Up for the
            // deadlift: the arms up, the forearms, all fours and kneeling (5 s).
            CHECK(plan->routeS == std::vector<double>{3.0, 6.0, 0.0, 5.0, 0.0});
            double stepsS = 0.0;
            for (const LessonStep& step : plan->lesson.steps) stepsS += step.durationS();
            CHECK(plan->totalS() == doctest::Approx(stepsS + 14.0));
        }
        // A session someone would do at home: between 3 and 30 minutes.
        CHECK(plan->totalS() > 180.0);
        CHECK(plan->totalS() < 1800.0);
    }
    CHECK(count >= 2);
    // The panel offers stretches and exercises, never an anatomy or doctor lesson.
    const std::vector<const Lesson*> candidates = routineCandidates(library);
    CHECK(candidates.size() >= 8);
    for (const Lesson* lesson : candidates) {
        CAPTURE(lesson->id);
        CHECK(lesson->chapter != Chapter::Anatomy);
        CHECK(practiceStep(*lesson) >= 0);
    }
}
