// What the shipped lessons say about the muscles and the body, held to the simulation: each row
// of the tables below is one statement a step makes ("the long heads lengthen", "nothing
// pulls yet", "a light pull", "the knee a little bent", "the pelvis tips forward"), written out by
// hand with the step it belongs to, and checked at that step's key pose with the real
// simulation (anatomy::Musculoskeletal, anatomy::muscleKinematics, anatomy::computeSkeleton).
// Nothing here reads the lesson text: a reworded step keeps its row, a changed pose is caught.
// One check covers every step, not a row: on the way to its last key (playback sampled four
// times a second) no step pulls the hamstrings past "too far" unless one of its ends does.
//
// Measures, all against standing upright (anatomy::Pose::neutral()):
//   length     musculotendon length change in per cent (muscleKinematics(...).lengthM)
//   tension    the strongest passive fibre force of the named heads over their maximum
//              isometric force, with the simulation relaxed in the pose (normPassiveForce):
//              "no pull" below anatomy::kLightPullPassiveForce (0.05); "light pull" from there
//              to kLightPullCeiling (0.4), a fifth short of the model's "too far"
//              (anatomy::kTooFarPassiveForce, 0.5), so that the pose a student copies a few
//              degrees deeper still reads "light pull"; "too far" at or above 0.5
//   angles     the key's solved pose in degrees (pelvis tilt after the floor solver)
// Set HT_CLAIM_TABLE=1 to print every step's held pose: tension per leg, hip, knee, pelvis
// tilt and spine flexion, for writing new rows.
#include "anatomy/landmarks.h"
#include "anatomy/muscle_path.h"
#include "anatomy/musculoskeletal.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_player.h"
#include "content/structure_info.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <glm/glm.hpp>
#include <string>
#include <vector>

using namespace content;
using namespace lessons;
using anatomy::Coordinate;
using anatomy::Muscle;
using LegSide = anatomy::Side;

