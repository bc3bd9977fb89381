#include "assets/model_import.h"
#include "assets/model_placement.h"
#include "assets/model_wire.h"
#include "authoring/gltf_writer.h"
#include "authoring/occlusion.h"
#include "core/file.h"
#include "temp_dir.h"
#include "test_models.h"

#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <assimp/scene.h>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
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

namespace {

// A finely divided floor square, one metre across, at y = 0, facing up.
assets::MeshData makeFloor()
{
    assets::MeshData mesh;
    mesh.name = "bone.floor";
    const int cells = 40;
    for (int j = 0; j <= cells; ++j)
        for (int i = 0; i <= cells; ++i) {
            mesh.positions.push_back({float(i) / cells - 0.5f, 0.0f, float(j) / cells - 0.5f});
            mesh.normals.push_back({0.0f, 1.0f, 0.0f});
        }
    for (int j = 0; j < cells; ++j)
        for (int i = 0; i < cells; ++i) {
            const auto a = std::uint32_t(j * (cells + 1) + i), b = a + 1, c = a + std::uint32_t(cells + 1), d = c + 1;
            mesh.indices.insert(mesh.indices.end(), {a, c, b, b, c, d});
        }
    for (const glm::vec3& p : mesh.positions) mesh.bounds.add(p);
    return mesh;
}

} // namespace

TEST_CASE("occlusion bake: an open ball stays lit, a ball on a floor darkens where they meet")
{
    assets::ModelData alone = testing_support::placeMeshes({{testing_support::makeSphere("muscle.ball.r", 0.05f, 32, 16), {0, 0.2f, 0}}});
    assets::bakeOcclusion(alone);
    for (float value : alone.meshes[0].occlusion) CHECK(value > 0.99f);

    // One millimetre above the floor, as structures in the model sit against each other.
    assets::ModelData resting = testing_support::placeMeshes({{testing_support::makeSphere("muscle.ball.r", 0.05f, 32, 16), {0, 0.051f, 0}},
                                         {makeFloor(), {0, 0, 0}}});
    assets::bakeOcclusion(resting);
    const assets::MeshData& ball = resting.meshes[0];
    const assets::MeshData& floor = resting.meshes[1];
    // The ball's lowest vertex touches the floor; its top sees open sky.
    std::size_t lowest = 0, highest = 0;
    for (std::size_t v = 0; v < ball.positions.size(); ++v) {
        if (ball.positions[v].y < ball.positions[lowest].y) lowest = v;
        if (ball.positions[v].y > ball.positions[highest].y) highest = v;
    }
    CHECK(ball.occlusion[lowest] < 0.3f);
    CHECK(ball.occlusion[highest] > 0.99f);
    // On the floor: dark under the ball's edge, open beyond the reach.
    float nearBall = 1.0f, farAway = 0.0f;
    for (std::size_t v = 0; v < floor.positions.size(); ++v) {
        const float distance = glm::length(glm::vec2(floor.positions[v].x, floor.positions[v].z));
        if (distance > 0.02f && distance < 0.03f) nearBall = std::min(nearBall, floor.occlusion[v]);
        if (distance > 0.3f) farAway = std::max(farAway, 1.0f - floor.occlusion[v]);
    }
    CHECK(nearBall < 0.5f);
    CHECK(farAway < 0.01f);

    // The same model baked again gives the same values.
    assets::ModelData again = testing_support::placeMeshes({{testing_support::makeSphere("muscle.ball.r", 0.05f, 32, 16), {0, 0.051f, 0}},
                                       {makeFloor(), {0, 0, 0}}});
    assets::bakeOcclusion(again);
    CHECK(again.meshes[0].occlusion == ball.occlusion);
    CHECK(again.meshes[1].occlusion == floor.occlusion);
}

TEST_CASE("occlusion bake: see-through skin darkens nothing under it")
{
    assets::ModelData model = testing_support::placeMeshes({{testing_support::makeSphere("muscle.ball.r", 0.05f, 32, 16), {0, 0.2f, 0}},
                                       {testing_support::makeSphere("skin.body", 0.06f, 32, 16), {0, 0.2f, 0}}});
    assets::bakeOcclusion(model);
    for (float value : model.meshes[0].occlusion) CHECK(value > 0.99f);
    for (float value : model.meshes[1].occlusion) CHECK(value > 0.99f);  // a convex shell hides nothing of itself
}

