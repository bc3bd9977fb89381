// Real OpenGL on Mesa llvmpipe, headless: the renderer string, shader errors as the driver
// reports them, hot reload, and golden images of known scenes.
#include "assets/model_import.h"
#include "core/file.h"
#include "core/log.h"
#include "gfx/imgui_renderer.h"
#include "gfx/render_state.h"
#include "gfx/shader_library.h"
#include "gl_fixture.h"
#include "golden.h"
#include "render/renderer.h"
#include "scene/camera.h"
#include "scene/scene.h"
#include "temp_dir.h"
#include "test_models.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <optional>
#include <thread>
#include <utility>

using testing_support::GLFixture;
using testing_support::TempDir;

namespace {

// Tests render on llvmpipe unless HT_EXPECT_RENDERER names another (for GPU runs).
std::string expectedRenderer()
{
    const char* expected = std::getenv("HT_EXPECT_RENDERER");
    return expected && *expected ? expected : "llvmpipe";
}

GLFixture& fixture()
{
    static GLFixture instance({320, 240});
    return instance;
}

const std::string kGoodVertex = "#version 330 core\nlayout(location = 0) in vec3 aPosition;\nvoid main() { gl_Position = vec4(aPosition, 1.0); }\n";
const std::string kGoodFragment = "#version 330 core\nout vec4 color;\nvoid main() { color = vec4(1.0); }\n";

} // namespace

TEST_CASE("the context is OpenGL 3.3 core or newer on the expected renderer")
{
    GLFixture& gl = fixture();
    INFO("renderer: " << gl.info.renderer);
    CHECK(gl.info.renderer.find(expectedRenderer()) != std::string::npos);
    CHECK(gl.info.major * 10 + gl.info.minor >= 33);
}

TEST_CASE("a shader with a syntax error is reported with its file and line")
{
    fixture();
    TempDir dir;
    testing_support::writeText(dir / "bad.vert", kGoodVertex);
    testing_support::writeText(dir / "bad.frag",
                               "#version 330 core\nout vec4 color;\nvoid main()\n{\n    color = vec4(1.0) +;\n}\n");
    auto vertex = gfx::loadShaderSource(dir / "bad.vert");
    auto fragment = gfx::loadShaderSource(dir / "bad.frag");
    REQUIRE(vertex.ok());
    REQUIRE(fragment.ok());
    auto program = gfx::ShaderProgram::build(*vertex, *fragment, "bad");
    REQUIRE_FALSE(program.ok());
    CHECK(program.error().file == (dir / "bad.frag").string());
    CHECK(program.error().line == 5);
}

TEST_CASE("an error inside an included file points at the included file")
{
    fixture();
    TempDir dir;
    testing_support::writeText(dir / "lib.glsl", "vec4 shade()\n{\n    return undefinedThing;\n}\n");
    testing_support::writeText(dir / "main.frag",
                               "#version 330 core\n#include \"lib.glsl\"\nout vec4 color;\nvoid main() { color = shade(); }\n");
    testing_support::writeText(dir / "main.vert", kGoodVertex);
    auto program = gfx::ShaderProgram::build(*gfx::loadShaderSource(dir / "main.vert"),
                                             *gfx::loadShaderSource(dir / "main.frag"), "included");
    REQUIRE_FALSE(program.ok());
    INFO(program.error().describe());
    CHECK(program.error().file == (dir / "lib.glsl").string());
    CHECK(program.error().line == 3);
}

TEST_CASE("a program that does not link names the program")
{
    fixture();
    TempDir dir;
    testing_support::writeText(dir / "a.vert", kGoodVertex);
    // A function declared but never defined is only found missing when the stages link.
    testing_support::writeText(dir / "a.frag",
                               "#version 330 core\nvec4 shade();\nout vec4 color;\nvoid main() { color = shade(); }\n");
    auto program = gfx::ShaderProgram::build(*gfx::loadShaderSource(dir / "a.vert"),
                                             *gfx::loadShaderSource(dir / "a.frag"), "mismatch");
    REQUIRE_FALSE(program.ok());
    CHECK(program.error().field == "link");
    CHECK(program.error().message.find("mismatch") != std::string::npos);
}

TEST_CASE("hot reload replaces a program, and keeps the last good one when the new one fails")
{
    fixture();
    TempDir dir;
    testing_support::writeText(dir / "flat.vert", kGoodVertex);
    testing_support::writeText(dir / "flat.frag", kGoodFragment);
    gfx::ShaderLibrary library(dir.path());
    auto index = library.load("flat", "flat.vert", "flat.frag");
    REQUIRE(index.ok());
    CHECK(library.reloadChanged() == 0);

    std::vector<std::string> logged;
    auto previous = core::setLogSink([&](core::LogLevel, std::string_view, std::string_view message) {
        logged.emplace_back(message);
    });
    testing_support::writeText(dir / "flat.frag", "#version 330 core\nout vec4 color;\nvoid main() { color = nope; }\n");
    CHECK(library.reloadChanged() == 0);
    core::setLogSink(previous);
    CHECK(library.program(*index).valid());
    CHECK(library.lastReloadError().find((dir / "flat.frag").string() + ":3") == 0);
    REQUIRE_FALSE(logged.empty());
    CHECK(logged.back().find("keeping the previous 'flat' program") != std::string::npos);

    testing_support::writeText(dir / "flat.frag",
                               "#version 330 core\nout vec4 color;\nvoid main() { color = vec4(0.5); }\n");
    CHECK(library.reloadChanged() == 1);
    CHECK(library.lastReloadError().empty());
}

TEST_CASE("a program left for its first use: missing files are reported at once, a broken shader when it is built")
{
    fixture();
    TempDir dir;
    testing_support::writeText(dir / "flat.vert", kGoodVertex);
    testing_support::writeText(dir / "flat.frag", kGoodFragment);
    testing_support::writeText(dir / "broken.frag", "#version 330 core\nout vec4 color;\nvoid main() { color = nope; }\n");
    gfx::ShaderLibrary library(dir.path());
    using Build = gfx::ShaderLibrary::Build;
    auto missing = library.load("missing", "flat.vert", "nowhere.frag", {}, Build::OnFirstUse);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().file.find("nowhere.frag") != std::string::npos);

    auto good = library.load("flat", "flat.vert", "flat.frag", {}, Build::OnFirstUse);
    auto broken = library.load("broken", "flat.vert", "broken.frag", {}, Build::OnFirstUse);
    REQUIRE(good.ok());
    REQUIRE(broken.ok());
    CHECK(library.programCount() == 0);  // nothing built yet
    CHECK(library.program(*good).valid());
    CHECK(library.programCount() == 1);

    std::vector<std::string> logged;
    auto previous = core::setLogSink([&](core::LogLevel, std::string_view, std::string_view message) {
        logged.emplace_back(message);
    });
    const core::Status built = library.build(*broken);
    core::setLogSink(previous);
    REQUIRE_FALSE(built.ok());
    CHECK(built.error().file == (dir / "broken.frag").string());
    CHECK(built.error().line == 3);
    CHECK(library.lastReloadError().find((dir / "broken.frag").string() + ":3") == 0);
    CHECK_FALSE(logged.empty());
    CHECK_FALSE(library.program(*broken).valid());  // draws nothing, and is not tried again each frame
    CHECK(library.build(*broken).ok());

    // Mended, it is built again by the reload.
    testing_support::writeText(dir / "broken.frag", "#version 330 core\nout vec4 color;\nvoid main() { color = vec4(0.25); }\n");
    CHECK(library.reloadChanged() == 1);
    CHECK(library.program(*broken).valid());
    CHECK(library.lastReloadError().empty());
}

namespace {

// Renders a scene at high quality with the camera framed on what is visible, then placed.
core::Image renderFramed(const scene::Scene& scene, glm::ivec2 size, const std::function<void(scene::OrbitCamera&)>& place)
{
    auto renderer = render::Renderer::create(std::filesystem::path(HT_SOURCE_DIR) / "shaders",
                                             {render::Quality::High, fixture().info.maxSamples});
    REQUIRE_MESSAGE(renderer.ok(), (renderer.ok() ? "" : renderer.error().describe()));
    REQUIRE(renderer->upload(scene).ok());
    scene::OrbitCamera camera;
    camera.frame(scene.visibleBounds(), false);
    place(camera);
    REQUIRE(renderer->render(scene, render::frameViewFrom(camera, size)).ok());
    return renderer->readScene();
}

core::Image renderTestScene(content::ViewPreset preset, float skinOpacity, glm::ivec2 size)
{
    TempDir dir;
    auto model = assets::importModel(testing_support::writeTestScene(dir.path()));
    REQUIRE(model.ok());
    scene::Scene scene(std::move(*model));
    scene.layers()[std::size_t(content::LayerId::Skin)].opacity = skinOpacity;
    return renderFramed(scene, size, [&](scene::OrbitCamera& camera) { camera.setPreset(preset, false); });
}

void checkGolden(const core::Image& image, const std::string& name)
{
    // At most 0.1 % of pixels off by more than 16: the baked occlusion gone from a material
    // scene changes 0.2-0.3 % of them by up to 27, inside the max and mean limits.
    auto result = testing_support::compareWithGolden(image, name, {48, 0.6, 0.001});
    INFO(result.message);
    CHECK(result.passed);
}

} // namespace

TEST_CASE("golden images: opaque structures from two sides")
{
    const int before = fixture().newProblems();
    checkGolden(renderTestScene(content::ViewPreset::Anterior, 0.0f, {320, 240}), "test_scene_anterior_opaque");
    checkGolden(renderTestScene(content::ViewPreset::Lateral, 0.0f, {320, 240}), "test_scene_lateral_opaque");
    CHECK(fixture().newProblems() == before);
}

namespace {

// A material scene close up, a little from the side and above, as a student would look at it.
core::Image renderMaterialModel(assets::ModelData model)
{
    const scene::Scene scene(std::move(model));
    return renderFramed(scene, {240, 160}, [](scene::OrbitCamera& camera) {
        scene::CameraPose pose = camera.targetPose();
        pose.yawDeg = 20.0f;
        pose.pitchDeg = 25.0f;
        pose.distanceM *= 0.75f;
        camera.setPose(pose);
    });
}

core::Image renderMaterial(const std::string& tissue)
{
    return renderMaterialModel(testing_support::makeMaterialScene(tissue));
}

} // namespace

