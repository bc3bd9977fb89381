#include "anatomy/musculoskeletal.h"

#include "core/enum_names.h"
#include "core/math.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace anatomy {
namespace {

constexpr std::array<Muscle, kMuscleCount> kAllMuscles{Muscle::Semimembranosus, Muscle::Semitendinosus,
                                                       Muscle::BicepsFemorisLong, Muscle::BicepsFemorisShort,
                                                       Muscle::Gracilis, Muscle::Sartorius};
// Tremor ripple on the mesh: a few per cent of the cross-section at full cramp, drifting slowly
// along the belly so the fasciculation reads as movement under the skin.
constexpr double kRippleAtFullCramp = 0.035;
constexpr double kRippleTravelHz = 0.8;

// What the stretch feels like, in the words the overlay and the lesson checks use.
constexpr auto kStretchIntensityNames = core::enumNames<StretchIntensity>({
    {StretchIntensity::None, "no stretch"}, {StretchIntensity::LightPull, "light pull"},
    {StretchIntensity::TooFar, "too far"},
});

} // namespace

int hamstringIndex(Muscle hamstring)
{
    const int index = int(hamstring);
    assert(index >= 0 && index < kHamstringCount && kHamstrings[std::size_t(index)] == hamstring);
    return index;
}

std::string_view stretchIntensityName(StretchIntensity intensity)
{
    return kStretchIntensityNames.name(intensity);
}

StretchIntensity classifyStretch(double normPassiveForce)
{
    if (normPassiveForce >= kTooFarPassiveForce) return StretchIntensity::TooFar;
    if (normPassiveForce >= kLightPullPassiveForce) return StretchIntensity::LightPull;
    return StretchIntensity::None;
}

Musculoskeletal::Musculoskeletal(const Pose& pose)
{
    // Rest values: standing upright, relaxed.
    const Pose standing = Pose::neutral();
    for (Side side : {Side::Right, Side::Left}) {
        SideState& s = sides_[std::size_t(side)];
        for (int i = 0; i < kHamstringCount; ++i) {
            const Muscle muscle = kHamstrings[std::size_t(i)];
            const MuscleKinematics rest = muscleKinematics(standing, muscle, side);
            s.units[std::size_t(i)] = MuscleTendonUnit(muscleDef(muscle).parameters);
            s.units[std::size_t(i)].setStatic(rest.lengthM, 0.0);
            s.heads[std::size_t(i)].restLengthM = rest.lengthM;
            s.heads[std::size_t(i)].restTendonLengthM = s.units[std::size_t(i)].state().tendonLengthM;
        }
    }
    // Give every frame room for the longest path (all points plus a wrap's arc), so building
    // frames later never allocates.
    std::array<glm::dvec3, kMaxPathPoints> longest{};
    for (int i = 0; i < kMaxPathPoints; ++i) longest[std::size_t(i)] = glm::dvec3(0.0, -0.01 * i, 0.0);
    for (auto& sideFrames : frames_)
        for (PathFrame& frame : sideFrames) frame.rebuild(longest.data(), longest.size(), glm::dvec3(-1.0, 0.0, 0.0));
    reset(pose);
}

void Musculoskeletal::reset(const Pose& pose)
{
    setPose(pose);
    timeS_ = 0.0;
    stepCount_ = 0;
    for (SideState& s : sides_) {
        for (int m = 0; m < kMuscleCount; ++m) {
            s.lengthAtLastStep[std::size_t(m)] = s.kinematics[std::size_t(m)].lengthM;
            s.kinematics[std::size_t(m)].lengtheningVelocityMPerS = 0.0;
        }
        for (int i = 0; i < kHamstringCount; ++i) {
            s.cramps[std::size_t(i)].stop();
            s.provokedLastStep[std::size_t(i)] = false;
            s.units[std::size_t(i)].setStatic(s.kinematics[std::size_t(i)].lengthM, 0.0);
            s.heads[std::size_t(i)].voluntaryExcitation = 0.0;
            s.heads[std::size_t(i)].crampExcitation = 0.0;
            updateHeadOutputs(s, i);
        }
    }
}

