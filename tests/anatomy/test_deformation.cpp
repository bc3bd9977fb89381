// Muscle mesh deformation: a closed spindle made here, in path coordinates, deformed across the
// range of states on real hamstring paths. Its enclosed volume (divergence theorem) must stay
// within 2 % of rest; the belly must thicken as it shortens; normals must match the mesh.
// This executable also counts heap allocations, to check the per-frame work makes none.
#include "anatomy/muscle_deformation.h"
#include "anatomy/musculoskeletal.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <cmath>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long> gAllocations{0};
}

void* operator new(std::size_t size)
{
    ++gAllocations;
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace anatomy;

namespace {

struct SpindleMesh {
    std::vector<glm::vec3> coordinates; // (along, around, outward)
    std::vector<std::uint32_t> indices;
};

// A closed spindle: tendon of constant radius at both ends, a belly swelling smoothly between
// `bellyStart` and `bellyEnd`, and a cap vertex on the path at each end. Triangles face out.
SpindleMesh makeSpindle(int rings, int segments, float bellyStart, float bellyEnd, float tendonRadius, float bellyRadius)
{
    SpindleMesh mesh;
    mesh.coordinates.push_back({0.0f, 0.0f, 0.0f});
    for (int i = 0; i < rings; ++i) {
        const float along = (i + 0.5f) / rings;
        const float t = std::clamp((along - bellyStart) / (bellyEnd - bellyStart), 0.0f, 1.0f);
        const float swell = std::sin(3.14159265f * t);
        const float radius = tendonRadius + (bellyRadius - tendonRadius) * swell * swell;
        for (int j = 0; j < segments; ++j)
            mesh.coordinates.push_back({along, 2.0f * 3.14159265f * j / segments - 3.14159265f, radius});
    }
    mesh.coordinates.push_back({1.0f, 0.0f, 0.0f});
    const std::uint32_t last = std::uint32_t(mesh.coordinates.size() - 1);
    auto at = [&](int ring, int segment) { return std::uint32_t(1 + ring * segments + (segment % segments)); };
    for (int j = 0; j < segments; ++j) mesh.indices.insert(mesh.indices.end(), {0u, at(0, j + 1), at(0, j)});
    for (int i = 0; i + 1 < rings; ++i)
        for (int j = 0; j < segments; ++j)
            mesh.indices.insert(mesh.indices.end(), {at(i, j), at(i, j + 1), at(i + 1, j), at(i, j + 1), at(i + 1, j + 1), at(i + 1, j)});
    for (int j = 0; j < segments; ++j) mesh.indices.insert(mesh.indices.end(), {last, at(rings - 1, j), at(rings - 1, j + 1)});
    return mesh;
}

double enclosedVolume(const std::vector<glm::vec3>& positions, const std::vector<std::uint32_t>& indices)
{
    // Divergence theorem: the sum of signed tetrahedra from the origin, in double, relative to
    // a point near the mesh so that the terms stay small.
    const glm::dvec3 origin(positions[0]);
    double volume = 0.0;
    for (std::size_t t = 0; t < indices.size(); t += 3) {
        const glm::dvec3 a = glm::dvec3(positions[indices[t]]) - origin;
        const glm::dvec3 b = glm::dvec3(positions[indices[t + 1]]) - origin;
        const glm::dvec3 c = glm::dvec3(positions[indices[t + 2]]) - origin;
        volume += glm::dot(a, glm::cross(b, c)) / 6.0;
    }
    return volume;
}

std::vector<glm::vec3> restPositions(const SpindleMesh& mesh, const PathFrame& frame)
{
    std::vector<glm::vec3> out;
    for (const glm::vec3& c : mesh.coordinates) out.push_back(glm::vec3(frame.toWorld(glm::dvec3(c))));
    return out;
}

Pose legPose(double hipFlexionDeg, double kneeFlexionDeg)
{
    Pose pose = Pose::neutral();
    pose[Coordinate::HipFlexionR] = hipFlexionDeg;
    pose[Coordinate::KneeFlexionR] = kneeFlexionDeg;
    return pose;
}

// The largest distance of belly vertices from the current path, in metres.
double bellyRadius(const SpindleMesh& mesh, const std::vector<glm::vec3>& positions, const PathFrame& frame, float bellyStart,
                   float bellyEnd)
{
    double radius = 0.0;
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const float along = mesh.coordinates[i].x;
        if (along < bellyStart || along > bellyEnd) continue;
        radius = std::max(radius, frame.toPathCoordinates(glm::dvec3(positions[i])).z);
    }
    return radius;
}

} // namespace