TEST_CASE("baked occlusion survives the trip through COLOR_0")
{
    TempDir dir;
    assets::ModelData model = testing_support::placeMeshes({{testing_support::makeSphere("muscle.ball.r", 0.05f, 16, 8), {0, 0.05f, 0}},
                                       {makeFloor(), {0, 0, 0}}});
    assets::bakeOcclusion(model);
    const auto path = dir / "baked.glb";
    REQUIRE(assets::writeGlb(model, path).ok());
    auto imported = assets::importModel(path);
    REQUIRE(imported.ok());
    for (std::size_t m = 0; m < model.meshes.size(); ++m) {
        const assets::MeshData& written = model.meshes[m];
        const assets::MeshData* read = nullptr;
        for (const assets::MeshData& mesh : imported->meshes)
            if (mesh.name == written.name) read = &mesh;
        REQUIRE(read);
        REQUIRE(read->occlusion.size() == written.occlusion.size());
        // assimp keeps the vertex order of a glb; one step of 8 bits is the precision.
        for (std::size_t v = 0; v < written.occlusion.size(); ++v)
            CHECK(std::abs(read->occlusion[v] - written.occlusion[v]) <= 0.5f / 255.0f + 1e-6f);
    }
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

namespace {

// A valid glb of the test scene taken apart: its JSON (to edit) and its binary chunk.
struct GlbParts {
    nlohmann::json json;
    std::vector<std::uint8_t> bin;
};

std::uint32_t readU32(const std::uint8_t* p)
{
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

void appendU32(std::vector<std::uint8_t>& out, std::uint32_t value)
{
    for (int i = 0; i < 4; ++i) out.push_back(std::uint8_t(value >> (8 * i)));
}

GlbParts splitGlb(const std::vector<std::uint8_t>& glb)
{
    GlbParts parts;
    const std::uint32_t jsonLength = readU32(glb.data() + 12);
    parts.json = nlohmann::json::parse(glb.begin() + 20, glb.begin() + 20 + jsonLength);
    const std::size_t binStart = 20 + jsonLength;
    const std::uint32_t binLength = readU32(glb.data() + binStart);
    parts.bin.assign(glb.begin() + std::ptrdiff_t(binStart + 8), glb.begin() + std::ptrdiff_t(binStart + 8 + binLength));
    return parts;
}

// Builds a glb; `declaredTotal` and `declaredJson` override the length fields when non-zero.
std::vector<std::uint8_t> joinGlb(const GlbParts& parts, std::uint32_t declaredTotal = 0, std::uint32_t declaredJson = 0)
{
    std::string json = parts.json.dump();
    while (json.size() % 4) json += ' ';
    std::vector<std::uint8_t> bin = parts.bin;
    while (bin.size() % 4) bin.push_back(0);
    std::vector<std::uint8_t> out;
    appendU32(out, 0x46546C67u);  // "glTF"
    appendU32(out, 2);
    appendU32(out, declaredTotal ? declaredTotal : std::uint32_t(12 + 8 + json.size() + 8 + bin.size()));
    appendU32(out, declaredJson ? declaredJson : std::uint32_t(json.size()));
    appendU32(out, 0x4E4F534Au);  // "JSON"
    out.insert(out.end(), json.begin(), json.end());
    appendU32(out, std::uint32_t(bin.size()));
    appendU32(out, 0x004E4942u);  // "BIN\0"
    out.insert(out.end(), bin.begin(), bin.end());
    return out;
}

} // namespace

TEST_CASE("crafted broken glb files: wrong sizes and huge counts give an error naming the file, never a crash")
{
    TempDir dir;
    auto bytes = assets::encodeGlb(testing_support::makeTestScene());
    REQUIRE(bytes.ok());
    const GlbParts good = splitGlb(*bytes);
    REQUIRE(good.json.contains("accessors"));
    REQUIRE(good.json.contains("bufferViews"));
    {
        const auto path = dir / "rebuilt.glb";
        std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(joinGlb(good).data()), std::streamsize(joinGlb(good).size()));
        REQUIRE(assets::importModel(path).ok());  // taking it apart and back together loses nothing
    }
    struct Case {
        std::string name;
        std::vector<std::uint8_t> bytes;
    };
    std::vector<Case> cases;
    cases.push_back({"total length longer than the file", joinGlb(good, std::uint32_t(bytes->size() * 4))});
    cases.push_back({"JSON chunk longer than the file", joinGlb(good, 0, 0x7FFFFFF0u)});
    {
        GlbParts parts = good;
        for (auto& accessor : parts.json["accessors"]) accessor["count"] = 0x7FFFFFFF;
        cases.push_back({"accessor counts of two billion", joinGlb(parts)});
    }
    {
        GlbParts parts = good;
        for (auto& view : parts.json["bufferViews"]) view["byteLength"] = std::uint64_t(view["byteLength"]) * 1000;
        cases.push_back({"buffer views longer than the buffer", joinGlb(parts)});
    }
    {
        GlbParts parts = good;
        for (auto& view : parts.json["bufferViews"]) view["byteOffset"] = 0x7FFFFFF0;
        cases.push_back({"buffer views starting past the end", joinGlb(parts)});
    }
    {
        GlbParts parts = good;
        for (auto& accessor : parts.json["accessors"]) accessor["bufferView"] = 999;
        cases.push_back({"accessors naming a missing buffer view", joinGlb(parts)});
    }
    {
        GlbParts parts = good;
        parts.json["buffers"][0]["byteLength"] = 1u << 30;
        cases.push_back({"a buffer declared a gigabyte long", joinGlb(parts)});
    }
    {
        // Every index points far outside the vertex list.
        GlbParts parts = good;
        for (auto& mesh : parts.json["meshes"])
            for (auto& primitive : mesh["primitives"])
                if (primitive.contains("indices")) {
                    const int accessor = primitive["indices"];
                    const auto& view = parts.json["bufferViews"][std::size_t(parts.json["accessors"][std::size_t(accessor)]["bufferView"])];
                    const std::size_t offset = view.value("byteOffset", std::size_t(0));
                    for (std::size_t i = 0; i < std::size_t(view["byteLength"]); ++i) parts.bin[offset + i] = 0xEE;
                }
        cases.push_back({"indices beyond the vertices", joinGlb(parts)});
    }
    for (const Case& broken : cases) {
        CAPTURE(broken.name);
        const auto path = dir / "broken.glb";
        std::ofstream(path, std::ios::binary | std::ios::trunc)
            .write(reinterpret_cast<const char*>(broken.bytes.data()), std::streamsize(broken.bytes.size()));
        auto model = assets::importModel(path);
        CHECK_FALSE(model.ok());
        if (!model.ok()) {
            CHECK(model.error().file == path.string());
            MESSAGE(broken.name << ": " << model.error().describe());
        }
    }
}

TEST_CASE("a model survives the trip out of the import process byte for byte")
{
    assets::ModelData model = skinnedStrip();
    model.sourcePath = "strip.glb";
    model.nodes[2].metadata["structure"] = "skin";
    model.meshes[0].texcoords.assign(model.meshes[0].positions.size(), glm::vec2(0.25f, 0.75f));
    model.meshes[0].occlusion.assign(model.meshes[0].positions.size(), 0.5f);
    model.meshes[0].muscleCoords.assign(model.meshes[0].positions.size(), glm::vec3(0.1f, 0.2f, 0.3f));
    for (const glm::vec3& p : model.meshes[0].positions) model.meshes[0].bounds.add(p);
    const std::string bytes = assets::encodeModel(model);
    auto decoded = assets::decodeModel(bytes, "strip.glb");
    REQUIRE(decoded.ok());
    CHECK(assets::encodeModel(*decoded) == bytes);
    CHECK(decoded->sourcePath == "strip.glb");
    CHECK(decoded->nodes[2].metadata.at("structure") == "skin");
    CHECK(decoded->meshes[0].skinned());
    CHECK(decoded->meshes[0].muscleCoords[3].z == doctest::Approx(0.3f));
    CHECK(decoded->materials[0].blend);
    CHECK(decoded->skins[0].inverseBindMatrices[1][3].y == doctest::Approx(-0.5f));

    SUBCASE("every cut-short message is refused with the file named")
    {
        for (std::size_t keep = 0; keep < bytes.size(); ++keep) {
            auto cut = assets::decodeModel(std::string_view(bytes).substr(0, keep), "strip.glb");
            REQUIRE_FALSE(cut.ok());
            CHECK(cut.error().file == "strip.glb");
        }
    }
    SUBCASE("a count larger than the message does not allocate it")
    {
        std::string damaged = bytes;
        const std::uint64_t huge = std::uint64_t(1) << 60;
        std::memcpy(damaged.data() + 8 + 8 + model.sourcePath.size(), &huge, 8);  // the node count
        auto result = assets::decodeModel(damaged, "strip.glb");
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().message == "the import process sent a damaged model");
    }
    SUBCASE("extra bytes at the end are refused") { CHECK_FALSE(assets::decodeModel(bytes + "x", "strip.glb").ok()); }
}

