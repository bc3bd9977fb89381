// The runtime scene: the model's structures and their current placement, layer settings,
// selection and time. Updated by fixed simulation steps; the renderer only reads it.
#pragma once

#include "anatomy/skeleton.h"
#include "assets/model_data.h"
#include "core/math.h"
#include "scene/body_simulation.h"
#include "content/lesson.h"
#include "content/scene_file.h"
#include "content/structure_info.h"
#include "content/structures.h"

#include <glm/glm.hpp>

#include <array>
#include <optional>
#include <span>
#include <vector>

namespace scene {

// One mesh drawn at one node.
struct MeshInstance {
    int node = -1;
    int mesh = -1;
    int structure = -1;
    content::LayerId layer = content::LayerId::Other;
};

// A named anatomical structure: all instances that share a node name.
struct Structure {
    std::string nodeName;
    content::StructureName name;
    std::vector<int> instances;
};

// A prop drawn with the body (a curb, a foam roller...), placed by whoever runs the lesson
// (scene/step_staging.h).
struct PropInstance {
    content::Prop::Shape shape = content::Prop::Shape::Box;  // its unit mesh (render/primitives.h)
    glm::mat4 transform{1.0f};  // from the unit shape, centred at the origin
    glm::vec3 colour{0.35f, 0.38f, 0.42f};
};

// A second figure of the same body (a partner who helps), in its own pose: drawn with the
// body's skin, relaxed, never picked. Its node matrices follow its skeleton as the body's do.
struct PartnerPlacement {
    content::Partner spec;           // as the lesson step writes it
    anatomy::Pose finalBodyPose;     // the body's pose it was placed for (a key of the step)
    anatomy::Pose placed;            // turned and moved there, before reaching
};
struct PartnerFigure {
    PartnerPlacement placement;
    anatomy::Pose pose;              // reaching for its holds this frame
    anatomy::SkeletonPose skeleton;
    std::vector<glm::mat4> nodeWorld;
};

struct PickHit {
    int structure = -1;
    float distanceM = 0.0f;
    glm::vec3 point{0.0f};
};

class Scene {
public:
    Scene() = default;
    // Takes the imported model. Files beside it are applied too: "<model>.names.toml" renames
    // its nodes to the convention, and "<model>.structures.toml" or "structures.toml" gives
    // the information shown for each structure (problems in them are logged with file:line).
    explicit Scene(assets::ModelData model);

    const assets::ModelData& model() const { return model_; }
    const std::vector<MeshInstance>& instances() const { return instances_; }
    const std::vector<Structure>& structures() const { return structures_; }
    int findStructure(std::string_view nodeName) const;
    // What is known about a structure; null when the model came without an entry for it.
    const content::StructureInfo* structureInfo(int structure) const;
    const content::StructureCatalogue& structureCatalogue() const { return catalogue_; }

    // World matrix of every node in the current pose.
    std::span<const glm::mat4> nodeWorldMatrices() const { return nodeWorld_; }
    // Joint matrices (joint world x inverse bind) for a skin, in the current pose.
    std::vector<glm::mat4> skinMatrices(int skin) const;
    // Positions of a mesh deformed this frame (muscles), or empty when it is drawn as stored.
    std::span<const glm::vec3> deformedPositions(int mesh) const;
    std::span<const glm::vec3> deformedNormals(int mesh) const;

    std::array<content::LayerSettings, content::kLayerCount>& layers() { return layers_; }
    const std::array<content::LayerSettings, content::kLayerCount>& layers() const { return layers_; }
    const content::LayerSettings& layer(content::LayerId id) const { return layers_[std::size_t(id)]; }
    bool instanceVisible(const MeshInstance& instance) const;

    int selectedStructure = -1;
    int hoveredStructure = -1;
    std::vector<PropInstance> props;
    // The partner figure, when the step has one (scene/step_staging.h places it).
    void setPartner(PartnerPlacement placement, const anatomy::Pose& pose);
    void clearPartner() { partner_.reset(); }
    const PartnerFigure* partner() const { return partner_ ? &*partner_ : nullptr; }
    // Joint matrices of a skin for the partner's pose (as skinMatrices for the body's).
    std::vector<glm::mat4> partnerSkinMatrices(int skin) const;
    // Per-structure visibility on top of the layers: hide one, isolate one, show all.
    void setStructureHidden(int structure, bool hidden);
    bool structureHidden(int structure) const { return structure >= 0 && std::size_t(structure) < hidden_.size() && hidden_[std::size_t(structure)]; }
    void isolateStructure(int structure);
    void showAllStructures();
    bool anyStructureHidden() const;
    // World-space bounds of one structure in the current pose.
    core::Bounds structureBounds(int structure) const;

