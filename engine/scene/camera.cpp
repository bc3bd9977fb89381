#include "scene/camera.h"

#include <glm/gtc/matrix_transform.hpp>

#include <array>
#include <cmath>

namespace scene {
namespace {

struct PresetInfo {
    content::ViewPreset preset;
    float yawDeg;
    float pitchDeg;
};

constexpr std::array<PresetInfo, 5> kPresets{{
    {content::ViewPreset::Anterior, 0.0f, 5.0f},
    {content::ViewPreset::Posterior, 180.0f, 5.0f},
    {content::ViewPreset::Lateral, 90.0f, 5.0f},   // the right leg from its outer side
    {content::ViewPreset::Medial, -90.0f, 5.0f},   // the right leg from the midline
    {content::ViewPreset::Superior, 180.0f, 85.0f},
}};

float wrapDegrees(float degrees)
{
    degrees = std::fmod(degrees + 180.0f, 360.0f);
    if (degrees < 0.0f) degrees += 360.0f;
    return degrees - 180.0f;
}

float easeInOutCubic(float t)
{
    t = std::clamp(t, 0.0f, 1.0f);
    return t < 0.5f ? 4.0f * t * t * t : 1.0f - std::pow(-2.0f * t + 2.0f, 3.0f) / 2.0f;
}

// The lens shift that puts the middle of the window at the middle of the region.
glm::vec2 regionCentreShift(const ViewRegion& region)
{
    const glm::vec2 centre = (region.minPx + region.maxPx) * 0.5f;
    return {2.0f * centre.x / region.windowPx.x - 1.0f, 1.0f - 2.0f * centre.y / region.windowPx.y};
}

} // namespace

ViewAngles presetAngles(content::ViewPreset preset)
{
    for (const PresetInfo& info : kPresets)
        if (info.preset == preset) return {info.yawDeg, info.pitchDeg};
    return {};
}

OrbitCamera::OrbitCamera()
{
    presetBase_ = pose_;
}

void OrbitCamera::orbit(glm::vec2 dragPixels, glm::vec2 viewportPixels)
{
    transition_.reset();
    ++userMoves_;
    // A drag across the full viewport height turns the view by 180 degrees.
    const float degreesPerPixel = 180.0f / std::max(1.0f, viewportPixels.y);
    pose_.yawDeg = wrapDegrees(pose_.yawDeg + dragPixels.x * degreesPerPixel);
    pose_.pitchDeg = std::clamp(pose_.pitchDeg + dragPixels.y * degreesPerPixel, kMinPitchDeg, kMaxPitchDeg);
}

void OrbitCamera::pan(glm::vec2 dragPixels, glm::vec2 viewportPixels)
{
    transition_.reset();
    ++userMoves_;
    // Move the focus so the point under the cursor stays under it.
    const float metresPerPixel =
        2.0f * pose_.distanceM * std::tan(core::degToRadF(fovYDeg_) * 0.5f) / std::max(1.0f, viewportPixels.y);
    const glm::vec3 forwardDir = forward();
    const glm::vec3 right = glm::normalize(glm::cross(forwardDir, glm::vec3(0.0f, 1.0f, 0.0f)));
    const glm::vec3 up = glm::cross(right, forwardDir);
    pose_.focus += (-dragPixels.x * right + dragPixels.y * up) * metresPerPixel;
}

void OrbitCamera::zoom(float wheelSteps)
{
    zoomByFactor(std::pow(1.15f, wheelSteps));
}

void OrbitCamera::zoomByFactor(float factor)
{
    if (factor <= 0.0f) return;
    ++userMoves_;
    if (transition_) {
        transition_->to.distanceM = std::clamp(transition_->to.distanceM / factor, minDistanceM_, maxDistanceM_);
        return;
    }
    pose_.distanceM = std::clamp(pose_.distanceM / factor, minDistanceM_, maxDistanceM_);
}

void OrbitCamera::transitionTo(const CameraPose& target, float seconds)
{
    CameraPose to = target;
    to.pitchDeg = std::clamp(to.pitchDeg, kMinPitchDeg, kMaxPitchDeg);
    to.distanceM = std::clamp(to.distanceM, minDistanceM_, maxDistanceM_);
    if (seconds <= 0.0f) {
        setPose(to);
        return;
    }
    // Turn the short way round.
    to.yawDeg = pose_.yawDeg + wrapDegrees(to.yawDeg - pose_.yawDeg);
    transition_ = Transition{pose_, to, 0.0f, seconds};
}

void OrbitCamera::setPreset(content::ViewPreset preset, bool animate)
{
    for (const PresetInfo& info : kPresets) {
        if (info.preset != preset) continue;
        CameraPose target = presetBase_;
        target.yawDeg = info.yawDeg;
        target.pitchDeg = info.pitchDeg;
        transitionTo(target, animate ? kTransitionSeconds : 0.0f);
        return;
    }
}

void OrbitCamera::frame(const core::Bounds& bounds, bool animate)
{
    if (bounds.empty()) return;
    CameraPose target = targetPose();
    target.focus = bounds.center();
    // Fit the bounding sphere inside the narrower of the two fields of view (a 16:9 window
    // is wider than tall, so the vertical one), with a small margin.
    const float radius = std::max(bounds.radius(), 0.01f);
    target.distanceM = radius / std::sin(core::degToRadF(fovYDeg_) * 0.5f) * 1.05f;
    setSceneRadius(radius);
    presetBase_ = target;
    transitionTo(target, animate ? kTransitionSeconds : 0.0f);
}

void OrbitCamera::focusOn(const glm::vec3& point, bool animate)
{
    CameraPose target = targetPose();
    target.focus = point;
    transitionTo(target, animate ? kTransitionSeconds : 0.0f);
}

void OrbitCamera::focusOnBounds(const core::Bounds& bounds, float radii, float minDistanceM)
{
    CameraPose target = targetPose();
    target.focus = bounds.center();
    target.distanceM = std::max(bounds.radius() * radii, minDistanceM);
    transitionTo(target);
}

void OrbitCamera::setPose(const CameraPose& pose)
{
    transition_.reset();
    pose_ = pose;
    pose_.yawDeg = wrapDegrees(pose_.yawDeg);
    pose_.pitchDeg = std::clamp(pose_.pitchDeg, kMinPitchDeg, kMaxPitchDeg);
    pose_.distanceM = std::clamp(pose_.distanceM, minDistanceM_, maxDistanceM_);
}

void OrbitCamera::setPresetBase(const CameraPose& pose)
{
    presetBase_ = pose;
    setPose(pose);
}

void OrbitCamera::setViewRegion(const ViewRegion& region)
{
    if (!region.valid()) return;
    region_ = region;
    if (viewRegionSettling()) regionShift_ = regionCentreShift(region_);
}

CameraPose OrbitCamera::fitPoints(std::span<const glm::vec3> points, ViewAngles angles, float fill) const
{
    CameraPose pose;
    pose.yawDeg = angles.yawDeg;
    pose.pitchDeg = std::clamp(angles.pitchDeg, kMinPitchDeg, kMaxPitchDeg);
    pose.distanceM = presetBase_.distanceM;
    if (points.empty()) return pose;
    const float yaw = core::degToRadF(pose.yawDeg);
    const float pitch = core::degToRadF(pose.pitchDeg);
    const glm::vec3 toEye{std::cos(pitch) * std::cos(yaw), std::sin(pitch), std::cos(pitch) * std::sin(yaw)};
    const glm::vec3 forwardDir = -toEye;
    const glm::vec3 right = glm::normalize(glm::cross(forwardDir, glm::vec3(0.0f, 1.0f, 0.0f)));
    const glm::vec3 up = glm::cross(right, forwardDir);
    // The middle of the points across the picture, and their mean depth.
    glm::vec3 mean{0.0f};
    for (const glm::vec3& p : points) mean += p;
    mean /= float(points.size());
    glm::vec2 low{1e9f}, high{-1e9f};
    for (const glm::vec3& p : points) {
        const glm::vec2 across{glm::dot(p - mean, right), glm::dot(p - mean, up)};
        low = glm::min(low, across);
        high = glm::max(high, across);
    }
    const glm::vec2 middle = (low + high) * 0.5f;
    pose.focus = mean + right * middle.x + up * middle.y;
    // The share of the window the region gives the picture, across and up.
    const glm::vec2 share = region_.valid() ? region_.sizePx() / region_.windowPx : glm::vec2(1.0f);
    const float aspect = region_.valid() ? region_.windowPx.x / region_.windowPx.y : 16.0f / 9.0f;
    const float tanHalfY = std::tan(core::degToRadF(fovYDeg_) * 0.5f);
    const glm::vec2 tanHalf{tanHalfY * aspect * share.x * fill, tanHalfY * share.y * fill};
    // A point at depth z behind the focus (and x, y across) is inside when |x| <= tanHalf.x * (d + z).
    float distance = 0.0f;
    for (const glm::vec3& p : points) {
        const glm::vec3 q = p - pose.focus;
        const float depth = glm::dot(q, forwardDir);
        distance = std::max(distance, std::abs(glm::dot(q, right)) / tanHalf.x - depth);
        distance = std::max(distance, std::abs(glm::dot(q, up)) / tanHalf.y - depth);
    }
    pose.distanceM = std::clamp(distance, minDistanceM_, maxDistanceM_);
    return pose;
}

void OrbitCamera::update(float dtSeconds)
{
    if (region_.valid()) {
        regionAgeS_ += std::max(dtSeconds, 0.0f);
        // Panels opening or closing slide the picture over within a fifth of a second or so.
        const float follow = 1.0f - std::exp(-std::max(dtSeconds, 0.0f) / 0.08f);
        regionShift_ += (regionCentreShift(region_) - regionShift_) * follow;
    }
    if (!transition_) return;
    Transition& t = *transition_;
    t.elapsed += dtSeconds;
    const float s = easeInOutCubic(t.elapsed / t.duration);
    pose_.focus = glm::mix(t.from.focus, t.to.focus, s);
    pose_.yawDeg = t.from.yawDeg + (t.to.yawDeg - t.from.yawDeg) * s;
    pose_.pitchDeg = t.from.pitchDeg + (t.to.pitchDeg - t.from.pitchDeg) * s;
    // Distance eases in log space so zooming feels even at every scale.
    pose_.distanceM = std::exp(std::log(t.from.distanceM) + (std::log(t.to.distanceM) - std::log(t.from.distanceM)) * s);
    if (t.elapsed >= t.duration) {
        CameraPose end = t.to;
        transition_.reset();
        setPose(end);
    }
}

void OrbitCamera::setSceneRadius(float radiusM)
{
    sceneRadiusM_ = std::max(radiusM, 0.01f);
    minDistanceM_ = sceneRadiusM_ * 0.05f;
    maxDistanceM_ = sceneRadiusM_ * 20.0f;
}

void OrbitCamera::setDistanceLimits(float minM, float maxM)
{
    minDistanceM_ = minM;
    maxDistanceM_ = maxM;
}

glm::vec3 OrbitCamera::position() const
{
    const float yaw = core::degToRadF(pose_.yawDeg);
    const float pitch = core::degToRadF(pose_.pitchDeg);
    const glm::vec3 offset{std::cos(pitch) * std::cos(yaw), std::sin(pitch), std::cos(pitch) * std::sin(yaw)};
    return pose_.focus + offset * pose_.distanceM;
}

glm::vec3 OrbitCamera::forward() const
{
    return glm::normalize(pose_.focus - position());
}

glm::mat4 OrbitCamera::viewMatrix() const
{
    return glm::lookAt(position(), pose_.focus, glm::vec3(0.0f, 1.0f, 0.0f));
}

float OrbitCamera::nearPlane() const
{
    return std::max(0.005f, (pose_.distanceM - sceneRadiusM_ * 2.0f) * 0.5f);
}

float OrbitCamera::farPlane() const
{
    return pose_.distanceM + sceneRadiusM_ * 4.0f + 1.0f;
}

glm::mat4 OrbitCamera::projectionMatrix(float aspect) const
{
    const glm::mat4 shift = glm::translate(glm::mat4(1.0f), glm::vec3(lensShift(), 0.0f));
    return shift * glm::perspective(core::degToRadF(fovYDeg_), std::max(aspect, 1e-3f), nearPlane(), farPlane());
}

core::Ray OrbitCamera::rayThroughPixel(glm::vec2 pixel, glm::vec2 viewportPixels) const
{
    const glm::vec2 ndc{2.0f * pixel.x / std::max(1.0f, viewportPixels.x) - 1.0f,
                        1.0f - 2.0f * pixel.y / std::max(1.0f, viewportPixels.y)};
    const glm::mat4 inverse = glm::inverse(projectionMatrix(viewportPixels.x / std::max(1.0f, viewportPixels.y)) * viewMatrix());
    glm::vec4 nearPoint = inverse * glm::vec4(ndc, -1.0f, 1.0f);
    glm::vec4 farPoint = inverse * glm::vec4(ndc, 1.0f, 1.0f);
    nearPoint /= nearPoint.w;
    farPoint /= farPoint.w;
    core::Ray ray;
    ray.origin = position();
    ray.direction = glm::normalize(glm::vec3(farPoint) - glm::vec3(nearPoint));
    return ray;
}

glm::mat4 OrbitCamera::viewProjectionMatrix(glm::vec2 viewportPixels) const
{
    return projectionMatrix(viewportPixels.x / std::max(viewportPixels.y, 1.0f)) * viewMatrix();
}

std::optional<glm::vec2> worldToPixel(const glm::mat4& viewProjection, const glm::vec3& point, glm::vec2 viewportPixels)
{
    glm::vec4 clip = viewProjection * glm::vec4(point, 1.0f);
    if (clip.w <= 0.0f) return std::nullopt;
    clip /= clip.w;
    return glm::vec2{(clip.x * 0.5f + 0.5f) * viewportPixels.x, (0.5f - clip.y * 0.5f) * viewportPixels.y};
}

} // namespace scene