TEST_CASE("golden images: each tissue's material, lying on bone")
{
    const int before = fixture().newProblems();
    for (const char* tissue : {"muscle", "tendon", "bone", "nerve", "skin"}) {
        CAPTURE(tissue);
        checkGolden(renderMaterial(tissue), std::string("material_") + tissue);
    }
    CHECK(fixture().newProblems() == before);
}

TEST_CASE("materials differ as tissues do: fibred muscle, glossy tendon, matte bone, see-through skin")
{
    const core::Image muscle = renderMaterial("muscle");
    const core::Image tendon = renderMaterial("tendon");
    const core::Image skin = renderMaterial("skin");
    // Fibres: across the belly (centre band) the muscle's shade ripples more than the tendon's.
    auto ripple = [](const core::Image& image) {
        double total = 0.0;
        for (int x = 100; x < 140; ++x) {
            const int a = image.pixel(x, 80)[0], b = image.pixel(x + 1, 80)[0];
            total += std::abs(a - b);
        }
        return total / 40.0;
    };
    CHECK(ripple(muscle) > 1.0);
    // Gloss: the tendon's brightest pixel is near white; muscle stays dark red.
    int tendonPeak = 0, musclePeakGreen = 0;
    for (int y = 0; y < 160; ++y)
        for (int x = 0; x < 240; ++x) {
            tendonPeak = std::max(tendonPeak, int(tendon.pixel(x, y)[1]));
            musclePeakGreen = std::max(musclePeakGreen, int(muscle.pixel(x, y)[1]));
        }
    CHECK(tendonPeak > 230);
    CHECK(musclePeakGreen < tendonPeak);
    // Translucency: the muscle under the skin still shows red, lighter than bare muscle.
    const std::uint8_t* bare = muscle.pixel(120, 80);
    const std::uint8_t* covered = skin.pixel(120, 80);
    CHECK(covered[0] > covered[2]);
    CHECK(int(covered[0]) + covered[1] + covered[2] > int(bare[0]) + bare[1] + bare[2]);
}

TEST_CASE("baked ambient occlusion darkens the crease where the muscle meets the bone")
{
    // The same scene with occlusion baked and with it cleared: only the creases change.
    assets::ModelData baked = testing_support::makeMaterialScene("muscle");
    assets::ModelData open = baked;
    for (assets::MeshData& mesh : open.meshes) std::fill(mesh.occlusion.begin(), mesh.occlusion.end(), 1.0f);
    const core::Image withOcclusion = renderMaterialModel(baked);
    const core::Image without = renderMaterialModel(open);
    // Somewhere the bake darkens by a clear step, and nowhere does it brighten.
    int darkened = 0, brightened = 0;
    for (int y = 0; y < 160; ++y)
        for (int x = 0; x < 240; ++x) {
            const int a = withOcclusion.pixel(x, y)[0] + withOcclusion.pixel(x, y)[1] + withOcclusion.pixel(x, y)[2];
            const int b = without.pixel(x, y)[0] + without.pixel(x, y)[1] + without.pixel(x, y)[2];
            darkened += b - a > 24;
            brightened += a - b > 6;
        }
    CHECK(darkened > 100);
    CHECK(brightened == 0);
}

TEST_CASE("golden images: translucent skin over opaque structures")
{
    const int before = fixture().newProblems();
    const core::Image image = renderTestScene(content::ViewPreset::Anterior, 0.35f, {320, 240});
    checkGolden(image, "test_scene_anterior_skin");
    // Not a black or empty frame: the centre shows the skin-tinted block or ball.
    const std::uint8_t* centre = image.pixel(160, 120);
    CHECK(int(centre[0]) + centre[1] + centre[2] > 150);
    CHECK(fixture().newProblems() == before);
}

TEST_CASE("texture formats: a depth texture is made as depth, and a render target refuses it as colour")
{
    const int before = fixture().newProblems();
    gfx::TextureDesc depth;
    depth.size = {8, 8};
    depth.format = gfx::TextureFormat::Depth24Stencil8;
    depth.filter = gfx::TextureFilter::Nearest;
    CHECK(gfx::Texture2D::create(depth).ok());
    gfx::RenderTargetDesc target;
    target.size = {8, 8};
    target.colorFormat = gfx::TextureFormat::Depth24Stencil8;
    target.label = "depth as colour";
    auto made = gfx::RenderTarget::create(target);
    REQUIRE_FALSE(made.ok());
    CHECK(made.error().message.find("'depth as colour'") != std::string::npos);
    CHECK(made.error().message.find("depth format") != std::string::npos);
    for (gfx::TextureFormat colour : {gfx::TextureFormat::RGBA8, gfx::TextureFormat::SRGB8A8, gfx::TextureFormat::RGBA16F}) {
        target.colorFormat = colour;
        target.samples = std::min(4, fixture().info.maxSamples);
        CHECK(gfx::RenderTarget::create(target).ok());
    }
    CHECK(fixture().newProblems() == before);
}

TEST_CASE("two render targets can share one depth buffer: depth cleared through one is read through the other")
{
    const int before = fixture().newProblems();
    gfx::RenderTargetDesc desc;
    desc.size = {16, 8};
    desc.label = "drawn";
    auto first = gfx::RenderTarget::create(desc);
    REQUIRE(first.ok());
    gfx::RenderTargetDesc sharing = desc;
    sharing.label = "shown";
    sharing.sharedDepth = &*first;
    auto second = gfx::RenderTarget::create(sharing);
    REQUIRE(second.ok());
    CHECK(first->depthStencilId() != 0);
    CHECK(second->depthStencilId() == 0);  // it made none of its own
    gfx::beginPass(&*first, desc.size, {std::nullopt, 0.25f, std::nullopt});
    CHECK(gfx::readDepth(&*second, {3, 2}) == doctest::Approx(0.25f).epsilon(1e-4));
    gfx::beginPass(&*second, desc.size, {std::nullopt, 0.75f, std::nullopt});
    CHECK(gfx::readDepth(&*first, {12, 5}) == doctest::Approx(0.75f).epsilon(1e-4));
    // Sharing with a target of another size is refused, by name.
    gfx::RenderTargetDesc wrong = sharing;
    wrong.size = {8, 8};
    wrong.label = "too small";
    auto refused = gfx::RenderTarget::create(wrong);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("'too small'") != std::string::npos);
    gfx::beginPass(nullptr, {1, 1}, {});
    CHECK(fixture().newProblems() == before);
}

TEST_CASE("a draw limit keeps what is drawn inside it until it is lifted, and a copy between targets ignores it")
{
    const int before = fixture().newProblems();
    gfx::RenderTargetDesc desc;
    desc.size = {16, 8};
    desc.label = "drawn";
    auto from = gfx::RenderTarget::create(desc);
    REQUIRE(from.ok());
    desc.label = "copy";
    auto to = gfx::RenderTarget::create(desc);
    REQUIRE(to.ok());
    const std::optional<glm::vec4> blue = glm::vec4(0.0f, 0.0f, 1.0f, 1.0f), green = glm::vec4(0.0f, 1.0f, 0.0f, 1.0f);
    // The pixels of `target` of one colour (red, green, blue as 0 or 255), as x, y (from the
    // bottom left, as GL counts), width, height of their bounding box, and how many there are.
    auto colored = [&](const gfx::RenderTarget& target, int r, int g, int b) {
        const core::Image image = gfx::readPixels(&target, desc.size);
        glm::ivec2 low(desc.size), high(-1);
        int count = 0;
        for (int y = 0; y < image.height; ++y)
            for (int x = 0; x < image.width; ++x) {
                const std::uint8_t* p = image.pixel(x, y);
                if (p[0] != r || p[1] != g || p[2] != b) continue;
                ++count;
                const glm::ivec2 at(x, image.height - 1 - y);  // the image's rows run from the top
                low = glm::min(low, at);
                high = glm::max(high, at);
            }
        return std::pair{glm::ivec4(low, high - low + 1), count};
    };
    gfx::beginPass(&*from, desc.size, {glm::vec4(1.0f, 0.0f, 0.0f, 1.0f), std::nullopt, std::nullopt});
    gfx::beginPass(&*to, desc.size, {blue, std::nullopt, std::nullopt});
    gfx::setDrawLimit(glm::ivec4(0, 0, 6, 4));
    // A state that asks for no scissor box keeps the limit's: a pass begun now clears inside it.
    gfx::applyRenderState(gfx::RenderState{});
    gfx::beginPass(&*to, desc.size, {green, std::nullopt, std::nullopt});
    CHECK(colored(*to, 0, 255, 0) == std::pair{glm::ivec4(0, 0, 6, 4), 24});
    // A state with a box of its own is cut to the limit as well.
    gfx::beginPass(&*to, desc.size, {blue, std::nullopt, std::nullopt});  // inside the limit
    gfx::RenderState boxed;
    boxed.scissorTest = true;
    gfx::applyRenderState(boxed);
    gfx::setScissor({2, 2, 10, 5});
    gfx::beginPass(&*to, desc.size, {green, std::nullopt, std::nullopt});
    CHECK(colored(*to, 0, 255, 0) == std::pair{glm::ivec4(2, 2, 4, 2), 8});
    // A state without a box in between does not lose it: the next state with one cuts to it again.
    gfx::applyRenderState(gfx::RenderState{});
    gfx::beginPass(&*to, desc.size, {blue, std::nullopt, std::nullopt});  // the limit's box
    gfx::applyRenderState(boxed);
    gfx::beginPass(&*to, desc.size, {green, std::nullopt, std::nullopt});
    CHECK(colored(*to, 0, 255, 0) == std::pair{glm::ivec4(2, 2, 4, 2), 8});
    // The whole red picture is copied, whatever the limit.
    gfx::applyRenderState(gfx::RenderState{});
    gfx::copyColorRect(*from, {0, 0}, *to, {0, 0}, desc.size);
    CHECK(colored(*to, 255, 0, 0).second == desc.size.x * desc.size.y);
    // Lifted, the next pass clears all of the target.
    gfx::setDrawLimit(std::nullopt);
    gfx::applyRenderState(gfx::RenderState{});
    gfx::beginPass(&*to, desc.size, {green, std::nullopt, std::nullopt});
    CHECK(colored(*to, 0, 255, 0).second == desc.size.x * desc.size.y);
    gfx::beginPass(nullptr, {1, 1}, {});
    CHECK(fixture().newProblems() == before);
}

