#include "app/world.h"

#include "anatomy/muscle_geometry.h"
#include "anim/floor_contact.h"
#include "assets/model_import.h"
#include "assets/model_pack.h"
#include "assets/model_placement.h"
#include "core/log.h"
#include "content/structures.h"

#include <glm/glm.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

namespace app {

namespace {

std::string scenePathOf(const Options& options, const DataPaths& paths)
{
    return options.scenePath.empty() ? (paths.scenes() / "default.toml").string() : options.scenePath;
}

std::filesystem::path modelPathOf(const Options& options, const DataPaths& paths, const content::SceneDesc& desc)
{
    return options.modelPath.empty()
               ? paths.resolveAsset(desc.model, std::filesystem::path(scenePathOf(options, paths)).parent_path())
               : std::filesystem::path(options.modelPath);
}

// The pack that may stand in for the model: only the built-in model's (a model given with
// --model always goes through the import), and only one that exists.
std::optional<std::filesystem::path> packFor(const Options& options, const std::filesystem::path& modelPath)
{
    if (!options.modelPath.empty() || modelPath.filename() != HT_GENERATED_MODEL_NAME) return std::nullopt;
    if (const char* skip = std::getenv(kSkipModelPackVariable); skip && *skip) return std::nullopt;
    std::filesystem::path packPath = assets::modelPackPathFor(modelPath);
    std::error_code missing;
    if (!std::filesystem::exists(packPath, missing)) return std::nullopt;
    return packPath;
}

} // namespace

bool sceneModelFromPack(const Options& options, const DataPaths& paths)
{
    if (!paths.missing.empty()) return false;
    auto desc = content::loadSceneFile(scenePathOf(options, paths));
    if (!desc) return false;
    const std::filesystem::path modelPath = modelPathOf(options, paths, *desc);
    const std::optional<std::filesystem::path> packPath = packFor(options, modelPath);
    if (!packPath) return false;
    std::error_code unreadable;
    const std::uintmax_t modelBytes = std::filesystem::file_size(modelPath, unreadable);
    return !unreadable && assets::checkModelPackHeader(*packPath, modelBytes);
}

core::Expected<SceneFiles> readSceneFiles(const Options& options, const DataPaths& paths, ModelSource source, std::string* packRefusal)
{
    // Without the data folder nothing below can load; say where it was looked for instead of
    // naming the first missing file.
    if (!paths.missing.empty()) return core::makeError(paths.missing);
    auto desc = content::loadSceneFile(scenePathOf(options, paths));
    if (!desc) return desc.error();
    const std::filesystem::path modelPath = modelPathOf(options, paths, *desc);
    core::Stopwatch importTime;
    std::optional<assets::DetailLevels> levels;
    core::Expected<assets::ModelData> model = core::makeError("not read");
    // The built-in model loads from its pack when one made from this very file lies beside
    // it; anything else, or a pack that fails its checks, goes through the import.
    if (const std::optional<std::filesystem::path> packPath = packFor(options, modelPath)) {
        auto packSource = assets::packSourceOfFile(modelPath);
        auto pack = packSource ? assets::readModelPack(*packPath, &*packSource) : core::Expected<assets::ModelPack>(packSource.error());
        if (pack) {
            model = std::move(pack->model);
            levels = std::move(pack->levels);
            core::logDebug("app", "model read from its pack ", packPath->string());
        } else if (source == ModelSource::PackOnly) {
            if (packRefusal && packSource) *packRefusal = pack.error().describe();
            return core::makeError(pack.error().describe() + "; remove it, and the next start imports " + modelPath.string());
        } else {
            core::logWarning("assets", pack.error().describe(), "; importing ", modelPath.string(), " instead");
        }
    }
    if (!model && source == ModelSource::PackOnly)
        return core::makeFileError(modelPath.string(), "has no model pack beside it to read without the import");
    if (!model) model = assets::importModel(modelPath);
    if (!model) return model.error();
    core::logDebug("app", "model import took ", importTime.elapsedMs(), " ms");
    if (!model->nodes.empty())
        if (const auto skipped = model->nodes.front().metadata.find(std::string(assets::kSkippedMeshesKey));
            skipped != model->nodes.front().metadata.end())
            core::logWarning("assets", modelPath.string(), ": left out meshes with nothing to draw (lines, points, or triangles without area): ",
                             skipped->second);
    if (!options.modelPath.empty()) {
        // Models from elsewhere are often open surfaces or wound either way round: both sides
        // of every surface are drawn, so none vanishes seen from behind.
        for (assets::Material& material : model->materials) material.doubleSided = true;
        // A model from elsewhere: into metres, +Y up and onto the floor, saying how.
        assets::PlacementRequest request{assets::lengthUnitFromName(options.modelUnit), assets::upAxisFromName(options.modelUp)};
        const assets::Placement placed = assets::placeModel(*model, modelPath.string(), request);
        const glm::vec3 size = placed.bounds.empty() ? glm::vec3(0.0f) : placed.bounds.max - placed.bounds.min;
        core::logInfo("assets", modelPath.string(), ": units ", placed.unitReason, "; up axis ", placed.upReason, "; placed ",
                      size.x, " x ", size.y, " x ", size.z, " m on the floor");
        const float longest = std::max({size.x, size.y, size.z});
        if (placed.unitReason.rfind("stated", 0) == 0 && (longest > 10.0f || longest < 0.01f))
            core::logWarning("assets", modelPath.string(), ": in the units it states the model is ", longest,
                             " m across, which is no body's size; if its units are others, open it with --model-unit mm, cm or m");
        // The scene file's opening view and title were written for its own model.
        desc->focus.reset();
        desc->distanceM.reset();
        desc->title = modelPath.filename().string();
    }
    return SceneFiles{std::move(*desc), std::move(*model), !options.modelPath.empty(), std::move(levels)};
}

namespace {

// Where the model's surface is: every vertex of its rigid meshes, and the corners of the
// scene's bounds when joints place some of it.
std::vector<glm::vec3> surfacePoints(const scene::Scene& scene)
{
    const assets::ModelData& model = scene.model();
    const std::vector<glm::mat4> world = model.restWorldMatrices();
    std::vector<glm::vec3> points;
    bool skinned = false;
    for (std::size_t n = 0; n < model.nodes.size(); ++n)
        for (int index : model.nodes[n].meshes) {
            const assets::MeshData& mesh = model.meshes[std::size_t(index)];
            skinned = skinned || mesh.skinned();
            if (!mesh.skinned())
                for (const glm::vec3& position : mesh.positions) points.push_back(glm::vec3(world[n] * glm::vec4(position, 1.0f)));
        }
    const core::Bounds bounds = scene.visibleBounds();
    if ((skinned || points.empty()) && !bounds.empty())
        for (int corner = 0; corner < 8; ++corner)
            points.push_back({corner & 1 ? bounds.max.x : bounds.min.x, corner & 2 ? bounds.max.y : bounds.min.y,
                              corner & 4 ? bounds.max.z : bounds.min.z});
    return points;
}

// The direction the model shows most of its surface from: the area of its triangles projected
// onto each axis, blended with an even three-quarter view so that a flat model is seen nearly
// face-on but still in depth. Skinned meshes, whose placement their joints carry, are left out.
glm::vec3 mostSurfaceDirection(const assets::ModelData& model)
{
    const std::vector<glm::mat4> world = model.restWorldMatrices();
    glm::dvec3 area(0.0);
    for (std::size_t n = 0; n < model.nodes.size(); ++n)
        for (int index : model.nodes[n].meshes) {
            const assets::MeshData& mesh = model.meshes[std::size_t(index)];
            if (mesh.skinned()) continue;
            const glm::mat3 turn(world[n]);
            for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
                const glm::vec3 a = mesh.positions[mesh.indices[i]], b = mesh.positions[mesh.indices[i + 1]],
                                c = mesh.positions[mesh.indices[i + 2]];
                area += glm::abs(glm::dvec3(turn * glm::cross(b - a, c - a)));
            }
        }
    const glm::vec3 even = glm::normalize(glm::vec3(1.0f, 1.0f, 1.0f));
    if (!(area.x + area.y + area.z > 0.0)) return even;
    return glm::normalize(glm::vec3(glm::normalize(area)) * 0.7f + even * 0.3f);
}

} // namespace

