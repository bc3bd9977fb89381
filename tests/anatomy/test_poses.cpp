#include "anim/floor_contact.h"
#include "anim/pose_blend.h"
#include "anim/track.h"
#include "content/pose_library.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <thread>

using namespace anatomy;

namespace {

const content::PoseLibrary& library()
{
    static const content::PoseLibrary poses = [] {
        auto loaded = content::PoseLibrary::load(std::string(HT_SOURCE_DIR) + "/scenes/poses.toml");
        if (!loaded) MESSAGE(loaded.error().describe());
        if (!loaded) throw std::runtime_error(loaded.error().describe());
        return *loaded;
    }();
    return poses;
}

} // namespace

TEST_CASE("every named pose rests its contacts on the floor and nothing goes through it")
{
    for (const auto& entry : library().poses()) {
        const std::string& name = entry.first;
        const auto& named = entry.second;
        CAPTURE(name);
        // The library settles each pose when it loads.
        const SkeletonPose skeleton = computeSkeleton(named.pose);
        for (const anim::Contact& contact : named.contacts) {
            const double height = landmarkPosition(skeleton, contact.landmark).y - contact.heightM;
            INFO(landmarkInfo(contact.landmark).name << " at " << height * 100.0 << " cm");
            CHECK(height > -0.001);
            CHECK(height < 0.02);
        }
        for (const LandmarkInfo& info : landmarkInfos()) {
            INFO(info.name << " at " << landmarkPosition(skeleton, info.landmark).y * 100.0 << " cm");
            CHECK(landmarkPosition(skeleton, info.landmark).y > -info.sinkM);
        }
        CHECK(anim::lowestPointY(skeleton) > -0.01);
    }
}

TEST_CASE("changing only the pelvis's coordinates moves every segment rigidly with it")
{
    // What settling relies on to try pelvis moves without posing the skeleton again.
    const Coordinate pelvisCoordinates[] = {Coordinate::PelvisTx, Coordinate::PelvisTy, Coordinate::PelvisTz,
                                            Coordinate::PelvisAnteriorTilt, Coordinate::PelvisList, Coordinate::PelvisRotation};
    const double changes[] = {0.13, -0.21, 0.07, 23.0, -11.0, 37.0};
    for (const auto& entry : library().poses()) {
        CAPTURE(entry.first);
        const Pose pose = entry.second.pose;
        Pose moved = pose;
        for (std::size_t i = 0; i < std::size(pelvisCoordinates); ++i) moved[pelvisCoordinates[i]] += changes[i];
        const SkeletonPose before = computeSkeleton(pose), after = computeSkeleton(moved);
        // The rigid motion that takes the pelvis from where it was to where it is now.
        const glm::dmat4 motion = after[Segment::Pelvis] * glm::inverse(before[Segment::Pelvis]);
        for (const SegmentInfo& info : segmentInfos()) {
            CAPTURE(info.name);
            const glm::dmat4 carried = motion * before[info.segment];
            for (int column = 0; column < 4; ++column)
                for (int row = 0; row < 4; ++row) CHECK(carried[column][row] == doctest::Approx(after[info.segment][column][row]).epsilon(1e-9));
        }
    }
}

TEST_CASE("settled poses are settled once, and kept ones are what settling gives")
{
    const content::NamedPose* sitting = library().find("long_sitting");
    REQUIRE(sitting);
    REQUIRE(!sitting->contacts.empty());
    // Written angles as a lesson would give them, not yet on the floor.
    Pose written = sitting->pose;
    written[Coordinate::PelvisTy] = 0.3;
    written[Coordinate::HipFlexionR] += 4.0;
    const std::vector<anim::CoordinateGroup> none, hips{{Coordinate::HipFlexionR, Coordinate::HipFlexionL}};

    content::SettledPoses settled;
    double worst = -1.0;
    const Pose afresh = anim::settleOnFloor(written, sitting->contacts, none, &worst);
    const content::SettledPoses::Settled first = settled.settle(written, sitting->contacts, none);
    CHECK(first.pose.values == afresh.values);
    CHECK(first.worstContactM == worst);
    CHECK(settled.size() == 1);
    CHECK(settled.settle(written, sitting->contacts, none).pose.values == afresh.values);
    CHECK(settled.size() == 1);

    // Another input of any kind is another entry: a tunable angle, a support's height, one
    // contact fewer, an angle.
    const content::SettledPoses::Settled tuned = settled.settle(written, sitting->contacts, hips);
    CHECK(tuned.pose.values == anim::settleOnFloor(written, sitting->contacts, hips).values);
    anim::ContactList raised = sitting->contacts;
    raised.front().heightM = 0.1;
    settled.settle(written, raised, none);
    settled.settle(written, anim::ContactList(sitting->contacts.begin() + 1, sitting->contacts.end()), none);
    Pose bent = written;
    bent[Coordinate::KneeFlexionL] += 1.0;
    settled.settle(bent, sitting->contacts, none);
    CHECK(settled.size() == 5);
    // An angle that is not a number is settled but not kept: it has no place in an ordered key.
    Pose broken = written;
    broken[Coordinate::KneeFlexionR] = std::nan("");
    CHECK(std::isnan(settled.settle(broken, sitting->contacts, none).pose[Coordinate::KneeFlexionR]));
    CHECK(settled.size() == 5);

    // Lessons load side by side and share one: threads settling the same poses keep one each.
    content::SettledPoses shared;
    std::vector<std::thread> threads;
    std::vector<Pose> answers(4);
    for (std::size_t t = 0; t < answers.size(); ++t)
        threads.emplace_back([&, t] {
            shared.settle(bent, sitting->contacts, none);
            answers[t] = shared.settle(written, sitting->contacts, hips).pose;
        });
    for (std::thread& thread : threads) thread.join();
    CHECK(shared.size() == 2);
    for (const Pose& answer : answers) CHECK(answer.values == tuned.pose.values);
}