// The test scene, with a copy of the shader folder beside it for a test to edit.
static scene::Scene sceneWithOwnShaders(const TempDir& dir)
{
    std::filesystem::copy(std::filesystem::path(HT_SOURCE_DIR) / "shaders", dir / "shaders",
                          std::filesystem::copy_options::recursive);
    auto model = assets::importModel(testing_support::writeTestScene(dir.path()));
    REQUIRE(model.ok());
    return scene::Scene(std::move(*model));
}

TEST_CASE("a shader edited while the renderer runs gets its uniforms at their new locations")
{
    TempDir dir;
    const scene::Scene scene = sceneWithOwnShaders(dir);
    auto renderer = render::Renderer::create(dir / "shaders", {render::Quality::High, fixture().info.maxSamples});
    REQUIRE(renderer.ok());
    REQUIRE(renderer->upload(scene).ok());
    scene::OrbitCamera camera;
    camera.frame(scene.visibleBounds(), false);
    const render::FrameView view = render::frameViewFrom(camera, {160, 120});
    REQUIRE(renderer->render(scene, view).ok());
    const core::Image before = renderer->readScene();

    // The same backdrop with its colours declared the other way round and a new uniform before
    // them (never set, so zero): their locations move, and colours set at the old ones would
    // land on the wrong uniforms.
    testing_support::writeText(dir / "shaders" / "background.frag",
                               "#version 330 core\n"
                               "in vec2 vUv;\n"
                               "uniform vec3 uLift;\n"
                               "uniform vec3 uBottomColor;\n"
                               "uniform vec3 uTopColor;\n"
                               "out vec4 fragColor;\n"
                               "void main()\n"
                               "{\n"
                               "    vec3 color = mix(uBottomColor, uTopColor, smoothstep(0.0, 1.0, vUv.y)) + uLift;\n"
                               "    vec2 centred = vUv - 0.5;\n"
                               "    color *= 1.0 - 0.35 * dot(centred, centred);\n"
                               "    fragColor = vec4(color, 1.0);\n"
                               "}\n");
    REQUIRE(renderer->shaders().reloadChanged() == 1);
    REQUIRE(renderer->render(scene, view).ok());
    const core::Image after = renderer->readScene();
    const testing_support::ImageDifference difference = testing_support::compareImages(after, before);
    CHECK(difference.maxChannelDifference == 0);
    const render::ProgramSlot<render::BackdropUniforms>& backdrop = renderer->resources().programs().backdrop;
    CHECK(backdrop.lookedUpForBuild == renderer->shaders().program(backdrop.index).buildSerial());
}

TEST_CASE("programs kept in the program cache draw as compiled ones; a damaged file or an edited shader is compiled again")
{
    TempDir dir;
    const scene::Scene scene = sceneWithOwnShaders(dir);
    const std::filesystem::path cache = dir / "cache" / "programs";
    scene::OrbitCamera camera;
    camera.frame(scene.visibleBounds(), false);
    const render::FrameView view = render::frameViewFrom(camera, {160, 120});
    struct Start {
        core::Image picture;
        int fromCache = 0, programs = 0;
    };
    auto start = [&] {
        auto renderer = render::Renderer::create(dir / "shaders", {render::Quality::High, fixture().info.maxSamples}, cache);
        REQUIRE(renderer.ok());
        REQUIRE(renderer->upload(scene).ok());
        REQUIRE(renderer->render(scene, view).ok());
        return Start{renderer->readScene(), renderer->shaders().cachedPrograms(), renderer->shaders().programCount()};
    };
    auto keptFiles = [&] {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(cache)) files.push_back(entry.path());
        return files;
    };

    const Start compiled = start();
    CHECK(compiled.fromCache == 0);
    REQUIRE(compiled.programs >= 5);
    CHECK(int(keptFiles().size()) == compiled.programs);  // one file per program, no leftovers
    const Start kept = start();
    CHECK(kept.fromCache == kept.programs);
    CHECK(testing_support::compareImages(kept.picture, compiled.picture).maxChannelDifference == 0);

    // A byte changed inside each file: refused, compiled again, and written anew.
    for (const std::filesystem::path& file : keptFiles()) {
        std::string bytes = core::readTextFile(file).value();
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x5a);
        testing_support::writeText(file, bytes);
    }
    const Start damaged = start();
    CHECK(damaged.fromCache == 0);
    CHECK(testing_support::compareImages(damaged.picture, compiled.picture).maxChannelDifference == 0);
    CHECK(start().fromCache == compiled.programs);
    // A damaged binary format (outside the payload's hash) is refused before it reaches GL.
    const int problems = fixture().newProblems();
    for (const std::filesystem::path& file : keptFiles()) {
        std::string bytes = core::readTextFile(file).value();
        bytes[12] = char(bytes[12] ^ 0x33);
        testing_support::writeText(file, bytes);
    }
    CHECK(start().fromCache == 0);
    CHECK(fixture().newProblems() == problems);
    CHECK(start().fromCache == compiled.programs);

    // An edited shader is compiled, and only the programs using it; one that no longer
    // compiles is reported with its file and line although an older build of it is kept.
    std::string frag = core::readTextFile(dir / "shaders" / "background.frag").value();
    testing_support::writeText(dir / "shaders" / "background.frag", frag + "// edited\n");
    CHECK(start().fromCache == compiled.programs - 1);
    testing_support::writeText(dir / "shaders" / "background.frag", frag + "this is not GLSL;\n");
    auto broken = render::Renderer::create(dir / "shaders", {render::Quality::High, fixture().info.maxSamples}, cache);
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().file.find("background.frag") != std::string::npos);
    CHECK(broken.error().line > 0);
}

TEST_CASE("low and lowest, pipelined: the window shows the last finished scene, and the first frame its own")
{
    TempDir dir;
    auto model = assets::importModel(testing_support::writeTestScene(dir.path()));
    REQUIRE(model.ok());
    scene::Scene scene(std::move(*model));
    scene.layers()[std::size_t(content::LayerId::Skin)].opacity = 0.0f;
    const glm::ivec2 window{320, 240};  // the fixture's window; lowest draws the scene at 55% of it
    auto frameAt = [&](render::Renderer& renderer, content::ViewPreset preset) {
        scene::OrbitCamera camera;
        camera.frame(scene.visibleBounds(), false);
        camera.setPreset(preset, false);
        REQUIRE(renderer.render(scene, render::frameViewFrom(camera, window)).ok());
        renderer.present(window);
        return gfx::readPixels(nullptr, window);
    };
    auto same = [](const core::Image& a, const core::Image& b) {
        return testing_support::compareImages(a, b).meanChannelDifference < 0.5;
    };
    auto drawnPixels = [](const core::Image& image) {  // pixels unlike the backdrop's corner
        const std::uint8_t* corner = image.pixel(0, 0);
        int count = 0;
        for (int y = 0; y < image.height; ++y)
            for (int x = 0; x < image.width; ++x) {
                const std::uint8_t* p = image.pixel(x, y);
                count += std::abs(p[0] - corner[0]) + std::abs(p[1] - corner[1]) + std::abs(p[2] - corner[2]) > 60;
            }
        return count;
    };
    for (render::Quality quality : {render::Quality::Low, render::Quality::Lowest})
    for (bool pipelined : {false, true}) {
        CAPTURE(render::qualityName(quality));
        CAPTURE(pipelined);
        auto renderer = render::Renderer::create(std::filesystem::path(HT_SOURCE_DIR) / "shaders",
                                                 {quality, fixture().info.maxSamples, pipelined});
        REQUIRE(renderer.ok());
        REQUIRE(renderer->upload(scene).ok());
        const core::Image front = frameAt(*renderer, content::ViewPreset::Anterior);
        const core::Image side = frameAt(*renderer, content::ViewPreset::Lateral);
        const core::Image frontAgain = frameAt(*renderer, content::ViewPreset::Anterior);
        // The first frame shows its own view.
        CHECK(drawnPixels(front) > 2000);
        if (pipelined) {
            CHECK(same(side, front));              // the side view is still being drawn: the front shows
            CHECK_FALSE(same(frontAgain, front));  // now the finished side view
        } else {
            CHECK_FALSE(same(side, front));        // each frame shows itself
            CHECK(same(frontAgain, front));
        }
    }
}

// A renderer with the scene uploaded, and a camera that frames the scene from a preset side.
static render::Renderer uploadedRenderer(const scene::Scene& scene, const render::RenderOptions& options)
{
    auto renderer = render::Renderer::create(std::filesystem::path(HT_SOURCE_DIR) / "shaders", options);
    REQUIRE(renderer.ok());
    REQUIRE(renderer->upload(scene).ok());
    return std::move(*renderer);
}

static scene::OrbitCamera framedCamera(const scene::Scene& scene, content::ViewPreset side)
{
    scene::OrbitCamera camera;
    camera.frame(scene.visibleBounds(), false);
    camera.setPreset(side, false);
    return camera;
}

// Brightness as the eye weighs it, and the steepest step from a pixel to a neighbour.
static double brightness(const core::Image& image, int x, int y)
{
    const std::uint8_t* p = image.pixel(x, y);
    return 0.299 * p[0] + 0.587 * p[1] + 0.114 * p[2];
}

static double steepestStep(const core::Image& image, int x, int y)
{
    const double here = brightness(image, x, y);
    return std::max({std::abs(here - brightness(image, x + 1, y)), std::abs(here - brightness(image, x - 1, y)),
                     std::abs(here - brightness(image, x, y + 1)), std::abs(here - brightness(image, x, y - 1))});
}

