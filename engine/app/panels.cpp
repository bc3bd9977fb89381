#include "app/panels.h"

#include "app/controls.h"
#include "app/graphics_context.h"
#include "app/lesson_session.h"
#include "app/physiology_view.h"
#include "app/routine_session.h"
#include "app/settings_sync.h"
#include "app/world.h"
#include "ui/close_up_caption.h"
#include "ui/labels.h"
#include "ui/presenter.h"
#include "ui/quiz_panel.h"
#include "ui/style.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>

namespace app {

Panels::Panels(World& world, GraphicsContext& graphics, const LessonSession& lessons, const RoutineSession& routines,
               const SettingsSync& settings, PhysiologyView& physiology, ui::OverlayState& overlay)
    : world_(world), graphics_(graphics), lessons_(lessons), routines_(routines), settings_(settings), physiology_(physiology),
      overlay_(overlay), help_(helpEntries())
{
}

void Panels::build(double dtSeconds, glm::vec2 pointerPixels, std::vector<ui::Command>& commands)
{
    if (presenter_) {
        ui::PresenterInput presenter;
        presenter.player = &lessons_.player();
        presenter.sources = &lessons_.library().sources();
        presenter.glossary = &lessons_.library().glossary();
        presenter.sceneTitle = world_.desc.title;
        presenter.blank = blank_;
        presenter.pointer = pointerPixels;
        presenter.pointerVisible = pointerVisible_;
        ui::drawPresenter(presenter, commands);
        if (world_.closeUp.shown()) ui::drawCloseUpCaption(world_.closeUp.box(), world_.closeUp.caption());
        // The key to the state colours, at the caption's text size, above the caption.
        physiology_.setHighContrast(graphics_.highContrast());
        ImGui::PushFont(ui::fonts().presenter);
        physiology_.drawLegend();
        ImGui::PopFont();
        ui::OverlayInput helpInput;
        helpInput.help = &help_;
        ui::drawControlsHelp(helpInput, overlay_);
        return;
    }
    const platform::Window& window = graphics_.window();
    render::Renderer& renderer = graphics_.renderer();
    // An open quiz question hides the names it asks for from every label, tooltip, card and search.
    concealed_ = quiz_ ? quiz_->concealedStructures() : std::vector<int>{};
    ui::OverlayInput input;
    input.concealed = concealed_;
    input.scene = &world_.scene;
    input.help = &help_;
    input.sceneTitle = world_.desc.title;
    input.fontScale = graphics_.fontScale();
    input.fullscreen = window.fullscreen();
    input.highContrast = graphics_.highContrast();
    input.exploreOpen = explore_.open;
    input.lessonsOpen = lessonPanel_.open;
    input.routinesOpen = routinePanel_.open;
    input.physiologyOpen = physiology_.panelOpen();
    input.stretchMapOpen = physiology_.stretchMapOpen();
    input.closeUp = world_.closeUp.enabled();
    for (const platform::DisplayInfo& display : window.displays()) input.displays.push_back(display.name);
    input.presenterDisplay = presenterDisplay_;
    if (const content::Lesson* lesson = lessons_.player().lesson()) input.lessonTitle = lesson->title;
    input.stats.frameMs = dtSeconds * 1000.0;
    input.stats.fps = ImGui::GetIO().Framerate;
    input.stats.renderer = graphics_.gl().renderer;
    input.stats.triangles = renderer.uploadedTriangles();
    overlay_.persistentError = renderer.shaders().lastReloadError();
    ui::drawOverlay(input, overlay_, dtSeconds, commands);
    if (world_.closeUp.shown()) ui::drawCloseUpCaption(world_.closeUp.box(), world_.closeUp.caption());

    layout_ = dockLayout();
    ui::ExplorePanelInput exploreInput;
    exploreInput.scene = &world_.scene;
    exploreInput.names = &world_.structureNames;
    exploreInput.dock = layout_.explore;
    exploreInput.stacked = layout_.stacked;
    exploreInput.concealed = &concealed_;
    ui::drawExplorePanel(exploreInput, explore_, commands);
    drawStructureLabels();

    if (quiz_) ui::drawQuizPanel(*quiz_, layout_.quiz, layout_.stacked, commands);
    physiology_.setHighContrast(graphics_.highContrast());
    physiology_.panelState().dock = layout_.physiology;
    physiology_.stretchMapState().dock = layout_.stretchMap;
    physiology_.draw(commands);

    // The routine panel takes the lesson panel's place while it is open.
    if (routinePanel_.open) {
        drawRoutinePanel(commands);
        return;
    }
    ui::LessonPanelInput lessonInput;
    lessonInput.library = lessons_.loadedLibrary();  // null while the lessons load behind the first frames
    lessonInput.player = &lessons_.player();
    lessonInput.completed = &lessons_.completedSteps();
    lessonInput.dock = layout_.lessons;
    ui::drawLessonPanel(lessonInput, lessonPanel_, commands);
}

void Panels::drawRoutinePanel(std::vector<ui::Command>& commands)
{
    ui::RoutinePanelInput input;
    // The lessons offered change only when lesson files are reloaded; found again each frame
    // they cost a walk over a few dozen lessons.
    routineCandidates_ = lessons::routineCandidates(lessons_.library());
    input.candidates = &routineCandidates_;
    for (const RoutineFileInfo& file : routines_.routineFiles()) input.files.push_back({file.title, file.path.string(), file.shipped});
    input.playing = routines_.playing();
    if (const lessons::RoutinePlan* plan = routines_.player().plan(); plan && input.playing) {
        input.position = routines_.position();
        input.paused = lessons_.player().paused();
        input.routineTitle = plan->routine.title;
        input.routineNote = plan->routine.note;
        if (const content::LessonStep* step = lessons_.player().step()) input.stepText = content::stripMarks(step->text);
    }
    const std::vector<RoutineRecord>& history = settings_.settings().routineHistory;
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char today[16];
    std::strftime(today, sizeof today, "%Y-%m-%d", &local);
    const RoutineHistorySummary summary = summariseHistory(history, today);
    input.sessionsThisWeek = summary.thisWeek;
    input.streakDays = summary.streakDays;
    for (auto record = history.rbegin(); record != history.rend() && input.recent.size() < 3; ++record) {
        char line[320];
        std::snprintf(line, sizeof line, "%s  %s: %d of %d entries, %d min", record->finished.c_str(), record->routine.c_str(),
                      record->entriesDone, record->entries, (record->totalSeconds + 30) / 60);
        input.recent.emplace_back(line);
    }
    input.dock = layout_.lessons;
    ui::drawRoutinePanel(input, routinePanel_, commands);
}

// Where the docked panels go this frame: below the menu bar (one frame high), around the model.
ui::DockLayout Panels::dockLayout() const
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ui::DockRequest request;
    request.workPosition = {viewport->Pos.x, viewport->Pos.y + ImGui::GetFrameHeight()};
    request.workSize = {viewport->Size.x, std::max(viewport->Size.y - ImGui::GetFrameHeight(), 0.0f)};
    request.fontPixels = ImGui::GetFontSize();
    request.titleBarPixels = ImGui::GetFrameHeight();
    request.explore = explore_.open;
    request.exploreFolded = explore_.folded;
    request.lessons = lessonPanel_.open || routinePanel_.open;
    // The physiology panels draw only when a body is simulated.
    request.physiology = physiology_.panelOpen() && world_.scene.body();
    request.stretchMap = physiology_.stretchMapOpen() && world_.scene.body();
    request.quiz = quiz_.has_value();
    return ui::layoutDockedPanels(request);
}

