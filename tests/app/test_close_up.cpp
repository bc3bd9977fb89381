// The close-up (app/close_up.h), without GL: where its box goes, that the main view holds the
// working heads large and clear of the box while the box holds the whole body (or, where the
// lesson sets the main view, the box holds the heads and the main view's pose stays out of
// it). Checked against the model's own meshes, not the landmarks the framings fit.
#include "app/close_up.h"
#include "app/paths.h"
#include "app/step_framing.h"
#include "app/world.h"
#include "lessons/lesson_library.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

const std::vector<std::string> kHamstrings{"semitendinosus", "semimembranosus", "biceps_femoris_long", "biceps_femoris_short"};

bool isHamstring(const std::string& structure)
{
    return std::find(kHamstrings.begin(), kHamstrings.end(), structure) != kHamstrings.end();
}

// The heads a step works, read from the lesson as a teacher would: the hamstrings it
// highlights, else the cramping head's leg, else the driven legs.
bool working(const content::LessonStep& step, const content::StructureName& name)
{
    if (!isHamstring(name.structure)) return false;
    const char side = name.side == content::Side::Left ? 'l' : 'r';
    bool highlightsHamstring = false;
    for (const std::string& key : step.highlight) {
        const std::string structure = key.substr(0, key.find('.'));
        if (!isHamstring(structure)) continue;
        highlightsHamstring = true;
        if (key.find('.') == std::string::npos || key.back() == side) return true;
    }
    if (highlightsHamstring) return false;
    if (step.muscles.mode == content::MuscleMode::Cramp && step.muscles.cramp)
        return (step.muscles.cramp->side == anatomy::Side::Left) == (side == 'l');
    for (anatomy::Side driven : step.muscles.sides)
        if ((driven == anatomy::Side::Left) == (side == 'l')) return true;
    return step.muscles.sides.empty();
}

struct Shipped {
    app::World world;
    lessons::LessonLibrary library;
};

Shipped& shipped()
{
    static Shipped instance = [] {
        const app::DataPaths paths = app::findDataPaths("", HT_APP_PATH);
        auto files = app::readSceneFiles(app::Options{}, paths);
        REQUIRE_MESSAGE(files.ok(), (files.ok() ? "" : files.error().describe()));
        Shipped made;
        made.world.build(std::move(*files));
        made.library = lessons::LessonLibrary::load(paths.scenes() / "lessons", paths.scenes() / "poses.toml",
                                                    paths.assets() / "sources.toml", made.world.structureIds());
        return made;
    }();
    return instance;
}

bool inside(const ui::PixelRect& rect, glm::vec2 pixel)
{
    return pixel.x >= rect.min.x && pixel.x <= rect.max.x && pixel.y >= rect.min.y && pixel.y <= rect.max.y;
}

// A lesson's layout in a 1280x720 window: the menu bar, Explore in the top left corner (to
// `exploreRight`) and the lessons on the right, which leave a tall free column between them
// and a wide strip under Explore.
ui::ViewArea lessonLayout(float exploreRight = 355.0f)
{
    const glm::vec2 window(1280.0f, 720.0f);
    ui::ViewArea area;
    area.windowPixels = window;
    area.covered = {{{0.0f, 0.0f}, {1280.0f, 23.0f}}, {{10.0f, 30.0f}, {exploreRight, 330.0f}}, {{905.0f, 23.0f}, {1280.0f, 720.0f}}};
    area.free = ui::largestFreeRect(window, area.covered);
    return area;
}

bool within(const ui::PixelRect& outer, const ui::PixelRect& rect)
{
    return rect.min.x >= outer.min.x && rect.min.y >= outer.min.y && rect.max.x <= outer.max.x && rect.max.y <= outer.max.y;
}

} // namespace