TEST_CASE("a see-through layer shows once where it lies over itself (the skin, a muscle in X-ray), below the lowest level")
{
    const int before = fixture().newProblems();
    // Two spheres of one mesh, one in front of the other and to one side, and each alone, on
    // the layer of `name`, turned down to 0.8 (or hidden).
    auto shapeOf = [](const std::string& name, bool first, bool second, bool shown) {
        assets::MeshData shape;
        shape.name = name;
        shape.material = 0;
        for (const glm::vec3 offset : {glm::vec3(-0.06f, 0.0f, -0.15f), glm::vec3(0.06f, 0.0f, 0.15f)}) {
            if (offset.x < 0.0f ? !first : !second) continue;
            const assets::MeshData sphere = testing_support::makeSphere("part", 0.2f, 32, 16);
            const std::uint32_t base = std::uint32_t(shape.positions.size());
            for (const glm::vec3& p : sphere.positions) shape.positions.push_back(p + offset);
            shape.normals.insert(shape.normals.end(), sphere.normals.begin(), sphere.normals.end());
            for (std::uint32_t index : sphere.indices) shape.indices.push_back(base + index);
        }
        // Both spheres' bounds in every model, so one camera frames all of them the same.
        shape.bounds.add(glm::vec3(-0.3f, -0.2f, -0.4f));
        shape.bounds.add(glm::vec3(0.3f, 0.2f, 0.4f));
        assets::ModelData model = testing_support::placeMeshes({{std::move(shape), glm::vec3(0.0f)}});
        model.materials = {{"tissue", {0.74f, 0.47f, 0.35f, 1.0f}, 0.55f, 0.0f, false, false}};
        scene::Scene scene(std::move(model));
        REQUIRE(scene.instances().size() == 1);
        auto& layer = scene.layers()[std::size_t(scene.instances()[0].layer)];
        layer.opacity = 0.8f;
        layer.visible = shown;
        return scene;
    };
    for (const std::string name : {"skin.body", "muscle.test_ball.r"}) {
        CAPTURE(name);
        const scene::Scene both = shapeOf(name, true, true, true), first = shapeOf(name, true, false, true),
                           second = shapeOf(name, false, true, true), none = shapeOf(name, true, true, false);
        scene::OrbitCamera camera;
        camera.frame(both.visibleBounds(), false);
        camera.setPreset(content::ViewPreset::Anterior, false);
        const glm::ivec2 size{160, 120};
        for (render::Quality quality : {render::Quality::High, render::Quality::Medium, render::Quality::Low, render::Quality::Lowest}) {
            CAPTURE(render::qualityName(quality));
            auto picture = [&](const scene::Scene& scene) {
                render::Renderer renderer = uploadedRenderer(scene, {quality, fixture().info.maxSamples});
                // Every level draws the full meshes: simplified, the pair would not be the two
                // spheres alone put together.
                render::DetailLevels full(scene.model().meshes.size());
                for (std::size_t i = 0; i < full.size(); ++i)
                    for (auto& level : full[i]) level = scene.model().meshes[i].indices;
                renderer.setDetailLevels(std::move(full));
                REQUIRE(renderer.render(scene, render::frameViewFrom(camera, size)).ok());
                return renderer.readScene();
            };
            const core::Image together = picture(both), firstAlone = picture(first), secondAlone = picture(second);
            const core::Image backdrop = picture(none);
            auto distance = [](const std::uint8_t* a, const std::uint8_t* b) {
                return std::max({std::abs(a[0] - b[0]), std::abs(a[1] - b[1]), std::abs(a[2] - b[2])});
            };
            // Where both spheres cover the pixel, the pair shows the nearer one alone: its colour
            // is one of the two single spheres', not a second layer blended over the first.
            int overlap = 0, off = 0;
            for (int y = 0; y < together.height; ++y)
                for (int x = 0; x < together.width; ++x) {
                    const std::uint8_t* a = firstAlone.pixel(x, y);
                    const std::uint8_t* b = secondAlone.pixel(x, y);
                    const std::uint8_t* behind = backdrop.pixel(x, y);
                    if (distance(a, behind) < 8 || distance(b, behind) < 8) continue;
                    ++overlap;
                    off += std::min(distance(together.pixel(x, y), a), distance(together.pixel(x, y), b)) > 6;
                }
            CAPTURE(overlap);
            CAPTURE(off);
            REQUIRE(overlap > 40);
            // Multisampling blends the near sphere's edge where it crosses the far one: a few
            // pixels. The lowest level blends every front face in one pass: denser where they overlap.
            if (quality == render::Quality::Lowest)
                CHECK(off > overlap / 2);
            else
                CHECK(off <= overlap / 5);
        }
    }
    CHECK(fixture().newProblems() == before);
}

// The test scene without its skin, uploaded to a medium-quality renderer, and a camera from
// the side that frames it in a 320x240 window.
struct MediumScene {
    TempDir dir;
    scene::Scene scene;
    std::optional<render::Renderer> renderer;
    scene::OrbitCamera lateral;
    const glm::ivec2 window{320, 240};
    MediumScene()
    {
        auto model = assets::importModel(testing_support::writeTestScene(dir.path()));
        REQUIRE(model.ok());
        scene = scene::Scene(std::move(*model));
        scene.layers()[std::size_t(content::LayerId::Skin)].opacity = 0.0f;
        auto made = render::Renderer::create(std::filesystem::path(HT_SOURCE_DIR) / "shaders",
                                             {render::Quality::Medium, fixture().info.maxSamples});
        REQUIRE(made.ok());
        renderer.emplace(std::move(*made));
        REQUIRE(renderer->upload(scene).ok());
        lateral.frame(scene.visibleBounds(), false);
        lateral.setPreset(content::ViewPreset::Lateral, false);
    }
    // The scene through `camera` as drawn (before smoothing) and as the window shows it.
    std::pair<core::Image, core::Image> drawAndShow(const scene::OrbitCamera& camera, const render::InsetView* inset = nullptr)
    {
        REQUIRE(renderer->render(scene, render::frameViewFrom(camera, window), {}, inset).ok());
        core::Image drawn = renderer->readScene();
        renderer->present(window);
        return {std::move(drawn), gfx::readPixels(nullptr, window)};
    }
};

TEST_CASE("medium quality: the window shows the scene with its edges smoothed, and flat areas untouched")
{
    MediumScene medium;
    const auto pictures = medium.drawAndShow(medium.lateral);
    const core::Image& drawn = pictures.first;
    const core::Image& shown = pictures.second;
    REQUIRE(drawn.width == shown.width);
    REQUIRE(drawn.height == shown.height);

    // Flat pixels (no neighbour within two pixels differs): exactly as drawn. Edge pixels
    // (a step of more than 60 levels in the drawn picture): their steps are softened overall.
    int flat = 0, flatChanged = 0, edges = 0;
    double edgeStepsDrawn = 0.0, edgeStepsShown = 0.0;
    for (int y = 2; y < drawn.height - 2; ++y)
        for (int x = 2; x < drawn.width - 2; ++x) {
            double around = 0.0;
            for (int dy = -2; dy <= 2; ++dy)
                for (int dx = -2; dx <= 2; ++dx) around = std::max(around, std::abs(brightness(drawn, x + dx, y + dy) - brightness(drawn, x, y)));
            if (around < 1.0) {
                ++flat;
                const std::uint8_t* a = drawn.pixel(x, y);
                const std::uint8_t* b = shown.pixel(x, y);
                flatChanged += std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) > 3;
            }
            if (steepestStep(drawn, x, y) > 60.0) {
                ++edges;
                edgeStepsDrawn += steepestStep(drawn, x, y);
                edgeStepsShown += steepestStep(shown, x, y);
            }
        }
    CAPTURE(flat);
    CAPTURE(edges);
    REQUIRE(flat > 5000);
    REQUIRE(edges > 100);
    CHECK(flatChanged == 0);
    CHECK(edgeStepsShown < 0.85 * edgeStepsDrawn);
    // The picture as a whole keeps its colour: smoothing moves light along edges, it adds none.
    CHECK(testing_support::compareImages(shown, drawn).meanChannelDifference < 2.0);
}

TEST_CASE("medium quality smooths the edges in the inset's box too, away from what the main view covers")
{
    MediumScene medium;
    // The main view far off (the scene small in the middle); the box in the top right corner
    // shows it close, with long edges.
    scene::OrbitCamera far = medium.lateral;
    far.zoomByFactor(0.2f);
    render::InsetView inset;
    inset.frame = render::frameViewFrom(medium.lateral, {100, 76});
    inset.topLeftPixels = {210, 8};
    const auto pictures = medium.drawAndShow(far, &inset);
    const core::Image& drawn = pictures.first;
    const core::Image& shown = pictures.second;
    // Edges inside the box (top row first: y from 8 to 84), a pixel in from its frame.
    int edges = 0;
    double drawnSteps = 0.0, shownSteps = 0.0;
    for (int y = 11; y < 81; ++y)
        for (int x = 213; x < 307; ++x)
            if (steepestStep(drawn, x, y) > 60.0) {
                ++edges;
                drawnSteps += steepestStep(drawn, x, y);
                shownSteps += steepestStep(shown, x, y);
            }
    CAPTURE(edges);
    REQUIRE(edges > 30);
    CHECK(shownSteps < 0.85 * drawnSteps);
}

// A Dear ImGui context sized to the window, with our renderer started on it (tests end it).
static ImGuiContext* startImGui(glm::ivec2 size)
{
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(float(size.x), float(size.y));
    io.DeltaTime = 1.0f / 60.0f;
    REQUIRE(gfx::initImGuiRenderer(std::filesystem::path(HT_SOURCE_DIR) / "shaders").ok());
    return context;
}

// Two translucent panels that overlap, with text: what the app's panels are made of; and a
// small one below them with a hold timer's seconds; and, when `hidden` is not negative, a
// number drawn outside the window (a label whose structure is out of view).
static ImDrawData* twoPanels(int counter, int seconds = 30, int hidden = -1)
{
    gfx::newImGuiRendererFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(10, 10));
    ImGui::SetNextWindowSize(ImVec2(180, 110));
    ImGui::SetNextWindowBgAlpha(0.6f);
    ImGui::Begin("Semitendinosus");
    ImGui::Text("Length %d %%", counter);
    ImGui::Button("Next step");
    ImGui::End();
    ImGui::SetNextWindowPos(ImVec2(150, 90));
    ImGui::SetNextWindowSize(ImVec2(150, 120));
    ImGui::SetNextWindowBgAlpha(0.8f);
    ImGui::Begin("Biceps femoris");
    ImGui::TextWrapped("The long head crosses the hip and the knee.");
    ImGui::End();
    ImGui::SetNextWindowPos(ImVec2(10, 205));
    ImGui::SetNextWindowSize(ImVec2(90, 30));
    ImGui::Begin("Hold", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::Text("Hold %d s", seconds);
    ImGui::End();
    if (hidden >= 0) {
        const std::string text = std::to_string(hidden);
        ImGui::GetForegroundDrawList()->AddText(ImVec2(-400.0f, -300.0f), IM_COL32_WHITE, text.c_str());
    }
    ImGui::Render();
    return ImGui::GetDrawData();
}

