// Femur, patella, tibia and fibula (right side), in the femur's and tibia's frames.
#include "bones.h"

#include "anatomy/muscle_geometry.h"

namespace modelgen {
namespace {

using glm::dvec3;


// A gait2392 path point of a muscle (right side), by index; negative counts from the insertion.
dvec3 pathPoint(anatomy::Muscle muscle, int index)
{
    const auto& path = anatomy::muscleDef(muscle).path;
    return path[std::size_t(index >= 0 ? index : int(path.size()) + index)].location;
}

} // namespace

Shape femurShape()
{
    Shape s;
    // Head, centred on the hip joint (radius from the mesh's 22 mm above the centre plus cartilage).
    s.sphere({0.0, 0.0, 0.0}, 0.0235, 0.0);
    // Neck at about 128 degrees to the shaft with some anteversion, taller than it is deep.
    s.roundCone({0.0, 0.004, 0.0}, {-0.005, -0.026, 0.036}, 0.0135, 0.0165, 0.006);
    s.roundCone({0.0, -0.005, 0.0}, {-0.006, -0.038, 0.034}, 0.0135, 0.0170, 0.006);
    // Greater trochanter: lateral and a little posterior, its tip below the top of the head.
    s.ellipsoid({-0.006, -0.022, 0.048}, {0.017, 0.024, 0.012}, glm::dmat3(frameFromUpForward({0.0, 1.0, 0.25}, {1, 0, 0})), 0.010);
    // Intertrochanteric crest behind, ending at the lesser trochanter (posteromedial).
    s.capsule({-0.019, -0.016, 0.045}, {-0.013, -0.066, 0.024}, 0.0055, 0.008);
    s.roundCone({0.001, -0.062, 0.028}, {-0.014, -0.072, 0.014}, 0.010, 0.0065, 0.008);
    // Shaft with its anterior bow; radii from the 27 mm midshaft of an adult male femur.
    s.tube({{-0.002, -0.035, 0.040}, {0.004, -0.090, 0.036}, {0.015, -0.160, 0.030}, {0.019, -0.215, 0.024},
            {0.014, -0.290, 0.013}, {0.006, -0.340, 0.006}},
           {0.0175, 0.0160, 0.0140, 0.0135, 0.0145, 0.0170}, 0.012);
    // Gluteal tuberosity and the linea aspera down the back of the shaft, fading out above the
    // popliteal surface.
    s.tube({{-0.006, -0.060, 0.050}, {-0.006, -0.100, 0.043}, {0.000, -0.150, 0.033}}, {0.0045, 0.0050, 0.0040}, 0.010);
    s.tube({{0.000, -0.120, 0.031}, {0.004, -0.170, 0.024}, {0.006, -0.215, 0.022}, {0.003, -0.270, 0.015},
            {-0.004, -0.310, 0.010}},
           {0.0040, 0.0045, 0.0045, 0.0040, 0.0030}, 0.010);
    // Distal flare to the condyles: wide from side to side, flatter behind (popliteal surface).
    s.ellipsoid({0.002, -0.362, 0.001}, {0.021, 0.048, 0.034}, kIdentity, 0.020);
    // Condyles: the medial and lateral rollers the tibia rides on (bottom at the mesh's 430 mm),
    // joined in front by the patellar surface.
    for (double side : {-1.0, 1.0}) {
        const double z = side < 0 ? -0.019 : 0.021;
        s.ellipsoid({-0.010, -0.404, z}, {0.027, 0.026, 0.0135}, kIdentity, 0.012);
    }
    s.ellipsoid({0.012, -0.387, 0.002}, {0.021, 0.030, 0.035}, kIdentity, 0.012);
    // Epicondyles and the adductor tubercle above the medial one.
    s.sphere({-0.004, -0.386, -0.030}, 0.008, 0.010);
    s.sphere({-0.004, -0.388, 0.033}, 0.007, 0.010);
    s.sphere({-0.006, -0.364, -0.030}, 0.0045, 0.008);
    // Intercondylar notch behind and below, and the shallow trochlear groove for the patella.
    s.subtract([](const dvec3& p) { return sdCapsule(p, {-0.045, -0.418, 0.001}, {-0.004, -0.412, 0.001}, 0.0085); },
               Box{{-0.06, -0.43, -0.01}, {0.01, -0.40, 0.01}}, 0.004);
    s.subtract([](const dvec3& p) { return sdCapsule(p, {0.040, -0.360, 0.002}, {0.036, -0.410, 0.001}, 0.0075); },
               Box{{0.02, -0.42, -0.01}, {0.05, -0.35, 0.012}}, 0.008);
    // Biceps femoris short head: lateral lip of the linea aspera.
    fitAttachment(s, pathPoint(anatomy::Muscle::BicepsFemorisShort, 0), 0.004);
    return s;
}

Shape patellaShape()
{
    // In the tibia's frame (it follows the patellar ligament), resting on the femoral trochlea
    // in the standing pose: a rounded triangle with its apex down.
    Shape s;
    const glm::dmat3 tilt = frameFromUpForward({-0.15, 1.0, 0.0}, {1, 0, 0});
    s.ellipsoid({0.046, 0.010, 0.004}, {0.0105, 0.022, 0.022}, tilt, 0.0);
    s.roundCone({0.046, 0.004, 0.004}, {0.042, -0.015, 0.004}, 0.014, 0.007, 0.010);
    return s;
}

Shape tibiaShape()
{
    Shape s;
    // Condyles under the femoral condyles; the medial one's back carries semimembranosus.
    s.ellipsoid({-0.003, -0.051, -0.015}, {0.025, 0.0145, 0.0185}, kIdentity, 0.0);
    s.ellipsoid({-0.005, -0.052, 0.021}, {0.023, 0.0140, 0.0175}, kIdentity, 0.010);
    // Intercondylar eminence between them.
    s.roundCone({0.000, -0.040, 0.003}, {-0.002, -0.0305, 0.003}, 0.008, 0.004, 0.006);
    // Shallow dishes where the femoral condyles sit.
    s.subtract([](const dvec3& p) { return sdSphere(p, {-0.004, -0.0145, -0.016}, 0.024); },
               Box{{-0.03, -0.04, -0.04}, {0.02, 0.01, 0.008}}, 0.004);
    s.subtract([](const dvec3& p) { return sdSphere(p, {-0.006, -0.0145, 0.022}, 0.024); },
               Box{{-0.03, -0.04, -0.002}, {0.018, 0.01, 0.046}}, 0.004);
    // Metaphysis narrowing into the shaft, the tuberosity for the patellar ligament in front.
    s.roundCone({0.000, -0.060, 0.004}, {0.002, -0.120, 0.002}, 0.026, 0.016, 0.014);
    s.ellipsoid({0.029, -0.076, 0.006}, {0.009, 0.016, 0.010}, kIdentity, 0.012);
    // Shaft: round core, anterior crest (the shin) and the interosseous border facing the fibula.
    s.tube({{0.002, -0.110, 0.002}, {0.001, -0.220, 0.001}, {0.001, -0.330, 0.001}, {0.002, -0.385, 0.002}},
           {0.0160, 0.0125, 0.0120, 0.0170}, 0.010);
    s.tube({{0.024, -0.095, 0.005}, {0.018, -0.200, 0.003}, {0.012, -0.320, 0.000}}, {0.0050, 0.0045, 0.0040}, 0.012);
    s.tube({{0.004, -0.100, 0.020}, {0.003, -0.220, 0.015}, {0.003, -0.340, 0.013}}, {0.0040, 0.0035, 0.0035}, 0.010);
    // Distal end over the talus, the medial malleolus reaching lower on the inside.
    s.ellipsoid({0.003, -0.398, 0.002}, {0.021, 0.018, 0.024}, kIdentity, 0.012);
    s.roundCone({0.003, -0.392, -0.018}, {0.004, -0.420, -0.021}, 0.010, 0.0065, 0.006);
    // Semimembranosus on the posteromedial condyle; semitendinosus at the pes anserinus.
    fitAttachment(s, pathPoint(anatomy::Muscle::Semimembranosus, -1), 0.004);
    fitAttachment(s, pathPoint(anatomy::Muscle::Semitendinosus, -1), 0.004);
    return s;
}

Shape fibulaShape()
{
    Shape s;
    // Head below the lateral tibial condyle, its apex (styloid process) pointing up and back.
    s.ellipsoid({-0.012, -0.067, 0.037}, {0.0115, 0.0110, 0.0100}, kIdentity, 0.0);
    s.roundCone({-0.014, -0.064, 0.036}, {-0.020, -0.057, 0.035}, 0.007, 0.004, 0.006);
    // Neck, slender shaft and the lateral malleolus, lowest point of the ankle (431 mm).
    s.tube({{-0.011, -0.078, 0.037}, {-0.006, -0.200, 0.035}, {-0.007, -0.330, 0.037}, {-0.009, -0.395, 0.040},
            {-0.011, -0.425, 0.042}},
           {0.0075, 0.0068, 0.0065, 0.0095, 0.0065}, 0.008);
    // Both heads of biceps femoris end on the head of the fibula.
    fitAttachment(s, pathPoint(anatomy::Muscle::BicepsFemorisLong, -1), 0.004);
    return s;
}

} // namespace modelgen
