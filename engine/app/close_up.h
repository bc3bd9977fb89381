// The close-up (issue 12): while a lesson step works hamstrings, the main view follows the
// working heads close up and a picture in picture in a corner of the free view area holds the
// whole pose with its own camera, so the muscles fill the picture and the pose still reads. A
// step whose lesson sets its `view` or `frame` keeps that framing in the main view, and the
// box then holds the close-up of the heads instead. The user switches it (C, View menu,
// remembered in the settings); it shows only while a step works hamstrings and the window
// leaves room for a useful box.
#pragma once

#include "app/step_framing.h"
#include "content/lesson.h"
#include "render/view.h"
#include "scene/camera.h"
#include "scene/scene.h"
#include "ui/view_area.h"

#include <optional>
#include <string>

namespace app {

struct CloseUpLayout {
    ui::PixelRect box;       // the box, window pixels; empty: no room for a useful one
    ui::PixelRect mainView;  // where the main view frames its subject: the free area less the box's strip, or apart from it
    bool apart = false;      // the box sits in a free corner apart from the main view (layoutCloseUpInView)
};

// Where the box goes in a free view area: its top right corner, shaped like its subject
// (`subjectAspect`, width over height: a standing body is tall, a seated thigh long), at most
// `maxShareOfArea` of the area. A tall box takes about a third of the free width and the main
// view keeps the strip beside it; a long one takes the top and the main view keeps the strip
// below. Either way nothing the main view frames lies under the box.
// `mainAspect`: the shape of what the main view frames (0: not known); in an area taller than
// wide a long one takes the full width below the box.
CloseUpLayout layoutCloseUp(const ui::PixelRect& free, float subjectAspect = 1.0f, float maxShareOfArea = 0.25f,
                            float mainAspect = 0.0f);

// The same over a window's view area (its panels' boxes, not only the largest free rectangle),
// while the main view's subject has a known shape (`mainAspect` > 0): the main view may take
// the free rectangle that frames that shape biggest (a seated thigh the wide strip under a
// panel, a raised one the tall column between two) and the box a free corner apart from it (the
// space under a side panel), when that frames the subject a tenth bigger than layoutCloseUp in
// the largest free rectangle does and the box keeps 60 % of its area. `preferApart`: the last
// frame's choice in the same step, which then holds while the gain is 5 % or more, so the view
// does not hop between the two as a panel's text reflows.
CloseUpLayout layoutCloseUpInView(const ui::ViewArea& area, float subjectAspect, float maxShareOfArea, float mainAspect,
                                  bool preferApart = false);

// What the box holds for a step: the whole pose (the main view has the heads), or the heads
// close up (the lesson set the main view's `view` or `frame`).
enum class BoxSubject { WholePose, Hamstrings };
BoxSubject boxSubject(const content::LessonStep& step);

// Eases a camera toward a moving target with this time constant (a leg that walks or lifts):
// focus and distance follow, the angles are the target's.
scene::CameraPose followPose(const scene::CameraPose& from, const scene::CameraPose& to, float dtSeconds,
                             float timeConstantSeconds);

class CloseUp {
public:
    static constexpr float kFollowSeconds = 0.25f;  // time constant of following a moving leg

    // The user's switch (on by default); the close-up still waits for a step that works hamstrings.
    void setEnabled(bool enabled) { enabled_ = enabled; }
    bool enabled() const { return enabled_; }

    // The free part of the window the last overlay left (the whole window without one).
    void setFreeArea(const ui::PixelRect& free);
    // The same with the panels' boxes, which lets the box sit apart from the main view in a
    // free corner the largest free rectangle leaves out (layoutCloseUpInView).
    void setViewArea(const ui::ViewArea& area);
    // The shape of the box for this step's subject (width over height), from its final pose.
    static float subjectAspect(const content::LessonStep& step, const scene::Scene& scene);
    // The shape of the main view's subject beside the box: the heads at the step's final pose
    // while the box holds the whole pose, else the pose as the lesson frames it.
    static float mainSubjectAspect(const content::LessonStep& step, const scene::Scene& scene);
    // After the lesson each frame: whether to show, and the box's camera fitted to its subject
    // as `scene` is posed now, eased like the main framing (a glide to a new step, then it
    // follows). `step` is null while no lesson plays.
    void update(float dtSeconds, const content::LessonStep* step, int stepSerial, const scene::Scene& scene);
    // What the main view frames for a step as `scene` is posed now: the working heads close up
    // while the box holds the whole pose, else the step's own framing (app/step_framing.h).
    StepFraming mainFraming(const content::LessonStep& step, const scene::Scene& scene) const;
    // Whether the main view follows the working heads as they move in this step.
    bool mainFollows(const content::LessonStep* step) const { return showsFor(step) && boxSubject(*step) == BoxSubject::WholePose; }

    // Whether the close-up shows for this step (null: no lesson), given the room it had last frame.
    bool showsFor(const content::LessonStep* step) const;
    bool shown() const { return shown_; }
    const ui::PixelRect& box() const { return layout_.box; }
    // The part of the free area the main view frames the pose in. While the box is hidden: in a
    // lesson step, the free rectangle that frames the step's own subject biggest (a seated
    // thigh the wide strip under a panel) when that frames it a tenth bigger than the largest
    // free rectangle does (and while it still frames it 5 % bigger); else the largest.
    ui::PixelRect mainViewRect() const { return shown_ ? layout_.mainView : plainView_; }
    // "Whole pose", or "Close-up: right hamstrings".
    const std::string& caption() const { return caption_; }
    const scene::OrbitCamera& camera() const { return camera_; }
    // What the renderer draws into the box; none while hidden.
    std::optional<render::InsetView> insetView() const;

private:
    bool enabled_ = true;
    bool shown_ = false;
    ui::ViewArea area_;  // `free` alone when set by setFreeArea
    CloseUpLayout layout_;
    scene::OrbitCamera camera_;
    int framedStepSerial_ = -1;
    int measuredStepSerial_ = -1;  // the step subjectAspect_ was measured for
    BoxSubject subject_ = BoxSubject::WholePose;
    StepFraming wholePose_;        // the box's framing of the step's whole pose (while subject_ is WholePose)
    glm::vec3 wholePosePelvis_{0.0f};  // where that pose has the pelvis
    float mainAspect_ = 0.0f;      // of the main view's subject (mainSubjectAspect)
    float plainAspect_ = 0.0f;     // of the step's own framing (without the box); 0: no lesson
    ui::PixelRect plainView_;      // the main view without the box (mainViewRect)
    bool plainBest_ = false;       // plainView_ is not the largest free rectangle
    float subjectAspect_ = 1.0f;  // of the box's subject at the step's final pose, as its camera sees it
    std::string caption_;
};

} // namespace app
