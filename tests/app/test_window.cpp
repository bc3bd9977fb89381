// The window's life as a desktop user puts it through: shrunk to a single pixel and grown
// again, minimised and restored, moved to a display with another DPI, a lost GL context, and
// the saved window placement coming back at the next start. Each runs the real binary with
// GL debug output on and demands zero GL errors or warnings.
#include "app_run.h"
#include "golden.h"
#include "process.h"

#include <doctest/doctest.h>

#include <cstdlib>

namespace fs = std::filesystem;
using testing_support::AppRun;
using testing_support::musclePixels;
using testing_support::runWithReport;
using testing_support::TempDir;

namespace {

const std::string kLesson = "relief_seated_floor_stretch";

std::string event(int frame, const std::string& type, const std::string& fields = "")
{
    return "[[event]]\nframe = " + std::to_string(frame) + "\ntype = \"" + type + "\"\n" + fields;
}

// Every panel's rectangle lies inside the window and below its top edge.
void checkPanelsInside(const nlohmann::json& report)
{
    const double width = report["window"]["width"].get<double>(), height = report["window"]["height"].get<double>();
    REQUIRE(report["panels"].is_object());
    for (const auto& panel : report["panels"].items()) {
        const std::string& name = panel.key();
        const auto& rect = panel.value();
        CAPTURE(name);
        if (name.rfind("##", 0) == 0 || name == "Debug##Default") continue;  // ImGui's own fallback window
        CHECK(rect[0].get<double>() >= 0.0);
        CHECK(rect[1].get<double>() >= 0.0);
        CHECK(rect[0].get<double>() < width);
        CHECK(rect[1].get<double>() < height);
    }
}

} // namespace

TEST_CASE("a window shrunk to one pixel and grown again draws the scene and keeps its panels in view")
{
    TempDir dir;
    const std::string script = event(3, "resize", "width = 1\nheight = 1\n") +
                               event(6, "resize", "width = 1280\nheight = 720\n");
    const nlohmann::json report =
        runWithReport(dir, {"--gl-debug", "--frames", "12", "--screenshot", (dir / "after.png").string()}, script);
    CHECK(report["gl_problems"] == 0);
    CHECK(report["window"]["drawable_width"] == 1280);
    CHECK(report["window"]["drawable_height"] == 720);
    CHECK(report["frames_drawn"] == 12);
    checkPanelsInside(report);
    CHECK(report["panels"].contains("Explore"));
    CHECK(musclePixels(*core::readPng(dir / "after.png")) > 2000);

    // Panels stay reachable when the window stays small, too.
    const nlohmann::json small =
        runWithReport(dir, {"--gl-debug", "--frames", "8"}, event(3, "resize", "width = 200\nheight = 150\n"));
    CHECK(small["gl_problems"] == 0);
    CHECK(small["window"]["width"] == 200);
    checkPanelsInside(small);
}

TEST_CASE("a minimised window stops drawing and holds the lesson; restoring it carries on")
{
    TempDir dir;
    const nlohmann::json minimised =
        runWithReport(dir, {"--lesson", kLesson, "--frames", "10"}, event(4, "minimise"));
    CHECK(minimised["minimised"] == true);
    CHECK(minimised["frames"] == 10);
    CHECK(minimised["frames_drawn"] == 4);
    CHECK(minimised["lesson"]["paused"] == true);
    // Time stood still while nobody watched: the lesson clock is where frame 4 left it.
    CHECK(minimised["lesson"]["time_s"].get<double>() < 5.0 / 60.0 + 1e-6);

    const nlohmann::json restored =
        runWithReport(dir, {"--lesson", kLesson, "--frames", "14"}, event(4, "minimise") + event(8, "restore"));
    CHECK(restored["minimised"] == false);
    CHECK(restored["frames_drawn"] == 10);
    CHECK(restored["lesson"]["paused"] == false);

    // A lesson the user had paused stays paused after the window comes back.
    const nlohmann::json userPaused = runWithReport(
        dir, {"--lesson", kLesson, "--frames", "14"},
        event(2, "key", "key = \"P\"\n") + event(5, "minimise") + event(8, "restore"));
    CHECK(userPaused["lesson"]["paused"] == true);
}

