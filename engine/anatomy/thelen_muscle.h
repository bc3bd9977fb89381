// A Hill-type muscle-tendon unit after OpenSim's Thelen2003Muscle (reference S2) with the
// gait2392 hamstring settings (S1): first-order activation, Gaussian active force-length,
// exponential passive force-length, Thelen's force-velocity, an elastic tendon with a toe
// region, and pennation at constant muscle thickness.
//
// Fibre length is integrated with backward (implicit) Euler: each step solves for the fibre
// length whose Thelen velocity carries it there from the last one. A relaxed Thelen fibre is
// very stiff numerically (at 1 % activation a small force imbalance means a fast velocity), so
// an explicit step would need a tiny dt; the implicit step is stable at 1/240 s and, for a
// relaxed muscle, lands on the static equilibrium that OpenSim's own initialisation finds.
#pragma once

#include "anatomy/muscle_geometry.h"

namespace anatomy {

// Curve and time-constant settings of Thelen2003Muscle. Defaults are gait2392's hamstring values
// (S1), which override OpenSim's class defaults (S2: 0.04, 0.45, 5, 0.25, 1.4, 0.015/0.050 s).
struct ThelenSettings {
    double fmaxTendonStrain = 0.033;             // tendon strain at maximum isometric force
    double fmaxMuscleStrain = 0.6;               // passive fibre strain at maximum isometric force
    double kShapeActive = 0.5;                   // width of the active force-length Gaussian
    double kShapePassive = 4.0;                  // exponential shape of the passive curve
    double af = 0.3;                             // force-velocity shape factor
    double flen = 1.8;                           // eccentric force plateau, in maximum isometric force
    double maxContractionVelocityLoptPerS = 10.0;
    double activationTimeConstantS = 0.01;
    double deactivationTimeConstantS = 0.04;
    double minimumActivation = 0.01;             // OpenSim's default (S2)
    double fvLinearExtrapolationThreshold = 0.95; // OpenSim's default (S2)
    double maximumPennationRad = 1.4706289056333368; // acos(0.1), OpenSim's default (S2)
};

namespace thelen {
// Normalised (by maximum isometric force) curves; lengths normalised by optimal fibre length.
double activeForceLength(const ThelenSettings& settings, double normFiberLength);
double passiveForceLength(const ThelenSettings& settings, double normFiberLength);
double tendonForceLength(const ThelenSettings& settings, double tendonStrain);
// Thelen 2003 eqs. 6-7 as OpenSim implements them (calcdlceN): the fibre velocity, in optimal
// lengths per second divided by the maximum contraction velocity, at which the contractile element
// carries `activeFiberForce` (normalised) with activation a and active force-length value fal.
// Linearly extrapolated below zero force and above 0.95 of the eccentric plateau.
double normFiberVelocity(const ThelenSettings& settings, double activation, double fal, double activeFiberForce);
// The force-velocity multiplier at full force-length (fal = 1): the inverse of normFiberVelocity
// inside its curved range; -1 is shortening at the maximum velocity.
double forceVelocity(const ThelenSettings& settings, double activation, double normVelocity);
// da/dt of the first-order activation model (MuscleFirstOrderActivationDynamicModel, S2).
double activationRate(const ThelenSettings& settings, double excitation, double activation);
} // namespace thelen

// Everything a muscle-tendon unit reports at one instant.
struct MuscleTendonState {
    double excitation = 0.0;           // neural input, 0..1
    double activation = 0.0;           // 0..1
    double mtuLengthM = 0.0;           // musculotendon length
    double mtuVelocityMPerS = 0.0;     // lengthening positive
    double fiberLengthM = 0.0;
    double normFiberLength = 0.0;      // over optimal fibre length
    double fiberStrain = 0.0;          // normFiberLength - 1
    double fiberVelocityMPerS = 0.0;   // lengthening positive
    double pennationRad = 0.0;
    double tendonLengthM = 0.0;
    double tendonStrain = 0.0;         // over tendon slack length
    double activeFiberForceN = 0.0;    // along the fibre: a * f_AL * f_V * F0
    double passiveFiberForceN = 0.0;   // along the fibre: f_PE * F0
    double tendonForceN = 0.0;
    double activeForceLength = 0.0;    // f_AL at the current fibre length
};

class MuscleTendonUnit {
public:
    MuscleTendonUnit() = default;
    MuscleTendonUnit(const MuscleTendonParameters& parameters, const ThelenSettings& settings = {});

    // Places the unit in static equilibrium (fibre at rest, tendon force = fibre force along
    // the tendon) at this length and activation; also holds the excitation at that activation.
    void setStatic(double mtuLengthM, double activation);
    // Advances by dt: activation toward `excitation`, then the fibre to the end of the step, where
    // the musculotendon length is `mtuLengthM` (lengthening speed from the change since the last step).
    void step(double dtS, double excitation, double mtuLengthM);

    const MuscleTendonState& state() const { return state_; }
    const MuscleTendonParameters& parameters() const { return parameters_; }
    const ThelenSettings& settings() const { return settings_; }
    double minimumFiberLengthM() const;

private:
    struct FiberForces {
        double cosPennation, tendonLengthM, tendonStrain, fse, fpe, fal, activeForce;
    };
    FiberForces forcesAt(double fiberLengthM, double mtuLengthM) const;
    double fiberVelocityAt(double fiberLengthM, double mtuLengthM, double activation) const;
    double maximumFiberLengthM(double mtuLengthM) const;
    void updateOutputs(double fiberVelocityMPerS);

    MuscleTendonParameters parameters_{1.0, 0.1, 0.3, 0.0};
    ThelenSettings settings_;
    double thicknessM_ = 0.0; // fibre length times sin(pennation): constant as the fibre shortens
    MuscleTendonState state_;
};

} // namespace anatomy
