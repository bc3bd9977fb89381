// Props and the partner figure: what lesson files say about them (good and bad input), where
// a dumbbell sits against the hand that holds it, and where the partner's hands are against
// the body points they hold, each checked from the skeleton's own landmarks and segments.
#include "anim/floor_contact.h"
#include "anim/reach.h"
#include "content/lesson_file.h"
#include "lessons/lesson_player.h"
#include "scene/step_staging.h"

#include <doctest/doctest.h>

#include <glm/gtc/matrix_access.hpp>

#include <fstream>
#include <sstream>

using namespace content;
using anatomy::Landmark;

namespace {

struct Context {
    PoseLibrary poses;
    SourceList sources;
    LessonContext context;

    Context()
    {
        poses = *PoseLibrary::load(std::string(HT_SOURCE_DIR) + "/scenes/poses.toml");
        sources = *SourceList::load(std::string(HT_SOURCE_DIR) + "/assets/sources.toml");
        context = {&poses, &sources, {"semitendinosus", "semimembranosus", "biceps_femoris_long", "biceps_femoris_short", "gluteus_maximus"}};
    }
};

const Context& shared()
{
    static const Context instance;
    return instance;
}

const char* kStagedLesson = R"(title = "Props and a partner"
chapter = "relief"
summary = "A step with props and a helper."
sources = ["seed-003"]

[[step]]
title = "Lift"
text = "The partner lifts the leg."
sources = ["seed-003"]
props = [
  { shape = "dumbbell", at = "hand_r", size = [0.26, 0.1, 0.1] },
  { shape = "chair", under = "seat_r", size = [0.45, 0.45, 0.48], colour = [0.4, 0.3, 0.2] },
  { shape = "mat", under = "sacrum", size = [1.8, 0.006, 0.6] },
]

  [[step.key]]
  time = 0
  pose = "supine_leg_raise"

  [step.partner]
  pose = "kneeling_upright"
  hands = { hand_l = "heel_r", hand_r = "knee_r" }
  distance = 0.75
)";

core::Expected<Lesson> parse(const std::string& text)
{
    return parseLesson(text, "staged.toml", shared().context);
}

std::string replaced(const std::string& from, const std::string& to)
{
    std::string text = kStagedLesson;
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return text;
}

int lineOf(const std::string& text, const std::string& needle)
{
    const auto at = text.find(needle);
    REQUIRE(at != std::string::npos);
    return int(std::count(text.begin(), text.begin() + std::ptrdiff_t(at), '\n')) + 1;
}

glm::dvec3 column(const glm::mat4& m, int c)
{
    return glm::dvec3(glm::column(m, c));
}

} // namespace

TEST_CASE("prop shapes and a partner are read from a lesson step")
{
    auto lesson = parse(kStagedLesson);
    REQUIRE_MESSAGE(lesson.ok(), (lesson.ok() ? "" : lesson.error().describe()));
    const LessonStep& step = lesson->steps[0];
    REQUIRE(step.props.size() == 3);
    CHECK(step.props[0].shape == Prop::Shape::Dumbbell);
    CHECK(step.props[0].follows);
    CHECK(step.props[0].landmark == Landmark::HandR);
    CHECK(step.props[1].shape == Prop::Shape::Chair);
    CHECK_FALSE(step.props[1].follows);
    CHECK(step.props[1].colour.r == doctest::Approx(0.4f));
    CHECK(step.props[2].shape == Prop::Shape::Mat);
    CHECK(step.props[2].sizeM.y == doctest::Approx(0.006f));
    REQUIRE(step.partner.has_value());
    const Partner& partner = *step.partner;
    CHECK(partner.distanceM == doctest::Approx(0.75));
    REQUIRE(partner.holds.size() == 2);
    CHECK(partner.holds[0].hand == Landmark::HandR);
    CHECK(partner.holds[0].holds == Landmark::KneeR);
    CHECK(partner.holds[1].hand == Landmark::HandL);
    CHECK(partner.holds[1].holds == Landmark::HeelR);
    // Settled on the floor on the kneeling pose's contacts.
    const anatomy::SkeletonPose kneeling = anatomy::computeSkeleton(partner.pose);
    for (double gap : anim::contactGaps(kneeling, partner.contacts)) CHECK(std::abs(gap) < 0.02);
}

