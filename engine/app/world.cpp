#include "app/world.h"

#include "anim/floor_contact.h"
#include "assets/model_import.h"
#include "core/log.h"
#include "content/structures.h"

#include <filesystem>

namespace app {

core::Expected<SceneFiles> readSceneFiles(const Options& options, const DataPaths& paths)
{
    // Without the data folder nothing below can load; say where it was looked for instead of
    // naming the first missing file.
    if (!paths.missing.empty()) return core::makeError(paths.missing);
    const std::string scenePath =
        options.scenePath.empty() ? (paths.scenes() / "default.toml").string() : options.scenePath;
    auto desc = content::loadSceneFile(scenePath);
    if (!desc) return desc.error();
    const std::filesystem::path modelPath =
        options.modelPath.empty() ? paths.resolveAsset(desc->model, std::filesystem::path(scenePath).parent_path())
                                  : std::filesystem::path(options.modelPath);
    core::Stopwatch importTime;
    auto model = assets::importModel(modelPath);
    if (!model) return model.error();
    core::logDebug("app", "model import took ", importTime.elapsedMs(), " ms");
    return SceneFiles{std::move(*desc), std::move(*model)};
}

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
}

std::vector<std::string> World::structureIds() const
{
    std::vector<std::string> ids;
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
    if (options.view.empty())
        camera.setPreset(desc.view, false);
    else
        applyViewOption(options);
}

void World::applyViewOption(const Options& options)
{
    if (options.view.empty()) return;
    camera.setPreset(content::presetFromName(options.view).value_or(desc.view), false);
}

} // namespace app
