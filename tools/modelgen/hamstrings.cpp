#include "hamstrings.h"

#include "loft.h"

#include "anatomy/muscle_geometry.h"
#include "anatomy/path_frame.h"
#include "core/log.h"

#include <cmath>
#include <map>

namespace modelgen {
namespace {

using anatomy::Muscle;
using anatomy::Side;

constexpr double kBoneClearanceM = 0.0015;   // muscles stay this far from bone
constexpr double kMuscleClearanceM = 0.0005; // and just touch each other

anatomy::PathFrame standingPath(Muscle muscle, Side side)
{
    const anatomy::Pose pose = anatomy::Pose::neutral();
    const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(pose);
    return anatomy::PathFrame(anatomy::activePathPoints(skeleton, pose, muscle, side),
                              anatomy::muscleReferenceNormal(skeleton, side));
}

// One lofted piece: a belly or a tendon on a muscle's path. Sections give, along the path,
// the offset from it (back: posterior at the origin; across: medial on the right leg) and
// the full depth and width. Bellies are scaled to their Ward 2009 volume.
struct Piece {
    std::string name;                 // "muscle.semitendinosus", without the side
    Look look;
    Muscle path;
    LoftSpec spec;
    std::vector<std::string> avoid;   // pieces built earlier that this one must not enter
    bool belly = false;
};

Piece piece(std::string name, Look look, Muscle path, std::vector<Section> keys, int rings, int around,
            double squareness, std::vector<std::string> avoid, bool belly)
{
    Piece out;
    out.name = std::move(name);
    out.look = look;
    out.path = path;
    out.spec.keys = std::move(keys);
    out.spec.rings = rings;
    out.spec.around = around;
    out.spec.squareness = squareness;
    out.avoid = std::move(avoid);
    out.belly = belly;
    return out;
}

std::vector<Piece> pieces()
{
    // Sections: {along, back, across, depth, width} in metres (see loft.h); bellies are then
    // scaled to their volume, so their sizes here set proportions.
    std::vector<Piece> out;
    // Built superficial to deep: a deeper piece yields (takes a groove) where they meet.
    // Semitendinosus: fusiform from the conjoint tendon, superficial and medial; its long
    // cord-like tendon runs behind the knee to the pes anserinus on the medial tibia.
    out.push_back(piece("muscle.semitendinosus", Look::Muscle, Muscle::Semitendinosus,
                        {{0.020, 0.000, 0.004, 0.002, 0.002},
                         {0.060, 0.003, 0.006, 0.010, 0.018},
                         {0.180, 0.006, 0.006, 0.017, 0.036},
                         {0.320, 0.007, 0.007, 0.019, 0.040},
                         {0.460, 0.007, 0.008, 0.015, 0.030},
                         {0.580, 0.006, 0.006, 0.008, 0.012},
                         {0.650, 0.004, 0.002, 0.002, 0.002}},
                        44, 28, 2.3, {}, true));
    out.push_back(piece("tendon.semitendinosus", Look::Tendon, Muscle::Semitendinosus,
                        {{0.540, 0.006, 0.006, 0.002, 0.002},
                         {0.580, 0.006, 0.006, 0.0050, 0.0060},
                         {0.750, 0.004, 0.003, 0.0055, 0.0065},
                         {0.850, 0.001, 0.000, 0.0050, 0.0060},
                         {0.950, 0.000, 0.000, 0.0030, 0.0090},
                         {1.000, 0.000, 0.000, 0.0010, 0.0020}},
                        36, 14, 2.0, {}, false));
    // Biceps femoris long head: from the conjoint tendon it shares with semitendinosus,
    // lateral and superficial, to the common biceps tendon on the head of the fibula.
    out.push_back(piece("tendon.conjoint", Look::Tendon, Muscle::BicepsFemorisLong,
                        {{0.000, 0.000, 0.000, 0.002, 0.002},
                         {0.020, 0.001, 0.004, 0.005, 0.016},
                         {0.080, 0.003, 0.002, 0.005, 0.018},
                         {0.160, 0.004, -0.004, 0.004, 0.010},
                         {0.300, 0.005, -0.008, 0.002, 0.004},
                         {0.330, 0.005, -0.008, 0.001, 0.001}},
                        30, 16, 2.5, {}, false));
    out.push_back(piece("muscle.biceps_femoris_long", Look::Muscle, Muscle::BicepsFemorisLong,
                        {{0.070, 0.002, -0.002, 0.002, 0.002},
                         {0.140, 0.002, -0.004, 0.012, 0.020},
                         {0.300, 0.002, -0.005, 0.019, 0.038},
                         {0.480, 0.001, -0.008, 0.019, 0.040},
                         {0.640, 0.000, -0.006, 0.013, 0.026},
                         {0.800, 0.000, 0.000, 0.002, 0.002}},
                        44, 28, 2.3, {"muscle.semitendinosus"}, true));
    out.push_back(piece("tendon.biceps_femoris", Look::Tendon, Muscle::BicepsFemorisLong,
                        {{0.600, 0.000, -0.004, 0.002, 0.002},
                         {0.660, 0.000, -0.003, 0.006, 0.010},
                         {0.850, 0.000, 0.000, 0.007, 0.012},
                         {0.960, 0.000, 0.000, 0.006, 0.012},
                         {1.000, 0.000, 0.000, 0.002, 0.003}},
                        32, 16, 2.2, {}, false));
    // Semimembranosus: a broad membranous tendon from the superolateral facet, deep to the
    // others; the belly in the lower half of the thigh, deep to semitendinosus and bulging on
    // both sides of it; a short thick tendon to the back of the medial tibial condyle.
    out.push_back(piece("tendon.semimembranosus_proximal", Look::Tendon, Muscle::Semimembranosus,
                        {{0.000, 0.000, 0.000, 0.002, 0.002},
                         {0.030, -0.002, 0.000, 0.004, 0.014},
                         {0.150, -0.004, 0.004, 0.003, 0.022},
                         {0.350, -0.005, 0.010, 0.003, 0.026},
                         {0.520, -0.005, 0.014, 0.002, 0.020},
                         {0.580, -0.005, 0.014, 0.001, 0.004}},
                        34, 20, 3.0, {"muscle.semitendinosus", "tendon.conjoint", "muscle.biceps_femoris_long"}, false));
    out.push_back(piece("muscle.semimembranosus", Look::Muscle, Muscle::Semimembranosus,
                        {{0.280, -0.002, 0.010, 0.003, 0.004},
                         {0.380, 0.000, 0.016, 0.016, 0.034},
                         {0.550, 0.002, 0.018, 0.024, 0.054},
                         {0.700, 0.002, 0.016, 0.024, 0.050},
                         {0.820, 0.000, 0.010, 0.016, 0.028},
                         {0.900, 0.000, 0.004, 0.003, 0.004}},
                        44, 30, 2.3, {"muscle.semitendinosus", "tendon.semitendinosus", "muscle.biceps_femoris_long"}, true));
    out.push_back(piece("tendon.semimembranosus_distal", Look::Tendon, Muscle::Semimembranosus,
                        {{0.780, 0.000, 0.006, 0.002, 0.002},
                         {0.840, 0.000, 0.004, 0.010, 0.012},
                         {0.950, 0.000, 0.001, 0.010, 0.012},
                         {1.000, 0.000, 0.000, 0.002, 0.004}},
                        24, 16, 2.2, {"tendon.semitendinosus"}, false));
    // Biceps femoris short head: fleshy from the lateral lip of the linea aspera, deep to the
    // long head, joining the common tendon above the knee.
    out.push_back(piece("muscle.biceps_femoris_short", Look::Muscle, Muscle::BicepsFemorisShort,
                        {{0.000, 0.000, 0.000, 0.002, 0.002},
                         {0.050, 0.004, -0.006, 0.007, 0.018},
                         {0.250, 0.007, -0.010, 0.012, 0.034},
                         {0.500, 0.009, -0.010, 0.014, 0.034},
                         {0.700, 0.007, -0.005, 0.011, 0.022},
                         {0.850, 0.004, 0.000, 0.004, 0.005},
                         {0.880, 0.004, 0.000, 0.001, 0.001}},
                        40, 26, 2.3, {"muscle.biceps_femoris_long", "tendon.biceps_femoris"}, true));
    return out;
}

// A piece built in place: lofted, kept out of bone and of the pieces it must avoid, and for a
// belly scaled until its volume matches Ward 2009.
Loft buildPiece(const Piece& piece, const anatomy::PathFrame& path, const Field& bones,
                const std::map<std::string, Field>& built)
{
    auto shape = [&](double scale) {
        Loft loft = buildLoft(path, piece.spec, scale);
        // Neighbours first, bone last: where both press on a piece, bone wins.
        for (const std::string& other : piece.avoid) pushOut(loft, path, built.at(other), kMuscleClearanceM);
        pushOut(loft, path, bones, kBoneClearanceM);
        return loft;
    };
    if (!piece.belly) return shape(1.0);
    const double target = anatomy::bellyVolumeM3(*anatomy::muscleDef(piece.path).architecture);
    double scale = 1.0;
    Loft loft = shape(scale);
    for (int iteration = 0; iteration < 4; ++iteration) {
        const double volume = enclosedVolume(loft.mesh);
        if (std::abs(volume / target - 1.0) < 0.01) break;
        scale *= std::sqrt(target / volume);
        loft = shape(scale);
    }
    return loft;
}

std::string sideName(Side side)
{
    return side == Side::Right ? "r" : "l";
}

} // namespace

StructureMesh sidedStructure(const std::string& name, Look look, const TriMesh& right, Muscle muscle, Side side)
{
    StructureMesh out;
    out.nodeName = name + "." + sideName(side);
    out.look = look;
    out.mesh = side == Side::Right ? right : mirrored(right);
    // Coordinates on this side's own path, as the simulation will rebuild them.
    const anatomy::PathFrame path = standingPath(muscle, side);
    out.muscleCoords.reserve(out.mesh.positions.size());
    for (const glm::dvec3& p : out.mesh.positions) out.muscleCoords.push_back(path.toPathCoordinates(p));
    out.extras = {{"path", std::string(anatomy::muscleDef(muscle).name)}, {"side", sideName(side)}};
    return out;
}

HamstringSet buildHamstrings(const Field& bonesRight)
{
    HamstringSet set;
    std::map<std::string, Field> built;
    Shape rightSide; // all pieces, each culled by its box
    for (const Piece& piece : pieces()) {
        const anatomy::PathFrame path = standingPath(piece.path, Side::Right);
        Loft loft = buildPiece(piece, path, bonesRight, built);
        built[piece.name] = loftField(loft);
        rightSide.add(built[piece.name], loftBounds(loft), 0.0);
        optimiseOrder(loft.mesh);
        for (Side side : {Side::Right, Side::Left})
            set.structures.push_back(sidedStructure(piece.name, piece.look, loft.mesh, piece.path, side));
    }
    set.rightSide = rightSide.field();
    return set;
}

} // namespace modelgen
