#include "assets/gltf_writer.h"
#include "assets/model_import.h"
#include "core/file.h"
#include "temp_dir.h"
#include "test_models.h"

#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <assimp/scene.h>
#include <doctest/doctest.h>

#include <fstream>

using testing_support::TempDir;

namespace {

assets::ModelData skinnedStrip()
{
    // A vertical strip of two quads bent by two joints: the lower half follows "joint.knee".
    assets::ModelData model;
    model.materials.push_back({"skin", {0.8f, 0.6f, 0.5f, 0.3f}, 0.6f, 0.0f, true, false});
    assets::MeshData mesh;
    mesh.name = "strip";
    mesh.material = 0;
    for (int row = 0; row < 3; ++row)
        for (int column = 0; column < 2; ++column) {
            mesh.positions.push_back({float(column) * 0.1f, 1.0f - float(row) * 0.5f, 0.0f});
            mesh.normals.push_back({0.0f, 0.0f, 1.0f});
            const bool lower = row == 2;
            mesh.joints.push_back({std::uint16_t(lower ? 1 : 0), 0, 0, 0});
            mesh.weights.push_back({1.0f, 0.0f, 0.0f, 0.0f});
        }
    mesh.indices = {0, 2, 1, 1, 2, 3, 2, 4, 3, 3, 4, 5};
    model.meshes.push_back(mesh);
    assets::Node hip;
    hip.name = "joint.hip";
    hip.translation = {0.0f, 1.0f, 0.0f};
    hip.children = {1};
    assets::Node knee;
    knee.name = "joint.knee";
    knee.parent = 0;
    knee.translation = {0.0f, -0.5f, 0.0f};
    assets::Node skinNode;
    skinNode.name = "skin.body";
    skinNode.meshes = {0};
    model.nodes = {hip, knee, skinNode};
    model.meshes[0].skin = 0;
    assets::Skin skin;
    skin.joints = {0, 1};
    skin.inverseBindMatrices = {glm::inverse(glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 1.0f, 0.0f))),
                                glm::inverse(glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.5f, 0.0f)))};
    model.skins.push_back(skin);
    return model;
}

} // namespace

TEST_CASE("a glb written by the project imports back with its nodes, materials and metadata")
{
    TempDir dir;
    const auto path = testing_support::writeTestScene(dir.path());
    auto model = assets::importModel(path);
    REQUIRE_MESSAGE(model.ok(), (model.ok() ? "" : model.error().describe()));
    CHECK(model->meshes.size() == 3);
    CHECK(model->materials.size() >= 3);

    const int ball = model->findNode("muscle.test_ball.r");
    const int block = model->findNode("bone.test_block");
    REQUIRE(ball >= 0);
    REQUIRE(block >= 0);
    CHECK(model->nodes[std::size_t(ball)].translation.z == doctest::Approx(0.15f));
    CHECK(model->nodes[std::size_t(block)].rotation.w == doctest::Approx(std::cos(0.2f)).epsilon(1e-4));
    CHECK(model->nodes[std::size_t(block)].metadata.at("note") == "a grey block");

    const assets::MeshData& ballMesh = model->meshes[std::size_t(model->nodes[std::size_t(ball)].meshes.at(0))];
    CHECK(ballMesh.triangleCount() == testing_support::makeSphere("x", 0.12f, 32, 16).triangleCount());
    CHECK(ballMesh.bounds.max.x == doctest::Approx(0.12f).epsilon(1e-3));
    REQUIRE(ballMesh.material >= 0);
    const assets::Material& red = model->materials[std::size_t(ballMesh.material)];
    CHECK(red.baseColor.r == doctest::Approx(0.55f));
    CHECK(red.baseColor.g == doctest::Approx(0.08f));

    const core::Bounds bounds = model->restBounds();
    CHECK(bounds.max.y == doctest::Approx(0.42f).epsilon(1e-3));
}

TEST_CASE("skins import with joints, weights and inverse bind matrices")
{
    TempDir dir;
    REQUIRE(assets::writeGlb(skinnedStrip(), dir / "strip.glb").ok());
    auto model = assets::importModel(dir / "strip.glb");
    REQUIRE_MESSAGE(model.ok(), (model.ok() ? "" : model.error().describe()));
    REQUIRE(model->meshes.size() == 1);
    const assets::MeshData& mesh = model->meshes[0];
    REQUIRE(mesh.skinned());
    REQUIRE(mesh.skin >= 0);
    const assets::Skin& skin = model->skins[std::size_t(mesh.skin)];
    REQUIRE(skin.joints.size() == 2);
    // Each vertex follows exactly one joint; the bottom row follows the knee.
    for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
        const int joint = skin.joints[mesh.joints[v][0]];
        CHECK(mesh.weights[v][0] == doctest::Approx(1.0f));
        const bool lower = mesh.positions[v].y < 0.25f;
        CHECK(model->nodes[std::size_t(joint)].name == (lower ? "joint.knee" : "joint.hip"));
    }
    const assets::Material& material = model->materials[std::size_t(mesh.material)];
    CHECK(material.blend);
}

