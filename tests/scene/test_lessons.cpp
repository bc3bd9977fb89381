// Lesson files: what a teacher writes, what goes wrong in it and how it is reported, and how
// a lesson plays: moves, holds with countdowns, repetitions, step blending and floor contact.
#include "anim/floor_contact.h"
#include "content/lesson_file.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_player.h"
#include "lessons/posture_route.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

using namespace scene;
using namespace content;
using namespace lessons;
using anatomy::Coordinate;

namespace {

struct Fixture {
    PoseLibrary poses;
    SourceList sources;
    LessonContext context;

    Fixture()
    {
        poses = *PoseLibrary::load(std::string(HT_SOURCE_DIR) + "/scenes/poses.toml");
        sources = *SourceList::load(std::string(HT_SOURCE_DIR) + "/assets/sources.toml");
        context = {&poses, &sources, {"semitendinosus", "semimembranosus", "biceps_femoris_long", "biceps_femoris_short", "femur"}};
    }
};

const Fixture& fixture()
{
    static const Fixture instance;
    return instance;
}

const char* kGoodLesson = R"(title = "Seated floor stretch"
chapter = "relief"
order = 2
summary = "Lengthen a cramping hamstring gently."
sources = ["seed-002"]

[[step]]
title = "Sit tall"
text = "Sit with both legs straight."
sources = ["seed-002"]
view = "lateral"
highlight = ["semitendinosus.r", "femur"]
layers = { skin = 0.3, context = false }

  [[step.key]]
  time = 0
  pose = "long_sitting"

[[step]]
title = "Lean forward"
text = "Fold forward from the hips and hold."
bullets = ["Keep the knee straight", "Foot flexed"]
sources = ["seed-002", "S21"]
cue = "Breathe out, ease forward"
hold = 30
repetitions = 3
rest = 5

  [[step.key]]
  time = 0
  pose = "long_sitting"

  [[step.key]]
  time = 4
  pose = "long_sitting"
  set = { pelvis_anterior_tilt = 15, lumbar_flexion = 20, shoulder_flexion = 70, ankle_dorsiflexion = 10 }
  ease = "in_out"

  [step.muscles]
  state = "stretch"
)";

core::Expected<Lesson> parse(const std::string& text)
{
    return parseLesson(text, "lesson.toml", fixture().context);
}

// The lesson above with one line replaced.
std::string withLine(const std::string& from, const std::string& to)
{
    std::string text = kGoodLesson;
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return text;
}

} // namespace

TEST_CASE("a good lesson loads with its steps, keys and settings")
{
    auto lesson = parse(kGoodLesson);
    REQUIRE_MESSAGE(lesson.ok(), (lesson.ok() ? "" : lesson.error().describe()));
    CHECK(lesson->title == "Seated floor stretch");
    CHECK(lesson->chapter == Chapter::Relief);
    REQUIRE(lesson->steps.size() == 2);
    const LessonStep& sit = lesson->steps[0];
    CHECK(sit.view == ViewPreset::Lateral);
    CHECK(sit.highlight.size() == 2);
    REQUIRE(sit.layers[std::size_t(LayerId::Skin)].has_value());
    CHECK(sit.layers[std::size_t(LayerId::Skin)]->opacity == doctest::Approx(0.3f));
    CHECK_FALSE(sit.layers[std::size_t(LayerId::Context)]->visible);
    const LessonStep& lean = lesson->steps[1];
    CHECK(lean.keys.size() == 2);
    CHECK(lean.holdS == 30.0);
    CHECK(lean.repetitions == 3);
    CHECK(lean.cue == "Breathe out, ease forward");
    CHECK(lean.muscles.mode == MuscleMode::Stretch);
    // in 4 s, hold 30 s, back 4 s, rest 5 s; three times, without the last release and rest.
    CHECK(lean.durationS() == doctest::Approx(3 * (4 + 30) + 2 * (4 + 5)));
    // Keys rest on the floor: the seat and heels touch it.
    for (const StepKey& key : lean.keys) {
        const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(key.pose);
        for (double gap : anim::contactGaps(skeleton, key.contacts)) CHECK(gap < 0.02);
        CHECK(anim::lowestPointY(skeleton) > -0.01);
    }
}

