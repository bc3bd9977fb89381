#include "anatomy/muscle_geometry.h"
#include "anatomy/simm_spline.h"
#include "anatomy/skeleton.h"
#include "reference_data.h"

#include <doctest/doctest.h>

#include <set>

using namespace anatomy;

namespace {

glm::dvec3 vec3(const nlohmann::json& array)
{
    return {array[0].get<double>(), array[1].get<double>(), array[2].get<double>()};
}

} // namespace

TEST_CASE("the knee splines reproduce OpenSim's tibia positions within 0.1 mm")
{
    const auto& derived = testing_support::referenceData()["opensim_models"]["derived_segment_geometry"]
                                                         ["gait2392_tibia_origin_in_femur_frame_vs_knee_flexion_deg"];
    for (const auto& item : derived.items()) {
        const std::string& flexion = item.key();
        const auto& position = item.value();
        CAPTURE(flexion);
        const glm::dvec3 expected = vec3(position);
        const glm::dvec3 actual = kneeTranslation(std::stod(flexion));
        CHECK(glm::length(actual - expected) < 1e-4);
    }
}

TEST_CASE("a spline passes through its knots and is smooth between them")
{
    SimmSpline spline({0.0, 1.0, 2.0, 3.0, 4.0}, {0.0, 1.0, 4.0, 9.0, 16.0});
    for (double x : {0.0, 1.0, 2.0, 3.0, 4.0}) CHECK(spline.value(x) == doctest::Approx(x * x));
    // The end conditions make a cubic through the data exact; x^2 is reproduced everywhere.
    CHECK(spline.value(2.5) == doctest::Approx(6.25));
    CHECK(spline.derivative(1.5) == doctest::Approx(3.0));
}

TEST_CASE("standing upright: joint centres where gait2392 puts them")
{
    const SkeletonPose skeleton = computeSkeleton(Pose::neutral());
    const auto& geometry = testing_support::referenceData()["opensim_models"]["derived_segment_geometry"];
    const glm::dvec3 hipInPelvis = vec3(geometry["gait2392_hip_centre_in_pelvis_frame_m"]);
    const glm::dvec3 pelvis{0.0, gait2392::kPelvisHeightM, 0.0};
    CHECK(glm::length(skeleton.origin(Segment::FemurR) - (pelvis + hipInPelvis)) < 1e-9);
    CHECK(glm::length(skeleton.origin(Segment::FemurL) - (pelvis + glm::dvec3(hipInPelvis.x, hipInPelvis.y, -hipInPelvis.z))) < 1e-9);
    const double thigh = glm::length(skeleton.origin(Segment::TibiaR) - skeleton.origin(Segment::FemurR));
    const double shank = glm::length(skeleton.origin(Segment::TalusR) - skeleton.origin(Segment::TibiaR));
    CHECK(thigh == doctest::Approx(geometry["approx_thigh_length_hip_to_knee_m"]["gait2392"].get<double>()).epsilon(0.005));
    CHECK(shank == doctest::Approx(geometry["approx_shank_length_knee_to_ankle_m"]["gait2392"].get<double>()).epsilon(0.005));
    // The heel stands on the floor, give or take a centimetre.
    CHECK(std::abs(skeleton.origin(Segment::CalcnR).y) < 0.02);
    // The head is on top, around the stature of a 1.8 m adult.
    CHECK(skeleton.origin(Segment::Head).y > 1.55);
    CHECK(skeleton.origin(Segment::Head).y < 1.7);
}

