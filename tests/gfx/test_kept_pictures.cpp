// The renderer shows the scene's last picture again while nothing it draws from has changed
// (render::Renderer::render): on the built-in model, every frame of a run that keeps pictures
// must look exactly as the same frame of a renderer that draws every frame, and each kind of
// change (the camera, the pose, the muscles' shapes and states, what is picked out or hidden,
// props, the close-up's box, the quality) must be drawn, not kept.
#include "assets/model_import.h"
#include "gfx/render_target.h"
#include "gl_fixture.h"
#include "golden.h"
#include "render/renderer.h"
#include "scene/camera.h"
#include "scene/scene.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using testing_support::GLFixture;

namespace {

const std::filesystem::path kModelPath = std::filesystem::path(HT_BINARY_DIR) / "assets" / "hamstring_trainer.glb";
constexpr glm::ivec2 kWindow{320, 240};  // the fixture's window

GLFixture& fixture()
{
    static GLFixture instance(kWindow);
    return instance;
}

// What one frame put on the window, what readScene gives back, and whether it was kept.
struct Frame {
    core::Image window;
    core::Image scene;
    bool kept = false;
};

// The state a frame is drawn from, as the app hands it over each frame.
struct Inputs {
    scene::OrbitCamera camera;
    std::vector<render::StructureTint> tints;
    std::optional<render::InsetView> inset;
    glm::ivec4 shownPixels{0};
};

Frame drawFrame(render::Renderer& renderer, const scene::Scene& scene, const Inputs& inputs, bool settle)
{
    renderer.updateDeformedMeshes(scene);
    // A change's frame shows its fades at their end, so that both renderers show the same fades
    // whatever time passes between their frames (easing follows the clock).
    if (settle) renderer.settleFades();
    render::FrameView view = render::frameViewFrom(inputs.camera, kWindow);
    view.shownPixels = inputs.shownPixels;
    REQUIRE(renderer.render(scene, view, inputs.tints, inputs.inset ? &*inputs.inset : nullptr).ok());
    Frame frame;
    frame.kept = renderer.keptPicture();
    renderer.present(kWindow);
    frame.window = gfx::readPixels(nullptr, kWindow);
    frame.scene = renderer.readScene();
    return frame;
}

int structureNamed(const scene::Scene& scene, const std::string& prefix)
{
    for (std::size_t i = 0; i < scene.structures().size(); ++i)
        if (scene.structures()[i].nodeName.rfind(prefix, 0) == 0) return int(i);
    return -1;
}

render::Renderer makeRenderer(const scene::Scene& scene, render::Quality quality, bool pipelined, bool keeps)
{
    auto renderer = render::Renderer::create(std::filesystem::path(HT_SOURCE_DIR) / "shaders",
                                             {quality, fixture().info.maxSamples, pipelined});
    REQUIRE(renderer.ok());
    REQUIRE(renderer->upload(scene).ok());
    renderer->setKeepsPictures(keeps);
    return std::move(*renderer);
}

} // namespace

