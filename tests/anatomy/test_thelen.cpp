// The Thelen2003Muscle curves and dynamics against their published definitions (S2, with the
// gait2392 hamstring settings of S1, read from the reference JSON).
#include "anatomy/muscle_path.h"
#include "anatomy/thelen_muscle.h"
#include "reference_data.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace anatomy;

namespace {

// The settings gait2392 gives the hamstrings, as the reference lists them.
ThelenSettings referenceSettings()
{
    const auto& r = testing_support::referenceData()["hill_muscle_model"]["gait2392_Thelen_values_in_model_file"];
    ThelenSettings s;
    s.fmaxTendonStrain = r["FmaxTendonStrain"].get<double>();
    s.fmaxMuscleStrain = r["FmaxMuscleStrain"].get<double>();
    s.kShapeActive = r["KshapeActive"].get<double>();
    s.kShapePassive = r["KshapePassive"].get<double>();
    s.af = r["Af"].get<double>();
    s.flen = r["Flen"].get<double>();
    s.maxContractionVelocityLoptPerS = r["max_contraction_velocity_Lopt_per_s"].get<double>();
    s.activationTimeConstantS = r["activation_time_constant_s"].get<double>();
    s.deactivationTimeConstantS = r["deactivation_time_constant_s"].get<double>();
    return s;
}

} // namespace

TEST_CASE("the default settings are gait2392's hamstring settings")
{
    const ThelenSettings expected = referenceSettings();
    const ThelenSettings defaults;
    CHECK(defaults.fmaxTendonStrain == expected.fmaxTendonStrain);
    CHECK(defaults.fmaxMuscleStrain == expected.fmaxMuscleStrain);
    CHECK(defaults.kShapeActive == expected.kShapeActive);
    CHECK(defaults.kShapePassive == expected.kShapePassive);
    CHECK(defaults.af == expected.af);
    CHECK(defaults.flen == expected.flen);
    CHECK(defaults.maxContractionVelocityLoptPerS == expected.maxContractionVelocityLoptPerS);
    CHECK(defaults.activationTimeConstantS == expected.activationTimeConstantS);
    CHECK(defaults.deactivationTimeConstantS == expected.deactivationTimeConstantS);
}

TEST_CASE("active force-length: peak of 1 at optimal length, Gaussian of width KshapeActive")
{
    const ThelenSettings s = referenceSettings();
    CHECK(thelen::activeForceLength(s, 1.0) == doctest::Approx(1.0));
    for (double l = 0.3; l <= 1.8; l += 0.05) {
        CHECK(thelen::activeForceLength(s, l) <= 1.0);
        CHECK(thelen::activeForceLength(s, l) == doctest::Approx(std::exp(-(l - 1.0) * (l - 1.0) / s.kShapeActive)));
    }
    CHECK(thelen::activeForceLength(s, 1.5) == doctest::Approx(thelen::activeForceLength(s, 0.5)));
    CHECK(thelen::activeForceLength(s, 1.5) == doctest::Approx(std::exp(-0.5)));
}

TEST_CASE("passive force-length: zero up to slack (optimal length), 1 at 1 + FmaxMuscleStrain")
{
    const ThelenSettings s = referenceSettings();
    for (double l = 0.2; l <= 1.0; l += 0.1) CHECK(thelen::passiveForceLength(s, l) == 0.0);
    CHECK(thelen::passiveForceLength(s, 1.0 + s.fmaxMuscleStrain) == doctest::Approx(1.0));
    double previous = 0.0;
    for (double l = 1.01; l <= 1.7; l += 0.01) {
        const double f = thelen::passiveForceLength(s, l);
        CHECK(f > previous);
        previous = f;
    }
}

TEST_CASE("tendon: 1 at a strain of 0.033, toe region below a third of the force, slack below zero strain")
{
    const ThelenSettings s = referenceSettings();
    CHECK(s.fmaxTendonStrain == 0.033);
    CHECK(thelen::tendonForceLength(s, 0.033) == doctest::Approx(1.0));
    CHECK(thelen::tendonForceLength(s, 0.0) == 0.0);
    CHECK(thelen::tendonForceLength(s, -0.01) == 0.0);
    // The toe ends at 0.609 e0 (Thelen's rounding of OpenSim's exact form) with a third of F0.
    const double eToe = 0.609 * s.fmaxTendonStrain;
    CHECK(thelen::tendonForceLength(s, eToe) == doctest::Approx(0.33).epsilon(0.002));
    // Continuous and rising through the toe into the linear region.
    double previous = 0.0;
    for (double e = 0.0005; e <= 0.05; e += 0.0005) {
        const double f = thelen::tendonForceLength(s, e);
        CHECK(f > previous);
        CHECK(f - previous < 0.03);
        previous = f;
    }
}

