#include "anatomy/thelen_muscle.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace anatomy {
namespace thelen {

double activeForceLength(const ThelenSettings& s, double normFiberLength)
{
    const double x = normFiberLength - 1.0;
    return std::exp(-x * x / s.kShapeActive);
}

double passiveForceLength(const ThelenSettings& s, double normFiberLength)
{
    if (normFiberLength <= 1.0) return 0.0;
    return (std::exp(s.kShapePassive * (normFiberLength - 1.0) / s.fmaxMuscleStrain) - 1.0) /
           (std::exp(s.kShapePassive) - 1.0);
}

double tendonForceLength(const ThelenSettings& s, double tendonStrain)
{
    // Exponential toe up to a third of maximum force, then linear, reaching 1 at fmaxTendonStrain.
    // The toe strain is OpenSim's exact form of the paper's 0.609 * e0 (S2).
    constexpr double kToe = 3.0;
    constexpr double fToe = 0.33;
    const double e3 = std::exp(3.0);
    const double e0 = s.fmaxTendonStrain;
    const double eToe = 99.0 * e0 * e3 / (166.0 * e3 - 67.0);
    const double kLin = 0.67 / (e0 - eToe);
    if (tendonStrain > eToe) return kLin * (tendonStrain - eToe) + fToe;
    if (tendonStrain > 0.0) return fToe / (std::exp(kToe) - 1.0) * (std::exp(kToe * tendonStrain / eToe) - 1.0);
    return 0.0;
}

double normFiberVelocity(const ThelenSettings& s, double activation, double fal, double activeFiberForce)
{
    const double afl = activation * fal;
    const double speed = 0.25 + 0.75 * activation; // Thelen scales the maximum velocity with activation
    const double eccentricAsymptote = afl * s.flen;
    auto b = [&](double force) {
        return force <= afl ? afl + force / s.af : (2.0 + 2.0 / s.af) * (afl * s.flen - force) / (s.flen - 1.0);
    };
    auto dbdF = [&](double force) { return force <= afl ? 1.0 / s.af : -(2.0 + 2.0 / s.af) / (s.flen - 1.0); };
    const double force = activeFiberForce;
    if (force > 0.0 && force < eccentricAsymptote * s.fvLinearExtrapolationThreshold)
        return speed * (force - afl) / b(force);
    // Beyond the curve: continue along its tangent at the last valid force.
    const double edge = force <= 0.0 ? 0.0 : s.fvLinearExtrapolationThreshold * eccentricAsymptote;
    const double bEdge = b(edge);
    const double velocityEdge = speed * (edge - afl) / bEdge;
    const double slope = speed / bEdge - speed * (edge - afl) / (bEdge * bEdge) * dbdF(edge);
    return velocityEdge + slope * (force - edge);
}

double forceVelocity(const ThelenSettings& s, double activation, double normVelocity)
{
    // Solving normFiberVelocity(a, 1, f*a) = v for f on each branch of Thelen's hyperbola.
    const double speed = 0.25 + 0.75 * activation;
    if (normVelocity <= 0.0) {
        const double f = (speed + normVelocity) / (speed - normVelocity / s.af);
        return std::max(f, 0.0);
    }
    const double c = normVelocity * (2.0 + 2.0 / s.af);
    const double m = speed * (s.flen - 1.0);
    return (c * s.flen + m) / (c + m);
}

double activationRate(const ThelenSettings& s, double excitation, double activation)
{
    const double tau = excitation > activation ? s.activationTimeConstantS * (0.5 + 1.5 * activation)
                                               : s.deactivationTimeConstantS / (0.5 + 1.5 * activation);
    return (excitation - activation) / tau;
}

} // namespace thelen

