#include "app/controls.h"

#include <string>

namespace app {

const std::vector<KeyBinding>& keyBindings()
{
    using platform::Key;
    static const std::vector<KeyBinding> bindings = {
        {Key::Num1, false, false, Action::ViewAnterior, "Anterior view"},
        {Key::Num2, false, false, Action::ViewPosterior, "Posterior view"},
        {Key::Num3, false, false, Action::ViewLateral, "Lateral view (right leg)"},
        {Key::Num4, false, false, Action::ViewMedial, "Medial view (right leg)"},
        {Key::Num5, false, false, Action::ViewSuperior, "Superior view"},
        {Key::F, false, false, Action::FrameAll, "Frame everything"},
        {Key::F, false, true, Action::FocusSelection, "Focus the selected structure"},
        {Key::PageDown, false, false, Action::NextStep, "Next lesson step or routine entry (presentation clicker)"},
        {Key::Right, false, false, Action::NextStep, "Next lesson step or routine entry (presentation clicker)"},
        {Key::Space, false, false, Action::NextStep, "Next lesson step or routine entry (presentation clicker)"},
        {Key::PageUp, false, false, Action::PreviousStep, "Previous lesson step or routine entry"},
        {Key::Left, false, false, Action::PreviousStep, "Previous lesson step or routine entry"},
        {Key::P, false, false, Action::TogglePause, "Pause or play the lesson or routine"},
        {Key::Left, false, true, Action::OrbitLeft, "Turn the model"},
        {Key::Right, false, true, Action::OrbitRight, "Turn the model"},
        {Key::Up, false, true, Action::OrbitUp, "Look from higher"},
        {Key::Down, false, true, Action::OrbitDown, "Look from lower"},
        {Key::Equals, false, false, Action::ZoomIn, "Zoom in"},
        {Key::Minus, false, false, Action::ZoomOut, "Zoom out"},
        {Key::F1, false, false, Action::ToggleHelp, "Show or hide these controls"},
        {Key::L, false, false, Action::ToggleLayers, "Show or hide the Explore panel (layers, search)"},
        {Key::X, false, false, Action::ToggleXray, "X-ray: see inside"},
        {Key::Num1, true, false, Action::ToggleBones, "Show or hide the bones"},
        {Key::Num2, true, false, Action::ToggleMuscles, "Show or hide the hamstring muscles"},
        {Key::Num3, true, false, Action::ToggleTendons, "Show or hide the tendons"},
        {Key::Num4, true, false, Action::ToggleNeighbours, "Show or hide the neighbouring muscles"},
        {Key::Num5, true, false, Action::ToggleNerves, "Show or hide the nerves"},
        {Key::Num6, true, false, Action::ToggleSkin, "Show or hide the skin"},
        {Key::M, false, false, Action::TogglePhysiology, "Physiology panel: live muscle numbers and colour maps"},
        {Key::K, false, false, Action::ToggleStretchMap, "Stretch map: pose the leg by hip and knee angle"},
        {Key::C, false, false, Action::ToggleCloseUp, "Close-up: the working hamstrings fill the view, the whole pose in a corner"},
        {Key::N, false, false, Action::ToggleLabels, "Name the structures on screen"},
        {Key::I, false, false, Action::IsolateSelection, "Show only the selected structure"},
        {Key::Delete, false, false, Action::HideSelection, "Hide the selected structure"},
        {Key::A, false, false, Action::ShowAll, "Show every structure again"},
        {Key::T, false, false, Action::ToggleLessons, "Show or hide the lesson panel"},
        {Key::R, false, false, Action::ToggleRoutines, "Routines: build, open and play a routine of stretches and exercises"},
        {Key::Q, false, false, Action::ToggleQuiz, "Quiz: name the structure, pick the stretch (answer 1-4, Enter for next)"},
        {Key::F5, false, false, Action::TogglePresenter, "Presenter mode (model and step text only)"},
        {Key::B, false, false, Action::ToggleBlank, "Blank the screen (presentation clicker)"},
        {Key::Period, false, false, Action::ToggleBlank, "Blank the screen (presentation clicker)"},
        {Key::H, true, false, Action::ToggleHighContrast, "High-contrast theme"},
        {Key::F11, false, false, Action::ToggleFullscreen, "Fullscreen"},
        {Key::F12, false, false, Action::Screenshot, "Save a screenshot into ~/Pictures/Hamstring Trainer"},
        {Key::Equals, true, false, Action::LargerText, "Larger text"},
        {Key::Minus, true, false, Action::SmallerText, "Smaller text"},
        {Key::Escape, false, false, Action::ClearOrClose, "Leave presenter mode, close help, or clear the selection"},
        {Key::Q, true, false, Action::Quit, "Quit"},
    };
    return bindings;
}

std::optional<Action> actionForKey(platform::Key key, const platform::Modifiers& modifiers)
{
    for (const KeyBinding& binding : keyBindings())
        if (binding.key == key && binding.ctrl == modifiers.ctrl && binding.shift == modifiers.shift)
            return binding.action;
    return std::nullopt;
}

std::vector<ui::HelpEntry> helpEntries()
{
    std::vector<ui::HelpEntry> entries = {
        {"Left drag", "Orbit around the focus point"},
        {"Right or middle drag, Shift+left drag", "Pan"},
        {"Wheel, pinch", "Zoom"},
        {"Click", "Select a structure"},
        {"Double-click", "Focus on the point under the cursor"},
    };
    for (const KeyBinding& binding : keyBindings()) {
        std::string keys;
        if (binding.ctrl) keys += "Ctrl+";
        if (binding.shift) keys += "Shift+";
        keys += platform::keyName(binding.key);
        // Consecutive bindings with the same description share a row ("Left, Right").
        if (!entries.empty() && entries.back().action == binding.description) {
            entries.back().keys += ", " + keys;
            continue;
        }
        entries.push_back({keys, binding.description});
    }
    return entries;
}

} // namespace app
