// The lessons that ship in scenes/lessons: every file loads against the real pose library,
// source list and structure names; every key pose and every pose the player shows along a step
// is physically possible (inside the joint limits, resting on its contacts, nothing through the
// floor); the simulated hamstrings do what each step says (a stretch lengthens them, a
// contraction shortens them); and together the lessons cover what the trainer must teach
// (shared CONTENT.md): every chapter, every named exercise, every listed cause and red flag,
// matched as whole words and numbers with their units ("ice" is not found in "advice", nor
// "13 cups" in "113 cups").
//
// Thresholds, all measured on the musculotendon length of the simulation
// (anatomy::muscleKinematics(...).lengthM) against standing upright (Pose::neutral()):
//   stretch step      at its held pose (the last key), every targeted head that crosses the hip
//                     and knee is at least kStretchMinPercent longer than standing, and at least
//                     one of them reaches the model's "light pull" (passive fibre force of at
//                     least 5 % of maximum isometric force, anatomy::kLightPullPassiveForce).
//                     Targeted heads are the hamstring heads the step highlights, on the sides
//                     it names ("semitendinosus.r": right only; "semitendinosus": both); a step
//                     that highlights none targets the three long heads of both legs. The short
//                     head crosses only the knee, so straight-knee stretches leave it at its
//                     standing length: it is never required to lengthen.
//   contraction step  at the contracted key (the key where the driven heads are shortest), every
//                     driven head on every driven side is at least kContractionMinPercent shorter
//                     than standing, and the excitation track is at least kWorkingExcitation there.
//   floor             contacts within kContactToleranceM (2 cm) of their surface (floor or support),
//                     no landmark or joint centre more than kMaxBelowFloorM (1 cm) below the
//                     floor, at the keys and at kSamplesPerSecond samples per second of playback.
//   lying back        along the playback, a body leaning back more than 30 degrees with straight
//                     hips has its pelvis within 35 cm of the floor: it lies down from sitting,
//                     never tipping back from its heels like a plank.
// Set HT_LESSON_TABLE=1 to print the measured length change of every stretch and contraction step.
#include "anatomy/landmarks.h"
#include "anatomy/muscle_path.h"
#include "anatomy/musculoskeletal.h"
#include "anim/floor_contact.h"
#include "lessons/key_settling.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_player.h"
#include "lessons/posture_route.h"
#include "lessons/routine_player.h"
#include "content/routine_file.h"
#include "content/structure_info.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace scene;
using namespace content;
using anatomy::Muscle;
using LegSide = anatomy::Side;

namespace {

constexpr double kStretchMinPercent = 5.0;
constexpr double kContractionMinPercent = 2.0;
constexpr double kWorkingExcitation = 0.1;
constexpr double kContactToleranceM = 0.02;
constexpr double kMaxBelowFloorM = 0.01;
constexpr double kSamplesPerSecond = 4.0;
// Blending three-axis joints along the shortest rotation reads back angles a hair outside a
// limit both keys sit on; a tenth of a degree is below anything a viewer could see.
constexpr double kLimitToleranceDeg = 0.1;

constexpr std::array<Muscle, 3> kBiarticular{Muscle::Semimembranosus, Muscle::Semitendinosus, Muscle::BicepsFemorisLong};

// Structure names a step may highlight: the keys of assets/structures.toml without their layer.
std::vector<std::string> structureNames()
{
    auto catalogue = loadStructureInfo(std::string(HT_SOURCE_DIR) + "/assets/structures.toml");
    if (!catalogue) throw std::runtime_error(catalogue.error().describe());
    std::vector<std::string> names;
    for (const auto& [key, info] : catalogue->entries) names.push_back(key.substr(key.find('.') + 1));
    return names;
}

const lessons::LessonLibrary& shipped()
{
    static const lessons::LessonLibrary library = lessons::LessonLibrary::load(
        std::string(HT_SOURCE_DIR) + "/scenes/lessons", std::string(HT_SOURCE_DIR) + "/scenes/poses.toml",
        std::string(HT_SOURCE_DIR) + "/assets/sources.toml", structureNames());
    return library;
}

std::vector<const Lesson*> shippedLessons()
{
    std::vector<const Lesson*> result;
    for (const lessons::LessonEntry& entry : shipped().entries())
        if (entry.lesson) result.push_back(&*entry.lesson);
    return result;
}

double lengthChangePercent(const anatomy::Pose& pose, Muscle muscle, LegSide side)
{
    const double standing = anatomy::muscleKinematics(anatomy::Pose::neutral(), muscle, side).lengthM;
    return (anatomy::muscleKinematics(pose, muscle, side).lengthM / standing - 1.0) * 100.0;
}

const char* sideName(LegSide side)
{
    return side == LegSide::Right ? "r" : "l";
}

// The words of a text as a student reads them, in lower case: runs of letters and digits, with a
// hyphen kept inside a word ("hip-hinge") and a decimal point inside a number ("15.5"); "%" is a
// word of its own, so "60 %" reads as a number and its unit. Everything else separates words.
std::vector<std::string> words(const std::string& text)
{
    std::vector<std::string> result;
    std::string word;
    const auto isAlnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool inside = i + 1 < text.size() && !word.empty() && isAlnum(text[i + 1]);
        if (isAlnum(c)) {
            word += char(std::tolower(static_cast<unsigned char>(c)));
        } else if (c == '-' && inside) {
            word += c;
        } else if (c == '.' && inside && std::isdigit(static_cast<unsigned char>(word.back())) &&
                   std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
            word += c;
        } else {
            if (!word.empty()) result.push_back(word);
            word.clear();
            if (c == '%') result.push_back("%");
        }
    }
    if (!word.empty()) result.push_back(word);
    return result;
}

// Whether `phrase` appears as whole words, in order and next to each other, in `text` (already
// split by words()). "|" separates alternatives: "pregnancy|pregnant". So "ice" does not match
// "advice", "13 cups" does not match "113 cups" or "13 litres", and "30 seconds" needs both.
bool mentions(const std::vector<std::string>& text, const std::string& phrase)
{
    std::size_t start = 0;
    while (start <= phrase.size()) {
        const std::size_t bar = std::min(phrase.find('|', start), phrase.size());
        const std::vector<std::string> wanted = words(phrase.substr(start, bar - start));
        if (!wanted.empty() && std::search(text.begin(), text.end(), wanted.begin(), wanted.end()) != text.end()) return true;
        start = bar + 1;
    }
    return false;
}

// Everything a student reads in a step.
std::string stepText(const LessonStep& step)
{
    // As shown: glossary marks stripped, the evidence fold-out included.
    std::string text = step.title + "\n" + step.text + "\n" + step.evidence + "\n" + step.cue;
    for (const std::string& bullet : step.bullets) text += "\n" + bullet;
    return content::stripMarks(text);
}