TEST_CASE("layoutCloseUp: the box sits in the free area's top right corner, apart from the main view, or not at all")
{
    struct Case {
        ui::PixelRect free;
        float aspect;
        bool beside;  // main view beside the box (else below it)
    };
    const Case cases[] = {
        {{{0.0f, 0.0f}, {1280.0f, 720.0f}}, 0.8f, true},     // a standing thigh, whole window
        {{{0.0f, 0.0f}, {1280.0f, 720.0f}}, 3.0f, false},    // a seated one
        {{{355.0f, 23.0f}, {905.0f, 720.0f}}, 0.8f, true},   // between two panels: a tall box still goes beside
        {{{355.0f, 23.0f}, {905.0f, 720.0f}}, 0.45f, true},  // a standing body there
        {{{355.0f, 23.0f}, {905.0f, 720.0f}}, 1.5f, false},  // a seated thigh there: above
        {{{0.0f, 0.0f}, {1920.0f, 1080.0f}}, 1.0f, true},
        {{{0.0f, 0.0f}, {1280.0f, 395.0f}}, 3.0f, true},     // presenter mode: above the caption
    };
    for (const Case& c : cases) {
        CAPTURE(c.aspect);
        CAPTURE(c.free.max.x);
        const app::CloseUpLayout layout = app::layoutCloseUp(c.free, c.aspect);
        REQUIRE_FALSE(layout.box.empty());
        // Inside the free area, near its top right corner.
        CHECK(layout.box.min.x >= c.free.min.x);
        CHECK(layout.box.min.y >= c.free.min.y);
        CHECK(layout.box.max.x <= c.free.max.x);
        CHECK(layout.box.max.y <= c.free.max.y);
        CHECK(c.free.max.x - layout.box.max.x < 0.05f * c.free.width());
        CHECK(layout.box.min.y - c.free.min.y < 0.05f * c.free.height());
        // The main view keeps the rest, apart from the box, and most of the area.
        CHECK_FALSE(layout.mainView.overlaps(layout.box));
        CHECK(layout.mainView.area() > 0.45f * c.free.area());
        CHECK((layout.mainView.max.x < layout.box.min.x) == c.beside);
        CHECK(layout.box.width() >= 120.0f);
        CHECK(layout.box.height() >= 140.0f);
        // A box beside the main view leaves it the area's full height.
        if (c.beside) CHECK(layout.mainView.height() == doctest::Approx(c.free.height()));
        // At most the share of the area asked for.
        CHECK(layout.box.area() <= 0.25f * c.free.area() + 1.0f);
        CHECK(app::layoutCloseUp(c.free, c.aspect, 0.16f).box.area() <= 0.16f * c.free.area() + 1.0f);
    }
    // Between two panels a seated thigh in the main view needs the width: the box (a seated
    // body, a little taller than wide) goes above it.
    {
        const ui::PixelRect free{{355.0f, 23.0f}, {905.0f, 720.0f}};
        const app::CloseUpLayout layout = app::layoutCloseUp(free, 0.7f, 0.16f, 1.8f);
        REQUIRE_FALSE(layout.box.empty());
        CHECK(layout.mainView.min.y > layout.box.max.y);
        CHECK(layout.mainView.width() == doctest::Approx(free.width()));
        CHECK_FALSE(layout.mainView.overlaps(layout.box));
        // The same main subject standing up (tall) keeps the full height beside the box.
        CHECK(app::layoutCloseUp(free, 0.7f, 0.16f, 0.6f).mainView.height() == doctest::Approx(free.height()));
    }
    // Too small for a useful box: none, and the main view keeps everything.
    for (const ui::PixelRect small : {ui::PixelRect{{0.0f, 0.0f}, {360.0f, 240.0f}}, ui::PixelRect{{0.0f, 0.0f}, {400.0f, 300.0f}}}) {
        const app::CloseUpLayout layout = app::layoutCloseUp(small, 1.0f);
        CHECK(layout.box.empty());
        CHECK(layout.mainView == small);
    }
}

