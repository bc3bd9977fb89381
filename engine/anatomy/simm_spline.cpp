#include "anatomy/simm_spline.h"

#include <cassert>

namespace anatomy {

SimmSpline::SimmSpline(std::vector<double> x, std::vector<double> y) : x_(std::move(x)), y_(std::move(y))
{
    const std::size_t n = x_.size();
    assert(n >= 2 && y_.size() == n);
    b_.assign(n, 0.0);
    c_.assign(n, 0.0);
    d_.assign(n, 0.0);
    if (n < 3) {
        // Two points: a straight line.
        b_[0] = b_[1] = (y_[1] - y_[0]) / (x_[1] - x_[0]);
        return;
    }
    const std::size_t last = n - 1;
    // Tridiagonal system for the second-derivative terms.
    d_[0] = x_[1] - x_[0];
    c_[1] = (y_[1] - y_[0]) / d_[0];
    for (std::size_t i = 1; i < last; ++i) {
        d_[i] = x_[i + 1] - x_[i];
        b_[i] = 2.0 * (d_[i - 1] + d_[i]);
        c_[i + 1] = (y_[i + 1] - y_[i]) / d_[i];
        c_[i] = c_[i + 1] - c_[i];
    }
    // End conditions from third divided differences.
    b_[0] = -d_[0];
    b_[last] = -d_[last - 1];
    c_[0] = 0.0;
    c_[last] = 0.0;
    if (n > 3) {
        c_[0] = c_[2] / (x_[3] - x_[1]) - c_[1] / (x_[2] - x_[0]);
        c_[last] = c_[last - 1] / (x_[last] - x_[last - 2]) - c_[last - 2] / (x_[last - 1] - x_[last - 3]);
        c_[0] = c_[0] * d_[0] * d_[0] / (x_[3] - x_[0]);
        c_[last] = -c_[last] * d_[last - 1] * d_[last - 1] / (x_[last] - x_[last - 3]);
    }
    for (std::size_t i = 1; i <= last; ++i) {
        const double t = d_[i - 1] / b_[i - 1];
        b_[i] -= t * d_[i - 1];
        c_[i] -= t * c_[i - 1];
    }
    c_[last] /= b_[last];
    for (std::size_t i = last; i-- > 0;) c_[i] = (c_[i] - d_[i] * c_[i + 1]) / b_[i];
    // Polynomial coefficients per interval.
    b_[last] = (y_[last] - y_[last - 1]) / d_[last - 1] + d_[last - 1] * (c_[last - 1] + 2.0 * c_[last]);
    for (std::size_t i = 0; i < last; ++i) {
        b_[i] = (y_[i + 1] - y_[i]) / d_[i] - d_[i] * (c_[i + 1] + 2.0 * c_[i]);
        d_[i] = (c_[i + 1] - c_[i]) / d_[i];
        c_[i] = 3.0 * c_[i];
    }
    c_[last] = 3.0 * c_[last];
    d_[last] = d_[last - 1];
}

std::size_t SimmSpline::interval(double x) const
{
    std::size_t i = 0;
    while (i + 2 < x_.size() && x >= x_[i + 1]) ++i;
    return i;
}

double SimmSpline::value(double x) const
{
    // Outside the knots the curve continues along its end tangent.
    if (x < x_.front()) return y_.front() + (x - x_.front()) * b_.front();
    if (x > x_.back()) return y_.back() + (x - x_.back()) * b_.back();
    const std::size_t i = interval(x);
    const double dx = x - x_[i];
    return y_[i] + dx * (b_[i] + dx * (c_[i] + dx * d_[i]));
}

double SimmSpline::derivative(double x) const
{
    if (x < x_.front()) return b_.front();
    if (x > x_.back()) return b_.back();
    const std::size_t i = interval(x);
    const double dx = x - x_[i];
    return b_[i] + dx * (2.0 * c_[i] + 3.0 * dx * d_[i]);
}

} // namespace anatomy
