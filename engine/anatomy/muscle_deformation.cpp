#include "anatomy/muscle_deformation.h"

#include "core/math.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <numeric>

namespace anatomy {
namespace {

constexpr int K = MuscleDeformer::kRings;
// Contraction: at full activation the belly's cross-section is weighted by 1 + 0.6 at its middle
// and 1 - 0.6 at its ends before the volume is given back, so the belly rounds: its middle
// thickens by several per cent of its radius and its tapers slim. Sets how visible it is.
constexpr double kContractionGather = 0.6;
// The cramp knot: radius up to 50 % larger at its centre, over about a quarter of the belly's
// length and a third of its circumference (to 60 degrees either side).
constexpr double kKnotRadiusGain = 0.5;
constexpr double kKnotHalfLengthBelly = 0.12;
constexpr double kKnotCosineEdge = 0.5; // cos(60 degrees)
// Tremor ripple: this many waves along the belly.
constexpr double kRippleWaves = 3.0;

double smoothstep(double edge0, double edge1, double x)
{
    const double t = std::clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

// Smooth bump on [-1, 1], 1 at 0, with zero slope at its edges; and its derivative.
double bump(double x) { return std::abs(x) >= 1.0 ? 0.0 : (1.0 - x * x) * (1.0 - x * x); }
double bumpSlope(double x) { return std::abs(x) >= 1.0 ? 0.0 : -4.0 * x * (1.0 - x * x); }

// The knot's profile around the muscle as a function of cos(angle from its centre).
double aroundProfile(double cosine)
{
    if (cosine <= kKnotCosineEdge) return 0.0;
    const double x = (cosine - kKnotCosineEdge) / (1.0 - kKnotCosineEdge);
    return x * x;
}

// Means of the around-profile and of its square over a full turn: how much a knot adds to a
// ring's area on average.
struct AroundMeans {
    double mean = 0.0, meanSquare = 0.0;
};
const AroundMeans& aroundMeans()
{
    static const AroundMeans means = [] {
        AroundMeans m;
        constexpr int n = 4096;
        for (int i = 0; i < n; ++i) {
            const double h = aroundProfile(std::cos(2.0 * core::kPi * (i + 0.5) / n));
            m.mean += h / n;
            m.meanSquare += h * h / n;
        }
        return m;
    }();
    return means;
}

glm::vec3 toFloat(const glm::dvec3& v)
{
    return glm::vec3(v);
}

} // namespace

void MuscleDeformer::prepare(const glm::vec3* restCoordinates, std::size_t vertexCount, const std::uint32_t* indices,
                             std::size_t indexCount, const PathFrame& restFrame, const MuscleDeformerOptions& options)
{
    assert(vertexCount > 0 && indexCount % 3 == 0);
    restLengthM_ = restFrame.length();
    vertices_.resize(vertexCount);
    std::vector<double> sumSquares(K, 0.0);
    std::vector<int> counts(K, 0);
    for (std::size_t i = 0; i < vertexCount; ++i) {
        const glm::vec3 c = restCoordinates[i];
        const double along = std::clamp(double(c.x), 0.0, 1.0);
        Vertex& v = vertices_[i];
        const double ringPosition = along * (K - 1);
        v.ring = std::uint32_t(std::min(int(ringPosition), K - 2));
        v.weight = float(ringPosition - v.ring);
        v.cosAround = std::cos(c.y);
        v.sinAround = std::sin(c.y);
        v.outward = c.z;
        const int nearest = int(std::lround(ringPosition));
        sumSquares[std::size_t(nearest)] += double(c.z) * double(c.z);
        ++counts[std::size_t(nearest)];
    }

    // Rest cross-sections per ring (mean outward^2 is proportional to a star-shaped section's
    // area); rings no vertex fell on take their neighbours' values.
    restArea_.assign(K, 0.0);
    std::vector<int> filled;
    for (int k = 0; k < K; ++k)
        if (counts[std::size_t(k)] > 0) {
            restArea_[std::size_t(k)] = sumSquares[std::size_t(k)] / counts[std::size_t(k)];
            filled.push_back(k);
        }
    assert(!filled.empty());
    for (int k = 0; k < K; ++k) {
        if (counts[std::size_t(k)] > 0) continue;
        const auto upper = std::upper_bound(filled.begin(), filled.end(), k);
        if (upper == filled.begin()) { restArea_[std::size_t(k)] = restArea_[std::size_t(*upper)]; continue; }
        if (upper == filled.end()) { restArea_[std::size_t(k)] = restArea_[std::size_t(filled.back())]; continue; }
        const int a = *(upper - 1), b = *upper;
        const double t = double(k - a) / double(b - a);
        restArea_[std::size_t(k)] = (1.0 - t) * restArea_[std::size_t(a)] + t * restArea_[std::size_t(b)];
    }

    // Belly or tendon, from the rest radius profile; then blended along the path over a few
    // centimetres, so the change from tendon stretch to belly stretch spreads over several mesh
    // rings (a change within one ring costs volume where the faceted surface cannot follow).
    const double maxRadius = std::sqrt(*std::max_element(restArea_.begin(), restArea_.end()));
    std::vector<double> sharp(K, 1.0);
    for (int k = 0; k < K; ++k)
        if (maxRadius > 0.0)
            sharp[std::size_t(k)] = smoothstep(options.tendonRadiusFraction, options.bellyRadiusFraction,
                                               std::sqrt(restArea_[std::size_t(k)]) / maxRadius);
    const int reach = std::max(1, int(std::lround(options.blendLengthFraction * (K - 1))));
    bellyWeight_.assign(K, 0.0);
    for (int pass = 0; pass < 2; ++pass) { // a box filter twice: a triangle, smooth enough for normals
        for (int k = 0; k < K; ++k) {
            double sum = 0.0;
            for (int j = k - reach; j <= k + reach; ++j) sum += sharp[std::size_t(std::clamp(j, 0, K - 1))];
            bellyWeight_[std::size_t(k)] = sum / (2 * reach + 1);
        }
        sharp = bellyWeight_;
    }
    bellyPosition_.assign(K, 0.0);
    for (int k = 1; k < K; ++k)
        bellyPosition_[std::size_t(k)] =
            bellyPosition_[std::size_t(k - 1)] + 0.5 * (bellyWeight_[std::size_t(k - 1)] + bellyWeight_[std::size_t(k)]);
    const double bellyTotal = bellyPosition_.back();
    for (double& p : bellyPosition_) p = bellyTotal > 0.0 ? p / bellyTotal : 0.0;
    bellyStart_ = 1.0f;
    bellyEnd_ = 0.0f;
    for (int k = 0; k < K; ++k)
        if (bellyWeight_[std::size_t(k)] >= 0.5) {
            bellyStart_ = std::min(bellyStart_, float(k) / (K - 1));
            bellyEnd_ = std::max(bellyEnd_, float(k) / (K - 1));
        }

    // Rest normals, area-weighted over the triangles around each position (vertices that share
    // a position, as at a texture seam, share a normal too).
    std::vector<glm::dvec3> restPositions(vertexCount);
    for (std::size_t i = 0; i < vertexCount; ++i) restPositions[i] = restFrame.toWorld(glm::dvec3(restCoordinates[i]));
    std::vector<std::uint32_t> order(vertexCount);
    std::iota(order.begin(), order.end(), 0u);
    auto key = [&](std::uint32_t i) {
        const glm::dvec3 p = glm::round(restPositions[i] * 1e6); // micrometre cells
        return std::array<double, 3>{p.x, p.y, p.z};
    };
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
    std::vector<std::uint32_t> representative(vertexCount);
    for (std::size_t i = 0; i < vertexCount; ++i)
        representative[order[i]] = i > 0 && key(order[i]) == key(order[i - 1]) ? representative[order[i - 1]] : order[i];
    std::vector<glm::dvec3> normalSums(vertexCount, glm::dvec3(0.0));
    for (std::size_t t = 0; t + 2 < indexCount; t += 3) {
        const std::uint32_t a = indices[t], b = indices[t + 1], c = indices[t + 2];
        assert(a < vertexCount && b < vertexCount && c < vertexCount);
        // The cross product's length is twice the area: the weighting comes for free.
        const glm::dvec3 n = glm::cross(restPositions[b] - restPositions[a], restPositions[c] - restPositions[a]);
        normalSums[representative[a]] += n;
        normalSums[representative[b]] += n;
        normalSums[representative[c]] += n;
    }
    for (std::size_t i = 0; i < vertexCount; ++i) {
        glm::dvec3 n = normalSums[representative[i]];
        const double length = glm::length(n);
        Vertex& v = vertices_[i];
        const PathSample frame = restFrame.sample(std::clamp(double(restCoordinates[i].x), 0.0, 1.0));
        const glm::dvec3 outward = double(v.cosAround) * frame.normal + double(v.sinAround) * frame.binormal;
        const glm::dvec3 around = -double(v.sinAround) * frame.normal + double(v.cosAround) * frame.binormal;
        if (length <= 0.0) n = outward; // a vertex in no triangle: point it outward
        else n /= length;
        v.normalAlong = float(glm::dot(n, frame.tangent));
        v.normalOutward = float(glm::dot(n, outward));
        v.normalAround = float(glm::dot(n, around));
    }

    rings_.resize(K);
    ringAlong_.resize(K);
    ringSamples_.resize(K);
    ringFactor_.resize(K);
}

void MuscleDeformer::deform(const PathFrame& current, const MuscleShapeState& state, glm::vec3* positions,
                            glm::vec3* normals)
{
    assert(prepared());
    const double restStep = restLengthM_ / (K - 1); // rest arc length between rings
    const double length = current.length();
    const double tendonStretch = std::max(state.tendonStretch, 0.5);

    // Axial stretch: tendon rings by the tendon's own stretch, belly rings by whatever makes the
    // total come out at the current length.
    double bellyLength = 0.0;
    for (int k = 0; k + 1 < K; ++k) bellyLength += 0.5 * (bellyWeight_[std::size_t(k)] + bellyWeight_[std::size_t(k + 1)]) * restStep;
    double bellyStretch = bellyLength > 1e-9 ? tendonStretch + (length - tendonStretch * restLengthM_) / bellyLength
                                             : length / restLengthM_;
    bellyStretch = std::max(bellyStretch, 0.25);
    double arc = 0.0, previousStretch = 0.0;
    for (int k = 0; k < K; ++k) {
        const double stretch = tendonStretch + bellyWeight_[std::size_t(k)] * (bellyStretch - tendonStretch);
        if (k > 0) arc += 0.5 * (previousStretch + stretch) * restStep;
        ringAlong_[std::size_t(k)] = arc;
        rings_[std::size_t(k)].axialStretch = float(stretch);
        previousStretch = stretch;
    }
    // Only if the belly stretch hit its floor does this rescale anything.
    const double fit = arc > 0.0 ? length / arc : 1.0;
    for (int k = 0; k < K; ++k) {
        ringAlong_[std::size_t(k)] = std::min(ringAlong_[std::size_t(k)] / arc, 1.0);
        rings_[std::size_t(k)].axialStretch = float(rings_[std::size_t(k)].axialStretch * fit);
    }

    // Volume per rest length, before giving it back: contraction gathers it toward the middle,
    // the ripple moves it along, the knot adds its bulge.
    const AroundMeans& means = aroundMeans();
    const double knotGain = kKnotRadiusGain * std::clamp(state.knotAmplitude, 0.0, 1.0);
    const double activation = std::clamp(state.activation, 0.0, 1.0);
    double restVolume = 0.0, shapedVolume = 0.0;
    for (int k = 0; k < K; ++k) {
        const double belly = bellyWeight_[std::size_t(k)];
        const double position = bellyPosition_[std::size_t(k)];
        const double middle = std::sin(core::kPi * position);
        double factor = 1.0 + kContractionGather * activation * (2.0 * middle * middle - 1.0);
        factor *= 1.0 + state.rippleAmplitude * std::sin(2.0 * core::kPi * kRippleWaves * position - state.ripplePhaseRad);
        const double knot = belly * bump((position - state.knotAlongBelly) / kKnotHalfLengthBelly);
        const double knotArea = 1.0 + 2.0 * knotGain * knot * means.mean + knotGain * knotGain * knot * knot * means.meanSquare;
        rings_[std::size_t(k)].knot = float(knot);
        ringFactor_[std::size_t(k)] = factor * knotArea;
        restVolume += restArea_[std::size_t(k)] * belly;
        shapedVolume += restArea_[std::size_t(k)] * belly * factor * knotArea;
    }
    const double giveBack = shapedVolume > 0.0 ? restVolume / shapedVolume : 1.0;
    for (int k = 0; k < K; ++k) {
        Ring& ring = rings_[std::size_t(k)];
        const double belly = bellyWeight_[std::size_t(k)];
        const double knot = ring.knot;
        const double knotArea = 1.0 + 2.0 * knotGain * knot * means.mean + knotGain * knotGain * knot * knot * means.meanSquare;
        const double volumeFactor = 1.0 + belly * (giveBack * ringFactor_[std::size_t(k)] - 1.0);
        // Area times axial stretch keeps the volume; the knot's own share is added per vertex.
        ring.radiusScale = float(std::sqrt(std::max(volumeFactor, 1e-6) / (ring.axialStretch * knotArea)));
    }
    for (int k = 0; k < K; ++k) {
        const int lo = std::max(k - 1, 0), hi = std::min(k + 1, K - 1);
        const double span = (hi - lo) * restStep;
        Ring& ring = rings_[std::size_t(k)];
        ring.radiusScaleSlope = float((rings_[std::size_t(hi)].radiusScale - rings_[std::size_t(lo)].radiusScale) / span);
        // The knot profile's slope, along the rest path.
        const double bellyRate = (bellyPosition_[std::size_t(hi)] - bellyPosition_[std::size_t(lo)]) / span;
        const double x = (bellyPosition_[std::size_t(k)] - state.knotAlongBelly) / kKnotHalfLengthBelly;
        ring.knotSlope = float(bellyWeight_[std::size_t(k)] * bumpSlope(x) * bellyRate / kKnotHalfLengthBelly);
    }

    current.sampleAscending(ringAlong_.data(), K, ringSamples_.data());
    for (int k = 0; k < K; ++k) {
        Ring& ring = rings_[std::size_t(k)];
        const PathSample& s = ringSamples_[std::size_t(k)];
        ring.position = toFloat(s.position);
        ring.tangent = toFloat(s.tangent);
        ring.normal = toFloat(s.normal);
        ring.binormal = toFloat(s.binormal);
    }

    const float gain = float(knotGain);
    const float knotCos = float(std::cos(state.knotAroundRad)), knotSin = float(std::sin(state.knotAroundRad));
    constexpr float edge = float(kKnotCosineEdge);
    const std::size_t count = vertices_.size();
    for (std::size_t i = 0; i < count; ++i) {
        const Vertex& v = vertices_[i];
        const Ring& a = rings_[v.ring];
        const Ring& b = rings_[v.ring + 1];
        const float w = v.weight;
        const glm::vec3 position = a.position + w * (b.position - a.position);
        const glm::vec3 tangent = a.tangent + w * (b.tangent - a.tangent);
        const glm::vec3 normal = a.normal + w * (b.normal - a.normal);
        const glm::vec3 binormal = a.binormal + w * (b.binormal - a.binormal);
        const float scale = a.radiusScale + w * (b.radiusScale - a.radiusScale);
        const float scaleSlope = a.radiusScaleSlope + w * (b.radiusScaleSlope - a.radiusScaleSlope);
        const float stretch = a.axialStretch + w * (b.axialStretch - a.axialStretch);
        const float knot = a.knot + w * (b.knot - a.knot);
        const float knotSlope = a.knotSlope + w * (b.knotSlope - a.knotSlope);

        // The knot around the muscle: profile of cos(angle from its centre), and d/d(around).
        const float cosFromKnot = v.cosAround * knotCos + v.sinAround * knotSin;
        const float sinFromKnot = v.sinAround * knotCos - v.cosAround * knotSin;
        float around = 0.0f, aroundSlope = 0.0f;
        if (cosFromKnot > edge) {
            const float x = (cosFromKnot - edge) / (1.0f - edge);
            around = x * x;
            aroundSlope = -2.0f * x / (1.0f - edge) * sinFromKnot;
        }
        const float knotFactor = 1.0f + gain * knot * around;
        const float m = scale * knotFactor;
        const float mAlong = scaleSlope * knotFactor + scale * gain * knotSlope * around;
        const float mAround = scale * gain * knot * aroundSlope;

        const glm::vec3 outwardDir = v.cosAround * normal + v.sinAround * binormal;
        const glm::vec3 aroundDir = v.cosAround * binormal - v.sinAround * normal;
        positions[i] = position + (v.outward * m) * outwardDir;

        // n' = F^-T n for the map (s, r, around) -> (stretch * s, r * m(s, around), around),
        // written in the local frame (along, outward, around) and scaled by m.
        const float nAlong = (m * v.normalAlong - v.outward * mAlong * v.normalOutward) / stretch;
        const float nAround = v.normalAround - (mAround / m) * v.normalOutward;
        const glm::vec3 n = nAlong * tangent + v.normalOutward * outwardDir + nAround * aroundDir;
        normals[i] = n * (1.0f / std::sqrt(std::max(glm::dot(n, n), 1e-30f)));
    }
}

} // namespace anatomy