TEST_CASE("the kept overlay picture looks as the overlay drawn straight into the window, and is kept only while it holds")
{
    GLFixture& gl = fixture();
    const int problemsBefore = gl.newProblems();
    const glm::ivec2 size = gl.window.drawableSize();
    ImGuiContext* context = startImGui(size);
    auto renderer = render::Renderer::create(std::filesystem::path(HT_SOURCE_DIR) / "shaders", {});
    REQUIRE(renderer.ok());

    std::function<ImDrawData*(int)> frame = [](int counter) { return twoPanels(counter); };
    auto backdrop = [&] { gfx::beginPass(nullptr, size, {glm::vec4(0.55f, 0.30f, 0.25f, 1.0f), 1.0f, std::nullopt}); };
    gfx::CachedOverlay cache;
    auto throughCache = [&](int counter) {
        backdrop();
        return cache.draw(*frame(counter), size, [&](const gfx::Texture2D& picture, std::span<const glm::ivec4> boxes) {
            renderer->compositeOverlay(picture, boxes);
        });
    };
    for (int warm = 0; warm < 2; ++warm) frame(100);  // windows settle in their first frames

    backdrop();
    gfx::renderImGui(frame(100));
    const core::Image direct = gfx::readPixels(nullptr, size);
    const core::Image bare = [&] {
        backdrop();
        return gfx::readPixels(nullptr, size);
    }();
    const testing_support::ImageDifference panels = testing_support::compareImages(direct, bare);
    CHECK(panels.maxChannelDifference > 100);  // the panels and their text are there to compare

    using Path = gfx::CachedOverlay::Path;
    CHECK(throughCache(100) == Path::Direct);  // the first frame waits for no picture
    CHECK(throughCache(100) == Path::Redrawn);
    const core::Image redrawn = gfx::readPixels(nullptr, size);
    CHECK(throughCache(100) == Path::Kept);
    const core::Image kept = gfx::readPixels(nullptr, size);
    for (const core::Image* image : {&redrawn, &kept}) {
        const testing_support::ImageDifference difference = testing_support::compareImages(*image, direct);
        INFO("max " << difference.maxChannelDifference << ", mean " << difference.meanChannelDifference);
        CHECK(difference.maxChannelDifference <= 2);  // 8-bit rounding of the premultiplied picture
        CHECK(difference.meanChannelDifference < 0.05);
    }

    // Boxes: none overlap, and together they hold both panels.
    const auto boxes = cache.boxes();
    REQUIRE_FALSE(boxes.empty());
    for (std::size_t i = 0; i < boxes.size(); ++i)
        for (std::size_t j = i + 1; j < boxes.size(); ++j) {
            const glm::ivec4 a = boxes[i], b = boxes[j];
            CHECK_FALSE((a.x < b.x + b.z && b.x < a.x + a.z && a.y < b.y + b.w && b.y < a.y + a.w));
        }
    auto covered = [&](int x, int yFromTop) {
        const int y = size.y - 1 - yFromTop;
        return std::any_of(boxes.begin(), boxes.end(),
                           [&](const glm::ivec4& box) { return x >= box.x && x < box.x + box.z && y >= box.y && y < box.y + box.w; });
    };
    CHECK(covered(12, 12));
    CHECK(covered(295, 205));
    CHECK_FALSE(covered(300, 20));  // right of the first panel, above the second

    // A changing overlay is redrawn, then drawn straight into the window while it keeps
    // changing, and kept again once it holds still.
    CHECK(throughCache(1) == Path::Redrawn);
    CHECK(throughCache(2) == Path::Redrawn);
    CHECK(throughCache(3) == Path::Direct);
    CHECK(throughCache(4) == Path::Direct);
    CHECK(throughCache(4) == Path::Redrawn);
    CHECK(throughCache(4) == Path::Kept);
    cache.invalidate();
    CHECK(throughCache(4) == Path::Redrawn);
    core::Image previous = gfx::readPixels(nullptr, size);

    // A change within the small panel draws only its part of the picture again, frame after
    // frame, and the window looks as with the overlay drawn straight into it.
    for (int seconds = 29; seconds > 25; --seconds) {
        CAPTURE(seconds);
        frame = [seconds](int counter) { return twoPanels(counter, seconds); };
        CHECK(throughCache(4) == Path::Patched);
        const core::Image patched = gfx::readPixels(nullptr, size);
        double area = 0.0;
        for (const glm::ivec4& part : cache.patched()) {
            area += double(part.z) * double(part.w);
            CHECK(part.y + part.w <= 48);  // the small panel's rows (the bottom 35 pixels), in 16-pixel tiles
        }
        CHECK(area > 0.0);
        CHECK(area <= gfx::CachedOverlay::kPatchShare * double(size.x) * double(size.y));
        backdrop();
        gfx::renderImGui(frame(4));
        const core::Image straight = gfx::readPixels(nullptr, size);
        const testing_support::ImageDifference difference = testing_support::compareImages(patched, straight);
        INFO("max " << difference.maxChannelDifference << ", mean " << difference.meanChannelDifference);
        CHECK(difference.maxChannelDifference <= 2);
        CHECK(difference.meanChannelDifference < 0.05);
        CHECK(testing_support::compareImages(patched, previous).maxChannelDifference > 100);  // it shows the new seconds
        previous = patched;
    }
    CHECK(throughCache(4) == Path::Kept);

    // A change that draws nothing inside the window leaves the picture as it is.
    for (int hidden = 0; hidden < 3; ++hidden) {
        CAPTURE(hidden);
        frame = [hidden](int counter) { return twoPanels(counter, 26, hidden); };
        const Path path = throughCache(4);
        CHECK((path == Path::Kept || (hidden == 0 && path == Path::Redrawn)));  // the first adds a draw list
        const testing_support::ImageDifference difference = testing_support::compareImages(gfx::readPixels(nullptr, size), previous);
        CHECK(difference.maxChannelDifference <= 2);
    }
    CHECK(gl.newProblems() == problemsBefore);

    cache.release();
    gfx::shutdownImGuiRenderer();
    ImGui::DestroyContext(context);
}

TEST_CASE("below high the overlay is laid over the scene in the same pass, as blending it after would")
{
    GLFixture& gl = fixture();
    const int problemsBefore = gl.newProblems();
    const glm::ivec2 size = gl.window.drawableSize();
    TempDir dir;
    auto model = assets::importModel(testing_support::writeTestScene(dir.path()));
    REQUIRE(model.ok());
    const scene::Scene scene(std::move(*model));
    scene::OrbitCamera camera;
    camera.frame(scene.visibleBounds(), false);
    ImGuiContext* context = startImGui(size);
    for (int warm = 0; warm < 2; ++warm) twoPanels(100);
    gfx::CachedOverlay cache;
    REQUIRE(cache.prepare(*twoPanels(100), size) == gfx::CachedOverlay::Path::Direct);  // the first frame
    REQUIRE(cache.prepare(*twoPanels(100), size) == gfx::CachedOverlay::Path::Redrawn);

    // The boxes and the rest of the window cover every pixel once.
    std::vector<int> covered(std::size_t(size.x * size.y), 0);
    for (auto boxes : {cache.boxes(), cache.outside()})
        for (const glm::ivec4& box : boxes)
            for (int y = box.y; y < box.y + box.w; ++y)
                for (int x = box.x; x < box.x + box.z; ++x) ++covered[std::size_t(y * size.x + x)];
    CHECK(std::all_of(covered.begin(), covered.end(), [](int n) { return n == 1; }));

    const render::Renderer::OverlayPicture picture{cache.picture(), cache.boxes(), cache.outside()};
    for (render::Quality quality : {render::Quality::Lowest, render::Quality::Low, render::Quality::Medium, render::Quality::High}) {
        CAPTURE(int(quality));
        auto renderer = render::Renderer::create(std::filesystem::path(HT_SOURCE_DIR) / "shaders",
                                                 {quality, gl.info.maxSamples});
        REQUIRE(renderer.ok());
        REQUIRE(renderer->upload(scene).ok());
        REQUIRE(renderer->render(scene, render::frameViewFrom(camera, size)).ok());
        renderer->present(size);
        const core::Image bare = gfx::readPixels(nullptr, size);
        renderer->compositeOverlay(cache.picture(), cache.boxes());
        const core::Image blended = gfx::readPixels(nullptr, size);
        const bool laid = renderer->present(size, &picture);
        CHECK(laid == (quality != render::Quality::High));  // a resolve of multisampling takes no overlay in
        if (!laid) continue;
        const core::Image together = gfx::readPixels(nullptr, size);
        const testing_support::ImageDifference difference = testing_support::compareImages(together, blended);
        INFO("max " << difference.maxChannelDifference << ", mean " << difference.meanChannelDifference);
        CHECK(difference.maxChannelDifference <= 1);  // 8-bit blending against the shader's float
        CHECK(testing_support::compareImages(together, bare).maxChannelDifference > 100);  // the panels are there
    }
    CHECK(gl.newProblems() == problemsBefore);
    gfx::shutdownImGuiRenderer();
    ImGui::DestroyContext(context);
}

// The test scene, imported from a file written in `dir`.
static scene::Scene importedTestScene(const TempDir& dir)
{
    auto model = assets::importModel(testing_support::writeTestScene(dir.path()));
    REQUIRE(model.ok());
    return scene::Scene(std::move(*model));
}

