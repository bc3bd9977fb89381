#include "app/close_up.h"

#include "app/step_framing.h"

#include <algorithm>
#include <cmath>

namespace app {
namespace {

// Below these the close-up is too small to read, or leaves the whole pose too little room.
constexpr float kMinBoxWidthPx = 200.0f, kMinBoxHeightPx = 160.0f;
constexpr float kMinMainViewPx = 300.0f;
constexpr float kShareOfFree = 0.36f;        // of the free width (height, in a tall area)
constexpr float kMaxShareAcross = 0.62f;     // of the free height (width) the box may take
constexpr float kGlideSeconds = 0.8f;        // as LessonSession::kFramingGlideS

} // namespace

CloseUpLayout layoutCloseUp(const ui::PixelRect& free)
{
    CloseUpLayout layout;
    layout.mainView = free;
    if (free.empty()) return layout;
    const float margin = std::round(std::max(6.0f, std::min(free.width(), free.height()) * 0.02f));
    const bool wide = free.width() >= free.height();
    // Square-ish: a standing thigh is tall, a seated one long; a square serves both.
    const float along = std::round((wide ? free.width() : free.height()) * kShareOfFree);
    const float across = std::round(std::min(along, (wide ? free.height() : free.width()) * kMaxShareAcross));
    const glm::vec2 size = wide ? glm::vec2(along, across) : glm::vec2(across, along);
    const float mainLeft = wide ? free.width() - size.x - 2.0f * margin : free.height() - size.y - 2.0f * margin;
    if (size.x < kMinBoxWidthPx || size.y < kMinBoxHeightPx || mainLeft < kMinMainViewPx) return layout;
    layout.box.min = {free.max.x - margin - size.x, free.min.y + margin};
    layout.box.max = layout.box.min + size;
    if (wide)
        layout.mainView.max.x = layout.box.min.x - margin;
    else
        layout.mainView.min.y = layout.box.max.y + margin;
    return layout;
}

void CloseUp::setFreeArea(const ui::PixelRect& free)
{
    free_ = free;
    layout_ = layoutCloseUp(free);
    if (layout_.box.empty()) return;
    const glm::vec2 size = layout_.box.max - layout_.box.min;
    if (camera_.viewRegion().windowPx != size) camera_.setViewRegion({glm::vec2(0.0f), size, size});
}

bool CloseUp::showsFor(const content::LessonStep* step) const
{
    return enabled_ && step && !step->keys.empty() && worksHamstrings(*step) && !layout_.box.empty();
}

void CloseUp::update(float dtSeconds, const content::LessonStep* step, int stepSerial, const anatomy::SkeletonPose& now)
{
    const bool wasShown = shown_;
    shown_ = showsFor(step);
    if (!shown_) return;
    const StepFraming framing = frameCloseUp(*step, now);
    const scene::CameraPose target = camera_.fitPoints(framing.points, framing.angles, framing.fill);
    if (!wasShown) {
        // Nothing was seen in the box to glide from.
        camera_.setPose(target);
    } else if (stepSerial != framedStepSerial_) {
        camera_.transitionTo(target, kGlideSeconds);
    } else if (!camera_.transitioning()) {
        // Follow the moving leg smoothly: a walk or a rep moves the heads every frame.
        const float follow = 1.0f - std::exp(-std::max(dtSeconds, 0.0f) / kFollowSeconds);
        scene::CameraPose pose = camera_.pose();
        pose.focus = glm::mix(pose.focus, target.focus, follow);
        pose.distanceM = std::exp(glm::mix(std::log(pose.distanceM), std::log(target.distanceM), follow));
        pose.yawDeg = target.yawDeg;
        pose.pitchDeg = target.pitchDeg;
        camera_.setPose(pose);
    }
    if (stepSerial != framedStepSerial_) caption_ = "Close-up: " + closeUpSubject(*step);
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
    return inset;
}

} // namespace app
