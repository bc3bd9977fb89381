// The docked panels in the real app: the physiology panel (M) and the stretch map (K) opened
// in a lesson take their places beside the lessons and Explore, never over another panel, and
// leave a small window at least half to the model. Reads the panels' rectangles from --report.
#include "app_run.h"
#include "core/image.h"
#include "process.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

using testing_support::runWithReport;
using testing_support::TempDir;

namespace {

const std::string kLesson = "cramp_what_is_a_cramp";

std::string key(int frame, const std::string& name, bool ctrl = false)
{
    return "[[event]]\nframe = " + std::to_string(frame) + "\ntype = \"key\"\nkey = \"" + name + "\"\n" +
           (ctrl ? "ctrl = true\n" : "");
}

struct Box {
    std::string name;
    double x = 0, y = 0, width = 0, height = 0;
};

// The report's panel whose window name starts with `name` (the physiology panel's title carries
// the leg's state after its name).
std::vector<Box> docked(const nlohmann::json& report)
{
    std::vector<Box> boxes;
    for (const auto& panel : report["panels"].items())
        for (const char* name : {"Explore", "Lessons", "Physiology", "Stretch map"})
            if (panel.key().rfind(name, 0) == 0) {
                const auto& rect = panel.value();
                boxes.push_back({name, rect[0].get<double>(), rect[1].get<double>(), rect[2].get<double>(), rect[3].get<double>()});
            }
    return boxes;
}

const Box* find(const std::vector<Box>& boxes, const std::string& name)
{
    for (const Box& box : boxes)
        if (box.name == name) return &box;
    return nullptr;
}

void checkApart(const std::vector<Box>& boxes, double width, double height)
{
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const Box& a = boxes[i];
        CAPTURE(a.name);
        CHECK(a.x >= -0.5);
        CHECK(a.x + a.width <= width + 0.5);
        CHECK(a.y + a.height <= height + 0.5);
        for (std::size_t j = i + 1; j < boxes.size(); ++j) {
            const Box& b = boxes[j];
            CAPTURE(b.name);
            const bool overlap = a.x + 0.5 < b.x + b.width && b.x + 0.5 < a.x + a.width && a.y + 0.5 < b.y + b.height &&
                                 b.y + 0.5 < a.y + a.height;
            CHECK_FALSE(overlap);
        }
    }
}

} // namespace

TEST_CASE("M in a lesson at 640x360: the panels stack on the right and the model keeps half the window")
{
    TempDir dir;
    const nlohmann::json report =
        runWithReport(dir, {"--lesson", kLesson, "--size", "640x360", "--frames", "12", "--gl-debug"}, key(3, "M"));
    CHECK(report["gl_problems"] == 0);
    const std::vector<Box> boxes = docked(report);
    REQUIRE(find(boxes, "Physiology"));
    REQUIRE(find(boxes, "Lessons"));
    checkApart(boxes, 640.0, 360.0);
    // Everything left of the docked column, below the menu bar, is the model's.
    double columnLeft = 640.0;
    for (const Box& box : boxes) columnLeft = std::min(columnLeft, box.x);
    double menu = 360.0;   // the top of the highest panel: the menu bar's height
    for (const Box& box : boxes) menu = std::min(menu, box.y);
    CHECK(columnLeft * (360.0 - menu) >= 0.5 * 640.0 * 360.0);
    CHECK(find(boxes, "Physiology")->height >= 100.0);
}

TEST_CASE("M and K in a lesson at 1280x720: plots along the bottom, the stretch map bottom left, Explore above it")
{
    TempDir dir;
    const nlohmann::json report = runWithReport(dir, {"--lesson", kLesson, "--size", "1280x720", "--frames", "12", "--gl-debug"},
                                                key(3, "M") + key(5, "K"));
    CHECK(report["gl_problems"] == 0);
    const std::vector<Box> boxes = docked(report);
    const Box* physiology = find(boxes, "Physiology");
    const Box* stretchMap = find(boxes, "Stretch map");
    REQUIRE(physiology);
    REQUIRE(stretchMap);
    checkApart(boxes, 1280.0, 720.0);
    CHECK(physiology->y + physiology->height == doctest::Approx(720.0));
    CHECK(stretchMap->x == doctest::Approx(0.0));
    CHECK(stretchMap->y + stretchMap->height == doctest::Approx(720.0));
}

TEST_CASE("in a lesson the scene is drawn only where no solid panel hides it: left of the lessons, below the menu bar")
{
    TempDir dir;
    const nlohmann::json report = runWithReport(dir, {"--lesson", kLesson, "--size", "1280x720", "--frames", "6", "--gl-debug"}, "");
    CHECK(report["gl_problems"] == 0);
    const std::vector<Box> boxes = docked(report);
    const Box* lessons = find(boxes, "Lessons");
    REQUIRE(lessons);
    double menu = 720.0;  // the menu bar's height: the top of the highest panel
    for (const Box& box : boxes) menu = std::min(menu, box.y);
    REQUIRE(report.contains("scene_shown"));
    const nlohmann::json& shown = report["scene_shown"];
    CHECK(shown[0].get<double>() == doctest::Approx(0.0));
    CHECK(shown[1].get<double>() == doctest::Approx(menu));
    CHECK(shown[2].get<double>() == doctest::Approx(lessons->x));
    CHECK(shown[3].get<double>() == doctest::Approx(720.0));
    // The cut comes from the lessons column reaching the window's right edge and bottom.
    CHECK(lessons->x + lessons->width == doctest::Approx(1280.0));
    CHECK(lessons->y + lessons->height == doctest::Approx(720.0));
}