TEST_CASE("moving to a display with twice the DPI doubles the text size")
{
    TempDir dir;
    const nlohmann::json before = runWithReport(dir, {"--frames", "4"});
    const nlohmann::json after =
        runWithReport(dir, {"--gl-debug", "--frames", "6"}, event(2, "display", "display = 1\ndpi = 192\n"));
    CHECK(after["gl_problems"] == 0);
    CHECK(after["dpi_scale"].get<double>() == doctest::Approx(2.0));
    CHECK(after["font_pixels"].get<double>() == doctest::Approx(before["font_pixels"].get<double>() * 2.0).epsilon(0.05));
    // And back on a normal display.
    const nlohmann::json back = runWithReport(dir, {"--frames", "8"},
                                              event(2, "display", "display = 1\ndpi = 192\n") +
                                                  event(4, "display", "display = 0\ndpi = 96\n"));
    CHECK(back["font_pixels"] == before["font_pixels"]);
}

TEST_CASE("a lost GL context is replaced and the picture comes back the same")
{
    TempDir dir;
    const std::vector<std::string> common{"--gl-debug", "--lesson", kLesson, "--frames", "10", "--no-overlay"};
    auto with = [&](const std::string& shot) {
        std::vector<std::string> arguments = common;
        arguments.insert(arguments.end(), {"--screenshot", (dir / shot).string()});
        return arguments;
    };
    const nlohmann::json plain = runWithReport(dir, with("plain.png"));
    const nlohmann::json lost = runWithReport(dir, with("lost.png"), event(5, "context_lost"));
    CHECK(lost["context_recoveries"] == 1);
    CHECK(lost["gl_problems"] == 0);
    CHECK(plain["context_recoveries"] == 0);
    const auto a = core::readPng(dir / "plain.png");
    const auto b = core::readPng(dir / "lost.png");
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(a->width == b->width);
    const testing_support::ImageDifference difference = testing_support::compareImages(*b, *a);
    INFO("max " << difference.maxChannelDifference << ", mean " << difference.meanChannelDifference);
    CHECK(difference.meanChannelDifference < 0.05);

    // With the overlay, too: its fonts and buffers are rebuilt on the new context, and its
    // text comes back (the atlas keeps no font files once it is a texture, so the fonts are
    // added again from their files).
    const std::vector<std::string> panels{"--gl-debug", "--frames", "8", "--lesson", kLesson, "--screenshot"};
    auto withPanels = [&](const std::string& shot) {
        std::vector<std::string> arguments = panels;
        arguments.push_back((dir / shot).string());
        return arguments;
    };
    const nlohmann::json shown = runWithReport(dir, withPanels("panels.png"));
    const nlohmann::json overlay = runWithReport(dir, withPanels("panels-lost.png"), event(3, "context_lost"));
    CHECK(overlay["context_recoveries"] == 1);
    CHECK(overlay["gl_problems"] == 0);
    const auto before = core::readPng(dir / "panels.png");
    const auto after = core::readPng(dir / "panels-lost.png");
    REQUIRE(before);
    REQUIRE(after);
    // The lesson panel's text (the view behind it is still gliding in and the notice differs):
    // the same words in the same places, and words there at all.
    REQUIRE(before->width >= 1275);
    REQUIRE(before->height >= 440);
    REQUIRE(after->width == before->width);
    auto panel = [](const core::Image& image) {
        core::Image part;
        part.width = 360;
        part.height = 380;
        for (int y = 60; y < 60 + part.height; ++y)
            part.rgba.insert(part.rgba.end(), image.pixel(915, y), image.pixel(915, y) + part.width * 4);
        return part;
    };
    const core::Image panelBefore = panel(*before), panelAfter = panel(*after);
    const testing_support::ImageDifference text = testing_support::compareImages(panelAfter, panelBefore);
    INFO("the lesson panel: max " << text.maxChannelDifference << ", mean " << text.meanChannelDifference);
    CHECK(text.maxChannelDifference <= 8);
    int light = 0;  // text pixels: near white on the panel's dark grey
    for (int i = 0; i < panelAfter.width * panelAfter.height; ++i)
        light += panelAfter.rgba[std::size_t(i) * 4] > 200 && panelAfter.rgba[std::size_t(i) * 4 + 2] > 200;
    CHECK(light > 2000);
}

