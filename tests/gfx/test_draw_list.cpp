// What a frame draws, without GL: the renderer's draw list sorts opaque structures near to far
// and see-through ones far to near, leaves out what lies outside the view, and carries each
// structure's colour-map value, state and material, and fades what hides the structures in focus.
#include "render/draw_list.h"
#include "gfx/pixel_rects.h"
#include "scene/scene.h"
#include "test_models.h"

#include <doctest/doctest.h>
#include <glm/gtc/matrix_transform.hpp>

#include <string>
#include <vector>

namespace {

// Boxes on the line of sight at 4, 5 and 6 m from the eye, a ball 1 m to the side of it and
// a box far off to the right, outside the field of view.
scene::Scene lineOfBoxes()
{
    const glm::vec3 half(0.1f);
    return scene::Scene(testing_support::placeMeshes({
        {testing_support::makeBox("bone.middle", half), {0.0f, 0.0f, 0.0f}},
        {testing_support::makeBox("bone.far", half), {0.0f, 0.0f, -1.0f}},
        {testing_support::makeSphere("muscle.ball.r", 0.1f, 12, 6), {1.0f, 0.0f, 0.0f}},
        {testing_support::makeBox("bone.near", half), {0.0f, 0.0f, 1.0f}},
        {testing_support::makeBox("bone.aside", half), {40.0f, 0.0f, 0.0f}},
    }));
}

render::FrameView lookingDownMinusZ()
{
    render::FrameView view;
    view.eye = {0.0f, 0.0f, 5.0f};
    view.view = glm::lookAt(view.eye, glm::vec3(0.0f), glm::vec3(0.0f, 1.0f, 0.0f));
    view.projection = glm::perspective(glm::radians(45.0f), 1.0f, 0.1f, 100.0f);
    view.sizePixels = {100, 100};
    return view;
}

std::vector<std::string> names(const scene::Scene& scene, const std::vector<render::DrawItem>& items)
{
    std::vector<std::string> result;
    for (const render::DrawItem& item : items) result.push_back(scene.model().meshes[std::size_t(item.instance->mesh)].name);
    return result;
}

} // namespace

TEST_CASE("opaque structures come near to far, and what is outside the view is left out")
{
    const scene::Scene scene = lineOfBoxes();
    const render::DrawList list = render::buildDrawList(scene, lookingDownMinusZ(), {});
    CHECK(list.translucent.empty());
    CHECK(names(scene, list.opaque) == std::vector<std::string>{"bone.near", "bone.middle", "muscle.ball.r", "bone.far"});
    REQUIRE(list.opaque.size() == 4);
    CHECK(list.opaque[0].distanceM == doctest::Approx(4.0));
    CHECK(list.opaque[3].distanceM == doctest::Approx(6.0));
    CHECK(list.opaque[0].look.kind == render::MaterialKind::Bone);
    CHECK(list.opaque[2].look.kind == render::MaterialKind::Muscle);
}

TEST_CASE("see-through structures come far to near, with their colour-map values")
{
    scene::Scene scene = lineOfBoxes();
    scene.layers()[std::size_t(content::LayerId::Bone)].opacity = 0.5f;
    int ball = -1;
    for (const scene::MeshInstance& instance : scene.instances())
        if (scene.model().meshes[std::size_t(instance.mesh)].name == "muscle.ball.r") ball = instance.structure;
    REQUIRE(ball >= 0);
    const std::vector<render::StructureTint> tints{{ball, 0.25f}};
    const render::DrawList list = render::buildDrawList(scene, lookingDownMinusZ(), tints);
    CHECK(names(scene, list.translucent) == std::vector<std::string>{"bone.far", "bone.middle", "bone.near"});
    REQUIRE(list.opaque.size() == 1);
    CHECK(list.opaque[0].mapValue == doctest::Approx(0.25));
    for (const render::DrawItem& item : list.translucent) CHECK(item.mapValue < 0.0f);
}