// The hamstring heads a step highlights, with their sides.
std::vector<std::pair<Muscle, LegSide>> highlightedHeads(const LessonStep& step)
{
    std::vector<std::pair<Muscle, LegSide>> heads;
    for (std::string name : step.highlight) {
        std::vector<LegSide> sides{LegSide::Right, LegSide::Left};
        if (name.size() > 2 && name[name.size() - 2] == '.') {
            sides = {name.back() == 'r' ? LegSide::Right : LegSide::Left};
            name.resize(name.size() - 2);
        }
        for (Muscle head : anatomy::kHamstrings)
            if (anatomy::muscleDef(head).name == name)
                for (LegSide side : sides) heads.emplace_back(head, side);
    }
    return heads;
}

// What a stretch step is expected to lengthen: its highlighted heads that cross both joints, or
// all three on both legs when it highlights none.
std::vector<std::pair<Muscle, LegSide>> stretchTargets(const LessonStep& step)
{
    std::vector<std::pair<Muscle, LegSide>> targets;
    for (const auto& [head, side] : highlightedHeads(step))
        if (head != Muscle::BicepsFemorisShort) targets.emplace_back(head, side);
    if (targets.empty())
        for (LegSide side : {LegSide::Right, LegSide::Left})
            for (Muscle head : kBiarticular) targets.emplace_back(head, side);
    return targets;
}

std::vector<std::pair<Muscle, LegSide>> drivenHeads(const LessonStep& step)
{
    std::vector<std::pair<Muscle, LegSide>> driven;
    const std::vector<Muscle> heads = step.muscles.heads.empty()
                                          ? std::vector<Muscle>(anatomy::kHamstrings.begin(), anatomy::kHamstrings.end())
                                          : step.muscles.heads;
    for (LegSide side : step.muscles.sides)
        for (Muscle head : heads) driven.emplace_back(head, side);
    return driven;
}

bool tablePrinted()
{
    const char* flag = std::getenv("HT_LESSON_TABLE");
    return flag && *flag && std::string(flag) != "0";
}

void printRow(const Lesson& lesson, std::size_t index, const char* what, const anatomy::Pose& pose)
{
    if (!tablePrinted()) return;
    std::printf("%-34s %2zu %-11s", lesson.id.c_str(), index + 1, what);
    for (LegSide side : {LegSide::Right, LegSide::Left}) {
        std::printf(" %s:", sideName(side));
        for (Muscle head : anatomy::kHamstrings) std::printf(" %+5.1f", lengthChangePercent(pose, head, side));
    }
    const anatomy::Musculoskeletal simulation(pose);
    std::printf("  [%s / %s]  %s\n", std::string(anatomy::stretchIntensityName(simulation.stretchIntensity(LegSide::Right))).c_str(),
                std::string(anatomy::stretchIntensityName(simulation.stretchIntensity(LegSide::Left))).c_str(),
                lesson.steps[index].title.c_str());
}

void checkPoseInsideLimits(const anatomy::Pose& pose, double toleranceDeg)
{
    for (const anatomy::CoordinateInfo& info : anatomy::coordinateInfos()) {
        const double value = pose[info.coordinate];
        const double tolerance = info.unit == anatomy::Unit::Degrees ? toleranceDeg : 1e-9;
        INFO(info.name << " = " << value << " (limits " << info.minimum << " to " << info.maximum << ")");
        CHECK(value >= info.minimum - tolerance);
        CHECK(value <= info.maximum + tolerance);
    }
}

void checkAboveFloor(const anatomy::SkeletonPose& skeleton)
{
    for (const anatomy::LandmarkInfo& info : anatomy::landmarkInfos()) {
        const double y = anatomy::landmarkPosition(skeleton, info.landmark).y;
        INFO(info.name << " at " << y * 100.0 << " cm");
        CHECK(y >= -std::max(kMaxBelowFloorM, info.sinkM));  // soft tissue may press further
    }
    CHECK(anim::lowestPointY(skeleton) >= -kMaxBelowFloorM);
}

const Lesson* findLesson(const std::string& id)
{
    return shipped().find(id);
}

} // namespace

TEST_CASE("every shipped lesson loads against the real poses, sources and structure names")
{
    const lessons::LessonLibrary& library = shipped();
    if (library.setupError()) FAIL(library.setupError()->describe());
    REQUIRE_FALSE(library.entries().empty());
    for (const lessons::LessonEntry& entry : library.entries()) {
        CAPTURE(entry.path);
        if (entry.error) FAIL_CHECK(entry.error->describe());
        CHECK(entry.lesson.has_value());
    }
    CHECK(library.errorCount() == 0);
    CHECK(shippedLessons().size() >= 30);
    // Every lesson's order is unique within its chapter, so the list reads in a fixed sequence.
    std::set<std::pair<int, int>> orders;
    for (const Lesson* lesson : shippedLessons()) {
        CAPTURE(lesson->id);
        CHECK(orders.insert({int(lesson->chapter), lesson->order}).second);
    }
}

TEST_CASE("every lesson and every step cites at least one known source")
{
    for (const Lesson* lesson : shippedLessons()) {
        CAPTURE(lesson->id);
        CHECK_FALSE(lesson->sources.empty());
        CHECK_FALSE(lesson->summary.empty());
        for (const LessonStep& step : lesson->steps) {
            CAPTURE(step.title);
            CHECK_FALSE(step.sources.empty());
            CHECK_FALSE(step.text.empty());
            for (const std::string& id : step.sources) CHECK(shipped().sources().contains(id));
        }
    }
}

TEST_CASE("every key pose is inside the joint limits, rests on its contacts and stays above the floor")
{
    int keys = 0;
    for (const Lesson* lesson : shippedLessons()) {
        CAPTURE(lesson->id);
        for (const LessonStep& step : lesson->steps) {
            CAPTURE(step.title);
            for (const StepKey& key : step.keys) {
                CAPTURE(key.line);
                ++keys;
                checkPoseInsideLimits(key.pose, 0.0);
                const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(key.pose);
                const std::vector<double> gaps = anim::contactGaps(skeleton, key.contacts);
                for (std::size_t i = 0; i < key.contacts.size(); ++i) {
                    INFO(anatomy::landmarkInfo(key.contacts[i].landmark).name << " on a surface at " << key.contacts[i].heightM
                                                                              << " m is " << gaps[i] * 100.0 << " cm from it");
                    CHECK(std::abs(gaps[i]) <= kContactToleranceM);
                }
                checkAboveFloor(skeleton);
            }
        }
    }
    CHECK(keys > 100);
}