TEST_CASE("prop and partner mistakes name the file, line, column and field")
{
    struct Case {
        std::string from, to, field, message;
    };
    const Case cases[] = {
        {"{ shape = \"dumbbell\", at = \"hand_r\"", "{ shape = \"dumbbell\", at = \"heel_r\"", "step[0].props[0].at",
         "a dumbbell is held: write at = \"hand_r\" or at = \"hand_l\""},
        {"{ shape = \"dumbbell\", at = \"hand_r\"", "{ shape = \"dumbel\", at = \"hand_r\"", "step[0].props[0].shape",
         "unknown shape 'dumbel' (box, cylinder, dumbbell, roller, step, mat, chair or glass); did you mean 'dumbbell'?"},
        {"{ shape = \"chair\", under = \"seat_r\"", "{ shape = \"chair\", at = \"seat_r\"", "step[0].props[1].at",
         "a chair stands on the floor: write under = \"<body point>\""},
        {"size = [1.8, 0.006, 0.6]", "size = [1.8, 0.06, 0.6]", "step[0].props[2].size", "a mat is at most 0.03 m thick"},
        {"size = [1.8, 0.006, 0.6]", "size = [1.8, 0.001, 0.6]", "step[0].props[2].size", "expected three numbers from 0.005 to 2"},
        {"hands = { hand_l = \"heel_r\"", "hands = { hand_l = \"heal_r\"", "step[0].partner.hands.hand_l",
         "unknown body point 'heal_r'; did you mean 'heel_r'?"},
        {"hands = { hand_l = \"heel_r\"", "hands = { foot_l = \"heel_r\"", "step[0].partner.hands.foot_l", "unknown field 'foot_l'"},
        {"pose = \"kneeling_upright\"", "pose = \"kneeling_uprite\"", "step[0].partner.pose", "did you mean 'kneeling_upright'?"},
        {"distance = 0.75", "distance = 3", "step[0].partner.distance", "3 is out of range (0.1 to 1.5)"},
        {"distance = 0.75", "distanse = 0.75", "step[0].partner.distanse", "did you mean 'distance'?"},
        {"distance = 0.75", "key = 2", "step[0].partner.key", "2 is out of range (1 to 1)"},
        {"size = [0.26, 0.1, 0.1] }", "size = [0.26, 0.1, 0.1], from = 2 }", "step[0].props[0].from",
         "2 s is after the step's last key (at 0 s)"},
        {"size = [0.26, 0.1, 0.1] }", "size = [0.26, 0.1, 0.1], from = -1 }", "step[0].props[0].from", "out of range"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.to);
        const std::string text = replaced(c.from, c.to);
        auto lesson = parse(text);
        REQUIRE_FALSE(lesson.ok());
        const core::Error& error = lesson.error();
        INFO(error.describe());
        CHECK(error.file == "staged.toml");
        CHECK(error.line == lineOf(text, c.to));
        CHECK(error.column > 0);
        CHECK(error.field == c.field);
        CHECK(error.message.find(c.message) != std::string::npos);
    }
    // A partner that holds nothing is missing its hands table, reported at the partner table.
    auto noHands = parse(replaced("  hands = { hand_l = \"heel_r\", hand_r = \"knee_r\" }\n", ""));
    REQUIRE_FALSE(noHands.ok());
    CHECK(noHands.error().field == "step[0].partner.hands");
    CHECK(noHands.error().message.find("missing") != std::string::npos);
}

