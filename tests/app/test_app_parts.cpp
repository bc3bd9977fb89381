// Parts of the app checked without a window: the --quality words, the order of the quality
// levels, projecting world points to pixels and focusing on a box, reading process memory,
// the soak's cycle as the loop sees it through the Mode interface, and screenshots written
// beside the loop.
#include "app/modes/mode.h"
#include "app/options.h"
#include "app/quality_levels.h"
#include "app/screenshot_writer.h"
#include "app/world.h"
#include "core/process_memory.h"
#include "scene/camera.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Parsed {
    app::ParseResult result;
    std::string errors;
};

// parseOptions over these arguments, with what CLI11 prints to stderr kept.
Parsed parse(std::vector<std::string> arguments)
{
    arguments.insert(arguments.begin(), "hamstring-trainer");
    std::vector<char*> argv;
    for (std::string& argument : arguments) argv.push_back(argument.data());
    std::ostringstream errors;
    std::streambuf* saved = std::cerr.rdbuf(errors.rdbuf());
    app::ParseResult result = app::parseOptions(int(argv.size()), argv.data());
    std::cerr.rdbuf(saved);
    return {result, errors.str()};
}

// The shortest distance from a point to a ray's line.
float distanceToRay(const core::Ray& ray, const glm::vec3& point)
{
    const glm::vec3 toPoint = point - ray.origin;
    return glm::length(toPoint - glm::dot(toPoint, ray.direction) * ray.direction);
}

} // namespace

TEST_CASE("--quality takes auto, high, medium, low and lowest, and refuses anything else with the words listed")
{
    CHECK(parse({}).result.options->quality == app::QualityChoice::Auto);
    const std::pair<const char*, app::QualityChoice> words[] = {{"auto", app::QualityChoice::Auto},
                                                                {"high", app::QualityChoice::High},
                                                                {"medium", app::QualityChoice::Medium},
                                                                {"low", app::QualityChoice::Low},
                                                                {"lowest", app::QualityChoice::Lowest}};
    for (const auto& word : words) {
        CAPTURE(word.first);
        const Parsed parsed = parse({"--quality", word.first});
        REQUIRE(parsed.result.options);
        CHECK(parsed.result.options->quality == word.second);
    }
    // The enum's numbers and other spellings are not words a user was told about.
    for (const char* word : {"ultra", "2", "0", "LOW", ""}) {
        CAPTURE(word);
        const Parsed parsed = parse({"--quality", word});
        CHECK_FALSE(parsed.result.options);
        CHECK(parsed.result.exitCode != 0);
        CHECK(parsed.errors.find("--quality") != std::string::npos);
        CHECK(parsed.errors.find("auto, high, medium, low or lowest") != std::string::npos);
    }
}

TEST_CASE("quality levels: a fixed choice names its level, and the ranks run from the cheapest frame to the dearest")
{
    using render::Quality;
    CHECK_FALSE(app::fixedQuality(app::QualityChoice::Auto));
    CHECK(app::fixedQuality(app::QualityChoice::Lowest) == Quality::Lowest);
    CHECK(app::fixedQuality(app::QualityChoice::Low) == Quality::Low);
    CHECK(app::fixedQuality(app::QualityChoice::Medium) == Quality::Medium);
    CHECK(app::fixedQuality(app::QualityChoice::High) == Quality::High);
    // Lowest draws fewest pixels and triangles, high multisamples everything (render/view.h).
    CHECK(app::qualityRank(Quality::Lowest) < app::qualityRank(Quality::Low));
    CHECK(app::qualityRank(Quality::Low) < app::qualityRank(Quality::Medium));
    CHECK(app::qualityRank(Quality::Medium) < app::qualityRank(Quality::High));
    for (Quality quality : {Quality::Lowest, Quality::Low, Quality::Medium, Quality::High})
        CHECK(app::qualityOfRank(app::qualityRank(quality)) == quality);
    CHECK(app::qualityOfRank(-3) == Quality::Lowest);
    CHECK(app::qualityOfRank(9) == Quality::High);
}