    // Structures a lesson step points out: "semitendinosus" (both sides) or "semitendinosus.r".
    void setHighlights(const std::vector<std::string>& names);
    void setHighlightedStructure(int structure);   // just this one; -1 for none
    bool highlighted(int structure) const { return structure >= 0 && std::size_t(structure) < highlighted_.size() && highlighted_[std::size_t(structure)]; }
    // Structures a view is about without being highlighted (a lesson step about the resting
    // hamstrings): what lies in front of them fades as it does in front of highlighted ones.
    void setFocus(const std::vector<std::string>& names);
    bool focused(int structure) const { return structure >= 0 && std::size_t(structure) < focused_.size() && focused_[std::size_t(structure)]; }

    // Bounds of what is visible now, in world space.
    core::Bounds visibleBounds() const;
    // Nearest visible structure along a ray, testing triangles in the current pose.
    std::optional<PickHit> pick(const core::Ray& ray) const;

    void step(double dtSeconds);
    double timeSeconds() const { return timeSeconds_; }

    // The body's pose; nodes named "joint.<segment>" follow the skeleton's segments.
    void setPose(const anatomy::Pose& pose);
    // One fixed step of the muscles for the pose at the step's time; a cramp may bend the knee.
    void stepMuscles(double dtS, const anatomy::Pose& pose, const MuscleDrive& drive);
    // The muscles start over relaxed at this pose: a running cramp stops, nothing is excited.
    void relaxMuscles(const anatomy::Pose& pose);
    // Rebuilds the muscle and tendon meshes on their current paths (once per frame).
    void updateMuscleMeshes();
    // The simulation, when the model has meshes that follow muscle paths.
    const BodySimulation* body() const { return body_ ? &*body_ : nullptr; }
    const anatomy::Pose& pose() const { return pose_; }
    const anatomy::SkeletonPose& skeleton() const { return skeleton_; }
    // True when the model has joint nodes the skeleton moves (a body, not a loose object).
    bool hasBody() const;

private:
    void updateWorldMatrices();
    // Per structure: whether `names` holds its name ("semitendinosus") or key ("semitendinosus.r").
    std::vector<bool> structuresNamed(const std::vector<std::string>& names) const;
    // World matrix of every node for a skeleton: joint nodes follow its segments.
    void computeNodeWorld(const anatomy::SkeletonPose& skeleton, std::vector<glm::mat4>& out) const;
    std::optional<PickHit> pick(const core::Ray& ray, bool seeThrough) const;
    // Model-space positions of an instance's vertices in the current pose.
    std::vector<glm::vec3> posedPositions(const MeshInstance& instance) const;
    // World-space bounds of one instance as it is posed now.
    core::Bounds instanceBounds(const MeshInstance& instance) const;

    void applyCompanionFiles();

    assets::ModelData model_;
    content::StructureCatalogue catalogue_;
    std::vector<MeshInstance> instances_;
    std::vector<Structure> structures_;
    std::vector<bool> highlighted_;
    std::vector<bool> focused_;
    std::vector<bool> hidden_;
    std::vector<glm::mat4> nodeWorld_;
    std::vector<int> nodeSegment_;  // skeleton segment driving each node, or -1
    anatomy::Pose pose_ = anatomy::Pose::neutral();
    anatomy::SkeletonPose skeleton_;
    std::vector<std::vector<glm::vec3>> deformedPositions_; // per mesh; empty when not deformed
    std::vector<std::vector<glm::vec3>> deformedNormals_;
    std::optional<BodySimulation> body_;
    std::optional<PartnerFigure> partner_;
    std::array<content::LayerSettings, content::kLayerCount> layers_ = content::defaultLayerSettings();
    double timeSeconds_ = 0.0;
};

} // namespace scene
