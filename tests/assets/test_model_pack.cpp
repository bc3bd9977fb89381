// The built-in model's pack (assets/model_pack.h): made at build time beside the generated
// glTF, it must hold exactly what importing that glTF gives, refuse every kind of damage by
// name, and never stop the app from starting: a bad pack falls back to the import.
#include "app/paths.h"
#include "app/world.h"
#include "assets/model_import.h"
#include "assets/model_pack.h"
#include "assets/model_wire.h"
#include "core/file.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;

namespace {

const fs::path kModel = fs::path(HT_BINARY_DIR) / "assets/hamstring_trainer.glb";

std::string readBytes(const fs::path& path)
{
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

void writeBytes(const fs::path& path, const std::string& bytes)
{
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(bytes.data(), std::streamsize(bytes.size()));
}

std::size_t triangles(const std::vector<std::uint32_t>& indices)
{
    return indices.size() / 3;
}

} // namespace

TEST_CASE("the pack made at build time holds what importing the glTF gives")
{
    const fs::path packPath = assets::modelPackPathFor(kModel);
    REQUIRE(packPath.filename() == "hamstring_trainer.htmodel");
    REQUIRE(fs::exists(packPath));
    const auto source = assets::packSourceOfFile(kModel);
    REQUIRE(source);
    const auto pack = assets::readModelPack(packPath, &*source);
    REQUIRE_MESSAGE(pack, pack.error().describe());
    const auto imported = assets::importModel(kModel);
    REQUIRE(imported);

    REQUIRE(pack->model.meshes.size() == imported->meshes.size());
    REQUIRE(pack->model.nodes.size() == imported->nodes.size());
    REQUIRE(pack->model.materials.size() == imported->materials.size());
    REQUIRE(pack->model.skins.size() == imported->skins.size());
    for (std::size_t m = 0; m < imported->meshes.size(); ++m) {
        const assets::MeshData& a = pack->model.meshes[m];
        const assets::MeshData& b = imported->meshes[m];
        CAPTURE(b.name);
        CHECK(a.name == b.name);
        CHECK(a.indices == b.indices);
        CHECK(a.positions == b.positions);
        CHECK(a.normals == b.normals);
        CHECK(a.joints == b.joints);
        CHECK(a.weights == b.weights);
    }
    for (std::size_t n = 0; n < imported->nodes.size(); ++n) CHECK(pack->model.nodes[n].name == imported->nodes[n].name);
    for (std::size_t m = 0; m < imported->materials.size(); ++m) {
        CHECK(pack->model.materials[m].doubleSided == imported->materials[m].doubleSided);
        CHECK(pack->model.materials[m].blend == imported->materials[m].blend);
    }
    // Everything else the import carries (transforms, skins, metadata, muscle coordinates,
    // occlusion) as the import process sends it: byte for byte.
    CHECK(assets::encodeModel(pack->model) == assets::encodeModel(*imported));

    // Levels of detail: whole triangles, fewer than the mesh's own, and the whole model near
    // the documented shares (about 45 %, 10 % and 2.5 %, assets/detail_levels.h).
    REQUIRE(pack->levels.size() == imported->meshes.size());
    std::size_t full = 0, level1 = 0, level2 = 0, level3 = 0;
    for (std::size_t m = 0; m < imported->meshes.size(); ++m) {
        full += triangles(imported->meshes[m].indices);
        level1 += triangles(pack->levels[m][0]);
        level2 += triangles(pack->levels[m][1]);
        level3 += triangles(pack->levels[m][2]);
        CHECK(pack->levels[m][0].size() <= imported->meshes[m].indices.size());
        CHECK(pack->levels[m][1].size() <= pack->levels[m][0].size());
        CHECK(pack->levels[m][2].size() <= pack->levels[m][1].size());
    }
    CHECK(double(level1) / double(full) == doctest::Approx(0.45).epsilon(0.25));
    CHECK(double(level2) / double(full) == doctest::Approx(0.10).epsilon(0.5));
    CHECK(double(level3) / double(full) == doctest::Approx(0.025).epsilon(0.5));
}

TEST_CASE("a damaged, stale or foreign pack is refused with what is wrong")
{
    testing_support::TempDir dir;
    const std::string good = readBytes(assets::modelPackPathFor(kModel));
    REQUIRE(good.size() > 1000);
    const auto source = assets::packSourceOfFile(kModel);
    REQUIRE(source);
    auto refusal = [&](const std::string& bytes, const assets::PackSource* expected = nullptr) {
        const fs::path path = dir / "bad.htmodel";
        writeBytes(path, bytes);
        const auto pack = assets::readModelPack(path, expected);
        REQUIRE_FALSE(pack);
        CHECK(pack.error().file == path.string());
        return pack.error().message;
    };
    CHECK(refusal("glTF not a pack at all").find("not a packed model") != std::string::npos);
    CHECK(refusal(good.substr(0, 20)).find("not a packed model") != std::string::npos);

    std::string flipped = good;
    flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x40);
    CHECK(refusal(flipped).find("checksum") != std::string::npos);
    CHECK(refusal(good.substr(0, good.size() - 7)).find("checksum") != std::string::npos);

