#include "anatomy/cramp.h"

#include "core/enum_names.h"
#include "core/math.h"

#include <algorithm>
#include <cmath>

namespace anatomy {
namespace {

// A cramp is strong but not maximal: during electrically induced cramps the EMG was 60 +/- 6 %
// and 68 +/- 9 % of a maximal voluntary isometric contraction on the two test days of Miller
// et al. 2010 (S12). The drive is the mean of those two, 64 %.
constexpr double kPeakDrive = 0.64;
// Onset: the drive rises in a quarter of a second, so activation passes 90 % of the drive well
// within 0.5 s (activation time constant 10 ms, S1).
constexpr double kOnsetS = 0.25;
// The last seconds of a cramp fade rather than stop.
constexpr double kEasingS = 2.0;
// How much faster a stretch spends the cramp: at half inhibition it runs out three times as fast.
// No study gives this number; it sets the visible effect of the mechanism of S19 and S18, and
// is in line with a reflex cutting an induced cramp from about 134 s to 85 s (S12).
constexpr double kReliefRate = 4.0;
// Stretch tension (of maximum isometric force) that halves the drive.
constexpr double kHalfInhibitionTension = 0.1;
// Tremor depth in excitation, at full drive.
constexpr double kTremorExcitation = 0.04;

std::uint64_t splitMix(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// A reproducible number in [0, 1) for (seed, index).
double seeded(std::uint32_t seed, std::uint32_t index)
{
    return double(splitMix((std::uint64_t(seed) << 32) | index) >> 11) * 0x1.0p-53;
}

constexpr auto kCrampPhaseNames = core::enumNames<CrampPhase>({
    {CrampPhase::None, "none"}, {CrampPhase::Onset, "onset"},
    {CrampPhase::Sustained, "sustained"}, {CrampPhase::Easing, "easing"},
});

double smoothstep(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

} // namespace

const char* crampPhaseName(CrampPhase phase)
{
    // The table holds string literals, so the view's data ends in a NUL.
    return kCrampPhaseNames.name(phase).data();
}

double golgiInhibition(double stretchTension)
{
    if (stretchTension <= 0.0) return 0.0;
    return stretchTension / (stretchTension + kHalfInhibitionTension);
}

double fasciculationTremor(std::uint32_t seed, double timeS)
{
    // Twitch rhythms of 4-9 Hz: slow enough to be seen at display rates as a flicker of the belly.
    double sum = 0.0, weights = 0.0;
    for (std::uint32_t i = 0; i < 3; ++i) {
        const double rateHz = 4.0 + 5.0 * seeded(seed, 2 * i);
        const double phase = 2.0 * core::kPi * seeded(seed, 2 * i + 1);
        const double weight = 1.0 / double(i + 1);
        sum += weight * std::sin(2.0 * core::kPi * rateHz * timeS + phase);
        weights += weight;
    }
    const double envelopeHz = 0.2 + 0.4 * seeded(seed, 16);
    const double envelope = 0.6 + 0.4 * std::sin(2.0 * core::kPi * envelopeHz * timeS + 2.0 * core::kPi * seeded(seed, 17));
    return envelope * sum / weights;
}

CrampKnot crampKnotFromSeed(std::uint32_t seed)
{
    CrampKnot knot;
    knot.alongBelly = 0.35 + 0.3 * seeded(seed, 32);
    knot.aroundRad = (seeded(seed, 33) - 0.5) * 1.6; // within about 45 degrees of posterior
    return knot;
}

void Cramp::start(double durationS, std::uint32_t seed, const CrampKnot* knot)
{
    const double duration = std::clamp(durationS, kMinimumDurationS, kMaximumDurationS);
    status_ = {};
    status_.phase = CrampPhase::Onset;
    status_.requestedS = duration;
    status_.timeLeftS = duration;
    status_.seed = seed;
    status_.knot = knot ? *knot : crampKnotFromSeed(seed);
    remainingS_ = duration;
}

void Cramp::update(double dtS, double timeS, double stretchTension)
{
    if (!active()) return;
    CrampStatus& s = status_;
    s.elapsedS += dtS;
    s.inhibition = golgiInhibition(stretchTension);
    const double spendRate = 1.0 + kReliefRate * s.inhibition;
    remainingS_ -= dtS * spendRate;
    if (remainingS_ <= 0.0) {
        stop();
        return;
    }
    const double onsetS = std::min(kOnsetS, 0.25 * s.requestedS);
    const double easingS = std::min(kEasingS, 0.25 * s.requestedS);
    const double rising = smoothstep(s.elapsedS / onsetS);
    const double fading = smoothstep(remainingS_ / easingS);
    s.drive = kPeakDrive * std::min(rising, fading);
    s.phase = s.elapsedS < onsetS ? CrampPhase::Onset : remainingS_ < easingS ? CrampPhase::Easing : CrampPhase::Sustained;
    s.timeLeftS = remainingS_ / spendRate;
    s.tremor = fasciculationTremor(s.seed, timeS);
    s.knotAmplitude = s.drive / kPeakDrive * (1.0 - s.inhibition);
}

double Cramp::excitation() const
{
    if (!active()) return 0.0;
    const CrampStatus& s = status_;
    const double tremor = kTremorExcitation * s.tremor * s.drive / kPeakDrive;
    return std::clamp(s.drive * (1.0 - s.inhibition) + tremor, 0.0, 1.0);
}

} // namespace anatomy
