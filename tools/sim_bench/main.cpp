// sim-bench: how long one frame of muscle work takes on one core. Steps the simulation of both
// legs through relaxed standing, a knee curl, a cramp and a straight-leg stretch at a fixed
// frame rate, and deforms eight synthetic hamstring meshes (one per head and side) each frame.
// Prints the median and 99th percentile in microseconds, in total and split: wall-clock time,
// and the thread's CPU time, which a busy machine inflates less (it leaves out waiting for a core).
//
//   sim-bench [--frames N] [--fps F] [--vertices V]
#include "anatomy/muscle_deformation.h"
#include "anatomy/musculoskeletal.h"
#include "core/clock.h"
#include "core/math.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

using namespace anatomy;

namespace {

struct Mesh {
    std::vector<glm::vec3> coordinates; // (along, around, outward)
    std::vector<std::uint32_t> indices;
    std::vector<glm::vec3> positions, normals;
};

// A closed spindle of about `vertices` vertices: tendons at both ends, the belly as long as
// Ward's muscle length (S5) takes of the standing path, 25 mm at its widest.
Mesh makeMesh(int vertices, double bellyShare)
{
    const int segments = 32;
    const int rings = std::max(8, (vertices - 2) / segments);
    const double bellyStart = 0.4 * (1.0 - bellyShare), bellyEnd = 1.0 - 0.6 * (1.0 - bellyShare);
    Mesh mesh;
    mesh.coordinates.push_back({0.0f, 0.0f, 0.0f});
    for (int i = 0; i < rings; ++i) {
        const double along = (i + 0.5) / rings;
        const double t = std::clamp((along - bellyStart) / (bellyEnd - bellyStart), 0.0, 1.0);
        const double swell = std::sin(core::kPi * t);
        const double radius = 0.003 + 0.022 * swell * swell;
        for (int j = 0; j < segments; ++j)
            mesh.coordinates.push_back({float(along), float(2.0 * core::kPi * j / segments - core::kPi), float(radius)});
    }
    mesh.coordinates.push_back({1.0f, 0.0f, 0.0f});
    const std::uint32_t last = std::uint32_t(mesh.coordinates.size() - 1);
    auto at = [&](int ring, int segment) { return std::uint32_t(1 + ring * segments + segment % segments); };
    for (int j = 0; j < segments; ++j) mesh.indices.insert(mesh.indices.end(), {0u, at(0, j + 1), at(0, j)});
    for (int i = 0; i + 1 < rings; ++i)
        for (int j = 0; j < segments; ++j)
            mesh.indices.insert(mesh.indices.end(), {at(i, j), at(i, j + 1), at(i + 1, j), at(i, j + 1), at(i + 1, j + 1), at(i + 1, j)});
    for (int j = 0; j < segments; ++j) mesh.indices.insert(mesh.indices.end(), {last, at(rings - 1, j), at(rings - 1, j + 1)});
    mesh.positions.resize(mesh.coordinates.size());
    mesh.normals.resize(mesh.coordinates.size());
    return mesh;
}

// The benchmark's timeline, 10 s long and repeated: relaxed standing, a knee curl on both
// legs, a cramp of the right semimembranosus and biceps long head, then a straight-leg stretch
// of the right leg that relieves it.
Pose poseAt(double t)
{
    const double s = std::fmod(t, 10.0);
    Pose pose = Pose::neutral();
    if (s >= 2.0 && s < 4.0) {
        const double knee = 90.0 * 0.5 * (1.0 - std::cos(core::kPi * (s - 2.0)));
        pose[Coordinate::KneeFlexionR] = pose[Coordinate::KneeFlexionL] = knee;
    } else if (s >= 4.0 && s < 7.0) {
        pose[Coordinate::KneeFlexionR] = 30.0 + 10.0 * std::sin(3.0 * s); // the cramp pulling
    } else if (s >= 7.0) {
        pose[Coordinate::HipFlexionR] = 75.0 * std::min((s - 7.0) / 1.5, 1.0);
    }
    return pose;
}

MusculoskeletalInputs inputsAt(double t)
{
    const double s = std::fmod(t, 10.0);
    MusculoskeletalInputs in;
    for (Side side : {Side::Right, Side::Left})
        for (Muscle m : kHamstrings) {
            HeadInputs& h = in.head(side, m);
            if (s >= 2.0 && s < 4.0) h.excitation = 0.5;
            h.provokeCramp = side == Side::Right && (m == Muscle::Semimembranosus || m == Muscle::BicepsFemorisLong) && s >= 4.0;
            h.crampDurationS = 60.0;
            h.crampSeed = 17;
        }
    return in;
}

// CPU time this thread has used, microseconds.
double threadCpuUs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e6 + double(now.tv_nsec) * 1e-3;
}