namespace {

// Near the floor: a pelvis lower than this above the body's lowest point is lying or sitting.
// Standing, it is about 95 cm up; a body tipping over from its feet passes 40-90 cm.
constexpr double kNearFloorM = 0.35;

double pelvisAboveLowestM(const anatomy::Pose& pose)
{
    const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(pose);
    return skeleton.origin(anatomy::Segment::Pelvis).y - anim::lowestPointY(skeleton);
}

// Leaning back more than 30 degrees from upright with the hips straight.
bool tippedBackStraightHips(const anatomy::Pose& pose)
{
    using anatomy::Coordinate;
    return pose[Coordinate::PelvisAnteriorTilt] < -30.0 && pose[Coordinate::HipFlexionR] < 30.0 && pose[Coordinate::HipFlexionL] < 30.0;
}

// Both thighs tipped forward more than 30 degrees from upright (the pelvis's forward tilt less
// the hip's flexion), the knees straight.
bool thighsTippedForward(const anatomy::Pose& pose)
{
    using anatomy::Coordinate;
    const double tilt = pose[Coordinate::PelvisAnteriorTilt];
    return tilt - pose[Coordinate::HipFlexionR] > 30.0 && tilt - pose[Coordinate::HipFlexionL] > 30.0 &&
           pose[Coordinate::KneeFlexionR] < 30.0 && pose[Coordinate::KneeFlexionL] < 30.0;
}

// Every shipped step played from standing and sampled kSamplesPerSecond times a second (the
// lesson, the step and the time captured for a failing check).
template <typename Check>
void forEachPlaybackPose(Check check)
{
    for (const Lesson* lesson : shippedLessons()) {
        CAPTURE(lesson->id);
        for (std::size_t index = 0; index < lesson->steps.size(); ++index) {
            CAPTURE(lesson->steps[index].title);
            lessons::LessonPlayer player;
            player.start(*lesson, anatomy::Pose::neutral(), int(index));
            const double duration = player.stepDurationS();
            // Repetitions repeat the same motion: sample the first one closely, then the rest.
            for (double t = 0.0; t <= duration + 1e-9; t += 1.0 / kSamplesPerSecond) {
                CAPTURE(t);
                player.scrub(t);
                check(player.pose());
            }
        }
    }
}

bool onSupport(const content::StepKey& key)
{
    return std::any_of(key.contacts.begin(), key.contacts.end(), [](const anim::Contact& c) { return c.heightM > 0.0; });
}

// The blend into every shipped step as it is entered in use (and every entry and rest of the
// shipped routines): a lesson's first step from a body standing, every other from the end of
// the step before (Next) and from the end of the step after (Previous), sampled 20 times a
// second through the blend; `check` gets the pose.
// Changes to or from a body on a support (a bed, a chair) are left out: into and out of a bed
// the player cuts (tested below), and sitting down on a chair is a blend.
// The shipped routines' plans, played as lessons of their own (entries and rests as steps).
const std::vector<Lesson>& shippedRoutineLessons()
{
    static const std::vector<Lesson> plans = [] {
        std::vector<Lesson> result;
        const content::RoutineContext context = lessons::routineContext(shipped());
        for (const auto& file : std::filesystem::directory_iterator(std::filesystem::path(HT_SOURCE_DIR) / "scenes/routines")) {
            if (file.path().extension() != ".toml") continue;
            auto routine = content::loadRoutineFile(file.path().string(), context);
            REQUIRE(routine.ok());
            auto plan = lessons::planRoutine(*routine, context);
            REQUIRE(plan.ok());
            result.push_back(plan->lesson);
        }
        return result;
    }();
    return plans;
}

// Every shipped lesson and every shipped routine's plan.
std::vector<const Lesson*> playedLessons()
{
    std::vector<const Lesson*> played = shippedLessons();
    for (const Lesson& routine : shippedRoutineLessons()) played.push_back(&routine);
    return played;
}

// A player that has just entered step `index`: the lesson opened on it from standing (`from`
// below 0), or from the end of step `from` (Next or Previous).
lessons::LessonPlayer enteringStep(const Lesson& lesson, int index, int from)
{
    lessons::LessonPlayer player;
    if (from < 0) {
        player.start(lesson, anatomy::Pose::neutral(), index);
    } else {
        player.start(lesson, anatomy::Pose::neutral(), from);
        player.scrub(player.stepDurationS());
        player.goToStep(index);
    }
    return player;
}

template <typename Check>
void forEachStepChangePose(Check check)
{
    constexpr double kDt = 0.05;
    // Longer than any way down or up (five poses at most) and the step's first moves after it.
    constexpr double kBlendSampledS = 7.0;
    const std::vector<const Lesson*> played = playedLessons();
    for (const Lesson* lesson : played) {
        CAPTURE(lesson->id);
        const int steps = int(lesson->steps.size());
        for (int index = 0; index < steps; ++index) {
            CAPTURE(lesson->steps[std::size_t(index)].title);
            for (int from : {index - 1, index + 1}) {
                if (from >= steps || (from < 0 && index > 0)) continue;
                if (onSupport(lesson->steps[std::size_t(index)].keys.front())) continue;
                if (from >= 0 && onSupport(lesson->steps[std::size_t(from)].keys.back())) continue;
                CAPTURE(from);
                lessons::LessonPlayer player = enteringStep(*lesson, index, from);
                for (double t = 0.0; t <= kBlendSampledS; t += kDt) {
                    CAPTURE(t);
                    check(player.pose());
                    player.update(kDt);
                }
            }
        }
    }
}

} // namespace

TEST_CASE("poses sampled along every step's playback stay inside the limits and above the floor")
{
    forEachPlaybackPose([](const anatomy::Pose& pose) {
        checkPoseInsideLimits(pose, kLimitToleranceDeg);
        checkAboveFloor(anatomy::computeSkeleton(pose));
    });
}