TEST_CASE("a still scene shows its last picture again; each kind of change is drawn, and every frame looks as one drawn afresh")
{
    fixture();
    auto model = assets::importModel(kModelPath);
    REQUIRE(model.ok());
    scene::Scene scene(std::move(*model));
    const auto layers = scene.layers();
    const int semitendinosus = structureNamed(scene, "muscle.semitendinosus");
    const int femur = structureNamed(scene, "bone.femur");
    REQUIRE(semitendinosus >= 0);
    REQUIRE(femur >= 0);

    // Low with its pipelined pictures (the window shows the frame before), high with 4x
    // multisampling resolved into one target.
    struct Setup {
        render::Quality quality;
        bool pipelined;
    };
    for (const Setup setup : {Setup{render::Quality::Low, true}, Setup{render::Quality::High, false}}) {
        CAPTURE(render::qualityName(setup.quality));
        render::Renderer keeping = makeRenderer(scene, setup.quality, setup.pipelined, true);
        render::Renderer drawing = makeRenderer(scene, setup.quality, setup.pipelined, false);
        // Every run starts from the model as loaded.
        anatomy::Pose pose = anatomy::Pose::modelRest();
        scene.setPose(pose);
        scene.relaxMuscles(pose);
        scene.updateMuscleMeshes();
        scene.layers() = layers;
        scene.props.clear();
        scene.selectedStructure = scene.hoveredStructure = -1;
        scene.setHighlightedStructure(-1);
        scene.showAllStructures();
        Inputs inputs;
        inputs.camera.frame(scene.visibleBounds(), false);
        inputs.camera.setPreset(content::ViewPreset::Posterior, false);

        int keptFrames = 0;
        // Both renderers draw the frame; their windows and scenes must match to the bit, unless
        // fades may be easing (by each renderer's own clock) in what the window shows.
        auto both = [&](bool settle, bool compare = true) {
            const Frame kept = drawFrame(keeping, scene, inputs, settle);
            const Frame drawn = drawFrame(drawing, scene, inputs, settle);
            CHECK_FALSE(drawn.kept);
            if (compare) {
                CHECK(testing_support::compareImages(kept.window, drawn.window).maxChannelDifference == 0);
                CHECK(testing_support::compareImages(kept.scene, drawn.scene).maxChannelDifference == 0);
            }
            keptFrames += kept.kept ? 1 : 0;
            return kept;
        };
        // A change: its frame is drawn, and so is the next, which settles the fades it started;
        // the two after that, with nothing changed, show that picture again, which differs from
        // the one before the change. The changes that start no fades come first, so that each
        // is seen for itself (a structure in focus makes what lies in front of it fade, and a
        // fade changes the frame whatever else does).
        struct Change {
            const char* what;
            std::function<void()> apply;
        };
        const std::vector<Change> changes{
            {"the camera turns", [&] { inputs.camera.setPreset(content::ViewPreset::Lateral, false); }},
            {"the hip bends", [&] {
                 pose[anatomy::Pose::hipFlexion(anatomy::Side::Right)] = 40.0;
                 scene.setPose(pose);
             }},
            {"the hamstrings contract and change shape", [&] {
                 scene::MuscleDrive drive;
                 drive.mode = content::MuscleMode::Contraction;
                 drive.excitation = 1.0;
                 for (int i = 0; i < 30; ++i) scene.stepMuscles(1.0 / 120.0, pose, drive);
                 scene.updateMuscleMeshes();
             }},
            {"the pointer rests on the femur", [&] { scene.hoveredStructure = femur; }},
            {"the skin is turned down", [&] { scene.layers()[std::size_t(content::LayerId::Skin)].opacity = 0.6f; }},
            {"the femur is hidden", [&] { scene.setStructureHidden(femur, true); }},
            {"the bones are switched off", [&] { scene.layers()[std::size_t(content::LayerId::Bone)].visible = false; }},
            {"a prop is placed", [&] {
                 scene::PropInstance prop;
                 prop.transform = glm::scale(glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.3f, 0.0f)), glm::vec3(0.4f));
                 scene.props.push_back(prop);
             }},
            {"the prop turns red", [&] { scene.props.back().colour = glm::vec3(0.8f, 0.1f, 0.1f); }},
            {"the prop becomes a cylinder", [&] { scene.props.back().shape = content::Prop::Shape::Cylinder; }},
            {"a panel covers the right of the window", [&] { inputs.shownPixels = {0, 0, 200, kWindow.y}; }},
            {"the close-up's box opens", [&] {
                 render::InsetView inset;
                 inset.frame = render::frameViewFrom(inputs.camera, {96, 72});
                 inset.topLeftPixels = {10, 10};  // in the part no panel covers
                 inset.wholePose = true;
                 inputs.inset = inset;
             }},
            {"the close-up's box moves down", [&] { inputs.inset->topLeftPixels = {10, 40}; }},
            {"the close-up's box looks from behind", [&] {
                 scene::OrbitCamera behind = inputs.camera;
                 behind.setPreset(content::ViewPreset::Posterior, false);
                 inputs.inset->frame = render::frameViewFrom(behind, {96, 72});
             }},
            {"a head is selected", [&] { scene.selectedStructure = semitendinosus; }},
            {"a head shows its contraction", [&] { inputs.tints = {{semitendinosus, -1.0f, 0.9f, 0.0f, 0.0f}}; }},
            {"the contraction eases", [&] { inputs.tints = {{semitendinosus, -1.0f, 0.5f, 0.0f, 0.0f}}; }},
            {"the head is stretched instead", [&] { inputs.tints = {{semitendinosus, -1.0f, 0.0f, 0.0f, 0.5f}}; }},
            {"the stretch deepens", [&] { inputs.tints = {{semitendinosus, -1.0f, 0.0f, 0.0f, 0.9f}}; }},
            {"the heads are coloured by a measure instead", [&] { inputs.tints = {{semitendinosus, 0.7f, 0.0f, 0.0f, 0.0f}}; }},
            {"the lesson points another head out", [&] { scene.setHighlightedStructure(structureNamed(scene, "muscle.biceps_femoris_long")); }},
        };
        Frame last = both(true);
        CHECK_FALSE(last.kept);  // the first frame has nothing to show again
        for (const Change& change : changes) {
            const std::string what = change.what;
            CAPTURE(what);
            change.apply();
            CHECK_FALSE(both(false, false).kept);
            CHECK_FALSE(both(true, false).kept);
            const Frame shown = both(false);
            CHECK(shown.kept);
            CHECK(testing_support::compareImages(shown.scene, last.scene).maxChannelDifference > 0);
            last = both(false);
            CHECK(last.kept);
        }

        // Time alone changes nothing while no head cramps.
        scene.step(0.1);
        CHECK(both(false).kept);
        // A cramp's throb and ripple move with the scene's time: while it runs every frame is
        // drawn; once time stands still the picture is kept again.
        inputs.tints = {{semitendinosus, -1.0f, 0.0f, 0.9f, 0.0f}};
        both(true);
        for (int i = 0; i < 4; ++i) {
            scene.step(0.1);
            CHECK_FALSE(both(false).kept);
        }
        // Pipelined, a moving close-up's box is drawn every other frame, and shows its picture
        // from the frame before in between: the last moving frame was such a frame, so the first
        // still one is drawn whole before it is kept.
        CHECK(both(false).kept == !setup.pipelined);
        CHECK(both(false).kept);

        // Another level draws: its targets are made anew.
        const render::Quality other = setup.quality == render::Quality::Low ? render::Quality::Lowest : render::Quality::Medium;
        keeping.setQuality(other);
        drawing.setQuality(other);
        CHECK_FALSE(both(false, false).kept);
        CHECK(both(false).kept);

        // Drawing every frame is what a renderer told to does.
        keeping.setKeepsPictures(false);
        CHECK_FALSE(both(false).kept);
        CHECK(keptFrames == 2 * int(changes.size()) + (setup.pipelined ? 3 : 4));
    }
    CHECK(fixture().newProblems() == 0);
}

