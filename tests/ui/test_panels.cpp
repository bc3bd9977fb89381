// The docked panel layout, the plots' axes, the labels a quiz question hides and the part of the
// window solid panels leave to the scene: pure functions of the overlay, checked against
// hand-worked numbers (no ImGui context needed).
#include "ui/dock_layout.h"
#include "ui/labels.h"
#include "ui/time_plot.h"
#include "ui/view_area.h"

#include <doctest/doctest.h>

#include <deque>
#include <vector>

using namespace ui;

namespace {

constexpr float kFont = 17.0f;   // the app's body text at scale 1
constexpr float kMenu = 23.0f;   // its menu bar (font + 2 x 3 px padding)

DockRequest lessonWithPhysiology(float width, float height, float font = kFont)
{
    DockRequest request;
    request.workPosition = {0.0f, kMenu};
    request.workSize = {width, height - kMenu};
    request.fontPixels = font;
    request.titleBarPixels = font + 6.0f;
    request.explore = true;
    request.lessons = true;
    request.physiology = true;
    return request;
}

bool overlap(const DockRect& a, const DockRect& b)
{
    if (a.empty() || b.empty()) return false;
    return a.position.x < b.right() && b.position.x < a.right() && a.position.y < b.bottom() && b.position.y < a.bottom();
}

bool inside(const DockRect& rect, float width, float height)
{
    return rect.empty() || (rect.position.x >= -0.01f && rect.position.y >= kMenu - 0.01f && rect.right() <= width + 0.01f &&
                            rect.bottom() <= height + 0.01f);
}

void checkTidy(const DockLayout& layout, float width, float height)
{
    const DockRect* docks[] = {&layout.explore, &layout.lessons, &layout.physiology, &layout.stretchMap};
    for (const DockRect* dock : docks) CHECK(inside(*dock, width, height));
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t j = i + 1; j < 4; ++j) {
            CAPTURE(i);
            CAPTURE(j);
            CHECK_FALSE(overlap(*docks[i], *docks[j]));
        }
    // The quiz card's box lies over no docked panel.
    for (const DockRect* dock : {&layout.lessons, &layout.physiology, &layout.stretchMap}) CHECK_FALSE(overlap(layout.quiz, *dock));
}

} // namespace

TEST_CASE("a 640x360 window with the physiology panel open in a lesson keeps half of itself for the model")
{
    // Explore folds when the column forms (the frame after, the layout sees it folded).
    DockRequest request = lessonWithPhysiology(640.0f, 360.0f);
    checkTidy(layoutDockedPanels(request), 640.0f, 360.0f);
    request.exploreFolded = true;
    const DockLayout layout = layoutDockedPanels(request);
    CHECK(layout.explore.size.y == doctest::Approx(kFont + 6.0f));
    CHECK(layout.stacked);
    checkTidy(layout, 640.0f, 360.0f);
    // One column on the right, 44 % of the width (22 font sizes would be 374 px, more than that):
    // 640 - 281.6 = 358.4, to the whole pixel.
    CHECK(layout.lessons.position.x == doctest::Approx(358.0f));
    CHECK(layout.physiology.position.x == doctest::Approx(358.0f));
    CHECK(layout.explore.position.x == doctest::Approx(358.0f));
    // Everything left of the column, from the menu bar down, is the model's.
    const float modelArea = layout.lessons.position.x * (360.0f - kMenu);
    CHECK(modelArea >= 0.5f * 640.0f * 360.0f);
    // The physiology panel gets at least a third of the column's height for its plot.
    CHECK(layout.physiology.size.y >= (360.0f - kMenu) / 3.0f);
    CHECK(layout.physiology.bottom() == doctest::Approx(360.0f));
}

TEST_CASE("at 1280x720 the physiology panel runs along the bottom, between the left edge and the lessons")
{
    const DockLayout layout = layoutDockedPanels(lessonWithPhysiology(1280.0f, 720.0f));
    CHECK_FALSE(layout.stacked);
    checkTidy(layout, 1280.0f, 720.0f);
    // Lessons: 22 font sizes (374 px) against 28 % of 1280 (358 px): the larger, under the 30 % cap.
    CHECK(layout.lessons.size.x == doctest::Approx(374.0f));
    CHECK(layout.lessons.position.x == doctest::Approx(906.0f));
    CHECK(layout.physiology.position.x == doctest::Approx(0.0f));
    CHECK(layout.physiology.right() == doctest::Approx(906.0f));
    // 12.5 font sizes, 212.5 px (under 35 % of 697): from y = 508 (507.5 rounded) to the bottom.
    CHECK(layout.physiology.position.y == doctest::Approx(508.0f));
    CHECK(layout.physiology.bottom() == doctest::Approx(720.0f));
    // Explore stops 10 px above the plots.
    CHECK(layout.explore.bottom() == doctest::Approx(layout.physiology.position.y - 10.0f));
}