TEST_CASE("force-velocity: isometric 1, zero at -Vmax, eccentric plateau toward Flen")
{
    const ThelenSettings s = referenceSettings();
    CHECK(thelen::forceVelocity(s, 1.0, 0.0) == doctest::Approx(1.0));
    CHECK(thelen::forceVelocity(s, 1.0, -1.0) == doctest::Approx(0.0));
    CHECK(thelen::forceVelocity(s, 1.0, -0.5) < 0.5);
    double previous = 0.0;
    for (double v = -1.0; v <= 5.0; v += 0.05) {
        const double f = thelen::forceVelocity(s, 1.0, v);
        CHECK(f >= previous);
        CHECK(f < s.flen);
        previous = f;
    }
    CHECK(thelen::forceVelocity(s, 1.0, 100.0) == doctest::Approx(s.flen).epsilon(0.01));
    // The forward curve inverts OpenSim's velocity-from-force (calcdlceN) inside its curved range.
    for (double a : {0.2, 0.6, 1.0})
        for (double v : {-0.6, -0.2, -0.05, 0.05, 0.2, 0.5}) {
            const double f = thelen::forceVelocity(s, a, v);
            // Past the maximum shortening speed (0.25 + 0.75 a) the force is zero: nothing to invert.
            if (f <= 0.0 || f >= s.fvLinearExtrapolationThreshold * s.flen) continue;
            CHECK(thelen::normFiberVelocity(s, a, 1.0, a * f) == doctest::Approx(v).epsilon(1e-9));
        }
}

TEST_CASE("activation rises with tau 0.01 s and falls with tau 0.04 s")
{
    // The activation model's time constant depends on activation (S2), so 63 % of the way takes
    // exactly: rising from 0.01, t = tau_act * (2 ln(0.99 / 0.366) - 1.5 (0.99 - 0.366)) = 10.5 ms;
    // falling from 1 to the 0.01 floor, t = tau_deact / 0.515 * (ln(0.99 / 0.366) - ln(2 / 1.064)) = 28.3 ms.
    const ThelenSettings s = referenceSettings();
    const double riseExpectedS = s.activationTimeConstantS * (2.0 * std::log(0.99 / 0.3663) - 1.5 * (0.99 - 0.3663));
    const double fallExpectedS = s.deactivationTimeConstantS / (0.5 + 1.5 * 0.01) *
                                 (std::log(0.99 / (0.3763 - 0.01)) - std::log((0.5 + 1.5) / (0.5 + 1.5 * 0.3763)));
    MuscleTendonUnit unit(muscleDef(Muscle::Semitendinosus).parameters, s);
    const double length = unit.state().mtuLengthM;
    const double dt = 1.0 / 2400.0;
    double t = 0.0;
    while (unit.state().activation < 0.01 + 0.63 * 0.99) {
        unit.step(dt, 1.0, length);
        t += dt;
    }
    MESSAGE("rise to 63 %: " << t * 1000.0 << " ms (expected " << riseExpectedS * 1000.0 << " ms)");
    CHECK(t == doctest::Approx(riseExpectedS).epsilon(0.05));
    while (unit.state().activation < 0.999) unit.step(dt, 1.0, length);
    t = 0.0;
    while (unit.state().activation > 1.0 - 0.63 * 0.99) {
        unit.step(dt, 0.0, length);
        t += dt;
    }
    MESSAGE("fall to 37 %: " << t * 1000.0 << " ms (expected " << fallExpectedS * 1000.0 << " ms)");
    CHECK(t == doctest::Approx(fallExpectedS).epsilon(0.05));
    // At the simulation's own step (1/240 s) the timing holds to a few per cent too.
    MuscleTendonUnit coarse(muscleDef(Muscle::Semitendinosus).parameters, s);
    t = 0.0;
    while (coarse.state().activation < 0.01 + 0.63 * 0.99) {
        coarse.step(1.0 / 240.0, 1.0, length);
        t += 1.0 / 240.0;
    }
    CHECK(t <= riseExpectedS + 1.0 / 240.0);
}