namespace {

// "Light pull" stays a fifth short of "too far".
constexpr double kLightPullCeiling = 0.8 * anatomy::kTooFarPassiveForce;

struct Head {
    Muscle muscle;
    LegSide side;
};
using Heads = std::vector<Head>;

const Heads kLongHeadsR{{Muscle::Semimembranosus, LegSide::Right}, {Muscle::Semitendinosus, LegSide::Right},
                        {Muscle::BicepsFemorisLong, LegSide::Right}};
const Heads kLongHeadsL{{Muscle::Semimembranosus, LegSide::Left}, {Muscle::Semitendinosus, LegSide::Left},
                        {Muscle::BicepsFemorisLong, LegSide::Left}};
const Heads kShortHeadR{{Muscle::BicepsFemorisShort, LegSide::Right}};

Heads both(const Heads& right)
{
    Heads heads = right;
    for (const Head& h : right) heads.push_back({h.muscle, LegSide::Left});
    return heads;
}

Heads allFour(LegSide side)
{
    Heads heads;
    for (Muscle m : anatomy::kHamstrings) heads.push_back({m, side});
    return heads;
}

enum class KeyAt { First, Last };

// Which step a row belongs to: its number as the lesson panel shows it (1 for the first) and a
// few words of its title, so a step moved or renamed fails loudly instead of checking another.
struct StepRef {
    const char* lesson;
    int number;
    const char* titleWords;
};

const LessonLibrary& shipped()
{
    static const LessonLibrary library = [] {
        auto catalogue = loadStructureInfo(std::string(HT_SOURCE_DIR) + "/assets/structures.toml");
        std::vector<std::string> names;
        if (catalogue)
            for (const auto& [key, info] : catalogue->entries) names.push_back(key.substr(key.find('.') + 1));
        return LessonLibrary::load(std::string(HT_SOURCE_DIR) + "/scenes/lessons", std::string(HT_SOURCE_DIR) + "/scenes/poses.toml",
                                   std::string(HT_SOURCE_DIR) + "/assets/sources.toml", names);
    }();
    return library;
}

const LessonStep& stepOf(const StepRef& ref)
{
    const Lesson* lesson = shipped().find(ref.lesson);
    INFO("lesson " << ref.lesson);
    REQUIRE(lesson);
    REQUIRE(ref.number >= 1);
    REQUIRE(std::size_t(ref.number) <= lesson->steps.size());
    const LessonStep& step = lesson->steps[std::size_t(ref.number - 1)];
    INFO("step " << ref.number << " is titled '" << step.title << "'");
    REQUIRE(step.title.find(ref.titleWords) != std::string::npos);
    return step;
}

const anatomy::Pose& keyPose(const LessonStep& step, KeyAt at)
{
    return at == KeyAt::First ? step.keys.front().pose : step.keys.back().pose;
}

double lengthChangePercent(const anatomy::Pose& pose, const Head& head)
{
    const double standing = anatomy::muscleKinematics(anatomy::Pose::neutral(), head.muscle, head.side).lengthM;
    return (anatomy::muscleKinematics(pose, head.muscle, head.side).lengthM / standing - 1.0) * 100.0;
}

double strongestTension(const anatomy::Pose& pose, const Heads& heads)
{
    const anatomy::Musculoskeletal simulation(pose);
    double strongest = 0.0;
    for (const Head& h : heads) strongest = std::max(strongest, simulation.head(h.muscle, h.side).normPassiveForce);
    return strongest;
}

std::string headName(const Head& head)
{
    return std::string(anatomy::muscleDef(head.muscle).name) + (head.side == LegSide::Right ? ".r" : ".l");
}

double spineFlexionDeg(const anatomy::Pose& pose)
{
    return pose[Coordinate::LumbarFlexion] + pose[Coordinate::ThoracicFlexion];
}

bool tablePrinted()
{
    const char* flag = std::getenv("HT_CLAIM_TABLE");
    return flag && *flag && std::string(flag) != "0";
}

// ---------------------------------------------------------------------------------------------
// The statements. Each row names its step, the key it is about, the heads or angle it concerns,
// what the step says, and the range the model must be in for that to be true.

// "... longer / shorter than standing": every head's length change in [minPercent, maxPercent].
struct LengthClaim {
    StepRef step;
    KeyAt key;
    Heads heads;
    double minPercent, maxPercent;
    const char* says;
};

const LengthClaim kLengthClaims[] = {
    {{"anatomy_hamstring_actions", 4, "Bending the hip"}, KeyAt::Last, kLongHeadsR, 13.5, 16.5,
     "the three heads from the pelvis lengthen: in this model, by 14 to 16 per cent at 60 degrees"},
    {{"anatomy_hamstring_actions", 4, "Bending the hip"}, KeyAt::First, kShortHeadR, -0.1, 0.1,
     "the short head: with the knee unchanged its length does not change at all (lying flat)"},
    {{"anatomy_hamstring_actions", 4, "Bending the hip"}, KeyAt::Last, kShortHeadR, -0.1, 0.1,
     "the short head: with the knee unchanged its length does not change at all (leg raised)"},
    {{"anatomy_hamstring_actions", 5, "Straightening the knee"}, KeyAt::First, kLongHeadsR, 0.5, 6.0,
     "knee bent: the long heads a little longer than standing, in this model by 1 to 6 per cent"},
    {{"anatomy_hamstring_actions", 5, "Straightening the knee"}, KeyAt::First, kShortHeadR, -22.0, -18.0,
     "knee bent: the short head is about a fifth shorter"},
    {{"relief_standing_curb_stretch", 2, "Heel on the curb"}, KeyAt::Last, kLongHeadsR, 5.0, 30.0,
     "heel on the curb, knee straight: this alone lengthens the three heads that cross the hip"},
    {{"relief_partner_stretch", 2, "partner raises the straight leg"}, KeyAt::Last, kLongHeadsR, 5.0, 30.0,
     "lifting at the hip with the knee straight lengthens the three heads that cross the hip"},
    {{"strength_prone_knee_curl", 2, "Curl the heel up"}, KeyAt::Last, allFour(LegSide::Right), -30.0, -2.0,
     "the hamstrings shorten as they lift the heel"},
    {{"strength_bridge", 3, "Lift the hips"}, KeyAt::Last, kLongHeadsR, -30.0, -2.0,
     "semitendinosus, semimembranosus and the long head shorten as they straighten the hips"},
};

// "... lengthens as the step goes": every head longer at the last key than at the first.
struct LengthensClaim {
    StepRef step;
    Heads heads;
    double minPercent;  // last minus first, in per cent of standing length
    const char* says;
};

const LengthensClaim kLengthensClaims[] = {
    {{"anatomy_hamstring_actions", 5, "Straightening the knee"}, allFour(LegSide::Right), 2.0,
     "straightening the knee: every head lengthens, the short head included"},
    {{"rehab_eccentric_knee_extension", 3, "Straighten the knee slowly"}, allFour(LegSide::Right), 2.0,
     "they lengthen while they work: an eccentric contraction"},
};

// "... no pull", "a light pull", "too far": the strongest passive force of the heads.
enum class Pull { None, Light, TooFar };

struct PullClaim {
    StepRef step;
    KeyAt key;
    Heads heads;
    Pull pull;
    const char* says;
};

const PullClaim kPullClaims[] = {
    {{"anatomy_hamstring_actions", 5, "Straightening the knee"}, KeyAt::First, allFour(LegSide::Right), Pull::None,
     "knee bent: nothing pulls on them yet"},
    {{"anatomy_hamstring_actions", 5, "Straightening the knee"}, KeyAt::Last, kLongHeadsR, Pull::Light,
     "knee nearly straight: all four longer, and a light pull"},
    {{"cramp_what_is_a_cramp", 4, "Release"}, KeyAt::Last, kLongHeadsR, Pull::Light, "gentle: stop at a light pull"},
    {{"cramp_at_night", 2, "Hold the thigh"}, KeyAt::Last, kLongHeadsR, Pull::Light, "go only as far as a light pull"},
    {{"relief_stop_first", 3, "Stretch gently"}, KeyAt::Last, both(kLongHeadsR), Pull::Light, "to a light pull, never to pain"},
    {{"relief_seated_floor_stretch", 2, "flex the foot"}, KeyAt::Last, both(kLongHeadsR), Pull::Light,
     "adds a little pull along the back of the leg"},
    {{"relief_seated_floor_stretch", 3, "Lean forward"}, KeyAt::Last, both(kLongHeadsR), Pull::Light,
     "reach toward the feet until you feel a light pull"},
    {{"relief_standing_curb_stretch", 3, "hinge forward"}, KeyAt::Last, kLongHeadsR, Pull::Light, "a slight stretch"},
    {{"relief_standing_forward_bend", 2, "light pull"}, KeyAt::Last, both(kLongHeadsR), Pull::Light,
     "bend at the hips to a light pull"},
    {{"relief_standing_forward_bend", 3, "Hold 30 seconds"}, KeyAt::Last, both(kLongHeadsR), Pull::Light,
     "hold the bend (at the light pull)"},
    {{"relief_partner_stretch", 2, "partner raises"}, KeyAt::Last, kLongHeadsR, Pull::Light, "until you feel a light pull"},
    {{"relief_partner_stretch", 3, "Hold as long"}, KeyAt::Last, kLongHeadsR, Pull::Light,
     "easing a little higher only when the pull fades"},
    {{"relief_massage_and_foam_roller", 2, "light stretch"}, KeyAt::Last, kLongHeadsR, Pull::Light,
     "straighten the knee, to a light pull"},
    {{"prevention_cool_down_stretch", 2, "Raise the leg"}, KeyAt::Last, kLongHeadsR, Pull::Light,
     "tightness or slight discomfort, no more"},
    {{"prevention_cool_down_stretch", 3, "Hold 10 to 30"}, KeyAt::Last, kLongHeadsR, Pull::Light,
     "hold each stretch (at tightness or slight discomfort)"},
    {{"prevention_cool_down_stretch", 4, "Other leg"}, KeyAt::Last, kLongHeadsL, Pull::Light, "do the left leg the same way"},
    {{"prevention_downward_dog", 3, "Hold"}, KeyAt::Last, both(kLongHeadsR), Pull::Light, "light pull at the back of the thighs"},
    {{"prevention_extended_triangle", 3, "Hold and breathe"}, KeyAt::Last, kLongHeadsR, Pull::Light,
     "keep the pull at the back of the front thigh light"},
    {{"prevention_staff_pose", 2, "Sit tall"}, KeyAt::Last, both(kLongHeadsR), Pull::TooFar,
     "for hamstrings as tight as the model's that is past a light pull: the panel reads 'too far'"},
    {{"prevention_staff_pose", 3, "Soften the knees"}, KeyAt::Last, both(kLongHeadsR), Pull::Light,
     "bend the knees ... to bring the stretch back to a light pull"},
    {{"prevention_bedtime_stretch", 2, "Seated stretch"}, KeyAt::Last, both(kLongHeadsR), Pull::Light,
     "lean gently from the hips ... to a light pull"},
    {{"prevention_bedtime_stretch", 3, "Lying stretch"}, KeyAt::Last, kLongHeadsR, Pull::Light,
     "straightening the knee to a light pull"},
    {{"evidence_why_stretching_works", 3, "Stretch gently"}, KeyAt::Last, kLongHeadsR, Pull::Light,
     "gentle means a light pull, never pain"},
};

// Angles the text states: a key's angle in [min, max] degrees.
struct AngleClaim {
    StepRef step;
    KeyAt key;
    Coordinate coordinate;
    double minDeg, maxDeg;
    const char* says;
};

const AngleClaim kAngleClaims[] = {
    {{"cramp_at_night", 1, "Woken by a cramp"}, KeyAt::First, Coordinate::KneeFlexionR, 60.0, 120.0,
     "lying in bed with the hip and knee bent and the foot on the mattress"},
    {{"cramp_at_night", 1, "Woken by a cramp"}, KeyAt::First, Coordinate::HipFlexionR, 30.0, 90.0,
     "lying in bed with the hip and knee bent"},
    {{"rehab_eccentric_knee_extension", 1, "Hip at neutral"}, KeyAt::Last, Coordinate::HipFlexionR, -10.0, 10.0,
     "lying face down keeps the hip straight (at neutral)"},
    {{"rehab_eccentric_knee_extension", 2, "Bend the knee"}, KeyAt::Last, Coordinate::KneeFlexionR, 80.0, 100.0,
     "bend the knee to about a right angle"},
    {{"relief_massage_and_foam_roller", 1, "Knead the muscle"}, KeyAt::Last, Coordinate::KneeFlexionR, 0.0, 15.0,
     "the cramped leg out in front, nearly straight; do not bend the knee up"},
    {{"relief_massage_and_foam_roller", 2, "light stretch"}, KeyAt::Last, Coordinate::KneeFlexionR, 0.0, 3.0,
     "slide the heel forward until the knee is straight"},
    {{"relief_standing_curb_stretch", 2, "Heel on the curb"}, KeyAt::Last, Coordinate::KneeFlexionR, 0.0, 3.0,
     "keep that knee straight"},
    {{"relief_standing_forward_bend", 2, "light pull"}, KeyAt::Last, Coordinate::KneeFlexionR, 3.0, 15.0,
     "knees soft"},
    {{"prevention_staff_pose", 3, "Soften the knees"}, KeyAt::Last, Coordinate::PelvisAnteriorTilt, -12.0, 10.0,
     "while the back stays tall (the pelvis upright over the sitting bones)"},
};

// "Tip the pelvis forward ... with a long back, not by rounding it": from the step's first key
// to its last, the pelvis tips forward at least minTiltDeg and the lumbar and thoracic flexion
// together drop by at least minStraightenDeg.
struct HingeClaim {
    StepRef step;
    double minTiltDeg, minStraightenDeg;
    const char* says;
};

const HingeClaim kHingeClaims[] = {
    {{"relief_seated_floor_stretch", 3, "Lean forward"}, 6.0, 5.0,
     "tip the pelvis forward so you sit up over the sitting bones with a long back"},
    {{"prevention_bedtime_stretch", 2, "Seated stretch"}, 6.0, 5.0,
     "tip the pelvis forward to sit up tall and lean gently from the hips, not by rounding the back"},
};

// A knee bent against gravity lying face down is bent by the hamstrings: the step drives heads
// that flex that knee, with at least kWorkingExcitation halfway through the move.
constexpr double kWorkingExcitation = 0.1;
struct KneeLiftClaim {
    StepRef step;
    LegSide side;
    const char* says;
};

const KneeLiftClaim kKneeLiftClaims[] = {
    {{"rehab_eccentric_knee_extension", 2, "Bend the knee"}, LegSide::Right, "bend the knee to about a right angle"},
    {{"rehab_eccentric_knee_extension", 4, "Remove the load"}, LegSide::Right,
     "bending back up: the hamstrings lift the leg alone"},
    {{"strength_prone_knee_curl", 2, "Curl the heel up"}, LegSide::Right, "the hamstrings shorten as they lift"},
};

// Every step's held pose, for writing rows: tension per leg, hip, knee, pelvis tilt and spine.
void printTable()
{
    for (const LessonEntry& entry : shipped().entries()) {
        if (!entry.lesson) continue;
        const Lesson& lesson = *entry.lesson;
        for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
            const LessonStep& step = lesson.steps[i];
            const anatomy::Pose& held = step.keys.back().pose;
            std::printf("%-32s %2zu %-11s tension r %.3f l %.3f | hip %5.1f %5.1f knee %5.1f %5.1f | pelvis %6.1f spine %5.1f | %s\n",
                        lesson.id.c_str(), i + 1, std::string(muscleModeKey(step.muscles.mode)).c_str(),
                        strongestTension(held, allFour(LegSide::Right)), strongestTension(held, allFour(LegSide::Left)),
                        held[Coordinate::HipFlexionR], held[Coordinate::HipFlexionL], held[Coordinate::KneeFlexionR],
                        held[Coordinate::KneeFlexionL], held[Coordinate::PelvisAnteriorTilt], spineFlexionDeg(held), step.title.c_str());
        }
    }
}

} // namespace