TEST_CASE("decoded models are checked for consistency")
{
    auto problem = [](assets::ModelData model) {
        auto decoded = assets::decodeModel(assets::encodeModel(model), "bad.glb");
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().file == "bad.glb");
        return decoded.error().field + ": " + decoded.error().message;
    };
    assets::ModelData model = skinnedStrip();
    REQUIRE(assets::checkModelConsistency(model, "strip.glb").ok());
    {
        auto bad = model;
        bad.meshes[0].indices.push_back(99);
        bad.meshes[0].indices.push_back(0);
        bad.meshes[0].indices.push_back(1);
        CHECK(problem(bad) == "mesh 'strip': has a triangle index out of range");
    }
    {
        auto bad = model;
        bad.meshes[0].indices.pop_back();
        CHECK(problem(bad) == "mesh 'strip': has no whole triangles");
    }
    {
        auto bad = model;
        bad.meshes[0].normals.pop_back();
        CHECK(problem(bad) == "mesh 'strip': has vertex attributes of different lengths");
    }
    {
        auto bad = model;
        bad.meshes[0].joints[2][1] = 5;
        CHECK(problem(bad) == "mesh 'strip': refers to a joint its skin does not have");
    }
    {
        auto bad = model;
        bad.nodes[0].parent = 2;
        CHECK(problem(bad) == "node 'joint.hip': has a parent that does not come before it");
    }
    {
        auto bad = model;
        bad.nodes[2].meshes = {4};
        CHECK(problem(bad) == "node 'skin.body': refers to a mesh that does not exist");
    }
    {
        auto bad = model;
        bad.skins[0].inverseBindMatrices.pop_back();
        CHECK(problem(bad) == "skin: has a different number of joints and bind matrices");
    }
    {
        auto bad = model;
        bad.skins[0].joints.assign(65, 0);
        bad.skins[0].inverseBindMatrices.assign(65, glm::mat4(1.0f));
        CHECK(problem(bad) == "skin: has 65 joints; at most 64 can be drawn");
    }
    {
        auto bad = model;
        bad.meshes[0].material = 3;
        CHECK(problem(bad) == "mesh 'strip': refers to a material that does not exist");
    }
    {
        auto bad = model;
        bad.meshes[0].positions[1].y = std::nanf("");
        CHECK(problem(bad) == "mesh 'strip': has a vertex position that is not a number");
    }
}

