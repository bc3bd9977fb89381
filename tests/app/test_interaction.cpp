// The overlay and controls driven like a user would: real SDL events from an input script,
// headless, against the real model and lessons; state read back from the app's report and
// screenshots.
#include "anatomy/muscle_path.h"
#include "app_run.h"

#include <doctest/doctest.h>
#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using testing_support::musclePixels;
using testing_support::runWithReport;
using testing_support::TempDir;

namespace {

// The height of the first band of accent-coloured (orange) text rows below `top` in a
// presenter screenshot: the caption's heading, a measure of the rendered text size in pixels.
int headingHeight(const core::Image& image, int captionTop)
{
    auto accentRow = [&](int y) {
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* p = image.pixel(x, y);
            if (p[0] > 200 && p[1] > 140 && p[1] < 230 && p[2] < 150 && p[0] > p[2] + 80) return true;
        }
        return false;
    };
    int y = captionTop;
    while (y < image.height && !accentRow(y)) ++y;
    const int top = y;
    while (y < image.height && accentRow(y)) ++y;
    return y - top;
}

// Where a world point appears in the window (window points, origin top left), worked out here
// from the camera state the report prints - an orbit about the focus (yaw 0: in front, on +x;
// pitch: above), y up, a vertical field of view, and the lens shift that centres the picture
// in the part of the window the panels leave free - not with the app's matrices or picking.
// Null behind the camera.
std::optional<glm::dvec2> projectToWindow(const nlohmann::json& report, const glm::dvec3& point)
{
    const nlohmann::json& camera = report["camera"];
    const double yawRad = glm::radians(camera["yaw_deg"].get<double>());
    const double pitchRad = glm::radians(camera["pitch_deg"].get<double>());
    const glm::dvec3 focus(camera["focus"][0].get<double>(), camera["focus"][1].get<double>(), camera["focus"][2].get<double>());
    const glm::dvec3 eye = focus + camera["distance_m"].get<double>() * glm::dvec3(std::cos(pitchRad) * std::cos(yawRad), std::sin(pitchRad),
                                                                                  std::cos(pitchRad) * std::sin(yawRad));
    const glm::dvec3 forward = glm::normalize(focus - eye);
    const glm::dvec3 right = glm::normalize(glm::cross(forward, glm::dvec3(0.0, 1.0, 0.0)));
    const glm::dvec3 up = glm::cross(right, forward);
    const glm::dvec3 offset = point - eye;
    const double depthM = glm::dot(offset, forward);
    if (depthM <= 0.0) return std::nullopt;
    const double width = report["window"]["width"].get<double>(), height = report["window"]["height"].get<double>();
    const double halfHeightM = std::tan(glm::radians(camera["fov_y_deg"].get<double>()) * 0.5) * depthM;
    const double ndcX = glm::dot(offset, right) / (halfHeightM * width / height) + camera["lens_shift"][0].get<double>();
    const double ndcY = glm::dot(offset, up) / halfHeightM + camera["lens_shift"][1].get<double>();
    return glm::dvec2((ndcX + 1.0) * 0.5 * width, (1.0 - ndcY) * 0.5 * height);
}

// The point `fraction` of the way along a muscle's path (by length) in the standing pose,
// from the anatomy module's gait2392 paths: where the muscle's belly is.
glm::dvec3 alongMusclePath(anatomy::Muscle muscle, anatomy::Side side, double fraction)
{
    std::array<anatomy::MusclePath, 1> paths;
    const std::array<anatomy::Muscle, 1> muscles{muscle};
    anatomy::evaluateMusclePaths(anatomy::Pose::neutral(), side, muscles, paths);
    const std::span<const glm::dvec3> points = paths[0].view();
    double total = 0.0;
    for (std::size_t i = 1; i < points.size(); ++i) total += glm::distance(points[i - 1], points[i]);
    double left = fraction * total;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const double segment = glm::distance(points[i - 1], points[i]);
        if (left <= segment) return glm::mix(points[i - 1], points[i], left / segment);
        left -= segment;
    }
    return points.back();
}

std::string clickScript(int frame, glm::dvec2 point)
{
    return "[[event]]\nframe = " + std::to_string(frame) + "\ntype = \"click\"\nx = " + std::to_string(point.x) +
           "\ny = " + std::to_string(point.y) + "\n";
}

} // namespace