TEST_CASE("positive angles move segments the way their names say")
{
    auto moved = [](Coordinate coordinate, double value) {
        Pose pose = Pose::neutral();
        pose[coordinate] = value;
        return computeSkeleton(pose);
    };
    const SkeletonPose neutral = computeSkeleton(Pose::neutral());
    // Hip flexion brings the knee forward; knee flexion takes the ankle back.
    CHECK(moved(Coordinate::HipFlexionR, 90).origin(Segment::TibiaR).x > neutral.origin(Segment::FemurR).x + 0.3);
    CHECK(moved(Coordinate::KneeFlexionR, 90).origin(Segment::TalusR).x < neutral.origin(Segment::TibiaR).x - 0.3);
    // Adduction takes the right knee toward the midline, the left knee too.
    CHECK(moved(Coordinate::HipAdductionR, 20).origin(Segment::TibiaR).z < neutral.origin(Segment::TibiaR).z - 0.05);
    CHECK(moved(Coordinate::HipAdductionL, 20).origin(Segment::TibiaL).z > neutral.origin(Segment::TibiaL).z + 0.05);
    // Dorsiflexion lifts the toes.
    CHECK(moved(Coordinate::AnkleDorsiflexionR, 20).origin(Segment::ToesR).y > neutral.origin(Segment::ToesR).y + 0.03);
    // Lumbar flexion takes the head forward; anterior pelvic tilt does too.
    CHECK(moved(Coordinate::LumbarFlexion, 45).origin(Segment::Head).x > neutral.origin(Segment::Head).x + 0.2);
    CHECK(moved(Coordinate::PelvisAnteriorTilt, 30).origin(Segment::Head).x > neutral.origin(Segment::Head).x + 0.2);
    // Shoulder flexion raises the hand forward; abduction raises it sideways.
    CHECK(moved(Coordinate::ShoulderFlexionR, 90).origin(Segment::HandR).x > neutral.origin(Segment::HumerusR).x + 0.3);
    CHECK(moved(Coordinate::ShoulderAbductionR, 90).origin(Segment::HandR).z > neutral.origin(Segment::HumerusR).z + 0.3);
    CHECK(moved(Coordinate::ShoulderAbductionL, 90).origin(Segment::HandL).z < neutral.origin(Segment::HumerusL).z - 0.3);
    CHECK(moved(Coordinate::ElbowFlexionR, 90).origin(Segment::HandR).x > neutral.origin(Segment::ForearmR).x + 0.2);
}

TEST_CASE("the left side mirrors the right")
{
    Pose pose = Pose::neutral();
    pose[Coordinate::HipFlexionR] = pose[Coordinate::HipFlexionL] = 35;
    pose[Coordinate::HipAdductionR] = pose[Coordinate::HipAdductionL] = 10;
    pose[Coordinate::HipRotationR] = pose[Coordinate::HipRotationL] = 15;
    pose[Coordinate::KneeFlexionR] = pose[Coordinate::KneeFlexionL] = 60;
    pose[Coordinate::AnkleDorsiflexionR] = pose[Coordinate::AnkleDorsiflexionL] = 12;
    pose[Coordinate::ShoulderAbductionR] = pose[Coordinate::ShoulderAbductionL] = 40;
    const SkeletonPose skeleton = computeSkeleton(pose);
    const std::pair<Segment, Segment> pairs[] = {{Segment::TibiaR, Segment::TibiaL}, {Segment::TalusR, Segment::TalusL},
                                                 {Segment::ToesR, Segment::ToesL}, {Segment::HandR, Segment::HandL}};
    for (auto [right, left] : pairs) {
        const glm::dvec3 r = skeleton.origin(right);
        const glm::dvec3 l = skeleton.origin(left);
        CHECK(glm::length(r - glm::dvec3(l.x, l.y, -l.z)) < 1e-9);
    }
}

TEST_CASE("coordinates: unique names, neutral pose within limits")
{
    std::set<std::string_view> names;
    for (const CoordinateInfo& info : coordinateInfos()) {
        CHECK(names.insert(info.name).second);
        CHECK(info.minimum < info.maximum);
        CHECK(info.neutral >= info.minimum);
        CHECK(info.neutral <= info.maximum);
        CHECK(coordinateFromName(info.name) == info.coordinate);
    }
    CHECK_FALSE(coordinateFromName("knee_flexion"));
    CHECK(kSegmentCount >= 20);
    for (const SegmentInfo& info : segmentInfos()) CHECK(segmentFromName(info.name) == info.segment);
}