TEST_CASE("a file that crashes assimp's reader gives an error naming it, and this process goes on")
{
    TempDir dir;
    const auto path = dir / "line_loop.gltf";
    testing_support::writeText(path, testing_support::readerAbortingGltf());
    for (int attempt = 0; attempt < 2; ++attempt) {  // and again: nothing is left broken
        auto model = assets::importModel(path);
        REQUIRE_FALSE(model.ok());
        CHECK(model.error().file == path.string());
        // The reader reads through a null pointer (signal 11), whatever the heap holds.
        const std::string& message = model.error().message;
        INFO(message);
        CHECK(message.rfind("assimp could not read the model: its reader was stopped by signal ", 0) == 0);
        CHECK(message.find("; the file is probably damaged") != std::string::npos);
    }
    const std::string text = testing_support::readerAbortingGltf();
    auto outcome = assets::importModelFromMemoryOutcome(text.data(), text.size(), "gltf", "memory.gltf");
    REQUIRE_FALSE(outcome.model.ok());
    CHECK_FALSE(outcome.failedInOwnCode);
    // The same file with a whole triangle reads: the import process itself works.
    std::string fixed = text;
    const std::string loop = "\"indices\": 1, \"mode\": 2";
    fixed.replace(fixed.find(loop), loop.size(), "\"indices\": 2, \"mode\": 4");
    testing_support::writeText(path, fixed);
    auto model = assets::importModel(path);
    REQUIRE(model.ok());
    CHECK(model->triangleCount() == 1);
}