TEST_CASE("at every level the backdrop looks as the high level draws it, whether drawn in the scene or laid under it on the way to the window")
{
    GLFixture& gl = fixture();
    const int problemsBefore = gl.newProblems();
    const glm::ivec2 size = gl.window.drawableSize();
    TempDir dir;
    scene::Scene scene = importedTestScene(dir);
    scene::OrbitCamera camera;
    camera.frame(scene.visibleBounds(), false);
    // Each level's window and scene picture: with every layer shown, and with none (the
    // backdrop alone).
    struct Pictures {
        core::Image window, scene, backdrop;
    };
    auto draw = [&](render::Quality quality) {
        auto renderer = render::Renderer::create(std::filesystem::path(HT_SOURCE_DIR) / "shaders", {quality, gl.info.maxSamples});
        REQUIRE(renderer.ok());
        REQUIRE(renderer->upload(scene).ok());
        Pictures pictures;
        for (auto& layer : scene.layers()) layer.visible = true;
        REQUIRE(renderer->render(scene, render::frameViewFrom(camera, size)).ok());
        pictures.scene = renderer->readScene();
        renderer->present(size);
        pictures.window = gfx::readPixels(nullptr, size);
        for (auto& layer : scene.layers()) layer.visible = false;
        REQUIRE(renderer->render(scene, render::frameViewFrom(camera, size)).ok());
        renderer->present(size);
        pictures.backdrop = gfx::readPixels(nullptr, size);
        return pictures;
    };
    const Pictures high = draw(render::Quality::High);
    for (render::Quality quality : {render::Quality::Medium, render::Quality::Low, render::Quality::Lowest}) {
        CAPTURE(render::qualityName(quality));
        const Pictures laid = draw(quality);
        // The backdrop alone: the same gradient and vignette, to 8-bit rounding.
        const testing_support::ImageDifference backdrop = testing_support::compareImages(laid.backdrop, high.backdrop);
        CHECK(backdrop.maxChannelDifference <= 2);
        // With the model: where the backdrop shows (the window's corners), it is the same too,
        // in the window and in the scene picture read back (at its own size).
        for (const core::Image* picture : {&laid.window, &laid.scene})
            for (const glm::ivec2 corner : {glm::ivec2(2, 2), glm::ivec2(picture->width - 3, picture->height - 3)}) {
                const std::uint8_t* a = picture->pixel(corner.x, corner.y);
                const glm::ivec2 at = corner * size / glm::ivec2(picture->width, picture->height);
                const std::uint8_t* b = high.window.pixel(at.x, at.y);
                for (int c = 0; c < 3; ++c) CHECK(std::abs(int(a[c]) - int(b[c])) <= 3);
            }
        // And the model is drawn over it.
        CHECK(testing_support::compareImages(laid.window, laid.backdrop).maxChannelDifference > 60);
    }
    CHECK(gl.newProblems() == problemsBefore);
}

// A solid column over the window from x = `left` to its right edge (ImGui points, origin top
// left), as the app's docked lesson panel: opaque, with square corners, and text.
static ImDrawData* solidColumn(float left, glm::ivec2 size)
{
    gfx::newImGuiRendererFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(left, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(float(size.x) - left, float(size.y)));
    ImGui::SetNextWindowBgAlpha(1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::Begin("Lessons", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::PopStyleVar();
    ImGui::TextWrapped("Lean forward from the hips until you feel a light pull.");
    ImGui::End();
    ImGui::Render();
    return ImGui::GetDrawData();
}

TEST_CASE("where a solid panel hides the scene it is not drawn, and the window looks as if it had been")
{
    GLFixture& gl = fixture();
    const int problemsBefore = gl.newProblems();
    const glm::ivec2 size = gl.window.drawableSize();
    TempDir dir;
    const scene::Scene scene = importedTestScene(dir);
    const scene::OrbitCamera camera = framedCamera(scene, content::ViewPreset::Anterior);
    ImGuiContext* context = startImGui(size);
    const int left = size.x / 2;  // the column covers the right half of the model
    gfx::CachedOverlay cache;
    (void)cache.prepare(*solidColumn(float(left), size), size);
    REQUIRE(cache.prepare(*solidColumn(float(left), size), size) != gfx::CachedOverlay::Path::Direct);
    const render::Renderer::OverlayPicture picture{cache.picture(), cache.boxes(), cache.outside()};
    const render::FrameView whole = render::frameViewFrom(camera, size);
    render::FrameView cut = whole;
    cut.shownPixels = {0, 0, left, size.y};
    // Two frames of the same view (a pipelined level shows the first while it draws the
    // second), then the window and the scene picture as drawn.
    auto show = [&](render::Renderer& renderer, const render::FrameView& view, const render::Renderer::OverlayPicture* overlay) {
        for (int frame = 0; frame < 2; ++frame) {
            REQUIRE(renderer.render(scene, view).ok());
            if (overlay && !renderer.present(size, overlay)) renderer.compositeOverlay(overlay->picture, overlay->boxes);
            if (!overlay) renderer.present(size);
        }
        return std::pair{gfx::readPixels(nullptr, size), renderer.readScene()};
    };
    for (render::Quality quality : {render::Quality::High, render::Quality::Medium, render::Quality::Low, render::Quality::Lowest})
        for (bool pipelined : {false, true}) {
            CAPTURE(render::qualityName(quality));
            CAPTURE(pipelined);
            render::Renderer drawsAll = uploadedRenderer(scene, {quality, gl.info.maxSamples, pipelined});
            render::Renderer drawsShown = uploadedRenderer(scene, {quality, gl.info.maxSamples, pipelined});
            const auto [expected, allDrawn] = show(drawsAll, whole, &picture);
            const auto [window, shownDrawn] = show(drawsShown, cut, &picture);
            const testing_support::ImageDifference difference = testing_support::compareImages(window, expected);
            INFO("max " << difference.maxChannelDifference << ", mean " << difference.meanChannelDifference);
            CHECK(difference.maxChannelDifference <= 1);
            if (pipelined || quality == render::Quality::Lowest) continue;  // the scene pictures' sizes and frames differ
            // Under the column the scene was left undrawn: the model's right half is missing
            // from the picture as drawn, and its left half is as before.
            int missing = 0, changedLeft = 0;
            for (int y = 0; y < size.y; ++y)
                for (int x = 0; x < size.x; ++x) {
                    const std::uint8_t* a = allDrawn.pixel(x, y);
                    const std::uint8_t* b = shownDrawn.pixel(x, y);
                    const int step = std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]);
                    if (x >= left + 8 && step > 60) ++missing;
                    if (x < left - 8 && step > 3) ++changedLeft;
                }
            CHECK(missing > 500);
            CHECK(changedLeft == 0);
        }
    // The panel goes: a pipelined level shows this frame's picture, not the last one, whose
    // right half was left undrawn.
    for (render::Quality quality : {render::Quality::Low, render::Quality::Lowest}) {
        CAPTURE(render::qualityName(quality));
        render::Renderer reference = uploadedRenderer(scene, {quality, gl.info.maxSamples, false});
        const core::Image expected = show(reference, whole, nullptr).first;
        render::Renderer pipelined = uploadedRenderer(scene, {quality, gl.info.maxSamples, true});
        (void)show(pipelined, cut, &picture);
        REQUIRE(pipelined.render(scene, whole).ok());
        pipelined.present(size);
        const testing_support::ImageDifference difference = testing_support::compareImages(gfx::readPixels(nullptr, size), expected);
        INFO("max " << difference.maxChannelDifference << ", mean " << difference.meanChannelDifference);
        CHECK(difference.maxChannelDifference <= 1);
    }
    CHECK(gl.newProblems() == problemsBefore);
    gfx::shutdownImGuiRenderer();
    ImGui::DestroyContext(context);
}

TEST_CASE("one ImGui window of more than 65,535 vertices draws to its last text, with 16-bit indices")
{
    GLFixture& gl = fixture();
    const int problemsBefore = gl.newProblems();
    const glm::ivec2 size = gl.window.drawableSize();
    ImGuiContext* context = startImGui(size);
    ImGuiIO& io = ImGui::GetIO();
    // The renderer draws each 64k-vertex chunk from its own base vertex; without this flag
    // Dear ImGui stops the program on such a window.
    CHECK((io.BackendFlags & ImGuiBackendFlags_RendererHasVtxOffset) != 0);

    // 18,000 small dark quads (72,000 vertices) in one window's draw list, then a white bar
    // and a line of text, the last things in it, whose vertices lie past index 65,535.
    const ImVec2 barMin(40, 150), barMax(120, 170), textAt(40, 190);
    auto frame = [&] {
        gfx::newImGuiRendererFrame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("Long lesson", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        for (int i = 0; i < 18000; ++i) {
            const float x = float(10 + (i % 100) * 3), y = float(10 + (i / 100) % 40 * 3);
            draw->AddRectFilled(ImVec2(x, y), ImVec2(x + 2, y + 2), IM_COL32(20, 20, 30, 255));
        }
        draw->AddRectFilled(barMin, barMax, IM_COL32(255, 255, 255, 255));
        draw->AddText(nullptr, 26.0f, textAt, IM_COL32(255, 255, 255, 255), "MMMM");
        ImGui::End();
        ImGui::Render();
        return ImGui::GetDrawData();
    };
    frame();
    ImDrawData* data = frame();
    int vertices = 0;
    unsigned lastVtxOffset = 0;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        vertices = std::max(vertices, data->CmdLists[l]->VtxBuffer.Size);
        for (const ImDrawCmd& cmd : data->CmdLists[l]->CmdBuffer) lastVtxOffset = std::max(lastVtxOffset, cmd.VtxOffset);
    }
    CHECK(vertices > 65535);
    CHECK(lastVtxOffset > 0);  // drawn in more than one chunk

    gfx::beginPass(nullptr, size, {glm::vec4(0.0f, 0.0f, 0.0f, 1.0f), 1.0f, std::nullopt});
    gfx::renderImGui(data);
    const core::Image image = gfx::readPixels(nullptr, size);
    // Pixels from the top left, as ImGui places them (readPixels gives rows top first).
    auto brightIn = [&](ImVec2 from, ImVec2 to) {
        int count = 0;
        for (int y = int(from.y); y < int(to.y); ++y)
            for (int x = int(from.x); x < int(to.x); ++x)
                if (image.pixel(x, y)[0] > 200 && image.pixel(x, y)[1] > 200) ++count;
        return count;
    };
    CHECK(brightIn(ImVec2(barMin.x + 2, barMin.y + 2), ImVec2(barMax.x - 2, barMax.y - 2)) ==
          int(barMax.x - barMin.x - 4) * int(barMax.y - barMin.y - 4));
    CHECK(brightIn(textAt, ImVec2(textAt.x + 100, textAt.y + 30)) > 40);  // four large Ms
    // Nothing bright where the quads are: no stray triangle from indices that wrapped around.
    CHECK(brightIn(ImVec2(5, 5), ImVec2(315, 135)) == 0);
    CHECK(gl.newProblems() == problemsBefore);

    gfx::shutdownImGuiRenderer();
    ImGui::DestroyContext(context);
}