TEST_CASE("lesson mistakes are reported with file, line, column, field and a suggestion")
{
    struct Case {
        std::string from, to, field, message;
    };
    const Case cases[] = {
        {"set = { pelvis_anterior_tilt = 15,", "set = { pelvis_anterior_tlit = 15,", "step[1].key[1].set.pelvis_anterior_tlit",
         "unknown joint angle 'pelvis_anterior_tlit'; did you mean 'pelvis_anterior_tilt'?"},
        {"lumbar_flexion = 20,", "lumbar_flexion = 95,", "step[1].key[1].set.lumbar_flexion", "outside the joint's limits"},
        {"highlight = [\"semitendinosus.r\", \"femur\"]", "highlight = [\"semitendinosis.r\", \"femur\"]",
         "step[0].highlight[0]", "unknown structure 'semitendinosis'; did you mean 'semitendinosus'?"},
        {"title = \"Sit tall\"\n", "", "step[0].title", "missing"},
        {"sources = [\"seed-002\", \"S21\"]", "sources = [\"seed-002\", \"S221\"]", "step[1].sources[1]", "unknown source 'S221'"},
        {"pose = \"long_sitting\"\n  set", "pose = \"long_siting\"\n  set", "step[1].key[1].pose",
         "did you mean 'long_sitting'?"},
        {"time = 4", "time = 0", "step[1].key[1].time", "times must increase"},
        {"state = \"stretch\"", "state = \"cramp\"", "step[1].muscles.cramp", "missing"},
        {"state = \"stretch\"", "state = \"strech\"", "step[1].muscles.state", "did you mean 'stretch'?"},
        {"ease = \"in_out\"", "ease = \"inout\"", "step[1].key[1].ease", "did you mean 'in_out'?"},
        {"view = \"lateral\"", "veiw = \"lateral\"", "step[0].veiw", "unknown field 'veiw'; did you mean 'view'?"},
        {"chapter = \"relief\"", "chapter = \"releif\"", "chapter", "did you mean 'relief'?"},
        {"view = \"lateral\"", "view = \"lateal\"", "step[0].view", "unknown view 'lateal'; did you mean 'lateral'?"},
        {"view = \"lateral\"", "frame = \"thigh\"", "step[0].frame",
         "unknown framing 'thigh' (working, body, legs or thighs); did you mean 'thighs'?"},
        {"ease = \"in_out\"", "ease = \"bounce\"", "step[1].key[1].ease", "unknown easing 'bounce' (linear, in, out or in_out)"},
        {"view = \"lateral\"", "props = [{ shape = \"ball\", under = \"heel_r\", size = [0.1, 0.1, 0.1] }]",
         "step[0].props[0].shape", "unknown shape 'ball' (box, cylinder, dumbbell, roller, step, mat, chair or glass)"},
        {"view = \"lateral\"", "props = [\"box\"]", "step[0].props[0]", "expected { shape = ..."},
        {"  time = 4\n", "  bogus = 4\n", "step[1].key[1].bogus", "unknown field 'bogus'"},
        // An integer too large to be an exact double is refused, not read as an empty value.
        {"lumbar_flexion = 20,", "lumbar_flexion = 99999999999999999,", "step[1].key[1].set.lumbar_flexion",
         "expected a number of degrees"},
        // TOML spells infinity and not-a-number; neither is an angle.
        {"lumbar_flexion = 20,", "lumbar_flexion = nan,", "step[1].key[1].set.lumbar_flexion", "expected a number of degrees"},
        {"lumbar_flexion = 20,", "lumbar_flexion = -inf,", "step[1].key[1].set.lumbar_flexion", "expected a number of degrees"},
        {"layers = { skin = 0.3", "layers = { skin = nan", "step[0].layers.skin", "opacity must be between 0 and 1"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.to);
        const std::string text = withLine(c.from, c.to);
        auto lesson = parse(text);
        REQUIRE_FALSE(lesson.ok());
        const core::Error& error = lesson.error();
        INFO(error.describe());
        CHECK(error.file == "lesson.toml");
        CHECK(error.line > 0);
        CHECK(error.column > 0);
        CHECK(error.field == c.field);
        CHECK(error.message.find(c.message) != std::string::npos);
        // The error points at the changed line, or for a missing value at its table.
        const std::size_t changedAt = std::string(kGoodLesson).find(c.from);
        const int changedLine = int(std::count(kGoodLesson, kGoodLesson + changedAt, '\n')) + 1;
        if (c.message != "missing") CHECK(error.line == changedLine);
    }
}