TEST_CASE("the colour legend stands above the physiology strip, not behind it")
{
    TempDir dir;
    // A cramp step: the legend names the cramp colour; M docks the plots along the bottom.
    const nlohmann::json report = runWithReport(
        dir, {"--lesson", kLesson, "--step", "3", "--time", "3", "--size", "1280x720", "--frames", "14"}, key(3, "M"));
    std::vector<Box> boxes = docked(report);
    const Box* physiology = find(boxes, "Physiology");
    REQUIRE(physiology);
    REQUIRE(report["panels"].contains("##colour legend"));
    const nlohmann::json& rect = report["panels"]["##colour legend"];
    boxes.push_back({"legend", rect[0].get<double>(), rect[1].get<double>(), rect[2].get<double>(), rect[3].get<double>()});
    checkApart(boxes, 1280.0, 720.0);
    const Box& legend = boxes.back();
    CHECK(legend.x >= 0.0);
    CHECK(legend.y + legend.height <= physiology->y);
    CHECK(legend.y + legend.height > physiology->y - 40.0);  // just above it
}

TEST_CASE("with text twice as large the docked panels still lie apart inside the window")
{
    TempDir dir;
    // Ctrl+= three times: 1.25^3, about twice the text size.
    const nlohmann::json report =
        runWithReport(dir, {"--lesson", kLesson, "--size", "1280x720", "--frames", "16", "--gl-debug"},
                      key(2, "=", true) + key(4, "=", true) + key(6, "=", true) + key(8, "M") + key(10, "K"));
    CHECK(report["gl_problems"] == 0);
    CHECK(report["font_scale"].get<double>() > 1.9);
    const std::vector<Box> boxes = docked(report);
    REQUIRE(find(boxes, "Physiology"));
    checkApart(boxes, 1280.0, 720.0);
}

namespace {

// The share of a box's pixels that look like hamstring muscle (testing_support::musclePixels'
// test: clearly red), or like the state hues (warm cramp or contraction, blue stretch).
struct BoxPixels {
    double muscle = 0.0;      // share of the box
    double background = 0.0;  // share that is the backdrop's grey-blue gradient
};

BoxPixels boxPixels(const core::Image& image, const nlohmann::json& box)
{
    const int x0 = int(box[0].get<double>()) + 2, y0 = int(box[1].get<double>()) + 2;
    const int x1 = int(box[2].get<double>()) - 2, y1 = int(box[3].get<double>()) - 2;
    int muscle = 0, background = 0, total = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            const std::uint8_t* p = image.pixel(x, y);
            ++total;
            const int r = p[0], g = p[1], b = p[2];
            if ((r > 90 && r > g * 2 && r > b * 2) || (r > 150 && g > 60 && b < g * 0.7) || (b > 120 && b > r * 1.6)) ++muscle;
            // The backdrop: dark, nearly neutral, a little blue (render/renderer.cpp's gradient).
            if (std::max({r, g, b}) < 75 && b >= r && b - r < 14) ++background;
        }
    return {double(muscle) / total, double(background) / total};
}

} // namespace