TEST_CASE("layoutCloseUpInView: the box moves apart only to frame the main subject a tenth bigger, and stays while it gains 5 %")
{
    const glm::vec2 window(1280.0f, 720.0f);
    int apart = 0, held = 0;
    // Explore from a narrow to a wide panel in the top left corner, a tall (raised thigh),
    // upright and long (seated thigh) main subject, a wide box (a body lying down).
    for (float exploreRight = 150.0f; exploreRight <= 700.0f; exploreRight += 5.0f) {
        const ui::ViewArea area = lessonLayout(exploreRight);
        for (const float mainAspect : {0.4f, 0.8f, 1.2f, 3.0f}) {
            CAPTURE(exploreRight);
            CAPTURE(mainAspect);
            const app::CloseUpLayout inside = app::layoutCloseUp(area.free, 1.5f, 0.16f, mainAspect);
            const float insideHeight = ui::heightOfBoxShaped(inside.mainView, mainAspect);
            // What the main view gains in the best rectangle for its shape, worked out here.
            const float gain = ui::heightOfBoxShaped(ui::bestFreeRectFor(window, area.covered, mainAspect), mainAspect) /
                               std::max(insideHeight, 1e-3f);
            const app::CloseUpLayout fresh = app::layoutCloseUpInView(area, 1.5f, 0.16f, mainAspect, false);
            const app::CloseUpLayout kept = app::layoutCloseUpInView(area, 1.5f, 0.16f, mainAspect, true);
            // Apart for a fresh step only with a gain of a tenth; held there down to 5 %; never
            // apart for nothing.
            if (gain < 1.1f) CHECK_FALSE(fresh.apart);
            if (gain < 1.05f) CHECK_FALSE(kept.apart);
            CHECK((!fresh.apart || kept.apart));
            apart += fresh.apart ? 1 : 0;
            held += kept.apart && !fresh.apart ? 1 : 0;
            for (const app::CloseUpLayout& layout : {fresh, kept}) {
                if (!layout.apart) {
                    CHECK(layout.box == inside.box);
                    CHECK(layout.mainView == inside.mainView);
                    continue;
                }
                CHECK(ui::heightOfBoxShaped(layout.mainView, mainAspect) >= 1.05f * insideHeight);
                CHECK(layout.box.area() >= 0.6f * inside.box.area());
                CHECK(layout.box.width() >= 120.0f);
                CHECK(layout.box.height() >= 140.0f);
                CHECK_FALSE(layout.box.overlaps(layout.mainView));
                for (const ui::PixelRect& panel : area.covered) {
                    CHECK_FALSE(panel.overlaps(layout.box));
                    CHECK_FALSE(panel.overlaps(layout.mainView));
                }
            }
        }
        // A main subject of no known shape keeps the layout in the largest free rectangle.
        const app::CloseUpLayout unknown = app::layoutCloseUpInView(area, 1.5f, 0.16f, 0.0f, true);
        CHECK_FALSE(unknown.apart);
        CHECK(unknown.mainView == app::layoutCloseUp(area.free, 1.5f, 0.16f).mainView);
    }
    MESSAGE(apart << " layouts move the box apart; " << held << " more keep it there only because it was");
    CHECK(apart > 10);
    // The band between 5 % and a tenth is exercised: some layouts stay apart only because they were.
    CHECK(held > 0);
}

TEST_CASE("the close-up shows only in steps about the hamstrings, and only while switched on")
{
    Shipped& data = shipped();
    int working = 0, resting = 0;
    for (const lessons::LessonEntry& entry : data.library.entries()) {
        REQUIRE(entry.lesson);
        for (const content::LessonStep& step : entry.lesson->steps) {
            app::CloseUp closeUp;
            closeUp.setFreeArea({{0.0f, 0.0f}, {1280.0f, 720.0f}});
            closeUp.update(1.0f / 60.0f, &step, 1, data.world.scene);
            CHECK(closeUp.shown() == app::aboutHamstrings(step));
            (closeUp.shown() ? working : resting) += 1;
            closeUp.setEnabled(false);
            closeUp.update(1.0f / 60.0f, &step, 1, data.world.scene);
            CHECK_FALSE(closeUp.shown());
        }
    }
    MESSAGE(working << " steps show the close-up, " << resting << " do not");
    CHECK(working > 20);
    CHECK(resting > 0);
    // No lesson, no close-up.
    app::CloseUp closeUp;
    closeUp.setFreeArea({{0.0f, 0.0f}, {1280.0f, 720.0f}});
    closeUp.update(1.0f / 60.0f, nullptr, 0, data.world.scene);
    CHECK_FALSE(closeUp.shown());
}