TEST_CASE("a dumbbell follows the hand that holds it, its handle through the closed fist")
{
    content::LessonStep step;
    step.props.push_back({Prop::Shape::Dumbbell, {0.26f, 0.1f, 0.1f}, Landmark::HandR, true, {0.2f, 0.2f, 0.2f}});
    step.props.push_back({Prop::Shape::Dumbbell, {0.26f, 0.1f, 0.1f}, Landmark::HandL, true, {0.2f, 0.2f, 0.2f}});
    const PoseLibrary& poses = shared().poses;
    for (const char* poseName : {"deadlift_top", "romanian_deadlift", "standing_drink"}) {
        CAPTURE(poseName);
        step.keys = {StepKey{0.0, poses.find(poseName)->pose, poses.find(poseName)->contacts}};
        scene::Scene scene;
        scene.setPose(step.keys[0].pose);
        scene::stageStep(scene, &step);
        REQUIRE(scene.props.size() == 2);
        for (int side = 0; side < 2; ++side) {
            const bool right = side == 0;
            const scene::PropInstance& dumbbell = scene.props[std::size_t(side)];
            CHECK(dumbbell.shape == Prop::Shape::Dumbbell);
            // The palm, and the forearm's direction, from the skeleton's landmark and segment origins.
            const anatomy::SkeletonPose& skeleton = scene.skeleton();
            const glm::dvec3 palm = anatomy::landmarkPosition(skeleton, right ? Landmark::HandR : Landmark::HandL);
            const glm::dvec3 wrist = skeleton.origin(right ? anatomy::Segment::HandR : anatomy::Segment::HandL);
            const glm::dvec3 elbow = skeleton.origin(right ? anatomy::Segment::ForearmR : anatomy::Segment::ForearmL);
            const glm::dvec3 centre = column(dumbbell.transform, 3);
            const glm::dvec3 axis = glm::normalize(column(dumbbell.transform, 0));
            CHECK(glm::length(column(dumbbell.transform, 0)) == doctest::Approx(0.26).epsilon(0.001));
            // The handle's axis passes through the fist: within a handle's thickness of the palm...
            const glm::dvec3 offAxis = (palm - centre) - axis * glm::dot(palm - centre, axis);
            CHECK(glm::length(offAxis) < 0.03);
            // ...between the plates (the grip is 0.42 of the length)...
            CHECK(std::abs(glm::dot(palm - centre, axis)) < 0.21 * 0.26);
            // ...and across the hand, not along the forearm.
            CHECK(std::abs(glm::dot(axis, glm::normalize(wrist - elbow))) < 0.2);
            // The hand is below the wrist and the dumbbell hangs with it, not left behind.
            CHECK(glm::length(centre - palm) < 0.03);
        }
    }
}

TEST_CASE("a prop with a start time comes in once the keys reach it, and goes again as they play back")
{
    // The staged step without its partner, two keys 4 s apart, a pad laid on the thigh at 3 s,
    // held 2 s, and a second repetition after the keys are played back.
    const std::string staged = kStagedLesson;
    std::string text = staged.substr(0, staged.find("  [[step.key]]"));
    const std::string mat = "  { shape = \"mat\", under = \"sacrum\", size = [1.8, 0.006, 0.6] },\n";
    REQUIRE(text.find(mat) != std::string::npos);
    text.replace(text.find(mat), mat.size(), mat + "  { shape = \"box\", at = \"back_of_thigh_r\", size = [0.03, 0.2, 0.15], from = 3 },\n");
    text += "hold = 2\nrepetitions = 2\n\n"
            "  [[step.key]]\n  time = 0\n  pose = \"standing\"\n\n"
            "  [[step.key]]\n  time = 4\n  pose = \"supine_leg_raise\"\n";
    auto lesson = parse(text);
    REQUIRE_MESSAGE(lesson.ok(), (lesson.ok() ? "" : lesson.error().describe()));
    const LessonStep& step = lesson->steps[0];
    REQUIRE(step.props.size() == 4);
    CHECK(step.props[3].fromS == doctest::Approx(3.0));
    CHECK(step.props[0].fromS == 0.0);
    lessons::LessonPlayer player;
    player.start(*lesson, anatomy::Pose::neutral());
    auto padShown = [&](double stepTimeS) {
        player.scrub(stepTimeS);
        scene::Scene scene;
        scene.setPose(player.pose());
        scene::stageStep(scene, player.step(), player.keyTimeS());
        int boxes = 0;
        for (const scene::PropInstance& prop : scene.props) boxes += prop.shape == Prop::Shape::Box;
        CHECK(scene.props.size() >= 3);  // the others are there throughout
        return boxes == 1;
    };
    // Moving in (0-4 s): from 3 s on.
    CHECK_FALSE(padShown(0.0));
    CHECK_FALSE(padShown(2.9));
    CHECK(padShown(3.1));
    // Holding (4-6 s), then the keys played back (6-10 s): gone again 3 s before the start.
    CHECK(padShown(5.0));
    CHECK(padShown(6.5));
    CHECK_FALSE(padShown(7.5));
    // The second repetition moves in again, and holds with it.
    CHECK_FALSE(padShown(10.5));
    CHECK(padShown(player.stepDurationS() - 0.01));

    // Entered lying down from standing, the body first gets down (2 poses, 3 s): a prop on the
    // body waits for the step's own poses, one on the floor is there all along.
    LessonStep lying = step;
    lying.keys.erase(lying.keys.begin());
    lying.keys.front().timeS = 0.0;
    lying.props = {step.props[0], step.props[2]};   // the dumbbell in the hand, the mat under the sacrum
    lying.props[0].fromS = 0.0;
    Lesson down = *lesson;
    down.steps = {lying};
    lessons::LessonPlayer entering;
    entering.start(down, shared().poses.find("standing")->pose);
    REQUIRE(entering.blendDurationS() == doctest::Approx(3.0));   // the shipped route down to the back
    auto shapesShown = [&] {
        std::vector<Prop::Shape> shapes;
        scene::Scene scene;
        scene.setPose(entering.pose());
        scene::stageStep(scene, entering.step(), entering.keyTimeS());
        for (const scene::PropInstance& prop : scene.props) shapes.push_back(prop.shape);
        return shapes;
    };
    CHECK(entering.keyTimeS() == doctest::Approx(-3.0));
    CHECK(shapesShown() == std::vector<Prop::Shape>{Prop::Shape::Mat});
    for (int i = 0; i < 290; ++i) entering.update(0.01);   // 2.9 s: still on the way
    CHECK(shapesShown() == std::vector<Prop::Shape>{Prop::Shape::Mat});
    for (int i = 0; i < 20; ++i) entering.update(0.01);    // 3.1 s: lying
    CHECK(entering.keyTimeS() >= 0.0);
    CHECK(shapesShown() == std::vector<Prop::Shape>{Prop::Shape::Dumbbell, Prop::Shape::Mat});
}