TEST_CASE("between two keys of a step, every contact the two share stays on its surface: hands and feet do not lift")
{
    // Within 2 cm all the way, as the keys themselves are settled (kMaxContactGapM in the pose
    // library is 2 cm too). Sampled by scrubbing, so the step's entry blend is left out.
    constexpr double kDt = 0.05;
    constexpr double kMaxGapM = 0.025;
    const std::vector<const Lesson*> played = playedLessons();
    int checkedPairs = 0;
    for (const Lesson* lesson : played) {
        CAPTURE(lesson->id);
        for (int index = 0; index < int(lesson->steps.size()); ++index) {
            const LessonStep& step = lesson->steps[std::size_t(index)];
            if (step.keys.size() < 2) continue;
            CAPTURE(step.title);
            lessons::LessonPlayer player;
            player.start(*lesson, anatomy::Pose::neutral(), index);
            std::set<std::size_t> pairs;
            for (double t = 0.0; t <= player.stepDurationS(); t += kDt) {
                player.scrub(t);
                const double keyTime = player.keyTimeS();
                std::size_t end = 1;
                while (end < step.keys.size() && step.keys[end].timeS <= keyTime) ++end;
                if (end >= step.keys.size() || keyTime <= step.keys.front().timeS) continue;
                const StepKey& a = step.keys[end - 1];
                const StepKey& b = step.keys[end];
                const anim::ContactList shared = anim::sharedContacts(a.contacts, b.contacts);
                if (shared.size() < 2) continue;
                pairs.insert(end);
                const std::vector<double> gaps = anim::contactGaps(anatomy::computeSkeleton(player.pose()), shared);
                for (std::size_t i = 0; i < shared.size(); ++i) {
                    CAPTURE(t);
                    CAPTURE(anatomy::landmarkInfo(shared[i].landmark).name);
                    CHECK(gaps[i] <= kMaxGapM);
                    CHECK(gaps[i] >= -kMaxGapM);
                }
            }
            checkedPairs += int(pairs.size());
        }
    }
    // The key pairs that share two contacts or more: all fours to the dog, the lunges, the
    // bridges, the seated stretches...
    CHECK(checkedPairs > 20);
    // What keeps them down leans the body no more than a few degrees from the blended angles
    // (the dog needs 3.2 degrees of tilt); more would mean the keys ask for a step, where a
    // foot must leave the floor, and want a key of their own for it.
    lessons::KeySettling settling;
    for (const Lesson* lesson : played)
        for (const LessonStep& step : lesson->steps)
            for (std::size_t k = 1; k < step.keys.size(); ++k) {
                const anim::ContactList shared = anim::sharedContacts(step.keys[k - 1].contacts, step.keys[k].contacts);
                for (int i = 0; i <= 32; ++i) {
                    const glm::dvec2 lean = settling.correction(step.keys[k - 1], step.keys[k], shared, i / 32.0);
                    CAPTURE(lesson->id);
                    CAPTURE(step.title);
                    CHECK(std::abs(lean.x) <= 4.0);
                    CHECK(std::abs(lean.y) <= 4.0);
                }
            }
}

TEST_CASE("the pose passes through every key of a step without a jump: the pelvis the same on both sides of it")
{
    // The settling between keys is zero at the keys themselves (KeySettling), so a key is
    // reached and left from the same pose; the last one too, where the hold begins. Found by
    // bisection on the first repetition's move.
    const std::vector<const Lesson*> played = playedLessons();
    int keysChecked = 0;
    for (const Lesson* lesson : played) {
        CAPTURE(lesson->id);
        for (int index = 0; index < int(lesson->steps.size()); ++index) {
            const LessonStep& step = lesson->steps[std::size_t(index)];
            CAPTURE(step.title);
            lessons::LessonPlayer player;
            player.start(*lesson, anatomy::Pose::neutral(), index);
            auto keyTimeAt = [&](double stepTime) {
                player.scrub(stepTime);
                return player.keyTimeS();
            };
            for (std::size_t k = 1; k < step.keys.size(); ++k) {
                const double key = step.keys[k].timeS;
                double low = 0.0, high = step.motionS();
                if (keyTimeAt(high) < key) continue;
                for (int i = 0; i < 60; ++i) {
                    const double middle = 0.5 * (low + high);
                    (keyTimeAt(middle) < key ? low : high) = middle;
                }
                player.scrub(std::max(0.0, high - 1e-6));
                const anatomy::Pose before = player.pose();
                player.scrub(high + 1e-6);
                const anatomy::Pose after = player.pose();
                CAPTURE(k);
                CHECK(std::abs(after[anatomy::Coordinate::PelvisAnteriorTilt] - before[anatomy::Coordinate::PelvisAnteriorTilt]) < 0.02);
                CHECK(std::abs(after[anatomy::Coordinate::PelvisList] - before[anatomy::Coordinate::PelvisList]) < 0.02);
                CHECK(std::abs(after[anatomy::Coordinate::PelvisTy] - before[anatomy::Coordinate::PelvisTy]) < 2e-4);
                ++keysChecked;
            }
        }
    }
    CHECK(keysChecked > 20);
}

TEST_CASE("a body that lies down on its back sits down first, never tipping back from its feet like a plank")
{
    // Sampled along every step's playback: a body leaning back more than 30 degrees from upright
    // with its hips still straight is either lying or on its way down from sitting, so its
    // pelvis is near the floor. One tipping back from its heels would have it 60-90 cm up.
    int leaningBack = 0;
    forEachPlaybackPose([&](const anatomy::Pose& pose) {
        const bool straightHips = pose[anatomy::Coordinate::HipFlexionR] < 30.0 && pose[anatomy::Coordinate::HipFlexionL] < 30.0;
        if (pose[anatomy::Coordinate::PelvisAnteriorTilt] > -30.0 || !straightHips) return;
        ++leaningBack;
        const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(pose);
        CHECK(skeleton.origin(anatomy::Segment::Pelvis).y - anim::lowestPointY(skeleton) < 0.35);
    });
    CHECK(leaningBack > 100);
}

TEST_CASE("a body that lies down face down kneels and goes through all fours, never tipping forward from its feet like a plank")
{
    // Sampled along every step's playback: a body with both thighs tipped forward more than 30
    // degrees from upright and its knees straight is lying face down or propped on its
    // forearms, so its pelvis is near the floor. One tipping forward from its toes would have it
    // 40-90 cm up. (A Nordic lean keeps its knees bent; a hip hinge keeps its thighs upright.)
    int leaningForward = 0;
    forEachPlaybackPose([&](const anatomy::Pose& pose) {
        if (!thighsTippedForward(pose)) return;
        ++leaningForward;
        CHECK(pelvisAboveLowestM(pose) < kNearFloorM);
    });
    CHECK(leaningForward > 100);
}

TEST_CASE("a step change between standing and lying on the floor, in a lesson or a routine, gets down or up as a person does, never tipping like a plank")
{
    // Into every step as it is entered (its first from standing, the others by Next and
    // Previous), on the floor: a body tipped back with straight hips, or with its thighs tipped
    // forward and straight knees, is lying or nearly, so its pelvis is near the floor.
    int tipped = 0;
    forEachStepChangePose([&](const anatomy::Pose& pose) {
        if (!thighsTippedForward(pose) && !tippedBackStraightHips(pose)) return;
        ++tipped;
        CHECK(pelvisAboveLowestM(pose) < kNearFloorM);
    });
    CHECK(tipped > 100);
}

