// Lessons as data: a lesson is a list of steps; a step has keyframed body poses, what the
// muscles do over time, a camera view, layers, highlighted structures, the text shown
// beside it with its sources, and hold time and repetitions for guided practice.
// Lesson files are TOML in scenes/lessons/, written by hand (see docs/lesson-format.md).
#pragma once

#include "anatomy/muscle_geometry.h"
#include "anim/floor_contact.h"
#include "anim/track.h"
#include "core/enum_names.h"
#include "content/view_preset.h"
#include "content/scene_file.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace content {

enum class Chapter { Anatomy, Cramp, Causes, Relief, Prevention, Strength, Rehab, Doctor, Evidence };
constexpr int kChapterCount = 9;

// The word for each chapter in lesson files ("relief").
inline constexpr auto kChapterKeys = core::enumNames<Chapter>({
    {Chapter::Anatomy, "anatomy"}, {Chapter::Cramp, "cramp"}, {Chapter::Causes, "causes"},
    {Chapter::Relief, "relief"}, {Chapter::Prevention, "prevention"}, {Chapter::Strength, "strength"},
    {Chapter::Rehab, "rehab"}, {Chapter::Doctor, "doctor"}, {Chapter::Evidence, "evidence"},
});

std::string_view chapterKey(Chapter chapter);     // "relief"
std::string_view chapterTitle(Chapter chapter);   // "Relief"

// What the hamstrings do during a step.
enum class MuscleMode {
    Relaxed,       // no drive
    Contraction,   // voluntary excitation from the step's excitation track
    Cramp,         // an involuntary cramp episode (see CrampSpec)
    Stretch,       // relaxed while the pose lengthens the muscles
};

// The word for each mode in lesson files (`state = "cramp"`).
inline constexpr auto kMuscleModeKeys = core::enumNames<MuscleMode>({
    {MuscleMode::Relaxed, "relaxed"}, {MuscleMode::Contraction, "contraction"},
    {MuscleMode::Cramp, "cramp"}, {MuscleMode::Stretch, "stretch"},
});

std::string_view muscleModeKey(MuscleMode mode);

struct CrampSpec {
    anatomy::Muscle muscle = anatomy::Muscle::BicepsFemorisLong;
    anatomy::Side side = anatomy::Side::Right;
    double onsetS = 0.5;        // from the start of the step
    double durationS = 30.0;    // how long it would last untreated
};

struct MuscleTimeline {
    MuscleMode mode = MuscleMode::Relaxed;
    anim::ScalarTrack excitation;                 // 0..1 over repetition time (contraction)
    std::vector<anatomy::Muscle> heads;           // driven heads; empty: all four hamstrings
    std::vector<anatomy::Side> sides{anatomy::Side::Right, anatomy::Side::Left};
    std::optional<CrampSpec> cramp;
};

// Props a step may need, shaped like what they are: a curb or step to rest a heel on, a foam
// roller, a yoga mat, a chair, a glass, dumbbells held in the hands, or a plain box or cylinder
// (a bed, an ankle weight, a heat pack). A prop sits on the floor under a body point (at the
// step's final key), or follows a body point as it moves; held shapes (dumbbell, glass) sit in
// the palm. A prop may come in part of the way through the step's keys, and goes again as they
// play back (a glass taken up once standing). What `sizeM` measures for each shape is in
// docs/lesson-format.md.
struct Prop {
    enum class Shape { Box, Cylinder, Dumbbell, Roller, Step, Mat, Chair, Glass };
    Shape shape = Shape::Box;
    glm::vec3 sizeM{0.3f};                // the shape's extent along its x y z (see above)
    anatomy::Landmark landmark = anatomy::Landmark::HeelR;
    bool follows = false;                 // true: moves with the landmark ("at"); false: "under"
    glm::vec3 colour{0.16f, 0.17f, 0.19f};  // linear
    double fromS = 0.0;                   // shown once the keys reach this time (a heat pack once lying down)
};
constexpr int kPropShapeCount = int(Prop::Shape::Glass) + 1;

// A second person who helps (the partner stretch): the same body in its own pose, relaxed
// (no muscle simulation), drawn but not picked. It faces the body points its hands hold (at
// one key of the step) from `distanceM` away, on the side away from the body's pelvis, kneeling or standing on its own
// floor contacts; its arms and trunk reach so each hand stays on its hold as the body moves.
struct PartnerHold {
    anatomy::Landmark hand = anatomy::Landmark::HandR;     // the partner's hand_r or hand_l
    anatomy::Landmark holds = anatomy::Landmark::HeelR;    // a body point of the person helped
};
struct Partner {
    anatomy::Pose pose;               // settled on the floor by its contacts, at the origin
    anim::ContactList contacts;
    std::vector<PartnerHold> holds;   // one or two
    double distanceM = 0.5;           // held points to the partner's pelvis, horizontally
    int placedAtKey = 0;              // the key (0-based) whose body pose it is placed for
    int line = 0;
};

struct StepKey {
    double timeS = 0.0;
    anatomy::Pose pose;               // placed on the floor by its contacts
    anim::ContactList contacts;
    anim::Easing easing = anim::Easing::InOut;
    int line = 0;                     // where it is written, for messages
};

struct LessonStep {
    std::string title;
    std::string text;                 // a short paragraph; text, bullets and evidence may mark
                                      // glossary terms: [[term]] (content/glossary.h)
    std::vector<std::string> bullets;
    // Study figures and fine detail behind the text, folded away under it ("Evidence").
    std::string evidence;
    std::vector<std::string> sources; // ids from assets/sources.toml
    std::string cue;                  // spoken-style prompt during a hold ("breathe out, ease forward")
    std::optional<ViewPreset> view;
    // What the camera frames, over the step's key poses: its working structures (the default:
    // the highlighted structures, else the driven hamstrings, and the hips and knees that move),
    // the whole body, the legs, or the thighs.
    enum class Framing { Working, Body, Legs, Thighs };
    Framing frame = Framing::Working;
    std::array<std::optional<LayerSettings>, kLayerCount> layers{};
    std::vector<std::string> highlight;   // structure keys: "semitendinosus" or "semitendinosus.r"
    std::vector<Prop> props;
    std::optional<Partner> partner;
    std::vector<StepKey> keys;        // at least one
    double holdS = 0.0;               // hold at the last key, per repetition
    int repetitions = 1;
    double restS = 0.0;               // rest at the first key between repetitions
    MuscleTimeline muscles;
    int line = 0;

    double motionS() const { return keys.empty() ? 0.0 : keys.back().timeS; }
    // One repetition: move in, hold, and (if another follows) move back and rest.
    double repetitionS(bool last) const { return motionS() + holdS + (last ? 0.0 : motionS() + restS); }
    double durationS() const;
};

// The poses a body passes through from standing down to lying on the floor, in that order, and
// from lying on the back to lying face down, each settled on its contacts (from the pose
// library's routes): a step change between those goes through them (lessons/posture_route.h).
struct PostureRoutes {
    std::vector<StepKey> toLyingOnBack;
    std::vector<StepKey> toLyingFaceDown;
    std::vector<StepKey> backToFaceDown;   // from lying on the back to lying face down
};

struct Lesson {
    std::string path;
    std::string id;                   // file name without extension
    std::string title;
    std::string summary;
    Chapter chapter = Chapter::Anatomy;
    int order = 0;                    // position within the chapter
    std::vector<std::string> sources;
    std::vector<LessonStep> steps;
    PostureRoutes routes;
};

} // namespace content