TEST_CASE("with no physiology panel or stretch map the lesson column keeps its width in a large window")
{
    DockRequest request = lessonWithPhysiology(1280.0f, 720.0f);
    request.physiology = false;
    const DockLayout layout = layoutDockedPanels(request);
    CHECK_FALSE(layout.stacked);
    // 22 em of 17 px (374 px) is more than 28 % of 1280 and less than half.
    CHECK(layout.lessons.size.x == doctest::Approx(374.0f));
    CHECK(layout.lessons.size.y == doctest::Approx(720.0f - kMenu));
}

TEST_CASE("in a small window Explore and the lessons stack on the right and leave the model more than half")
{
    for (const glm::vec2 window : {glm::vec2(640.0f, 360.0f), glm::vec2(320.0f, 180.0f)}) {
        CAPTURE(window.x);
        DockRequest request = lessonWithPhysiology(window.x, window.y);
        request.physiology = false;
        const DockLayout layout = layoutDockedPanels(request);
        CHECK(layout.stacked);
        // The column is at most 44 % of the width, so the model keeps 56 % of it, all the way down.
        CHECK(layout.lessons.position.x >= 0.56f * window.x - 1.0f);
        CHECK(layout.explore.position.x >= 0.56f * window.x - 1.0f);
    }
}

TEST_CASE("the stretch map docks bottom left, under Explore, and the plots start beside it")
{
    DockRequest request = lessonWithPhysiology(1280.0f, 720.0f);
    request.stretchMap = true;
    const DockLayout layout = layoutDockedPanels(request);
    checkTidy(layout, 1280.0f, 720.0f);
    CHECK(layout.stretchMap.position.x == doctest::Approx(0.0f));
    CHECK(layout.stretchMap.bottom() == doctest::Approx(720.0f));
    if (!layout.stacked) {
        CHECK(layout.physiology.position.x == doctest::Approx(layout.stretchMap.right()));
        CHECK(layout.explore.bottom() <= layout.stretchMap.position.y);
    }
}

TEST_CASE("large text, a tall narrow window and a tiny one still lay out")
{
    const std::pair<glm::vec2, float> cases[] = {
        {{1280.0f, 720.0f}, 34.0f}, {{1280.0f, 720.0f}, 68.0f}, {{600.0f, 1000.0f}, 17.0f}, {{200.0f, 150.0f}, 17.0f}};
    for (const auto& entry : cases) {
        const glm::vec2 window = entry.first;
        const float font = entry.second;
        CAPTURE(window.x);
        CAPTURE(font);
        DockRequest request = lessonWithPhysiology(window.x, window.y, font);
        request.stretchMap = true;
        const DockLayout layout = layoutDockedPanels(request);
        for (const DockRect* dock : {&layout.explore, &layout.lessons, &layout.physiology, &layout.stretchMap}) {
            CHECK(dock->size.x >= 0.0f);
            CHECK(dock->size.y >= 0.0f);
            CHECK(dock->right() <= window.x + 0.01f);
            CHECK(dock->bottom() <= window.y + 0.01f);
        }
        CHECK_FALSE(overlap(layout.lessons, layout.physiology));
    }
}

TEST_CASE("plot axes step by 1, 2 or 5 times a power of ten and hold the range")
{
    const PlotAxis force = niceAxis(0.0, 780.0, 4);
    CHECK(force.step == doctest::Approx(200.0));
    CHECK(force.ticks == std::vector<double>{0.0, 200.0, 400.0, 600.0, 800.0});
    CHECK(force.decimals == 0);

    const PlotAxis length = niceAxis(90.0, 120.0, 4);
    CHECK(length.ticks == std::vector<double>{90.0, 100.0, 110.0, 120.0});

    // 96.7..100.9 in four steps: 1.05 a step rounds up to 2, from 96 to 102.
    const PlotAxis close = niceAxis(96.7, 100.9, 4);
    CHECK(close.low == doctest::Approx(96.0));
    CHECK(close.high == doctest::Approx(102.0));
    CHECK(close.step == doctest::Approx(2.0));

    const PlotAxis fraction = niceAxis(0.0, 1.0, 5);
    CHECK(fraction.step == doctest::Approx(0.2));
    CHECK(fraction.ticks.size() == 6);
    CHECK(fraction.decimals == 1);

    // 0.013..0.087 in four: 0.02 would need 0..0.1 in five steps, so 0.05 it is.
    const PlotAxis small = niceAxis(0.013, 0.087, 4);
    CHECK(small.step == doctest::Approx(0.05));
    CHECK(small.low == doctest::Approx(0.0));
    CHECK(small.high == doctest::Approx(0.1));
    CHECK(small.decimals == 2);

    const PlotAxis time = niceAxis(-10.0, 0.0, 3);
    CHECK(time.ticks == std::vector<double>{-10.0, -5.0, 0.0});

    // A flat line gets a range around it.
    const PlotAxis flat = niceAxis(5.0, 5.0, 4);
    CHECK(flat.low < 5.0);
    CHECK(flat.high > 5.0);
}

