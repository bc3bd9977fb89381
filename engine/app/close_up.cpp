#include "app/close_up.h"

#include "app/step_framing.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace app {
namespace {

// Below these the box is too small to read, or leaves the main view too little room.
constexpr float kMinBoxWidthPx = 120.0f, kMinBoxHeightPx = 140.0f;
constexpr float kMinMainViewPx = 300.0f;
// Beside the main view, a tall or square subject takes this share of the free width, up to a
// share of its height; above it, a long one (or any, in an area taller than wide) takes up to
// half a wide area's width, and a share of its height.
constexpr float kShareBeside = 0.34f, kMaxShareBeside = 0.6f;
constexpr float kShareAbove = 0.5f, kMaxShareAbove = 0.42f;
// The whole pose reads in a smaller box than the heads' close-up does.
constexpr float kMaxShareOfArea = 0.25f, kMaxShareOfAreaWholePose = 0.16f;
// Boxes from a standing body (narrow) to twice as wide as tall; from 1.3 on, the box goes
// above the main view instead of beside it.
constexpr float kMinAspect = 0.45f, kMaxAspect = 2.0f, kBesideBelowAspect = 1.3f;
constexpr float kGlideSeconds = 0.8f;        // as LessonSession::kFramingGlideS
// The main view leaves the largest free rectangle (or the box's top right corner in it) for
// another that frames its subject a tenth bigger, and goes back once the gain falls under 5 %:
// between the two a panel's reflowing text does not make the view hop. (The other rectangle
// is the best for the subject's shape, so it never frames it smaller: its gain is at least 1.)
constexpr float kMoveGain = 1.1f, kStayGain = 1.05f;

// Whether the main view takes (or, `moved`, keeps) the rectangle that frames its subject
// `height` high, against `baseHeight` where it would be otherwise.
bool framesBigger(float height, float baseHeight, bool moved)
{
    return height > 0.0f && height >= (moved ? kStayGain : kMoveGain) * baseHeight;
}

} // namespace

CloseUpLayout layoutCloseUp(const ui::PixelRect& free, float subjectAspect, float maxShareOfArea, float mainAspect)
{
    CloseUpLayout layout;
    layout.mainView = free;
    if (free.empty()) return layout;
    const float margin = std::round(std::max(6.0f, std::min(free.width(), free.height()) * 0.02f));
    const float aspect = std::clamp(subjectAspect, kMinAspect, kMaxAspect);
    // A strip of a window (presenter mode's view above its caption) has room beside, not above;
    // a box taller than wide goes beside whatever the area's shape, so the main view keeps
    // its full height; but in an area taller than wide a long main subject (a seated thigh)
    // needs the full width, and the box goes above it.
    const bool areaTall = free.width() < free.height();
    const bool beside = !(areaTall && mainAspect >= 1.0f) &&
                        (aspect < 1.0f || (!areaTall && (aspect < kBesideBelowAspect || free.width() > 2.0f * free.height())));
    glm::vec2 size;
    if (beside) {
        size.x = std::round(free.width() * kShareBeside);
        size.y = std::round(std::min(size.x / aspect, free.height() * kMaxShareBeside));
        size.x = std::min(size.x, std::round(size.y * aspect));  // a tall subject: no wider than it needs
    } else {
        // Above the main view: as wide as the subject needs, up to the free width.
        const float widest = free.width() >= free.height() ? free.width() * kShareAbove : free.width() - 2.0f * margin;
        size.y = std::round(std::min(widest / aspect, free.height() * kMaxShareAbove));
        size.x = std::round(std::min(size.y * aspect, widest));
    }
    // The box costs about what the main view costs per pixel the body covers (a software
    // rasteriser shades every one): at most a share of the free area.
    const float shrink = std::min(1.0f, std::sqrt(maxShareOfArea * free.area() / std::max(size.x * size.y, 1.0f)));
    size = glm::floor(size * shrink);
    const float mainLeft = beside ? free.width() - size.x - 2.0f * margin : free.height() - size.y - 2.0f * margin;
    if (size.x < kMinBoxWidthPx || size.y < kMinBoxHeightPx || mainLeft < kMinMainViewPx) return layout;
    layout.box.min = {free.max.x - margin - size.x, free.min.y + margin};
    layout.box.max = layout.box.min + size;
    if (beside)
        layout.mainView.max.x = layout.box.min.x - margin;
    else
        layout.mainView.min.y = layout.box.max.y + margin;
    return layout;
}