TEST_CASE("what the lessons say about lengths is what the model does")
{
    for (const LengthClaim& claim : kLengthClaims) {
        INFO(claim.step.lesson << " step " << claim.step.number << ": \"" << claim.says << "\"");
        const anatomy::Pose& pose = keyPose(stepOf(claim.step), claim.key);
        for (const Head& head : claim.heads) {
            const double change = lengthChangePercent(pose, head);
            INFO(headName(head) << " is " << change << " % from its standing length");
            CHECK(change >= claim.minPercent);
            CHECK(change <= claim.maxPercent);
        }
    }
    for (const LengthensClaim& claim : kLengthensClaims) {
        INFO(claim.step.lesson << " step " << claim.step.number << ": \"" << claim.says << "\"");
        const LessonStep& step = stepOf(claim.step);
        for (const Head& head : claim.heads) {
            const double gain = lengthChangePercent(keyPose(step, KeyAt::Last), head) - lengthChangePercent(keyPose(step, KeyAt::First), head);
            INFO(headName(head) << " gains " << gain << " % of its standing length");
            CHECK(gain >= claim.minPercent);
        }
    }
}

TEST_CASE("'no pull', 'a light pull' and 'too far' in the lessons are what the model feels")
{
    if (tablePrinted()) printTable();
    for (const PullClaim& claim : kPullClaims) {
        INFO(claim.step.lesson << " step " << claim.step.number << ": \"" << claim.says << "\"");
        const double strongest = strongestTension(keyPose(stepOf(claim.step), claim.key), claim.heads);
        INFO("strongest passive force " << strongest << " of maximum isometric force");
        switch (claim.pull) {
        case Pull::None: CHECK(strongest < anatomy::kLightPullPassiveForce); break;
        case Pull::Light:
            CHECK(strongest >= anatomy::kLightPullPassiveForce);
            CHECK(strongest <= kLightPullCeiling);
            break;
        case Pull::TooFar: CHECK(strongest >= anatomy::kTooFarPassiveForce); break;
        }
    }
}

