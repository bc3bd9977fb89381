#include "skinning.h"

#include <algorithm>
#include <cmath>

namespace modelgen {
namespace {

using anatomy::Segment;

const anatomy::SkeletonPose& standing()
{
    static const anatomy::SkeletonPose pose = anatomy::computeSkeleton(anatomy::Pose::neutral());
    return pose;
}

glm::dvec3 origin(Segment segment)
{
    return standing().origin(segment);
}

// How much nearer the owning segment must be before a neighbour's share vanishes, by joint
// (named by its child segment): wide at the hip, spine and shoulder, narrow in the foot.
double blendWidthM(Segment child)
{
    switch (child) {
    case Segment::FemurR: case Segment::FemurL: return 0.060;
    case Segment::TibiaR: case Segment::TibiaL: return 0.050;
    case Segment::TalusR: case Segment::TalusL: return 0.030;
    case Segment::CalcnR: case Segment::CalcnL: return 0.020;
    case Segment::ToesR: case Segment::ToesL: return 0.020;
    case Segment::Abdomen: return 0.080;
    case Segment::Thorax: return 0.080;
    case Segment::Neck: return 0.050;
    case Segment::Head: return 0.040;
    case Segment::HumerusR: case Segment::HumerusL: return 0.050;
    case Segment::ForearmR: case Segment::ForearmL: return 0.040;
    case Segment::HandR: case Segment::HandL: return 0.030;
    default: return 0.040;
    }
}

bool isParentOf(Segment parent, Segment child)
{
    return child != Segment::Pelvis && anatomy::segmentInfo(child).parent == parent;
}

double segmentDistance(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b)
{
    const glm::dvec3 ab = b - a;
    const double length2 = glm::dot(ab, ab);
    const double t = length2 > 0.0 ? std::clamp(glm::dot(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    return glm::length(p - (a + t * ab));
}

// The bone axis of a segment, standing: from its joint to the next one down the chain.
std::pair<glm::dvec3, glm::dvec3> boneAxis(Segment segment)
{
    using S = Segment;
    auto to = [&](Segment next) { return std::pair{origin(segment), origin(next)}; };
    auto by = [&](const glm::dvec3& offset) { return std::pair{origin(segment), origin(segment) + offset}; };
    switch (segment) {
    case S::Pelvis: return {origin(S::FemurL), origin(S::FemurR)};
    case S::FemurR: return to(S::TibiaR);
    case S::FemurL: return to(S::TibiaL);
    case S::TibiaR: return to(S::TalusR);
    case S::TibiaL: return to(S::TalusL);
    case S::TalusR: return to(S::CalcnR);
    case S::TalusL: return to(S::CalcnL);
    case S::CalcnR: return to(S::ToesR);
    case S::CalcnL: return to(S::ToesL);
    case S::ToesR: case S::ToesL: return by({0.05, 0.0, 0.0});
    case S::Abdomen: return to(S::Thorax);
    case S::Thorax: return to(S::Neck);
    case S::Neck: return to(S::Head);
    case S::Head: return by({0.02, 0.12, 0.0});
    case S::HumerusR: return to(S::ForearmR);
    case S::HumerusL: return to(S::ForearmL);
    case S::ForearmR: return to(S::HandR);
    case S::ForearmL: return to(S::HandL);
    case S::HandR: case S::HandL: return by({0.0, -0.15, 0.0});
    case S::Count: break;
    }
    return {glm::dvec3(0.0), glm::dvec3(0.0)};
}

} // namespace

std::vector<Segment> legSegments(anatomy::Side side)
{
    const bool right = side == anatomy::Side::Right;
    return {Segment::Pelvis,
            right ? Segment::FemurR : Segment::FemurL,
            right ? Segment::TibiaR : Segment::TibiaL,
            right ? Segment::TalusR : Segment::TalusL,
            right ? Segment::CalcnR : Segment::CalcnL,
            right ? Segment::ToesR : Segment::ToesL};
}

double boneAxisDistance(const glm::dvec3& p, Segment segment)
{
    const auto [a, b] = boneAxis(segment);
    return segmentDistance(p, a, b);
}

std::vector<SkinWeights> skinWeights(const std::vector<glm::dvec3>& positions, const std::vector<Segment>& candidates,
                                     const SegmentDistance& distance)
{
    std::vector<SkinWeights> out;
    out.reserve(positions.size());
    std::vector<double> d(candidates.size());
    for (const glm::dvec3& p : positions) {
        std::size_t own = 0;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            d[i] = distance(p, candidates[i]);
            if (d[i] < d[own]) own = i;
        }
        // The owner, and each neighbour in proportion to how nearly as near it is.
        std::vector<std::pair<double, Segment>> shares{{1.0, candidates[own]}};
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            const Segment other = candidates[i];
            const bool parent = isParentOf(other, candidates[own]), child = isParentOf(candidates[own], other);
            if (i == own || !(parent || child)) continue;
            const double width = blendWidthM(child ? other : candidates[own]);
            const double t = std::clamp(1.0 - (d[i] - d[own]) / width, 0.0, 1.0);
            const double share = t * t * (3.0 - 2.0 * t);
            if (share > 0.0) shares.push_back({share, other});
        }
        std::sort(shares.begin(), shares.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        shares.resize(std::min<std::size_t>(shares.size(), 4));
        double total = 0.0;
        for (const auto& share : shares) total += share.first;
        SkinWeights weights;
        for (std::size_t k = 0; k < shares.size(); ++k) {
            weights.segments[k] = shares[k].second;
            weights.weights[k] = shares[k].first / total;
        }
        out.push_back(weights);
    }
    return out;
}

} // namespace modelgen
