#include "app/input_controller.h"

#include "app/command_dispatch.h"
#include "app/controls.h"
#include "app/graphics_context.h"
#include "app/lesson_session.h"
#include "app/loop_state.h"
#include "app/panels.h"
#include "app/world.h"

#include <imgui.h>

namespace app {
namespace {

// A press that moves less than this before release is a click, not a drag.
constexpr float kClickSlopPixels = 4.0f;

} // namespace

bool InputController::overlayWantsMouse() const
{
    return graphics_.overlayReady() && ImGui::GetIO().WantCaptureMouse;
}

void InputController::handle(const std::vector<platform::InputEvent>& events, std::vector<ui::Command>& commands)
{
    using Type = platform::InputEvent::Type;
    for (const platform::InputEvent& event : events) {
        switch (event.type) {
        case Type::Quit: commands.push_back(ui::Quit{}); break;
        case Type::KeyDown: handleKey(event, commands); break;
        case Type::MouseDown:
        case Type::MouseUp:
        case Type::MouseMove:
        case Type::MouseWheel:
        case Type::Pinch: handleMouse(event); break;
        case Type::WindowMinimized:
            // Nobody is watching: stop drawing, and hold a running lesson where it is.
            loop_.minimised = true;
            lessons_.setWindowMinimised(true);
            break;
        case Type::WindowRestored:
            loop_.minimised = false;
            lessons_.setWindowMinimised(false);
            break;
        case Type::WindowResized:
        case Type::WindowMoved:
        case Type::DisplayChanged: graphics_.refreshDisplayScale(); break;
        // A routine a teacher handed out, dragged onto the window: opened and played.
        case Type::FileDropped: commands.push_back(ui::OpenRoutine{event.path}); break;
        default: break;
        }
    }
}

void InputController::handleKey(const platform::InputEvent& event, std::vector<ui::Command>& commands)
{
    // Text fields in the overlay keep their keys; function keys always reach the app.
    const bool functionKey = event.key >= platform::Key::F1 && event.key <= platform::Key::F12;
    if (graphics_.overlayReady() && ImGui::GetIO().WantTextInput && !functionKey) return;
    if (const lessons::Quiz* quiz = panels_.quiz(); quiz && !event.modifiers.ctrl) {
        if (!quiz->answered() && event.key >= platform::Key::Num1 && event.key <= platform::Key::Num4) {
            commands.push_back(ui::AnswerQuiz{int(event.key) - int(platform::Key::Num1)});
            return;
        }
        if (quiz->answered() && event.key == platform::Key::Enter) {
            commands.push_back(ui::NextQuizQuestion{});
            return;
        }
    }
    if (auto action = actionForKey(event.key, event.modifiers)) dispatch_.applyAction(*action, commands);
}

void InputController::handleMouse(const platform::InputEvent& event)
{
    using Type = platform::InputEvent::Type;
    scene::OrbitCamera& camera = world_.camera;
    platform::Window& window = graphics_.window();
    const glm::vec2 viewport = glm::vec2(window.drawableSize());
    switch (event.type) {
    case Type::MouseDown:
        mousePosition_ = event.position;
        if (overlayWantsMouse()) return;
        dragDistance_ = 0.0f;
        if (event.button == platform::MouseButton::Left && !event.modifiers.shift)
            drag_ = Drag::Orbit;
        else
            drag_ = Drag::Pan;
        window.setMouseCapture(true);
        if (event.button == platform::MouseButton::Left && event.clicks == 2) {
            // Double-click: glide to the point under the cursor.
            if (auto hit = world_.scene.pick(camera.rayThroughPixel(event.position, viewport))) camera.focusOn(hit->point);
            drag_ = Drag::None;
        }
        break;
    case Type::MouseUp:
        if (drag_ != Drag::None) {
            window.setMouseCapture(false);
            const bool click = dragDistance_ < kClickSlopPixels && event.button == platform::MouseButton::Left;
            drag_ = Drag::None;
            if (click) {
                auto hit = world_.scene.pick(camera.rayThroughPixel(event.position, viewport));
                dispatch_.apply(ui::SelectStructure{hit ? hit->structure : -1});
            }
        }
        break;
    case Type::MouseMove:
        mousePosition_ = event.position;
        hoverDirty_ = true;
        if (drag_ == Drag::None) return;
        dragDistance_ += glm::length(event.delta);
        if (dragDistance_ < kClickSlopPixels) return;
        if (drag_ == Drag::Orbit)
            camera.orbit(event.delta, viewport);
        else
            camera.pan(event.delta, viewport);
        break;
    case Type::MouseWheel:
        if (!overlayWantsMouse()) camera.zoom(event.wheel);
        break;
    case Type::Pinch:
        if (!overlayWantsMouse()) camera.zoomByFactor(1.0f + event.pinch * 4.0f);
        break;
    default: break;
    }
}

void InputController::updateHover()
{
    if (!hoverDirty_ || drag_ != Drag::None) return;
    hoverDirty_ = false;
    if (overlayWantsMouse()) {
        world_.scene.hoveredStructure = -1;
        return;
    }
    auto hit = world_.scene.pick(world_.camera.rayThroughPixel(mousePosition_, glm::vec2(graphics_.window().drawableSize())));
    world_.scene.hoveredStructure = hit ? hit->structure : -1;
}

} // namespace app