TEST_CASE("clicking a muscle selects it")
{
    TempDir dir;
    const nlohmann::json before = runWithReport(dir, {"--frames", "3"});
    CHECK(before["selected"].is_null());
    // Two neighbours at the back of the right thigh, each clicked halfway along its path: the
    // click must pick the one under it, not merely some muscle.
    const std::pair<anatomy::Muscle, const char*> targets[] = {
        {anatomy::Muscle::Semitendinosus, "muscle.semitendinosus.r"},
        {anatomy::Muscle::BicepsFemorisLong, "muscle.biceps_femoris_long.r"},
    };
    for (const auto& target : targets) {
        // Named copies: clang 14 cannot capture structured bindings in CAPTURE's lambda.
        const anatomy::Muscle muscle = target.first;
        const std::string node = target.second;
        CAPTURE(node);
        const std::optional<glm::dvec2> point = projectToWindow(before, alongMusclePath(muscle, anatomy::Side::Right, 0.5));
        REQUIRE(point);
        INFO("clicked at " << point->x << ", " << point->y);
        const nlohmann::json after = runWithReport(dir, {"--frames", "10"}, clickScript(3, *point));
        CHECK(after["selected"] == node);
    }
    // Escape clears it again.
    const glm::dvec2 point = *projectToWindow(before, alongMusclePath(anatomy::Muscle::Semitendinosus, anatomy::Side::Right, 0.5));
    const nlohmann::json cleared =
        runWithReport(dir, {"--frames", "14"}, clickScript(3, point) + "[[event]]\nframe = 10\ntype = \"key\"\nkey = \"Esc\"\n");
    CHECK(cleared["selected"].is_null());
}

TEST_CASE("PageDown and PageUp step through a lesson, as a presentation clicker does")
{
    TempDir dir;
    const std::string lesson = "relief_seated_floor_stretch";
    const nlohmann::json start = runWithReport(dir, {"--lesson", lesson, "--step", "1", "--frames", "3"});
    REQUIRE(start["lesson"]["id"] == lesson);
    CHECK(start["lesson"]["step"] == 0);
    const nlohmann::json forward = runWithReport(dir, {"--lesson", lesson, "--step", "1", "--frames", "8"},
                                                 "[[event]]\nframe = 3\ntype = \"key\"\nkey = \"PageDown\"\n");
    CHECK(forward["lesson"]["step"] == 1);
    const nlohmann::json twice = runWithReport(dir, {"--lesson", lesson, "--step", "1", "--frames", "10"},
                                               "[[event]]\nframe = 3\ntype = \"key\"\nkey = \"Space\"\n"
                                               "[[event]]\nframe = 6\ntype = \"key\"\nkey = \"Right\"\n");
    CHECK(twice["lesson"]["step"] == 2);
    const nlohmann::json back = runWithReport(dir, {"--lesson", lesson, "--step", "2", "--frames", "8"},
                                              "[[event]]\nframe = 3\ntype = \"key\"\nkey = \"PageUp\"\n");
    CHECK(back["lesson"]["step"] == 0);
}

TEST_CASE("Next from the chair onto the examination couch: the muscles start over at rest on the couch, not jolted")
{
    // The change into the couch is a cut (no blend through the air). Sitting, the hamstrings
    // are centimetres longer than lying: carried over in one simulation step, the long head's
    // fibres would shorten at about 0.3 m/s with its tendon slack for a tenth of a second.
    // Started over at the couch's pose, every head is at rest there, its tendon taut.
    TempDir dir;
    const std::vector<std::string> arguments{"--lesson", "doctor_the_visit", "--step", "3", "--size", "640x360"};
    const std::string next = "[[event]]\nframe = 100\ntype = \"key\"\nkey = \"PageDown\"\n";
    auto run = [&](int frames) {
        std::vector<std::string> all = arguments;
        all.insert(all.end(), {"--frames", std::to_string(frames)});
        return runWithReport(dir, all, next);
    };
    const nlohmann::json seated = run(100);
    const nlohmann::json lying = run(103);
    REQUIRE(seated["lesson"]["step"] == 2);
    REQUIRE(lying["lesson"]["step"] == 3);
    REQUIRE(lying["muscles"].size() == 8);
    double longest = 0.0;
    for (const auto& item : lying["muscles"].items()) {
        // Named copies: clang 14 cannot capture structured bindings in CAPTURE's lambda.
        const std::string head = item.key();
        const nlohmann::json& state = item.value();
        CAPTURE(head);
        longest = std::max(longest, std::abs(seated["muscles"][head]["length_m"].get<double>() - state["length_m"].get<double>()));
        CHECK(std::abs(state["fiber_lengthening_m_per_s"].get<double>()) < 0.01);
        CHECK(state["tendon_force_n"].get<double>() > 1.0);
    }
    CHECK(longest > 0.02);  // the cut moves them a long way
}

TEST_CASE("hiding the muscle layer removes the hamstrings from the picture")
{
    TempDir dir;
    const nlohmann::json shown = runWithReport(dir, {"--frames", "4", "--no-overlay", "--screenshot", (dir / "shown.png").string()});
    CHECK(shown["layers"]["muscle"]["visible"] == true);
    const nlohmann::json hidden =
        runWithReport(dir, {"--frames", "6", "--no-overlay", "--screenshot", (dir / "hidden.png").string()},
                      "[[event]]\nframe = 2\ntype = \"key\"\nkey = \"2\"\nctrl = true\n");
    CHECK(hidden["layers"]["muscle"]["visible"] == false);
    const int before = musclePixels(*core::readPng(dir / "shown.png"));
    const int after = musclePixels(*core::readPng(dir / "hidden.png"));
    INFO("muscle-red pixels before " << before << ", after " << after);
    CHECK(before > 5000);
    CHECK(after < before / 4);
}