TEST_CASE("worldToPixel puts a point where the ray through that pixel passes, and drops points behind the eye")
{
    scene::OrbitCamera camera;
    camera.setPose({glm::vec3(0.1f, 0.9f, 0.05f), 30.0f, 10.0f, 2.0f});
    const glm::vec2 viewport{800.0f, 600.0f};
    const glm::mat4 viewProjection = camera.viewProjectionMatrix(viewport);
    // The focus is on the line of sight: the middle of the picture.
    const auto middle = scene::worldToPixel(viewProjection, camera.pose().focus, viewport);
    REQUIRE(middle);
    CHECK(middle->x == doctest::Approx(400.0f).epsilon(1e-4));
    CHECK(middle->y == doctest::Approx(300.0f).epsilon(1e-4));
    // Above the focus is higher on screen (smaller y, origin top left).
    const auto above = scene::worldToPixel(viewProjection, camera.pose().focus + glm::vec3(0.0f, 0.2f, 0.0f), viewport);
    REQUIRE(above);
    CHECK(above->y < middle->y);
    for (const glm::vec3 point : {glm::vec3(0.3f, 1.1f, -0.2f), glm::vec3(-0.2f, 0.5f, 0.3f), glm::vec3(0.0f, 1.4f, 0.4f)}) {
        CAPTURE(point.x);
        const auto pixel = scene::worldToPixel(viewProjection, point, viewport);
        REQUIRE(pixel);
        CHECK(distanceToRay(camera.rayThroughPixel(*pixel, viewport), point) < 1e-4f);
    }
    CHECK_FALSE(scene::worldToPixel(viewProjection, camera.position() - camera.forward(), viewport));
}

TEST_CASE("focusOnBounds glides to the box's centre at the given number of radii, never nearer than the minimum")
{
    scene::OrbitCamera camera;
    camera.setPose({glm::vec3(0.0f), 45.0f, 20.0f, 3.0f});
    core::Bounds box;
    box.add(glm::vec3(0.2f, 0.8f, 0.1f));
    box.add(glm::vec3(0.4f, 1.0f, 0.3f));
    const float radiusM = std::sqrt(3.0f * 0.2f * 0.2f) * 0.5f;
    camera.focusOnBounds(box, 3.2f, 0.15f);
    camera.update(10.0f);
    CHECK(glm::length(camera.pose().focus - glm::vec3(0.3f, 0.9f, 0.2f)) < 1e-5f);
    CHECK(camera.pose().distanceM == doctest::Approx(radiusM * 3.2f));
    // The camera keeps looking from where it was.
    CHECK(camera.pose().yawDeg == doctest::Approx(45.0f));
    CHECK(camera.pose().pitchDeg == doctest::Approx(20.0f));
    camera.focusOnBounds(box, 1.0f, 0.5f);
    camera.update(10.0f);
    CHECK(camera.pose().distanceM == doctest::Approx(0.5f));
}

TEST_CASE("processMemory reads this process as /proc/self/statm does, and a missing process as zeros")
{
    // Touch some memory so the resident figure is well above noise.
    std::vector<char> block(32 << 20, 1);
    const core::ProcessMemory memory = core::processMemory();
    unsigned long long sizePages = 0, residentPages = 0;
    std::FILE* statm = std::fopen("/proc/self/statm", "r");
    REQUIRE(statm);
    REQUIRE(std::fscanf(statm, "%llu %llu", &sizePages, &residentPages) == 2);
    std::fclose(statm);
    const unsigned long long pageKb = static_cast<unsigned long long>(::sysconf(_SC_PAGESIZE)) / 1024;
    CHECK(memory.residentKb >= 32 * 1024);
    CHECK(double(memory.residentKb) == doctest::Approx(double(residentPages * pageKb)).epsilon(0.05));
    CHECK(double(memory.addressSpaceKb) == doctest::Approx(double(sizePages * pageKb)).epsilon(0.05));
    CHECK(memory.peakResidentKb >= memory.residentKb);
    CHECK(block[12345] == 1);
    const core::ProcessMemory parent = core::processMemory(int(::getppid()));
    CHECK(parent.residentKb > 0);
    const core::ProcessMemory none = core::processMemory(0x7ffffff0);
    CHECK(none.residentKb == 0);
    CHECK(none.addressSpaceKb == 0);
}

TEST_CASE("the soak drives the body through rest, a cramp and a stretching hip, eight seconds each, over and over")
{
    app::World world;
    world.manualPose[anatomy::Coordinate::KneeFlexionR] = 5.0;
    const std::unique_ptr<app::Mode> soak = app::makeSoakMode(world, 60.0, 0);
    CHECK(soak->frameLimit() == 0);
    for (double cycle : {0.0, 24.0, 240.0}) {
        CAPTURE(cycle);
        const auto rest = soak->muscleInput(cycle + 4.0);
        REQUIRE(rest);
        CHECK(rest->drive.mode == content::MuscleMode::Relaxed);
        CHECK(rest->pose[anatomy::Coordinate::KneeFlexionR] == 5.0);
        CHECK(rest->pose[anatomy::Coordinate::HipFlexionR] == world.manualPose[anatomy::Coordinate::HipFlexionR]);
        const auto cramp = soak->muscleInput(cycle + 12.0);
        REQUIRE(cramp);
        CHECK(cramp->drive.mode == content::MuscleMode::Cramp);
        REQUIRE(cramp->drive.cramp);
        CHECK(cramp->drive.cramp->muscle == anatomy::Muscle::BicepsFemorisLong);
        CHECK(cramp->drive.crampElapsedS == doctest::Approx(4.0));
        CHECK(cramp->pose[anatomy::Coordinate::HipFlexionR] == world.manualPose[anatomy::Coordinate::HipFlexionR]);
        // The stretch raises the straight leg to 70 degrees over three seconds, cramp still on.
        const auto stretch = soak->muscleInput(cycle + 17.5);
        REQUIRE(stretch);
        CHECK(stretch->drive.mode == content::MuscleMode::Cramp);
        CHECK(stretch->pose[anatomy::Coordinate::HipFlexionR] == doctest::Approx(35.0));
        CHECK(soak->muscleInput(cycle + 22.0)->pose[anatomy::Coordinate::HipFlexionR] == doctest::Approx(70.0));
    }
    // --frames still ends a soak.
    CHECK(app::makeSoakMode(world, 60.0, 12)->frameLimit() == 12);
}