// Names on screen: every hamstring and bone when labels are on, and always the structures a
// lesson step points out. One label per structure name, on the side facing the camera.
void Panels::drawStructureLabels()
{
    const scene::Scene& scene = world_.scene;
    const glm::vec2 size(graphics_.window().drawableSize());
    const glm::mat4 viewProjection = world_.camera.viewProjectionMatrix(size);
    std::map<std::string, std::pair<float, ui::LabelAnchor>> nearest;
    for (std::size_t i = 0; i < scene.structures().size(); ++i) {
        const scene::Structure& structure = scene.structures()[i];
        const bool emphasised = scene.highlighted(int(i));
        const bool labelled = explore_.labels && (structure.name.layer == content::LayerId::Muscle ||
                                                  structure.name.layer == content::LayerId::Bone);
        if (!emphasised && !labelled) continue;
        bool visible = false;
        for (int index : structure.instances) visible = visible || scene.instanceVisible(scene.instances()[std::size_t(index)]);
        if (!visible) continue;
        const glm::vec3 centre = scene.structureBounds(int(i)).center();
        const std::optional<glm::vec2> screen = scene::worldToPixel(viewProjection, centre, size);
        if (!screen || screen->x < 0.0f || screen->x > size.x || screen->y < 0.0f || screen->y > size.y) continue;
        const float distance = glm::length(centre - world_.camera.position());
        const bool concealed = std::find(concealed_.begin(), concealed_.end(), int(i)) != concealed_.end();
        const std::optional<std::string> label = ui::structureLabelText(world_.structureNames[i], emphasised, concealed);
        if (!label) continue;
        const std::string& text = *label;
        auto [found, inserted] = nearest.try_emplace(text, distance, ui::LabelAnchor{text, *screen, emphasised});
        if (!inserted && distance < found->second.first) found->second = {distance, ui::LabelAnchor{text, *screen, emphasised}};
    }
    std::vector<ui::LabelAnchor> anchors;
    std::map<std::string, glm::vec2> drawnAnchors;
    for (auto& [text, entry] : nearest) {
        ui::LabelAnchor anchor = entry.second;
        const auto previous = labelAnchors_.find(text);
        anchor.screen = ui::steadyAnchor(previous != labelAnchors_.end() ? std::optional<glm::vec2>(previous->second) : std::nullopt,
                                         anchor.screen, 1.5f);
        drawnAnchors[text] = anchor.screen;
        anchors.push_back(std::move(anchor));
    }
    labelAnchors_ = std::move(drawnAnchors);
    // Between the docked panels: right of the left column, left of the lessons, above the plots.
    float left = 10.0f, right = size.x - 10.0f, bottom = size.y - 10.0f;
    for (const ui::DockRect* dock : {&layout_.lessons, &layout_.physiology, &layout_.stretchMap}) {
        if (dock->empty()) continue;
        if (dock->position.x > size.x * 0.5f) right = std::min(right, dock->position.x - 10.0f);
        else if (dock->right() < size.x * 0.5f) left = std::max(left, dock->right() + 10.0f);
        else bottom = std::min(bottom, dock->position.y - 10.0f);
    }
    ui::LabelBounds bounds{left, right, ImGui::GetFrameHeight() + 10.0f, bottom};
    if (world_.closeUp.shown()) bounds = ui::fitLabelsBeside(anchors, bounds, world_.closeUp.mainViewRect(), world_.closeUp.box(), 10.0f);
    ui::drawLabels(anchors, bounds.left, bounds.right, bounds.top, bounds.bottom);
}

