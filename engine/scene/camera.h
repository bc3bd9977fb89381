// The orbit camera of an anatomy viewer: it circles a focus point, pans, zooms, frames a
// box, and glides between preset views. World axes follow the musculoskeletal model:
// x anterior, y superior, z to the body's right.
#pragma once

#include "content/view_preset.h"
#include "core/math.h"

#include <glm/glm.hpp>

#include <optional>
#include <span>
#include <string_view>

namespace scene {

struct CameraPose {
    glm::vec3 focus{0.0f};
    float yawDeg = 0.0f;    // 0: camera in front (anterior view); 90: on the right (lateral view of the right leg)
    float pitchDeg = 0.0f;  // positive: camera above the focus
    float distanceM = 2.0f;
};

// The part of the window the 3D view may use (window pixels, origin top left): what the
// panels leave free. The camera centres its picture there with the lens shift.
struct ViewRegion {
    glm::vec2 minPx{0.0f};
    glm::vec2 maxPx{0.0f};
    glm::vec2 windowPx{0.0f};
    glm::vec2 sizePx() const { return maxPx - minPx; }
    bool valid() const { return windowPx.x > 0.0f && windowPx.y > 0.0f && sizePx().x > 0.0f && sizePx().y > 0.0f; }
};

// The yaw and pitch of a preset view.
struct ViewAngles {
    float yawDeg = 0.0f;
    float pitchDeg = 0.0f;
};
ViewAngles presetAngles(content::ViewPreset preset);

class OrbitCamera {
public:
    static constexpr float kMinPitchDeg = -89.0f;
    static constexpr float kMaxPitchDeg = 89.0f;
    static constexpr float kTransitionSeconds = 0.6f;

    OrbitCamera();

    // Direct manipulation; each cancels a transition in progress.
    void orbit(glm::vec2 dragPixels, glm::vec2 viewportPixels);
    void pan(glm::vec2 dragPixels, glm::vec2 viewportPixels);
    void zoom(float wheelSteps);            // positive: closer
    void zoomByFactor(float factor);        // distance is divided by factor

    // Animated moves.
    void transitionTo(const CameraPose& target, float seconds = kTransitionSeconds);
    void setPreset(content::ViewPreset preset, bool animate = true);
    void frame(const core::Bounds& bounds, bool animate = true);
    void focusOn(const glm::vec3& point, bool animate = true);
    // Glides to look at a box's centre from `radii` times its radius away, but no nearer than
    // `minDistanceM`, keeping the direction the camera looks from.
    void focusOnBounds(const core::Bounds& bounds, float radii, float minDistanceM);
    void setPose(const CameraPose& pose);   // immediate
    // The focus and distance preset views use (set by frame(), or by a scene's opening view):
    // setPresetBase moves there at once, setPresetFraming only remembers it for the next preset.
    void setPresetBase(const CameraPose& pose);
    void setPresetFraming(const CameraPose& pose) { presetBase_ = pose; }
    // Eases transitions and the lens shift toward the view region's centre.
    void update(float dtSeconds);
    bool transitioning() const { return transition_.has_value(); }

    const CameraPose& pose() const { return pose_; }
    // The pose a transition ends at (the current pose when none runs).
    CameraPose targetPose() const { return transition_ ? transition_->to : pose_; }
    void setFieldOfView(float degrees) { fovYDeg_ = degrees; }
    // Moves the picture on screen without turning the camera (in normalised device units,
    // +y up): presenter mode lifts the model above its caption.
    // Without a view region only; a view region centres the picture in the free area instead.
    void setLensShift(glm::vec2 shift) { lensShift_ = shift; }
    // The free part of the window, read after each frame's overlay. The lens shift glides to
    // its centre (the first region is taken at once, so the first picture is already there).
    void setViewRegion(const ViewRegion& region);
    const ViewRegion& viewRegion() const { return region_; }
    // The panels are still finding their sizes (the first quarter second with a region): the
    // picture follows them at once instead of gliding, so the first pictures are already placed.
    bool viewRegionSettling() const { return regionAgeS_ < kRegionSettleS; }
    // The lens shift in use (normalised device units, +y up).
    glm::vec2 lensShift() const { return region_.valid() ? regionShift_ : lensShift_; }
    // The pose looking from these angles at the middle of `points`, from the distance at which
    // every point falls within `fill` (0..1) of the view region's width and height (of the
    // window when there is no region), for a window of this aspect.
    CameraPose fitPoints(std::span<const glm::vec3> points, ViewAngles angles, float fill) const;
    // Counts the user's own moves (orbit, pan, zoom): framing that follows the panels leaves
    // a view the user has moved alone.
    int userMoves() const { return userMoves_; }
    float fieldOfViewDeg() const { return fovYDeg_; }
    void setSceneRadius(float radiusM);
    void setDistanceLimits(float minM, float maxM);

    glm::vec3 position() const;
    glm::vec3 forward() const;              // unit, from the eye toward the focus
    glm::mat4 viewMatrix() const;
    glm::mat4 projectionMatrix(float aspect) const;
    float nearPlane() const;
    float farPlane() const;
    // Ray from the eye through a pixel (origin top left) of a viewport.
    core::Ray rayThroughPixel(glm::vec2 pixel, glm::vec2 viewportPixels) const;
    // Projection times view for a viewport of this size: what worldToPixel takes.
    glm::mat4 viewProjectionMatrix(glm::vec2 viewportPixels) const;

private:
    struct Transition {
        CameraPose from;
        CameraPose to;
        float elapsed = 0.0f;
        float duration = kTransitionSeconds;
    };

    CameraPose pose_;
    CameraPose presetBase_;  // the pose `frame` last computed, used by presets for focus and distance
    std::optional<Transition> transition_;
    float fovYDeg_ = 35.0f;
    glm::vec2 lensShift_{0.0f};
    ViewRegion region_;
    glm::vec2 regionShift_{0.0f};   // eased toward the region's centre
    static constexpr float kRegionSettleS = 0.25f;
    float regionAgeS_ = 0.0f;       // seconds since the first region
    int userMoves_ = 0;
    float sceneRadiusM_ = 1.0f;
    float minDistanceM_ = 0.05f;
    float maxDistanceM_ = 20.0f;
};

// Where a world point appears in a viewport, in pixels with the origin top left (the inverse
// of rayThroughPixel); none when it lies behind the eye. Points outside the view come back too,
// beyond the viewport's edges, for the caller to keep or drop.
std::optional<glm::vec2> worldToPixel(const glm::mat4& viewProjection, const glm::vec3& point, glm::vec2 viewportPixels);

} // namespace scene
