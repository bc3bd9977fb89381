// A simplified foot (right side): the talus, the calcaneus with the midfoot and metatarsals as
// one piece, and the toes, in the talus, calcaneus and toes frames of gait2392.
#include "bones.h"

namespace modelgen {
namespace {

using glm::dvec3;

} // namespace

Shape talusShape()
{
    Shape s;
    // Body with the trochlea (dome) under the tibia, head and neck pointing forward and in.
    s.ellipsoid({0.002, -0.001, 0.000}, {0.019, 0.0135, 0.0165}, kIdentity, 0.0);
    s.roundCone({0.006, -0.003, -0.002}, {0.021, -0.007, -0.007}, 0.011, 0.0095, 0.006);
    return s;
}

Shape footShape()
{
    Shape s;
    // Calcaneus: the heel, its tuber at the back touching the ground, the sustentaculum inside.
    s.ellipsoid({0.028, 0.017, 0.003}, {0.038, 0.020, 0.0155}, glm::dmat3(frameFromUpForward({-0.25, 1.0, 0.0}, {1, 0, 0})),
                0.0);
    s.ellipsoid({0.004, 0.008, 0.003}, {0.014, 0.014, 0.0145}, kIdentity, 0.010);
    s.ellipsoid({0.040, 0.024, -0.016}, {0.012, 0.006, 0.008}, kIdentity, 0.008);
    // Navicular, cuboid and the cuneiforms: the tarsal block arching forward.
    s.ellipsoid({0.076, 0.033, -0.010}, {0.011, 0.014, 0.016}, kIdentity, 0.010);
    s.ellipsoid({0.074, 0.017, 0.020}, {0.016, 0.012, 0.012}, kIdentity, 0.010);
    s.ellipsoid({0.098, 0.030, -0.004}, {0.012, 0.014, 0.024}, kIdentity, 0.010);
    // Metatarsals: base on the tarsals, head on the ground; the first short and thick, the fifth
    // with its tuberosity on the outside.
    const double baseZ[5] = {-0.022, -0.008, 0.004, 0.016, 0.027};
    const double headZ[5] = {-0.027, -0.010, 0.005, 0.019, 0.033};
    const double headX[5] = {0.176, 0.181, 0.176, 0.168, 0.158};
    const double radius[5] = {0.0085, 0.0055, 0.0052, 0.0050, 0.0050};
    for (int m = 0; m < 5; ++m) {
        const dvec3 base{0.110, 0.024 - 0.002 * m, baseZ[m]};
        const dvec3 head{headX[m], 0.004, headZ[m]};
        s.roundCone(base, head, radius[m] * 1.3, radius[m] * 1.15, 0.006);
    }
    s.sphere({0.106, 0.010, 0.033}, 0.007, 0.008);
    return s;
}

Shape toesShape()
{
    Shape s;
    // Five toes from the metatarsophalangeal joints: the big toe thick, the others shorter.
    const double z[5] = {-0.027, -0.010, 0.005, 0.019, 0.033};
    const double start[5] = {0.000, 0.004, 0.000, -0.008, -0.018};
    const double length[5] = {0.060, 0.050, 0.044, 0.040, 0.034};
    const double radius[5] = {0.0085, 0.0050, 0.0048, 0.0046, 0.0044};
    for (int t = 0; t < 5; ++t) {
        const dvec3 a{start[t] + 0.008, 0.002, z[t]};
        const dvec3 b{start[t] + length[t] * 0.55, 0.001, z[t] + (t == 0 ? 0.002 : 0.0)};
        const dvec3 c{start[t] + length[t], -0.002, z[t] + (t == 0 ? 0.004 : -0.001)};
        s.tube({a, b, c}, {radius[t], radius[t] * 0.85, radius[t] * 0.8}, t == 0 ? 0.0 : 0.002);
    }
    return s;
}

} // namespace modelgen