    std::string newer = good;
    newer[8] = 9;  // the version, just after the eight-byte magic
    CHECK(refusal(newer).find("version 9") != std::string::npos);

    const assets::PackSource other{source->sizeBytes + 1, source->hash};
    CHECK(refusal(good, &other).find("stale") != std::string::npos);

    // A level that points past its mesh, with a correct checksum: the decode catches it.
    const auto pack = assets::decodeModelPack(good, "good", &*source);
    REQUIRE(pack);
    assets::DetailLevels levels = pack->levels;
    levels[0][0][0] = std::uint32_t(pack->model.meshes[0].positions.size());
    const std::string message = refusal(assets::encodeModelPack(pack->model, levels, *source));
    CHECK(message.find("level 1 of mesh 0 uses vertex") != std::string::npos);

    // Missing file: named.
    const auto missing = assets::readModelPack(dir / "none.htmodel");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().file == (dir / "none.htmodel").string());
}

TEST_CASE("the app reads the built-in model from its pack, and imports the glTF when the pack is bad")
{
    testing_support::TempDir dir;
    const fs::path data = testing_support::copyShippedData(dir / "data");
    const fs::path model = dir / "model" / "hamstring_trainer.glb";
    fs::create_directories(model.parent_path());
    fs::copy_file(kModel, model);
    fs::copy_file(assets::modelPackPathFor(kModel), assets::modelPackPathFor(model));
    std::string scene = readBytes(data / "scenes" / "default.toml");
    const std::string line = "model = \"hamstring_trainer.glb\"";
    REQUIRE(scene.find(line) != std::string::npos);
    scene.replace(scene.find(line), line.size(), "model = \"" + model.string() + "\"");
    writeBytes(data / "scenes" / "default.toml", scene);

    app::Options options;
    const app::DataPaths paths = app::findDataPaths(data.string());
    auto packed = app::readSceneFiles(options, paths);
    REQUIRE_MESSAGE(packed, packed.error().describe());
    CHECK(packed->detailLevels.has_value());
    CHECK(app::sceneModelFromPack(options, paths));  // read on another thread at start-up
    CHECK(app::readSceneFiles(options, paths, app::ModelSource::PackOnly).ok());

    // Damaged: the import takes over, and the levels are left to be simplified at run time.
    std::string damaged = readBytes(assets::modelPackPathFor(model));
    damaged[damaged.size() - 3] = char(damaged[damaged.size() - 3] ^ 1);
    writeBytes(assets::modelPackPathFor(model), damaged);
    auto imported = app::readSceneFiles(options, paths);
    REQUIRE_MESSAGE(imported, imported.error().describe());
    CHECK_FALSE(imported->detailLevels.has_value());
    CHECK(imported->model.meshes.size() == packed->model.meshes.size());
    // Its header still fits (the damage is past it, and the sizes agree), so the start-up
    // check, which reads only the header, lets it through; the reader on the world's thread
    // may not start the import: it names the pack and says why it was refused, and the app
    // starts over importing (Application::startOverImporting, tested in test_bad_files).
    CHECK(app::sceneModelFromPack(options, paths));
    std::string refusal;
    auto packOnly = app::readSceneFiles(options, paths, app::ModelSource::PackOnly, &refusal);
    REQUIRE_FALSE(packOnly.ok());
    CHECK(packOnly.error().describe().find(assets::modelPackPathFor(model).string()) != std::string::npos);
    CHECK(refusal.find("is damaged") != std::string::npos);
    // A scene file that does not read is not the pack's fault: nothing is refused.
    {
        app::Options broken = options;
        broken.scenePath = (dir / "absent.toml").string();
        std::string none;
        CHECK_FALSE(app::readSceneFiles(broken, paths, app::ModelSource::PackOnly, &none).ok());
        CHECK(none.empty());
    }

    // Told to leave packs alone (the started-over app): the import, even with a good pack.
    writeBytes(assets::modelPackPathFor(model), readBytes(assets::modelPackPathFor(kModel)));
    CHECK(app::sceneModelFromPack(options, paths));
    ::setenv(app::kSkipModelPackVariable, "1", 1);
    CHECK_FALSE(app::sceneModelFromPack(options, paths));
    auto skipped = app::readSceneFiles(options, paths);
    ::unsetenv(app::kSkipModelPackVariable);
    REQUIRE_MESSAGE(skipped, skipped.error().describe());
    CHECK_FALSE(skipped->detailLevels.has_value());

    // The header's checks, each known without reading past it: so known before any thread
    // starts, and the import (a fork) runs first.
    const std::string good = readBytes(assets::modelPackPathFor(kModel));
    const std::uint64_t glbBytes = fs::file_size(model);
    CHECK(assets::checkModelPackHeader(assets::modelPackPathFor(model), glbBytes).ok());
    const auto headerRefusal = [&](const std::string& bytes, std::uint64_t sourceBytes) {
        writeBytes(assets::modelPackPathFor(model), bytes);
        const core::Status status = assets::checkModelPackHeader(assets::modelPackPathFor(model), sourceBytes);
        return status ? std::string() : status.error().describe();
    };
    CHECK(headerRefusal(good, glbBytes + 1).find("is stale") != std::string::npos);
    std::string otherVersion = good;
    otherVersion[8] = char(otherVersion[8] + 1);
    CHECK(headerRefusal(otherVersion, glbBytes).find("version") != std::string::npos);
    CHECK(headerRefusal(good.substr(0, 20), glbBytes).find("is not a packed model") != std::string::npos);
    CHECK(headerRefusal("", glbBytes).find("is not a packed model") != std::string::npos);
    // The glTF changed size since the pack was made: stale, so imported from the start.
    writeBytes(assets::modelPackPathFor(model), good);
    writeBytes(model, readBytes(kModel) + std::string(4, ' '));
    CHECK_FALSE(app::sceneModelFromPack(options, paths));
    fs::copy_file(kModel, model, fs::copy_options::overwrite_existing);

    // A model given with --model never uses a pack, even one lying beside it.
    fs::copy_file(assets::modelPackPathFor(kModel), assets::modelPackPathFor(model), fs::copy_options::overwrite_existing);
    options.modelPath = model.string();
    auto foreign = app::readSceneFiles(options, paths);
    REQUIRE(foreign);
    CHECK_FALSE(foreign->detailLevels.has_value());
    CHECK_FALSE(app::sceneModelFromPack(options, paths));
}
