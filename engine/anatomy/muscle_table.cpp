#include "anatomy/muscle_table.h"

#include "anatomy/muscle_path.h"
#include "anatomy/thelen_muscle.h"

#include <cassert>
#include <cmath>
#include <cstdio>

namespace anatomy {

std::vector<double> angleValues(const AngleRange& range)
{
    assert(range.stepDeg > 0.0 && range.firstDeg <= range.lastDeg);
    // Counting steps rather than adding them keeps 0.1-degree grids free of drift.
    const long count = long(std::floor((range.lastDeg - range.firstDeg) / range.stepDeg + 1e-9)) + 1;
    std::vector<double> values;
    values.reserve(std::size_t(count));
    for (long i = 0; i < count; ++i) values.push_back(range.firstDeg + double(i) * range.stepDeg);
    return values;
}

std::vector<MuscleTableRow> muscleTable(const AngleRange& hip, const AngleRange& knee)
{
    std::vector<MuscleTableRow> rows;
    std::array<MuscleTendonUnit, kHamstrings.size()> units;
    for (std::size_t i = 0; i < kHamstrings.size(); ++i) units[i] = MuscleTendonUnit(muscleDef(kHamstrings[i]).parameters);
    std::array<MuscleKinematics, kHamstrings.size()> kinematics;
    for (double hipDeg : angleValues(hip))
        for (double kneeDeg : angleValues(knee)) {
            Pose pose = Pose::neutral();
            pose[Coordinate::HipFlexionR] = hipDeg;
            pose[Coordinate::KneeFlexionR] = kneeDeg;
            evaluateMuscles(pose, Side::Right, kHamstrings, kinematics);
            for (std::size_t i = 0; i < kHamstrings.size(); ++i) {
                units[i].setStatic(kinematics[i].lengthM, 0.0); // clamped up to the minimum activation
                const MuscleTendonState& state = units[i].state();
                rows.push_back({kHamstrings[i], hipDeg, kneeDeg, kinematics[i].lengthM, kinematics[i].hipFlexionMomentArmM,
                                kinematics[i].kneeFlexionMomentArmM, state.fiberLengthM, state.passiveFiberForceN});
            }
        }
    return rows;
}

std::string muscleTableCsv(const std::vector<MuscleTableRow>& rows)
{
    std::string out(kMuscleTableHeader);
    out += '\n';
    char line[256];
    // The short head's hip moment arm is zero up to rounding; print it as 0, not -0.000000.
    auto tidy = [](double value) { return std::abs(value) < 1e-9 ? 0.0 : value; };
    for (const MuscleTableRow& r : rows) {
        // Micrometres for lengths and moment arms, millinewtons for force.
        const std::string_view name = muscleDef(r.head).name;
        std::snprintf(line, sizeof line, "%.*s,%.10g,%.10g,%.6f,%.6f,%.6f,%.6f,%.3f\n", int(name.size()), name.data(),
                      r.hipFlexionDeg, r.kneeFlexionDeg, r.mtuLengthM, tidy(r.hipMomentArmM), tidy(r.kneeMomentArmM), r.fiberLengthM,
                      r.passiveForceN);
        out += line;
    }
    return out;
}

} // namespace anatomy