void Panels::setPresenter(bool enabled)
{
    if (enabled == presenter_) return;
    presenter_ = enabled;
    blank_ = false;
    // Lift the model above the caption that runs along the bottom of the screen.
    world_.camera.setLensShift(enabled ? glm::vec2(0.0f, 0.28f) : glm::vec2(0.0f));
    graphics_.setPresenterFullscreen(enabled, presenterDisplay_);
}

void Panels::setXray(bool enabled)
{
    explore_.xray = enabled;
    scene::Scene& scene = world_.scene;
    if (enabled) {
        if (!layersBeforeXray_) layersBeforeXray_ = scene.layers();
        // Outer to inner: skin almost gone, neighbours faint, hamstrings half, bones and nerve solid.
        const std::pair<content::LayerId, float> xray[] = {{content::LayerId::Skin, 0.06f}, {content::LayerId::Context, 0.18f},
                                                          {content::LayerId::Muscle, 0.45f}, {content::LayerId::Tendon, 0.6f}};
        for (auto [layer, opacity] : xray) {
            content::LayerSettings& settings = scene.layers()[std::size_t(layer)];
            settings.opacity = std::min(settings.opacity, opacity);
        }
    } else if (layersBeforeXray_) {
        scene.layers() = *layersBeforeXray_;
        layersBeforeXray_.reset();
    }
}