TEST_CASE("a mesh bound to more joints than the shaders hold is refused with its name")
{
    // A fan of 70 vertices, each moved by a joint of its own (assimp keeps only joints that
    // carry weight).
    assets::ModelData model;
    assets::MeshData mesh;
    mesh.name = "fan";
    assets::Node root;
    root.name = "joint.root";
    model.nodes.push_back(root);
    assets::Skin skin;
    for (int i = 0; i < 70; ++i) {
        const float angle = float(i) * 0.09f;
        mesh.positions.push_back({std::cos(angle), std::sin(angle), 0.0f});
        mesh.normals.push_back({0.0f, 0.0f, 1.0f});
        mesh.joints.push_back({std::uint16_t(i), 0, 0, 0});
        mesh.weights.push_back({1.0f, 0.0f, 0.0f, 0.0f});
        if (i >= 2) mesh.indices.insert(mesh.indices.end(), {0u, std::uint32_t(i - 1), std::uint32_t(i)});
        assets::Node joint;
        joint.name = "joint.j" + std::to_string(i);
        joint.parent = 0;
        model.nodes[0].children.push_back(int(model.nodes.size()));
        skin.joints.push_back(int(model.nodes.size()));
        skin.inverseBindMatrices.push_back(glm::mat4(1.0f));
        model.nodes.push_back(joint);
    }
    mesh.skin = 0;
    model.meshes.push_back(mesh);
    model.skins.push_back(skin);
    assets::Node holder;
    holder.name = "skin.fan";
    holder.meshes = {0};
    model.nodes.push_back(holder);
    TempDir dir;
    const auto path = dir / "many_joints.glb";
    REQUIRE(assets::writeGlb(model, path).ok());
    auto imported = assets::importModel(path);
    REQUIRE_FALSE(imported.ok());
    CHECK(imported.error().field == "mesh 'fan'");
    CHECK(imported.error().message == "is bound to 70 joints; at most 64 can be drawn");
}

TEST_CASE("a reader that takes too long is stopped at the time limit")
{
    // A model the reader cannot finish in a millisecond stands in for a hang; where the child
    // was when the time ran out depends on the scheduler, so only the ending is checked.
    assets::ModelData model;
    model.meshes.push_back(testing_support::makeSphere("ball", 1.0f, 400, 200));
    assets::Node node;
    node.name = "ball";
    node.meshes = {0};
    model.nodes.push_back(node);
    auto bytes = assets::encodeGlb(model);
    REQUIRE(bytes.ok());
    assets::ImportOptions options;
    options.seconds = 0.001;
    auto outcome = assets::importModelFromMemoryOutcome(bytes->data(), bytes->size(), "glb", "slow.glb", options);
    REQUIRE_FALSE(outcome.model.ok());
    const std::string& message = outcome.model.error().message;
    INFO(message);
    CHECK((message == "assimp took more than 1 ms to read the model and was stopped; the file is probably damaged" ||
           message.find("ran past its time limit and was stopped") != std::string::npos));
}

TEST_CASE("import errors come out of the import process whole")
{
    const core::Error error{"a.glb", 3, 4, "meshes[0]", "is broken"};
    CHECK(assets::decodeError(assets::encodeError(error), "a.glb").describe() == error.describe());
    CHECK(assets::decodeError("HTER", "a.glb").describe() == "a.glb: the import process sent a damaged error message");
}

namespace {

// One rigid box mesh under one root node: `size` in file units, its corner at `corner`.
assets::ModelData boxModel(glm::vec3 corner, glm::vec3 size)
{
    assets::ModelData model;
    assets::MeshData mesh;
    mesh.name = "box";
    for (int i = 0; i < 8; ++i)
        mesh.positions.push_back(corner + glm::vec3(i & 1 ? size.x : 0.0f, i & 2 ? size.y : 0.0f, i & 4 ? size.z : 0.0f));
    for (const glm::vec3& p : mesh.positions) mesh.bounds.add(p);
    mesh.indices = {0, 1, 3, 0, 3, 2};
    model.meshes.push_back(mesh);
    assets::Node root;
    root.name = "root";
    root.meshes = {0};
    model.nodes.push_back(root);
    return model;
}

void checkNear(glm::vec3 actual, glm::vec3 expected)
{
    for (int axis = 0; axis < 3; ++axis) CHECK(actual[axis] == doctest::Approx(expected[axis]).epsilon(1e-4));
}

} // namespace