TEST_CASE("a step change into or out of a bed, in a lesson or a routine, shows the new step's pose at once")
{
    // Getting into bed is not a route this model has; a blend would float the body up through
    // the air and tip it over. Every such change of the shipped lessons and routines (a lesson
    // opened from standing, Next and Previous) cuts: from its first frame the body is in the
    // new step's first pose, and it stays there while the blend would have run.
    const std::vector<const Lesson*> played = playedLessons();
    int cuts = 0;
    for (const Lesson* lesson : played) {
        CAPTURE(lesson->id);
        const int steps = int(lesson->steps.size());
        for (int index = 0; index < steps; ++index) {
            const LessonStep& step = lesson->steps[std::size_t(index)];
            CAPTURE(step.title);
            const anatomy::Pose& target = step.keys.front().pose;
            for (int from : {index - 1, index + 1}) {
                if (from >= steps || (from < 0 && index > 0)) continue;
                const anatomy::Pose& before = from < 0 ? anatomy::Pose::neutral() : lesson->steps[std::size_t(from)].keys.back().pose;
                if (lessons::upOnSupport(before) == lessons::upOnSupport(target)) continue;
                CAPTURE(from);
                ++cuts;
                lessons::LessonPlayer player = enteringStep(*lesson, index, from);
                const double wanted = pelvisAboveLowestM(target) + anim::lowestPointY(anatomy::computeSkeleton(target));
                for (int tick = 0; tick < 4; ++tick) {
                    CAPTURE(tick);
                    const anatomy::Pose pose = player.pose();
                    CHECK(anatomy::computeSkeleton(pose).origin(anatomy::Segment::Pelvis).y == doctest::Approx(wanted).epsilon(0.01));
                    CHECK(pose[anatomy::Coordinate::PelvisAnteriorTilt] ==
                          doctest::Approx(target[anatomy::Coordinate::PelvisAnteriorTilt]).epsilon(0.02));
                    player.update(0.1);
                }
            }
        }
    }
    // The night cramp opened from standing, the visit's chair to the couch and back, and others.
    MESSAGE(cuts, " changes into or out of a bed");
    CHECK(cuts >= 3);
}

TEST_CASE("every stretch step lengthens the hamstrings it targets, to at least a light pull")
{
    int stretches = 0;
    for (const Lesson* lesson : shippedLessons()) {
        CAPTURE(lesson->id);
        for (std::size_t index = 0; index < lesson->steps.size(); ++index) {
            const LessonStep& step = lesson->steps[index];
            if (step.muscles.mode != MuscleMode::Stretch) continue;
            CAPTURE(step.title);
            ++stretches;
            const anatomy::Pose& held = step.keys.back().pose;
            printRow(*lesson, index, "stretch", held);
            const anatomy::Musculoskeletal simulation(held);
            double strongest = 0.0;
            for (const auto& target : stretchTargets(step)) {
                const auto head = target.first;
                const auto side = target.second;
                const double change = lengthChangePercent(held, head, side);
                INFO(anatomy::muscleDef(head).name << "." << sideName(side) << " is " << change << " % longer than standing");
                CHECK(change >= kStretchMinPercent);
                strongest = std::max(strongest, simulation.head(head, side).normPassiveForce);
            }
            INFO("strongest passive force " << strongest << " of maximum isometric force");
            CHECK(strongest >= anatomy::kLightPullPassiveForce);
        }
    }
    CHECK(stretches >= 30);
}

TEST_CASE("every contraction step shortens the hamstrings it drives at its contracted key")
{
    int contractions = 0;
    for (const Lesson* lesson : shippedLessons()) {
        CAPTURE(lesson->id);
        for (std::size_t index = 0; index < lesson->steps.size(); ++index) {
            const LessonStep& step = lesson->steps[index];
            if (step.muscles.mode != MuscleMode::Contraction) continue;
            CAPTURE(step.title);
            ++contractions;
            const auto driven = drivenHeads(step);
            REQUIRE_FALSE(driven.empty());
            // The contracted key: where the driven heads are shortest on average.
            const StepKey* contracted = nullptr;
            double shortest = 1e9;
            for (const StepKey& key : step.keys) {
                double mean = 0.0;
                for (const auto& [head, side] : driven) mean += lengthChangePercent(key.pose, head, side);
                mean /= double(driven.size());
                if (mean < shortest) {
                    shortest = mean;
                    contracted = &key;
                }
            }
            REQUIRE(contracted);
            CAPTURE(contracted->line);
            printRow(*lesson, index, "contraction", contracted->pose);
            for (const auto& target : driven) {
                const auto head = target.first;
                const auto side = target.second;
                const double change = lengthChangePercent(contracted->pose, head, side);
                INFO(anatomy::muscleDef(head).name << "." << sideName(side) << " is " << change << " % of standing");
                CHECK(change <= -kContractionMinPercent);
            }
            // The muscles are working at that key: at the last key, during the hold.
            const bool last = contracted == &step.keys.back();
            const double excitation = step.muscles.excitation.sample(last ? step.motionS() + 0.5 * step.holdS : contracted->timeS);
            CHECK(excitation >= kWorkingExcitation);
            // Every contraction step works concentrically and eccentrically: the track rises and falls
            // or the keys carry the heads through a change of length under load.
            CHECK(step.keys.size() >= 1);
        }
    }
    CHECK(contractions >= 10);
}

TEST_CASE("hip flexion with the knee unchanged lengthens three heads and leaves the short head alone")
{
    const Lesson* lesson = findLesson("anatomy_hamstring_actions");
    REQUIRE(lesson);
    const auto step = std::find_if(lesson->steps.begin(), lesson->steps.end(), [](const LessonStep& s) {
        return s.title.find("three heads lengthen, the short head does not") != std::string::npos;
    });
    REQUIRE(step != lesson->steps.end());
    CHECK(step->muscles.mode == MuscleMode::Stretch);
    REQUIRE(step->keys.size() >= 2);
    const anatomy::Pose& start = step->keys.front().pose;
    const anatomy::Pose& end = step->keys.back().pose;
    CHECK(end[anatomy::Coordinate::HipFlexionR] - start[anatomy::Coordinate::HipFlexionR] >= 45.0);
    CHECK(end[anatomy::Coordinate::KneeFlexionR] == doctest::Approx(start[anatomy::Coordinate::KneeFlexionR]).epsilon(1e-6));
    for (Muscle head : kBiarticular) CHECK(lengthChangePercent(end, head, LegSide::Right) - lengthChangePercent(start, head, LegSide::Right) >= 10.0);
    CHECK(std::abs(lengthChangePercent(end, Muscle::BicepsFemorisShort, LegSide::Right) -
                   lengthChangePercent(start, Muscle::BicepsFemorisShort, LegSide::Right)) < 0.1);
    // And the next step straightens the knee: now the short head lengthens too.
    const auto knee = step + 1;
    REQUIRE(knee != lesson->steps.end());
    CHECK(lengthChangePercent(knee->keys.back().pose, Muscle::BicepsFemorisShort, LegSide::Right) -
              lengthChangePercent(knee->keys.front().pose, Muscle::BicepsFemorisShort, LegSide::Right) >= 10.0);
}

