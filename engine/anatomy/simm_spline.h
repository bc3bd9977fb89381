// The cubic spline OpenSim uses for joint translations (SimmSpline): the Forsythe, Malcolm
// and Moler construction, whose end conditions match the third derivative of the cubic
// through the four points at each end. Evaluating the gait2392 knee splines this way
// reproduces OpenSim's tibia positions.
#pragma once

#include <vector>

namespace anatomy {

class SimmSpline {
public:
    SimmSpline() = default;
    // Knots must be strictly increasing; at least two.
    SimmSpline(std::vector<double> x, std::vector<double> y);

    double value(double x) const;
    double derivative(double x) const;
    double minX() const { return x_.front(); }
    double maxX() const { return x_.back(); }

private:
    std::size_t interval(double x) const;

    std::vector<double> x_, y_, b_, c_, d_;
};

} // namespace anatomy
