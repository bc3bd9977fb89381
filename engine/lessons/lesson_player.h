// Plays a lesson: which step is on, where in it we are (moving in, holding with a
// countdown, releasing, resting between repetitions), the body pose at this instant with
// feet, hands and seat kept on the floor, and what the muscles are told to do. Steps blend
// into each other. Advanced by the app's fixed simulation step; play, pause, speed and scrub.
#pragma once

#include "scene/body_simulation.h"
#include "content/lesson.h"
#include "lessons/key_settling.h"

#include <optional>

namespace lessons {

enum class StepPhase { Moving, Holding, Releasing, Resting, Finished };
std::string_view phaseName(StepPhase phase);

struct StepClock {
    int repetition = 0;          // 0-based
    StepPhase phase = StepPhase::Moving;
    double phaseTimeS = 0.0;
    double phaseDurationS = 0.0;
    double repetitionTimeS = 0.0;  // since this repetition began
    double remainingS() const { return phaseDurationS - phaseTimeS; }
};

// Where a step time falls in the step's moves, holds and repetitions.
StepClock locateInStep(const content::LessonStep& step, double stepTimeS);

class LessonPlayer {
public:
    static constexpr double kStepBlendS = 1.0;

    void start(content::Lesson lesson, const anatomy::Pose& currentPose, int step = 0);
    void stop();
    bool active() const { return lesson_.has_value(); }
    const content::Lesson* lesson() const { return lesson_ ? &*lesson_ : nullptr; }
    int stepIndex() const { return step_; }
    const content::LessonStep* step() const;
    int stepCount() const { return lesson_ ? int(lesson_->steps.size()) : 0; }
    // Changes every time the step changes, so the app can apply its view and layers once.
    int stepSerial() const { return stepSerial_; }

    bool next();
    bool previous();
    void goToStep(int index);
    void restartStep() { goToStep(step_); }

    void setPaused(bool paused) { paused_ = paused; }
    bool paused() const { return paused_; }
    void setSpeed(double speed);
    double speed() const { return speed_; }
    void scrub(double stepTimeS);

    void update(double dtS);

    double stepTimeS() const { return time_; }
    // How long the change into this step blends: kStepBlendS, a route's legs, or 0 for a cut
    // (into or out of a bed).
    double blendDurationS() const;
    // Whether the change into this step cut (into or out of a bed): the muscles' state from
    // the pose before means nothing in the one after.
    bool cutIn() const { return cut_; }
    // How far the body is along the way down to the floor or up into this step (0 without one).
    double routeElapsedS() const;
    double stepDurationS() const;
    bool stepFinished() const;
    StepClock clock() const;
    // Where on the step's key timeline the pose is (the keys play back as a repetition
    // releases, and stand at the first key while resting); below 0 while the body is still on
    // its way down to the floor or up into the step (the seconds left on the way).
    double keyTimeS() const;
    anatomy::Pose pose() const;
    scene::MuscleDrive muscleDrive() const;

private:
    anatomy::Pose stepPose(double stepTimeS) const;
    anatomy::Pose routePose() const;
    void changeStep(int index, bool captureCurrentPose);

    std::optional<content::Lesson> lesson_;
    int step_ = 0;
    int stepSerial_ = 0;
    double time_ = 0.0;
    bool paused_ = false;
    double speed_ = 1.0;
    // The pose the body was in when the step changed, blended out over kStepBlendS, or left
    // along route_ (blendDurationS()).
    anatomy::Pose blendFrom_ = anatomy::Pose::neutral();
    double sinceStepChangeS_ = kStepBlendS;
    // Poses on the way from there to the step's first key, between standing and lying.
    std::vector<content::StepKey> route_;
    // Into or out of a bed (upOnSupport), where no route goes: the step's pose shows at once,
    // as a film cuts, instead of a blend that floats the body through the air.
    bool cut_ = false;
    // What keeps shared contacts down between keys, measured per pair as they first play.
    // Filled by the const pose(): a player is used from one thread (the app's main thread).
    mutable KeySettling settling_;
};

} // namespace lessons
