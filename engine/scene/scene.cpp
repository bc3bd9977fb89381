#include "scene/scene.h"

#include "core/log.h"
#include "content/name_mapping.h"

#include <algorithm>
#include <filesystem>
#include <map>

namespace scene {

Scene::Scene(assets::ModelData model) : model_(std::move(model))
{
    applyCompanionFiles();
    std::map<std::string, int> structureByName;
    for (std::size_t n = 0; n < model_.nodes.size(); ++n) {
        const assets::Node& node = model_.nodes[n];
        for (int mesh : node.meshes) {
            auto [found, inserted] = structureByName.try_emplace(node.name, int(structures_.size()));
            if (inserted) structures_.push_back({node.name, content::parseStructureName(node.name), {}});
            Structure& structure = structures_[std::size_t(found->second)];
            MeshInstance instance{int(n), mesh, found->second, structure.name.layer};
            structure.instances.push_back(int(instances_.size()));
            instances_.push_back(instance);
        }
    }
    nodeSegment_.assign(model_.nodes.size(), -1);
    for (std::size_t n = 0; n < model_.nodes.size(); ++n) {
        const std::string& name = model_.nodes[n].name;
        if (name.rfind("joint.", 0) != 0) continue;
        if (auto segment = anatomy::segmentFromName(std::string_view(name).substr(6))) nodeSegment_[n] = int(*segment);
    }
    skeleton_ = anatomy::computeSkeleton(pose_);
    deformedPositions_.resize(model_.meshes.size());
    deformedNormals_.resize(model_.meshes.size());
    updateWorldMatrices();
    BodySimulation body(model_, pose_);
    if (!body.groups().empty()) {
        body_ = std::move(body);
        updateMuscleMeshes();
    }
}

void Scene::applyCompanionFiles()
{
    if (model_.sourcePath.empty()) return;
    namespace fs = std::filesystem;
    const fs::path modelPath(model_.sourcePath);
    const fs::path folder = modelPath.parent_path();
    const std::string stem = modelPath.stem().string();
    std::error_code ec;
    if (const fs::path names = folder / (stem + ".names.toml"); fs::exists(names, ec)) {
        auto mapping = content::loadNameMapping(names.string());
        core::Status applied = mapping ? content::applyNameMapping(*mapping, model_) : core::Status(mapping.error());
        if (!applied) core::logError("scene", applied.error().describe());
    }
    for (const fs::path& info : {folder / (stem + ".structures.toml"), folder / "structures.toml"}) {
        if (!fs::exists(info, ec)) continue;
        auto catalogue = content::loadStructureInfo(info.string());
        if (catalogue)
            catalogue_ = std::move(*catalogue);
        else
            core::logError("scene", catalogue.error().describe());
        return;
    }
    core::logInfo("scene", "no structures.toml beside ", model_.sourcePath, ": structures show their names only");
}

const content::StructureInfo* Scene::structureInfo(int structure) const
{
    if (structure < 0 || structure >= int(structures_.size())) return nullptr;
    return catalogue_.find(structures_[std::size_t(structure)].name);
}

int Scene::findStructure(std::string_view nodeName) const
{
    for (std::size_t i = 0; i < structures_.size(); ++i)
        if (structures_[i].nodeName == nodeName) return int(i);
    return -1;
}

void Scene::updateWorldMatrices()
{
    computeNodeWorld(skeleton_, nodeWorld_);
}

void Scene::computeNodeWorld(const anatomy::SkeletonPose& skeleton, std::vector<glm::mat4>& out) const
{
    out.resize(model_.nodes.size());
    for (std::size_t n = 0; n < model_.nodes.size(); ++n) {
        const assets::Node& node = model_.nodes[n];
        if (nodeSegment_[n] >= 0) {
            out[n] = glm::mat4(skeleton.world[std::size_t(nodeSegment_[n])]);
            continue;
        }
        const glm::mat4 local = node.localMatrix();
        out[n] = node.parent >= 0 ? out[std::size_t(node.parent)] * local : local;
    }
}

void Scene::setPartner(PartnerPlacement placement, const anatomy::Pose& pose)
{
    if (!partner_) partner_.emplace();
    partner_->placement = std::move(placement);
    partner_->pose = pose;
    partner_->skeleton = anatomy::computeSkeleton(pose);
    computeNodeWorld(partner_->skeleton, partner_->nodeWorld);
}

std::vector<glm::mat4> Scene::partnerSkinMatrices(int skin) const
{
    const assets::Skin& source = model_.skins[std::size_t(skin)];
    std::vector<glm::mat4> matrices(source.joints.size());
    if (!partner_) return matrices;
    for (std::size_t j = 0; j < source.joints.size(); ++j)
        matrices[j] = partner_->nodeWorld[std::size_t(source.joints[j])] * source.inverseBindMatrices[j];
    return matrices;
}

std::vector<bool> Scene::structuresNamed(const std::vector<std::string>& names) const
{
    std::vector<bool> named(structures_.size(), false);
    for (std::size_t i = 0; i < structures_.size(); ++i) {
        const content::StructureName& name = structures_[i].name;
        for (const std::string& wanted : names)
            if (wanted == name.structure || wanted == name.instanceKey()) named[i] = true;
    }
    return named;
}

void Scene::setHighlights(const std::vector<std::string>& names)
{
    highlighted_ = structuresNamed(names);
}

void Scene::setFocus(const std::vector<std::string>& names)
{
    focused_ = structuresNamed(names);
}

bool Scene::hasBody() const
{
    return std::any_of(nodeSegment_.begin(), nodeSegment_.end(), [](int segment) { return segment >= 0; });
}

void Scene::setHighlightedStructure(int structure)
{
    highlighted_.assign(structures_.size(), false);
    if (structure >= 0 && std::size_t(structure) < structures_.size()) highlighted_[std::size_t(structure)] = true;
}

void Scene::setPose(const anatomy::Pose& pose)
{
    pose_ = pose;
    skeleton_ = anatomy::computeSkeleton(pose_);
    updateWorldMatrices();
}

void Scene::stepMuscles(double dtS, const anatomy::Pose& pose, const MuscleDrive& drive)
{
    if (!body_) {
        setPose(pose);
        return;
    }
    setPose(body_->step(dtS, pose, drive));
}

void Scene::relaxMuscles(const anatomy::Pose& pose)
{
    if (body_) body_->reset(pose);
    setPose(pose);
}

void Scene::updateMuscleMeshes()
{
    if (body_) body_->deform(deformedPositions_, deformedNormals_);
}

std::vector<glm::mat4> Scene::skinMatrices(int skin) const
{
    const assets::Skin& source = model_.skins[std::size_t(skin)];
    std::vector<glm::mat4> matrices(source.joints.size());
    for (std::size_t j = 0; j < source.joints.size(); ++j)
        matrices[j] = nodeWorld_[std::size_t(source.joints[j])] * source.inverseBindMatrices[j];
    return matrices;
}

std::span<const glm::vec3> Scene::deformedPositions(int mesh) const
{
    return deformedPositions_[std::size_t(mesh)];
}

std::span<const glm::vec3> Scene::deformedNormals(int mesh) const
{
    return deformedNormals_[std::size_t(mesh)];
}

bool Scene::instanceVisible(const MeshInstance& instance) const
{
    const content::LayerSettings& settings = layer(instance.layer);
    return settings.visible && settings.opacity > 0.0f && !structureHidden(instance.structure);
}

void Scene::setStructureHidden(int structure, bool hidden)
{
    if (structure < 0 || std::size_t(structure) >= structures_.size()) return;
    hidden_.resize(structures_.size(), false);
    hidden_[std::size_t(structure)] = hidden;
}

void Scene::isolateStructure(int structure)
{
    if (structure < 0 || std::size_t(structure) >= structures_.size()) return;
    hidden_.assign(structures_.size(), true);
    hidden_[std::size_t(structure)] = false;
}

void Scene::showAllStructures()
{
    hidden_.assign(structures_.size(), false);
}

bool Scene::anyStructureHidden() const
{
    return std::find(hidden_.begin(), hidden_.end(), true) != hidden_.end();
}

core::Bounds Scene::structureBounds(int structure) const
{
    core::Bounds bounds;
    if (structure < 0 || std::size_t(structure) >= structures_.size()) return bounds;
    for (int index : structures_[std::size_t(structure)].instances) {
        const MeshInstance& instance = instances_[std::size_t(index)];
        bounds.add(instanceBounds(instance));
    }
    return bounds;
}

core::Bounds Scene::instanceBounds(const MeshInstance& instance) const
{
    const assets::MeshData& mesh = model_.meshes[std::size_t(instance.mesh)];
    // Skinned and deformed meshes move away from their stored bounds: measured where they are.
    if (!mesh.skinned() && deformedPositions(instance.mesh).empty())
        return mesh.bounds.transformed(nodeWorld_[std::size_t(instance.node)]);
    core::Bounds bounds;
    for (const glm::vec3& p : posedPositions(instance)) bounds.add(p);
    return bounds;
}

std::vector<glm::vec3> Scene::posedPositions(const MeshInstance& instance) const
{
    const assets::MeshData& mesh = model_.meshes[std::size_t(instance.mesh)];
    std::span<const glm::vec3> source = deformedPositions(instance.mesh);
    if (source.empty()) source = mesh.positions;
    std::vector<glm::vec3> out(source.size());
    if (mesh.skinned() && mesh.skin >= 0) {
        const std::vector<glm::mat4> joints = skinMatrices(mesh.skin);
        for (std::size_t v = 0; v < source.size(); ++v) {
            glm::mat4 skinning(0.0f);
            for (int k = 0; k < 4; ++k) skinning += joints[mesh.joints[v][k]] * mesh.weights[v][k];
            out[v] = glm::vec3(skinning * glm::vec4(source[v], 1.0f));
        }
        return out;
    }
    const glm::mat4& world = nodeWorld_[std::size_t(instance.node)];
    for (std::size_t v = 0; v < source.size(); ++v) out[v] = glm::vec3(world * glm::vec4(source[v], 1.0f));
    return out;
}

core::Bounds Scene::visibleBounds() const
{
    core::Bounds bounds;
    for (const MeshInstance& instance : instances_) {
        if (!instanceVisible(instance)) continue;
        bounds.add(instanceBounds(instance));
    }
    return bounds;
}

std::optional<PickHit> Scene::pick(const core::Ray& ray) const
{
    // See-through layers (the translucent skin, x-rayed muscles) let clicks pass to what is
    // inside them; they are picked only when nothing solid is under the pointer.
    if (auto solid = pick(ray, false)) return solid;
    return pick(ray, true);
}

std::optional<PickHit> Scene::pick(const core::Ray& ray, bool seeThrough) const
{
    std::optional<PickHit> best;
    for (const MeshInstance& instance : instances_) {
        if (!instanceVisible(instance)) continue;
        if ((layer(instance.layer).opacity < 0.5f) != seeThrough) continue;
        const assets::MeshData& mesh = model_.meshes[std::size_t(instance.mesh)];
        const bool moving = mesh.skinned() || !deformedPositions(instance.mesh).empty();
        if (!moving) {
            auto boxHit = core::intersectRayBounds(ray, mesh.bounds.transformed(nodeWorld_[std::size_t(instance.node)]));
            if (!boxHit || (best && *boxHit > best->distanceM)) continue;
        }
        const std::vector<glm::vec3> positions = posedPositions(instance);
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
            auto distance = core::intersectRayTriangle(ray, positions[mesh.indices[t]], positions[mesh.indices[t + 1]],
                                                       positions[mesh.indices[t + 2]]);
            if (distance && (!best || *distance < best->distanceM))
                best = PickHit{instance.structure, *distance, ray.origin + ray.direction * *distance};
        }
    }
    return best;
}

void Scene::step(double dtSeconds)
{
    timeSeconds_ += dtSeconds;
}

} // namespace scene