namespace {

struct ApartLayout {
    CloseUpLayout layout;
    float mainHeight = 0.0f;  // of the main subject's box in the main view (ui::heightOfBoxShaped)
};

// The main view in the free rectangle that frames `mainAspect` biggest, the box in the largest
// box of the subject's shape that fits in what the panels and the main view leave, in its
// corner away from the main view. No box when there is no room for a readable one.
ApartLayout layoutApart(const ui::ViewArea& area, float subjectAspect, float maxShareOfArea, float mainAspect)
{
    ApartLayout apart;
    const ui::PixelRect main = ui::bestFreeRectFor(area.windowPixels, area.covered, mainAspect);
    if (main.empty()) return apart;
    const float margin = std::round(std::max(6.0f, std::min(main.width(), main.height()) * 0.02f));
    std::vector<ui::PixelRect> taken = area.covered;
    taken.push_back({main.min - margin, main.max + margin});
    const float aspect = std::clamp(subjectAspect, kMinAspect, kMaxAspect);
    const ui::PixelRect spare = ui::bestFreeRectFor(area.windowPixels, taken, aspect);
    const ui::PixelRect inner{spare.min + margin, spare.max - margin};
    if (inner.empty()) return apart;
    glm::vec2 size(0.0f);
    size.y = ui::heightOfBoxShaped(inner, aspect);
    size.x = size.y * aspect;
    // As costly per pixel as the main view: at most the same share of the free area as inside it.
    const float shrink = std::min(1.0f, std::sqrt(maxShareOfArea * area.free.area() / std::max(size.x * size.y, 1.0f)));
    size = glm::floor(size * shrink);
    if (size.x < kMinBoxWidthPx || size.y < kMinBoxHeightPx || main.width() < kMinMainViewPx || main.height() < kMinMainViewPx)
        return apart;
    // In the spare rectangle's corner away from the main view.
    const glm::vec2 away = inner.center() - main.center();
    apart.layout.box.min.x = away.x < 0.0f ? inner.min.x : inner.max.x - size.x;
    apart.layout.box.min.y = away.y < 0.0f ? inner.min.y : inner.max.y - size.y;
    apart.layout.box.max = apart.layout.box.min + size;
    apart.layout.mainView = main;
    apart.layout.apart = true;
    apart.mainHeight = ui::heightOfBoxShaped(main, mainAspect);
    return apart;
}

} // namespace

CloseUpLayout layoutCloseUpInView(const ui::ViewArea& area, float subjectAspect, float maxShareOfArea, float mainAspect,
                                  bool preferApart)
{
    const CloseUpLayout inside = layoutCloseUp(area.free, subjectAspect, maxShareOfArea, mainAspect);
    if (mainAspect <= 0.0f || area.covered.empty()) return inside;
    const ApartLayout apart = layoutApart(area, subjectAspect, maxShareOfArea, mainAspect);
    if (apart.layout.box.empty()) return inside;
    // The box apart must read about as well as the box inside would.
    if (!inside.box.empty() && apart.layout.box.area() < 0.6f * inside.box.area()) return inside;
    const float insideHeight = inside.box.empty() ? 0.0f : ui::heightOfBoxShaped(inside.mainView, mainAspect);
    return framesBigger(apart.mainHeight, insideHeight, preferApart) ? apart.layout : inside;
}

BoxSubject boxSubject(const content::LessonStep& step)
{
    return step.view || step.frame != content::LessonStep::Framing::Working ? BoxSubject::Hamstrings : BoxSubject::WholePose;
}

