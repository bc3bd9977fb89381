#include "anatomy/muscle_deformation.h"

#include "core/math.h"

#include <algorithm>
#include <array>
#include <bit>
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
// length and a third of its circumference (to 60 degrees either side). Along the belly it follows
// the bump (1 - x^2)^2 on |x| < 1, which has no slope at its edges.
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

// 1 / sqrt(x) to about 5e-6 relative: a bit-level first guess and two Newton steps. Unlike
// 1 / std::sqrt it runs several lanes at a time without a slow divide (the hot spot before).
inline float inverseSqrt(float x)
{
    float y = std::bit_cast<float>(0x5f375a86u - (std::bit_cast<std::uint32_t>(x) >> 1));
    y = y * (1.5f - 0.5f * x * y * y);
    y = y * (1.5f - 0.5f * x * y * y);
    return y;
}

// The widest vector the interval loop runs at (AVX2: eight floats); arrays are padded by this.
constexpr std::size_t kLanes = 8;

// One ring interval: the values at its lower ring and their change to the upper one.
struct Interval {
    glm::vec3 p0, dp, t0, dt, n0, dn, b0, db;
    float m0, dm, s0, ds, i0, di, g0, dg, gs0, dgs;
};

struct KnotShape {
    float gain = 0.0f;
    float cosCentre = 1.0f, sinCentre = 0.0f;
};

struct VertexArrays {
    const float *weight, *cosAround, *sinAround, *outward, *normalAlong, *normalOutward, *normalAround;
    float *x, *y, *z, *nx, *ny, *nz;  // results by grouped vertex, when the mesh's order differs
    float *positions, *normals;       // the mesh's own arrays (x, y, z per vertex), when it is in order
    std::size_t count;
};

// Positions and normals of the grouped vertices first..last of one interval. Written so the
// compiler runs it several vertices at a time: straight-line arithmetic on arrays read in order.
template <bool WithKnot, bool MeshOrder>
inline __attribute__((always_inline)) void deformInterval(const Interval& in, const KnotShape& knotShape, const VertexArrays& v, std::size_t first, std::size_t last)
{
    constexpr float edge = float(kKnotCosineEdge);
    constexpr float edgeScale = 1.0f / (1.0f - edge);
    const float gain = knotShape.gain, knotCos = knotShape.cosCentre, knotSin = knotShape.sinCentre;
#pragma omp simd
    for (std::size_t g = first; g < last; ++g) {
        const float w = v.weight[g], c = v.cosAround[g], s = v.sinAround[g], r = v.outward[g];
        const float px = in.p0.x + w * in.dp.x, py = in.p0.y + w * in.dp.y, pz = in.p0.z + w * in.dp.z;
        const float tx = in.t0.x + w * in.dt.x, ty = in.t0.y + w * in.dt.y, tz = in.t0.z + w * in.dt.z;
        const float nx = in.n0.x + w * in.dn.x, ny = in.n0.y + w * in.dn.y, nz = in.n0.z + w * in.dn.z;
        const float bx = in.b0.x + w * in.db.x, by = in.b0.y + w * in.db.y, bz = in.b0.z + w * in.db.z;
        const float scale = in.m0 + w * in.dm, scaleSlope = in.s0 + w * in.ds, inverseStretch = in.i0 + w * in.di;

        // The knot around the muscle: a profile of cos(angle from its centre), and its
        // derivative by the angle; without a knot every factor below is 1 or 0.
        float knotFactor = 1.0f, knotAlongTerm = 0.0f, knotAroundTerm = 0.0f;
        if constexpr (WithKnot) {
            const float knot = in.g0 + w * in.dg, knotSlope = in.gs0 + w * in.dgs;
            const float cosFromKnot = c * knotCos + s * knotSin;
            const float sinFromKnot = s * knotCos - c * knotSin;
            const float beyondEdge = cosFromKnot - edge;
            const float x = (beyondEdge > 0.0f ? beyondEdge : 0.0f) * edgeScale;
            const float around = x * x;
            const float aroundSlope = -2.0f * x * edgeScale * sinFromKnot;
            knotFactor = 1.0f + gain * knot * around;
            knotAlongTerm = scale * gain * knotSlope * around;
            knotAroundTerm = gain * knot * aroundSlope;
        }
        const float m = scale * knotFactor;
        const float mAlong = scaleSlope * knotFactor + knotAlongTerm;

        const float ex = c * nx + s * bx, ey = c * ny + s * by, ez = c * nz + s * bz; // outward
        const float ax = c * bx - s * nx, ay = c * by - s * ny, az = c * bz - s * nz; // around
        const float radial = r * m;
        if constexpr (MeshOrder) {
            v.positions[3 * g] = px + radial * ex;
            v.positions[3 * g + 1] = py + radial * ey;
            v.positions[3 * g + 2] = pz + radial * ez;
        } else {
            v.x[g] = px + radial * ex;
            v.y[g] = py + radial * ey;
            v.z[g] = pz + radial * ez;
        }

        // n' = F^-T n for the map (s, r, around) -> (stretch s, r m(s, around), around), in the
        // local frame (along, outward, around); scaled by m * stretch / scale so that no
        // division is needed before normalising (m / scale is the knot factor).
        const float nr = v.normalOutward[g];
        const float along = (m * v.normalAlong[g] - r * mAlong * nr) * inverseStretch * knotFactor;
        const float outward = nr * knotFactor;
        const float aroundN = v.normalAround[g] * knotFactor - knotAroundTerm * nr;
        const float wx = along * tx + outward * ex + aroundN * ax;
        const float wy = along * ty + outward * ey + aroundN * ay;
        const float wz = along * tz + outward * ez + aroundN * az;
        const float squared = wx * wx + wy * wy + wz * wz;
        const float inverseLength = inverseSqrt(squared > 1e-30f ? squared : 1e-30f);
        if constexpr (MeshOrder) {
            v.normals[3 * g] = wx * inverseLength;
            v.normals[3 * g + 1] = wy * inverseLength;
            v.normals[3 * g + 2] = wz * inverseLength;
        } else {
            v.nx[g] = wx * inverseLength;
            v.ny[g] = wy * inverseLength;
            v.nz[g] = wz * inverseLength;
        }
    }
}

