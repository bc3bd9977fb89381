#include "context_muscles.h"

#include "skinning.h"
#include "surface_nets.h"

#include "anatomy/muscle_geometry.h"

namespace modelgen {
namespace {

using glm::dvec3;
using anatomy::Side;

constexpr double kClearanceM = 0.001;

// A muscle shaped as a thick curved sheet through a grid of points, row-major.
struct SheetSpec {
    std::vector<dvec3> points;
    std::vector<double> halfThickness;
    int rows, columns;
    std::size_t targetTriangles;

    Shape solid() const
    {
        Shape shape;
        shape.sheet(points, halfThickness, rows, columns, 0.0);
        return shape;
    }
};

// The sheet kept clear of bone and of the hamstrings, polygonised and simplified.
TriMesh sheetMuscle(const SheetSpec& spec, const Field& bones, const Field& hamstrings)
{
    Shape shape = spec.solid();
    const Box box = shape.bounds();
    shape.subtract([bones](const dvec3& p) { return bones(p) - 2.0 * kClearanceM; }, box.inflated(0.01), 0.004);
    shape.subtract([hamstrings](const dvec3& p) { return hamstrings(p) - kClearanceM; }, box.inflated(0.01), 0.004);
    TriMesh mesh = surfaceNets(shape.field(), box.inflated(0.004), {0.003, 2});
    simplify(mesh, spec.targetTriangles, 0.0005);
    return mesh;
}

// Gluteus maximus: a thick curved sheet over the buttock, its fibres running down and out
// from the ilium, sacrum and coccyx to the iliotibial tract and the gluteal tuberosity. Rows
// run along the fibres from the origin (medial) to the insertion (lateral); the first row is
// the upper border, the last the lower border that crosses the ischium.
SheetSpec gluteusMaximus()
{
    return {{{-0.148, 1.002, 0.052}, {-0.168, 0.985, 0.085}, {-0.145, 0.955, 0.122}, {-0.100, 0.918, 0.150},
             {-0.168, 0.948, 0.032}, {-0.182, 0.925, 0.066}, {-0.165, 0.888, 0.116}, {-0.098, 0.852, 0.156},
             {-0.180, 0.885, 0.012}, {-0.180, 0.848, 0.046}, {-0.160, 0.808, 0.098}, {-0.092, 0.780, 0.150}},
            {0.005, 0.009, 0.009, 0.004, 0.007, 0.015, 0.015, 0.005, 0.005, 0.010, 0.010, 0.004},
            3,
            4,
            2400};
}

// Adductor magnus: the great fan on the inner back of the thigh, deep to the hamstrings,
// from the pubic and ischial rami and the ischial tuberosity to the whole linea aspera and the
// adductor tubercle. Rows run down the thigh; columns from the linea aspera (front) to the
// inner border (back).
SheetSpec adductorMagnus()
{
    return {{{-0.058, 0.842, 0.036}, {-0.084, 0.836, 0.046}, {-0.104, 0.836, 0.062},
             {-0.062, 0.700, 0.094}, {-0.082, 0.692, 0.068}, {-0.098, 0.694, 0.052},
             {-0.076, 0.565, 0.096}, {-0.083, 0.545, 0.076}, {-0.086, 0.522, 0.060}},
            {0.007, 0.008, 0.008, 0.011, 0.015, 0.011, 0.004, 0.006, 0.005},
            3,
            3,
            1800};
}

std::vector<LoftedPart> loftedParts()
{
    const anatomy::Pose pose = anatomy::Pose::neutral();
    const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(pose);
    auto path = [&](anatomy::Muscle muscle) { return anatomy::activePathPoints(skeleton, pose, muscle, Side::Right); };
    std::vector<LoftedPart> parts;
    // Sections: {along, back, across, depth, width}; "back" follows the reference normal.
    // Quadriceps: the vasti wrap the femur, rectus femoris runs down the front over them from
    // the anterior inferior iliac spine; all end on the patella.
    parts.push_back({"context.rectus_femoris", Look::ContextMuscle,
                     {{-0.031, 0.915, 0.111}, {-0.014, 0.830, 0.110}, {-0.010, 0.720, 0.104}, {-0.014, 0.620, 0.096},
                      {-0.020, 0.545, 0.089}, {-0.024, 0.522, 0.0875}},
                     kAnterior,
                     {{0.00, 0.0, 0.0, 0.004, 0.004}, {0.06, 0.0, 0.0, 0.008, 0.012}, {0.20, 0.0, 0.0, 0.020, 0.030},
                      {0.45, 0.0, 0.0, 0.026, 0.040}, {0.70, 0.0, 0.0, 0.020, 0.034}, {0.90, 0.0, 0.0, 0.010, 0.030},
                      {1.00, 0.0, 0.0, 0.004, 0.020}},
                     36, 24, 2.3});
    parts.push_back({"context.vastus_intermedius", Look::ContextMuscle,
                     {{-0.056, 0.840, 0.120}, {-0.043, 0.740, 0.113}, {-0.040, 0.650, 0.104}, {-0.045, 0.570, 0.093},
                      {-0.036, 0.528, 0.089}},
                     kAnterior,
                     {{0.00, 0.004, 0.0, 0.004, 0.010}, {0.10, 0.006, 0.0, 0.014, 0.036}, {0.50, 0.006, 0.0, 0.018, 0.044},
                      {0.85, 0.006, 0.0, 0.012, 0.036}, {1.00, 0.004, 0.0, 0.004, 0.016}},
                     32, 24, 2.5});
    parts.push_back({"context.vastus_lateralis", Look::ContextMuscle,
                     {{-0.066, 0.865, 0.147}, {-0.060, 0.770, 0.156}, {-0.050, 0.670, 0.150}, {-0.040, 0.590, 0.131},
                      {-0.030, 0.535, 0.110}, {-0.020, 0.515, 0.104}},
                     kLateral,
                     {{0.00, 0.0, 0.0, 0.006, 0.012}, {0.10, 0.0, 0.004, 0.018, 0.044}, {0.40, 0.0, 0.010, 0.026, 0.076},
                      {0.70, 0.0, 0.008, 0.022, 0.064}, {0.90, 0.0, 0.002, 0.012, 0.032}, {1.00, 0.0, 0.0, 0.004, 0.012}},
                     36, 28, 2.4});
    parts.push_back({"context.vastus_medialis", Look::ContextMuscle,
                     {{-0.062, 0.800, 0.088}, {-0.052, 0.690, 0.072}, {-0.042, 0.605, 0.063}, {-0.031, 0.548, 0.068},
                      {-0.021, 0.518, 0.076}},
                     kMedial,
                     {{0.00, 0.0, 0.0, 0.004, 0.010}, {0.20, 0.0, 0.0, 0.012, 0.030}, {0.60, 0.0, 0.0, 0.026, 0.050},
                      {0.85, 0.0, 0.0, 0.022, 0.040}, {1.00, 0.0, 0.0, 0.006, 0.016}},
                     32, 24, 2.3});
    parts.push_back({"context.patellar_ligament", Look::Tendon,
                     {{-0.031, 0.480, 0.0875}, {-0.036, 0.446, 0.088}, {-0.039, 0.414, 0.089}},
                     kAnterior,
                     {{0.00, 0.002, 0.0, 0.003, 0.016}, {0.10, 0.002, 0.0, 0.005, 0.026}, {0.90, 0.002, 0.0, 0.005, 0.022},
                      {1.00, 0.002, 0.0, 0.003, 0.014}},
                     16, 16, 3.0});
    // Gastrocnemius: two heads from behind the femoral condyles, the medial one larger and
    // reaching lower, joining the calcaneal tendon to the heel.
    parts.push_back({"context.gastrocnemius_medial_head", Look::ContextMuscle,
                     {{-0.090, 0.515, 0.064}, {-0.110, 0.450, 0.066}, {-0.120, 0.370, 0.068}, {-0.116, 0.300, 0.073},
                      {-0.108, 0.255, 0.079}},
                     kPosterior,
                     {{0.00, 0.0, 0.0, 0.006, 0.010}, {0.15, 0.0, 0.0, 0.012, 0.024}, {0.50, 0.0, 0.0, 0.024, 0.046},
                      {0.80, 0.0, 0.0, 0.014, 0.036}, {1.00, 0.0, 0.0, 0.003, 0.010}},
                     32, 24, 2.3});
    parts.push_back({"context.gastrocnemius_lateral_head", Look::ContextMuscle,
                     {{-0.090, 0.515, 0.108}, {-0.110, 0.450, 0.106}, {-0.118, 0.380, 0.100}, {-0.112, 0.320, 0.092},
                      {-0.106, 0.290, 0.086}},
                     kPosterior,
                     {{0.00, 0.0, 0.0, 0.006, 0.010}, {0.15, 0.0, 0.0, 0.011, 0.022}, {0.50, 0.0, 0.0, 0.020, 0.038},
                      {0.80, 0.0, 0.0, 0.012, 0.028}, {1.00, 0.0, 0.0, 0.003, 0.010}},
                     30, 22, 2.3});
    parts.push_back({"context.calcaneal_tendon", Look::Tendon,
                     {{-0.108, 0.300, 0.080}, {-0.106, 0.200, 0.084}, {-0.107, 0.110, 0.088}, {-0.118, 0.056, 0.092},
                      {-0.133, 0.036, 0.094}},
                     kPosterior,
                     {{0.00, 0.0, 0.0, 0.002, 0.020}, {0.10, 0.0, 0.0, 0.004, 0.040}, {0.50, 0.0, 0.0, 0.006, 0.018},
                      {0.85, 0.0, 0.0, 0.007, 0.014}, {1.00, 0.0, 0.0, 0.004, 0.018}},
                     28, 16, 2.5});
    // Gracilis, a thin strap down the inside of the thigh on its gait2392 path, and sartorius
    // across the front from the anterior superior iliac spine; both end at the pes anserinus.
    parts.push_back({"context.gracilis", Look::ContextMuscle, path(anatomy::Muscle::Gracilis), kPosterior,
                     {{0.00, 0.0, 0.0, 0.002, 0.006}, {0.05, 0.0, 0.0, 0.006, 0.030}, {0.30, 0.0, 0.002, 0.010, 0.030},
                      {0.55, 0.0, 0.002, 0.009, 0.018}, {0.68, 0.0, 0.0, 0.004, 0.006}, {0.90, 0.0, 0.0, 0.004, 0.005},
                      {0.97, 0.0, 0.0, 0.002, 0.010}, {1.00, 0.0, 0.0, 0.001, 0.003}},
                     40, 18, 2.5});
    std::vector<dvec3> sartorius = {{-0.0153, 0.9487, 0.1242}, {-0.004, 0.870, 0.115}, {0.000, 0.780, 0.090},
                                    {-0.008, 0.700, 0.066}, {-0.030, 0.620, 0.048}, {-0.055, 0.560, 0.040}};
    const std::vector<dvec3> sartoriusPath = path(anatomy::Muscle::Sartorius);
    sartorius.insert(sartorius.end(), sartoriusPath.begin() + 1, sartoriusPath.end());
    parts.push_back({"context.sartorius", Look::ContextMuscle, sartorius, kAnterior,
                     {{0.00, 0.0, 0.0, 0.004, 0.010}, {0.05, 0.0, 0.0, 0.009, 0.030}, {0.40, 0.0, 0.0, 0.011, 0.036},
                      {0.70, 0.0, 0.0, 0.010, 0.030}, {0.80, 0.0, 0.0, 0.005, 0.010}, {0.95, 0.0, 0.0, 0.003, 0.010},
                      {1.00, 0.0, 0.0, 0.001, 0.003}},
                     48, 18, 2.5});
    return parts;
}

} // namespace

Loft buildLoftedPart(const LoftedPart& part, const std::vector<Field>& avoid)
{
    const anatomy::PathFrame path(part.curve, part.referenceNormal);
    LoftSpec spec;
    spec.keys = part.keys;
    spec.rings = part.rings;
    spec.around = part.around;
    spec.squareness = part.squareness;
    Loft loft = buildLoft(path, spec);
    // Later (softer) neighbours first and bone last, so that bone wins where both press.
    for (auto field = avoid.rbegin(); field != avoid.rend(); ++field) pushOut(loft, path, *field, kClearanceM);
    return loft;
}

void addSkinnedPair(std::vector<StructureMesh>& out, const std::string& name, Look look, const TriMesh& right)
{
    for (Side side : {Side::Right, Side::Left}) {
        StructureMesh structure;
        structure.nodeName = name + (side == Side::Right ? ".r" : ".l");
        structure.look = look;
        structure.mesh = side == Side::Right ? right : mirrored(right);
        structure.skin = skinWeights(structure.mesh.positions, legSegments(side), boneAxisDistance);
        out.push_back(std::move(structure));
    }
}

ContextSet buildContextMuscles(const Field& bonesRight, const Field& hamstringsRight)
{
    ContextSet set;
    std::vector<Field> avoid = {bonesRight, hamstringsRight};
    TriMesh gluteus = sheetMuscle(gluteusMaximus(), bonesRight, hamstringsRight);
    optimiseOrder(gluteus);
    addSkinnedPair(set.structures, "context.gluteus_maximus", Look::ContextMuscle, gluteus);
    // The adductor lies deep to the hamstrings; the straps and the nerve keep out of it.
    const SheetSpec adductorSpec = adductorMagnus();
    TriMesh adductor = sheetMuscle(adductorSpec, bonesRight, hamstringsRight);
    optimiseOrder(adductor);
    addSkinnedPair(set.structures, "context.adductor_magnus", Look::ContextMuscle, adductor);
    const Shape adductorSolid = adductorSpec.solid();
    Shape rightSide; // the adductor and the lofted parts, each culled by its box
    avoid.push_back(adductorSolid.field());
    rightSide.add(avoid.back(), adductorSolid.bounds(), 0.0);
    for (const LoftedPart& part : loftedParts()) {
        Loft loft = buildLoftedPart(part, avoid);
        avoid.push_back(loftField(loft));
        rightSide.add(avoid.back(), loftBounds(loft), 0.0);
        optimiseOrder(loft.mesh);
        addSkinnedPair(set.structures, part.name, part.look, loft.mesh);
    }
    set.rightSide = rightSide.field();
    return set;
}

} // namespace modelgen
