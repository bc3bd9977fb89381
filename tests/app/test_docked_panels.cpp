// The docked panels in the real app: the physiology panel (M) and the stretch map (K) opened
// in a lesson take their places beside the lessons and Explore, never over another panel, and
// leave a small window at least half to the model. Reads the panels' rectangles from --report.
#include "app_run.h"
#include "process.h"

#include <doctest/doctest.h>

#include <algorithm>
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