TEST_CASE("muscle settings name the step, the field and what is accepted")
{
    struct Case {
        std::string muscles, field, message;
    };
    const Case cases[] = {
        {"state = \"cramp\"\n  cramp = { muscle = \"gracilis\", side = \"r\", onset = 1, duration = 20 }",
         "step[1].muscles.cramp.muscle", "unknown hamstring head 'gracilis'"},
        {"state = \"cramp\"\n  cramp = { muscle = \"semitendinosus\", side = \"right\", onset = 1, duration = 20 }",
         "step[1].muscles.cramp.side", "side is \"r\" or \"l\""},
        {"state = \"stretch\"\n  sides = [\"r\", \"right\"]", "step[1].muscles.sides", "sides are \"r\" and \"l\", got 'right'"},
        {"state = \"stretch\"\n  heads = [\"semitendinosis\"]", "step[1].muscles.heads",
         "unknown hamstring head 'semitendinosis'; did you mean 'semitendinosus'?"},
        {"state = \"contraction\"\n  excitation = [[0, 0.5], [1, \"full\"]]", "step[1].muscles.excitation[1]",
         "expected [seconds, excitation from 0 to 1]"},
        {"state = \"contraction\"\n  excitation = [[0, 0.5], [1, nan]]", "step[1].muscles.excitation[1]",
         "excitation must be between 0 and 1"},
        {"state = \"contraction\"\n  excitation = [[0, 0.5], [inf, 1]]", "step[1].muscles.excitation[1]",
         "expected [seconds, excitation from 0 to 1]"},
        {"state = \"contraction\"\n  excitation = [[0, 0.5], [nan, 1]]", "step[1].muscles.excitation[1]",
         "expected [seconds, excitation from 0 to 1]"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.muscles);
        auto lesson = parse(withLine("state = \"stretch\"", c.muscles));
        REQUIRE_FALSE(lesson.ok());
        CHECK(lesson.error().field == c.field);
        CHECK(lesson.error().message.find(c.message) != std::string::npos);
    }
    // Both sides and a cramp on the left read back as written.
    auto cramp = parse(withLine("state = \"stretch\"", "state = \"cramp\"\n  sides = [\"l\"]\n"
                                                       "  cramp = { muscle = \"semitendinosus\", side = \"l\", onset = 1, duration = 20 }"));
    REQUIRE(cramp.ok());
    const MuscleTimeline& muscles = cramp->steps[1].muscles;
    CHECK(muscles.mode == MuscleMode::Cramp);
    CHECK(muscles.sides == std::vector<anatomy::Side>{anatomy::Side::Left});
    REQUIRE(muscles.cramp.has_value());
    CHECK(muscles.cramp->side == anatomy::Side::Left);
    CHECK(muscles.cramp->muscle == anatomy::Muscle::Semitendinosus);
}

TEST_CASE("pose and source files name the entry at fault")
{
    auto notATable = PoseLibrary::parse("sitting = 3\n\n[standing]\ndescription = \"x\"\ncontacts = [\"heel_r\"]\n", "poses.toml");
    REQUIRE_FALSE(notATable.ok());
    CHECK(notATable.error().describe() == "poses.toml:1:11: sitting: expected a pose table");
    // An integer too large to be an exact double is refused, not read as an empty value.
    auto huge = PoseLibrary::parse("[standing]\ndescription = \"x\"\ncontacts = [\"heel_r\", \"heel_l\"]\n"
                                   "angles = { hip_flexion = 99999999999999999 }\n",
                                   "poses.toml");
    REQUIRE_FALSE(huge.ok());
    CHECK(huge.error().describe() == "poses.toml:4:26: standing.angles.hip_flexion: expected a number of degrees");
    // A support's height must be a number from 0 to 1.5 m; not-a-number fails no comparison.
    for (const char* height : {"nan", "-0.1", "2", "0.1m"}) {
        CAPTURE(height);
        auto support = PoseLibrary::parse(std::string("[standing]\ndescription = \"x\"\ncontacts = [\"heel_r@") + height +
                                              "\", \"heel_l\"]\n",
                                          "poses.toml");
        REQUIRE_FALSE(support.ok());
        CHECK(support.error().describe().starts_with("poses.toml:3:13: standing.contacts[0]: 'heel_r@"));
        CHECK(support.error().describe().find("the support's height in metres (0 to 1.5)") != std::string::npos);
    }
    auto source = SourceList::parse("[S1]\ncitation = \"A\"\n[S2]\ncitaton = \"B\"\n", "sources.toml");
    REQUIRE_FALSE(source.ok());
    CHECK(source.error().describe() ==
          "sources.toml:4:1: S2.citaton: unknown field 'citaton'; did you mean 'citation'? (and 1 more problem)");
    auto missing = SourceList::load("/nonexistent/sources.toml");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().file == "/nonexistent/sources.toml");
}

