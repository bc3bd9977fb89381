// Models made elsewhere, as a new user would open them with --model: every glTF, glb, OBJ and
// FBX file of Debian's assimp-testmodels package (assimp's own test files, good and broken,
// written by nobody here). Each one either opens framed - it fills a fair share of the picture,
// which is not one flat colour - or is refused with a message naming the file; none crashes or
// hangs. The package is installed by the test set-up; without it the test says so and skips.
#include "app/paths.h"
#include "app/world.h"
#include "assets/model_placement.h"
#include "render/renderer.h"
#include "gl_fixture.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr const char* kModels = "/usr/share/assimp/models";
const glm::ivec2 kImageSize{320, 180};

std::vector<fs::path> foreignModels()
{
    std::vector<fs::path> files;
    std::error_code ec;
    if (!fs::is_directory(kModels, ec)) return files;
    for (const auto& entry : fs::recursive_directory_iterator(kModels, ec)) {
        std::string extension = entry.path().extension().string();
        for (char& c : extension) c = char(std::tolower(static_cast<unsigned char>(c)));
        if (entry.is_regular_file() && (extension == ".gltf" || extension == ".glb" || extension == ".obj" || extension == ".fbx"))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

testing_support::GLFixture& fixture()
{
    static testing_support::GLFixture instance({kImageSize.x, kImageSize.y});
    return instance;
}

// Where two images differ by more than a few levels in any channel: the share of the pixels,
// and the box around them as fractions of the image's width and height.
struct Difference {
    double share = 0.0;
    double widthShare = 0.0, heightShare = 0.0;
};

Difference compare(const core::Image& a, const core::Image& b)
{
    Difference result;
    std::size_t differing = 0;
    int minX = a.width, minY = a.height, maxX = -1, maxY = -1;
    for (int y = 0; y < a.height && y < b.height; ++y)
        for (int x = 0; x < a.width && x < b.width; ++x) {
            int largest = 0;
            for (int c = 0; c < 3; ++c) largest = std::max(largest, std::abs(int(a.pixel(x, y)[c]) - int(b.pixel(x, y)[c])));
            if (largest <= 6) continue;
            ++differing;
            minX = std::min(minX, x), maxX = std::max(maxX, x), minY = std::min(minY, y), maxY = std::max(maxY, y);
        }
    result.share = double(differing) / double(std::size_t(a.width) * std::size_t(a.height));
    if (maxX >= 0) {
        result.widthShare = double(maxX - minX + 1) / a.width;
        result.heightShare = double(maxY - minY + 1) / a.height;
    }
    return result;
}

// Distinct colours, coarsely binned: a picture that is one grey surface has one or two.
std::size_t colourCount(const core::Image& image)
{
    std::map<int, int> bins;
    for (std::size_t i = 0; i + 3 < image.rgba.size(); i += 4)
        ++bins[(image.rgba[i] >> 3) << 10 | (image.rgba[i + 1] >> 3) << 5 | (image.rgba[i + 2] >> 3)];
    return bins.size();
}

} // namespace

TEST_CASE("every model of assimp-testmodels opens framed or is refused with a message naming it")
{
    const std::vector<fs::path> files = foreignModels();
    if (files.empty()) {
        MESSAGE("assimp-testmodels is not installed (", kModels, "); tools/lib/setup.sh installs it");
        return;
    }
    (void)fixture();
    const app::DataPaths paths = app::findDataPaths(HT_SOURCE_DIR);
    auto renderer = render::Renderer::create(paths.shaders(), {render::Quality::Medium, 1});
    REQUIRE_MESSAGE(renderer.ok(), (renderer.ok() ? "" : renderer.error().describe()));

    int opened = 0, refused = 0;
    std::vector<std::string> report;
    for (const fs::path& file : files) {
        CAPTURE(file.string());
        app::Options options;
        options.modelPath = file.string();
        auto files = app::readSceneFiles(options, paths);
        if (!files) {
            const std::string message = files.error().describe();
            CAPTURE(message);
            CHECK(message.find(file.string()) != std::string::npos);
            ++refused;
            report.push_back("refused " + file.string() + ": " + message);
            continue;
        }
        app::World world;
        world.build(std::move(*files));
        world.frameOpeningView(options);
        REQUIRE(renderer->upload(world.scene).ok());
        const render::FrameView view = render::frameViewFrom(world.camera, kImageSize);
        REQUIRE(renderer->render(world.scene, view).ok());
        const core::Image picture = renderer->readScene();
        // The same view with every layer hidden: the backdrop and the floor alone.
        for (auto& layer : world.scene.layers()) layer.visible = false;
        REQUIRE(renderer->render(world.scene, view).ok());
        const core::Image backdrop = renderer->readScene();
        const Difference model = compare(picture, backdrop);
        // HT_FOREIGN_MODEL_IMAGES=<folder> keeps each picture, to look at.
        if (const char* folder = std::getenv("HT_FOREIGN_MODEL_IMAGES"))
            (void)core::writePng(fs::path(folder) / (file.parent_path().filename().string() + "-" + file.filename().string() + ".png"),
                                 picture);
        CAPTURE(model.share);
        CAPTURE(model.widthShare);
        CAPTURE(model.heightShare);
        // Framed: the model spans at least half the picture's width or height (a thin rod or a
        // sliver is framed end to end and still covers little), is more than a speck, and the
        // camera is not inside it.
        CHECK(std::max(model.widthShare, model.heightShare) >= 0.5);
        CHECK(model.share >= 0.005);
        CHECK(model.share <= 0.95);
        CHECK(colourCount(picture) >= 8);
        ++opened;
        char line[96];
        std::snprintf(line, sizeof line, "opened (%.0f %% of the pixels, %.0f %% x %.0f %% of the image) ", model.share * 100.0,
                      model.widthShare * 100.0, model.heightShare * 100.0);
        report.push_back(line + file.string());
    }
    for (const std::string& line : report) MESSAGE(line);
    MESSAGE(files.size(), " models: ", opened, " opened and framed, ", refused, " refused with a message");
    CHECK(opened + refused == int(files.size()));
}