// Where the compiler and platform allow it, the interval loop is built twice, for plain x86-64
// and for CPUs with AVX2 and FMA (eight lanes instead of four), and the loader picks one.
#if defined(__x86_64__) && defined(__GNUC__) && defined(__linux__)
#define HT_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define HT_VECTOR_CLONES
#endif

template <bool MeshOrder>
inline __attribute__((always_inline)) void deformIntervalsIn(const detail::DeformRing* rings,
                                                             const std::uint32_t* intervalStart, int intervalCount,
                                                             const KnotShape& knot, const VertexArrays& arrays)
{
    for (int k = 0; k < intervalCount; ++k) {
        // Everything about the two rings bounding this interval, as start and difference.
        const detail::DeformRing& a = rings[k];
        const detail::DeformRing& b = rings[k + 1];
        Interval interval;
        interval.p0 = a.position;
        interval.dp = b.position - a.position;
        interval.t0 = a.tangent;
        interval.dt = b.tangent - a.tangent;
        interval.n0 = a.normal;
        interval.dn = b.normal - a.normal;
        interval.b0 = a.binormal;
        interval.db = b.binormal - a.binormal;
        interval.m0 = a.radiusScale;
        interval.dm = b.radiusScale - a.radiusScale;
        interval.s0 = a.radiusScaleSlope;
        interval.ds = b.radiusScaleSlope - a.radiusScaleSlope;
        interval.i0 = a.inverseStretch;
        interval.di = b.inverseStretch - a.inverseStretch;
        interval.g0 = a.knot;
        interval.dg = b.knot - a.knot;
        interval.gs0 = a.knotSlope;
        interval.dgs = b.knotSlope - a.knotSlope;
        // Whole vector widths only: the last few lanes run on into the next interval's vertices
        // (which that interval overwrites after) or into the arrays' padding. Cheaper than
        // finishing each short interval one vertex at a time.
        // The mesh's own arrays have no padding: there the last interval stops at the end.
        const std::size_t first = intervalStart[k];
        std::size_t last = first + (intervalStart[k + 1] - first + kLanes - 1) / kLanes * kLanes;
        if (MeshOrder) last = std::min(last, arrays.count);
        // Most intervals have no knot: they take the shorter loop.
        if (knot.gain > 0.0f && (a.knot > 0.0f || b.knot > 0.0f))
            deformInterval<true, MeshOrder>(interval, knot, arrays, first, last);
        else
            deformInterval<false, MeshOrder>(interval, knot, arrays, first, last);
    }
}