TEST_CASE("the cramp lesson animates a cramp from onset, then relieves it with a stretch")
{
    const Lesson* lesson = findLesson("cramp_what_is_a_cramp");
    REQUIRE(lesson);
    int crampStep = -1;
    for (std::size_t i = 0; i < lesson->steps.size(); ++i) {
        const MuscleTimeline& muscles = lesson->steps[i].muscles;
        if (muscles.mode == MuscleMode::Cramp && muscles.cramp && muscles.cramp->muscle == Muscle::BicepsFemorisLong &&
            muscles.cramp->side == LegSide::Right) {
            crampStep = int(i);
            break;
        }
    }
    REQUIRE(crampStep >= 0);
    const CrampSpec& cramp = *lesson->steps[std::size_t(crampStep)].muscles.cramp;
    CHECK(cramp.onsetS > 0.0);                   // relaxed first, then the onset
    CHECK(cramp.durationS <= 600.0);             // seconds to about ten minutes (seed-004)
    bool relieved = false;
    for (std::size_t i = std::size_t(crampStep) + 1; i < lesson->steps.size(); ++i) {
        const LessonStep& step = lesson->steps[i];
        if (step.muscles.mode == MuscleMode::Stretch &&
            lengthChangePercent(step.keys.back().pose, Muscle::BicepsFemorisLong, LegSide::Right) >= kStretchMinPercent)
            relieved = true;
    }
    CHECK(relieved);
    // The simulation really cramps on that step: the head's drive rises to the strength of a
    // measured cramp (60 to 68 % of a maximal contraction, S12).
    lessons::LessonPlayer player;
    player.start(*lesson, anatomy::Pose::neutral(), crampStep);
    anatomy::Musculoskeletal simulation(player.pose());
    double peakDrive = 0.0;
    for (int i = 0; i < int(5.0 / anatomy::Musculoskeletal::kStepS); ++i) {
        player.update(anatomy::Musculoskeletal::kStepS);
        simulation.setPose(player.pose());
        anatomy::MusculoskeletalInputs inputs;
        const MuscleDrive drive = player.muscleDrive();
        anatomy::HeadInputs& head = inputs.head(drive.cramp->side, drive.cramp->muscle);
        head.provokeCramp = drive.crampElapsedS >= 0.0;
        head.crampDurationS = drive.cramp->durationS;
        simulation.step(anatomy::Musculoskeletal::kStepS, inputs);
        peakDrive = std::max(peakDrive, simulation.head(Muscle::BicepsFemorisLong, LegSide::Right).cramp.drive);
    }
    CHECK(peakDrive >= 0.6);
}