void Panels::startQuiz(const lessons::LessonLibrary& lessons)
{
    quiz_.emplace(world_.scene, world_.structureNames, lessons::stretchCandidates(lessons), std::uint32_t(std::time(nullptr)));
    showQuizQuestion();
}

void Panels::stopQuiz()
{
    quiz_.reset();
    world_.scene.setHighlights({});
}

void Panels::answerQuiz(int option)
{
    if (quiz_) quiz_->answer(option);
}

void Panels::nextQuizQuestion()
{
    if (!quiz_) return;
    quiz_->next();
    showQuizQuestion();
}

namespace {

// Of the four views around the body, the one that sees most of a structure, as a pose looking
// at its middle from `distanceM`: rays from the eye through three points along it, counted
// where the structure is the first thing hit. The skin is left out (it covers every muscle,
// and the highlight shows through it); other structures count, so a muscle behind its
// neighbour is asked about from the side that shows it.
scene::CameraPose clearestView(scene::Scene& scene, int structure, const scene::OrbitCamera& camera, float distanceM)
{
    const core::Bounds bounds = scene.structureBounds(structure);
    const auto layersBefore = scene.layers();
    scene.layers()[std::size_t(content::LayerId::Skin)].visible = false;
    scene::CameraPose best;
    float bestScore = -1.0f;
    for (content::ViewPreset preset : {content::ViewPreset::Posterior, content::ViewPreset::Lateral, content::ViewPreset::Anterior,
                                       content::ViewPreset::Medial}) {
        scene::OrbitCamera probe;
        probe.setPresetBase({bounds.center(), 0.0f, 0.0f, distanceM});
        probe.setPreset(preset, false);
        const glm::vec3 eye = probe.position();
        float score = 0.0f;
        for (float along : {-0.25f, 0.0f, 0.25f}) {
            const glm::vec3 target = bounds.center() + glm::vec3(0.0f, along * bounds.size().y, 0.0f);
            const auto hit = scene.pick(core::Ray{eye, glm::normalize(target - eye)});
            if (hit && hit->structure == structure) score += 1.0f;
        }
        // Ties go to the side the camera already looks from, so a view the class knows stays.
        score += 0.1f * std::max(0.0f, glm::dot(glm::normalize(eye - bounds.center()), -camera.forward()));
        if (score > bestScore) {
            bestScore = score;
            best = probe.pose();
        }
    }
    scene.layers() = layersBefore;
    return best;
}

} // namespace

void Panels::showQuizQuestion()
{
    const lessons::QuizQuestion& question = quiz_->question();
    if (question.kind == lessons::QuestionKind::NameStructure && question.structure >= 0) {
        world_.scene.setHighlightedStructure(question.structure);
        world_.scene.setStructureHidden(question.structure, false);
        // Framed from the side that shows it, near enough to find and far enough (four of its
        // radii, half a metre at least) that its surroundings still say where in the body it is.
        const float distanceM = std::max(world_.scene.structureBounds(question.structure).radius() * 4.0f, 0.5f);
        world_.camera.transitionTo(clearestView(world_.scene, question.structure, world_.camera, distanceM));
    } else {
        std::vector<std::string> heads{std::string(anatomy::muscleDef(question.head).name)};
        world_.scene.setHighlights(heads);
        world_.camera.setPreset(content::ViewPreset::Posterior);
    }
}

} // namespace app
