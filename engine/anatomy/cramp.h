// A muscle cramp as a drive on one head: an involuntary, strong but submaximal contraction (about
// two thirds of maximal, S12) that sets in within a fraction of a second, holds with a
// fasciculation tremor and a local knot (the lump under the skin of seed 004), and ends on its own
// after seconds to about ten minutes (004). Tension on the tendon cuts it short: tendon-organ
// (Golgi) afferents are thought to inhibit the motor neurons that drive it, the proposed reason a
// gentle stretch relieves a cramp (S19, S18).
#pragma once

#include <cstdint>

namespace anatomy {

enum class CrampPhase { None, Onset, Sustained, Easing };
const char* crampPhaseName(CrampPhase phase); // "none", "onset", "sustained", "easing"

// Where the knot sits: a fraction along the belly (0 proximal, 1 distal) and an angle about the
// muscle's path from its reference normal (0 faces posteriorly, toward the skin).
struct CrampKnot {
    double alongBelly = 0.5;
    double aroundRad = 0.0;
};

struct CrampStatus {
    CrampPhase phase = CrampPhase::None;
    double elapsedS = 0.0;       // since onset
    double timeLeftS = 0.0;      // until it ends if the relief stays as it is now; 0 when none
    double requestedS = 0.0;     // duration asked for, without relief
    double drive = 0.0;          // involuntary excitation before inhibition and tremor, 0..1
    double inhibition = 0.0;     // tendon-organ inhibition, 0..1
    double tremor = 0.0;         // fasciculation signal, -1..1
    CrampKnot knot;
    double knotAmplitude = 0.0;  // 0..1 of the knot's full bulge
    std::uint32_t seed = 0;
};

// The drive of one cramp over time. Pure function of its inputs: the same starts, tensions and
// times give the same drive.
class Cramp {
public:
    static constexpr double kMinimumDurationS = 1.0;
    static constexpr double kMaximumDurationS = 600.0; // "a couple of seconds to 10 minutes" (004)

    // Starts (or restarts) a cramp lasting `durationS` without relief (clamped to the range
    // above); `seed` picks the tremor and, unless given, the knot.
    void start(double durationS, std::uint32_t seed, const CrampKnot* knot = nullptr);
    // Advances by dt at simulation time `timeS` (the time at the end of the step).
    // `stretchTension`: the tension a stretch adds to the tendon (normalised by maximum
    // isometric force); Musculoskeletal passes the passive fibre force the tendon carries.
    void update(double dtS, double timeS, double stretchTension);
    void stop() { status_ = {}; }

    // Excitation the cramp sends to the muscle, 0..1.
    double excitation() const;
    const CrampStatus& status() const { return status_; }
    bool active() const { return status_.phase != CrampPhase::None; }

private:
    double remainingS_ = 0.0; // budget left; stretch relief spends it faster
    CrampStatus status_;
};

// Inhibition (0..1) from the tension a stretch adds to the tendon: half at 10 % of the muscle's
// maximum isometric force.
double golgiInhibition(double stretchTension);

// The fasciculation tremor, -1..1: a few incommensurate twitch rhythms with seeded rates and
// phases, waxing and waning. A pure function of seed and simulation time.
double fasciculationTremor(std::uint32_t seed, double timeS);

// A seeded knot position on the posterior half of the belly, where it shows under the skin.
CrampKnot crampKnotFromSeed(std::uint32_t seed);

} // namespace anatomy
