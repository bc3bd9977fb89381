// What a frame draws, without GL: the renderer's draw list sorts opaque structures near to far
// and see-through ones far to near, leaves out what lies outside the view, and carries each
// structure's colour-map value and material.
#include "render/draw_list.h"
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