double percentile(std::vector<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    const std::size_t index = std::min(values.size() - 1, std::size_t(fraction * double(values.size() - 1) + 0.5));
    return values[index];
}

} // namespace

int main(int argc, char** argv)
{
    int frames = 3000;
    double fps = 60.0;
    int vertices = 4500;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--frames") frames = std::atoi(argv[i + 1]);
        else if (option == "--fps") fps = std::atof(argv[i + 1]);
        else if (option == "--vertices") vertices = std::atoi(argv[i + 1]);
        else {
            std::fprintf(stderr, "sim-bench: unknown option '%s' (--frames N, --fps F, --vertices V)\n", option.c_str());
            return 2;
        }
    }
    if (frames < 10 || fps <= 0.0 || vertices < 100) {
        std::fprintf(stderr, "sim-bench: need --frames >= 10, --fps > 0, --vertices >= 100\n");
        return 2;
    }

    Musculoskeletal sim(poseAt(0.0));
    std::vector<Mesh> meshes;
    std::vector<MuscleDeformer> deformers(kSideCount * kHamstringCount);
    std::size_t totalVertices = 0;
    for (Side side : {Side::Right, Side::Left})
        for (Muscle m : kHamstrings) {
            const double bellyShare = muscleDef(m).architecture->muscleLengthCm / 100.0 / sim.head(m, side).restLengthM;
            meshes.push_back(makeMesh(vertices, std::min(bellyShare, 0.95)));
            Mesh& mesh = meshes.back();
            deformers[meshes.size() - 1].prepare(mesh.coordinates.data(), mesh.coordinates.size(), mesh.indices.data(),
                                                 mesh.indices.size(), sim.pathFrame(m, side));
            totalVertices += mesh.coordinates.size();
        }

    core::FixedStepClock clock(Musculoskeletal::kStepS);
    double checksum = 0.0;
    std::vector<double> totalUs, simulateUs, deformUs, cpuTotalUs, cpuSimulateUs, cpuDeformUs;
    for (int frame = 0; frame < frames; ++frame) {
        core::Stopwatch watch;
        const double cpuStart = threadCpuUs();
        const int steps = clock.advance(1.0 / fps);
        for (int i = 0; i < steps; ++i) {
            const double t = sim.timeS() + Musculoskeletal::kStepS;
            sim.setPose(poseAt(t));
            sim.step(Musculoskeletal::kStepS, inputsAt(t));
        }
        // What the overlay reads each frame (this works out the moment arms once per frame).
        for (Side side : {Side::Right, Side::Left}) {
            for (Muscle m : kHamstrings) checksum += 1e-9 * sim.head(m, side).kinematics.kneeFlexionMomentArmM;
            checksum += 1e-9 * (sim.crampKneeFlexionTargetDeg(side) + double(sim.stretchIntensity(side)));
        }
        const double simulated = watch.elapsedMs() * 1000.0;
        const double cpuSimulated = threadCpuUs() - cpuStart;
        std::size_t index = 0;
        for (Side side : {Side::Right, Side::Left})
            for (Muscle m : kHamstrings) {
                Mesh& mesh = meshes[index];
                deformers[index].deform(sim.pathFrame(m, side), sim.shapeState(m, side), mesh.positions.data(), mesh.normals.data());
                ++index;
            }
        const double total = watch.elapsedMs() * 1000.0;
        const double cpuTotal = threadCpuUs() - cpuStart;
        // Keep the work observable so the compiler cannot drop it.
        checksum += meshes[frame % meshes.size()].positions[std::size_t(frame) % meshes[0].positions.size()].x;
        if (frame >= 10) { // skip the first frames: caches and page faults
            totalUs.push_back(total);
            simulateUs.push_back(simulated);
            deformUs.push_back(total - simulated);
            cpuTotalUs.push_back(cpuTotal);
            cpuSimulateUs.push_back(cpuSimulated);
            cpuDeformUs.push_back(cpuTotal - cpuSimulated);
        }
    }
    std::printf("sim-bench: %d frames at %g fps (%d fixed steps of 1/240 s per second), 8 heads, %zu vertices in all\n",
                frames, fps, 240, totalVertices);
    auto report = [](const char* name, const std::vector<double>& us) {
        std::printf("%s: median %.1f p99 %.1f\n", name, percentile(us, 0.5), percentile(us, 0.99));
    };
    report("frame_us (wall)", totalUs);
    report("  simulate_us (wall)", simulateUs);
    report("  deform_us (wall)", deformUs);
    report("frame_us (thread cpu)", cpuTotalUs);
    report("  simulate_us (thread cpu)", cpuSimulateUs);
    report("  deform_us (thread cpu)", cpuDeformUs);
    std::printf("checksum: %.6f\n", checksum);
    return 0;
}