TEST_CASE("held fades stay where the last frame left them, whatever the scene now asks, and ease on the next frame")
{
    fixture();
    auto model = assets::importModel(kModelPath);
    REQUIRE(model.ok());
    scene::Scene scene(std::move(*model));
    const int semitendinosus = structureNamed(scene, "muscle.semitendinosus");
    REQUIRE(semitendinosus >= 0);
    render::Renderer renderer = makeRenderer(scene, render::Quality::Low, true, false);
    Inputs inputs;
    inputs.camera.frame(scene.visibleBounds(), false);
    inputs.camera.setPreset(content::ViewPreset::Posterior, false);
    // A highlighted head: what lies in front of it fades (seen from behind, the skin at least).
    scene.setHighlightedStructure(semitendinosus);
    drawFrame(renderer, scene, inputs, true);
    const std::vector<float> faded = renderer.fades().main;
    const auto fadedCount = std::count_if(faded.begin(), faded.end(), [](float fade) { return fade < 0.99f; });
    CAPTURE(fadedCount);
    REQUIRE(fadedCount > 0);
    // The highlight gone, every fade's target is 1; a held frame a while later leaves them all.
    scene.setHighlightedStructure(-1);
    std::this_thread::sleep_for(std::chrono::milliseconds(60));
    renderer.holdFades();
    drawFrame(renderer, scene, inputs, false);
    CHECK(renderer.fades().main == faded);
    // The next frame eases them toward 1, part of the way: one frame's easing moves a fade at
    // most 56 % of the way (0.1 s of its 0.12 s time constant), whatever time has passed.
    drawFrame(renderer, scene, inputs, false);
    const std::vector<float> eased = renderer.fades().main;
    REQUIRE(eased.size() == faded.size());
    int rose = 0;
    for (std::size_t i = 0; i < faded.size(); ++i) {
        CHECK(eased[i] >= faded[i]);
        if (faded[i] > 0.9f) continue;
        rose += eased[i] > faded[i] ? 1 : 0;
        CHECK((eased[i] - faded[i]) / (1.0f - faded[i]) < 0.6f);
    }
    CHECK(rose > 0);
}
