// The right leg's hamstring lengths, moment arms and relaxed fibre state over a grid of hip and
// knee angles: the numbers behind `hamstring-trainer --muscle-table`, for checking the model
// against published curves.
#pragma once

#include "anatomy/muscle_geometry.h"

#include <string>
#include <string_view>
#include <vector>

namespace anatomy {

struct AngleRange {
    double firstDeg = 0.0;
    double lastDeg = 0.0;
    double stepDeg = 1.0;
};

// first, first + step, ... up to last (included when it lies on the grid, within rounding).
std::vector<double> angleValues(const AngleRange& range);

struct MuscleTableRow {
    Muscle head = Muscle::Semimembranosus;
    double hipFlexionDeg = 0.0;
    double kneeFlexionDeg = 0.0;
    double mtuLengthM = 0.0;
    double hipMomentArmM = 0.0;   // -dL/d(hip flexion): negative extends the hip
    double kneeMomentArmM = 0.0;  // -dL/d(knee flexion): positive flexes the knee
    double fiberLengthM = 0.0;    // static equilibrium of the relaxed muscle (minimum activation)
    double passiveForceN = 0.0;   // passive fibre force in that equilibrium
};

// One row per pose and head (hip outermost, then knee, then the heads in kHamstrings order);
// hip adduction and rotation zero.
std::vector<MuscleTableRow> muscleTable(const AngleRange& hip, const AngleRange& knee);

constexpr std::string_view kMuscleTableHeader =
    "head,hip_flexion_deg,knee_flexion_deg,mtu_length_m,hip_moment_arm_m,knee_moment_arm_m,fiber_length_m,passive_force_n";
// The header line and one line per row, each ending in a newline.
std::string muscleTableCsv(const std::vector<MuscleTableRow>& rows);

} // namespace anatomy
