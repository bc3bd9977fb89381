#include "scene/camera.h"

#include <doctest/doctest.h>

#include <glm/gtc/matrix_transform.hpp>

namespace {

scene::OrbitCamera framedCamera()
{
    scene::OrbitCamera camera;
    core::Bounds bounds;
    bounds.add(glm::vec3(-0.3f, 0.0f, -0.2f));
    bounds.add(glm::vec3(0.3f, 1.8f, 0.2f));
    camera.frame(bounds, false);
    return camera;
}

void finishTransition(scene::OrbitCamera& camera)
{
    for (int i = 0; i < 120 && camera.transitioning(); ++i) camera.update(1.0f / 60.0f);
}

} // namespace

TEST_CASE("preset views put the eye on the anatomical side they name")
{
    scene::OrbitCamera camera = framedCamera();
    const glm::vec3 focus = camera.pose().focus;
    struct Expectation {
        content::ViewPreset preset;
        glm::vec3 direction; // from the focus toward the eye
    };
    const Expectation expectations[] = {
        {content::ViewPreset::Anterior, {1, 0, 0}},  {content::ViewPreset::Posterior, {-1, 0, 0}},
        {content::ViewPreset::Lateral, {0, 0, 1}},   {content::ViewPreset::Medial, {0, 0, -1}},
        {content::ViewPreset::Superior, {0, 1, 0}},
    };
    for (const Expectation& expectation : expectations) {
        CAPTURE(content::presetName(expectation.preset));
        camera.setPreset(expectation.preset, false);
        const glm::vec3 toEye = glm::normalize(camera.position() - focus);
        CHECK(glm::dot(toEye, expectation.direction) > 0.99f);
    }
}

TEST_CASE("preset names round trip")
{
    for (auto preset : {content::ViewPreset::Anterior, content::ViewPreset::Posterior, content::ViewPreset::Lateral,
                        content::ViewPreset::Medial, content::ViewPreset::Superior})
        CHECK(content::presetFromName(content::presetName(preset)) == preset);
    CHECK_FALSE(content::presetFromName("sideways"));
}

TEST_CASE("framing puts every corner of the box inside the view")
{
    scene::OrbitCamera camera = framedCamera();
    core::Bounds bounds;
    bounds.add(glm::vec3(-0.3f, 0.0f, -0.2f));
    bounds.add(glm::vec3(0.3f, 1.8f, 0.2f));
    for (float aspect : {16.0f / 9.0f, 1.0f}) {
        const glm::mat4 clip = camera.projectionMatrix(aspect) * camera.viewMatrix();
        for (int corner = 0; corner < 8; ++corner) {
            const glm::vec3 p{(corner & 1) ? bounds.max.x : bounds.min.x, (corner & 2) ? bounds.max.y : bounds.min.y,
                              (corner & 4) ? bounds.max.z : bounds.min.z};
            glm::vec4 c = clip * glm::vec4(p, 1.0f);
            c /= c.w;
            CHECK(std::abs(c.x) <= 1.0f);
            CHECK(std::abs(c.y) <= 1.0f);
            CHECK(c.z > -1.0f);
            CHECK(c.z < 1.0f);
        }
    }
}

TEST_CASE("a ray through the centre of the view passes through the focus")
{
    scene::OrbitCamera camera = framedCamera();
    camera.setPreset(content::ViewPreset::Lateral, false);
    const core::Ray ray = camera.rayThroughPixel({640.0f, 360.0f}, {1280.0f, 720.0f});
    const glm::vec3 toFocus = camera.pose().focus - ray.origin;
    const glm::vec3 closest = ray.origin + ray.direction * glm::dot(toFocus, ray.direction);
    CHECK(glm::length(closest - camera.pose().focus) < 1e-3f);
    // A pixel right of centre points to the right of the view.
    const core::Ray right = camera.rayThroughPixel({1000.0f, 360.0f}, {1280.0f, 720.0f});
    const glm::vec3 viewRight = glm::normalize(glm::cross(camera.forward(), glm::vec3(0, 1, 0)));
    CHECK(glm::dot(right.direction, viewRight) > 0.1f);
}

TEST_CASE("orbit, pan and zoom")
{
    scene::OrbitCamera camera = framedCamera();
    const scene::CameraPose start = camera.pose();
    camera.orbit({360.0f, 0.0f}, {1280.0f, 720.0f});
    CHECK(camera.pose().yawDeg == doctest::Approx(start.yawDeg + 90.0f));
    camera.orbit({0.0f, 10000.0f}, {1280.0f, 720.0f});
    CHECK(camera.pose().pitchDeg == doctest::Approx(scene::OrbitCamera::kMaxPitchDeg));

    scene::OrbitCamera panned = framedCamera();
    panned.pan({100.0f, 0.0f}, {1280.0f, 720.0f});
    CHECK(panned.pose().distanceM == doctest::Approx(start.distanceM));
    CHECK(glm::length(panned.pose().focus - start.focus) > 0.01f);

    scene::OrbitCamera zoomed = framedCamera();
    zoomed.zoom(1.0f);
    CHECK(zoomed.pose().distanceM < start.distanceM);
    for (int i = 0; i < 200; ++i) zoomed.zoom(1.0f);
    CHECK(zoomed.pose().distanceM > 0.0f);
    const float closest = zoomed.pose().distanceM;
    zoomed.zoom(1.0f);
    CHECK(zoomed.pose().distanceM == doctest::Approx(closest)); // clamped
}

TEST_CASE("transitions glide smoothly and take the short way round")
{
    scene::OrbitCamera camera = framedCamera();
    camera.setPreset(content::ViewPreset::Lateral, false); // yaw 90
    camera.setPreset(content::ViewPreset::Posterior);      // yaw 180: a quarter turn, not three
    REQUIRE(camera.transitioning());
    float previousYaw = camera.pose().yawDeg;
    for (int i = 0; i < 20; ++i) {
        camera.update(1.0f / 60.0f);
        CHECK(camera.pose().yawDeg >= previousYaw - 1e-3f);
        CHECK(camera.pose().yawDeg <= 180.0f + 1e-3f);
        previousYaw = camera.pose().yawDeg;
    }
    finishTransition(camera);
    CHECK_FALSE(camera.transitioning());
    CHECK(std::abs(std::abs(camera.pose().yawDeg) - 180.0f) < 1e-3f);

    SUBCASE("orbiting during a transition stops it where it is")
    {
        camera.setPreset(content::ViewPreset::Anterior);
        camera.update(0.1f);
        camera.orbit({1.0f, 0.0f}, {100.0f, 100.0f});
        CHECK_FALSE(camera.transitioning());
    }
}