TEST_CASE("static equilibrium: tendon force equals fibre force along the tendon")
{
    for (Muscle muscle : kHamstrings) {
        CAPTURE(muscleDef(muscle).name);
        MuscleTendonUnit unit(muscleDef(muscle).parameters);
        const double fmax = muscleDef(muscle).parameters.maxIsometricForceN;
        for (double hip : {-20.0, 0.0, 45.0, 90.0, 120.0})
            for (double knee : {0.0, 30.0, 90.0}) {
                Pose pose = Pose::neutral();
                pose[Coordinate::HipFlexionR] = hip;
                pose[Coordinate::KneeFlexionR] = knee;
                const double length = muscleKinematics(pose, muscle, Side::Right).lengthM;
                for (double activation : {0.0, 0.3, 1.0}) {
                    unit.setStatic(length, activation);
                    const MuscleTendonState& st = unit.state();
                    const double fibreAlongTendon = (st.activeFiberForceN + st.passiveFiberForceN) * std::cos(st.pennationRad);
                    // A buckled fibre (tendon slack at the shortest fibre) carries nothing.
                    if (st.fiberLengthM <= unit.minimumFiberLengthM() * (1.0 + 1e-9)) {
                        CHECK(st.tendonForceN == 0.0);
                        continue;
                    }
                    CHECK(std::abs(st.tendonForceN - fibreAlongTendon) < 1e-6 * fmax);
                    CHECK(st.tendonLengthM + st.fiberLengthM * std::cos(st.pennationRad) == doctest::Approx(length));
                    // Active force at rest is a * f_AL * F0.
                    CHECK(std::abs(st.activeFiberForceN - st.activation * st.activeForceLength * fmax) < 1e-6 * fmax);
                }
            }
    }
}

TEST_CASE("pennation keeps the muscle's thickness: l sin(alpha) stays l_opt sin(alpha_opt)")
{
    const MuscleTendonParameters p = muscleDef(Muscle::BicepsFemorisShort).parameters;
    MuscleTendonUnit unit(p);
    for (double length : {0.22, 0.25, 0.28}) {
        unit.setStatic(length, 0.5);
        CHECK(unit.state().fiberLengthM * std::sin(unit.state().pennationRad) ==
              doctest::Approx(p.optimalFiberLengthM * std::sin(p.pennationAtOptimalRad)));
    }
}

TEST_CASE("a held length settles to static equilibrium; a stretch at speed raises the force eccentrically")
{
    const MuscleTendonParameters p = muscleDef(Muscle::BicepsFemorisLong).parameters;
    MuscleTendonUnit unit(p);
    MuscleTendonUnit reference(p);
    const double length = 0.43;
    unit.setStatic(0.40, 0.5);
    for (int i = 0; i < 480; ++i) unit.step(1.0 / 240.0, 0.5, length);
    reference.setStatic(length, unit.state().activation);
    CHECK(unit.state().fiberLengthM == doctest::Approx(reference.state().fiberLengthM).epsilon(1e-5));
    CHECK(unit.state().tendonForceN == doctest::Approx(reference.state().tendonForceN).epsilon(1e-4));

    // Lengthening at 0.2 m/s under full activation: force above isometric, below Flen times it.
    unit.setStatic(0.40, 1.0);
    for (int i = 0; i < 240; ++i) unit.step(1.0 / 240.0, 1.0, 0.40);
    for (int i = 1; i <= 24; ++i) unit.step(1.0 / 240.0, 1.0, 0.40 + 0.2 * i / 240.0);
    const MuscleTendonState& s = unit.state();
    CHECK(s.fiberVelocityMPerS > 0.0);
    CHECK(s.mtuVelocityMPerS == doctest::Approx(0.2));
    reference.setStatic(s.mtuLengthM, 1.0);
    CHECK(s.tendonForceN > reference.state().tendonForceN * 1.1);
    // Never past the eccentric plateau: Flen times the isometric active force, plus the passive part.
    const double plateau = (referenceSettings().flen * s.activeForceLength * p.maxIsometricForceN + s.passiveFiberForceN) *
                           std::cos(s.pennationRad);
    CHECK(s.tendonForceN < plateau);
}

TEST_CASE("the fixed step stays stable: random excitations and lengths give bounded, finite states")
{
    std::uint32_t state = 12345u;
    auto random = [&] {
        state = state * 1664525u + 1013904223u;
        return double(state >> 8) / double(1u << 24);
    };
    for (Muscle muscle : kHamstrings) {
        const MuscleTendonParameters p = muscleDef(muscle).parameters;
        MuscleTendonUnit unit(p);
        const double rest = unit.state().mtuLengthM;
        double length = rest, excitation = 0.0;
        for (int i = 0; i < 2400; ++i) {
            if (i % 60 == 0) excitation = random();
            length = std::clamp(length + (random() - 0.5) * 0.002, rest * 0.8, rest * 1.25); // up to 0.24 m/s
            unit.step(1.0 / 240.0, excitation, length);
            const MuscleTendonState& s = unit.state();
            REQUIRE(std::isfinite(s.fiberLengthM));
            REQUIRE(s.fiberLengthM >= unit.minimumFiberLengthM() * (1.0 - 1e-12));
            REQUIRE(s.tendonForceN >= 0.0);
            REQUIRE(s.tendonForceN < 4.0 * p.maxIsometricForceN);
        }
    }
}