TEST_CASE("props under a body point stand on the floor where the last key puts it")
{
    content::LessonStep step;
    step.props.push_back({Prop::Shape::Chair, {0.45f, 0.45f, 0.48f}, Landmark::SeatR, false, {0.4f, 0.3f, 0.2f}});
    const NamedPose& sitting = *shared().poses.find("chair_sitting");
    step.keys = {StepKey{0.0, sitting.pose, sitting.contacts}};
    scene::Scene scene;
    scene.setPose(anatomy::Pose::neutral());  // the body elsewhere: the chair goes where the key sits
    scene::stageStep(scene, &step);
    REQUIRE(scene.props.size() == 1);
    const glm::dvec3 seat = anatomy::landmarkPosition(anatomy::computeSkeleton(sitting.pose), Landmark::SeatR);
    const glm::mat4& chair = scene.props[0].transform;
    CHECK(chair[3].x == doctest::Approx(seat.x).epsilon(1e-4));
    CHECK(chair[3].z == doctest::Approx(seat.z).epsilon(1e-4));
    // Unit frame from -0.5 to 0.5: the seat top (0.5) at 0.45 m, where the seat rests.
    CHECK(chair[3].y + 0.5f * chair[1].y == doctest::Approx(0.45f));
    CHECK(std::abs(seat.y - 0.45) < 0.03);
}