TEST_CASE("F12 saves the picture into the pictures folder, beside the loop; two presses give two files")
{
    TempDir dir;
    std::string errors;
    testing_support::AppRun run;
    run.arguments = {"--frames", "5", "--no-overlay", "--size", "320x200"};
    run.script = "[[event]]\nframe = 1\ntype = \"key\"\nkey = \"F12\"\n"
                 "[[event]]\nframe = 2\ntype = \"key\"\nkey = \"F12\"\n";
    run.environment = {{"HOME", dir.path().string()}, {"XDG_CONFIG_HOME", (dir / "config").string()},
                       {"XDG_PICTURES_DIR", (dir / "Pictures").string()}};
    run.errors = &errors;
    (void)testing_support::runWithReport(dir, run);
    const fs::path folder = dir / "Pictures" / "Hamstring Trainer";
    std::vector<fs::path> saved;
    for (const auto& entry : fs::directory_iterator(folder)) saved.push_back(entry.path());
    std::sort(saved.begin(), saved.end());
    INFO("stderr: " << errors);
    REQUIRE(saved.size() == 2);
    for (const fs::path& path : saved) {
        CHECK(errors.find("screenshot saved to " + path.string()) != std::string::npos);
        auto image = core::readPng(path);
        REQUIRE_MESSAGE(image, image.error().describe());
        CHECK(image->width == 320);
        CHECK(image->height == 200);
        CHECK(musclePixels(*image) > 50);
    }
}

// The notice "Screenshot saved to ..." floats over the bottom of the scene for a few seconds:
// the view must not be framed around it, or every screenshot would move the model (it did).
TEST_CASE("a notice coming up does not move the model: the view is framed as without it")
{
    TempDir dir;
    auto cameraAfter = [&](bool screenshot) {
        testing_support::AppRun run;
        run.arguments = {"--frames", "40", "--size", "960x540"};
        if (screenshot) run.script = "[[event]]\nframe = 2\ntype = \"key\"\nkey = \"F12\"\n";
        run.environment = {{"HOME", dir.path().string()}, {"XDG_CONFIG_HOME", (dir / "config").string()},
                           {"XDG_PICTURES_DIR", (dir / "Pictures").string()}};
        const nlohmann::json report = testing_support::runWithReport(dir, run);
        CHECK(report["panels"].contains("##notification") == screenshot);
        return report["camera"];
    };
    const nlohmann::json plain = cameraAfter(false);
    const nlohmann::json noticed = cameraAfter(true);
    CHECK(noticed["lens_shift"] == plain["lens_shift"]);
    CHECK(noticed["yaw_deg"] == plain["yaw_deg"]);
    CHECK(noticed["distance_m"] == plain["distance_m"]);
}

TEST_CASE("presenter mode sizes its text for the screen: 1080p and 4K")
{
    TempDir dir;
    const std::string lesson = "relief_seated_floor_stretch";
    struct Screen {
        const char* size;
        int height;
    };
    std::vector<int> measured;
    for (const Screen screen : {Screen{"1920x1080", 1080}, Screen{"3840x2160", 2160}}) {
        CAPTURE(screen.size);
        const fs::path shot = dir / (std::string("presenter-") + screen.size + ".png");
        const nlohmann::json report = runWithReport(
            dir, {"--lesson", lesson, "--step", "3", "--time", "6", "--presenter", "--size", screen.size, "--frames", "3",
                  "--screenshot", shot.string()});
        CHECK(report["presenter"] == true);
        const float requested = report["presenter_heading_pixels"].get<float>();
        // The caption heading is 1.25 times the projector text size, which is 1/28 of the screen height.
        CHECK(requested == doctest::Approx(std::round(std::round(screen.height / 28.0) * 1.25)).epsilon(0.02));
        // Measured inside the caption panel, so nothing of the model can be mistaken for text.
        REQUIRE(report["panels"].contains("##presenter-caption"));
        const int height = headingHeight(*core::readPng(shot), int(report["panels"]["##presenter-caption"][1].get<double>()));
        INFO("heading measured " << height << " px for a " << requested << " px font");
        // A heading with capitals and a descender spans about 0.9 of the font size.
        CHECK(height > requested * 0.7);
        CHECK(height < requested * 1.15);
        measured.push_back(height);
    }
    REQUIRE(measured.size() == 2);
    CHECK(double(measured[1]) / measured[0] == doctest::Approx(2.0).epsilon(0.1));
}