namespace {

// The muscle material scene, as renderMaterialModel sees it, with the muscle highlighted or
// not and with these state tints.
core::Image renderMuscleState(bool highlighted, const std::vector<render::StructureTint>& tints)
{
    scene::Scene scene(testing_support::makeMaterialScene("muscle"));
    int muscle = -1;
    for (const scene::MeshInstance& instance : scene.instances())
        if (instance.layer == content::LayerId::Muscle) muscle = instance.structure;
    REQUIRE(muscle >= 0);
    if (highlighted) scene.setHighlightedStructure(muscle);
    std::vector<render::StructureTint> placed = tints;
    for (render::StructureTint& tint : placed) tint.structure = muscle;
    auto renderer = render::Renderer::create(std::filesystem::path(HT_SOURCE_DIR) / "shaders",
                                             {render::Quality::High, fixture().info.maxSamples});
    REQUIRE(renderer.ok());
    REQUIRE(renderer->upload(scene).ok());
    scene::OrbitCamera camera;
    camera.frame(scene.visibleBounds(), false);
    scene::CameraPose pose = camera.targetPose();
    pose.yawDeg = 20.0f;
    pose.pitchDeg = 25.0f;
    pose.distanceM *= 0.75f;
    camera.setPose(pose);
    REQUIRE(renderer->render(scene, render::frameViewFrom(camera, {240, 160}), placed).ok());
    return renderer->readScene();
}

int channelGap(const std::uint8_t* a, const std::uint8_t* b)
{
    return std::max({std::abs(a[0] - b[0]), std::abs(a[1] - b[1]), std::abs(a[2] - b[2])});
}

} // namespace

TEST_CASE("a highlight outlines the structure and leaves its surface colour alone")
{
    const int before = fixture().newProblems();
    const core::Image plain = renderMuscleState(false, {});
    const core::Image highlighted = renderMuscleState(true, {});
    // The middle of the belly faces the eye: the same colour, highlighted or not.
    CHECK(channelGap(plain.pixel(120, 80), highlighted.pixel(120, 80)) <= 6);
    // Around it, a ring in the lesson's colour (display-encoded near white: 234, 255, 243).
    int ring = 0, ringBefore = 0;
    for (int y = 0; y < 160; ++y)
        for (int x = 0; x < 240; ++x) {
            const std::uint8_t lesson[3] = {234, 255, 243};
            ring += channelGap(highlighted.pixel(x, y), lesson) <= 12;
            ringBefore += channelGap(plain.pixel(x, y), lesson) <= 12;
        }
    CHECK(ring > 80);  // 3.5 px at 720 lines: under a pixel wide here, yet all the way round
    CHECK(ringBefore < 10);
    CHECK(fixture().newProblems() == before);
}

TEST_CASE("muscle states have their own colours: warm for a cramp or a contraction, blue for a stretch")
{
    const int before = fixture().newProblems();
    const core::Image relaxed = renderMuscleState(false, {{0, -1.0f, 0.01f, 0.0f, 0.0f}});
    const core::Image natural = renderMuscleState(false, {});
    const core::Image cramp = renderMuscleState(false, {{0, -1.0f, 0.0f, 1.0f, 0.0f}});
    const core::Image active = renderMuscleState(false, {{0, -1.0f, 0.8f, 0.0f, 0.0f}});
    const core::Image stretch = renderMuscleState(false, {{0, -1.0f, 0.0f, 0.0f, 1.0f}});
    // A trace of activation is relaxed: natural colour.
    CHECK(channelGap(relaxed.pixel(120, 80), natural.pixel(120, 80)) <= 2);
    const std::uint8_t* base = natural.pixel(120, 80);
    for (const core::Image* warm : {&cramp, &active}) {
        const std::uint8_t* p = warm->pixel(120, 80);
        CHECK(channelGap(p, base) >= 30);
        CHECK(int(p[1]) > int(base[1]) + 20);  // toward orange: more green than the dark red
        CHECK(p[0] > p[2]);
    }
    const std::uint8_t* blue = stretch.pixel(120, 80);
    CHECK(int(blue[2]) > int(base[2]) + 30);
    CHECK(fixture().newProblems() == before);
}

// Pixels that differ between two pictures of a window `windowWidth` wide, inside the inset's
// 120x90 box at (180, 20) (two pixels in from its edges) and outside it (four pixels out, past
// its frame); the lowest level draws at 55 %, so both are counted in the picture's own pixels.
struct BoxChanges {
    int outside = 0, inside = 0, insideCount = 0;
};
static BoxChanges boxChanges(const core::Image& a, const core::Image& b, int windowWidth)
{
    REQUIRE(a.width == b.width);
    const float scale = float(a.width) / float(windowWidth);
    BoxChanges changes;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x) {
            const float wx = (float(x) + 0.5f) / scale, wy = (float(y) + 0.5f) / scale;
            const bool nearBox = wx > 180 - 4 && wx < 300 + 4 && wy > 20 - 4 && wy < 110 + 4;
            const bool inBox = wx > 180 + 2 && wx < 300 - 2 && wy > 20 + 2 && wy < 110 - 2;
            const bool same = std::memcmp(a.pixel(x, y), b.pixel(x, y), 3) == 0;
            if (!nearBox) changes.outside += !same;
            if (inBox) {
                ++changes.insideCount;
                changes.inside += !same;
            }
        }
    return changes;
}

TEST_CASE("an inset view draws inside its box and its frame only, and the picture around it stays as it was")
{
    const int before = fixture().newProblems();
    TempDir dir;
    const scene::Scene scene = importedTestScene(dir);
    const glm::ivec2 size(320, 240);
    for (render::Quality quality : {render::Quality::High, render::Quality::Medium, render::Quality::Low, render::Quality::Lowest}) {
        CAPTURE(render::qualityName(quality));
        render::Renderer renderer = uploadedRenderer(scene, {quality, fixture().info.maxSamples});
        const scene::OrbitCamera camera = framedCamera(scene, content::ViewPreset::Anterior);
        const render::FrameView main = render::frameViewFrom(camera, size);
        REQUIRE(renderer.render(scene, main).ok());
        const core::Image plain = renderer.readScene();

        // A second camera from the side, close, into a 120x90 box at (180, 20).
        scene::OrbitCamera side = camera;
        side.setPreset(content::ViewPreset::Lateral, false);
        side.zoomByFactor(1.5f);
        render::InsetView inset;
        inset.frame = render::frameViewFrom(side, {120, 90});
        inset.topLeftPixels = {180, 20};
        inset.borderPixels = 2;
        REQUIRE(renderer.render(scene, main, {}, &inset).ok());
        const core::Image withInset = renderer.readScene();
        const BoxChanges changes = boxChanges(plain, withInset, size.x);
        // The frame's colour (InsetView::borderColor) just outside the box's left edge.
        const float scale = float(withInset.width) / float(size.x);
        int frame = 0;
        for (int y = 0; y < withInset.height; ++y)
            for (int x = 0; x < withInset.width; ++x) {
                const float wx = (float(x) + 0.5f) / scale, wy = (float(y) + 0.5f) / scale;
                const std::uint8_t* b = withInset.pixel(x, y);
                const bool onFrame = wx > 178.2f && wx < 179.8f && wy > 30 && wy < 100;
                if (onFrame && std::abs(b[0] - 158) < 8 && std::abs(b[1] - 168) < 8 && std::abs(b[2] - 184) < 8) ++frame;
            }
        CHECK(changes.outside == 0);
        CHECK(changes.inside > changes.insideCount / 3);
        CHECK(frame > 0);
    }
    CHECK(fixture().newProblems() == before);
}

// A picture drawn with levels of detail made up for a test: every level but the coarsest is the
// whole mesh; the coarsest is the whole mesh or only its first triangle.
static core::Image pictureWithCoarsest(const scene::Scene& scene, render::Quality quality, bool coarsestWhole,
                                       const render::FrameView& view, const render::InsetView* inset = nullptr)
{
    render::Renderer renderer = uploadedRenderer(scene, {quality, fixture().info.maxSamples});
    render::DetailLevels levels(scene.model().meshes.size());
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const std::vector<std::uint32_t>& whole = scene.model().meshes[i].indices;
        for (auto& level : levels[i]) level = whole;
        if (!coarsestWhole) levels[i].back().assign(whole.begin(), whole.begin() + 3);
    }
    renderer.setDetailLevels(std::move(levels));
    REQUIRE(renderer.render(scene, view, {}, inset).ok());
    return renderer.readScene();
}

TEST_CASE("the whole-pose box draws the coarsest level of detail below high, the main view its own level")
{
    const int before = fixture().newProblems();
    TempDir dir;
    const scene::Scene scene = importedTestScene(dir);
    const glm::ivec2 size(320, 240);
    const scene::OrbitCamera camera = framedCamera(scene, content::ViewPreset::Anterior);
    const render::FrameView main = render::frameViewFrom(camera, size);
    // The box shows the main view's framing, smaller.
    render::InsetView inset;
    inset.frame = render::frameViewFrom(camera, {120, 90});
    inset.topLeftPixels = {180, 20};
    auto picture = [&](render::Quality quality, bool coarsestWhole) {
        return pictureWithCoarsest(scene, quality, coarsestWhole, main, &inset);
    };
    for (render::Quality quality : {render::Quality::High, render::Quality::Medium, render::Quality::Low, render::Quality::Lowest}) {
        CAPTURE(render::qualityName(quality));
        const BoxChanges changes = boxChanges(picture(quality, true), picture(quality, false), size.x);
        // The main view never draws the coarsest level; the box draws it at every level but high.
        CHECK(changes.outside == 0);
        if (quality == render::Quality::High)
            CHECK(changes.inside == 0);
        else
            CHECK(changes.inside > changes.insideCount / 10);
    }
    CHECK(fixture().newProblems() == before);
}

TEST_CASE("a structure faded out of the way of the heads is drawn with the coarsest meshes at low and lowest")
{
    const int before = fixture().newProblems();
    // A box in the line of sight before the highlighted one, which fades it (kFadedOpacity).
    const glm::vec3 half(0.1f);
    scene::Scene scene(testing_support::placeMeshes({
        {testing_support::makeBox("bone.middle", half), {0.0f, 0.0f, 0.0f}},
        {testing_support::makeSphere("bone.near", 0.15f, 24, 12), {0.0f, 0.0f, 1.0f}},
    }));
    render::FrameView view;
    view.eye = {0.0f, 0.3f, 5.0f};
    view.view = glm::lookAt(view.eye, glm::vec3(0.0f), glm::vec3(0.0f, 1.0f, 0.0f));
    view.projection = glm::perspective(glm::radians(20.0f), 4.0f / 3.0f, 0.1f, 100.0f);
    view.sizePixels = {160, 120};
    auto picture = [&](render::Quality quality, bool coarsestWhole) { return pictureWithCoarsest(scene, quality, coarsestWhole, view); };
    auto changed = [](const core::Image& a, const core::Image& b) {
        REQUIRE(a.width == b.width);
        int count = 0;
        for (int y = 0; y < a.height; ++y)
            for (int x = 0; x < a.width; ++x)
                count += std::memcmp(a.pixel(x, y), b.pixel(x, y), 3) != 0;
        return count;
    };
    for (bool highlighted : {false, true}) {
        CAPTURE(highlighted);
        int middle = -1;
        for (const scene::MeshInstance& instance : scene.instances())
            if (scene.model().meshes[std::size_t(instance.mesh)].name == "bone.middle") middle = instance.structure;
        REQUIRE(middle >= 0);
        scene.setHighlightedStructure(highlighted ? middle : -1);
        for (render::Quality quality : {render::Quality::High, render::Quality::Medium, render::Quality::Low, render::Quality::Lowest}) {
            CAPTURE(render::qualityName(quality));
            const int differ = changed(picture(quality, true), picture(quality, false));
            const bool coarse = highlighted && (quality == render::Quality::Low || quality == render::Quality::Lowest);
            // The faint sphere covers some hundreds of pixels (fewer at lowest's 55 %).
            if (coarse)
                CHECK(differ > 50);
            else
                CHECK(differ == 0);
        }
    }
    CHECK(fixture().newProblems() == before);
}

