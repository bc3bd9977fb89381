#include "lessons/lesson_player.h"

#include "anim/easing.h"
#include "anim/pose_blend.h"
#include "core/enum_names.h"
#include "lessons/posture_route.h"

#include <algorithm>

namespace lessons {
namespace {

constexpr auto kStepPhaseNames = core::enumNames<StepPhase>({
    {StepPhase::Moving, "moving"}, {StepPhase::Holding, "holding"}, {StepPhase::Releasing, "releasing"},
    {StepPhase::Resting, "resting"}, {StepPhase::Finished, "finished"},
});

// A pose between two placed keys: blended angles, the shared contacts held where both keys
// put them, and never below the floor. Where the keys share contacts on two parts of the body
// or more, the pelvis tips as KeySettling found keeps them all on their surfaces.
anatomy::Pose betweenKeys(KeySettling& settling, const content::StepKey& a, const content::StepKey& b, double t)
{
    anatomy::Pose pose = anim::blendPoses(a.pose, b.pose, t);
    const anim::ContactList shared = anim::sharedContacts(a.contacts, b.contacts);
    if (!shared.empty()) {
        const glm::dvec2 fromCentre = anim::contactCentre(anatomy::computeSkeleton(a.pose), shared);
        const glm::dvec2 toCentre = anim::contactCentre(anatomy::computeSkeleton(b.pose), shared);
        applyPelvisCorrection(pose, settling.correction(a, b, shared, t));
        pose = anim::anchorContacts(pose, shared, glm::mix(fromCentre, toCentre, t));
        pose = anim::placeOnFloor(pose, shared);
        // What is not a shared contact (a knee, hands swinging past the floor on the way from
        // all fours to lying face down) may come lower: then the whole body rises off it.
    }
    return anim::liftAboveFloor(pose);
}

anatomy::Pose sampleKeys(KeySettling& settling, const std::vector<content::StepKey>& keys, double timeS)
{
    if (keys.size() == 1 || timeS <= keys.front().timeS) return keys.front().pose;
    if (timeS >= keys.back().timeS) return keys.back().pose;
    std::size_t end = 1;
    while (end + 1 < keys.size() && keys[end].timeS <= timeS) ++end;
    const content::StepKey& a = keys[end - 1];
    const content::StepKey& b = keys[end];
    const double t = (timeS - a.timeS) / std::max(b.timeS - a.timeS, 1e-9);
    return betweenKeys(settling, a, b, anim::ease(b.easing, t));
}

} // namespace

std::string_view phaseName(StepPhase phase)
{
    return kStepPhaseNames.name(phase);
}

StepClock locateInStep(const content::LessonStep& step, double stepTimeS)
{
    StepClock clock;
    double start = 0.0;
    const double motion = step.motionS();
    for (int repetition = 0; repetition < step.repetitions; ++repetition) {
        const bool last = repetition + 1 == step.repetitions;
        const double length = step.repetitionS(last);
        if (stepTimeS < start + length) {
            const double t = stepTimeS - start;
            clock.repetition = repetition;
            clock.repetitionTimeS = t;
            const double phases[4] = {motion, step.holdS, last ? 0.0 : motion, last ? 0.0 : step.restS};
            const StepPhase names[4] = {StepPhase::Moving, StepPhase::Holding, StepPhase::Releasing, StepPhase::Resting};
            double phaseStart = 0.0;
            for (int i = 0; i < 4; ++i) {
                if (t < phaseStart + phases[i]) {
                    clock.phase = names[i];
                    clock.phaseTimeS = t - phaseStart;
                    clock.phaseDurationS = phases[i];
                    return clock;
                }
                phaseStart += phases[i];
            }
        }
        start += length;
    }
    clock.repetition = step.repetitions - 1;
    clock.phase = StepPhase::Finished;
    clock.repetitionTimeS = step.repetitionS(true);
    return clock;
}

void LessonPlayer::start(content::Lesson lesson, const anatomy::Pose& currentPose, int step)
{
    lesson_ = std::move(lesson);
    blendFrom_ = currentPose;
    paused_ = false;
    changeStep(std::clamp(step, 0, std::max(0, stepCount() - 1)), false);
}

void LessonPlayer::stop()
{
    lesson_.reset();
}

const content::LessonStep* LessonPlayer::step() const
{
    if (!lesson_ || lesson_->steps.empty()) return nullptr;
    return &lesson_->steps[std::size_t(step_)];
}

void LessonPlayer::changeStep(int index, bool captureCurrentPose)
{
    if (captureCurrentPose) blendFrom_ = pose();
    step_ = index;
    time_ = 0.0;
    sinceStepChangeS_ = 0.0;
    ++stepSerial_;
    const content::LessonStep* now = step();
    route_ = now && !now->keys.empty() ? routeBetween(lesson_->routes, blendFrom_, now->keys.front().pose) : std::vector<content::StepKey>{};
    cut_ = now && !now->keys.empty() && route_.empty() && upOnSupport(blendFrom_) != upOnSupport(now->keys.front().pose);
}

bool LessonPlayer::next()
{
    if (!lesson_ || step_ + 1 >= stepCount()) return false;
    changeStep(step_ + 1, true);
    return true;
}

bool LessonPlayer::previous()
{
    if (!lesson_ || step_ == 0) return false;
    changeStep(step_ - 1, true);
    return true;
}

void LessonPlayer::goToStep(int index)
{
    if (!lesson_ || index < 0 || index >= stepCount()) return;
    changeStep(index, true);
}

void LessonPlayer::setSpeed(double speed)
{
    speed_ = std::clamp(speed, 0.1, 4.0);
}

void LessonPlayer::scrub(double stepTimeS)
{
    time_ = std::clamp(stepTimeS, 0.0, stepDurationS());
    sinceStepChangeS_ = blendDurationS(); // a scrubbed pose shows as it is, without blending
}

void LessonPlayer::update(double dtS)
{
    if (!lesson_ || paused_) return;
    const double dt = dtS * speed_;
    // On a route to the floor or up from it, the step's time waits until the body is there.
    const double routeS = routeDurationS(route_.size());
    const double stepDt = std::max(0.0, sinceStepChangeS_ + dt - std::max(sinceStepChangeS_, routeS));
    sinceStepChangeS_ += dt;
    time_ = std::min(time_ + stepDt, stepDurationS());
}

double LessonPlayer::stepDurationS() const
{
    const content::LessonStep* current = step();
    return current ? current->durationS() : 0.0;
}

bool LessonPlayer::stepFinished() const
{
    return step() && time_ >= stepDurationS();
}

StepClock LessonPlayer::clock() const
{
    const content::LessonStep* current = step();
    return current ? locateInStep(*current, time_) : StepClock{};
}

namespace {

double keyTimeAt(const content::LessonStep& step, double stepTimeS)
{
    const StepClock where = locateInStep(step, stepTimeS);
    switch (where.phase) {
    case StepPhase::Moving: return where.phaseTimeS;
    case StepPhase::Holding:
    case StepPhase::Finished: return step.motionS();
    case StepPhase::Releasing: return step.motionS() - where.phaseTimeS;
    case StepPhase::Resting: return 0.0;
    }
    return 0.0;
}

} // namespace

double LessonPlayer::keyTimeS() const
{
    const content::LessonStep* current = step();
    if (!current) return 0.0;
    const double wayLeftS = routeDurationS(route_.size()) - sinceStepChangeS_;
    return wayLeftS > 0.0 ? -wayLeftS : keyTimeAt(*current, time_);
}

anatomy::Pose LessonPlayer::stepPose(double stepTimeS) const
{
    return sampleKeys(settling_, step()->keys, keyTimeAt(*step(), stepTimeS));
}

anatomy::Pose LessonPlayer::pose() const
{
    if (!step() || step()->keys.empty()) return blendFrom_;
    if (sinceStepChangeS_ >= blendDurationS()) return stepPose(time_);
    if (!route_.empty()) return routePose();
    const double t = anim::ease(anim::Easing::InOut, sinceStepChangeS_ / kStepBlendS);
    return anim::liftAboveFloor(anim::blendPoses(blendFrom_, stepPose(time_), t));
}

double LessonPlayer::blendDurationS() const
{
    if (cut_) return 0.0;
    return route_.empty() ? kStepBlendS : routeDurationS(route_.size());
}

double LessonPlayer::routeElapsedS() const
{
    return std::min(sinceStepChangeS_, routeDurationS(route_.size()));
}

// Along the route: from the pose the body was in to the route's first pose, then from each of
// its poses to the next with the contacts they share kept still (a hand, a knee), and on to the
// step's first key, which the step's time waits at meanwhile.
anatomy::Pose LessonPlayer::routePose() const
{
    const std::size_t leg = std::min(std::size_t(sinceStepChangeS_ / kRouteLegS), route_.size());
    const double t = anim::ease(anim::Easing::InOut, std::clamp(sinceStepChangeS_ / kRouteLegS - double(leg), 0.0, 1.0));
    if (leg > 0) return betweenKeys(settling_, route_[leg - 1], leg < route_.size() ? route_[leg] : step()->keys.front(), t);
    return anim::liftAboveFloor(anim::blendPoses(blendFrom_, route_.front().pose, t));
}

scene::MuscleDrive LessonPlayer::muscleDrive() const
{
    scene::MuscleDrive drive;
    const content::LessonStep* current = step();
    if (!current) return drive;
    drive.mode = current->muscles.mode;
    drive.heads = current->muscles.heads;
    drive.sides = current->muscles.sides;
    if (drive.mode == content::MuscleMode::Contraction) drive.excitation = current->muscles.excitation.sample(clock().repetitionTimeS);
    if (drive.mode == content::MuscleMode::Cramp && current->muscles.cramp) {
        drive.cramp = current->muscles.cramp;
        drive.crampElapsedS = time_ - current->muscles.cramp->onsetS;
    }
    return drive;
}

} // namespace lessons