TEST_CASE("the window opens where it was left: size and position from the saved settings")
{
    // Needs a real X server: Xvfb, installed by the test set-up.
    TempDir dir;
    TempDir config("ht-test-window-config");
    testing_support::writeText(config / "settings.toml", "window = [120, 90, 900, 600]\n");
    AppRun run;
    run.launcher = {"xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"};
    run.headless = false;
    run.arguments = {"--frames", "3", "--quality", "low"};
    run.environment = {{"HT_CONFIG_DIR", config.path().string()}};
    const nlohmann::json report = runWithReport(dir, run);
    CHECK(report["window"]["visible"] == true);  // hidden while it started, shown with its first frame
    CHECK(report["window"]["width"] == 900);
    CHECK(report["window"]["height"] == 600);
    CHECK(report["window"]["x"] == 120);
    CHECK(report["window"]["y"] == 90);

    // A place that is no longer on any screen (a monitor was unplugged) is not used.
    testing_support::writeText(config / "settings.toml", "window = [5000, 4000, 900, 600]\n");
    const nlohmann::json moved = runWithReport(dir, run);
    CHECK(moved["window"]["x"].get<int>() < 1600);
    CHECK(moved["window"]["y"].get<int>() < 1000);
    CHECK(moved["window"]["width"] == 900);

    // --size wins over the saved size.
    run.arguments = {"--frames", "3", "--quality", "low", "--size", "800x500"};
    const nlohmann::json sized = runWithReport(dir, run);
    CHECK(sized["window"]["width"] == 800);
    CHECK(sized["window"]["height"] == 500);
}

TEST_CASE("a settings folder that cannot be written: the trainer runs, says so once, and exits normally")
{
    // A regular file where the folder should be stops everyone, root included.
    TempDir dir;
    testing_support::writeText(dir / "blocker", "not a folder\n");
    const fs::path config = dir / "blocker" / "config";
    std::string errors;
    AppRun run;
    run.launcher = {"xvfb-run", "-a", "-s", "-screen 0 1280x720x24"};
    run.headless = false;
    run.arguments = {"--frames", "4", "--quality", "low", "--lesson", kLesson};
    run.environment = {{"HT_CONFIG_DIR", config.string()}};
    run.errors = &errors;
    const nlohmann::json report = runWithReport(dir, run);
    CHECK(report["frames"] == 4);
    const auto warnings = testing_support::problemLines(errors);
    INFO(errors);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("settings not saved") != std::string::npos);
    CHECK(warnings[0].find(config.string()) != std::string::npos);
}

TEST_CASE("presenter mode fills the display on an X server without a window manager, and F5 gives the window back")
{
    // Xvfb alone: nothing honours a fullscreen request, so the window is placed by hand.
    TempDir dir;
    TempDir config("ht-test-presenter-config");
    AppRun run;
    run.launcher = {"xvfb-run", "-a", "-s", "-screen 0 1600x900x24"};
    run.headless = false;
    run.environment = {{"HT_CONFIG_DIR", config.path().string()}};
    run.arguments = {"--frames", "4", "--quality", "low", "--presenter"};
    const nlohmann::json started = runWithReport(dir, run);
    CHECK(started["presenter"] == true);
    CHECK(started["window"]["width"] == 1600);
    CHECK(started["window"]["height"] == 900);
    CHECK(started["window"]["x"] == 0);
    CHECK(started["window"]["y"] == 0);
    CHECK(started["window"]["drawable_width"] == 1600);

    // F5 from a window, then F5 again: the display is filled, then the window comes back.
    run.arguments = {"--frames", "6", "--quality", "low", "--size", "1000x600"};
    run.script = event(2, "key", "key = \"F5\"\n");
    const nlohmann::json pressed = runWithReport(dir, run);
    CHECK(pressed["presenter"] == true);
    CHECK(pressed["window"]["width"] == 1600);
    CHECK(pressed["window"]["height"] == 900);
    run.arguments = {"--frames", "10", "--quality", "low", "--size", "1000x600"};
    run.script = event(2, "key", "key = \"F5\"\n") + event(5, "key", "key = \"F5\"\n");
    const nlohmann::json back = runWithReport(dir, run);
    CHECK(back["presenter"] == false);
    CHECK(back["window"]["width"] == 1000);
    CHECK(back["window"]["height"] == 600);
}
