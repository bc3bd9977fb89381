// What the trainer shows and simulates: the scene file, the scene made from its model, the
// camera, the fixed-step clock the muscles run on, and the pose the body keeps while no lesson
// moves it. Loaded before any window opens, so a bad file is reported first.
#pragma once

#include "assets/detail_levels.h"

#include <optional>

#include "app/close_up.h"
#include "app/options.h"
#include "app/paths.h"
#include "assets/model_data.h"
#include "core/clock.h"
#include "core/error.h"
#include "scene/camera.h"
#include "scene/scene.h"
#include "content/scene_file.h"

#include <string>
#include <vector>

namespace app {

// The scene file and its model (or --model), read and imported; errors name the file.
struct SceneFiles {
    content::SceneDesc desc;
    assets::ModelData model;
    bool foreignModel = false;   // --model: placed in metres on the floor, not the scene's own
    // The levels of detail, when the model came packed with them (assets/model_pack.h).
    std::optional<assets::DetailLevels> detailLevels;
};
// The import runs in a child process made with fork(), which must happen before other threads
// start (core/isolate.h): PackOnly, for a caller on another thread, reads the model from its
// pack or fails, naming the pack, and never starts the import. When it is the pack itself
// that fails its checks or does not decode (not the scene file, an unreadable glTF or a
// missing pack), `packRefusal` receives why.
enum class ModelSource { PackOrImport, PackOnly };
core::Expected<SceneFiles> readSceneFiles(const Options& options, const DataPaths& paths,
                                          ModelSource source = ModelSource::PackOrImport, std::string* packRefusal = nullptr);
// Whether the scene's model should come from its pack: the built-in model, with a pack beside
// it whose header (magic, version, the size of the glTF it was made from) fits. Reads the
// scene file and the pack's header only, well under a millisecond on the way to the first
// frame; the hashes of every byte are checked when the pack is read (readSceneFiles), which
// may still refuse it.
bool sceneModelFromPack(const Options& options, const DataPaths& paths);
// The environment variable that makes the app leave model packs alone and import the glTF
// (any value but empty): set by the app itself when it starts again after a pack failed its
// checks (Application::startOverImporting), with the reason in kRefusedModelPackVariable for
// the new process to report.
inline constexpr const char* kSkipModelPackVariable = "HT_SKIP_MODEL_PACK";
inline constexpr const char* kRefusedModelPackVariable = "HT_REFUSED_MODEL_PACK";

struct World {
    content::SceneDesc desc;
    scene::Scene scene;
    scene::OrbitCamera camera;
    CloseUp closeUp;                          // the working hamstrings close up, the whole pose in a corner
    core::FixedStepClock simulationClock{1.0 / 240.0};
    anatomy::Pose manualPose;                 // the body while no lesson runs (the stretch map moves it)
    std::vector<std::string> structureNames;  // display name per structure
    bool foreignModel = false;                // opened with --model
    bool hasHamstrings = true;                // names at least one hamstring by the convention

    // Builds the scene from the files, standing on the floor with the scene's layers.
    void build(SceneFiles files);
    // Structure ids as lessons name them ("semitendinosus"), one per structure; empty (lessons
    // are not checked against them) for a model without hamstrings, whose lessons then play
    // without highlights instead of each reporting the same missing names.
    std::vector<std::string> structureIds() const;
    // The opening view: the visible body framed, then the scene's focus, distance and preset
    // view, or --view. A model from elsewhere is seen from the side that shows most of its
    // surface, a little turned, so that flat models show as well as solid ones.
    void frameOpeningView(const Options& options);
    // --view, when given, at once (it wins over a lesson step's view).
    void applyViewOption(const Options& options);
};

} // namespace app