TEST_CASE("the partner kneels at the feet, its hands on the heel and the knee as the leg rises")
{
    std::ifstream file(std::string(HT_SOURCE_DIR) + "/scenes/lessons/relief_partner_stretch.toml");
    std::stringstream text;
    text << file.rdbuf();
    auto lesson = parseLesson(text.str(), "relief_partner_stretch.toml", shared().context);
    REQUIRE_MESSAGE(lesson.ok(), (lesson.ok() ? "" : lesson.error().describe()));
    int withPartner = 0, lyingKeys = 0;
    for (const LessonStep& step : lesson->steps) {
        CAPTURE(step.title);
        REQUIRE(step.partner.has_value());
        ++withPartner;
        // Through every key of the step where the person lies on the floor (the leg lying,
        // rising, held up): the body posed there. Not on the way down: standing, or sitting
        // before lying back.
        for (const StepKey& key : step.keys) {
            const bool lying = key.pose[anatomy::Coordinate::PelvisAnteriorTilt] <= -60.0;
            if (anatomy::computeSkeleton(key.pose).origin(anatomy::Segment::Pelvis).y > 0.3 || !lying) continue;
            ++lyingKeys;
            scene::Scene scene;
            scene.setPose(key.pose);
            scene::stageStep(scene, &step);
            const scene::PartnerFigure* partner = scene.partner();
            REQUIRE(partner != nullptr);
            const anatomy::SkeletonPose body = anatomy::computeSkeleton(key.pose);
            const anatomy::SkeletonPose helper = anatomy::computeSkeleton(partner->pose);
            for (const PartnerHold& hold : step.partner->holds) {
                const double gap = glm::length(anatomy::landmarkPosition(helper, hold.hand) - anatomy::landmarkPosition(body, hold.holds));
                CHECK(gap < 0.04);
            }
            // The partner kneels on the floor (its own contacts), beyond the body's feet.
            for (double floorGap : anim::contactGaps(helper, step.partner->contacts)) CHECK(std::abs(floorGap) < 0.03);
            const glm::dvec3 pelvis = body.origin(anatomy::Segment::Pelvis);
            const glm::dvec3 heel = anatomy::landmarkPosition(body, Landmark::HeelL);  // the leg left lying
            const glm::dvec3 partnerKnee = anatomy::landmarkPosition(helper, Landmark::KneeR);
            const glm::dvec2 alongBody = glm::normalize(glm::dvec2(heel.x - pelvis.x, heel.z - pelvis.z));
            const double kneeBeyondHeel = glm::dot(glm::dvec2(partnerKnee.x - heel.x, partnerKnee.z - heel.z), alongBody);
            CHECK(kneeBeyondHeel > 0.0);
            // Drawn as a figure of its own: the body keeps its own pose.
            CHECK(scene.pose().values == key.pose.values);
        }
    }
    CHECK(withPartner == 4);
    MESSAGE(lyingKeys << " keys with the body lying");
    CHECK(lyingKeys >= 7);
    // A step without a partner takes it away.
    LessonStep plain = lesson->steps[0];
    plain.partner.reset();
    scene::Scene scene;
    scene.setPose(plain.keys.back().pose);
    scene::stageStep(scene, &lesson->steps[0]);
    CHECK(scene.partner() != nullptr);
    scene::stageStep(scene, &plain);
    CHECK(scene.partner() == nullptr);
}

TEST_CASE("reaching moves a hand onto a point within reach, and stops at the joint limits")
{
    const anatomy::Pose standing = shared().poses.find("standing")->pose;
    const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(standing);
    const glm::dvec3 shoulder = skeleton.origin(anatomy::Segment::HumerusR);
    const glm::dvec3 ahead = shoulder + glm::dvec3(0.45, -0.1, 0.0);  // in front, within arm's length
    const anim::HandTarget target{Landmark::HandR, ahead};
    double worst = 1.0;
    const anatomy::Pose reached = anim::reachWithHands(standing, std::span(&target, 1), &worst);
    CHECK(worst < 0.01);
    CHECK(glm::length(anatomy::landmarkPosition(anatomy::computeSkeleton(reached), Landmark::HandR) - ahead) < 0.01);
    // The legs and pelvis stay as written.
    CHECK(reached[anatomy::Coordinate::HipFlexionR] == standing[anatomy::Coordinate::HipFlexionR]);
    CHECK(reached[anatomy::Coordinate::PelvisTx] == standing[anatomy::Coordinate::PelvisTx]);
    // Three metres away is out of reach: the hand gets as close as it can, inside every limit.
    const anim::HandTarget far{Landmark::HandR, shoulder + glm::dvec3(3.0, 0.0, 0.0)};
    const anatomy::Pose stretched = anim::reachWithHands(standing, std::span(&far, 1), &worst);
    CHECK(worst > 2.0);
    for (const anatomy::CoordinateInfo& info : anatomy::coordinateInfos()) {
        CHECK(stretched[info.coordinate] >= info.minimum);
        CHECK(stretched[info.coordinate] <= info.maximum);
    }
}
