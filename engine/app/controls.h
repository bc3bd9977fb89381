// Every keyboard and mouse control of the trainer in one table: the input handler and the
// F1 help both read it, so the help cannot drift from what the keys do.
#pragma once

#include "platform/input.h"
#include "ui/overlay.h"

#include <optional>
#include <vector>

namespace app {

enum class Action {
    ViewAnterior, ViewPosterior, ViewLateral, ViewMedial, ViewSuperior,
    FrameAll, FocusSelection,
    OrbitLeft, OrbitRight, OrbitUp, OrbitDown, ZoomIn, ZoomOut,
    ToggleHelp, ToggleLayers, ToggleFullscreen, Screenshot,
    LargerText, SmallerText, ClearOrClose, Quit,
    NextStep, PreviousStep, TogglePause, ToggleLessons, ToggleRoutines,
    TogglePresenter, ToggleBlank, ToggleHighContrast,
    ToggleXray, ToggleLabels, IsolateSelection, HideSelection, ShowAll, ToggleQuiz,
    TogglePhysiology, ToggleStretchMap, ToggleCloseUp,
    ToggleBones, ToggleMuscles, ToggleTendons, ToggleNeighbours, ToggleNerves, ToggleSkin,
};

struct KeyBinding {
    platform::Key key;
    bool ctrl = false;
    bool shift = false;
    Action action;
    const char* description;
};

const std::vector<KeyBinding>& keyBindings();
std::optional<Action> actionForKey(platform::Key key, const platform::Modifiers& modifiers);
// Rows for the F1 window: mouse gestures first, then the key table.
std::vector<ui::HelpEntry> helpEntries();

} // namespace app