TEST_CASE("the selection, the pointer and the lesson each pick a structure out in their own colour")
{
    scene::Scene scene = lineOfBoxes();
    const int first = scene.instances().front().structure;
    const int second = scene.instances()[1].structure;
    CHECK(render::highlightOf(scene, first).amount == 0.0f);
    scene.selectedStructure = first;
    scene.hoveredStructure = second;
    CHECK(render::highlightOf(scene, first).color == render::kSelectedColor);
    CHECK(render::highlightOf(scene, second).amount > 0.0f);
    CHECK(render::highlightOf(scene, second).color != render::kSelectedColor);
}

namespace {

int structureNamed(const scene::Scene& scene, const std::string& mesh)
{
    for (const scene::MeshInstance& instance : scene.instances())
        if (scene.model().meshes[std::size_t(instance.mesh)].name == mesh) return instance.structure;
    return -1;
}

float fadeOf(const scene::Scene& scene, const std::vector<float>& fades, const std::string& mesh)
{
    for (std::size_t i = 0; i < scene.instances().size(); ++i)
        if (scene.model().meshes[std::size_t(scene.instances()[i].mesh)].name == mesh) return fades[i];
    return -1.0f;
}

} // namespace

TEST_CASE("a highlight is an outline and a rim, wider for the lesson than for the pointer")
{
    scene::Scene scene = lineOfBoxes();
    const int middle = structureNamed(scene, "bone.middle");
    const int far = structureNamed(scene, "bone.far");
    scene.setHighlightedStructure(middle);
    scene.hoveredStructure = far;
    const render::Highlight lesson = render::highlightOf(scene, middle);
    const render::Highlight pointer = render::highlightOf(scene, far);
    CHECK(lesson.color == render::kLessonColor);
    CHECK(lesson.outlinePixels >= 3.0f);
    CHECK(pointer.outlinePixels > 0.0f);
    CHECK(pointer.outlinePixels < lesson.outlinePixels);
    CHECK(render::highlightOf(scene, structureNamed(scene, "bone.near")).outlinePixels == 0.0f);
}

TEST_CASE("a state shows once it is past a trace, and a colour map always")
{
    CHECK_FALSE(render::tintShows({3, -1.0f, 0.01f, 0.0f, 0.02f}));
    CHECK(render::tintShows({3, -1.0f, 0.0f, 0.5f, 0.0f}));
    CHECK(render::tintShows({3, -1.0f, 0.0f, 0.0f, 0.3f}));
    CHECK(render::tintShows({3, 0.0f}));
}

TEST_CASE("what lies between the eye and a highlighted structure fades; what lies behind or beside it does not")
{
    scene::Scene scene = lineOfBoxes();
    const render::FrameView view = lookingDownMinusZ();
    // Nothing in focus: nothing fades.
    for (float fade : render::occluderFadeTargets(scene, view, {})) CHECK(fade == 1.0f);

    scene.setHighlightedStructure(structureNamed(scene, "bone.middle"));
    std::vector<float> fades = render::occluderFadeTargets(scene, view, {});
    REQUIRE(fades.size() == scene.instances().size());
    CHECK(fadeOf(scene, fades, "bone.near") == doctest::Approx(render::kFadedOpacity));
    CHECK(fadeOf(scene, fades, "bone.middle") == 1.0f);
    CHECK(fadeOf(scene, fades, "bone.far") == 1.0f);
    CHECK(fadeOf(scene, fades, "muscle.ball.r") == 1.0f);

    // Faded, it is drawn with the see-through structures, at its fade.
    const render::DrawList list = render::buildDrawList(scene, view, {}, fades);
    CHECK(names(scene, list.translucent) == std::vector<std::string>{"bone.near"});
    REQUIRE(list.translucent.size() == 1);
    CHECK(list.translucent[0].fade == doctest::Approx(render::kFadedOpacity));
    CHECK(names(scene, list.opaque) == std::vector<std::string>{"bone.middle", "muscle.ball.r", "bone.far"});

    // A structure in focus without a highlight (a step about resting hamstrings) is the same:
    // what covers it fades, and it has no outline.
    scene.setHighlightedStructure(-1);
    scene.setFocus({scene.structures()[std::size_t(structureNamed(scene, "bone.middle"))].name.instanceKey()});
    fades = render::occluderFadeTargets(scene, view, {});
    CHECK(fadeOf(scene, fades, "bone.near") == doctest::Approx(render::kFadedOpacity));
    CHECK(fadeOf(scene, fades, "bone.far") == 1.0f);
    CHECK(render::highlightOf(scene, structureNamed(scene, "bone.middle")).outlinePixels == 0.0f);
    scene.setFocus({});
    for (float fade : render::occluderFadeTargets(scene, view, {})) CHECK(fade == 1.0f);
    scene.setHighlightedStructure(structureNamed(scene, "bone.middle"));

    // What the user hid stays hidden and is not drawn, faded or not.
    scene.setStructureHidden(structureNamed(scene, "bone.near"), true);
    fades = render::occluderFadeTargets(scene, view, {});
    CHECK(fadeOf(scene, fades, "bone.near") == 1.0f);
    CHECK(render::buildDrawList(scene, view, {}, fades).translucent.empty());
}