namespace {

struct Seen {
    int vertices = 0, in = 0, underBox = 0;
    glm::vec2 low{1e9f}, high{-1e9f};
};

// The mesh vertices of the structures `wanted` picks, through a camera whose picture is
// `window` pixels: how many land inside `rect` (and under `box`), and their extent.
template <typename Wanted>
Seen seen(const scene::Scene& scene, const glm::mat4& viewProjection, glm::vec2 window, const ui::PixelRect& rect,
          const ui::PixelRect* box, Wanted wanted)
{
    Seen result;
    for (std::size_t s = 0; s < scene.structures().size(); ++s) {
        if (!wanted(scene.structures()[s])) continue;
        for (int instance : scene.structures()[s].instances)
            for (const glm::vec3& p : scene.deformedPositions(scene.instances()[std::size_t(instance)].mesh)) {
                const std::optional<glm::vec2> pixel = scene::worldToPixel(viewProjection, p, window);
                ++result.vertices;
                if (pixel && inside(rect, *pixel)) ++result.in;
                if (pixel && box && inside(*box, *pixel)) ++result.underBox;
                if (pixel) result.low = glm::min(result.low, *pixel), result.high = glm::max(result.high, *pixel);
            }
    }
    return result;
}

// The working heads of `step`, framed as the step frames itself (without the close-up) in
// `rect` of a `window`-sized picture.
Seen headsInStepFraming(const scene::Scene& scene, const content::LessonStep& step, const ui::PixelRect& rect, glm::vec2 window)
{
    scene::OrbitCamera camera;
    camera.setViewRegion({rect.min, rect.max, window});
    const app::StepFraming framing = app::frameStep(step, scene);
    camera.setPose(camera.fitPoints(framing.points, framing.angles, framing.fill));
    return seen(scene, camera.viewProjectionMatrix(window), window, rect, nullptr,
                [&](const scene::Structure& s) { return working(step, s.name); });
}

} // namespace