TEST_CASE("the spindle helper builds a closed, outward-facing mesh")
{
    const SpindleMesh mesh = makeSpindle(48, 24, 0.2f, 0.8f, 0.003f, 0.025f);
    const Musculoskeletal sim;
    const std::vector<glm::vec3> rest = restPositions(mesh, sim.pathFrame(Muscle::Semitendinosus, Side::Right));
    CHECK(enclosedVolume(rest, mesh.indices) > 0.0);
    // Every edge is shared by exactly two triangles.
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
    for (std::size_t t = 0; t < mesh.indices.size(); t += 3)
        for (int e = 0; e < 3; ++e) {
            std::uint32_t a = mesh.indices[t + e], b = mesh.indices[t + (e + 1) % 3];
            ++edges[{std::min(a, b), std::max(a, b)}];
        }
    for (const auto& [edge, count] : edges) CHECK(count == 2);
}

TEST_CASE("deformation keeps the volume within 2 % across lengths, contraction, knot and tremor")
{
    Musculoskeletal sim;
    // Two layouts per head: the belly as long as Ward's muscle length (S5), as a mesh would be
    // built, and a harder one with the belly only as long as the fibres, the external tendons
    // taking the model's whole tendon slack length (gait2392, S1).
    for (int layout = 0; layout < 2; ++layout)
    for (Muscle muscle : kHamstrings) {
        CAPTURE(muscleDef(muscle).name);
        CAPTURE(layout);
        const MuscleTendonParameters& p = muscleDef(muscle).parameters;
        sim.reset(Pose::neutral());
        const double restLength = sim.head(muscle, Side::Right).restLengthM;
        const double bellyShare = layout == 0 ? muscleDef(muscle).architecture->muscleLengthCm / 100.0 / restLength
                                              : p.optimalFiberLengthM / (p.tendonSlackLengthM + p.optimalFiberLengthM);
        const float bellyStart = float(0.4 * (1.0 - bellyShare)), bellyEnd = float(1.0 - 0.6 * (1.0 - bellyShare));
        const SpindleMesh mesh = makeSpindle(64, 32, bellyStart, bellyEnd, 0.003f, 0.028f);
        const PathFrame restFrame = sim.pathFrame(muscle, Side::Right);
        MuscleDeformer deformer;
        deformer.prepare(mesh.coordinates.data(), mesh.coordinates.size(), mesh.indices.data(), mesh.indices.size(), restFrame);
        const double restVolume = enclosedVolume(restPositions(mesh, restFrame), mesh.indices);
        std::vector<glm::vec3> positions(mesh.coordinates.size()), normals(mesh.coordinates.size());

        double worst = 0.0;
        for (double hip : {-20.0, 0.0, 45.0, 90.0, 120.0})
            for (double knee : {0.0, 40.0, 80.0, 120.0}) {
                sim.reset(legPose(hip, knee));
                const PathFrame& frame = sim.pathFrame(muscle, Side::Right);
                MuscleShapeState relaxed = sim.shapeState(muscle, Side::Right);
                for (int variant = 0; variant < 5; ++variant) {
                    MuscleShapeState state = relaxed;
                    if (variant >= 1) state.activation = 1.0;
                    if (variant >= 2) {
                        state.knotAmplitude = 1.0;
                        state.knotAlongBelly = 0.3 + 0.1 * variant;
                        state.knotAroundRad = -1.0 + 0.6 * variant;
                    }
                    if (variant >= 3) {
                        state.rippleAmplitude = variant == 3 ? 0.035 : -0.035;
                        state.ripplePhaseRad = 1.3 * variant;
                    }
                    if (variant == 4) state.tendonStretch *= 1.03; // a tendon at full strain
                    deformer.deform(frame, state, positions.data(), normals.data());
                    const double error = std::abs(enclosedVolume(positions, mesh.indices) / restVolume - 1.0);
                    worst = std::max(worst, error);
                    CAPTURE(hip);
                    CAPTURE(knee);
                    CAPTURE(variant);
                    CHECK(error < 0.02);
                }
            }
        const std::string layoutName = layout == 0 ? "Ward belly" : "short belly";
        MESSAGE(muscleDef(muscle).name << " (" << layoutName << "): largest volume change " << worst * 100.0 << " %");
    }
}