TEST_CASE("a model from elsewhere is placed in metres, +Y up, on the floor over the origin")
{
    SUBCASE("glTF is metres and +Y up by definition: only moved onto the floor")
    {
        assets::ModelData model = boxModel({2, 3, 4}, {0.4f, 1.6f, 0.2f});
        const assets::Placement placed = assets::placeModel(model, "school.glb");
        CHECK(placed.metresPerUnit == 1.0);
        checkNear(placed.bounds.min, {-0.2f, 0.0f, -0.1f});
        checkNear(placed.bounds.max, {0.2f, 1.6f, 0.1f});
    }
    SUBCASE("FBX: its unit scale (centimetres per unit) and its Z up axis")
    {
        // 70 x 20 x 180 units of 2.54 cm (inches), standing along +Z.
        assets::ModelData model = boxModel({0, 0, 0}, {70, 20, 180});
        model.nodes[0].metadata[std::string(assets::kStatedPrefix) + "UnitScaleFactor"] = "2.54";
        model.nodes[0].metadata[std::string(assets::kStatedPrefix) + "UpAxis"] = "2";
        const assets::Placement placed = assets::placeModel(model, "body.FBX");
        CHECK(placed.metresPerUnit == doctest::Approx(0.0254));
        CHECK(placed.up == assets::UpAxis::Z);
        // +Z becomes +Y (180 x 0.0254 = 4.572 m tall); +Y becomes -Z.
        checkNear(placed.bounds.max - placed.bounds.min, {70 * 0.0254f, 180 * 0.0254f, 20 * 0.0254f});
        CHECK(placed.bounds.min.y == doctest::Approx(0.0f));
        CHECK(placed.unitReason.find("stated") == 0);
    }
    SUBCASE("OBJ states nothing: the unit is inferred from the size of a body")
    {
        struct Case {
            float heightUnits;
            double metresPerUnit;
        };
        // 1.75 units: metres; 175: centimetres; 1750: millimetres; 400: a 0.4 m part in mm.
        for (const Case& c : {Case{1.75f, 1.0}, Case{175.0f, 0.01}, Case{1750.0f, 0.001}, Case{400.0f, 0.001}}) {
            CAPTURE(c.heightUnits);
            assets::ModelData model = boxModel({0, 0, 0}, {0.2f * c.heightUnits, c.heightUnits, 0.1f * c.heightUnits});
            const assets::Placement placed = assets::placeModel(model, "thigh.obj");
            CHECK(placed.metresPerUnit == doctest::Approx(c.metresPerUnit));
            CHECK(placed.unitReason.find("inferred") == 0);
            CHECK(placed.bounds.max.y == doctest::Approx(c.heightUnits * c.metresPerUnit).epsilon(1e-4));
        }
    }
    SUBCASE("--model-unit and --model-up win over the file")
    {
        assets::ModelData model = boxModel({0, 0, 0}, {100, 300, 50});
        model.nodes[0].metadata[std::string(assets::kStatedPrefix) + "UnitScaleFactor"] = "1";
        const assets::Placement placed =
            assets::placeModel(model, "x.fbx", {assets::LengthUnit::Millimetre, assets::UpAxis::X});
        CHECK(placed.metresPerUnit == doctest::Approx(0.001));
        // +X becomes +Y: 100 units up, 0.1 m.
        checkNear(placed.bounds.max - placed.bounds.min, {0.3f, 0.1f, 0.05f});
    }
}

TEST_CASE("meshes of lines or points are left out; a model of nothing but them is refused by name")
{
    TempDir dir;
    testing_support::writeText(dir / "nerve.obj", "o nerve.sciatic.r\nv 0 0 0\nv 0 1 0\nv 0 2 0\nl 1 2 3\n"
                                                  "o bone.tetra\nv 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nf 4 6 5\nf 4 5 7\nf 4 7 6\nf 5 6 7\n");
    auto model = assets::importModel(dir / "nerve.obj");
    REQUIRE_MESSAGE(model.ok(), (model.ok() ? "" : model.error().describe()));
    CHECK(model->triangleCount() == 4);
    CHECK(model->nodes.front().metadata.count(std::string(assets::kSkippedMeshesKey)) == 1);

    testing_support::writeText(dir / "lines.obj", "v 0 0 0\nv 0 1 0\nv 0 2 0\nl 1 2 3\n");
    auto lines = assets::importModel(dir / "lines.obj");
    REQUIRE_FALSE(lines.ok());
    CHECK(lines.error().describe().find((dir / "lines.obj").string()) == 0);
    CHECK(lines.error().describe().find("nothing to draw") != std::string::npos);

    // Corners on one line: a triangle without area draws nothing either.
    testing_support::writeText(dir / "flat.obj", "v 0 0 0\nv 1 2 3\nv -1 -2 -3\nf 1 2 3\n");
    auto flat = assets::importModel(dir / "flat.obj");
    REQUIRE_FALSE(flat.ok());
    CHECK(flat.error().describe().find("nothing to draw") != std::string::npos);
}