TEST_CASE("a route to lying names known poses; a mistake names the file, line and entry")
{
    const std::string poses = "[standing]\ndescription = \"x\"\ncontacts = [\"heel_r\", \"heel_l\"]\n\n"
                              "[routes]\nlying_on_back = [\"standing\"]\nlying_face_down = [\"standing\", \"standng\"]\n";
    auto typo = PoseLibrary::parse(poses, "poses.toml");
    REQUIRE_FALSE(typo.ok());
    CHECK(typo.error().describe() == "poses.toml:7:32: routes.lying_face_down[1]: unknown pose 'standng'; did you mean 'standing'?");
    std::string unknownKey = poses;
    unknownKey.replace(unknownKey.find("lying_on_back"), 13, "lying_on_side");
    auto wrongKey = PoseLibrary::parse(unknownKey, "poses.toml");
    REQUIRE_FALSE(wrongKey.ok());
    CHECK(wrongKey.error().field == "routes.lying_on_side");
    // The shipped routes: crouching and sitting down to the back; kneeling, all fours, the
    // forearms and the arms up beside the head to lying face down.
    const RouteNames& routes = fixture().poses.routes();
    CHECK(routes.toLyingOnBack == std::vector<std::string>{"crouching", "sitting_knees_bent"});
    CHECK(routes.toLyingFaceDown == std::vector<std::string>{"kneeling_upright", "hands_and_knees", "prone_on_forearms", "prone_arms_up"});
    CHECK(routes.backToFaceDown ==
          std::vector<std::string>{"sitting_knees_bent", "crouching", "hands_and_knees", "prone_on_forearms", "prone_arms_up"});
    // A [routes] that is not a table says so.
    auto notATable = PoseLibrary::parse("routes = 3\n\n[standing]\ndescription = \"x\"\ncontacts = [\"heel_r\"]\n", "poses.toml");
    REQUIRE_FALSE(notATable.ok());
    CHECK(notATable.error().describe() == "poses.toml:1:10: routes: expected a [routes] table of pose lists");
}

TEST_CASE("postures: standing, lying on the back, lying face down, and the rest, from the pelvis and trunk")
{
    const PoseLibrary& poses = fixture().poses;
    auto posture = [&](const char* name) { return postureOf(poses.find(name)->pose); };
    CHECK(posture("standing") == Posture::Upright);
    CHECK(posture("standing_forward_bend") == Posture::Upright);
    CHECK(posture("supine") == Posture::LyingOnBack);
    CHECK(posture("supine_leg_raise") == Posture::LyingOnBack);
    CHECK(posture("prone") == Posture::LyingFaceDown);
    CHECK(posture("prone_knee_curl") == Posture::LyingFaceDown);
    CHECK(posture("long_sitting") == Posture::Other);
    CHECK(posture("kneeling_upright") == Posture::Other);
    CHECK(posture("hands_and_knees") == Posture::Other);
    CHECK(posture("chair_sitting") == Posture::Other);
    CHECK(posture("supine_in_bed") == Posture::Other);  // on a bed, not the floor
}