TEST_CASE("the angles the lessons describe are the angles of their poses")
{
    for (const AngleClaim& claim : kAngleClaims) {
        INFO(claim.step.lesson << " step " << claim.step.number << ": \"" << claim.says << "\"");
        const double angle = keyPose(stepOf(claim.step), claim.key)[claim.coordinate];
        INFO("the angle is " << angle << " degrees");
        CHECK(angle >= claim.minDeg);
        CHECK(angle <= claim.maxDeg);
    }
    for (const HingeClaim& claim : kHingeClaims) {
        INFO(claim.step.lesson << " step " << claim.step.number << ": \"" << claim.says << "\"");
        const LessonStep& step = stepOf(claim.step);
        const anatomy::Pose& from = keyPose(step, KeyAt::First);
        const anatomy::Pose& to = keyPose(step, KeyAt::Last);
        const double tilt = to[Coordinate::PelvisAnteriorTilt] - from[Coordinate::PelvisAnteriorTilt];
        const double straighten = spineFlexionDeg(from) - spineFlexionDeg(to);
        INFO("the pelvis tips forward " << tilt << " degrees; the back straightens " << straighten << " degrees");
        CHECK(tilt >= claim.minTiltDeg);
        CHECK(straighten >= claim.minStraightenDeg);
    }
}

