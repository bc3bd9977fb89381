// The overlay around the model, built each frame from the app's state: menu bar, explore and
// lesson panels, labels pinned to structures, the quiz, the physiology panels, and presenter
// mode's caption and blank screen. Also what the panels switch: x-ray layers and the quiz.
#pragma once

#include "lessons/lesson_library.h"
#include "lessons/quiz.h"
#include "content/structures.h"
#include "ui/commands.h"
#include "ui/dock_layout.h"
#include "ui/explore_panel.h"
#include "ui/lesson_panel.h"
#include "ui/routine_panel.h"
#include "ui/overlay.h"

#include <glm/vec2.hpp>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace app {

class GraphicsContext;
class LessonSession;
class PhysiologyView;
class RoutineSession;
class SettingsSync;
struct World;

class Panels {
public:
    Panels(World& world, GraphicsContext& graphics, const LessonSession& lessons, const RoutineSession& routines,
           const SettingsSync& settings, PhysiologyView& physiology, ui::OverlayState& overlay);

    // Between ImGui's NewFrame and Render: every panel, reading state and emitting commands.
    void build(double dtSeconds, glm::vec2 pointerPixels, std::vector<ui::Command>& commands);

    // Presenter mode: the model and the step text only, lifted above the caption, fullscreen
    // on the chosen display.
    void setPresenter(bool enabled);
    bool presenter() const { return presenter_; }
    bool blank() const { return blank_; }
    void setBlank(bool blank) { blank_ = blank; }
    int presenterDisplay() const { return presenterDisplay_; }
    void setPresenterDisplay(int display) { presenterDisplay_ = display; }
    // Presenter mode's pointer highlight (headless images leave it out unless a script moves the pointer).
    void setPointerVisible(bool visible) { pointerVisible_ = visible; }

    // X-ray: outer layers made faint, and put back as they were when it ends.
    void setXray(bool enabled);

    void startQuiz(const lessons::LessonLibrary& lessons);
    void stopQuiz();
    void answerQuiz(int option);
    void nextQuizQuestion();
    const lessons::Quiz* quiz() const { return quiz_ ? &*quiz_ : nullptr; }

    ui::OverlayState& overlay() { return overlay_; }
    ui::ExplorePanelState& explore() { return explore_; }
    ui::LessonPanelState& lessonPanel() { return lessonPanel_; }
    ui::RoutinePanelState& routinePanel() { return routinePanel_; }
    bool routinePanelOpen() const { return routinePanel_.open; }

private:
    ui::DockLayout dockLayout() const;
    void drawStructureLabels();
    void showQuizQuestion();
    void drawRoutinePanel(std::vector<ui::Command>& commands);

    World& world_;
    GraphicsContext& graphics_;
    const LessonSession& lessons_;
    const RoutineSession& routines_;
    const SettingsSync& settings_;
    PhysiologyView& physiology_;
    ui::OverlayState& overlay_;
    bool pointerVisible_ = false;
    const std::vector<ui::HelpEntry> help_;
    ui::ExplorePanelState explore_;
    ui::LessonPanelState lessonPanel_;
    ui::RoutinePanelState routinePanel_;
    std::vector<const content::Lesson*> routineCandidates_;   // offered by the routine builder
    ui::DockLayout layout_;
    std::vector<int> concealed_;   // what the open quiz question asks for (this frame)
    std::map<std::string, glm::vec2> labelAnchors_;  // where each label's anchor was drawn last frame
    std::optional<std::array<content::LayerSettings, content::kLayerCount>> layersBeforeXray_;
    std::optional<lessons::Quiz> quiz_;
    bool presenter_ = false;
    bool blank_ = false;
    int presenterDisplay_ = 0;
};

} // namespace app