TEST_CASE("a muscle whose state shows is in focus too: what covers it fades")
{
    // The ball straight ahead behind a box: a cramp in the ball fades the box.
    const glm::vec3 half(0.1f);
    const scene::Scene scene(testing_support::placeMeshes({
        {testing_support::makeSphere("muscle.ball.r", 0.1f, 12, 6), {0.0f, 0.0f, 0.0f}},
        {testing_support::makeBox("bone.cover", half), {0.0f, 0.0f, 1.0f}},
    }));
    const int ball = structureNamed(scene, "muscle.ball.r");
    const render::FrameView view = lookingDownMinusZ();
    const std::vector<render::StructureTint> relaxed{{ball, -1.0f, 0.01f, 0.0f, 0.0f}};
    CHECK(fadeOf(scene, render::occluderFadeTargets(scene, view, relaxed), "bone.cover") == 1.0f);
    const std::vector<render::StructureTint> cramping{{ball, -1.0f, 0.0f, 0.7f, 0.0f}};
    CHECK(fadeOf(scene, render::occluderFadeTargets(scene, view, cramping), "bone.cover") == doctest::Approx(render::kFadedOpacity));
    const render::DrawList list = render::buildDrawList(scene, view, cramping);
    REQUIRE(list.opaque.size() == 2);
    for (const render::DrawItem& item : list.opaque)
        if (item.instance->structure == ball) CHECK(item.state.cramp == doctest::Approx(0.7f));
}

TEST_CASE("pixel rectangles: the part inside another, and the parts outside it, cover each pixel once")
{
    const glm::ivec4 a{10, 20, 100, 50};
    CHECK(gfx::rectAnd(a, {60, 40, 100, 100}) == glm::ivec4(60, 40, 50, 30));
    const glm::ivec4 apart = gfx::rectAnd(a, {200, 200, 5, 5});
    CHECK((apart.z == 0 || apart.w == 0));
    CHECK(gfx::rectMinus(a, {200, 200, 5, 5}) == std::vector<glm::ivec4>{a});
    CHECK(gfx::rectMinus(a, {0, 0, 500, 500}).empty());
    // A hole in the middle: four bands; with the hole, every pixel of `a` once, none outside.
    const glm::ivec4 hole{40, 30, 20, 10};
    const std::vector<glm::ivec4> bands = gfx::rectMinus(a, hole);
    CHECK(bands.size() == 4);
    std::vector<int> count(200 * 100, 0);
    auto mark = [&](const glm::ivec4& r) {
        for (int y = r.y; y < r.y + r.w; ++y)
            for (int x = r.x; x < r.x + r.z; ++x) ++count[std::size_t(y * 200 + x)];
    };
    for (const glm::ivec4& band : bands) mark(band);
    mark(gfx::rectAnd(a, hole));
    int wrong = 0;
    for (int y = 0; y < 100; ++y)
        for (int x = 0; x < 200; ++x) {
            const bool inA = x >= 10 && x < 110 && y >= 20 && y < 70;
            wrong += count[std::size_t(y * 200 + x)] != (inA ? 1 : 0);
        }
    CHECK(wrong == 0);
    // Two holes taken out one after the other leave what neither covers.
    const std::vector<glm::ivec4> left = gfx::rectsMinus(gfx::rectMinus(a, hole), {10, 20, 15, 50});
    int area = 0;
    for (const glm::ivec4& r : left) area += r.z * r.w;
    CHECK(area == 100 * 50 - 20 * 10 - 15 * 50);
}