void Musculoskeletal::setPose(const Pose& pose)
{
    // A held pose (a stretch, a cramp in bed) keeps its paths, frames and moment arms.
    if (posed_ && pose.values == pose_.values) return;
    posed_ = true;
    pose_ = pose;
    const glm::dmat4 pelvis = pelvisTransform(pose);
    for (Side side : {Side::Right, Side::Left}) {
        SideState& s = sides_[std::size_t(side)];
        evaluateMusclePaths(pose, side, kAllMuscles, s.paths);
        for (int m = 0; m < kMuscleCount; ++m) s.kinematics[std::size_t(m)].lengthM = s.paths[std::size_t(m)].lengthM;
        s.referenceNormal = muscleReferenceNormal(legTransforms(pelvis, pose, side).femur);
        for (int i = 0; i < kHamstringCount; ++i) {
            HeadState& head = s.heads[std::size_t(i)];
            head.kinematics.lengthM = s.kinematics[std::size_t(i)].lengthM;
            head.lengthPercentOfRest = 100.0 * head.kinematics.lengthM / head.restLengthM;
        }
        framesCurrent_[std::size_t(side)].fill(false);
    }
    momentArmsCurrent_ = false;
}

void Musculoskeletal::ensureMomentArms() const
{
    if (momentArmsCurrent_) return;
    for (Side side : {Side::Right, Side::Left}) {
        SideState& s = sides_[std::size_t(side)];
        std::array<MuscleKinematics, kMuscleCount> fresh;
        evaluateMuscles(pose_, side, kAllMuscles, fresh);
        for (int m = 0; m < kMuscleCount; ++m) {
            s.kinematics[std::size_t(m)].hipFlexionMomentArmM = fresh[std::size_t(m)].hipFlexionMomentArmM;
            s.kinematics[std::size_t(m)].kneeFlexionMomentArmM = fresh[std::size_t(m)].kneeFlexionMomentArmM;
        }
        for (int i = 0; i < kHamstringCount; ++i) s.heads[std::size_t(i)].kinematics = s.kinematics[std::size_t(i)];
    }
    momentArmsCurrent_ = true;
}

void Musculoskeletal::step(double dtS, const MusculoskeletalInputs& inputs)
{
    assert(dtS > 0.0);
    timeS_ += dtS;
    ++stepCount_;
    for (std::size_t side = 0; side < kSideCount; ++side) {
        SideState& s = sides_[side];
        for (std::size_t m = 0; m < kMuscleCount; ++m) {
            MuscleKinematics& k = s.kinematics[m];
            k.lengtheningVelocityMPerS = (k.lengthM - s.lengthAtLastStep[m]) / dtS;
            s.lengthAtLastStep[m] = k.lengthM;
        }
        for (std::size_t i = 0; i < kHamstringCount; ++i) {
            const HeadInputs& in = inputs.heads[side][i];
            Cramp& cramp = s.cramps[i];
            // A cramp already under way carries on (a lesson step that names it again does not
            // set it back to its onset).
            if (in.provokeCramp && !s.provokedLastStep[i] && !cramp.active()) cramp.start(in.crampDurationS, in.crampSeed);
            s.provokedLastStep[i] = in.provokeCramp;
            // The tension the last step ended with is what the tendon organs report now.
            cramp.update(dtS, timeS_, s.heads[i].stretchTension);
            HeadState& head = s.heads[i];
            head.voluntaryExcitation = std::clamp(in.excitation, 0.0, 1.0);
            head.crampExcitation = cramp.excitation();
            s.units[i].step(dtS, std::min(head.voluntaryExcitation + head.crampExcitation, 1.0), s.kinematics[i].lengthM);
            updateHeadOutputs(s, int(i));
        }
    }
}

