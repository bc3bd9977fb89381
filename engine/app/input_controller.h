// Platform events into the trainer's gestures and actions: drag to orbit, shift-drag or another
// button to pan, click to select, double-click to glide there, wheel and pinch to zoom, keys
// through the controls table (app/controls.h). Window events: minimising holds a lesson, and a
// resize or a new display resizes text. The overlay keeps the events it is using.
#pragma once

#include "platform/input.h"
#include "ui/commands.h"

#include <glm/vec2.hpp>

#include <vector>

namespace app {

class CommandDispatcher;
class GraphicsContext;
class LessonSession;
class Panels;
struct LoopState;
struct World;

class InputController {
public:
    InputController(World& world, GraphicsContext& graphics, CommandDispatcher& dispatch, LessonSession& lessons,
                    const Panels& panels, LoopState& loop)
        : world_(world), graphics_(graphics), dispatch_(dispatch), lessons_(lessons), panels_(panels), loop_(loop)
    {
    }

    // This frame's events; keys add commands, a click selects at once.
    void handle(const std::vector<platform::InputEvent>& events, std::vector<ui::Command>& commands);
    // What the pointer is over, once the pointer has moved and no drag is on.
    void updateHover();
    glm::vec2 pointerPixels() const { return mousePosition_; }

private:
    void handleKey(const platform::InputEvent& event, std::vector<ui::Command>& commands);
    void handleMouse(const platform::InputEvent& event);
    bool overlayWantsMouse() const;

    enum class Drag { None, Orbit, Pan };

    World& world_;
    GraphicsContext& graphics_;
    CommandDispatcher& dispatch_;
    LessonSession& lessons_;
    const Panels& panels_;
    LoopState& loop_;
    Drag drag_ = Drag::None;
    glm::vec2 mousePosition_{0.0f};
    float dragDistance_ = 0.0f;
    bool hoverDirty_ = false;
};

} // namespace app
