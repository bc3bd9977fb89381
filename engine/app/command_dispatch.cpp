#include "app/command_dispatch.h"

#include "app/graphics_context.h"
#include "app/lesson_session.h"
#include "app/loop_state.h"
#include "app/panels.h"
#include "app/physiology_view.h"
#include "app/routine_session.h"
#include "app/world.h"

#include <algorithm>

namespace app {
namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

void CommandDispatcher::applyAction(Action action, std::vector<ui::Command>& commands)
{
    scene::OrbitCamera& camera = world_.camera;
    const scene::Scene& scene = world_.scene;
    const lessons::LessonPlayer& player = lessons_.player();
    ui::OverlayState& overlay = panels_.overlay();
    const glm::vec2 viewport = glm::vec2(graphics_.window().drawableSize());
    const float stepPixels = viewport.y / 12.0f; // 15 degrees
    switch (action) {
    case Action::ViewAnterior: commands.push_back(ui::SetViewPreset{content::ViewPreset::Anterior}); break;
    case Action::ViewPosterior: commands.push_back(ui::SetViewPreset{content::ViewPreset::Posterior}); break;
    case Action::ViewLateral: commands.push_back(ui::SetViewPreset{content::ViewPreset::Lateral}); break;
    case Action::ViewMedial: commands.push_back(ui::SetViewPreset{content::ViewPreset::Medial}); break;
    case Action::ViewSuperior: commands.push_back(ui::SetViewPreset{content::ViewPreset::Superior}); break;
    case Action::FrameAll: commands.push_back(ui::FrameAll{}); break;
    case Action::FocusSelection: commands.push_back(ui::FocusSelection{}); break;
    case Action::OrbitLeft: camera.orbit({-stepPixels, 0.0f}, viewport); break;
    case Action::OrbitRight: camera.orbit({stepPixels, 0.0f}, viewport); break;
    case Action::OrbitUp: camera.orbit({0.0f, stepPixels}, viewport); break;
    case Action::OrbitDown: camera.orbit({0.0f, -stepPixels}, viewport); break;
    case Action::ZoomIn: camera.zoom(1.0f); break;
    case Action::ZoomOut: camera.zoom(-1.0f); break;
    case Action::ToggleHelp: overlay.showHelp = !overlay.showHelp; break;
    case Action::ToggleLayers: commands.push_back(ui::ToggleExplorePanel{}); break;
    case Action::ToggleFullscreen: commands.push_back(ui::ToggleFullscreen{}); break;
    case Action::Screenshot: commands.push_back(ui::TakeScreenshot{}); break;
    case Action::LargerText: commands.push_back(ui::SetFontScale{graphics_.fontScale() * 1.25f}); break;
    case Action::SmallerText: commands.push_back(ui::SetFontScale{graphics_.fontScale() / 1.25f}); break;
    case Action::ClearOrClose:
        if (panels_.blank())
            panels_.setBlank(false);
        else if (overlay.showHelp)
            overlay.showHelp = false;
        else if (panels_.presenter())
            commands.push_back(ui::TogglePresenter{});
        else
            commands.push_back(ui::SelectStructure{-1});
        break;
    case Action::Quit: commands.push_back(ui::Quit{}); break;
    case Action::NextStep:
        if (player.active()) commands.push_back(ui::NextStep{});
        break;
    case Action::PreviousStep:
        if (player.active()) commands.push_back(ui::PreviousStep{});
        break;
    case Action::TogglePause:
        if (player.active()) commands.push_back(ui::SetPaused{!player.paused()});
        break;
    case Action::ToggleLessons: commands.push_back(ui::ToggleLessonPanel{}); break;
    case Action::ToggleRoutines: commands.push_back(ui::ToggleRoutinePanel{}); break;
    case Action::ToggleXray: commands.push_back(ui::SetXray{!panels_.explore().xray}); break;
    case Action::TogglePhysiology: commands.push_back(ui::TogglePhysiologyPanel{}); break;
    case Action::ToggleBones:
    case Action::ToggleMuscles:
    case Action::ToggleTendons:
    case Action::ToggleNeighbours:
    case Action::ToggleNerves:
    case Action::ToggleSkin: {
        const auto layer = content::LayerId(int(action) - int(Action::ToggleBones));
        commands.push_back(ui::SetLayerVisible{layer, !scene.layer(layer).visible});
        break;
    }
    case Action::ToggleStretchMap: commands.push_back(ui::ToggleStretchMap{}); break;
    case Action::ToggleCloseUp: commands.push_back(ui::SetCloseUp{!world_.closeUp.enabled()}); break;
    case Action::ToggleLabels: commands.push_back(ui::SetLabels{!panels_.explore().labels}); break;
    case Action::IsolateSelection:
        if (scene.selectedStructure >= 0) commands.push_back(ui::IsolateStructure{scene.selectedStructure});
        break;
    case Action::HideSelection:
        if (scene.selectedStructure >= 0) commands.push_back(ui::HideStructure{scene.selectedStructure});
        break;
    case Action::ShowAll: commands.push_back(ui::ShowAllStructures{}); break;
    case Action::ToggleQuiz:
        if (panels_.quiz())
            commands.push_back(ui::StopQuiz{});
        else
            commands.push_back(ui::StartQuiz{});
        break;
    case Action::TogglePresenter: commands.push_back(ui::TogglePresenter{}); break;
    case Action::ToggleBlank: commands.push_back(ui::ToggleBlank{}); break;
    case Action::ToggleHighContrast: commands.push_back(ui::SetHighContrast{!graphics_.highContrast()}); break;
    }
}

void CommandDispatcher::apply(const ui::Command& command)
{
    scene::Scene& scene = world_.scene;
    scene::OrbitCamera& camera = world_.camera;
    lessons::LessonPlayer& player = lessons_.player();
    platform::Window& window = graphics_.window();
    std::visit(Overloaded{
                   [&](const ui::SetViewPreset& c) { camera.setPreset(c.preset); },
                   [&](const ui::FrameAll&) { camera.frame(scene.visibleBounds()); },
                   [&](const ui::FocusSelection&) {
                       if (scene.selectedStructure >= 0)
                           camera.focusOnBounds(scene.structureBounds(scene.selectedStructure), 3.2f, 0.15f);
                   },
                   [&](const ui::SetLayerVisible& c) { scene.layers()[std::size_t(c.layer)].visible = c.visible; },
                   [&](const ui::SetLayerOpacity& c) {
                       scene.layers()[std::size_t(c.layer)].opacity = std::clamp(c.opacity, 0.0f, 1.0f);
                   },
                   [&](const ui::SelectStructure& c) { scene.selectedStructure = c.structure; },
                   [&](const ui::TakeScreenshot&) { loop_.screenshotRequested = true; },
                   [&](const ui::ExportLessonVideo&) { loop_.videoExportRequested = true; },
                   [&](const ui::CancelVideoExport&) { loop_.videoExportCancelled = true; },
                   [&](const ui::ToggleFullscreen&) { window.setFullscreen(!window.fullscreen(), display_); },
                   [&](const ui::SetFontScale& c) { graphics_.setFontScale(c.scale); },
                   [&](const ui::Quit&) { loop_.running = false; },
                   [&](const ui::StartLesson& c) { lessons_.start(c.id, c.step); },
                   [&](const ui::StopLesson&) { lessons_.stop(); },
                   // In a routine, next and previous go by entry, past the rests between them.
                   [&](const ui::NextStep&) {
                       if (routines_.playing()) routines_.skip();
                       else lessons_.next();
                   },
                   [&](const ui::PreviousStep&) {
                       if (routines_.playing()) routines_.previous();
                       else player.previous();
                   },
                   [&](const ui::GoToStep& c) { player.goToStep(c.step); },
                   [&](const ui::RestartStep&) { player.restartStep(); },
                   [&](const ui::SetPaused& c) { player.setPaused(c.paused); },
                   [&](const ui::SetPlaybackSpeed& c) { player.setSpeed(c.speed); },
                   [&](const ui::ScrubStep& c) { player.scrub(c.timeS); },
                   [&](const ui::SetXray& c) { panels_.setXray(c.enabled); },
                   [&](const ui::HideStructure& c) {
                       scene.setStructureHidden(c.structure, true);
                       if (scene.selectedStructure == c.structure) scene.selectedStructure = -1;
                   },
                   [&](const ui::IsolateStructure& c) { scene.isolateStructure(c.structure); },
                   [&](const ui::ShowAllStructures&) { scene.showAllStructures(); },
                   [&](const ui::SetLabels& c) { panels_.explore().labels = c.enabled; },
                   [&](const ui::ToggleExplorePanel&) { panels_.explore().open = !panels_.explore().open; },
                   [&](const ui::PlayRoutine& c) { (void)routines_.play(c.routine); },
                   [&](const ui::OpenRoutine& c) {
                       if (routines_.open(c.path)) panels_.routinePanel().open = true;
                   },
                   [&](const ui::SaveRoutine& c) {
                       auto saved = routines_.save(c.routine);
                       ui::notify(panels_.overlay(), saved ? "Routine saved to " + saved->string()
                                                           : "Routine not saved: " + saved.error().describe(), 8.0);
                   },
                   [&](const ui::StopRoutine&) { routines_.stop(); },
                   [&](const ui::SkipRoutineEntry&) { routines_.skip(); },
                   [&](const ui::PreviousRoutineEntry&) { routines_.previous(); },
                   [&](const ui::ToggleRoutinePanel&) {
                       ui::RoutinePanelState& panel = panels_.routinePanel();
                       panel.open = !panel.open;
                       if (panel.open) routines_.refreshFiles();
                   },
                   [&](const ui::ToggleLessonPanel&) { panels_.lessonPanel().open = !panels_.lessonPanel().open; },
                   [&](const ui::StartQuiz&) {
                       if (player.active()) lessons_.stop();
                       panels_.startQuiz(lessons_.library());
                   },
                   [&](const ui::StopQuiz&) { panels_.stopQuiz(); },
                   [&](const ui::AnswerQuiz& c) { panels_.answerQuiz(c.option); },
                   [&](const ui::NextQuizQuestion&) { panels_.nextQuizQuestion(); },
                   [&](const ui::SetColourMap& c) { physiology_.setColourMap(c.map); },
                   [&](const ui::SetLegPose& c) {
                       if (player.active()) lessons_.stop();
                       world_.manualPose[anatomy::Coordinate::HipFlexionR] = c.hipFlexionDeg;
                       world_.manualPose[anatomy::Coordinate::KneeFlexionR] = c.kneeFlexionDeg;
                   },
                   [&](const ui::SetStretchMapHead& c) { physiology_.setStretchMapHead(c.head); },
                   [&](const ui::TogglePhysiologyPanel&) { physiology_.togglePanel(); },
                   [&](const ui::ToggleStretchMap&) { physiology_.toggleStretchMap(); },
                   [&](const ui::TogglePresenter&) { panels_.setPresenter(!panels_.presenter()); },
                   [&](const ui::ToggleBlank&) { panels_.setBlank(!panels_.blank()); },
                   [&](const ui::SetHighContrast& c) { graphics_.setHighContrast(c.enabled); },
                   [&](const ui::SetPresenterDisplay& c) { panels_.setPresenterDisplay(c.display); },
                   [&](const ui::SetCloseUp& c) { world_.closeUp.setEnabled(c.enabled); },
               },
               command);
}

} // namespace app