scene::CameraPose followPose(const scene::CameraPose& from, const scene::CameraPose& to, float dtSeconds,
                             float timeConstantSeconds)
{
    const float follow = 1.0f - std::exp(-std::max(dtSeconds, 0.0f) / timeConstantSeconds);
    scene::CameraPose pose = from;
    pose.focus = glm::mix(from.focus, to.focus, follow);
    pose.distanceM = std::exp(glm::mix(std::log(from.distanceM), std::log(to.distanceM), follow));
    pose.yawDeg = to.yawDeg;
    pose.pitchDeg = to.pitchDeg;
    return pose;
}

namespace {

// The box's subject framed: the whole pose as the step leaves it (with the hips and knees of
// its other keys), or the working heads as they are now.
StepFraming boxFraming(const content::LessonStep& step, const scene::Scene& scene, const anatomy::SkeletonPose& now)
{
    return boxSubject(step) == BoxSubject::WholePose ? frameStep(step, scene, true) : frameCloseUp(step, now);
}

} // namespace

namespace {

// Seen through a square picture, a framing's points' extent across over their extent up.
float framingAspect(const StepFraming& framing)
{
    scene::OrbitCamera camera;
    camera.setPose(camera.fitPoints(framing.points, framing.angles, 1.0f));
    const glm::vec2 square(512.0f);
    const glm::mat4 viewProjection = camera.viewProjectionMatrix(square);
    glm::vec2 low(1e9f), high(-1e9f);
    for (const glm::vec3& p : framing.points)
        if (const std::optional<glm::vec2> pixel = scene::worldToPixel(viewProjection, p, square)) {
            low = glm::min(low, *pixel);
            high = glm::max(high, *pixel);
        }
    const glm::vec2 extent = high - low;
    return extent.x > 0.0f && extent.y > 0.0f ? extent.x / extent.y : 1.0f;
}

} // namespace

float CloseUp::subjectAspect(const content::LessonStep& step, const scene::Scene& scene)
{
    if (step.keys.empty()) return 1.0f;
    return framingAspect(boxFraming(step, scene, anatomy::computeSkeleton(step.keys.back().pose)));
}

float CloseUp::mainSubjectAspect(const content::LessonStep& step, const scene::Scene& scene)
{
    if (step.keys.empty()) return 0.0f;
    if (boxSubject(step) == BoxSubject::Hamstrings) return framingAspect(frameStep(step, scene, true));
    return framingAspect(frameCloseUp(step, anatomy::computeSkeleton(step.keys.back().pose)));
}

void CloseUp::setFreeArea(const ui::PixelRect& free)
{
    ui::ViewArea area;
    area.windowPixels = free.max;
    area.free = free;
    setViewArea(area);
}

void CloseUp::setViewArea(const ui::ViewArea& area)
{
    area_ = area;
    // Without the box, the step's own framing may take another free rectangle in the same way.
    plainView_ = area.free;
    if (plainAspect_ > 0.0f && !area.covered.empty()) {
        const ui::PixelRect best = ui::bestFreeRectFor(area.windowPixels, area.covered, plainAspect_);
        plainBest_ = framesBigger(ui::heightOfBoxShaped(best, plainAspect_), ui::heightOfBoxShaped(area.free, plainAspect_), plainBest_);
        if (plainBest_) plainView_ = best;
    }
    layout_ = layoutCloseUpInView(area, subjectAspect_,
                                  subject_ == BoxSubject::WholePose ? kMaxShareOfAreaWholePose : kMaxShareOfArea, mainAspect_,
                                  layout_.apart);
    if (layout_.box.empty()) return;
    const glm::vec2 size = layout_.box.max - layout_.box.min;
    if (camera_.viewRegion().windowPx != size) camera_.setViewRegion({glm::vec2(0.0f), size, size});
}

bool CloseUp::showsFor(const content::LessonStep* step) const
{
    return enabled_ && step && !step->keys.empty() && aboutHamstrings(*step) && !layout_.box.empty();
}