TEST_CASE("a knee bent against gravity lying face down is bent by the hamstrings")
{
    for (const KneeLiftClaim& claim : kKneeLiftClaims) {
        INFO(claim.step.lesson << " step " << claim.step.number << ": \"" << claim.says << "\"");
        const LessonStep& step = stepOf(claim.step);
        const anatomy::Pose& from = keyPose(step, KeyAt::First);
        const anatomy::Pose& to = keyPose(step, KeyAt::Last);
        const Coordinate knee = anatomy::Pose::kneeFlexion(claim.side);
        REQUIRE(to[knee] > from[knee] + 45.0);                       // the knee bends in this step
        REQUIRE(to[Coordinate::PelvisAnteriorTilt] > 60.0);          // lying face down
        CHECK(step.muscles.mode == MuscleMode::Contraction);
        CHECK(std::find(step.muscles.sides.begin(), step.muscles.sides.end(), claim.side) != step.muscles.sides.end());
        bool flexorDriven = false;
        const std::vector<Muscle> heads = step.muscles.heads.empty()
                                              ? std::vector<Muscle>(anatomy::kHamstrings.begin(), anatomy::kHamstrings.end())
                                              : step.muscles.heads;
        for (Muscle m : heads) flexorDriven = flexorDriven || anatomy::muscleKinematics(to, m, claim.side).kneeFlexionMomentArmM > 0.01;
        CHECK(flexorDriven);
        CHECK(step.muscles.excitation.sample(0.5 * step.motionS()) >= kWorkingExcitation);
    }
}