TEST_CASE("the belly thickens as it shortens and thins as it lengthens; contraction and the knot bulge")
{
    const SpindleMesh mesh = makeSpindle(64, 32, 0.25f, 0.75f, 0.003f, 0.025f);
    Musculoskeletal sim;
    const PathFrame rest = sim.pathFrame(Muscle::Semitendinosus, Side::Right);
    MuscleDeformer deformer;
    deformer.prepare(mesh.coordinates.data(), mesh.coordinates.size(), mesh.indices.data(), mesh.indices.size(), rest);
    std::vector<glm::vec3> positions(mesh.coordinates.size()), normals(mesh.coordinates.size());
    auto radiusAt = [&](const Pose& pose, const MuscleShapeState* override) {
        sim.reset(pose);
        const PathFrame& frame = sim.pathFrame(Muscle::Semitendinosus, Side::Right);
        const MuscleShapeState state = override ? *override : sim.shapeState(Muscle::Semitendinosus, Side::Right);
        deformer.deform(frame, state, positions.data(), normals.data());
        return bellyRadius(mesh, positions, frame, 0.25f, 0.75f);
    };
    const double standing = radiusAt(Pose::neutral(), nullptr);
    const double shortened = radiusAt(legPose(-10.0, 110.0), nullptr);
    const double lengthened = radiusAt(legPose(90.0, 0.0), nullptr);
    MESSAGE("semitendinosus belly radius: " << standing * 1000.0 << " mm standing, " << shortened * 1000.0
                                            << " mm shortened, " << lengthened * 1000.0 << " mm lengthened");
    CHECK(standing == doctest::Approx(0.025).epsilon(0.01));
    CHECK(shortened > standing * 1.1);
    CHECK(lengthened < standing * 0.95);

    sim.reset(Pose::neutral());
    MuscleShapeState contracted = sim.shapeState(Muscle::Semitendinosus, Side::Right);
    contracted.activation = 1.0;
    const double bulging = radiusAt(Pose::neutral(), &contracted);
    MESSAGE("contracted in place: " << bulging * 1000.0 << " mm");
    CHECK(bulging > standing * 1.05);

    MuscleShapeState knotted = sim.shapeState(Muscle::Semitendinosus, Side::Right);
    knotted.knotAmplitude = 1.0;
    knotted.knotAlongBelly = 0.5;
    knotted.knotAroundRad = 0.0;
    radiusAt(Pose::neutral(), &knotted);
    // The vertex nearest the knot's centre stands out; the opposite side is a little thinner.
    const PathFrame& frame = sim.pathFrame(Muscle::Semitendinosus, Side::Right);
    double atKnot = 0.0, opposite = 1.0;
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const glm::vec3 c = mesh.coordinates[i];
        if (std::abs(c.x - 0.5f) > 0.01f) continue;
        const double r = frame.toPathCoordinates(glm::dvec3(positions[i])).z;
        if (std::abs(c.y) < 0.1f) atKnot = std::max(atKnot, r);
        if (std::abs(std::abs(c.y) - 3.14159f) < 0.1f) opposite = std::min(opposite, r);
    }
    MESSAGE("knot: " << atKnot * 1000.0 << " mm at its centre, " << opposite * 1000.0 << " mm opposite");
    CHECK(atKnot > standing * 1.3);
    CHECK(opposite < standing);
}