TEST_CASE("every shipped step: one view holds the working heads large, the other the whole pose, and the box hides neither")
{
    Shipped& data = shipped();
    scene::Scene& scene = data.world.scene;
    const glm::vec2 window(1280.0f, 720.0f);
    // The whole window, and a lesson's layout: the menu bar, Explore in the top left corner and
    // the lessons on the right, which leave a tall free column between them and a wide strip
    // under Explore (the box may sit apart from the main view there).
    ui::ViewArea whole;
    whole.windowPixels = window;
    whole.free = {{0.0f, 0.0f}, window};
    const ui::ViewArea lesson = lessonLayout();
    int wholePoseBoxes = 0, headBoxes = 0, apart = 0;
    const auto check = [&](const content::LessonStep& step) {
        const auto workingHead = [&](const scene::Structure& s) { return working(step, s.name); };
        for (const ui::ViewArea& area : {whole, lesson}) {
            app::CloseUp closeUp;
            closeUp.setViewArea(area);
            closeUp.update(1.0f / 60.0f, &step, 1, scene);
            REQUIRE(closeUp.shown());
            const ui::PixelRect box = closeUp.box();
            const glm::vec2 boxSize = box.max - box.min;
            const ui::PixelRect boxPicture{{0.0f, 0.0f}, boxSize};
            const glm::mat4 boxView = closeUp.camera().viewProjectionMatrix(boxSize);
            // The main view as the lesson frames it beside the box.
            const ui::PixelRect mainRect = closeUp.mainViewRect();
            // Neither the box nor the main view lies under a panel, and they keep apart.
            CHECK(box.min.x >= 0.0f);
            CHECK(box.min.y >= 0.0f);
            CHECK(box.max.x <= window.x);
            CHECK(box.max.y <= window.y);
            CHECK_FALSE(box.overlaps(mainRect));
            for (const ui::PixelRect& panel : area.covered) {
                CHECK_FALSE(panel.overlaps(box));
                CHECK_FALSE(panel.overlaps(mainRect));
            }
            apart += !within(area.free, mainRect) || !within(area.free, box) ? 1 : 0;
            scene::OrbitCamera main;
            main.setViewRegion({mainRect.min, mainRect.max, window});
            const app::StepFraming framing = closeUp.mainFraming(step, scene);
            main.setPose(main.fitPoints(framing.points, framing.angles, framing.fill));
            const glm::mat4 mainView = main.viewProjectionMatrix(window);

            const bool wholePoseInBox = app::boxSubject(step) == app::BoxSubject::WholePose;
            CHECK(closeUp.caption() == (wholePoseInBox ? "Whole pose" : "Close-up: " + app::closeUpSubject(step)));
            // The heads: every vertex in their view, spanning most of it one way or the other.
            const Seen heads = wholePoseInBox ? seen(scene, mainView, window, mainRect, &box, workingHead)
                                              : seen(scene, boxView, boxSize, boxPicture, nullptr, workingHead);
            const glm::vec2 headsView = wholePoseInBox ? mainRect.max - mainRect.min : boxSize;
            REQUIRE(heads.vertices > 100);
            CHECK(heads.in == heads.vertices);
            CHECK(heads.underBox == 0);
            const glm::vec2 span = (heads.high - heads.low) / headsView;
            CHECK(std::max(span.x, span.y) > 0.5f);
            // The whole pose: in the box, every structure's middle inside it; in the main view
            // (the lesson's framing), no structure's middle under the box.
            (wholePoseInBox ? wholePoseBoxes : headBoxes) += 1;
            for (std::size_t s = 0; s < scene.structures().size(); ++s) {
                const core::Bounds bounds = scene.structureBounds(int(s));
                if (bounds.empty()) continue;
                CAPTURE(scene.structures()[s].nodeName);
                if (wholePoseInBox) {
                    const std::optional<glm::vec2> pixel = scene::worldToPixel(boxView, bounds.center(), boxSize);
                    CHECK((pixel && inside(boxPicture, *pixel)));
                } else {
                    const std::optional<glm::vec2> pixel = scene::worldToPixel(mainView, bounds.center(), window);
                    CHECK_FALSE((pixel && inside(box, *pixel)));
                }
            }
        }
    };
    int stepIndex = 0;
    for (const lessons::LessonEntry& entry : data.library.entries()) {
        for (const content::LessonStep& step : entry.lesson->steps) {
            if (!app::aboutHamstrings(step) || step.keys.empty()) continue;
            CAPTURE(entry.lesson->id);
            CAPTURE(step.title);
            // The body as the step leaves it (the muscle meshes follow the simulated body).
            for (int i = 0; i < 4; ++i) scene.stepMuscles(1.0 / 240.0, step.keys.back().pose, scene::MuscleDrive{});
            scene.updateMuscleMeshes();
            check(step);
            // Every third step again as a lesson that sets its own view would show it: the main
            // view holds the whole pose from behind, the box the heads.
            if (stepIndex++ % 3 != 0 || !app::worksHamstrings(step)) continue;
            content::LessonStep viewed = step;
            viewed.view = content::ViewPreset::Posterior;
            const std::string variant = "with view = \"posterior\"";
            CAPTURE(variant);
            check(viewed);
        }
    }
    MESSAGE(wholePoseBoxes << " pictures with the whole pose in the box, " << headBoxes << " with the heads in it, " << apart
                           << " with the box apart from the main view's free rectangle");
    CHECK(wholePoseBoxes > 40);
    CHECK(headBoxes > 10);
    CHECK(apart > 10);
}

