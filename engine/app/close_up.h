// The close-up beside the whole body (issue 12): a picture in picture in a corner of the free
// view area that follows the working hamstrings of a lesson step with its own camera, while
// the main view frames the whole pose in what is left beside it. The user switches it (C, View
// menu, remembered in the settings); it shows only while a step works hamstrings and the
// window leaves room for a useful size.
#pragma once

#include "anatomy/skeleton.h"
#include "content/lesson.h"
#include "render/view.h"
#include "scene/camera.h"
#include "ui/view_area.h"

#include <optional>
#include <string>

namespace app {

struct CloseUpLayout {
    ui::PixelRect box;       // the close-up, window pixels; empty: no room for a useful one
    ui::PixelRect mainView;  // where the main view frames the whole pose (the free area less the box's strip)
};

// Where the close-up goes in a free view area: its top right corner, shaped like its subject
// (`subjectAspect`, width over height: a standing thigh is tall, a seated one long). A tall box
// takes about a third of the free width and the main view keeps the strip beside it; a long
// one takes the top and the main view keeps the strip below. Either way nothing of the framed
// pose lies under the box.
CloseUpLayout layoutCloseUp(const ui::PixelRect& free, float subjectAspect = 1.0f);

class CloseUp {
public:
    static constexpr float kFollowSeconds = 0.25f;  // time constant of following a moving leg

    // The user's switch (on by default); the close-up still waits for a step that works hamstrings.
    void setEnabled(bool enabled) { enabled_ = enabled; }
    bool enabled() const { return enabled_; }

    // The free part of the window the last overlay left (the whole window without one).
    void setFreeArea(const ui::PixelRect& free);
    // The shape of the box for this step's subject (width over height), from its final pose.
    static float subjectAspect(const content::LessonStep& step);
    // After the lesson each frame: whether to show, and the camera fitted to the working heads
    // as posed `now`, eased like the main framing (a glide to a new step, then it follows).
    // `step` is null while no lesson plays.
    void update(float dtSeconds, const content::LessonStep* step, int stepSerial, const anatomy::SkeletonPose& now);

    // Whether the close-up shows for this step (null: no lesson), given the room it had last frame.
    bool showsFor(const content::LessonStep* step) const;
    bool shown() const { return shown_; }
    const ui::PixelRect& box() const { return layout_.box; }
    // The part of the free area the main view frames the pose in: all of it while hidden.
    ui::PixelRect mainViewRect() const { return shown_ ? layout_.mainView : free_; }
    // "Close-up: right hamstrings".
    const std::string& caption() const { return caption_; }
    const scene::OrbitCamera& camera() const { return camera_; }
    // What the renderer draws into the box; none while hidden.
    std::optional<render::InsetView> insetView() const;

private:
    bool enabled_ = true;
    bool shown_ = false;
    ui::PixelRect free_;
    CloseUpLayout layout_;
    scene::OrbitCamera camera_;
    int framedStepSerial_ = -1;
    int measuredStepSerial_ = -1;  // the step subjectAspect_ was measured for
    float subjectAspect_ = 1.0f;  // of the working heads at the step's final pose, as the close-up sees them
    std::string caption_;
};

} // namespace app