TEST_CASE("a running app redraws the inset every other frame and shows its last picture between; a picture of a moment draws it each time")
{
    const int before = fixture().newProblems();
    TempDir dir;
    auto model = assets::importModel(testing_support::writeTestScene(dir.path()));
    REQUIRE(model.ok());
    const glm::ivec2 size(320, 240);
    for (bool running : {true, false}) {
        CAPTURE(running);
        scene::Scene scene(*model);
        // Medium: single-sampled at the window's size, and the picture shown is this frame's.
        render::Renderer renderer = uploadedRenderer(scene, {render::Quality::Medium, fixture().info.maxSamples, running});
        const scene::OrbitCamera camera = framedCamera(scene, content::ViewPreset::Anterior);
        const render::FrameView main = render::frameViewFrom(camera, size);
        render::InsetView inset;
        inset.frame = render::frameViewFrom(camera, {120, 90});
        inset.topLeftPixels = {180, 20};
        auto draw = [&] {
            REQUIRE(renderer.render(scene, main, {}, &inset).ok());
            return renderer.readScene();
        };
        // Pixels that differ between two pictures, inside the box and outside it (a margin
        // for the frame around the box).
        auto changed = [&](const core::Image& a, const core::Image& b, bool inBox) {
            int count = 0;
            for (int y = 0; y < a.height; ++y)
                for (int x = 0; x < a.width; ++x) {
                    const bool box = x > 180 + 1 && x < 300 - 1 && y > 20 + 1 && y < 110 - 1;
                    const bool nearBox = x > 180 - 4 && x < 300 + 4 && y > 20 - 4 && y < 110 + 4;
                    if (inBox ? !box : nearBox) continue;
                    const std::uint8_t* p = a.pixel(x, y);
                    const std::uint8_t* q = b.pixel(x, y);
                    count += p[0] != q[0] || p[1] != q[1] || p[2] != q[2];
                }
            return count;
        };
        const core::Image first = draw();
        // Everything hidden: the next frame's main view shows the empty room at once.
        for (content::LayerSettings& layer : scene.layers()) layer.visible = false;
        const core::Image second = draw();
        const core::Image third = draw();
        CHECK(changed(first, second, false) > 2000);
        if (running) {
            // The box shows the first frame's picture once more, then catches up.
            CHECK(changed(first, second, true) == 0);
            CHECK(changed(first, third, true) > 1000);
        } else {
            CHECK(changed(first, second, true) > 1000);
        }
        CHECK(changed(second, third, false) == 0);
        if (running) {
            // A frame that redraws the overlay's picture shows the box's picture once more:
            // here the third frame's (the empty room), though the body is back.
            for (content::LayerSettings& layer : scene.layers()) layer.visible = true;
            const core::Image fourth = draw();  // shown again, as every other frame
            renderer.holdInsetPicture(true);
            const core::Image held = draw();
            CHECK(changed(third, fourth, true) == 0);
            CHECK(changed(third, held, true) == 0);
            CHECK(changed(held, draw(), true) > 1000);  // then drawn: never held twice running
        }
        // A box moved (a panel opened) is drawn where it now is in the very next frame.
        for (content::LayerSettings& layer : scene.layers()) layer.visible = true;
        inset.topLeftPixels = {20, 20};
        const core::Image moved = draw();
        int boxPixels = 0;
        for (int y = 22; y < 108; ++y)
            for (int x = 22; x < 138; ++x) {
                const std::uint8_t* p = moved.pixel(x, y);
                const std::uint8_t* q = first.pixel(x + 160, y);
                boxPixels += p[0] == q[0] && p[1] == q[1] && p[2] == q[2];
            }
        CHECK(boxPixels > 116 * 86 * 9 / 10);
    }
    CHECK(fixture().newProblems() == before);
}

TEST_CASE("a colour map shows on a muscle at every quality: dark blue at its low end, yellow at its high end")
{
    TempDir dir;
    auto model = assets::importModel(testing_support::writeTestScene(dir.path()));
    REQUIRE(model.ok());
    scene::Scene scene(std::move(*model));
    scene.layers()[std::size_t(content::LayerId::Skin)].visible = false;
    int ball = -1;
    for (std::size_t s = 0; s < scene.structures().size(); ++s)
        if (scene.structures()[s].nodeName == "muscle.test_ball.r") ball = int(s);
    REQUIRE(ball >= 0);
    const glm::ivec2 size(160, 120);
    for (render::Quality quality : {render::Quality::High, render::Quality::Medium, render::Quality::Low, render::Quality::Lowest}) {
        CAPTURE(render::qualityName(quality));
        render::Renderer renderer = uploadedRenderer(scene, {quality, fixture().info.maxSamples});
        const scene::OrbitCamera camera = framedCamera(scene, content::ViewPreset::Anterior);
        auto draw = [&](float value) {
            render::StructureTint tint;
            tint.structure = ball;
            tint.value = value;
            REQUIRE(renderer.render(scene, render::frameViewFrom(camera, size), {tint}).ok());
            return renderer.readScene();
        };
        const core::Image low = draw(0.0f), high = draw(1.0f);
        // Over the pixels the map changes (the ball), the mean colour at each end.
        glm::dvec3 lowSum(0.0), highSum(0.0);
        int changed = 0;
        for (int y = 0; y < low.height; ++y)
            for (int x = 0; x < low.width; ++x) {
                const std::uint8_t* a = low.pixel(x, y);
                const std::uint8_t* b = high.pixel(x, y);
                if (std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) < 30) continue;
                ++changed;
                lowSum += glm::dvec3(a[0], a[1], a[2]);
                highSum += glm::dvec3(b[0], b[1], b[2]);
            }
        REQUIRE(changed > 200);
        const glm::dvec3 lowMean = lowSum / double(changed), highMean = highSum / double(changed);
        CAPTURE(lowMean.r);
        CAPTURE(lowMean.b);
        CAPTURE(highMean.r);
        CAPTURE(highMean.b);
        // Cividis runs from dark blue (0, 0.13, 0.30) to yellow (1.0, 0.91, 0.22).
        CHECK(lowMean.b > lowMean.r + 20.0);
        CHECK(highMean.r > highMean.b + 60.0);
        CHECK(highMean.r + highMean.g > 2.0 * (lowMean.r + lowMean.g));
    }
}

TEST_CASE("beside a whole-pose box the main view draws the partner figure as a faint ghost; without one, solid")
{
    const int before = fixture().newProblems();
    TempDir dir;
    auto model = assets::importModel(testing_support::writeTestScene(dir.path()));
    REQUIRE(model.ok());
    scene::Scene scene(std::move(*model));
    // The body's own skin hidden: the partner (drawn with the body's skin meshes, here the
    // sphere around the ball and the block) is the only thing in front of them.
    scene.layers()[std::size_t(content::LayerId::Skin)].visible = false;
    const glm::ivec2 size(320, 240);
    render::Renderer renderer = uploadedRenderer(scene, {render::Quality::High, fixture().info.maxSamples});
    const scene::OrbitCamera camera = framedCamera(scene, content::ViewPreset::Anterior);
    const render::FrameView main = render::frameViewFrom(camera, size);
    render::InsetView inset;
    inset.frame = render::frameViewFrom(camera, {80, 60});
    inset.topLeftPixels = {230, 10};
    auto draw = [&](const render::InsetView* with) {
        REQUIRE(renderer.render(scene, main, {}, with).ok());
        return renderer.readScene();
    };
    const core::Image alone = draw(&inset);
    scene.setPartner({}, anatomy::Pose::neutral());
    REQUIRE(scene.partner() != nullptr);
    const core::Image solid = draw(&inset);
    inset.wholePose = true;
    const core::Image ghost = draw(&inset);
    // Mean colour difference over the main view, away from the box.
    auto meanDifference = [&](const core::Image& a, const core::Image& b) {
        double sum = 0.0;
        int count = 0;
        for (int y = 0; y < a.height; ++y)
            for (int x = 0; x < a.width; ++x) {
                if (x > 220 && y < 80) continue;
                const std::uint8_t* p = a.pixel(x, y);
                const std::uint8_t* q = b.pixel(x, y);
                sum += (std::abs(p[0] - q[0]) + std::abs(p[1] - q[1]) + std::abs(p[2] - q[2])) / 3.0;
                ++count;
            }
        return sum / std::max(count, 1);
    };
    const double solidChange = meanDifference(alone, solid);
    const double ghostChange = meanDifference(alone, ghost);
    CAPTURE(solidChange);
    CAPTURE(ghostChange);
    // The solid partner hides the ball and the block over much of the picture; the ghost
    // leaves them showing through, tinted a little.
    CHECK(solidChange > 15.0);
    CHECK(ghostChange < 0.4 * solidChange);
    CHECK(ghostChange > 0.5);
    // Inside the box (the whole pose) the partner stays solid either way.
    int boxSame = 0, boxCount = 0;
    for (int y = 20; y < 60; ++y)
        for (int x = 240; x < 300; ++x) {
            const std::uint8_t* p = solid.pixel(x, y);
            const std::uint8_t* q = ghost.pixel(x, y);
            boxSame += p[0] == q[0] && p[1] == q[1] && p[2] == q[2];
            ++boxCount;
        }
    CHECK(boxSame == boxCount);
    CHECK(fixture().newProblems() == before);
}
