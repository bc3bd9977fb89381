#include "anim/reach.h"

#include <algorithm>
#include <cmath>

namespace anim {
namespace {

using anatomy::Coordinate;

// The coordinates that move a hand, and the trunk coordinates shared by both hands.
std::vector<Coordinate> armCoordinates(anatomy::Landmark hand)
{
    if (hand == anatomy::Landmark::HandL)
        return {Coordinate::ShoulderFlexionL, Coordinate::ShoulderAbductionL, Coordinate::ShoulderRotationL, Coordinate::ElbowFlexionL};
    return {Coordinate::ShoulderFlexionR, Coordinate::ShoulderAbductionR, Coordinate::ShoulderRotationR, Coordinate::ElbowFlexionR};
}

constexpr Coordinate kTrunk[] = {Coordinate::LumbarFlexion, Coordinate::LumbarBending, Coordinate::LumbarRotation,
                                 Coordinate::ThoracicFlexion};

// Palm-to-target offsets of every hand, stacked (x, y, z per hand).
std::vector<double> residuals(const anatomy::Pose& pose, std::span<const HandTarget> targets)
{
    const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(pose);
    std::vector<double> out;
    for (const HandTarget& target : targets) {
        const glm::dvec3 gap = target.targetM - anatomy::landmarkPosition(skeleton, target.hand);
        out.insert(out.end(), {gap.x, gap.y, gap.z});
    }
    return out;
}

double worstGap(const std::vector<double>& residual)
{
    double worst = 0.0;
    for (std::size_t i = 0; i + 2 < residual.size(); i += 3)
        worst = std::max(worst, std::sqrt(residual[i] * residual[i] + residual[i + 1] * residual[i + 1] + residual[i + 2] * residual[i + 2]));
    return worst;
}

} // namespace

anatomy::Pose reachWithHands(anatomy::Pose pose, std::span<const HandTarget> targets, double* worstM)
{
    std::vector<Coordinate> unknowns;
    for (const HandTarget& target : targets)
        for (Coordinate c : armCoordinates(target.hand))
            if (std::find(unknowns.begin(), unknowns.end(), c) == unknowns.end()) unknowns.push_back(c);
    if (!targets.empty()) unknowns.insert(unknowns.end(), std::begin(kTrunk), std::end(kTrunk));
    // The trunk bends less readily than the arms: it is damped harder, so a reach is made with
    // the arms first, as a person does.
    std::vector<double> damping(unknowns.size(), 0.02);
    for (std::size_t u = unknowns.size() - (targets.empty() ? 0 : std::size(kTrunk)); u < unknowns.size(); ++u) damping[u] = 0.2;
    std::vector<double> residual = residuals(pose, targets);
    constexpr double kStepDeg = 0.5;
    for (int iteration = 0; iteration < 40 && worstGap(residual) > 0.002; ++iteration) {
        const std::size_t n = unknowns.size(), m = residual.size();
        // Jacobian of the palms' positions by each coordinate, in metres per radian.
        std::vector<std::vector<double>> jacobian(n, std::vector<double>(m, 0.0));
        for (std::size_t u = 0; u < n; ++u) {
            anatomy::Pose nudged = pose;
            nudged[unknowns[u]] += kStepDeg;
            const std::vector<double> moved = residuals(nudged, targets);
            for (std::size_t k = 0; k < m; ++k) jacobian[u][k] = (residual[k] - moved[k]) / (kStepDeg * 3.14159265358979 / 180.0);
        }
        std::vector<std::vector<double>> normal(n, std::vector<double>(n, 0.0));
        std::vector<double> gradient(n, 0.0);
        for (std::size_t a = 0; a < n; ++a) {
            for (std::size_t b = 0; b < n; ++b)
                for (std::size_t k = 0; k < m; ++k) normal[a][b] += jacobian[a][k] * jacobian[b][k];
            normal[a][a] += damping[a];
            for (std::size_t k = 0; k < m; ++k) gradient[a] += jacobian[a][k] * residual[k];
        }
        const std::vector<double> deltaRad = solveNormalEquations(normal, gradient);
        anatomy::Pose next = pose;
        for (std::size_t u = 0; u < n; ++u) {
            const anatomy::CoordinateInfo& info = anatomy::coordinateInfo(unknowns[u]);
            // At most 10 degrees a step, so one iteration cannot swing an arm through the body.
            const double deltaDeg = std::clamp(deltaRad[u] * 180.0 / 3.14159265358979, -10.0, 10.0);
            next[unknowns[u]] = std::clamp(next[unknowns[u]] + deltaDeg, info.minimum, info.maximum);
        }
        std::vector<double> nextResidual = residuals(next, targets);
        if (worstGap(nextResidual) >= worstGap(residual) - 1e-6) break;  // no further progress within the limits
        pose = next;
        residual = std::move(nextResidual);
    }
    if (worstM) *worstM = worstGap(residual);
    return pose;
}

std::vector<double> solveNormalEquations(std::vector<std::vector<double>> a, std::vector<double> b)
{
    const std::size_t n = b.size();
    for (std::size_t column = 0; column < n; ++column) {
        std::size_t pivot = column;
        for (std::size_t row = column + 1; row < n; ++row)
            if (std::abs(a[row][column]) > std::abs(a[pivot][column])) pivot = row;
        std::swap(a[column], a[pivot]);
        std::swap(b[column], b[pivot]);
        if (std::abs(a[column][column]) < 1e-15) continue;
        for (std::size_t row = column + 1; row < n; ++row) {
            const double factor = a[row][column] / a[column][column];
            for (std::size_t k = column; k < n; ++k) a[row][k] -= factor * a[column][k];
            b[row] -= factor * b[column];
        }
    }
    std::vector<double> x(n, 0.0);
    for (std::size_t row = n; row-- > 0;) {
        double sum = b[row];
        for (std::size_t k = row + 1; k < n; ++k) sum -= a[row][k] * x[k];
        x[row] = std::abs(a[row][row]) < 1e-15 ? 0.0 : sum / a[row][row];
    }
    return x;
}


} // namespace anim