TEST_CASE("with the close-up off, a step that lies down, sits or stands up frames the heads where it leaves them, not at an edge or small")
{
    Shipped& data = shipped();
    scene::Scene& scene = data.world.scene;
    const glm::vec2 window(1280.0f, 720.0f);
    const ui::PixelRect free{{0.0f, 23.0f}, {905.0f, 720.0f}};  // left of the lessons, under the menu bar
    int steps = 0;
    for (const lessons::LessonEntry& entry : data.library.entries()) {
        for (const content::LessonStep& step : entry.lesson->steps) {
            if (!app::aboutHamstrings(step) || step.keys.size() < 2 || step.frame != content::LessonStep::Framing::Working) continue;
            const double firstY = anatomy::computeSkeleton(step.keys.front().pose).origin(anatomy::Segment::Pelvis).y;
            const double lastY = anatomy::computeSkeleton(step.keys.back().pose).origin(anatomy::Segment::Pelvis).y;
            if (std::abs(lastY - firstY) < 0.3) continue;
            CAPTURE(entry.lesson->id);
            CAPTURE(step.title);
            ++steps;
            for (int i = 0; i < 4; ++i) scene.stepMuscles(1.0 / 240.0, step.keys.back().pose, scene::MuscleDrive{});
            scene.updateMuscleMeshes();
            const Seen heads = headsInStepFraming(scene, step, free, window);
            REQUIRE(heads.vertices > 100);
            CHECK(heads.in == heads.vertices);
            // Not pushed to an edge by joints of the posture the body left (the ankles of a
            // crouch on the way down, carried to where it lies, are under the floor), and not
            // shrunk by them to under a third of the view. (Steps that sit down on the floor
            // hold the heads a quarter of the way down: the hips and knees of the standing key
            // carried to the seated pelvis still widen the framing.)
            const glm::vec2 size = free.max - free.min;
            const glm::vec2 middle = ((heads.low + heads.high) * 0.5f - free.min) / size;
            CHECK(middle.x > 0.25f);
            CHECK(middle.x < 0.75f);
            CHECK(middle.y > 0.2f);
            CHECK(middle.y < 0.8f);
            const glm::vec2 span = (heads.high - heads.low) / size;
            CHECK(std::max(span.x, span.y) > 0.3f);
        }
    }
    MESSAGE(steps << " steps change posture");
    CHECK(steps >= 8);
}

TEST_CASE("with the close-up off, a step's own framing takes the free rectangle that shows its heads biggest, clear of the panels")
{
    Shipped& data = shipped();
    scene::Scene& scene = data.world.scene;
    const glm::vec2 window(1280.0f, 720.0f);
    const ui::ViewArea area = lessonLayout();
    // The heads' larger extent in pixels, framed as the step frames them in `rect`.
    const auto headsSpan = [&](const content::LessonStep& step, const ui::PixelRect& rect) {
        const Seen heads = headsInStepFraming(scene, step, rect, window);
        // The step's framing fits landmarks, not every vertex (the close-up's does): a lying
        // thigh's belly may reach a pixel past the edge.
        CHECK(heads.in >= heads.vertices * 999 / 1000);
        return std::max(heads.high.x - heads.low.x, heads.high.y - heads.low.y);
    };
    int moved = 0, steps = 0;
    const content::LessonStep* movedStep = nullptr;
    for (const lessons::LessonEntry& entry : data.library.entries()) {
        for (const content::LessonStep& step : entry.lesson->steps) {
            if (!app::aboutHamstrings(step) || step.keys.empty()) continue;
            CAPTURE(entry.lesson->id);
            CAPTURE(step.title);
            ++steps;
            for (int i = 0; i < 4; ++i) scene.stepMuscles(1.0 / 240.0, step.keys.back().pose, scene::MuscleDrive{});
            scene.updateMuscleMeshes();
            app::CloseUp closeUp;
            closeUp.setEnabled(false);
            closeUp.setViewArea(area);
            closeUp.update(1.0f / 60.0f, &step, 1, scene);
            REQUIRE_FALSE(closeUp.shown());
            const ui::PixelRect main = closeUp.mainViewRect();
            for (const ui::PixelRect& panel : area.covered) CHECK_FALSE(panel.overlaps(main));
            if (main == area.free) continue;
            ++moved;
            movedStep = &step;
            // Another rectangle only where it shows the heads bigger than the largest does.
            CHECK(headsSpan(step, main) > 1.05f * headsSpan(step, area.free));
        }
    }
    MESSAGE(moved << " of " << steps << " steps frame their heads outside the largest free rectangle");
    CHECK(moved > 10);
    // A step's choice does not carry into the next: after a step that moved, with the close-up
    // off and on, every step lays out as it does in a close-up that saw no step before.
    REQUIRE(movedStep);
    for (const bool enabled : {false, true}) {
        app::CloseUp carried;
        carried.setEnabled(enabled);
        carried.setViewArea(area);
        int serial = 1;
        for (const lessons::LessonEntry& entry : data.library.entries())
            for (const content::LessonStep& step : entry.lesson->steps) {
                if (step.keys.empty()) continue;
                CAPTURE(entry.lesson->id);
                CAPTURE(step.title);
                carried.update(1.0f / 60.0f, movedStep, ++serial, scene);
                carried.setViewArea(area);
                carried.update(1.0f / 60.0f, &step, ++serial, scene);
                carried.setViewArea(area);
                app::CloseUp fresh;
                fresh.setEnabled(enabled);
                fresh.setViewArea(area);
                fresh.update(1.0f / 60.0f, &step, 1, scene);
                fresh.setViewArea(area);
                CHECK(carried.mainViewRect() == fresh.mainViewRect());
                CHECK(carried.box() == fresh.box());
            }
    }
    // Leaving the lesson, the model explored freely goes back to the largest free rectangle.
    app::CloseUp closeUp;
    closeUp.setEnabled(false);
    closeUp.setViewArea(area);
    closeUp.update(1.0f / 60.0f, movedStep, 1, scene);
    CHECK(closeUp.mainViewRect() != area.free);
    closeUp.update(1.0f / 60.0f, nullptr, 0, scene);
    CHECK(closeUp.mainViewRect() == area.free);
}

