// The right hip bone (ilium, ischium, pubis around the acetabulum) and the sacrum with the
// coccyx, in the pelvis frame of gait2392 (origin between the anterior superior iliac spines).
#include "bones.h"

#include "anatomy/muscle_geometry.h"

namespace modelgen {
namespace {

using glm::dvec3;

const dvec3 kHip = anatomy::gait2392::kHipCentreInPelvis;
// The acetabulum opens laterally, downward and a little forward (about 45 degrees of
// inclination and 20 of anteversion).
const dvec3 kAcetabularAxis = glm::normalize(dvec3(0.25, -0.62, 0.74));

dvec3 originOf(anatomy::Muscle muscle)
{
    return anatomy::muscleDef(muscle).path.front().location;
}

Box boxAround(const dvec3& centre, double radius)
{
    return {centre - dvec3(radius), centre + dvec3(radius)};
}

} // namespace

Shape hipBoneShape()
{
    Shape s;
    // Ilium: the wing as a curved plate from above the acetabulum to the crest, thin in the
    // middle of the iliac fossa and thick at the crest and the borders.
    const dvec3 crest[5] = {{-0.016, -0.001, 0.122}, {-0.040, 0.055, 0.131}, {-0.075, 0.090, 0.121},
                            {-0.112, 0.082, 0.092}, {-0.140, 0.050, 0.058}};
    const dvec3 base[5] = {{-0.030, -0.028, 0.110}, {-0.052, -0.026, 0.101}, {-0.080, -0.028, 0.090},
                           {-0.108, -0.030, 0.068}, {-0.146, 0.004, 0.050}};
    std::vector<dvec3> grid;
    std::vector<double> half;
    const double rowT[3] = {0.0, 0.5, 1.0};
    for (double t : rowT)
        for (int c = 0; c < 5; ++c) {
            dvec3 p = glm::mix(base[c], crest[c], t);
            if (t == 0.5) p.z -= 0.004; // the iliac fossa dips inward a little
            grid.push_back(p);
            const bool border = c == 0 || c == 4;
            half.push_back(t == 0.0 ? 0.0085 : t == 0.5 ? (border ? 0.006 : 0.0045) : 0.0055);
        }
    s.sheet(grid, half, 3, 5, 0.0);
    // The crest (thickest at the iliac tubercle), the anterior border down to the inferior
    // spine, and the ischial spine below the greater sciatic notch.
    s.tube({crest[0], crest[1], crest[2], crest[3], crest[4]}, {0.0055, 0.0068, 0.0055, 0.0055, 0.0080}, 0.008);
    s.tube({crest[0], {-0.024, -0.018, 0.116}, {-0.030, -0.031, 0.111}, kHip + dvec3(0.020, 0.026, 0.012)},
           {0.0055, 0.0045, 0.0065, 0.0080}, 0.008);
    s.tube({{-0.110, -0.032, 0.066}, {-0.114, -0.056, 0.060}, {-0.122, -0.066, 0.053}}, {0.0090, 0.0070, 0.0035}, 0.008);
    // The thick back of the ilium behind the wing (iliac tuberosity), meeting the sacrum at
    // the sacroiliac joint.
    s.ellipsoid({-0.128, 0.028, 0.058}, {0.017, 0.030, 0.012}, glm::dmat3(frameFromUpForward({-0.4, 1.0, 0.0}, {1, 0, 0})),
                0.010);
    // Body of the ilium over the acetabulum.
    s.roundCone(kHip + dvec3(-0.004, 0.024, 0.000), {-0.090, -0.018, 0.086}, 0.018, 0.012, 0.012);
    // Ischium: body behind and below the acetabulum, the tuberosity (all three hamstrings),
    // and the ramus running forward to meet the pubis.
    s.roundCone(kHip + dvec3(-0.020, -0.016, -0.006), {-0.107, -0.094, 0.066}, 0.015, 0.014, 0.010);
    s.ellipsoid({-0.110, -0.104, 0.065}, {0.0145, 0.020, 0.0125}, glm::dmat3(frameFromUpForward({0.35, 1.0, 0.05}, {1, 0, 0})),
                0.010);
    s.tube({{-0.100, -0.116, 0.058}, {-0.080, -0.120, 0.042}, {-0.060, -0.114, 0.028}}, {0.0080, 0.0065, 0.0060}, 0.008);
    // Pubis: superior ramus from the acetabulum to the body at the symphysis, inferior ramus back
    // to the ischial ramus, closing the obturator foramen.
    s.tube({kHip + dvec3(0.016, -0.014, 0.004), {-0.040, -0.076, 0.060}, {-0.030, -0.074, 0.026}},
           {0.0110, 0.0085, 0.0085}, 0.010);
    s.ellipsoid({-0.033, -0.088, 0.011}, {0.010, 0.020, 0.0095}, glm::dmat3(frameFromUpForward({0.3, 1.0, 0.0}, {1, 0, 0})),
                0.008);
    s.tube({{-0.038, -0.100, 0.010}, {-0.050, -0.112, 0.020}, {-0.062, -0.115, 0.029}}, {0.0070, 0.0065, 0.0060}, 0.008);
    s.sphere({-0.022, -0.076, 0.022}, 0.0045, 0.006); // pubic tubercle
    // Acetabulum: a thick cup around the femoral head, its rim a little past the equator.
    const dvec3 axis = kAcetabularAxis;
    s.add(
        [axis](const dvec3& p) {
            const double body = sdSphere(p, kHip - axis * 0.006, 0.0345);
            const double rim = glm::dot(p - kHip, axis) - 0.004;
            return smoothMax(body, rim, 0.006);
        },
        boxAround(kHip, 0.042), 0.010);
    s.subtract([](const dvec3& p) { return sdSphere(p, kHip, 0.0255); }, boxAround(kHip, 0.026), 0.002);
    // Hamstrings on the ischial tuberosity, gracilis on the inferior pubic ramus.
    fitAttachment(s, originOf(anatomy::Muscle::Semimembranosus), 0.004);
    fitAttachment(s, originOf(anatomy::Muscle::Semitendinosus), 0.004);
    fitAttachment(s, originOf(anatomy::Muscle::BicepsFemorisLong), 0.004);
    fitAttachment(s, originOf(anatomy::Muscle::Gracilis), 0.004);
    fitAttachment(s, originOf(anatomy::Muscle::Sartorius), 0.004);
    return s;
}

Shape sacrumShape()
{
    Shape s;
    // Five fused vertebrae curving down and back from the promontory to the coccyx; wide alae
    // above meeting the ilia at the sacroiliac joints.
    const dvec3 centre[5] = {{-0.094, 0.064, 0.0}, {-0.112, 0.032, 0.0}, {-0.134, 0.003, 0.0}, {-0.154, -0.020, 0.0},
                             {-0.170, -0.038, 0.0}};
    const double halfWidth[5] = {0.046, 0.040, 0.028, 0.016, 0.007};
    const double halfThickness[5] = {0.011, 0.009, 0.007, 0.005, 0.0035};
    std::vector<dvec3> grid;
    std::vector<double> half;
    for (int r = 0; r < 5; ++r)
        for (double side : {-1.0, -0.5, 0.0, 0.5, 1.0}) {
            // Concave in front: the middle sits a little forward of the edges.
            dvec3 p = centre[r] + dvec3(-0.006 * std::abs(side) * (r < 3 ? 1.0 : 0.3), 0.0, side * halfWidth[r]);
            grid.push_back(p);
            half.push_back(halfThickness[r] * (1.0 - 0.25 * std::abs(side)));
        }
    s.sheet(grid, half, 5, 5, 0.0);
    // Body of S1 (the promontory) and the alae.
    s.ellipsoid({-0.088, 0.068, 0.0}, {0.016, 0.010, 0.024}, kIdentity, 0.008);
    for (double side : {-1.0, 1.0})
        s.ellipsoid({-0.104, 0.058, side * 0.030}, {0.020, 0.015, 0.019}, kIdentity, 0.010);
    // Median sacral crest down the back.
    s.tube({{-0.110, 0.070, 0.0}, {-0.128, 0.034, 0.0}, {-0.148, 0.002, 0.0}, {-0.164, -0.020, 0.0}},
           {0.0040, 0.0040, 0.0035, 0.0030}, 0.006);
    // Anterior sacral foramina: four pairs of openings on the front.
    for (int level = 0; level < 4; ++level) {
        const dvec3 c = glm::mix(centre[level], centre[level + 1], 0.45);
        const double z = glm::mix(halfWidth[level], halfWidth[level + 1], 0.45) * 0.42;
        for (double side : {-1.0, 1.0}) {
            const dvec3 hole = c + dvec3(0.010 + 0.003 * (3 - level), 0.006, side * z);
            const double r = 0.0045 - 0.0004 * level;
            s.subtract([hole, r](const dvec3& p) { return sdSphere(p, hole, r); }, boxAround(hole, r), 0.002);
        }
    }
    return s;
}

} // namespace modelgen