namespace {

// Root of an increasing function on [lo, hi] with f(lo) <= 0 <= f(hi): the Illinois variant of
// regula falsi, which keeps the bracket and converges superlinearly.
template <class F>
double solveIncreasing(F f, double lo, double hi, double fLo, double fHi, double tolerance)
{
    if (fLo >= 0.0) return lo;
    if (fHi <= 0.0) return hi;
    int side = 0;
    double x = lo;
    for (int iteration = 0; iteration < 60 && hi - lo > tolerance; ++iteration) {
        x = (lo * fHi - hi * fLo) / (fHi - fLo);
        if (!(x > lo && x < hi)) x = 0.5 * (lo + hi);
        const double fx = f(x);
        if (fx == 0.0) return x;
        if (fx < 0.0) {
            lo = x;
            fLo = fx;
            if (side == -1) fHi *= 0.5;
            side = -1;
        } else {
            hi = x;
            fHi = fx;
            if (side == 1) fLo *= 0.5;
            side = 1;
        }
    }
    return x;
}

// A bracket around `guess` for an increasing function, widened geometrically within [lo, hi].
template <class F>
double solveNear(F f, double guess, double lo, double hi, double firstStep, double tolerance)
{
    guess = std::clamp(guess, lo, hi);
    const double fGuess = f(guess);
    if (fGuess == 0.0) return guess;
    double step = std::max(firstStep, tolerance);
    double a = guess, fa = fGuess;
    if (fGuess < 0.0) {
        // The root lies above the guess.
        for (;;) {
            const double b = std::min(a + step, hi);
            const double fb = f(b);
            if (fb >= 0.0 || b >= hi) return solveIncreasing(f, a, b, fa, std::max(fb, 0.0), tolerance);
            a = b;
            fa = fb;
            step *= 4.0;
        }
    }
    for (;;) {
        const double b = std::max(a - step, lo);
        const double fb = f(b);
        if (fb <= 0.0 || b <= lo) return solveIncreasing(f, b, a, std::min(fb, 0.0), fa, tolerance);
        a = b;
        fa = fb;
        step *= 4.0;
    }
}

constexpr int kActivationSubsteps = 4;        // the activation time constant (5-20 ms) is near the step
constexpr double kFiberToleranceLopt = 1e-9;  // fibre length solved to a nanometre per 10 cm

} // namespace

MuscleTendonUnit::MuscleTendonUnit(const MuscleTendonParameters& parameters, const ThelenSettings& settings)
    : parameters_(parameters), settings_(settings)
{
    assert(parameters.optimalFiberLengthM > 0.0 && parameters.tendonSlackLengthM > 0.0);
    thicknessM_ = parameters.optimalFiberLengthM * std::sin(parameters.pennationAtOptimalRad);
    setStatic(parameters.optimalFiberLengthM * std::cos(parameters.pennationAtOptimalRad) + parameters.tendonSlackLengthM,
              settings.minimumActivation);
}

double MuscleTendonUnit::minimumFiberLengthM() const
{
    // As OpenSim's fixed-width pennation model: no shorter than 1 % of optimal or than the
    // length at which the fibre would reach the maximum pennation angle.
    return std::max(0.01 * parameters_.optimalFiberLengthM, thicknessM_ / std::sin(settings_.maximumPennationRad));
}

double MuscleTendonUnit::maximumFiberLengthM(double mtuLengthM) const
{
    // The fibre taking the whole length, tendon at zero: no longer fibre can fit.
    return std::sqrt(mtuLengthM * mtuLengthM + thicknessM_ * thicknessM_);
}

MuscleTendonUnit::FiberForces MuscleTendonUnit::forcesAt(double fiberLengthM, double mtuLengthM) const
{
    FiberForces f;
    // Constant thickness: the fibre's projection on the tendon is sqrt(l^2 - h^2).
    const double along = std::sqrt(std::max(fiberLengthM * fiberLengthM - thicknessM_ * thicknessM_, 0.0));
    f.cosPennation = along / fiberLengthM;
    f.tendonLengthM = mtuLengthM - along;
    f.tendonStrain = f.tendonLengthM / parameters_.tendonSlackLengthM - 1.0;
    const double normLength = fiberLengthM / parameters_.optimalFiberLengthM;
    f.fse = thelen::tendonForceLength(settings_, f.tendonStrain);
    f.fpe = thelen::passiveForceLength(settings_, normLength);
    f.fal = thelen::activeForceLength(settings_, normLength);
    // The contractile element carries what the tendon pulls along the fibre, less the passive part.
    f.activeForce = f.fse / f.cosPennation - f.fpe;
    return f;
}

