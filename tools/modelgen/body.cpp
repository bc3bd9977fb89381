#include "body.h"

#include "skinning.h"
#include "surface_nets.h"

#include <algorithm>

namespace modelgen {
namespace {

using anatomy::Segment;
using glm::dvec3;

constexpr double kMaxJointBlendM = 0.06;

// The right or midline segment whose shape a segment uses, and whether it is mirrored.
std::pair<Segment, bool> shapeSource(Segment segment)
{
    switch (segment) {
    case Segment::FemurL: return {Segment::FemurR, true};
    case Segment::TibiaL: return {Segment::TibiaR, true};
    case Segment::TalusL: return {Segment::TalusR, true};
    case Segment::CalcnL: return {Segment::CalcnR, true};
    case Segment::ToesL: return {Segment::ToesR, true};
    case Segment::HumerusL: return {Segment::HumerusR, true};
    case Segment::ForearmL: return {Segment::ForearmR, true};
    case Segment::HandL: return {Segment::HandR, true};
    default: return {segment, false};
    }
}

// How smoothly a segment joins its parent (by the child): a wide blend along the trunk, a
// tight one at the shoulder and wrist where the arm hangs close to the body.
double jointBlendM(Segment child)
{
    switch (child) {
    case Segment::FemurR: case Segment::FemurL: return 0.030;
    case Segment::TibiaR: case Segment::TibiaL: return 0.040;
    case Segment::TalusR: case Segment::TalusL: return 0.030;
    case Segment::CalcnR: case Segment::CalcnL: return 0.020;
    case Segment::ToesR: case Segment::ToesL: return 0.015;
    case Segment::Abdomen: case Segment::Thorax: return 0.060;
    case Segment::Neck: return 0.040;
    case Segment::Head: return 0.030;
    case Segment::HumerusR: case Segment::HumerusL: return 0.015;
    case Segment::ForearmR: case Segment::ForearmL: return 0.030;
    case Segment::HandR: case Segment::HandL: return 0.015;
    default: return 0.03;
    }
}

} // namespace

// World coordinates of the standing pose (right side and midline); sizes of a lean adult male
// of 1.8 m (general anthropometry, not from the references), wide enough to hold every
// muscle of the model.
BodyField::BodyField()
{
    using S = Segment;
    Shape& pelvis = shapes_[std::size_t(S::Pelvis)];
    pelvis.ellipsoid({-0.082, 0.940, 0.0}, {0.112, 0.110, 0.168}, kIdentity, 0.0);
    pelvis.ellipsoid({-0.010, 0.935, 0.0}, {0.055, 0.080, 0.125}, kIdentity, 0.04);
    for (double z : {-1.0, 1.0}) {
        pelvis.ellipsoid({-0.140, 0.865, 0.070 * z}, {0.078, 0.080, 0.078}, kIdentity, 0.04);   // buttocks
        pelvis.ellipsoid({-0.120, 0.955, 0.090 * z}, {0.070, 0.075, 0.075}, kIdentity, 0.04);   // upper buttock
        pelvis.ellipsoid({-0.045, 1.000, 0.130 * z}, {0.045, 0.040, 0.030}, kIdentity, 0.04);   // over the iliac crest
        pelvis.ellipsoid({-0.030, 0.900, 0.120 * z}, {0.050, 0.060, 0.050}, kIdentity, 0.04);   // front of the hip
    }

    Shape& thigh = shapes_[std::size_t(S::FemurR)];
    thigh.tube({{-0.072, 0.850, 0.092}, {-0.068, 0.700, 0.090}, {-0.070, 0.580, 0.087}, {-0.072, 0.500, 0.085}},
               {0.082, 0.075, 0.061, 0.052}, 0.0);
    thigh.ellipsoid({-0.112, 0.700, 0.080}, {0.042, 0.150, 0.050}, kIdentity, 0.04);   // hamstrings behind
    thigh.ellipsoid({-0.040, 0.720, 0.125}, {0.050, 0.140, 0.045}, kIdentity, 0.04);   // vastus lateralis
    thigh.ellipsoid({-0.035, 0.620, 0.060}, {0.040, 0.100, 0.040}, kIdentity, 0.03);   // vastus medialis
    thigh.ellipsoid({-0.040, 0.560, 0.105}, {0.035, 0.050, 0.035}, kIdentity, 0.03);   // lateral above the knee
    thigh.ellipsoid({-0.108, 0.590, 0.052}, {0.036, 0.100, 0.040}, kIdentity, 0.04);   // semimembranosus
    thigh.ellipsoid({-0.098, 0.580, 0.118}, {0.030, 0.080, 0.030}, kIdentity, 0.04);   // biceps femoris

    Shape& calf = shapes_[std::size_t(S::TibiaR)];
    calf.tube({{-0.074, 0.490, 0.085}, {-0.084, 0.400, 0.087}, {-0.084, 0.300, 0.088}, {-0.080, 0.180, 0.088},
               {-0.079, 0.095, 0.087}},
              {0.050, 0.050, 0.046, 0.037, 0.030}, 0.0);
    calf.ellipsoid({-0.108, 0.375, 0.080}, {0.038, 0.100, 0.046}, kIdentity, 0.04);    // gastrocnemius
    calf.ellipsoid({-0.084, 0.120, 0.087}, {0.034, 0.070, 0.048}, kIdentity, 0.03);    // above the ankle
    calf.ellipsoid({-0.078, 0.068, 0.086}, {0.032, 0.030, 0.047}, kIdentity, 0.02);    // malleoli

    shapes_[std::size_t(S::TalusR)].sphere({-0.082, 0.052, 0.085}, 0.029, 0.0);

    Shape& foot = shapes_[std::size_t(S::CalcnR)];
    foot.sphere({-0.110, 0.034, 0.090}, 0.034, 0.0);
    foot.ellipsoid({-0.025, 0.032, 0.095}, {0.090, 0.031, 0.040}, kIdentity, 0.03);
    foot.ellipsoid({0.035, 0.022, 0.098}, {0.040, 0.021, 0.047}, kIdentity, 0.03);
    foot.ellipsoid({-0.050, 0.050, 0.088}, {0.045, 0.025, 0.034}, kIdentity, 0.03);     // instep

    shapes_[std::size_t(S::ToesR)].ellipsoid({0.086, 0.017, 0.091}, {0.049, 0.019, 0.056}, kIdentity, 0.0);

    shapes_[std::size_t(S::Abdomen)].ellipsoid({-0.066, 1.080, 0.0}, {0.112, 0.120, 0.145}, kIdentity, 0.0);

    Shape& thorax = shapes_[std::size_t(S::Thorax)];
    thorax.ellipsoid({-0.066, 1.290, 0.0}, {0.115, 0.170, 0.140}, kIdentity, 0.0);
    thorax.ellipsoid({-0.118, 1.330, 0.0}, {0.060, 0.120, 0.130}, kIdentity, 0.04);    // back over the scapulae
    thorax.capsule({-0.060, 1.430, -0.150}, {-0.060, 1.430, 0.150}, 0.062, 0.05);      // shoulder girdle

    shapes_[std::size_t(S::Neck)].roundCone({-0.072, 1.450, 0.0}, {-0.052, 1.620, 0.0}, 0.058, 0.050, 0.0);

    Shape& head = shapes_[std::size_t(S::Head)];
    head.ellipsoid({-0.030, 1.688, 0.0}, {0.100, 0.112, 0.079}, kIdentity, 0.0);
    head.ellipsoid({0.022, 1.640, 0.0}, {0.056, 0.066, 0.058}, kIdentity, 0.03);      // face and jaw
    head.capsule({0.064, 1.682, 0.0}, {0.078, 1.654, 0.0}, 0.011, 0.015);              // nose
    for (double z : {-0.078, 0.078})
        head.ellipsoid({-0.035, 1.678, z}, {0.014, 0.028, 0.008}, kIdentity, 0.01);    // ears

    // The arms hang 5 degrees out from the sides (Pose::modelRest, the bind pose), so that a
    // hand never touches the hip it hangs beside and the surface keeps them apart; the limb
    // axes follow the skeleton's, so elbows and wrists bend about their own joints.
    Shape& upperArm = shapes_[std::size_t(S::HumerusR)];
    upperArm.tube({{-0.050, 1.420, 0.192}, {-0.048, 1.250, 0.207}, {-0.045, 1.110, 0.219}}, {0.044, 0.040, 0.034}, 0.0);
    upperArm.ellipsoid({-0.046, 1.395, 0.205}, {0.052, 0.085, 0.042}, kIdentity, 0.03); // deltoid

    Shape& forearm = shapes_[std::size_t(S::ForearmR)];
    forearm.tube({{-0.045, 1.105, 0.219}, {-0.043, 0.990, 0.229}, {-0.043, 0.860, 0.241}}, {0.036, 0.034, 0.024}, 0.0);

    Shape& hand = shapes_[std::size_t(S::HandR)];
    hand.ellipsoid({-0.040, 0.785, 0.248}, {0.044, 0.055, 0.0155}, kIdentity, 0.0);    // palm, facing the thigh
    hand.ellipsoid({-0.036, 0.705, 0.253}, {0.039, 0.050, 0.0125}, kIdentity, 0.02);   // fingers together
    hand.roundCone({-0.018, 0.800, 0.241}, {0.010, 0.748, 0.238}, 0.012, 0.009, 0.015); // thumb
}

Box BodyField::bounds() const
{
    Box box;
    for (const Shape& shape : shapes_) {
        if (shape.bounds().empty()) continue;
        box.add(shape.bounds());
        box.add({shape.bounds().min.x, shape.bounds().min.y, -shape.bounds().max.z});
        box.add({shape.bounds().max.x, shape.bounds().max.y, -shape.bounds().min.z});
    }
    return box;
}

double BodyField::segment(const dvec3& p, Segment segment) const
{
    const auto [source, mirror] = shapeSource(segment);
    return shapes_[std::size_t(source)](mirror ? dvec3(p.x, p.y, -p.z) : p);
}

double BodyField::operator()(const dvec3& p) const
{
    // Segments whose box is too far to matter are never evaluated.
    std::array<double, anatomy::kSegmentCount> value;
    value.fill(1e9);
    double best = 1e9;
    for (int s = 0; s < anatomy::kSegmentCount; ++s) {
        const auto [source, mirror] = shapeSource(Segment(s));
        const dvec3 q = mirror ? dvec3(p.x, p.y, -p.z) : p;
        if (shapes_[std::size_t(source)].bounds().fartherThan(q, best + kMaxJointBlendM)) continue;
        value[std::size_t(s)] = shapes_[std::size_t(source)](q);
        best = std::min(best, value[std::size_t(s)]);
    }
    double d = best;
    for (const anatomy::SegmentInfo& info : anatomy::segmentInfos()) {
        if (info.segment == Segment::Pelvis) continue;
        const double child = value[std::size_t(info.segment)], parent = value[std::size_t(info.parent)];
        if (child > 1e8 || parent > 1e8) continue;
        d = std::min(d, smoothMin(child, parent, jointBlendM(info.segment)));
    }
    return d;
}

StructureMesh buildBody(const BodyField& body)
{
    const Field field = [&body](const dvec3& p) { return body(p); };
    TriMesh mesh = surfaceNets(field, body.bounds().inflated(0.01), {0.007, 1});
    simplify(mesh, 28000, 0.0008);
    optimiseOrder(mesh);
    StructureMesh out;
    out.nodeName = "skin.body";
    out.look = Look::Skin;
    out.mesh = std::move(mesh);
    std::vector<Segment> all;
    for (const anatomy::SegmentInfo& info : anatomy::segmentInfos()) all.push_back(info.segment);
    out.skin = skinWeights(out.mesh.positions, all,
                           [&body](const dvec3& p, Segment segment) { return body.segment(p, segment); });
    return out;
}

} // namespace modelgen