void Musculoskeletal::updateHeadOutputs(SideState& s, int index)
{
    const MuscleTendonUnit& unit = s.units[std::size_t(index)];
    HeadState& head = s.heads[std::size_t(index)];
    const MuscleTendonState& mtu = unit.state();
    const double fmax = unit.parameters().maxIsometricForceN;
    head.mtu = mtu;
    head.kinematics.lengthM = s.kinematics[std::size_t(index)].lengthM;
    head.kinematics.lengtheningVelocityMPerS = s.kinematics[std::size_t(index)].lengtheningVelocityMPerS;
    head.lengthPercentOfRest = 100.0 * head.kinematics.lengthM / head.restLengthM;
    head.normPassiveForce = mtu.passiveFiberForceN / fmax;
    // The tension a stretch puts on the tendon: the passive fibre force it carries. Not the whole
    // tendon force: the cramp's own contraction loads the tendon too, and by definition it has
    // overcome that (tendon-afferent inhibition is weaker in people who cramp, S19). Nor the
    // eccentric excess: tremor dips in activation let the fibre yield for a moment, and reading
    // that as stretch would feed the inhibition back on itself.
    head.stretchTension = head.normPassiveForce * std::cos(mtu.pennationRad);
    head.stretch = classifyStretch(head.normPassiveForce);
    head.cramp = s.cramps[std::size_t(index)].status();
}

const HeadState& Musculoskeletal::head(Muscle hamstring, Side side) const
{
    ensureMomentArms();
    return sides_[std::size_t(side)].heads[std::size_t(hamstringIndex(hamstring))];
}

const MuscleKinematics& Musculoskeletal::kinematics(Muscle muscle, Side side) const
{
    ensureMomentArms();
    return sides_[std::size_t(side)].kinematics[std::size_t(muscle)];
}

const MusclePath& Musculoskeletal::path(Muscle muscle, Side side) const
{
    return sides_[std::size_t(side)].paths[std::size_t(muscle)];
}

const PathFrame& Musculoskeletal::pathFrame(Muscle muscle, Side side) const
{
    PathFrame& frame = frames_[std::size_t(side)][std::size_t(muscle)];
    bool& current = framesCurrent_[std::size_t(side)][std::size_t(muscle)];
    if (!current) {
        const MusclePath& p = path(muscle, side);
        frame.rebuild(p.points.data(), std::size_t(p.count), sides_[std::size_t(side)].referenceNormal);
        current = true;
    }
    return frame;
}

StretchIntensity Musculoskeletal::stretchIntensity(Side side) const
{
    StretchIntensity strongest = StretchIntensity::None;
    for (const HeadState& head : sides_[std::size_t(side)].heads) strongest = std::max(strongest, head.stretch);
    return strongest;
}

bool Musculoskeletal::cramping(Side side) const
{
    const SideState& s = sides_[std::size_t(side)];
    return std::any_of(s.cramps.begin(), s.cramps.end(), [](const Cramp& c) { return c.active(); });
}

double Musculoskeletal::crampKneeTorqueNm(Side side) const
{
    ensureMomentArms();
    double torque = 0.0;
    for (const HeadState& head : sides_[std::size_t(side)].heads) {
        const double total = head.voluntaryExcitation + head.crampExcitation;
        if (head.crampExcitation <= 0.0 || total <= 0.0) continue;
        const double share = std::min(head.crampExcitation / total, 1.0);
        torque += share * head.mtu.tendonForceN * head.kinematics.kneeFlexionMomentArmM;
    }
    return torque;
}

double Musculoskeletal::crampKneeFlexionTargetDeg(Side side) const
{
    const Coordinate knee = Pose::kneeFlexion(side);
    const double current = pose_[knee];
    const double pull = std::max(crampKneeTorqueNm(side), 0.0) / kCrampKneeHoldNmPerDeg;
    return std::clamp(current + pull, coordinateInfo(knee).minimum, coordinateInfo(knee).maximum);
}

MuscleShapeState Musculoskeletal::shapeState(Muscle hamstring, Side side) const
{
    // Read directly: the shape needs no moment arms, so asking for it does not compute them.
    const HeadState& head = sides_[std::size_t(side)].heads[std::size_t(hamstringIndex(hamstring))];
    MuscleShapeState shape;
    shape.tendonStretch = head.mtu.tendonLengthM / head.restTendonLengthM;
    shape.activation = head.mtu.activation;
    shape.knotAmplitude = head.cramp.knotAmplitude;
    shape.knotAlongBelly = head.cramp.knot.alongBelly;
    shape.knotAroundRad = head.cramp.knot.aroundRad;
    shape.rippleAmplitude = kRippleAtFullCramp * head.cramp.drive * head.cramp.tremor;
    shape.ripplePhaseRad = 2.0 * core::kPi * kRippleTravelHz * timeS_;
    return shape;
}

} // namespace anatomy