HT_VECTOR_CLONES
void deformIntervals(const detail::DeformRing* rings, const std::uint32_t* intervalStart, int intervalCount,
                     const KnotShape& knot, const VertexArrays& arrays, bool meshOrder)
{
    if (meshOrder) deformIntervalsIn<true>(rings, intervalStart, intervalCount, knot, arrays);
    else deformIntervalsIn<false>(rings, intervalStart, intervalCount, knot, arrays);
}

} // namespace

void MuscleDeformer::prepare(const glm::vec3* restCoordinates, std::size_t vertexCount, const std::uint32_t* indices,
                             std::size_t indexCount, const PathFrame& restFrame, const MuscleDeformerOptions& options)
{
    assert(vertexCount > 0 && indexCount % 3 == 0);
    restLengthM_ = restFrame.length();
    std::vector<double> sumSquares(K, 0.0);
    std::vector<int> counts(K, 0);
    std::vector<std::uint32_t> intervalOf(vertexCount);
    for (std::size_t i = 0; i < vertexCount; ++i) {
        const glm::vec3 c = restCoordinates[i];
        const double ringPosition = std::clamp(double(c.x), 0.0, 1.0) * (K - 1);
        intervalOf[i] = std::uint32_t(std::min(int(ringPosition), K - 2));
        const int nearest = int(std::lround(ringPosition));
        sumSquares[std::size_t(nearest)] += double(c.z) * double(c.z);
        ++counts[std::size_t(nearest)];
    }
    // Group the vertices by ring interval (a counting sort, keeping the mesh's order within each).
    intervalStart_.assign(K, 0);
    for (std::uint32_t interval : intervalOf) ++intervalStart_[interval + 1];
    for (int k = 1; k < K; ++k) intervalStart_[std::size_t(k)] += intervalStart_[std::size_t(k - 1)];
    vertexIndex_.resize(vertexCount);
    {
        std::vector<std::uint32_t> next(intervalStart_.begin(), intervalStart_.end() - 1);
        for (std::size_t i = 0; i < vertexCount; ++i) vertexIndex_[next[intervalOf[i]]++] = std::uint32_t(i);
    }
    meshOrder_ = true;
    for (std::size_t g = 0; g < vertexCount; ++g) meshOrder_ = meshOrder_ && vertexIndex_[g] == g;
    for (std::vector<float>* array : {&weight_, &cosAround_, &sinAround_, &outward_, &normalAlong_, &normalOutward_,
                                      &normalAround_, &outX_, &outY_, &outZ_, &outNX_, &outNY_, &outNZ_})
        array->assign(vertexCount + kLanes, 0.0f); // padding: see deformIntervals
    for (std::size_t g = 0; g < vertexCount; ++g) {
        const glm::vec3 c = restCoordinates[vertexIndex_[g]];
        const double ringPosition = std::clamp(double(c.x), 0.0, 1.0) * (K - 1);
        weight_[g] = float(ringPosition - intervalOf[vertexIndex_[g]]);
        cosAround_[g] = std::cos(c.y);
        sinAround_[g] = std::sin(c.y);
        outward_[g] = c.z;
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
    bellyLengthM_ = bellyTotal * restLengthM_ / (K - 1); // the belly weight integrated along the rest path
    for (double& p : bellyPosition_) p = bellyTotal > 0.0 ? p / bellyTotal : 0.0;
    restBellyVolume_ = 0.0;
    knotSlopeScale_.resize(K);
    for (int k = 0; k < K; ++k) {
        const std::size_t i = std::size_t(k);
        restBellyVolume_ += restArea_[i] * bellyWeight_[i];
        // d(knot)/ds = belly weight * bump'(x) * (d position / ds) / half length; all but bump' is fixed.
        const std::size_t lo = std::size_t(std::max(k - 1, 0)), hi = std::size_t(std::min(k + 1, K - 1));
        const double rate = (bellyPosition_[hi] - bellyPosition_[lo]) / (double(hi - lo) * restLengthM_ / (K - 1));
        knotSlopeScale_[i] = bellyWeight_[i] * rate / kKnotHalfLengthBelly;
    }
    gatherProfile_.resize(K);
    rippleSin_.resize(K);
    rippleCos_.resize(K);
    for (int k = 0; k < K; ++k) {
        const double position = bellyPosition_[std::size_t(k)];
        const double middle = std::sin(core::kPi * position);
        gatherProfile_[std::size_t(k)] = 2.0 * middle * middle - 1.0; // +1 mid-belly, -1 at its ends
        rippleSin_[std::size_t(k)] = std::sin(2.0 * core::kPi * kRippleWaves * position);
        rippleCos_[std::size_t(k)] = std::cos(2.0 * core::kPi * kRippleWaves * position);
    }
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
    for (std::size_t g = 0; g < vertexCount; ++g) {
        const std::uint32_t i = vertexIndex_[g];
        glm::dvec3 n = normalSums[representative[i]];
        const double length = glm::length(n);
        const PathSample frame = restFrame.sample(std::clamp(double(restCoordinates[i].x), 0.0, 1.0));
        const glm::dvec3 outward = double(cosAround_[g]) * frame.normal + double(sinAround_[g]) * frame.binormal;
        const glm::dvec3 around = -double(sinAround_[g]) * frame.normal + double(cosAround_[g]) * frame.binormal;
        if (length <= 0.0) n = outward; // a vertex in no triangle: point it outward
        else n /= length;
        normalAlong_[g] = float(glm::dot(n, frame.tangent));
        normalOutward_[g] = float(glm::dot(n, outward));
        normalAround_[g] = float(glm::dot(n, around));
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
    const double bellyLength = bellyLengthM_;
    double bellyStretch = bellyLength > 1e-9 ? tendonStretch + (length - tendonStretch * restLengthM_) / bellyLength
                                             : length / restLengthM_;
    bellyStretch = std::max(bellyStretch, 0.25);
    double arc = 0.0, previousStretch = 0.0;
    for (int k = 0; k < K; ++k) {
        const double stretch = tendonStretch + bellyWeight_[std::size_t(k)] * (bellyStretch - tendonStretch);
        if (k > 0) arc += 0.5 * (previousStretch + stretch) * restStep;
        ringAlong_[std::size_t(k)] = arc;
        ringFactor_[std::size_t(k)] = stretch; // kept here for a moment
        previousStretch = stretch;
    }
    // Only if the belly stretch hit its floor does this rescale anything.
    const double fit = arc > 0.0 ? length / arc : 1.0;
    std::array<double, K> stretches;
    for (int k = 0; k < K; ++k) {
        ringAlong_[std::size_t(k)] = std::min(ringAlong_[std::size_t(k)] / arc, 1.0);
        stretches[std::size_t(k)] = ringFactor_[std::size_t(k)] * fit;
    }

    // Volume per rest length, before giving it back: contraction gathers it toward the middle,
    // the ripple moves it along, the knot adds its bulge.
    const AroundMeans& means = aroundMeans();
    const double knotGain = kKnotRadiusGain * std::clamp(state.knotAmplitude, 0.0, 1.0);
    const double gather = kContractionGather * std::clamp(state.activation, 0.0, 1.0);
    const double rippleSinPhase = state.rippleAmplitude * std::sin(state.ripplePhaseRad);
    const double rippleCosPhase = state.rippleAmplitude * std::cos(state.ripplePhaseRad);
    std::array<double, K> knotAreas, knots, knotSlopes;
    const double* belly = bellyWeight_.data();
    const double* position = bellyPosition_.data();
    const double* gatherProfile = gatherProfile_.data();
    const double* rippleSin = rippleSin_.data();
    const double* rippleCos = rippleCos_.data();
    const double* knotSlopeScale = knotSlopeScale_.data();
    double* factors = ringFactor_.data();
    constexpr double toBump = 1.0 / kKnotHalfLengthBelly;
    double shapedVolume = 0.0;
#pragma omp simd reduction(+ : shapedVolume)
    for (int k = 0; k < K; ++k) {
        // sin(wave - phase) = sin(wave) cos(phase) - cos(wave) sin(phase)
        const double ripple = rippleSin[k] * rippleCosPhase - rippleCos[k] * rippleSinPhase;
        const double factor = (1.0 + gather * gatherProfile[k]) * (1.0 + ripple);
        const double x = (position[k] - state.knotAlongBelly) * toBump;
        const double inside = 1.0 - x * x;
        const double knot = inside > 0.0 ? belly[k] * inside * inside : 0.0;
        knots[std::size_t(k)] = knot;
        knotSlopes[std::size_t(k)] = inside > 0.0 ? -4.0 * x * inside * knotSlopeScale[k] : 0.0;
        knotAreas[std::size_t(k)] = 1.0 + 2.0 * knotGain * knot * means.mean + knotGain * knotGain * knot * knot * means.meanSquare;
        factors[k] = factor * knotAreas[std::size_t(k)];
        shapedVolume += restArea_[std::size_t(k)] * belly[k] * factors[k];
    }
    const double giveBack = shapedVolume > 0.0 ? restBellyVolume_ / shapedVolume : 1.0;
    std::array<double, K> scales, inverseStretches;
#pragma omp simd
    for (int k = 0; k < K; ++k) {
        const double volumeFactor = 1.0 + belly[k] * (giveBack * factors[k] - 1.0);
        const double inverseStretch = 1.0 / stretches[std::size_t(k)];
        // Area times axial stretch keeps the volume; the knot's own share is added per vertex.
        const double area = (volumeFactor > 1e-6 ? volumeFactor : 1e-6) * inverseStretch / knotAreas[std::size_t(k)];
        scales[std::size_t(k)] = std::sqrt(area);
        inverseStretches[std::size_t(k)] = inverseStretch;
    }
    // The path at each ring: PathFrame::sample's span, with the frame's vectors interpolated
    // linearly and not re-normalised. Neighbouring samples differ by a few degrees, so this moves
    // a vertex by well under a tenth of a millimetre, at a fraction of the cost.
    {
        const std::vector<PathSample>& samples = current.samples();
        const std::vector<double>& distances = current.sampleDistances();
        const std::size_t lastSpan = samples.size() - 2;
        std::size_t span = 0;
        for (int k = 0; k < K; ++k) {
            const double target = ringAlong_[std::size_t(k)] * length;
            while (span < lastSpan && distances[span + 1] <= target) ++span;
            const double spanLength = distances[span + 1] - distances[span];
            const double t = spanLength > 0.0 ? std::clamp((target - distances[span]) / spanLength, 0.0, 1.0) : 0.0;
            const PathSample& a = samples[span];
            const PathSample& b = samples[span + 1];
            PathSample& out = ringSamples_[std::size_t(k)];
            out.position = a.position + t * (b.position - a.position);
            out.tangent = a.tangent + t * (b.tangent - a.tangent);
            out.normal = a.normal + t * (b.normal - a.normal);
            out.binormal = a.binormal + t * (b.binormal - a.binormal);
        }
    }
    const double inverseStep = 1.0 / restStep;
    for (int k = 0; k < K; ++k) {
        const std::size_t i = std::size_t(k);
        const std::size_t lo = std::size_t(std::max(k - 1, 0)), hi = std::size_t(std::min(k + 1, K - 1));
        Ring& ring = rings_[i];
        ring.radiusScale = float(scales[i]);
        ring.radiusScaleSlope = float((scales[hi] - scales[lo]) * inverseStep / double(hi - lo));
        ring.inverseStretch = float(inverseStretches[i]);
        ring.knot = float(knots[i]);
        ring.knotSlope = float(knotSlopes[i]);
        const PathSample& sample = ringSamples_[i];
        ring.position = toFloat(sample.position);
        ring.tangent = toFloat(sample.tangent);
        ring.normal = toFloat(sample.normal);
        ring.binormal = toFloat(sample.binormal);
    }

    KnotShape knot;
    knot.gain = float(knotGain);
    knot.cosCentre = float(std::cos(state.knotAroundRad));
    knot.sinCentre = float(std::sin(state.knotAroundRad));
    const std::size_t count = vertexIndex_.size();
    const VertexArrays arrays{weight_.data(), cosAround_.data(), sinAround_.data(), outward_.data(), normalAlong_.data(),
                              normalOutward_.data(), normalAround_.data(), outX_.data(), outY_.data(), outZ_.data(),
                              outNX_.data(), outNY_.data(), outNZ_.data(), &positions[0].x, &normals[0].x, count};
    // Meshes built ring by ring along the path are already in this order and are written in place.
    deformIntervals(rings_.data(), intervalStart_.data(), K - 1, knot, arrays, meshOrder_);
    if (meshOrder_) return;
    for (std::size_t g = 0; g < count; ++g) {
        const std::uint32_t i = vertexIndex_[g];
        positions[i] = {outX_[g], outY_[g], outZ_[g]};
        normals[i] = {outNX_[g], outNY_[g], outNZ_[g]};
    }
}

} // namespace anatomy