TEST_CASE("a quantity's axis keeps its usual range and grows by whole steps for unusual values")
{
    const std::deque<float> ordinary{100.0f, 104.0f, 98.0f};
    CHECK(quantityAxis(90.0, 120.0, {&ordinary}, 1.0, 4).ticks == std::vector<double>{90.0, 100.0, 110.0, 120.0});
    // A deep stretch to 131.4 %: (131.4 - 90) / 4 = 10.35 a step, so 20, from 80 to 140.
    const std::deque<float> deep{100.0f, 131.4f};
    const PlotAxis grown = quantityAxis(90.0, 120.0, {&ordinary, &deep}, 1.0, 4);
    CHECK(grown.low == doctest::Approx(80.0));
    CHECK(grown.high == doctest::Approx(140.0));
    // Activation is stored 0..1 and shown in percent.
    const std::deque<float> activation{0.01f, 0.93f};
    CHECK(quantityAxis(0.0, 100.0, {&activation}, 100.0, 4).ticks == std::vector<double>{0.0, 50.0, 100.0});
    CHECK(tickLabel(-0.0001, 1) == "0.0");
    CHECK(tickLabel(2.5, 1) == "2.5");
    CHECK(tickLabel(-10.0, 0) == "-10");
}

TEST_CASE("labels during a quiz question: a question mark on the asked structure, nothing on the other names it offers")
{
    CHECK(structureLabelText("Semitendinosus (right)", true, false) == "Semitendinosus");
    CHECK(structureLabelText("Femur (left)", false, false) == "Femur");
    CHECK(structureLabelText("Gastrocnemius medial head (right)", true, true) == "?");
    CHECK_FALSE(structureLabelText("Gastrocnemius medial head (left)", false, true).has_value());
}

TEST_CASE("a quiz in a small window joins the column on the right; in a large one it sits between the panels")
{
    DockRequest request = lessonWithPhysiology(640.0f, 360.0f);
    request.physiology = false;
    request.quiz = true;
    request.exploreFolded = true;
    const DockLayout small = layoutDockedPanels(request);
    CHECK(small.stacked);
    checkTidy(small, 640.0f, 360.0f);
    CHECK(small.quiz.position.x == doctest::Approx(358.0f));
    CHECK(small.quiz.bottom() == doctest::Approx(360.0f));
    CHECK_FALSE(overlap(small.quiz, small.explore));
    CHECK(small.quiz.size.y >= 150.0f);

    DockRequest large = lessonWithPhysiology(1280.0f, 720.0f);
    large.quiz = true;
    const DockLayout wide = layoutDockedPanels(large);
    CHECK_FALSE(wide.stacked);
    checkTidy(wide, 1280.0f, 720.0f);
    // Above the plots, left of the lessons, 10 px in from each.
    CHECK(wide.quiz.bottom() == doctest::Approx(wide.physiology.position.y - 10.0f));
    CHECK(wide.quiz.right() == doctest::Approx(wide.lessons.position.x - 10.0f));
}

