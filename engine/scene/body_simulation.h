// Ties the musculoskeletal simulation to a model: finds the meshes that follow a muscle path
// (node extras "path" and "side"), runs the simulation from a lesson's muscle drive at the
// fixed step, and rebuilds those meshes on the moving, stretching paths each frame. A belly
// and its tendons are deformed as one piece, so they stay joined.
#pragma once

#include "anatomy/musculoskeletal.h"
#include "assets/model_data.h"
#include "content/lesson.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace scene {

// What the muscle simulation is asked to do now.
struct MuscleDrive {
    content::MuscleMode mode = content::MuscleMode::Relaxed;
    double excitation = 0.0;                      // voluntary, 0..1
    std::vector<anatomy::Muscle> heads;           // empty: all four hamstrings
    std::vector<anatomy::Side> sides{anatomy::Side::Right, anatomy::Side::Left};
    std::optional<content::CrampSpec> cramp;
    double crampElapsedS = -1.0;                  // time since onset; negative before it
};

// Whether a drive's voluntary contraction (or stretch) names this head on this side.
bool drives(const MuscleDrive& drive, anatomy::Muscle muscle, anatomy::Side side);

class BodySimulation {
public:
    BodySimulation() = default;
    explicit BodySimulation(const assets::ModelData& model, const anatomy::Pose& pose);

    // Starts over from a relaxed equilibrium at this pose.
    void reset(const anatomy::Pose& pose);
    // One fixed step: the pose at the step's time and what the muscles are told to do.
    // Returns the pose the body takes, which is the given one with a cramping knee pulled
    // toward flexion; the muscles are simulated on that same pose.
    anatomy::Pose step(double dtS, const anatomy::Pose& pose, const MuscleDrive& drive);

    // Rebuilds the deformed meshes into per-mesh arrays (sized to the model's meshes).
    void deform(std::vector<std::vector<glm::vec3>>& positions, std::vector<std::vector<glm::vec3>>& normals);
    // Meshes that follow a path, by model mesh index.
    bool deforms(int mesh) const;

    const anatomy::Musculoskeletal& simulation() const { return simulation_; }
    // Mesh groups found in the model, for tests: "semitendinosus.r" -> mesh count.
    std::vector<std::pair<std::string, int>> groups() const;

private:
    struct Group {
        anatomy::Muscle muscle;
        anatomy::Side side;
        std::vector<int> meshes;
        std::vector<std::size_t> firstVertex;   // of each mesh in the combined arrays
        anatomy::MuscleDeformer deformer;
        std::vector<glm::vec3> positions, normals;
    };

    anatomy::Musculoskeletal simulation_;
    std::vector<Group> groups_;
    std::vector<bool> deformedMesh_;
    std::array<std::array<bool, 4>, 2> crampWasOn_{};
    std::array<double, 2> kneePullDeg_{};  // extra knee flexion from a cramp, per side

    anatomy::Pose withKneePull(anatomy::Pose pose) const;
};

} // namespace scene