TEST_CASE("a step change between standing and lying goes through the route's poses, and the step waits for the body")
{
    const PoseLibrary& poses = fixture().poses;
    auto parsed = parseLesson(R"(title = "Down and up"
chapter = "strength"
summary = "Lie face down, then stand."
sources = ["seed-002"]

[[step]]
title = "Stand"
text = "Stand."
sources = ["seed-002"]

  [[step.key]]
  time = 0
  pose = "standing"

[[step]]
title = "Lie face down"
text = "Lie face down."
sources = ["seed-002"]

  [[step.key]]
  time = 0
  pose = "prone"

  [[step.key]]
  time = 2
  pose = "prone_knee_curl"

[[step]]
title = "Rest face down"
text = "Lie face down, the arms up beside the head."
sources = ["seed-002"]

  [[step.key]]
  time = 0
  pose = "prone_arms_up"
)",
                              "down.toml", fixture().context);
    REQUIRE_MESSAGE(parsed.ok(), (parsed.ok() ? "" : parsed.error().describe()));
    const Lesson& lesson = *parsed;
    const anatomy::Pose& standing = poses.find("standing")->pose;
    const anatomy::Pose& prone = poses.find("prone")->pose;
    // The routes as the pose library names them, from standing down, and back up reversed.
    auto named = [&](const std::vector<StepKey>& keys) {
        std::vector<std::string> found;
        for (const StepKey& key : keys)
            for (const auto& [name, pose] : poses.poses())
                if (pose.pose[Coordinate::PelvisAnteriorTilt] == key.pose[Coordinate::PelvisAnteriorTilt] &&
                    pose.pose[Coordinate::ShoulderFlexionR] == key.pose[Coordinate::ShoulderFlexionR] &&
                    pose.pose[Coordinate::KneeFlexionR] == key.pose[Coordinate::KneeFlexionR] &&
                    pose.pose[Coordinate::ElbowFlexionR] == key.pose[Coordinate::ElbowFlexionR])
                    found.push_back(name);
        return found;
    };
    CHECK(named(routeBetween(lesson.routes, standing, prone)) ==
          std::vector<std::string>{"kneeling_upright", "hands_and_knees", "prone_on_forearms", "prone_arms_up"});
    CHECK(named(routeBetween(lesson.routes, prone, standing)) ==
          std::vector<std::string>{"prone_arms_up", "prone_on_forearms", "hands_and_knees", "kneeling_upright"});
    CHECK(named(routeBetween(lesson.routes, standing, poses.find("supine")->pose)) ==
          std::vector<std::string>{"crouching", "sitting_knees_bent"});
    // From all fours, only the rest of the way; to the route's own last pose, not through it.
    CHECK(named(routeBetween(lesson.routes, poses.find("hands_and_knees")->pose, prone)) ==
          std::vector<std::string>{"prone_on_forearms", "prone_arms_up"});
    CHECK(named(routeBetween(lesson.routes, standing, poses.find("prone_arms_up")->pose)) ==
          std::vector<std::string>{"kneeling_upright", "hands_and_knees", "prone_on_forearms"});
    // As a step's key, settled again with its contacts (its angles move by a degree or so): the
    // same, with no second of lying still in the pose it is already in.
    CHECK(named(routeBetween(lesson.routes, standing, lesson.steps[2].keys.front().pose)) ==
          std::vector<std::string>{"kneeling_upright", "hands_and_knees", "prone_on_forearms"});
    // Propped on the forearms is the route's own pose, before its end, though its pelvis is as
    // low as lying: down to it and up from it in that order.
    CHECK(named(routeBetween(lesson.routes, standing, poses.find("prone_on_forearms")->pose)) ==
          std::vector<std::string>{"kneeling_upright", "hands_and_knees"});
    CHECK(named(routeBetween(lesson.routes, poses.find("prone_on_forearms")->pose, standing)) ==
          std::vector<std::string>{"hands_and_knees", "kneeling_upright"});
    // From the back over to the front: sitting up, onto the feet, all fours, and down.
    CHECK(named(routeBetween(lesson.routes, poses.find("supine")->pose, prone)) ==
          std::vector<std::string>{"sitting_knees_bent", "crouching", "hands_and_knees", "prone_on_forearms", "prone_arms_up"});
    // Next to each other, or not on a route (sitting with straight legs, a bed): a straight blend.
    CHECK(routeBetween(lesson.routes, standing, poses.find("kneeling_upright")->pose).empty());
    CHECK(routeBetween(lesson.routes, standing, poses.find("long_sitting")->pose).empty());
    CHECK(routeBetween(lesson.routes, standing, poses.find("supine_in_bed")->pose).empty());
    CHECK(routeBetween(lesson.routes, prone, poses.find("prone_knee_curl")->pose).empty());

    // Played: one second for each of the four poses and one more to the step's first key, while
    // the step's own time waits; at each second the body is in the route's pose, on the floor.
    LessonPlayer player;
    player.start(lesson, standing, 0);
    player.scrub(0.0);
    REQUIRE(player.next());
    CHECK(player.blendDurationS() == doctest::Approx(5.0));
    const double dt = 1.0 / 100.0;
    const std::vector<std::string> expected{"kneeling_upright", "hands_and_knees", "prone_on_forearms", "prone_arms_up"};
    double highestPelvisLying = 0.0;
    for (int tick = 1; tick <= 600; ++tick) {
        player.update(dt);
        const double t = tick * dt;
        const anatomy::Pose pose = player.pose();
        const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(pose);
        CHECK(anim::lowestPointY(skeleton) > -0.01);
        if (t < 5.0 - 1e-9) CHECK(player.stepTimeS() == 0.0);
        if (tick % 100 == 0 && tick <= 400) {
            CAPTURE(t);
            const anatomy::Pose& waypoint = poses.find(expected[std::size_t(tick / 100 - 1)])->pose;
            CHECK(pose[Coordinate::PelvisAnteriorTilt] == doctest::Approx(waypoint[Coordinate::PelvisAnteriorTilt]).epsilon(0.01));
            CHECK(pose[Coordinate::HipFlexionR] == doctest::Approx(waypoint[Coordinate::HipFlexionR]).epsilon(0.01));
            CHECK(pose[Coordinate::ElbowFlexionR] == doctest::Approx(waypoint[Coordinate::ElbowFlexionR]).epsilon(0.01));
        }
        // Once the trunk is tipped forward and the legs straight, the pelvis is near the floor.
        if (pose[Coordinate::PelvisAnteriorTilt] > 45.0 && pose[Coordinate::HipFlexionR] < 30.0 && pose[Coordinate::KneeFlexionR] < 30.0)
            highestPelvisLying = std::max(highestPelvisLying, skeleton.origin(anatomy::Segment::Pelvis).y);
    }
    CHECK(highestPelvisLying < 0.35);
    // The step then plays from its start: 1 s after the route, 1 s into the knee curl.
    CHECK(player.stepTimeS() == doctest::Approx(1.0).epsilon(0.02));
    // Back to standing: the same poses the other way round.
    REQUIRE(player.previous());
    CHECK(player.blendDurationS() == doctest::Approx(5.0));
    // Scrubbing shows the step's pose at once.
    player.scrub(0.0);
    CHECK(std::abs(player.pose()[Coordinate::PelvisAnteriorTilt] - standing[Coordinate::PelvisAnteriorTilt]) < 0.5);
}