TEST_CASE("beside the close-up's box, pinned labels keep to the main view and none names what the box covers")
{
    // A 1280x720 window; the box in the top right corner of the free area, the main view left of it.
    const ui::PixelRect mainView{{355.0f, 23.0f}, {700.0f, 720.0f}};
    const ui::PixelRect box{{712.0f, 35.0f}, {895.0f, 400.0f}};
    std::vector<ui::LabelAnchor> anchors = {{"Semitendinosus", {520.0f, 300.0f}, true},
                                            {"Biceps femoris long", {690.0f, 120.0f}, true},
                                            {"Gluteus maximus", {760.0f, 200.0f}, false},  // under the box
                                            {"Semimembranosus", {600.0f, 650.0f}, true}};
    const ui::LabelBounds bounds = ui::fitLabelsBeside(anchors, {10.0f, 895.0f, 33.0f, 710.0f}, mainView, box, 10.0f);
    REQUIRE(anchors.size() == 3);
    for (const ui::LabelAnchor& anchor : anchors) CHECK(anchor.text != "Gluteus maximus");
    CHECK(bounds.left == doctest::Approx(365.0f));
    CHECK(bounds.right == doctest::Approx(690.0f));
    CHECK(bounds.top == doctest::Approx(33.0f));
    CHECK(bounds.bottom == doctest::Approx(710.0f));
    // Laid out with text 150x24 each: every label inside the main view, none over the box.
    const std::vector<glm::vec2> sizes(anchors.size(), glm::vec2(150.0f, 24.0f));
    for (const ui::PlacedLabel& label : ui::layoutLabels(anchors, sizes, bounds.left, bounds.right, bounds.top, bounds.bottom, 4.0f)) {
        CAPTURE(label.text);
        const ui::PixelRect rect{label.position, label.position + label.size};
        CHECK_FALSE(rect.overlaps(box));
        CHECK(rect.min.x >= mainView.min.x);
        CHECK(rect.max.x <= mainView.max.x);
    }
    // No box shown (an empty main view rectangle): the bounds stay as they were.
    std::vector<ui::LabelAnchor> all = {{"Semitendinosus", {520.0f, 300.0f}, true}};
    const ui::LabelBounds plain = ui::fitLabelsBeside(all, {10.0f, 895.0f, 33.0f, 710.0f}, {}, {}, 10.0f);
    CHECK(all.size() == 1);
    CHECK(plain.right == doctest::Approx(895.0f));
}

TEST_CASE("a label's anchor holds still while its structure moves less than the tolerance, then jumps to a whole pixel")
{
    // First sight: where it is, rounded.
    CHECK(ui::steadyAnchor(std::nullopt, {100.4f, 50.6f}, 1.5f) == glm::vec2(100.0f, 51.0f));
    // Sub-pixel drift (an easing camera, a held pose): the same pixel, frame after frame,
    // until it has gone 1.5 pixels.
    glm::vec2 shown = ui::steadyAnchor(std::nullopt, {100.0f, 50.0f}, 1.5f);
    for (int frame = 1; frame <= 14; ++frame) {
        const glm::vec2 now(100.0f + 0.1f * float(frame), 50.0f - 0.1f * float(frame));
        shown = ui::steadyAnchor(shown, now, 1.5f);
        CAPTURE(frame);
        CHECK(shown == glm::vec2(100.0f, 50.0f));
    }
    CHECK(ui::steadyAnchor(shown, {101.6f, 48.4f}, 1.5f) == glm::vec2(102.0f, 48.0f));
    // A real move follows at once, to the nearest pixel; each axis counts on its own.
    CHECK(ui::steadyAnchor(glm::vec2(100.0f, 50.0f), {102.2f, 50.0f}, 1.5f) == glm::vec2(102.0f, 50.0f));
    CHECK(ui::steadyAnchor(glm::vec2(100.0f, 50.0f), {100.3f, 48.4f}, 1.5f) == glm::vec2(100.0f, 48.0f));
}