TEST_CASE("normals are unit length, face out and match the deformed mesh's own normals")
{
    const SpindleMesh mesh = makeSpindle(64, 32, 0.2f, 0.8f, 0.003f, 0.025f);
    Musculoskeletal sim;
    MuscleDeformer deformer;
    const PathFrame rest = sim.pathFrame(Muscle::BicepsFemorisLong, Side::Right);
    deformer.prepare(mesh.coordinates.data(), mesh.coordinates.size(), mesh.indices.data(), mesh.indices.size(), rest);
    std::vector<glm::vec3> positions(mesh.coordinates.size()), normals(mesh.coordinates.size());
    for (double knee : {0.0, 60.0, 120.0}) {
        sim.reset(legPose(30.0, knee));
        MuscleShapeState state = sim.shapeState(Muscle::BicepsFemorisLong, Side::Right);
        state.activation = 0.8;
        state.knotAmplitude = 0.8;
        deformer.deform(sim.pathFrame(Muscle::BicepsFemorisLong, Side::Right), state, positions.data(), normals.data());
        // Area-weighted normals of the deformed triangles.
        std::vector<glm::dvec3> expected(positions.size(), glm::dvec3(0.0));
        for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
            const glm::dvec3 a(positions[mesh.indices[t]]), b(positions[mesh.indices[t + 1]]), c(positions[mesh.indices[t + 2]]);
            const glm::dvec3 n = glm::cross(b - a, c - a);
            for (int k = 0; k < 3; ++k) expected[mesh.indices[t + k]] += n;
        }
        double worstDeg = 0.0, meanDeg = 0.0;
        int counted = 0;
        for (std::size_t i = 0; i < positions.size(); ++i) {
            CHECK(glm::length(normals[i]) == doctest::Approx(1.0).epsilon(1e-5));
            if (mesh.coordinates[i].z == 0.0f) continue; // the cap tips: a fan of sloping triangles
            const double cosine = glm::dot(glm::dvec3(normals[i]), glm::normalize(expected[i]));
            const double angleDeg = std::acos(std::clamp(cosine, -1.0, 1.0)) * 180.0 / 3.14159265358979;
            worstDeg = std::max(worstDeg, angleDeg);
            meanDeg += angleDeg;
            ++counted;
        }
        meanDeg /= counted;
        MESSAGE("knee " << knee << ": normals differ from the mesh's own by " << meanDeg << " degrees on average, "
                        << worstDeg << " at most");
        // The analytic normals are those of the smooth surface; the faceted mesh parts from it
        // most where a 3 mm tendon turns sharply behind the flexed knee (up to about 14 degrees
        // at 120 degrees of flexion) and over the knot's steep flanks.
        CHECK(meanDeg < 2.0);
        CHECK(worstDeg < 15.0);
    }
}

TEST_CASE("standing relaxed, a mesh stays where the model generator put it")
{
    // Rest coordinates are made on standingPathFrame (no wrap); the simulation's standing path
    // is the same except where the short head wraps the condyles near full extension.
    const SpindleMesh mesh = makeSpindle(64, 32, 0.15f, 0.85f, 0.003f, 0.025f);
    const Musculoskeletal sim;
    for (Side side : {Side::Right, Side::Left})
        for (Muscle muscle : kHamstrings) {
            CAPTURE(muscleDef(muscle).name);
            const PathFrame rest = standingPathFrame(muscle, side);
            MuscleDeformer deformer;
            deformer.prepare(mesh.coordinates.data(), mesh.coordinates.size(), mesh.indices.data(), mesh.indices.size(), rest);
            std::vector<glm::vec3> positions(mesh.coordinates.size()), normals(mesh.coordinates.size());
            deformer.deform(sim.pathFrame(muscle, side), sim.shapeState(muscle, side), positions.data(), normals.data());
            const std::vector<glm::vec3> expected = restPositions(mesh, rest);
            double worst = 0.0;
            for (std::size_t i = 0; i < positions.size(); ++i) worst = std::max(worst, double(glm::length(positions[i] - expected[i])));
            if (side == Side::Right) MESSAGE(muscleDef(muscle).name << ": standing mesh moved by at most " << worst * 1000.0 << " mm");
            CHECK(worst < (muscle == Muscle::BicepsFemorisShort ? 0.0025 : 0.0002));
        }
}

