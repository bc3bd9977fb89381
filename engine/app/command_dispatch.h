// Where every request lands: actions from the controls table (app/controls.h) become commands
// (ui/commands.h), and each command - from a key or a panel - is applied to the scene, camera,
// lesson, panels or window in one place.
#pragma once

#include "app/controls.h"
#include "ui/commands.h"

#include <vector>

namespace app {

class GraphicsContext;
class LessonSession;
class Panels;
class PhysiologyView;
class RoutineSession;
struct LoopState;
struct World;

class CommandDispatcher {
public:
    // `display`: the display fullscreen goes to (--display).
    CommandDispatcher(World& world, GraphicsContext& graphics, LessonSession& lessons, RoutineSession& routines, Panels& panels,
                      PhysiologyView& physiology, LoopState& loop, int display)
        : world_(world), graphics_(graphics), lessons_(lessons), routines_(routines), panels_(panels), physiology_(physiology),
          loop_(loop), display_(display)
    {
    }

    // An action that moves the camera or the help acts at once; the others become commands.
    void applyAction(Action action, std::vector<ui::Command>& commands);
    void apply(const ui::Command& command);
    void applyAll(const std::vector<ui::Command>& commands)
    {
        for (const ui::Command& command : commands) apply(command);
    }

private:
    World& world_;
    GraphicsContext& graphics_;
    LessonSession& lessons_;
    RoutineSession& routines_;
    Panels& panels_;
    PhysiologyView& physiology_;
    LoopState& loop_;
    int display_;
};

} // namespace app