TEST_CASE("easing curves start at 0, end at 1 and rise monotonically")
{
    for (anim::Easing easing : {anim::Easing::Linear, anim::Easing::In, anim::Easing::Out, anim::Easing::InOut}) {
        CAPTURE(anim::easingName(easing));
        CHECK(anim::ease(easing, 0.0) == 0.0);
        CHECK(anim::ease(easing, 1.0) == doctest::Approx(1.0));
        double previous = 0.0;
        for (int i = 1; i <= 20; ++i) {
            const double value = anim::ease(easing, i / 20.0);
            CHECK(value >= previous);
            previous = value;
        }
        CHECK(anim::easingFromName(anim::easingName(easing)) == easing);
    }
    CHECK(anim::ease(anim::Easing::InOut, 0.5) == doctest::Approx(0.5));
}

TEST_CASE("pose blending: exact at the ends, single-axis joints linear, three-axis joints along the shortest rotation")
{
    Pose a = Pose::neutral();
    Pose b = Pose::neutral();
    b[Coordinate::KneeFlexionR] = 90;
    b[Coordinate::HipFlexionR] = 60;
    b[Coordinate::HipAdductionR] = 20;
    b[Coordinate::HipRotationR] = -15;
    CHECK(anim::blendPoses(a, b, 0.0).values == a.values);
    CHECK(anim::blendPoses(a, b, 1.0).values == b.values);
    const Pose half = anim::blendPoses(a, b, 0.5);
    CHECK(half[Coordinate::KneeFlexionR] == doctest::Approx(45.0));
    // Slerp halfway: the femur points halfway, by angle, between the two end directions.
    const glm::dvec3 hip = computeSkeleton(a).origin(Segment::FemurR);
    auto kneeDirection = [&](const Pose& pose) {
        Pose straight = pose;
        straight[Coordinate::KneeFlexionR] = 0;
        return glm::normalize(computeSkeleton(straight).origin(Segment::TibiaR) - hip);
    };
    const double total = std::acos(glm::dot(kneeDirection(a), kneeDirection(b)));
    const double first = std::acos(std::clamp(glm::dot(kneeDirection(a), kneeDirection(half)), -1.0, 1.0));
    CHECK(first == doctest::Approx(total / 2).epsilon(0.02));
    // Angles read back in the same order the skeleton builds them.
    Pose mixed = Pose::neutral();
    mixed[Coordinate::HipFlexionL] = 35;
    mixed[Coordinate::HipAdductionL] = -12;
    mixed[Coordinate::HipRotationL] = 20;
    mixed[Coordinate::ShoulderFlexionR] = 70;
    mixed[Coordinate::ShoulderAbductionR] = 30;
    const Pose same = anim::blendPoses(mixed, mixed, 0.37);
    for (std::size_t i = 0; i < same.values.size(); ++i) CHECK(same.values[i] == doctest::Approx(mixed.values[i]).epsilon(1e-6));
}

TEST_CASE("tracks hold before the first key and after the last")
{
    Pose bent = Pose::neutral();
    bent[Coordinate::KneeFlexionR] = 80;
    anim::PoseTrack track({{0.0, Pose::neutral(), anim::Easing::Linear}, {2.0, bent, anim::Easing::Linear}});
    CHECK(track.sample(-1.0)[Coordinate::KneeFlexionR] == 0.0);
    CHECK(track.sample(1.0)[Coordinate::KneeFlexionR] == doctest::Approx(40.0));
    CHECK(track.sample(5.0)[Coordinate::KneeFlexionR] == 80.0);
    anim::ScalarTrack excitation({{0.0, 0.0, anim::Easing::Linear}, {1.0, 0.6, anim::Easing::Linear}, {3.0, 0.0, anim::Easing::InOut}});
    CHECK(excitation.sample(0.5) == doctest::Approx(0.3));
    CHECK(excitation.sample(2.0) == doctest::Approx(0.3));
    CHECK(excitation.sample(9.0) == 0.0);
}
