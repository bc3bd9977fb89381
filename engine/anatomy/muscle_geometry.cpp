#include "anatomy/muscle_geometry.h"

#include "core/math.h"

namespace anatomy {
namespace {

using S = Segment;

std::array<MuscleDef, kMuscleCount> makeDefs()
{
    return {{
        {Muscle::Semimembranosus, "semimembranosus", "Semimembranosus", "semimem_r",
         {{S::Pelvis, {-0.1192, -0.09747, 0.07151}, std::nullopt},
          {S::TibiaR, {-0.0348, -0.03519, -0.01891}, std::array<double, 2>{-0.558505, 0.174533}},
          {S::TibiaR, {-0.027, -0.04771, -0.01957}, std::nullopt}},
         {1288.0, 0.080, 0.359, 0.26179939},
         Architecture{134.3, 29.34, 6.90, 15.1, 18.4},
         true},
        {Muscle::Semitendinosus, "semitendinosus", "Semitendinosus", "semiten_r",
         {{S::Pelvis, {-0.12635, -0.10988, 0.06039}, std::nullopt},
          {S::TibiaR, {-0.04203, -0.02859, -0.02277}, std::array<double, 2>{-0.331613, 0.174533}},
          {S::TibiaR, {-0.03322, -0.05282, -0.02288}, std::nullopt},
          {S::TibiaR, {-0.0113, -0.0746, -0.0245}, std::nullopt},
          {S::TibiaR, {0.0027, -0.0956, -0.0193}, std::nullopt}},
         {410.0, 0.201, 0.2555, 0.08726646},
         Architecture{99.7, 29.67, 19.30, 12.9, 4.8},
         true},
        {Muscle::BicepsFemorisLong, "biceps_femoris_long", "Biceps femoris, long head", "bifemlh_r",
         {{S::Pelvis, {-0.12596, -0.10257, 0.06944}, std::nullopt},
          {S::TibiaR, {-0.0301, -0.036, 0.02943}, std::nullopt},
          {S::TibiaR, {-0.0234, -0.0563, 0.0343}, std::nullopt}},
         {896.0, 0.109, 0.326, 0.0},
         Architecture{113.4, 34.73, 9.76, 11.6, 11.3},
         true},
        {Muscle::BicepsFemorisShort, "biceps_femoris_short", "Biceps femoris, short head", "bifemsh_r",
         {{S::FemurR, {0.005, -0.2111, 0.0234}, std::nullopt},
          {S::TibiaR, {-0.0301, -0.036, 0.02943}, std::nullopt},
          {S::TibiaR, {-0.0234, -0.0563, 0.0343}, std::nullopt}},
         {804.0, 0.173, 0.089, 0.40142573},
         Architecture{59.8, 22.39, 11.03, 12.3, 5.1},
         false},
        {Muscle::Gracilis, "gracilis", "Gracilis", "grac_r",
         {{S::Pelvis, {-0.07401, -0.1187, 0.02794}, std::nullopt},
          {S::TibiaR, {-0.02657, -0.0319, -0.03774}, std::array<double, 2>{-0.436332, 0.174533}},
          {S::TibiaR, {-0.01943, -0.05153, -0.0358}, std::nullopt},
          {S::TibiaR, {0.006, -0.0836, -0.0228}, std::nullopt}},
         {162.0, 0.352, 0.126, 0.05235988},
         std::nullopt,
         true},
        {Muscle::Sartorius, "sartorius", "Sartorius", "sar_r",
         {{S::Pelvis, {-0.0153, -0.0013, 0.1242}, std::nullopt},
          {S::FemurR, {-0.003, -0.3568, -0.0421}, std::nullopt},
          {S::TibiaR, {-0.0056, -0.0419, -0.0399}, std::nullopt},
          {S::TibiaR, {0.006, -0.0589, -0.0383}, std::nullopt},
          {S::TibiaR, {0.0243, -0.084, -0.0252}, std::nullopt}},
         {156.0, 0.520, 0.100, 0.0},
         std::nullopt,
         true},
    }};
}

} // namespace

const std::array<MuscleDef, kMuscleCount>& muscleDefs()
{
    static const std::array<MuscleDef, kMuscleCount> defs = makeDefs();
    return defs;
}

const MuscleDef& muscleDef(Muscle muscle)
{
    return muscleDefs()[std::size_t(muscle)];
}

std::optional<Muscle> muscleFromName(std::string_view name)
{
    for (const MuscleDef& def : muscleDefs())
        if (def.name == name) return def.muscle;
    return std::nullopt;
}

double bellyVolumeM3(const Architecture& architecture)
{
    constexpr double kMuscleDensityGPerCm3 = 1.056;
    return architecture.massG / kMuscleDensityGPerCm3 * 1e-6;
}

Segment sideSegment(Segment rightSegment, Side side)
{
    if (side == Side::Right) return rightSegment;
    switch (rightSegment) {
    case S::FemurR: return S::FemurL;
    case S::TibiaR: return S::TibiaL;
    case S::TalusR: return S::TalusL;
    case S::CalcnR: return S::CalcnL;
    case S::ToesR: return S::ToesL;
    case S::HumerusR: return S::HumerusL;
    case S::ForearmR: return S::ForearmL;
    case S::HandR: return S::HandL;
    default: return rightSegment;
    }
}

std::vector<glm::dvec3> activePathPoints(const SkeletonPose& skeleton, const Pose& pose, Muscle muscle, Side side)
{
    // gait2392's knee_angle_r is negative in flexion.
    const double kneeAngleRad = -core::degToRad(pose[Pose::kneeFlexion(side)]);
    std::vector<glm::dvec3> points;
    for (const PathPointDef& point : muscleDef(muscle).path) {
        if (point.activeKneeAngleRad &&
            (kneeAngleRad < (*point.activeKneeAngleRad)[0] || kneeAngleRad > (*point.activeKneeAngleRad)[1]))
            continue;
        points.push_back(skeleton.toWorld(sideSegment(point.segment, side), onSide(point.location, side)));
    }
    return points;
}

glm::dvec3 muscleReferenceNormal(const SkeletonPose& skeleton, Side side)
{
    return muscleReferenceNormal(skeleton[femur(side)]);
}

glm::dvec3 muscleReferenceNormal(const glm::dmat4& femurWorld)
{
    return -glm::dvec3(femurWorld[0]);
}

} // namespace anatomy