TEST_CASE("the result does not depend on the order of the mesh's vertices")
{
    // The spindle is built ring by ring, as the deformer groups it; a shuffled copy takes the
    // other path through the code and must give the same surface.
    const SpindleMesh mesh = makeSpindle(40, 24, 0.2f, 0.8f, 0.003f, 0.025f);
    SpindleMesh shuffled = mesh;
    std::vector<std::uint32_t> newIndex(mesh.coordinates.size());
    for (std::size_t i = 0; i < newIndex.size(); ++i) newIndex[i] = std::uint32_t((i * 7919) % newIndex.size());
    for (std::size_t i = 0; i < newIndex.size(); ++i) shuffled.coordinates[newIndex[i]] = mesh.coordinates[i];
    for (std::uint32_t& index : shuffled.indices) index = newIndex[index];
    Musculoskeletal sim(legPose(50.0, 70.0));
    const PathFrame rest = Musculoskeletal().pathFrame(Muscle::BicepsFemorisLong, Side::Right);
    MuscleDeformer inOrder, outOfOrder;
    inOrder.prepare(mesh.coordinates.data(), mesh.coordinates.size(), mesh.indices.data(), mesh.indices.size(), rest);
    outOfOrder.prepare(shuffled.coordinates.data(), shuffled.coordinates.size(), shuffled.indices.data(),
                       shuffled.indices.size(), rest);
    MuscleShapeState state = sim.shapeState(Muscle::BicepsFemorisLong, Side::Right);
    state.activation = 0.7;
    state.knotAmplitude = 1.0;
    std::vector<glm::vec3> p1(mesh.coordinates.size()), n1(p1.size()), p2(p1.size()), n2(p1.size());
    inOrder.deform(sim.pathFrame(Muscle::BicepsFemorisLong, Side::Right), state, p1.data(), n1.data());
    outOfOrder.deform(sim.pathFrame(Muscle::BicepsFemorisLong, Side::Right), state, p2.data(), n2.data());
    for (std::size_t i = 0; i < p1.size(); ++i) {
        CHECK(glm::length(p1[i] - p2[newIndex[i]]) < 1e-6f);
        CHECK(glm::length(n1[i] - n2[newIndex[i]]) < 1e-5f);
    }
}

TEST_CASE("per-frame work allocates nothing once warmed up")
{
    const SpindleMesh mesh = makeSpindle(64, 32, 0.2f, 0.8f, 0.003f, 0.025f);
    Musculoskeletal sim;
    MuscleDeformer deformer;
    deformer.prepare(mesh.coordinates.data(), mesh.coordinates.size(), mesh.indices.data(), mesh.indices.size(),
                     sim.pathFrame(Muscle::BicepsFemorisShort, Side::Right));
    std::vector<glm::vec3> positions(mesh.coordinates.size()), normals(mesh.coordinates.size());
    MusculoskeletalInputs inputs;
    inputs.head(Side::Right, Muscle::BicepsFemorisShort).provokeCramp = true;
    const long before = gAllocations.load();
    // Through poses where the short head's path wraps and where it does not.
    for (int frame = 0; frame < 240; ++frame) {
        for (int step = 0; step < 4; ++step) {
            sim.setPose(legPose(20.0, std::fmod(frame * 0.7, 100.0) - 5.0));
            sim.step(Musculoskeletal::kStepS, inputs);
        }
        for (Muscle m : kHamstrings) {
            (void)sim.pathFrame(m, Side::Right);
            (void)sim.head(m, Side::Left); // works out the moment arms
        }
        (void)sim.crampKneeFlexionTargetDeg(Side::Right);
        deformer.deform(sim.pathFrame(Muscle::BicepsFemorisShort, Side::Right), sim.shapeState(Muscle::BicepsFemorisShort, Side::Right),
                        positions.data(), normals.data());
    }
    const long after = gAllocations.load();
    CHECK(after - before == 0);
}
