// The hamstrings of both legs as one simulation: the pose moves the paths (with gracilis and
// sartorius alongside), a fixed-step update drives eight Thelen muscle-tendon units (four heads
// a side) from voluntary excitation and cramps, and the state it reports feeds the lessons,
// the overlay and the muscle meshes.
//
// Per frame: for each fixed step, setPose(pose at the step's time), then step(kStepS, inputs
// at that time). Sampling the timeline at step times, not frame times, is what makes the
// result the same at any frame rate.
#pragma once

#include "anatomy/cramp.h"
#include "anatomy/muscle_deformation.h"
#include "anatomy/muscle_path.h"
#include "anatomy/path_frame.h"
#include "anatomy/skeleton.h"
#include "anatomy/thelen_muscle.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace anatomy {

constexpr int kHamstringCount = 4;
constexpr int kSideCount = 2;
int hamstringIndex(Muscle hamstring); // 0..3 in kHamstrings order; asserts on the partners

enum class StretchIntensity { None, LightPull, TooFar };
std::string_view stretchIntensityName(StretchIntensity intensity); // "no stretch", "light pull", "too far"
// From the passive fibre force over maximum isometric force. Thelen's passive curve (S1, S2)
// leaves its flat start at about 20 % fibre strain, where the passive force passes 5 % of F0:
// a pull starts to be felt, the "tightness" ACSM stretches to (S21). Past half of F0 (about 50 %
// strain) the exponential steepens fast: that is beyond ACSM's "slight discomfort", toward the
// overstretching behind stretch-type strains, which mostly hit semimembranosus (S7). In a
// straight-leg raise of this model the labels change near 30 and 72 degrees of hip flexion.
constexpr double kLightPullPassiveForce = 0.05;
constexpr double kTooFarPassiveForce = 0.5;
StretchIntensity classifyStretch(double normPassiveForce);

// What drives one head at one step.
struct HeadInputs {
    double excitation = 0.0;        // voluntary, 0..1
    bool provokeCramp = false;      // a cramp starts on the step where this turns on
    double crampDurationS = 30.0;   // without relief; 1 s .. 600 s
    std::uint32_t crampSeed = 1;    // picks the tremor and the knot
};

// Inputs for one step, as the lesson timeline gives them at that step's time.
struct MusculoskeletalInputs {
    std::array<std::array<HeadInputs, kHamstringCount>, kSideCount> heads{}; // [side][hamstring]

    HeadInputs& head(Side side, Muscle hamstring) { return heads[std::size_t(side)][std::size_t(hamstringIndex(hamstring))]; }
    const HeadInputs& head(Side side, Muscle hamstring) const
    {
        return heads[std::size_t(side)][std::size_t(hamstringIndex(hamstring))];
    }
};

struct HeadState {
    MuscleTendonState mtu;          // lengths, activation, forces
    MuscleKinematics kinematics;    // length, lengthening velocity and moment arms at the current pose
    double restLengthM = 0.0;       // musculotendon length standing upright
    double lengthPercentOfRest = 100.0;
    double restTendonLengthM = 0.0; // tendon length standing upright, relaxed
    double voluntaryExcitation = 0.0;
    double crampExcitation = 0.0;
    double normPassiveForce = 0.0;  // passive fibre force over maximum isometric force
    double stretchTension = 0.0;    // passive tension on the tendon, over F0: what the tendon organs report of a stretch
    StretchIntensity stretch = StretchIntensity::None;
    CrampStatus cramp;
};

class Musculoskeletal {
public:
    static constexpr double kStepS = 1.0 / 240.0;
    // The knee's resistance to a cramp's pull when the pose layer lets the cramp bend it: the
    // leg's weight, the antagonists and a hand holding it. Chosen so a full cramp of all four
    // heads (roughly 100 N m) bends a free knee by tens of degrees, not straight to its limit.
    static constexpr double kCrampKneeHoldNmPerDeg = 1.5;

    explicit Musculoskeletal(const Pose& pose = Pose::neutral());

    // Relaxed static equilibrium at this pose; time back to zero, no cramps.
    void reset(const Pose& pose);
    // The pose at the current step's time: moves the paths and moment arms.
    void setPose(const Pose& pose);
    // Advances muscle states by dt (normally kStepS). Velocities come from the pose change
    // since the previous step.
    void step(double dtS, const MusculoskeletalInputs& inputs);

    double timeS() const { return timeS_; }
    std::int64_t stepCount() const { return stepCount_; }
    const Pose& pose() const { return pose_; }

    const HeadState& head(Muscle hamstring, Side side) const;
    // Any of the six muscles: kinematics and the drawn path (with wrap points).
    const MuscleKinematics& kinematics(Muscle muscle, Side side) const;
    const MusclePath& path(Muscle muscle, Side side) const;
    // The frame muscle meshes are rebuilt on; made from the current path the first time it is
    // asked for after a pose change (no allocation once warmed up).
    const PathFrame& pathFrame(Muscle muscle, Side side) const;

    // The strongest stretch on any head of that leg.
    StretchIntensity stretchIntensity(Side side) const;
    bool cramping(Side side) const;
    // Knee flexion torque from the cramping heads (their share of tendon force times moment arm).
    double crampKneeTorqueNm(Side side) const;
    // Where the pose layer can bend the knee to show the cramp's pull: current flexion plus the
    // torque against kCrampKneeHoldNmPerDeg, within the joint's range. Applied every frame, it
    // settles where the pull, weakening as the heads shorten, balances the hold.
    double crampKneeFlexionTargetDeg(Side side) const;

    // Shape inputs for MuscleDeformer::deform for one head.
    MuscleShapeState shapeState(Muscle hamstring, Side side) const;

private:
    struct SideState {
        std::array<MuscleTendonUnit, kHamstringCount> units;
        std::array<Cramp, kHamstringCount> cramps;
        std::array<HeadState, kHamstringCount> heads;
        std::array<bool, kHamstringCount> provokedLastStep{};
        std::array<MuscleKinematics, kMuscleCount> kinematics;
        std::array<double, kMuscleCount> lengthAtLastStep{};
        std::array<MusclePath, kMuscleCount> paths;
        glm::dvec3 referenceNormal{-1.0, 0.0, 0.0};
    };
    void updateHeadOutputs(SideState& side, int index);
    // Moment arms are a pure function of the pose and cost four path evaluations each, so they
    // are worked out when first asked for after a pose change, not at every step.
    void ensureMomentArms() const;

    Pose pose_;
    bool posed_ = false; // pose_ has been applied to the paths at least once
    double timeS_ = 0.0;
    std::int64_t stepCount_ = 0;
    mutable std::array<SideState, kSideCount> sides_; // mutable only for the moment-arm cache
    mutable bool momentArmsCurrent_ = false;
    mutable std::array<std::array<PathFrame, kMuscleCount>, kSideCount> frames_;
    mutable std::array<std::array<bool, kMuscleCount>, kSideCount> framesCurrent_{};
};

} // namespace anatomy