void World::build(SceneFiles files)
{
    desc = std::move(files.desc);
    scene = scene::Scene(std::move(files.model));
    scene.layers() = desc.layers;
    manualPose = anim::placeOnFloor(anatomy::Pose::neutral(),
                                    anim::ContactList{{anatomy::Landmark::HeelR, 0.0}, {anatomy::Landmark::HeelL, 0.0}});
    scene.setPose(manualPose);
    structureNames.clear();
    for (const scene::Structure& structure : scene.structures()) structureNames.push_back(content::readableName(structure.name));
    foreignModel = files.foreignModel;
    hasHamstrings = false;
    for (const scene::Structure& structure : scene.structures())
        for (anatomy::Muscle muscle : anatomy::kHamstrings)
            if (structure.name.structure == anatomy::muscleDef(muscle).name) hasHamstrings = true;
    if (!hasHamstrings)
        core::logInfo("app", scene.model().sourcePath, " names none of the hamstrings as docs/model-convention.md describes ",
                      "(or its .names.toml maps them): lessons play without their highlights and muscle numbers");
}

std::vector<std::string> World::structureIds() const
{
    std::vector<std::string> ids;
    if (!hasHamstrings) return ids;
    for (const scene::Structure& structure : scene.structures()) ids.push_back(structure.name.structure);
    return ids;
}

void World::frameOpeningView(const Options& options)
{
    camera.frame(scene.visibleBounds(), false);
    if (desc.focus || desc.distanceM) {
        scene::CameraPose pose = camera.pose();
        if (desc.focus) pose.focus = *desc.focus;
        if (desc.distanceM) pose.distanceM = *desc.distanceM;
        camera.setPresetBase(pose);
    }
    if (!options.view.empty()) {
        applyViewOption(options);
    } else if (foreignModel) {
        const glm::vec3 direction = mostSurfaceDirection(scene.model());
        const scene::ViewAngles angles{glm::degrees(std::atan2(direction.z, direction.x)),
                                       glm::degrees(std::asin(std::clamp(direction.y, -1.0f, 1.0f)))};
        // Fitted by its own vertices into the part of the window the panels leave free.
        camera.setPresetBase(camera.fitPoints(surfacePoints(scene), angles, 0.85f));
    } else {
        camera.setPreset(desc.view, false);
    }
}

void World::applyViewOption(const Options& options)
{
    if (options.view.empty()) return;
    camera.setPreset(content::presetFromName(options.view).value_or(desc.view), false);
}

} // namespace app