TEST_CASE("muscle coordinates survive the trip through TEXCOORD_1 and TEXCOORD_2")
{
    assets::ModelData model = testing_support::makeTestScene();
    assets::MeshData& ball = model.meshes[0];
    ball.muscleCoords.resize(ball.positions.size());
    for (std::size_t i = 0; i < ball.positions.size(); ++i)
        ball.muscleCoords[i] = {ball.positions[i].y + 0.5f, float(i % 7) / 7.0f, 0.25f};
    TempDir dir;
    REQUIRE(assets::writeGlb(model, dir / "coords.glb").ok());
    auto loaded = assets::importModel(dir / "coords.glb");
    REQUIRE(loaded.ok());
    const int node = loaded->findNode("muscle.test_ball.r");
    const assets::MeshData& mesh = loaded->meshes[std::size_t(loaded->nodes[std::size_t(node)].meshes.at(0))];
    REQUIRE(mesh.muscleCoords.size() == mesh.positions.size());
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        CHECK(mesh.muscleCoords[i].x == doctest::Approx(mesh.positions[i].y + 0.5f));
        CHECK(mesh.muscleCoords[i].y == doctest::Approx(float(i % 7) / 7.0f));
        CHECK(mesh.muscleCoords[i].z == doctest::Approx(0.25f));
    }
}

TEST_CASE("writing the same model twice gives the same bytes")
{
    auto first = assets::encodeGlb(testing_support::makeTestScene());
    auto second = assets::encodeGlb(testing_support::makeTestScene());
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(*first == *second);
}

TEST_CASE("OBJ files import")
{
    TempDir dir;
    testing_support::writeText(dir / "tetra.obj", R"(# a tetrahedron
mtllib tetra.mtl
o bone.tetra
v 0 0 0
v 1 0 0
v 0 1 0
v 0 0 1
usemtl ivory
f 1 3 2
f 1 2 4
f 1 4 3
f 2 3 4
)");
    testing_support::writeText(dir / "tetra.mtl", "newmtl ivory\nKd 0.9 0.85 0.7\n");
    auto model = assets::importModel(dir / "tetra.obj");
    REQUIRE_MESSAGE(model.ok(), (model.ok() ? "" : model.error().describe()));
    CHECK(model->triangleCount() == 4);
    bool named = false;
    for (const auto& node : model->nodes) named = named || node.name == "bone.tetra";
    CHECK(named);
    REQUIRE(model->meshes[0].material >= 0);
    CHECK(model->materials[std::size_t(model->meshes[0].material)].baseColor.r == doctest::Approx(0.9f));
    CHECK(model->meshes[0].normals.size() == model->meshes[0].positions.size()); // generated
}

TEST_CASE("FBX files import")
{
    TempDir dir;
    // Make an FBX with assimp's own exporter from the glTF test scene.
    const auto glb = testing_support::writeTestScene(dir.path());
    Assimp::Importer importer;
    const aiScene* scene = importer.ReadFile(glb.string(), 0);
    REQUIRE(scene);
    Assimp::Exporter exporter;
    // ASCII FBX: assimp 5.2 cannot read back its own binary FBX output (block offsets).
    REQUIRE(exporter.Export(scene, "fbxa", (dir / "scene.fbx").string()) == AI_SUCCESS);
    auto model = assets::importModel(dir / "scene.fbx");
    REQUIRE_MESSAGE(model.ok(), (model.ok() ? "" : model.error().describe()));
    CHECK(model->triangleCount() == testing_support::makeTestScene().triangleCount());
    bool found = false;
    for (const auto& node : model->nodes) found = found || node.name == "muscle.test_ball.r";
    CHECK(found);
}

TEST_CASE("missing and corrupt model files give errors naming the file")
{
    TempDir dir;
    SUBCASE("missing")
    {
        auto model = assets::importModel(dir / "absent.glb");
        REQUIRE_FALSE(model.ok());
        CHECK(model.error().file == (dir / "absent.glb").string());
        CHECK(model.error().message == "model file not found");
    }
    SUBCASE("empty")
    {
        testing_support::writeText(dir / "empty.glb", "");
        auto model = assets::importModel(dir / "empty.glb");
        REQUIRE_FALSE(model.ok());
        CHECK(model.error().message == "model file is empty");
    }
    SUBCASE("garbage")
    {
        testing_support::writeText(dir / "garbage.glb", std::string(4096, '\x5a'));
        auto model = assets::importModel(dir / "garbage.glb");
        REQUIRE_FALSE(model.ok());
        CHECK(model.error().file == (dir / "garbage.glb").string());
    }
    SUBCASE("truncated")
    {
        auto bytes = assets::encodeGlb(testing_support::makeTestScene());
        REQUIRE(bytes.ok());
        for (std::size_t keep : {std::size_t(8), std::size_t(40), bytes->size() / 2, bytes->size() - 5}) {
            CAPTURE(keep);
            const auto path = dir / ("truncated" + std::to_string(keep) + ".glb");
            std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes->data()), std::streamsize(keep));
            auto model = assets::importModel(path);
            CHECK_FALSE(model.ok());
            if (!model.ok()) CHECK(model.error().file == path.string());
        }
    }
    SUBCASE("a folder")
    {
        auto model = assets::importModel(dir.path());
        REQUIRE_FALSE(model.ok());
        CHECK(model.error().message.find("folder") != std::string::npos);
    }
}