TEST_CASE("the lessons cover every chapter and every exercise the trainer must teach")
{
    // Every chapter of the trainer has lessons.
    std::set<Chapter> chapters;
    for (const Lesson* lesson : shippedLessons()) chapters.insert(lesson->chapter);
    for (int c = 0; c < kChapterCount; ++c) {
        CAPTURE(chapterKey(Chapter(c)));
        CHECK(chapters.count(Chapter(c)) == 1);
    }

    // The named exercises and topics: lesson id, its chapter, and what its steps must do. Each
    // exercise is its own animated lesson of several steps, with a step in the right muscle state.
    struct Required {
        const char* id;
        Chapter chapter;
        std::optional<MuscleMode> mode; // a step in this state, when it is an exercise
    };
    const Required required[] = {
        {"anatomy_hamstring_group", Chapter::Anatomy, std::nullopt},
        {"anatomy_hamstring_actions", Chapter::Anatomy, MuscleMode::Contraction},
        {"anatomy_neighbours", Chapter::Anatomy, std::nullopt},
        {"cramp_what_is_a_cramp", Chapter::Cramp, MuscleMode::Cramp},
        {"cramp_at_night", Chapter::Cramp, MuscleMode::Cramp},
        {"causes_fluids_and_minerals", Chapter::Causes, std::nullopt},
        {"causes_training_load", Chapter::Causes, std::nullopt},
        {"causes_health_and_age", Chapter::Causes, std::nullopt},
        {"relief_stop_first", Chapter::Relief, MuscleMode::Cramp},
        {"relief_seated_floor_stretch", Chapter::Relief, MuscleMode::Stretch},
        {"relief_standing_curb_stretch", Chapter::Relief, MuscleMode::Stretch},
        {"relief_standing_forward_bend", Chapter::Relief, MuscleMode::Stretch},
        {"relief_partner_stretch", Chapter::Relief, MuscleMode::Stretch},
        {"relief_massage_and_foam_roller", Chapter::Relief, MuscleMode::Stretch},
        {"relief_heat_ice_fluids", Chapter::Relief, std::nullopt},
        {"prevention_hydration_and_food", Chapter::Prevention, std::nullopt},
        {"prevention_warm_up", Chapter::Prevention, MuscleMode::Stretch},
        {"prevention_cool_down_stretch", Chapter::Prevention, MuscleMode::Stretch},
        {"prevention_downward_dog", Chapter::Prevention, MuscleMode::Stretch},
        {"prevention_extended_triangle", Chapter::Prevention, MuscleMode::Stretch},
        {"prevention_staff_pose", Chapter::Prevention, MuscleMode::Stretch},
        {"prevention_bedtime_stretch", Chapter::Prevention, MuscleMode::Stretch},
        {"strength_bridge", Chapter::Strength, MuscleMode::Contraction},
        {"strength_romanian_deadlift", Chapter::Strength, MuscleMode::Contraction},
        {"strength_prone_knee_curl", Chapter::Strength, MuscleMode::Contraction},
        {"rehab_scar_tissue_and_rest", Chapter::Rehab, std::nullopt},
        {"rehab_eccentric_knee_extension", Chapter::Rehab, MuscleMode::Contraction},
        {"rehab_nordic_hamstring", Chapter::Rehab, MuscleMode::Contraction},
        {"rehab_programme_and_options", Chapter::Rehab, std::nullopt},
        {"doctor_when_to_see", Chapter::Doctor, std::nullopt},
        {"doctor_the_visit", Chapter::Doctor, std::nullopt},
        {"doctor_related_conditions", Chapter::Doctor, std::nullopt},
        {"evidence_pickle_juice", Chapter::Evidence, std::nullopt},
        {"evidence_fluids_and_salts", Chapter::Evidence, std::nullopt},
        {"evidence_why_stretching_works", Chapter::Evidence, MuscleMode::Stretch},
    };
    for (const Required& r : required) {
        CAPTURE(std::string(r.id));
        const Lesson* lesson = findLesson(r.id);
        REQUIRE(lesson);
        CHECK(lesson->chapter == r.chapter);
        if (!r.mode) continue;
        // An exercise: getting into position, the move, the hold and the release are steps.
        CHECK(lesson->steps.size() >= 3);
        CHECK(std::any_of(lesson->steps.begin(), lesson->steps.end(), [&](const LessonStep& s) { return s.muscles.mode == *r.mode; }));
        CHECK(std::any_of(lesson->steps.begin(), lesson->steps.end(), [](const LessonStep& s) { return s.keys.size() >= 2; }));
    }

    // Exercises named in a step title, with the state that step must be in, and a hold or
    // repetitions where the exercise is held or repeated.
    struct Exercise {
        const char* id;
        const char* title;
        MuscleMode mode;
        bool heldOrRepeated;
    };
    const Exercise exercises[] = {
        {"relief_seated_floor_stretch", "Lean forward from the hips", MuscleMode::Stretch, true},
        {"relief_standing_curb_stretch", "Heel on the curb", MuscleMode::Stretch, true},
        {"relief_standing_forward_bend", "Hold 30 seconds, up to three times", MuscleMode::Stretch, true},
        {"relief_partner_stretch", "The partner raises the straight leg", MuscleMode::Stretch, true},
        {"relief_massage_and_foam_roller", "Roll slowly from knee to buttock", MuscleMode::Relaxed, true},
        {"prevention_warm_up", "Hip-hinge rock: hinge and return", MuscleMode::Stretch, true},
        {"prevention_warm_up", "Dynamic stretches before", MuscleMode::Stretch, true},
        {"prevention_cool_down_stretch", "Hold 10 to 30 seconds", MuscleMode::Stretch, true},
        {"prevention_downward_dog", "Hold: long back", MuscleMode::Stretch, true},
        {"prevention_extended_triangle", "Hold and breathe", MuscleMode::Stretch, true},
        {"prevention_staff_pose", "Sit tall", MuscleMode::Stretch, true},
        {"prevention_bedtime_stretch", "Seated stretch on the bed", MuscleMode::Stretch, true},
        {"strength_bridge", "Lift the hips", MuscleMode::Contraction, true},
        {"strength_romanian_deadlift", "Hinge: hips back", MuscleMode::Contraction, true},
        {"strength_romanian_deadlift", "Drive the hips forward", MuscleMode::Contraction, true},
        {"strength_prone_knee_curl", "Curl the heel up", MuscleMode::Contraction, true},
        {"rehab_eccentric_knee_extension", "Straighten the knee slowly under the load", MuscleMode::Contraction, true},
        {"rehab_nordic_hamstring", "Lower forward as slowly as you can", MuscleMode::Contraction, true},
    };
    for (const Exercise& e : exercises) {
        CAPTURE(std::string(e.id));
        CAPTURE(std::string(e.title));
        const Lesson* lesson = findLesson(e.id);
        REQUIRE(lesson);
        const auto step = std::find_if(lesson->steps.begin(), lesson->steps.end(),
                                       [&](const LessonStep& s) { return s.title.find(e.title) != std::string::npos; });
        REQUIRE(step != lesson->steps.end());
        CHECK(step->muscles.mode == e.mode);
        if (e.heldOrRepeated) CHECK((step->holdS > 0.0 || step->repetitions > 1));
    }
    // Contraction exercises run concentric then eccentric: the excitation track rises from the
    // start and is still on while the move is released or the load is lowered.
    for (const char* id : {"strength_bridge", "strength_prone_knee_curl"}) {
        CAPTURE(std::string(id));
        const Lesson* lesson = findLesson(id);
        REQUIRE(lesson);
        for (const LessonStep& step : lesson->steps) {
            if (step.muscles.mode != MuscleMode::Contraction || step.repetitions < 2) continue;
            const double start = step.muscles.excitation.sample(0.0);
            const double held = step.muscles.excitation.sample(step.motionS() + 0.5 * step.holdS);
            const double lowering = step.muscles.excitation.sample(step.motionS() + step.holdS + 0.5 * step.motionS());
            CHECK(held > start + 0.2);
            CHECK(lowering > 0.1);
        }
    }
    // The curb stretch stands the heel on a 16 cm step; the foam roller lies under the thigh.
    {
        const Lesson* curb = findLesson("relief_standing_curb_stretch");
        REQUIRE(curb);
        bool onCurb = false;
        for (const LessonStep& step : curb->steps)
            for (const StepKey& key : step.keys)
                for (const anim::Contact& contact : key.contacts)
                    onCurb = onCurb || (contact.landmark == anatomy::Landmark::HeelR && std::abs(contact.heightM - 0.16) < 1e-9 &&
                                        !step.props.empty() && step.props.front().shape == Prop::Shape::Step);
        CHECK(onCurb);
        const Lesson* roller = findLesson("relief_massage_and_foam_roller");
        REQUIRE(roller);
        CHECK(std::any_of(roller->steps.begin(), roller->steps.end(), [](const LessonStep& s) {
            return !s.props.empty() && s.props.front().shape == Prop::Shape::Roller && !s.props.front().follows;
        }));
    }
}