TEST_CASE("the bridge drives only the heads that can straighten the hip")
{
    // "Semitendinosus, semimembranosus, the long head ... straighten the hips; the short head of
    // biceps femoris does not reach the pelvis, so it does not help."
    const LessonStep& step = stepOf({"strength_bridge", 3, "Lift the hips"});
    REQUIRE(step.muscles.mode == MuscleMode::Contraction);
    REQUIRE_FALSE(step.muscles.heads.empty());
    const anatomy::Pose& top = keyPose(step, KeyAt::Last);
    for (Muscle m : step.muscles.heads)
        for (LegSide side : step.muscles.sides) {
            INFO(headName({m, side}) << " hip moment arm " << anatomy::muscleKinematics(top, m, side).hipFlexionMomentArmM * 1000.0 << " mm");
            CHECK(anatomy::muscleKinematics(top, m, side).hipFlexionMomentArmM < -0.01);  // a hip extensor
        }
    CHECK(std::find(step.muscles.heads.begin(), step.muscles.heads.end(), Muscle::BicepsFemorisShort) == step.muscles.heads.end());
}

TEST_CASE("face down, the ankle weight barely loads the bent knee and loads it most near straight")
{
    // The weight's pull on the knee is its weight times its horizontal distance from the knee: the
    // strap sits round the ankle, so its centre is the ankle joint (the talus), knee to ankle.
    const auto lever = [](const anatomy::Pose& pose) {
        const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(pose);
        const glm::dvec3 knee = skeleton.origin(anatomy::Segment::TibiaR);
        const glm::dvec3 ankle = skeleton.origin(anatomy::Segment::TalusR);
        return std::hypot(ankle.x - knee.x, ankle.z - knee.z);
    };
    // "With the knee at a right angle the shin points straight up, so the weight sits right above
    // the knee and hardly pulls on it."
    const LessonStep& fitted = stepOf({"rehab_eccentric_knee_extension", 2, "Bend the knee"});
    const double bentM = lever(keyPose(fitted, KeyAt::Last));
    // "The load is smallest at the start and greatest near the end, when the knee is almost straight."
    const LessonStep& lowering = stepOf({"rehab_eccentric_knee_extension", 3, "Straighten the knee slowly"});
    const double startM = lever(keyPose(lowering, KeyAt::First));
    const double endM = lever(keyPose(lowering, KeyAt::Last));
    MESSAGE("ankle weight lever: " << bentM * 100.0 << " cm with the knee bent, " << endM * 100.0 << " cm with it straight");
    CHECK(bentM < 0.05);
    CHECK(startM < 0.05);
    CHECK(endM > 0.3);
    // And the excitation follows the load: it rises through the lowering.
    CHECK(lowering.muscles.excitation.sample(0.9 * lowering.motionS()) > lowering.muscles.excitation.sample(0.0) + 0.2);
}