TEST_CASE("the close-up: in a step that works hamstrings the main view fills with them and the box holds the whole pose; C and the setting turn it off")
{
    TempDir dir;
    const std::vector<std::string> at = {"--lesson", "cramp_what_is_a_cramp", "--step", "3", "--time", "3", "--size", "1280x720",
                                         "--frames", "10", "--gl-debug"};
    std::vector<std::string> on = at;
    on.insert(on.end(), {"--screenshot", (dir / "on.png").string()});
    const nlohmann::json shown = runWithReport(dir, on);
    CHECK(shown["gl_problems"] == 0);
    const nlohmann::json& closeUp = shown["close_up"];
    CHECK(closeUp["enabled"] == true);
    REQUIRE(closeUp["shown"] == true);
    CHECK(closeUp["caption"] == "Whole pose");
    const nlohmann::json& box = closeUp["box"];
    // In the part of the window the panels leave, clear of every panel.
    for (const Box& panel : docked(shown)) {
        CAPTURE(panel.name);
        const bool overlap = box[0].get<double>() < panel.x + panel.width && panel.x < box[2].get<double>() &&
                             box[1].get<double>() < panel.y + panel.height && panel.y < box[3].get<double>();
        CHECK_FALSE(overlap);
    }
    auto image = core::readPng(dir / "on.png");
    REQUIRE(image.ok());
    const BoxPixels inside = boxPixels(*image, box);
    INFO("box: muscle " << inside.muscle << ", background " << inside.background);
    CHECK(inside.muscle > 0.01);       // a small whole body, its muscles showing...
    CHECK(inside.muscle < 0.2);        // ...not a close-up of them...
    CHECK(inside.background > 0.4);    // ...standing in the backdrop
    CHECK(inside.background < 0.9);
    // The main view, left of the box down to the window's bottom (clear of the panels), is
    // filled with the heads.
    double panelsLeft = 0.0;
    for (const Box& panel : docked(shown))
        if (panel.x + panel.width < box[0].get<double>()) panelsLeft = std::max(panelsLeft, panel.x + panel.width);
    const nlohmann::json mainView = {panelsLeft, box[1].get<double>(), box[0].get<double>() - 4.0, 716.0};
    const BoxPixels main = boxPixels(*image, mainView);
    INFO("main view: muscle " << main.muscle << ", background " << main.background);
    CHECK(main.muscle > 0.1);
    CHECK(main.background < 0.4);

    // Its thin frame: the border colour just outside the box's left edge, half way down.
    const int frameX = int(box[0].get<double>()) - 1, frameY = int((box[1].get<double>() + box[3].get<double>()) * 0.5);
    auto isFrame = [&](const core::Image& picture) {
        const std::uint8_t* p = picture.pixel(frameX, frameY);
        return std::abs(p[0] - 158) < 6 && std::abs(p[1] - 168) < 6 && std::abs(p[2] - 184) < 6;
    };
    CHECK(isFrame(*image));

    // C turns it off: no frame there, and the main view draws where the box was.
    std::vector<std::string> off = at;
    off.insert(off.end(), {"--screenshot", (dir / "off.png").string()});
    const nlohmann::json hidden = runWithReport(dir, off, key(2, "C"));
    CHECK(hidden["close_up"]["enabled"] == false);
    CHECK(hidden["close_up"]["shown"] == false);
    auto offImage = core::readPng(dir / "off.png");
    REQUIRE(offImage.ok());
    CHECK_FALSE(isFrame(*offImage));

    // And C again brings it back.
    CHECK(runWithReport(dir, at, key(2, "C") + key(4, "C"))["close_up"]["shown"] == true);

    // The switch is remembered: a saved `close_up = false` starts with it off, --close-up on overrides.
    TempDir config("ht-close-up-config");
    testing_support::writeText(config / "settings.toml", "close_up = false\n");
    testing_support::AppRun run;
    run.arguments = at;
    run.environment["HT_CONFIG_DIR"] = config.path().string();
    CHECK(runWithReport(dir, run)["close_up"]["shown"] == false);
    run.arguments.insert(run.arguments.end(), {"--close-up", "on"});
    CHECK(runWithReport(dir, run)["close_up"]["shown"] == true);
}

TEST_CASE("the close-up stays off in a step about other structures, and in a window too small for it")
{
    TempDir dir;
    // Step 7 of the hamstring group is about their nerve: it highlights the sciatic nerve and its
    // divisions, no hamstring, and the muscles rest.
    const nlohmann::json talk = runWithReport(dir, {"--lesson", "anatomy_hamstring_group", "--step", "7", "--frames", "6"});
    CHECK(talk["close_up"]["enabled"] == true);
    CHECK(talk["close_up"]["shown"] == false);
    const nlohmann::json small =
        runWithReport(dir, {"--lesson", "cramp_what_is_a_cramp", "--step", "3", "--size", "480x270", "--frames", "6"});
    CHECK(small["close_up"]["shown"] == false);
}

TEST_CASE("presenter mode keeps the colour legend, at the caption's large text, above the caption")
{
    TempDir dir;
    auto legendIn = [&](bool presenter) {
        std::vector<std::string> args = {"--lesson", kLesson, "--step", "3", "--time", "3", "--size", "1600x900", "--frames", "14"};
        if (presenter) args.push_back("--presenter");
        const nlohmann::json report = runWithReport(dir, args, "");
        REQUIRE(report["panels"].contains("##colour legend"));
        const nlohmann::json& rect = report["panels"]["##colour legend"];
        Box legend{"legend", rect[0].get<double>(), rect[1].get<double>(), rect[2].get<double>(), rect[3].get<double>()};
        if (presenter) {
            REQUIRE(report["panels"].contains("##presenter-caption"));
            const nlohmann::json& caption = report["panels"]["##presenter-caption"];
            CHECK(legend.y + legend.height <= caption[1].get<double>());
            CHECK(legend.y + legend.height > caption[1].get<double>() - 60.0);  // just above it
        }
        return legend;
    };
    const Box desk = legendIn(false);
    const Box presenter = legendIn(true);
    // The presenter's text is about twice the desk's at 900 pixels high (32 pixels, 900 / 28,
    // against 16): the strip is that much taller, its padding the same.
    CHECK(presenter.height - desk.height > 12.0);
    CHECK(presenter.x >= 0.0);
    CHECK(presenter.x + presenter.width <= 1600.0);
}