StepFraming CloseUp::mainFraming(const content::LessonStep& step, const scene::Scene& scene) const
{
    if (!showsFor(&step)) return frameStep(step, scene);
    // Beside the heads' close-up the lesson's own view frames the whole pose.
    return boxSubject(step) == BoxSubject::WholePose ? frameCloseUp(step, scene.skeleton()) : frameStep(step, scene, true);
}

void CloseUp::update(float dtSeconds, const content::LessonStep* step, int stepSerial, const scene::Scene& scene)
{
    const bool wasShown = shown_;
    if (step && stepSerial != measuredStepSerial_) {
        // A new subject, maybe another shape: the box takes it at once.
        measuredStepSerial_ = stepSerial;
        subject_ = boxSubject(*step);
        // The whole pose comes from the step's keys alone: framed once, not every frame.
        if (subject_ == BoxSubject::WholePose) {
            wholePose_ = frameStep(*step, scene, true);
            wholePosePelvis_ = glm::vec3(anatomy::computeSkeleton(step->keys.back().pose).origin(anatomy::Segment::Pelvis));
        }
        subjectAspect_ = subjectAspect(*step, scene);
        mainAspect_ = mainSubjectAspect(*step, scene);
        plainAspect_ = step->keys.empty() ? 0.0f : framingAspect(frameStep(*step, scene));
        // A new subject is judged afresh: the last step's choice does not lower the bar.
        layout_.apart = false;
        plainBest_ = false;
        setViewArea(area_);
    } else if (!step && plainAspect_ > 0.0f) {
        // No lesson: the model explored freely is framed in the largest free rectangle.
        plainAspect_ = 0.0f;
        plainBest_ = false;
        measuredStepSerial_ = -1;
        setViewArea(area_);
    }
    shown_ = showsFor(step);
    if (!shown_) return;
    StepFraming framing = subject_ == BoxSubject::WholePose ? wholePose_ : frameCloseUp(*step, scene.skeleton());
    if (subject_ == BoxSubject::WholePose) {
        // The pose the step leaves, carried along the floor to where the body is now: a step
        // that walks (or a body still on its way from the last step's place) stays in the box
        // rather than walking into it. Height is left alone: a body that sits or lies down is
        // followed along the floor only.
        glm::vec3 travel = glm::vec3(scene.skeleton().origin(anatomy::Segment::Pelvis)) - wholePosePelvis_;
        travel.y = 0.0f;
        for (glm::vec3& point : framing.points) point += travel;
        // With the body as it is now: one still standing before it lies down (or sitting
        // before it stands) is in the box too, which narrows to the pose the step leaves as
        // the body gets there.
        addWholeBodyPoints(scene.skeleton(), framing.points);
    }
    const scene::CameraPose target = camera_.fitPoints(framing.points, framing.angles, framing.fill);
    if (!wasShown) {
        // Nothing was seen in the box to glide from.
        camera_.setPose(target);
    } else if (stepSerial != framedStepSerial_) {
        camera_.transitionTo(target, kGlideSeconds);
    } else if (!camera_.transitioning()) {
        // Follow the moving leg smoothly: a walk or a rep moves the heads every frame.
        camera_.setPose(followPose(camera_.pose(), target, dtSeconds, kFollowSeconds));
    }
    if (stepSerial != framedStepSerial_)
        caption_ = subject_ == BoxSubject::WholePose ? std::string("Whole pose") : "Close-up: " + closeUpSubject(*step);
    framedStepSerial_ = stepSerial;
    camera_.update(dtSeconds);
}

std::optional<render::InsetView> CloseUp::insetView() const
{
    if (!shown_) return std::nullopt;
    render::InsetView inset;
    const glm::ivec2 size = glm::ivec2(glm::round(layout_.box.max - layout_.box.min));
    inset.frame = render::frameViewFrom(camera_, size);
    inset.topLeftPixels = glm::ivec2(glm::round(layout_.box.min));
    inset.borderPixels = std::max(1, int(std::round(float(size.y) / 150.0f)));
    inset.wholePose = subject_ == BoxSubject::WholePose;
    return inset;
}

} // namespace app
