#include "anatomy/muscle_path.h"

#include "core/math.h"

#include <cassert>
#include <cmath>

namespace anatomy {
namespace {

// The posterior femoral condyles as one cylinder in the femur frame. gait2392 has no wrap
// objects (S1); Rajagopal 2016 wraps semimembranosus and semitendinosus over tibia-fixed
// cylinders at the condyles (SM_at_condyles_r, ST_at_condyles_r, S1). Those sit too far back
// for gait2392's tibial via points (they would hold them inside), so this cylinder is fitted to
// gait2392's own bones instead: the top of its tibia mesh (2.85 cm below the tibia origin, S1
// bounding box) carried through 0-120 degrees of flexion by the knee splines rolls on a circle
// of about 23 mm around (-8, -400) mm in the femur frame. The radius adds 1 mm; it cannot grow
// much more, as the biceps' fibular-head via point comes within 24.3 mm of the axis at 120
// degrees of flexion and a path point must stay outside.
//
// With gait2392's via points the paths clear this cylinder in deep flexion, where the tibial
// points swing round it; the one place a path would cut it is the short head near full extension,
// which then wraps (at most 0.2 % longer than gait2392's straight segments).
constexpr WrapCylinder kCondyles{"femoral_condyles", Segment::FemurR, {-0.008, -0.400, 0.0}, 0.024};

// Central-difference step for moment arms, radians: small against the curvature of L(q),
// large against rounding (lengths are ~0.4 m, so rounding stays near 1e-12 m per radian).
constexpr double kMomentArmStepRad = 1e-4;

const glm::dmat4& segmentTransform(const LegTransforms& leg, Segment rightSegment)
{
    switch (rightSegment) {
    case Segment::Pelvis: return leg.pelvis;
    case Segment::FemurR: return leg.femur;
    case Segment::TibiaR: return leg.tibia;
    default: assert(false && "muscle path points lie on the pelvis, femur or tibia"); return leg.pelvis;
    }
}

glm::dvec3 transformPoint(const glm::dmat4& m, const glm::dvec3& p)
{
    return glm::dvec3(m[0]) * p.x + glm::dvec3(m[1]) * p.y + glm::dvec3(m[2]) * p.z + glm::dvec3(m[3]);
}

// A straight segment a-b in the cylinder's frame (axis z through the origin) and, when it cuts
// into the circle, the shortest way round on the side the segment passed: tangent angles and
// the unrolled length (a helix on the unrolled cylinder is a straight line).
struct Wrap {
    bool active = false;
    double startAngle = 0.0;  // tangent point seen from a
    double sweep = 0.0;       // signed arc angle from the first tangent point to the second
    double planarA = 0.0;     // tangent length from a in the cross-section plane
    double planarB = 0.0;
    double lengthM = 0.0;
};

Wrap wrapSegment(const glm::dvec3& a, const glm::dvec3& b, double radius)
{
    Wrap wrap;
    const glm::dvec2 p(a.x, a.y), q(b.x, b.y);
    const double distanceA = glm::length(p), distanceB = glm::length(q);
    // An end point on or inside the cylinder cannot be wrapped from; the path is left as it is.
    if (distanceA <= radius || distanceB <= radius) return wrap;
    const glm::dvec2 d = q - p;
    const double dd = glm::dot(d, d);
    if (dd < 1e-18) return wrap;
    const double t = -glm::dot(p, d) / dd;
    if (t <= 0.0 || t >= 1.0) return wrap;
    const glm::dvec2 closest = p + t * d;
    if (glm::dot(closest, closest) >= radius * radius) return wrap;

    // Going round the centre from a to b counter-clockwise (+1) or clockwise (-1).
    const double turn = p.x * q.y - p.y * q.x >= 0.0 ? 1.0 : -1.0;
    const double angleA = std::atan2(p.y, p.x) + turn * std::acos(radius / distanceA);
    const double angleB = std::atan2(q.y, q.x) - turn * std::acos(radius / distanceB);
    double sweep = turn * (angleB - angleA);
    sweep = std::fmod(sweep, 2.0 * core::kPi);
    if (sweep < 0.0) sweep += 2.0 * core::kPi;
    wrap.active = true;
    wrap.startAngle = angleA;
    wrap.sweep = turn * sweep;
    wrap.planarA = std::sqrt(distanceA * distanceA - radius * radius);
    wrap.planarB = std::sqrt(distanceB * distanceB - radius * radius);
    const double planar = wrap.planarA + radius * sweep + wrap.planarB;
    const double axial = b.z - a.z;
    wrap.lengthM = std::sqrt(planar * planar + axial * axial);
    return wrap;
}

// Evaluates the path; `out` may be null when only the length is wanted.
double evaluatePath(const LegTransforms& leg, Muscle muscle, Side side, PathPointMask mask, int arcPoints, MusclePath* out)
{
    const MuscleDef& def = muscleDef(muscle);
    std::array<glm::dvec3, kMaxPathPoints> world{};
    int count = 0;
    for (std::size_t i = 0; i < def.path.size(); ++i) {
        if (!(mask & (1u << i))) continue;
        const PathPointDef& point = def.path[i];
        world[std::size_t(count++)] = transformPoint(segmentTransform(leg, point.segment), onSide(point.location, side));
    }
    assert(count >= 2);

    const WrapCylinder* cylinder = condyleWrap(muscle);
    // The cylinder's frame: the femur's axes, origin on the cylinder axis.
    glm::dmat3 axes(1.0);
    glm::dvec3 centre(0.0);
    if (cylinder) {
        const glm::dmat4& frame = segmentTransform(leg, cylinder->segment);
        axes = glm::dmat3(frame);
        centre = transformPoint(frame, onSide(cylinder->centre, side));
    }
    auto toLocal = [&](const glm::dvec3& p) { return glm::transpose(axes) * (p - centre); };
    auto toWorld = [&](const glm::dvec3& p) { return axes * p + centre; };

    double length = 0.0;
    bool wrapping = false;
    if (out) out->count = 0;
    auto emit = [&](const glm::dvec3& p) {
        if (!out) return;
        assert(out->count < kMaxPathPoints);
        out->points[std::size_t(out->count++)] = p;
    };
    emit(world[0]);
    for (int i = 1; i < count; ++i) {
        const glm::dvec3& a = world[std::size_t(i - 1)];
        const glm::dvec3& b = world[std::size_t(i)];
        Wrap wrap;
        glm::dvec3 localA(0.0), localB(0.0);
        if (cylinder) {
            localA = toLocal(a);
            localB = toLocal(b);
            wrap = wrapSegment(localA, localB, cylinder->radiusM);
        }
        if (!wrap.active) {
            length += glm::length(b - a);
            emit(b);
            continue;
        }
        wrapping = true;
        length += wrap.lengthM;
        if (out) {
            // Tangent points and the arc between them, rising along the axis in proportion to the
            // unrolled distance covered.
            const double radius = cylinder->radiusM;
            const double arc = radius * std::abs(wrap.sweep);
            const double planar = wrap.planarA + arc + wrap.planarB;
            auto onArc = [&](double fraction) {
                const double angle = wrap.startAngle + wrap.sweep * fraction;
                const double z = localA.z + (localB.z - localA.z) * (wrap.planarA + arc * fraction) / planar;
                return toWorld({radius * std::cos(angle), radius * std::sin(angle), z});
            };
            const int points = std::clamp(arcPoints, 0, kWrapArcPoints);
            emit(onArc(0.0));
            for (int k = 1; k <= points; ++k) emit(onArc(double(k) / (points + 1)));
            emit(onArc(1.0));
        }
        emit(b);
    }
    if (out) {
        out->lengthM = length;
        out->wrapping = wrapping;
    }
    return length;
}

} // namespace

const WrapCylinder* condyleWrap(Muscle muscle)
{
    switch (muscle) {
    case Muscle::Semimembranosus:
    case Muscle::Semitendinosus:
    case Muscle::BicepsFemorisLong:
    case Muscle::BicepsFemorisShort: return &kCondyles;
    // Gracilis and sartorius run past the medial epicondyle, beside the condyles rather than
    // behind them; gait2392's via points already take them round.
    default: return nullptr;
    }
}

PathPointMask activePathPointMask(Muscle muscle, double kneeFlexionDeg)
{
    // gait2392's knee_angle_r is negative in flexion.
    const double kneeAngleRad = -core::degToRad(kneeFlexionDeg);
    const MuscleDef& def = muscleDef(muscle);
    PathPointMask mask = 0;
    for (std::size_t i = 0; i < def.path.size(); ++i) {
        const auto& range = def.path[i].activeKneeAngleRad;
        if (range && (kneeAngleRad < (*range)[0] || kneeAngleRad > (*range)[1])) continue;
        mask |= 1u << i;
    }
    return mask;
}

void computeMusclePath(const LegTransforms& leg, Muscle muscle, Side side, PathPointMask mask, int arcPoints,
                       MusclePath& out)
{
    evaluatePath(leg, muscle, side, mask, arcPoints, &out);
}

double musculotendonLength(const LegTransforms& leg, Muscle muscle, Side side, PathPointMask mask)
{
    return evaluatePath(leg, muscle, side, mask, 0, nullptr);
}

void evaluateMuscles(const Pose& pose, Side side, std::span<const Muscle> muscles, std::span<MuscleKinematics> kinematics,
                     std::span<MusclePath> paths)
{
    assert(kinematics.size() == muscles.size());
    assert(paths.empty() || paths.size() == muscles.size());
    const glm::dmat4 pelvis = pelvisTransform(pose);
    const double stepDeg = core::radToDeg(kMomentArmStepRad);
    auto legAt = [&](Coordinate coordinate, double offsetDeg) {
        Pose moved = pose;
        moved[coordinate] += offsetDeg;
        return legTransforms(pelvis, moved, side);
    };
    const LegTransforms leg = legTransforms(pelvis, pose, side);
    const Coordinate hip = Pose::hipFlexion(side);
    const Coordinate knee = Pose::kneeFlexion(side);
    const LegTransforms hipPlus = legAt(hip, stepDeg), hipMinus = legAt(hip, -stepDeg);
    const LegTransforms kneePlus = legAt(knee, stepDeg), kneeMinus = legAt(knee, -stepDeg);
    const double kneeFlexionDeg = pose[knee];
    for (std::size_t i = 0; i < muscles.size(); ++i) {
        const Muscle muscle = muscles[i];
        const PathPointMask mask = activePathPointMask(muscle, kneeFlexionDeg);
        MuscleKinematics& k = kinematics[i];
        k.lengthM = paths.empty() ? musculotendonLength(leg, muscle, side, mask)
                                  : evaluatePath(leg, muscle, side, mask, kWrapArcPoints, &paths[i]);
        const double width = 2.0 * kMomentArmStepRad;
        k.hipFlexionMomentArmM = -(musculotendonLength(hipPlus, muscle, side, mask) -
                                   musculotendonLength(hipMinus, muscle, side, mask)) / width;
        k.kneeFlexionMomentArmM = -(musculotendonLength(kneePlus, muscle, side, mask) -
                                    musculotendonLength(kneeMinus, muscle, side, mask)) / width;
    }
}

PathFrame standingPathFrame(Muscle muscle, Side side)
{
    const Pose standing = Pose::neutral();
    const SkeletonPose skeleton = computeSkeleton(standing);
    return PathFrame(activePathPoints(skeleton, standing, muscle, side), muscleReferenceNormal(skeleton, side));
}

void evaluateMusclePaths(const Pose& pose, Side side, std::span<const Muscle> muscles, std::span<MusclePath> paths)
{
    assert(paths.size() == muscles.size());
    const LegTransforms leg = legTransforms(pelvisTransform(pose), pose, side);
    const double kneeFlexionDeg = pose[Pose::kneeFlexion(side)];
    for (std::size_t i = 0; i < muscles.size(); ++i)
        evaluatePath(leg, muscles[i], side, activePathPointMask(muscles[i], kneeFlexionDeg), kWrapArcPoints, &paths[i]);
}

MuscleKinematics muscleKinematics(const Pose& pose, Muscle muscle, Side side)
{
    MuscleKinematics k;
    evaluateMuscles(pose, side, std::span<const Muscle>(&muscle, 1), std::span<MuscleKinematics>(&k, 1));
    return k;
}

} // namespace anatomy