TEST_CASE("the whole-pose box holds the body at every key of its step: one that walks, lies down, sits or stands up")
{
    Shipped& data = shipped();
    scene::Scene& scene = data.world.scene;
    const glm::vec2 window(1280.0f, 720.0f);
    int steps = 0, walking = 0, changingHeight = 0;
    for (const lessons::LessonEntry& entry : data.library.entries()) {
        for (const content::LessonStep& step : entry.lesson->steps) {
            if (!app::aboutHamstrings(step) || step.keys.size() < 2 || app::boxSubject(step) != app::BoxSubject::WholePose) continue;
            CAPTURE(entry.lesson->id);
            CAPTURE(step.title);
            ++steps;
            const glm::dvec3 first = anatomy::computeSkeleton(step.keys.front().pose).origin(anatomy::Segment::Pelvis);
            const glm::dvec3 last = anatomy::computeSkeleton(step.keys.back().pose).origin(anatomy::Segment::Pelvis);
            walking += glm::length(glm::dvec2(last.x - first.x, last.z - first.z)) > 0.4 && std::abs(last.y - first.y) < 0.15;
            changingHeight += std::abs(last.y - first.y) > 0.3;
            app::CloseUp closeUp;
            closeUp.setFreeArea({{0.0f, 0.0f}, window});
            // Of the structures, how many have their centre in the box's picture.
            auto heldInBox = [&] {
                REQUIRE(closeUp.shown());
                const glm::vec2 boxSize = closeUp.box().max - closeUp.box().min;
                const glm::mat4 boxView = closeUp.camera().viewProjectionMatrix(boxSize);
                int structures = 0, inBox = 0;
                for (std::size_t s = 0; s < scene.structures().size(); ++s) {
                    const core::Bounds bounds = scene.structureBounds(int(s));
                    if (bounds.empty()) continue;
                    ++structures;
                    const std::optional<glm::vec2> pixel = scene::worldToPixel(boxView, bounds.center(), boxSize);
                    inBox += pixel && inside({{0.0f, 0.0f}, boxSize}, *pixel);
                }
                return std::pair{inBox, structures};
            };
            // The box as it opens on the body at the first key, then as it settles on the body
            // held at each key (its camera follows the body, so a few seconds of frames).
            for (const content::StepKey& key : step.keys) {
                CAPTURE(key.timeS);
                scene.relaxMuscles(key.pose);
                scene.updateMuscleMeshes();
                for (int frame = 0; frame < 180; ++frame) {
                    closeUp.update(1.0f / 60.0f, &step, 1, scene);
                    if (frame == 0 && &key == &step.keys.front()) {
                        const auto [inBox, structures] = heldInBox();
                        CHECK(inBox >= structures * 9 / 10);
                    }
                }
                const auto [inBox, structures] = heldInBox();
                CHECK(inBox >= structures * 9 / 10);
            }
        }
    }
    MESSAGE(steps << " steps with a whole-pose box and several keys; " << walking << " walk, " << changingHeight
                  << " lie down, sit or stand up");
    CHECK(walking > 0);
    CHECK(changingHeight > 0);
}