TEST_CASE("solid panels against the window's edges cut the scene's part down to what they leave showing")
{
    const glm::vec2 window{1280.0f, 720.0f};
    const PixelRect menu{{0.0f, 0.0f}, {1280.0f, 23.0f}};
    const PixelRect lessons{{905.0f, 23.0f}, {1280.0f, 720.0f}};
    // Nothing solid: the whole window.
    CHECK(shownRect(window, {}) == PixelRect{{0.0f, 0.0f}, window});
    // The lessons column alone does not reach the top, so it hides nothing by itself; below
    // the menu bar it spans what is left and cuts it from the right.
    CHECK(shownRect(window, std::vector<PixelRect>{lessons}) == PixelRect{{0.0f, 0.0f}, window});
    const std::vector<PixelRect> menuAndLessons{lessons, menu};  // in either order
    CHECK(shownRect(window, menuAndLessons) == PixelRect{{0.0f, 23.0f}, {905.0f, 720.0f}});
    // A strip along the bottom between the left edge and the column cuts the bottom off once
    // the column has cut the right side.
    const std::vector<PixelRect> withStrip{menu, {{0.0f, 560.0f}, {905.0f, 720.0f}}, lessons};
    CHECK(shownRect(window, withStrip) == PixelRect{{0.0f, 23.0f}, {905.0f, 560.0f}});
    // A box inside the window, touching no side of what shows, hides only part of a row or a
    // column: nothing is cut.
    const std::vector<PixelRect> floating{menu, {{10.0f, 35.0f}, {350.0f, 330.0f}}};
    CHECK(shownRect(window, floating) == PixelRect{{0.0f, 23.0f}, {1280.0f, 720.0f}});
    // A strip from the left edge that stops short of the right hides part of each row only.
    const std::vector<PixelRect> shortStrip{menu, {{0.0f, 600.0f}, {700.0f, 720.0f}}};
    CHECK(shownRect(window, shortStrip) == PixelRect{{0.0f, 23.0f}, {1280.0f, 720.0f}});
    // In a small window the folded Explore sits above the lessons in one column: together they
    // span the height below the menu bar, and cut as one; where the upper box is narrower, the
    // cut goes only as deep as both reach.
    const glm::vec2 small{640.0f, 360.0f};
    const PixelRect smallMenu{{0.0f, 0.0f}, {640.0f, 23.0f}};
    const std::vector<PixelRect> column{smallMenu, {{358.0f, 23.0f}, {640.0f, 46.0f}}, {{358.0f, 46.0f}, {640.0f, 360.0f}}};
    CHECK(shownRect(small, column) == PixelRect{{0.0f, 23.0f}, {358.0f, 360.0f}});
    const std::vector<PixelRect> narrowTop{smallMenu, {{400.0f, 23.0f}, {640.0f, 46.0f}}, {{358.0f, 46.0f}, {640.0f, 360.0f}}};
    CHECK(shownRect(small, narrowTop) == PixelRect{{0.0f, 23.0f}, {400.0f, 360.0f}});
    // A gap between the two leaves the column's rows showing: no cut.
    const std::vector<PixelRect> gap{smallMenu, {{358.0f, 23.0f}, {640.0f, 46.0f}}, {{358.0f, 50.0f}, {640.0f, 360.0f}}};
    CHECK(shownRect(small, gap) == PixelRect{{0.0f, 23.0f}, {640.0f, 360.0f}});
    // As GL counts pixels: the part left of the lessons and below the menu bar starts at the
    // bottom row; fractional edges round outward, so no pixel that shows is left out.
    CHECK(bottomLeftPixels(PixelRect{{0.0f, 23.0f}, {905.0f, 720.0f}}, 720.0f) == glm::ivec4(0, 0, 905, 697));
    CHECK(bottomLeftPixels(PixelRect{{10.5f, 22.5f}, {904.6f, 700.2f}}, 720.0f) == glm::ivec4(10, 19, 895, 679));
    // Everything hidden: nothing shows.
    CHECK(shownRect(window, std::vector<PixelRect>{{{-5.0f, -5.0f}, {1300.0f, 800.0f}}}).empty());
}

TEST_CASE("the free rectangle for a shape: a long subject gets the wide strip under a panel, a tall one the column beside it")
{
    const glm::vec2 window{1280.0f, 720.0f};
    // A lesson's layout: the menu bar, Explore in the top left corner, the lessons on the right.
    const std::vector<PixelRect> panels{{{0.0f, 0.0f}, {1280.0f, 23.0f}}, {{10.0f, 30.0f}, {355.0f, 330.0f}},
                                        {{905.0f, 23.0f}, {1280.0f, 720.0f}}};
    const PixelRect column{{355.0f, 23.0f}, {905.0f, 720.0f}};  // 550 x 697: the largest
    const PixelRect strip{{0.0f, 330.0f}, {905.0f, 720.0f}};    // 905 x 390
    CHECK(largestFreeRect(window, panels) == column);
    // Four times as wide as tall: 137.5 px high in the column, 226.25 in the strip.
    CHECK(bestFreeRectFor(window, panels, 4.0f) == strip);
    CHECK(heightOfBoxShaped(strip, 4.0f) == doctest::Approx(226.25f));
    // Half as wide as tall: 697 px high in the column (349 wide), 390 in the strip.
    CHECK(bestFreeRectFor(window, panels, 0.5f) == column);
    CHECK(heightOfBoxShaped(column, 0.5f) == doctest::Approx(697.0f));
    // Between them the choice turns where the strip's box outgrows the column's: at
    // 550 / 390 = 1.41 both hold a box 390 high (the larger, the column, wins the tie).
    CHECK(bestFreeRectFor(window, panels, 1.3f) == column);
    CHECK(bestFreeRectFor(window, panels, 1.6f) == strip);
    // Nothing covered: the whole window; everything covered: nothing.
    CHECK(bestFreeRectFor(window, {}, 2.0f) == PixelRect{{0.0f, 0.0f}, window});
    CHECK(bestFreeRectFor(window, std::vector<PixelRect>{{{0.0f, 0.0f}, window}}, 1.0f).empty());
    CHECK(heightOfBoxShaped(PixelRect{}, 1.0f) == 0.0f);
}