TEST_CASE("screenshots are written beside the loop, reported in the order taken, and never overwrite each other")
{
    testing_support::TempDir dir;
    // A picture with a gradient and an opaque and a see-through half, so each pixel is known.
    core::Image image;
    image.width = 64;
    image.height = 32;
    image.rgba.resize(std::size_t(image.width) * image.height * 4);
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            std::uint8_t* pixel = image.pixel(x, y);
            pixel[0] = std::uint8_t(x * 4), pixel[1] = std::uint8_t(y * 8), pixel[2] = 200, pixel[3] = x < 32 ? 255 : 128;
        }

    app::ScreenshotWriter writer;
    const fs::path first = dir / "pictures" / "shot.png";
    writer.write(first, image);
    // The name is taken while the picture is still on its way, and once it is on disk.
    const fs::path second = writer.freePath(first);
    CHECK(second == dir / "pictures" / "shot-2.png");
    writer.write(second, image);
    CHECK(writer.freePath(first) == dir / "pictures" / "shot-3.png");
    const fs::path blocked = dir / "file" / "inside.png";
    testing_support::writeText(dir / "file", "a file where a folder should be");
    writer.write(blocked, image);

    const std::vector<app::ScreenshotWriter::Outcome> ended = writer.collect(true);
    REQUIRE(ended.size() == 3);
    CHECK(ended[0].path == first);
    CHECK(ended[1].path == second);
    CHECK(ended[0].status.ok());
    CHECK(ended[1].status.ok());
    REQUIRE_FALSE(ended[2].status.ok());
    CHECK(ended[2].status.error().describe().find(blocked.string()) != std::string::npos);
    CHECK(writer.collect(true).empty());
    CHECK(writer.freePath(first) == dir / "pictures" / "shot-3.png");
    CHECK(writer.freePath(dir / "pictures" / "other.png") == dir / "pictures" / "other.png");

    // More than kMostPending at once (F12 held down): each is written, in order.
    std::vector<fs::path> burst;
    for (std::size_t i = 0; i < app::ScreenshotWriter::kMostPending + 3; ++i) {
        burst.push_back(writer.freePath(dir / "pictures" / "burst.png"));
        writer.write(burst.back(), image);
    }
    const std::vector<app::ScreenshotWriter::Outcome> written = writer.collect(true);
    REQUIRE(written.size() == burst.size());
    for (std::size_t i = 0; i < burst.size(); ++i) {
        CHECK(written[i].path == burst[i]);
        CHECK(written[i].status.ok());
        CHECK(fs::exists(burst[i]));
    }
    // A picture whose pixels do not fill its size is refused by name, not read past its end.
    core::Image hollow;
    hollow.width = 8;
    hollow.height = 8;
    writer.write(dir / "hollow.png", hollow);
    const auto refused = writer.collect(true);
    REQUIRE(refused.size() == 1);
    REQUIRE_FALSE(refused[0].status.ok());
    CHECK(refused[0].status.error().describe().find("hollow.png") != std::string::npos);

    for (const fs::path& path : {first, second}) {
        auto read = core::readPng(path);
        REQUIRE_MESSAGE(read, read.error().describe());
        REQUIRE(read->width == 64);
        REQUIRE(read->height == 32);
        CHECK(read->pixel(10, 3)[0] == 40);
        CHECK(read->pixel(10, 3)[1] == 24);
        CHECK(read->pixel(10, 3)[2] == 200);
        CHECK(read->pixel(10, 3)[3] == 255);
        CHECK(read->pixel(50, 20)[0] == 200);
        CHECK(read->pixel(50, 20)[1] == 160);
        CHECK(read->pixel(50, 20)[3] == 128);
    }
}