TEST_CASE("into or out of a bed the step's pose shows at once; in bed, on a chair and on the floor the body blends")
{
    const PoseLibrary& poses = fixture().poses;
    auto parsed = parseLesson(R"(title = "Bed"
chapter = "cramp"
summary = "In bed and out."
sources = ["seed-002"]

[[step]]
title = "In bed"
text = "Lie in bed."
sources = ["seed-002"]

  [[step.key]]
  time = 0
  pose = "supine_in_bed"

[[step]]
title = "Sitting up in bed"
text = "Sit up in bed."
sources = ["seed-002"]

  [[step.key]]
  time = 0
  pose = "sitting_up_in_bed"

[[step]]
title = "On a chair"
text = "Sit on a chair."
sources = ["seed-002"]

  [[step.key]]
  time = 0
  pose = "chair_sitting"

[[step]]
title = "Standing"
text = "Stand."
sources = ["seed-002"]

  [[step.key]]
  time = 0
  pose = "standing"
)",
                              "bed.toml", fixture().context);
    REQUIRE_MESSAGE(parsed.ok(), (parsed.ok() ? "" : parsed.error().describe()));
    CHECK(upOnSupport(poses.find("supine_in_bed")->pose));
    CHECK(upOnSupport(poses.find("sitting_up_in_bed")->pose));
    CHECK_FALSE(upOnSupport(poses.find("chair_sitting")->pose));  // the feet stay on the floor
    CHECK_FALSE(upOnSupport(poses.find("standing")->pose));
    CHECK_FALSE(upOnSupport(poses.find("supine")->pose));

    // The pelvis's height and tilt: the body in the step's pose, not on its way to it.
    auto pelvis = [](const anatomy::Pose& pose) {
        return std::pair(anatomy::computeSkeleton(pose).origin(anatomy::Segment::Pelvis).y, pose[Coordinate::PelvisAnteriorTilt]);
    };
    auto showsStep = [&](const LessonPlayer& player, int step) {
        const auto [height, tilt] = pelvis(player.pose());
        const auto [wanted, wantedTilt] = pelvis(parsed->steps[std::size_t(step)].keys.front().pose);
        return std::abs(height - wanted) < 0.005 && std::abs(tilt - wantedTilt) < 0.5;
    };
    const anatomy::Pose& standing = poses.find("standing")->pose;
    // Opened from standing on a step in bed: in bed from the first frame.
    LessonPlayer player;
    player.start(*parsed, standing, 0);
    CHECK(player.blendDurationS() == 0.0);
    CHECK(showsStep(player, 0));
    player.update(0.1);
    CHECK(showsStep(player, 0));
    // In bed to sitting up in bed: a blend, half way after half a second.
    REQUIRE(player.next());
    CHECK(player.blendDurationS() == doctest::Approx(LessonPlayer::kStepBlendS));
    player.update(LessonPlayer::kStepBlendS / 2.0);
    CHECK_FALSE(showsStep(player, 0));
    CHECK_FALSE(showsStep(player, 1));
    player.update(LessonPlayer::kStepBlendS);
    CHECK(showsStep(player, 1));
    // Out of bed onto a chair: a cut.
    REQUIRE(player.next());
    CHECK(player.blendDurationS() == 0.0);
    CHECK(showsStep(player, 2));
    // Chair to standing, both with the feet on the floor: a blend again.
    REQUIRE(player.next());
    CHECK(player.blendDurationS() == doctest::Approx(LessonPlayer::kStepBlendS));
    player.update(LessonPlayer::kStepBlendS / 2.0);
    CHECK_FALSE(showsStep(player, 3));
    // And from standing straight back into bed: a cut.
    player.goToStep(0);
    CHECK(showsStep(player, 0));
}