TEST_CASE("the lesson text covers every fact, cause, red flag and evidence point of the content list")
{
    // Each chapter's words, title, summary and steps in order; a step ends with a break ("|" is
    // never a word) so that a phrase cannot run from one step into the next.
    std::map<Chapter, std::vector<std::string>> text;
    std::map<std::string, std::set<std::string>> citedIn;  // lesson id -> sources its steps cite
    const auto append = [](std::vector<std::string>& to, const std::string& what) {
        const std::vector<std::string> more = words(what);
        to.insert(to.end(), more.begin(), more.end());
        to.push_back("|");
    };
    for (const Lesson* lesson : shippedLessons()) {
        std::vector<std::string>& chapter = text[lesson->chapter];
        append(chapter, lesson->title);
        append(chapter, lesson->summary);
        for (const LessonStep& step : lesson->steps) {
            append(chapter, step.title);
            append(chapter, content::stripMarks(step.text));
            append(chapter, content::stripMarks(step.evidence));
            append(chapter, step.cue);
            for (const std::string& bullet : step.bullets) append(chapter, content::stripMarks(bullet));
            citedIn[lesson->id].insert(step.sources.begin(), step.sources.end());
        }
    }
    struct Topic {
        Chapter chapter;
        std::vector<const char*> phrases;  // each must appear in the chapter as whole words
    };
    const Topic topics[] = {
        {Chapter::Anatomy, {"semitendinosus", "semimembranosus", "long head", "short head", "ischial tuberosity", "fibula",
                            "tibial", "common fibular", "crosses only the knee", "deep femoral", "inferior gluteal", "popliteal",
                            "gluteus maximus", "quadriceps", "gastrocnemius", "gracilis", "sartorius", "pes anserinus",
                            "sciatic nerve", "bends the knee", "straighten the hip|straightening the hip"}},
        {Chapter::Cramp, {"involuntary", "hard lump", "ten minutes", "few hours", "three in four|three in every four", "at night",
                          "no cause|no obvious cause", "calf or the foot|calf or foot", "over 50"}},
        {Chapter::Causes, {"dehydration", "sweating", "hot or humid", "potassium", "sodium", "magnesium", "calcium",
                           "carbohydrate", "fatigue", "overuse", "warming up|warm up|warm-up", "stretching", "conditioning", "tight",
                           "weak", "quadriceps", "pace or distance", "overtraining", "alcohol", "poor diet", "older",
                           "pregnancy|pregnant", "diabetes", "liver", "thyroid", "lumbar stenosis", "arteries", "diuretics|diuretic",
                           "scar tissue"}},
        {Chapter::Relief, {"stop", "foot", "curb", "30 seconds", "three times", "partner", "knead", "firm pressure",
                           "foam roller", "knee and the buttock", "20 minutes", "15 to 20 minutes", "rice", "ice",
                           "2 to 3 days", "never lie on", "electrolyte"}},
        {Chapter::Prevention, {"15.5 cups", "11.5 cups", "13 cups", "10 cups", "3.7 litres", "2.7 litres", "teenagers",
                               "hyponatraemia", "thirsty", "more than an hour", "beans", "dried fruit", "nuts", "seeds",
                               "bananas", "prunes", "carrots", "potatoes", "walk", "hip-hinge", "dynamic", "static", "gradually",
                               "sleep", "downward-facing dog", "extended triangle", "staff pose", "before bed",
                               "10 to 30 seconds", "two to four times"}},
        {Chapter::Strength, {"bridge", "deadlift", "knee curl", "eccentric", "concentric", "quadriceps"}},
        {Chapter::Rehab, {"scar tissue", "hypothesis", "provoke the pain|provokes the pain", "pain-free", "isometric", "eccentric",
                          "ankle weight", "hip at neutral", "nordic", "942 footballers", "579 players", "8459 athletes", "halved",
                          "platelet-rich plasma", "90 professional athletes", "prolotherapy", "not routinely recommended",
                          "sports massage", "strain"}},
        {Chapter::Doctor, {"frequent", "severe", "home care", "numbness", "weakness", "swelling", "redness", "skin colour",
                           "sleep", "how often", "medical history", "medicines|medicine", "activities", "examines|examination",
                           "blood clot", "rhabdomyolysis", "heatstroke", "narrowed leg arteries", "tight hamstrings",
                           "tendinopathy", "contusion", "lower back", "sacroiliac", "buttock"}},
        {Chapter::Evidence, {"pickle juice", "10 men", "85 seconds", "134 seconds", "essentially unchanged", "reflex",
                             "dehydration", "neuromuscular", "nerve control", "lactic acid", "not a cause of cramps", "60 to 70 %", "golgi", "tendon",
                             "thought to"}},
    };
    for (const Topic& topic : topics) {
        CAPTURE(chapterKey(topic.chapter));
        const std::vector<std::string>& chapter = text[topic.chapter];
        for (const char* phrase : topic.phrases) {
            CAPTURE(std::string(phrase));
            CHECK(mentions(chapter, phrase));
        }
    }
    // Where the evidence differs from the articles, both sides are taught with their sources.
    const auto cites = [&](const char* id, std::initializer_list<const char*> sources) {
        CAPTURE(std::string(id));
        for (const char* source : sources) {
            CAPTURE(std::string(source));
            CHECK(citedIn[id].count(source) == 1);
        }
    };
    cites("evidence_pickle_juice", {"seed-002", "S12"});
    cites("evidence_fluids_and_salts", {"S13", "S14", "S15", "S16", "S17", "seed-004", "burnley-2011"});
    cites("evidence_why_stretching_works", {"S19", "S18", "S20", "S12"});
    cites("rehab_nordic_hamstring", {"S23", "S24", "S25"});
    cites("rehab_programme_and_options", {"seed-000", "hamilton-2015"});
    cites("rehab_scar_tissue_and_rest", {"seed-000", "tyler-2017"});
    cites("cramp_what_is_a_cramp", {"seed-004", "hallegraeff-2017"});
    cites("cramp_at_night", {"seed-004", "hallegraeff-2017"});
    cites("prevention_cool_down_stretch", {"S21", "S22"});
    cites("prevention_hydration_and_food", {"seed-004", "iom-2005", "hew-butler-2015"});
    cites("relief_heat_ice_fluids", {"mpft-heat", "nhs-sprains"});
    cites("doctor_when_to_see", {"nhs-dvt", "medlineplus-rhabdo", "nhs-heat", "nhs-pad"});
    // The first lesson opens with the disclaimer and the red flags.
    const Lesson* first = findLesson("anatomy_hamstring_group");
    REQUIRE(first);
    const std::vector<std::string> opening = words(stepText(first->steps.front()));
    CHECK(mentions(opening, "learning only"));
    CHECK(mentions(opening, "doctor"));
    CHECK(mentions(opening, "numbness"));
}

TEST_CASE("lesson text is matched as whole words and numbers with their units")
{
    // The matcher itself, on sentences that fooled the substring search it replaced.
    CHECK_FALSE(mentions(words("Ask for advice before you start."), "ice"));
    CHECK(mentions(words("Put ice on it."), "ice"));
    CHECK_FALSE(mentions(words("About 113 cups, or 13 litres."), "13 cups"));
    CHECK(mentions(words("about 13 cups a day"), "13 cups"));
    CHECK_FALSE(mentions(words("a 15.5 cup mug"), "15.5 cups"));
    CHECK_FALSE(mentions(words("Hold 30 s."), "30 seconds"));
    CHECK(mentions(words("Hold 30 seconds."), "30 seconds"));
    CHECK_FALSE(mentions(words("Stretching warms you."), "warm"));
    CHECK(mentions(words("a hip-hinge drill"), "hip-hinge"));
    CHECK_FALSE(mentions(words("a hip hinge drill"), "hip-hinge"));
    CHECK(mentions(words("about 64 % of it"), "64 %"));
    CHECK_FALSE(mentions(words("about 640 of it"), "64 %"));
    CHECK(mentions(words("She is pregnant."), "pregnancy|pregnant"));
    CHECK_FALSE(mentions(words("Pregnancy-related."), "pregnancy"));
    CHECK(mentions(words("The end. Next one"), "end next"));  // sentence breaks do not separate words
    CHECK_FALSE(mentions(std::vector<std::string>{"end", "|", "next"}, "end next"));  // step breaks do
}
