#include "lessons/routine_player.h"

#include "lessons/posture_route.h"

#include <algorithm>
#include <cstdio>

namespace lessons {
namespace {

std::string entryTitle(const content::RoutineEntry& entry, const content::Lesson& lesson)
{
    return entry.title.empty() ? lesson.title : entry.title;
}

// The lesson step with the routine's numbers, titled so the voice says what comes.
content::LessonStep entryStep(const content::RoutineEntry& entry, const content::Lesson& lesson)
{
    content::LessonStep step = lesson.steps[std::size_t(entry.step)];
    step.title = entryTitle(entry, lesson);
    step.repetitions = entry.repetitions;
    step.holdS = entry.holdS;
    step.restS = entry.restS;
    return step;
}

std::string secondsText(double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g s", seconds);
    return text;
}

// A rest before `next`: the body waits in the next entry's opening pose, with its props, for
// `restS` (two equal keys, so the player's clock runs through it with nothing moving).
content::LessonStep restStep(const content::LessonStep& next, double restS)
{
    content::LessonStep rest = next;
    rest.title = "Rest. Next: " + next.title;
    rest.text = "Rest and breathe. Next: " + next.title + ", " + std::to_string(next.repetitions) +
                (next.repetitions == 1 ? " time" : " times") + (next.holdS > 0.0 ? ", holding " + secondsText(next.holdS) : "") + ".";
    rest.bullets.clear();
    rest.evidence.clear();
    rest.cue.clear();
    rest.highlight.clear();
    content::StepKey still = next.keys.front();
    still.timeS = 0.0;
    rest.keys = {still, still};
    rest.keys[1].timeS = restS;
    rest.holdS = 0.0;
    rest.repetitions = 1;
    rest.restS = 0.0;
    rest.muscles = content::MuscleTimeline{};
    if (rest.partner) rest.partner->placedAtKey = 0;
    return rest;
}

const content::Lesson* findLesson(const content::RoutineContext& context, const std::string& id)
{
    for (const content::Lesson* lesson : context.lessons)
        if (lesson->id == id) return lesson;
    return nullptr;
}

} // namespace

double RoutinePlan::segmentStartS(int segment) const
{
    double start = 0.0;
    for (int i = 0; i < segment && i < int(lesson.steps.size()); ++i)
        start += (std::size_t(i) < routeS.size() ? routeS[std::size_t(i)] : 0.0) + lesson.steps[std::size_t(i)].durationS();
    return start;
}

double RoutinePlan::totalS() const
{
    return segmentStartS(int(lesson.steps.size()));
}

int RoutinePlan::segmentOfEntry(int entry) const
{
    for (int i = 0; i < int(segments.size()); ++i)
        if (segments[std::size_t(i)].kind == RoutineSegment::Kind::Entry && segments[std::size_t(i)].entry == entry) return i;
    return 0;
}

content::RoutineContext routineContext(const LessonLibrary& library)
{
    content::RoutineContext context;
    for (const LessonEntry& entry : library.entries())
        if (entry.lesson) context.lessons.push_back(&*entry.lesson);
    return context;
}

std::vector<const content::Lesson*> routineCandidates(const LessonLibrary& library)
{
    using content::Chapter;
    std::vector<const content::Lesson*> candidates;
    for (const LessonEntry& entry : library.entries()) {
        if (!entry.lesson) continue;
        const Chapter chapter = entry.lesson->chapter;
        const bool practical =
            chapter == Chapter::Relief || chapter == Chapter::Prevention || chapter == Chapter::Strength || chapter == Chapter::Rehab;
        if (practical && content::practiceStep(*entry.lesson) >= 0) candidates.push_back(&*entry.lesson);
    }
    return candidates;
}

core::Expected<RoutinePlan> planRoutine(const content::Routine& routine, const content::RoutineContext& context)
{
    RoutinePlan plan;
    plan.routine = routine;
    plan.lesson.path = routine.path;
    plan.lesson.id = std::string(kRoutineLessonPrefix) + routine.id;
    plan.lesson.title = routine.title;
    plan.lesson.summary = routine.note;
    std::vector<content::LessonStep> steps;
    for (const content::RoutineEntry& entry : routine.entries) {
        const content::Lesson* lesson = findLesson(context, entry.lesson);
        if (!lesson || entry.step < 0 || entry.step >= int(lesson->steps.size()) || lesson->steps[std::size_t(entry.step)].keys.empty())
            return core::Error{routine.path, entry.line, 0, "entry.lesson",
                               "lesson '" + entry.lesson + "' step " + std::to_string(entry.step + 1) + " is not available"};
        steps.push_back(entryStep(entry, *lesson));
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (i > 0 && routine.entries[i - 1].restAfterS > 0.0) {
            plan.lesson.steps.push_back(restStep(steps[i], routine.entries[i - 1].restAfterS));
            plan.segments.push_back({RoutineSegment::Kind::Rest, int(i)});
        }
        plan.lesson.steps.push_back(steps[i]);
        plan.segments.push_back({RoutineSegment::Kind::Entry, int(i)});
    }
    if (plan.lesson.steps.empty()) return core::Error{routine.path, 0, 0, "entry", "a routine needs at least one entry"};
    // Every lesson of a library shares the pose library's routes down to the floor and up.
    plan.lesson.routes = findLesson(context, routine.entries.front().lesson)->routes;
    for (std::size_t i = 0; i < plan.lesson.steps.size(); ++i) {
        const anatomy::Pose from = i == 0 ? anatomy::Pose::neutral() : plan.lesson.steps[i - 1].keys.back().pose;
        plan.routeS.push_back(routeDurationS(routeBetween(plan.lesson.routes, from, plan.lesson.steps[i].keys.front().pose).size()));
    }
    return plan;
}

void RoutinePlayer::start(RoutinePlan plan, LessonPlayer& player, const anatomy::Pose& currentPose)
{
    plan_ = std::move(plan);
    done_.clear();
    playedS_ = 0.0;
    finished_ = false;
    player.start(plan_->lesson, currentPose, 0);
}

bool RoutinePlayer::drives(const LessonPlayer& player) const
{
    return plan_ && player.active() && player.lesson()->id == plan_->lesson.id && player.stepCount() == int(plan_->segments.size());
}

bool RoutinePlayer::update(LessonPlayer& player, double dtS)
{
    if (!drives(player) || finished_) return false;
    if (!player.paused()) playedS_ += dtS;
    if (!player.stepFinished()) return false;
    const RoutineSegment& segment = plan_->segments[std::size_t(player.stepIndex())];
    if (segment.kind == RoutineSegment::Kind::Entry) done_.insert(segment.entry);
    if (player.next()) return false;
    finished_ = true;
    return true;
}

bool RoutinePlayer::skip(LessonPlayer& player)
{
    if (!drives(player)) return false;
    const RoutineSegment& segment = plan_->segments[std::size_t(player.stepIndex())];
    // From a rest, "next" is the entry it leads to; from an entry, the one after.
    const int target = segment.kind == RoutineSegment::Kind::Rest ? segment.entry : segment.entry + 1;
    if (target >= plan_->entryCount()) return false;
    player.goToStep(plan_->segmentOfEntry(target));
    return true;
}

void RoutinePlayer::previous(LessonPlayer& player)
{
    if (!drives(player)) return;
    const RoutineSegment& segment = plan_->segments[std::size_t(player.stepIndex())];
    const bool early = segment.kind == RoutineSegment::Kind::Rest || player.stepTimeS() < kPreviousGraceS;
    const int target = early ? std::max(segment.entry - 1, 0) : segment.entry;
    finished_ = false;
    player.goToStep(plan_->segmentOfEntry(target));
}

RoutinePosition RoutinePlayer::position(const LessonPlayer& player) const
{
    RoutinePosition where;
    if (!plan_) return where;
    where.entryCount = plan_->entryCount();
    where.totalS = plan_->totalS();
    where.finished = finished_;
    if (!drives(player)) return where;
    const int index = player.stepIndex();
    const RoutineSegment& segment = plan_->segments[std::size_t(index)];
    const content::LessonStep& step = plan_->lesson.steps[std::size_t(index)];
    where.entry = segment.entry;
    where.resting = segment.kind == RoutineSegment::Kind::Rest;
    const StepClock clock = player.clock();
    where.phase = clock.phase;
    where.phaseRemainingS = std::max(0.0, clock.remainingS());
    where.elapsedS = plan_->segmentStartS(index) + player.routeElapsedS() + player.stepTimeS();
    const content::LessonStep& practised = plan_->lesson.steps[std::size_t(plan_->segmentOfEntry(segment.entry))];
    where.title = practised.title;
    where.repetitions = practised.repetitions;
    where.repetition = where.resting ? 0 : clock.repetition;
    if (where.resting) {
        where.phase = StepPhase::Resting;
        where.phaseRemainingS = std::max(0.0, step.durationS() - player.stepTimeS());
    }
    if (segment.entry + 1 < plan_->entryCount())
        where.next = plan_->lesson.steps[std::size_t(plan_->segmentOfEntry(segment.entry + 1))].title;
    return where;
}

} // namespace lessons