TEST_CASE("a pose that cannot reach the floor is refused with the contacts named")
{
    const std::string text = withLine("set = { pelvis_anterior_tilt = 15,", "contacts = [\"seat_r\", \"seat_l\", \"heel_r\", \"heel_l\", \"hand_r\"]\n  set = { pelvis_anterior_tilt = 15,");
    auto lesson = parse(text);
    REQUIRE_FALSE(lesson.ok());
    CHECK(lesson.error().message.find("hand_r is") != std::string::npos);
    CHECK(lesson.error().message.find("cm above the floor") != std::string::npos);
}

TEST_CASE("the player moves in, holds with a countdown, releases, rests and repeats")
{
    auto lesson = parse(kGoodLesson);
    REQUIRE(lesson.ok());
    LessonPlayer player;
    player.start(*lesson, anatomy::Pose::neutral(), 1);
    CHECK(player.stepIndex() == 1);
    const double step = 1.0 / 240.0;
    auto advance = [&](double seconds) {
        for (int i = 0; i < int(std::round(seconds / step)); ++i) player.update(step);
    };
    advance(2.0);
    CHECK(player.clock().phase == StepPhase::Moving);
    advance(12.0);
    CHECK(player.clock().phase == StepPhase::Holding);
    CHECK(player.clock().remainingS() == doctest::Approx(20.0).epsilon(0.01));
    advance(20.5);
    CHECK(player.clock().phase == StepPhase::Releasing);
    advance(5.0);
    CHECK(player.clock().phase == StepPhase::Resting);
    advance(5.0);
    CHECK(player.clock().repetition == 1);
    CHECK(player.clock().phase == StepPhase::Moving);
    advance(200.0);
    CHECK(player.stepFinished());
    CHECK(player.clock().phase == StepPhase::Finished);
    CHECK(player.clock().repetition == 2);
}

TEST_CASE("pause, speed and scrub")
{
    auto lesson = parse(kGoodLesson);
    REQUIRE(lesson.ok());
    LessonPlayer player;
    player.start(*lesson, anatomy::Pose::neutral(), 1);
    player.setPaused(true);
    player.update(1.0);
    CHECK(player.stepTimeS() == 0.0);
    player.setPaused(false);
    player.setSpeed(2.0);
    player.update(1.0);
    CHECK(player.stepTimeS() == doctest::Approx(2.0));
    player.scrub(10.0);
    CHECK(player.clock().phase == StepPhase::Holding);
    const anatomy::Pose held = player.pose();
    CHECK(held[Coordinate::LumbarFlexion] == doctest::Approx(20.0));
}

TEST_CASE("steps blend into each other without jumps, and the body stays on the floor")
{
    auto lesson = parse(kGoodLesson);
    REQUIRE(lesson.ok());
    LessonPlayer player;
    anatomy::Pose standing = anatomy::Pose::neutral();
    player.start(*lesson, standing, 0);
    anatomy::Pose previous = standing;
    double largestJump = 0.0;
    const double dt = 1.0 / 120.0;
    for (int frame = 0; frame < 1200; ++frame) {
        if (frame == 300) CHECK(player.next());
        player.update(dt);
        const anatomy::Pose pose = player.pose();
        for (std::size_t i = 0; i < pose.values.size(); ++i) {
            const double scale = i < 3 ? 100.0 : 1.0; // metres to centimetres
            largestJump = std::max(largestJump, std::abs(pose.values[i] - previous.values[i]) * scale);
        }
        CHECK(anim::lowestPointY(anatomy::computeSkeleton(pose)) > -0.01);
        previous = pose;
    }
    // At 120 frames per second nothing moves more than 3 degrees or 3 cm in a frame.
    CHECK(largestJump < 3.0);
    CHECK(player.previous());
    CHECK(player.stepIndex() == 0);
    CHECK_FALSE(player.previous());
}