TEST_CASE("the pes anserinus partners bend the knee in the model once it is a little bent")
{
    // anatomy_neighbours step 4: "In the model, both partners pass behind the knee's axis once the
    // knee is a little bent, so they also help bend it."
    stepOf({"anatomy_neighbours", 4, "pes anserinus"});
    for (Muscle partner : {Muscle::Gracilis, Muscle::Sartorius})
        for (double kneeDeg = 10.0; kneeDeg <= 90.0; kneeDeg += 10.0) {
            anatomy::Pose pose = anatomy::Pose::neutral();
            pose[Coordinate::KneeFlexionR] = kneeDeg;
            INFO(anatomy::muscleDef(partner).name << " at " << kneeDeg << " degrees of knee flexion");
            CHECK(anatomy::muscleKinematics(pose, partner, LegSide::Right).kneeFlexionMomentArmM > 0.0);
        }
}

TEST_CASE("on the way to its pose no step pulls the hamstrings past 'too far' unless it holds them there")
{
    // Sampled four times a second along every step's playback, with the simulation relaxed in
    // each pose: a step moving into a stretch (or a lying-down step passing through sitting)
    // stays under "too far" on the way, or under what its first or last key holds where that
    // is more (a step that eases out of a stretch held too far starts there).
    Heads all = allFour(LegSide::Right);
    for (Muscle m : anatomy::kHamstrings) all.push_back({m, LegSide::Left});
    int samples = 0;
    for (const LessonEntry& entry : shipped().entries()) {
        const Lesson& lesson = *entry.lesson;
        for (std::size_t index = 0; index < lesson.steps.size(); ++index) {
            const LessonStep& step = lesson.steps[index];
            INFO(lesson.id << " step " << index + 1 << " '" << step.title << "'");
            const double held = std::max(strongestTension(keyPose(step, KeyAt::First), all), strongestTension(keyPose(step, KeyAt::Last), all));
            LessonPlayer player;
            player.start(lesson, anatomy::Pose::neutral(), int(index));
            for (double t = 0.0; t <= step.motionS() + 1e-9; t += 0.25) {
                player.scrub(t);
                const double strongest = strongestTension(player.pose(), all);
                INFO("at " << t << " s the strongest passive force is " << strongest << ", at the ends " << held);
                CHECK(strongest < std::max(anatomy::kTooFarPassiveForce, held + 0.02));
                ++samples;
            }
        }
    }
    CHECK(samples > 500);
}