TEST_CASE("muscle path points and parameters match the gait2392 reference")
{
    const auto& muscles = testing_support::referenceData()["opensim_models"]["gait2392_thelen2003muscle"]["muscles"];
    for (const MuscleDef& def : muscleDefs()) {
        CAPTURE(def.name);
        const auto& reference = muscles[std::string(def.opensimName)];
        CHECK(def.parameters.maxIsometricForceN == reference["max_isometric_force"].get<double>());
        CHECK(def.parameters.optimalFiberLengthM == reference["optimal_fiber_length"].get<double>());
        CHECK(def.parameters.tendonSlackLengthM == reference["tendon_slack_length"].get<double>());
        CHECK(def.parameters.pennationAtOptimalRad == reference["pennation_angle_at_optimal"].get<double>());
        const auto& points = reference["path_points"];
        REQUIRE(points.size() == def.path.size());
        for (std::size_t i = 0; i < def.path.size(); ++i) {
            const std::string body = points[i]["body"];
            CHECK(segmentInfo(def.path[i].segment).name == body);
            CHECK(glm::length(def.path[i].location - vec3(points[i]["location_m"])) < 1e-12);
            CHECK(def.path[i].activeKneeAngleRad.has_value() == points[i].contains("active_range_rad"));
        }
    }
}

TEST_CASE("Ward 2009 architecture is carried over exactly")
{
    const auto& ward = testing_support::referenceData()["architecture_Ward2009"];
    const std::pair<Muscle, const char*> keys[] = {{Muscle::Semimembranosus, "SM"}, {Muscle::Semitendinosus, "ST"},
                                                   {Muscle::BicepsFemorisLong, "BFlh"}, {Muscle::BicepsFemorisShort, "BFsh"}};
    for (const auto& entry : keys) {
        const Muscle muscle = entry.first;
        const auto& key = entry.second;
        CAPTURE(key);
        const Architecture& a = *muscleDef(muscle).architecture;
        CHECK(a.massG == ward[key]["mass"][0].get<double>());
        CHECK(a.fiberLengthCm == ward[key]["fiber_length"][0].get<double>());
        CHECK(a.muscleLengthCm == ward[key]["muscle_length"][0].get<double>());
        CHECK(a.pcsaCm2 == ward[key]["PCSA"][0].get<double>());
        CHECK(bellyVolumeM3(a) * 1e6 ==
              doctest::Approx(ward["derived_volume_cm3_mass_over_1.056"][key].get<double>()).epsilon(0.001));
    }
}

#include "anatomy/path_frame.h"

TEST_CASE("path coordinates round-trip and the frame stays orthonormal")
{
    const std::vector<glm::dvec3> points{{-0.12, 0.85, 0.07}, {-0.05, 0.55, 0.05}, {-0.035, 0.5, 0.03}, {0.0, 0.46, 0.02}};
    const PathFrame frame(points, {-1.0, 0.0, 0.0});
    CHECK(glm::length(frame.sample(0.0).position - points.front()) < 1e-9);
    CHECK(glm::length(frame.sample(1.0).position - points.back()) < 1e-9);
    for (const PathSample& sample : frame.samples()) {
        CHECK(glm::length(sample.tangent) == doctest::Approx(1.0));
        CHECK(glm::length(sample.normal) == doctest::Approx(1.0));
        CHECK(std::abs(glm::dot(sample.tangent, sample.normal)) < 1e-9);
    }
    // The starting normal is the reference made perpendicular to the path.
    CHECK(frame.sample(0.0).normal.x < -0.9);
    for (const glm::dvec3 coordinates : {glm::dvec3(0.3, 0.5, 0.02), glm::dvec3(0.5, -2.0, 0.035), glm::dvec3(0.8, 3.0, 0.01)}) {
        const glm::dvec3 world = frame.toWorld(coordinates);
        const glm::dvec3 back = frame.toPathCoordinates(world);
        CHECK(back.x == doctest::Approx(coordinates.x).epsilon(1e-3));
        CHECK(back.z == doctest::Approx(coordinates.z).epsilon(1e-3));
        CHECK(glm::length(frame.toWorld(back) - world) < 2e-4);
    }
}