TEST_CASE("muscle drive follows the step: contraction excitation and cramp timing")
{
    const std::string text = withLine("[step.muscles]\n  state = \"stretch\"",
                                      "[step.muscles]\n  state = \"contraction\"\n  excitation = [[0, 0.0], [4, 0.8], [34, 0.8], [38, 0.0]]");
    auto lesson = parse(text);
    REQUIRE_MESSAGE(lesson.ok(), (lesson.ok() ? "" : lesson.error().describe()));
    LessonPlayer player;
    player.start(*lesson, anatomy::Pose::neutral(), 1);
    player.scrub(2.0);
    CHECK(player.muscleDrive().mode == MuscleMode::Contraction);
    CHECK(player.muscleDrive().excitation == doctest::Approx(0.4).epsilon(0.05));
    player.scrub(20.0);
    CHECK(player.muscleDrive().excitation == doctest::Approx(0.8));

    const std::string cramp = withLine("[step.muscles]\n  state = \"stretch\"",
                                       "[step.muscles]\n  state = \"cramp\"\n  cramp = { muscle = \"biceps_femoris_long\", side = \"r\", onset = 1.5, duration = 45 }");
    auto crampLesson = parse(cramp);
    REQUIRE_MESSAGE(crampLesson.ok(), (crampLesson.ok() ? "" : crampLesson.error().describe()));
    player.start(*crampLesson, anatomy::Pose::neutral(), 1);
    CHECK(player.muscleDrive().crampElapsedS == doctest::Approx(-1.5));
    player.scrub(3.0);
    REQUIRE(player.muscleDrive().cramp);
    CHECK(player.muscleDrive().cramp->muscle == anatomy::Muscle::BicepsFemorisLong);
    CHECK(player.muscleDrive().crampElapsedS == doctest::Approx(1.5));
}

TEST_CASE("a lesson library asked to stop before it starts reads no lesson file and leaves no half entry")
{
    testing_support::TempDir dir;
    testing_support::writeText(dir / "good.toml", kGoodLesson);
    testing_support::writeText(dir / "broken.toml", withLine("view = \"lateral\"", "view = \"sideways\""));
    const std::string poses = std::string(HT_SOURCE_DIR) + "/scenes/poses.toml";
    const std::string sources = std::string(HT_SOURCE_DIR) + "/assets/sources.toml";
    std::stop_source stop;
    stop.request_stop();
    const LessonLibrary stopped = LessonLibrary::load(dir.path(), poses, sources, fixture().context.structures, {}, stop.get_token());
    CHECK(stopped.entries().empty());
    CHECK(stopped.find("good") == nullptr);
    // The same files with a stop never requested: both are there.
    std::stop_source never;
    const LessonLibrary whole = LessonLibrary::load(dir.path(), poses, sources, fixture().context.structures, {}, never.get_token());
    CHECK(whole.entries().size() == 2);
    CHECK(whole.find("good") != nullptr);
}

TEST_CASE("a lesson library keeps good lessons when one file is broken, and reloads edits")
{
    testing_support::TempDir dir;
    testing_support::writeText(dir / "good.toml", kGoodLesson);
    testing_support::writeText(dir / "broken.toml", withLine("view = \"lateral\"", "view = \"sideways\""));
    auto library = LessonLibrary::load(dir.path(), std::string(HT_SOURCE_DIR) + "/scenes/poses.toml",
                                       std::string(HT_SOURCE_DIR) + "/assets/sources.toml", fixture().context.structures);
    REQUIRE(library.entries().size() == 2);
    CHECK(library.entries()[0].lesson.has_value());
    CHECK(library.entries()[1].error.has_value());
    CHECK(library.errorCount() == 1);
    CHECK(library.find("good") != nullptr);
    CHECK(library.reloadChanged() == 0);
    testing_support::writeText(dir / "broken.toml", std::string(kGoodLesson) + "\n# fixed\n");
    CHECK(library.reloadChanged() >= 1);
    CHECK(library.errorCount() == 0);
}