double MuscleTendonUnit::fiberVelocityAt(double fiberLengthM, double mtuLengthM, double activation) const
{
    const FiberForces f = forcesAt(fiberLengthM, mtuLengthM);
    return thelen::normFiberVelocity(settings_, activation, f.fal, f.activeForce) *
           settings_.maxContractionVelocityLoptPerS * parameters_.optimalFiberLengthM;
}

void MuscleTendonUnit::setStatic(double mtuLengthM, double activation)
{
    activation = std::clamp(activation, settings_.minimumActivation, 1.0);
    state_.excitation = activation;
    state_.activation = activation;
    state_.mtuLengthM = mtuLengthM;
    state_.mtuVelocityMPerS = 0.0;
    // Equilibrium: tendon force equals fibre force along the tendon, the fibre at rest
    // (f_V = 1). The residual rises with fibre length (the tendon slackens, the passive part grows).
    auto residual = [&](double fiberLengthM) {
        const FiberForces f = forcesAt(fiberLengthM, mtuLengthM);
        return (activation * f.fal + f.fpe) * f.cosPennation - f.fse;
    };
    const double lo = minimumFiberLengthM();
    const double hi = maximumFiberLengthM(mtuLengthM);
    const double tolerance = kFiberToleranceLopt * parameters_.optimalFiberLengthM;
    state_.fiberLengthM = solveIncreasing(residual, lo, hi, std::min(residual(lo), 0.0), std::max(residual(hi), 0.0), tolerance);
    updateOutputs(0.0);
}

void MuscleTendonUnit::step(double dtS, double excitation, double mtuLengthM)
{
    assert(dtS > 0.0);
    const double u = std::clamp(excitation, settings_.minimumActivation, 1.0);
    // Activation: exponential Euler substeps (exact for a frozen time constant).
    double a = state_.activation;
    const double substep = dtS / kActivationSubsteps;
    for (int i = 0; i < kActivationSubsteps; ++i) {
        const double tau = u > a ? settings_.activationTimeConstantS * (0.5 + 1.5 * a)
                                 : settings_.deactivationTimeConstantS / (0.5 + 1.5 * a);
        a = std::clamp(u + (a - u) * std::exp(-substep / tau), settings_.minimumActivation, 1.0);
    }

    // Fibre: backward Euler, l1 = l0 + dt * v(l1, a1, L1). The residual rises with l1 because
    // a longer fibre means a slacker tendon and so a slower (more shortening) velocity.
    const double previous = state_.fiberLengthM;
    auto residual = [&](double fiberLengthM) {
        return fiberLengthM - previous - dtS * fiberVelocityAt(fiberLengthM, mtuLengthM, a);
    };
    const double lo = minimumFiberLengthM();
    const double hi = maximumFiberLengthM(mtuLengthM);
    const double tolerance = kFiberToleranceLopt * parameters_.optimalFiberLengthM;
    // The fibre takes up most of a change in musculotendon length, so start from there.
    const double guess = previous + (mtuLengthM - state_.mtuLengthM);
    const double fiber = solveNear(residual, guess, lo, hi, 1e-4 * parameters_.optimalFiberLengthM, tolerance);

    state_.mtuVelocityMPerS = (mtuLengthM - state_.mtuLengthM) / dtS;
    state_.excitation = u;
    state_.activation = a;
    state_.mtuLengthM = mtuLengthM;
    state_.fiberLengthM = fiber;
    updateOutputs((fiber - previous) / dtS);
}

void MuscleTendonUnit::updateOutputs(double fiberVelocityMPerS)
{
    const FiberForces f = forcesAt(state_.fiberLengthM, state_.mtuLengthM);
    const double fmax = parameters_.maxIsometricForceN;
    state_.normFiberLength = state_.fiberLengthM / parameters_.optimalFiberLengthM;
    state_.fiberStrain = state_.normFiberLength - 1.0;
    state_.fiberVelocityMPerS = fiberVelocityMPerS;
    state_.pennationRad = std::acos(std::clamp(f.cosPennation, -1.0, 1.0));
    state_.tendonLengthM = f.tendonLengthM;
    state_.tendonStrain = f.tendonStrain;
    state_.tendonForceN = f.fse * fmax;
    state_.passiveFiberForceN = f.fpe * fmax;
    state_.activeFiberForceN = std::max(f.activeForce, 0.0) * fmax;
    state_.activeForceLength = f.fal;
}

} // namespace anatomy
