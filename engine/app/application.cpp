#include "app/application.h"

#include "app/controls.h"
#include "app/frame_stats.h"
#include "app/handout.h"
#include "assets/model_import.h"
#include "core/file.h"
#include "core/log.h"
#include "anim/floor_contact.h"
#include "gfx/imgui_renderer.h"
#include "gfx/render_state.h"
#include "ui/labels.h"
#include "ui/presenter.h"
#include "ui/quiz_panel.h"
#include "ui/style.h"

#include <glm/gtc/matrix_transform.hpp>
#include <imgui.h>
#include <imgui_internal.h>  // the overlay's window list, for the automation report
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace app {
namespace {

constexpr float kClickSlopPixels = 4.0f;
constexpr float kBaseFontPixels = 17.0f;
constexpr double kHeadlessFrameSeconds = 1.0 / 60.0;

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

core::Expected<std::unique_ptr<Application>> Application::create(const Options& options)
{
    std::unique_ptr<Application> app(new Application());
    app->options_ = options;
    core::Status status = app->initialise();
    if (!status) return status.error();
    return app;
}

Application::~Application()
{
    overlayCache_.release();
    if (imguiReady_) {
        gfx::shutdownImGuiRenderer();
        window_.shutdownImGuiBackend();
        ImGui::DestroyContext();
    }
}

core::Status Application::initialise()
{
    paths_ = findDataPaths(options_.dataDir);
    help_ = helpEntries();
    if (!options_.inputScript.empty()) {
        auto script = loadInputScript(options_.inputScript);
        if (!script) return script.error();
        script_ = std::move(*script);
    }

    // Scene file and model first: a bad file is reported before any window opens.
    const std::string scenePath =
        options_.scenePath.empty() ? (paths_.scenes() / "default.toml").string() : options_.scenePath;
    auto desc = scene::loadSceneFile(scenePath);
    if (!desc) return desc.error();
    sceneDesc_ = std::move(*desc);
    const std::filesystem::path modelPath =
        options_.modelPath.empty()
            ? paths_.resolveAsset(sceneDesc_.model, std::filesystem::path(scenePath).parent_path())
            : std::filesystem::path(options_.modelPath);
    core::Stopwatch importTime;
    auto model = assets::importModel(modelPath);
    if (!model) return model.error();
    core::logDebug("app", "model import took ", importTime.elapsedMs(), " ms");
    core::Stopwatch sceneTime;
    scene_ = scene::Scene(std::move(*model));
    // The cheaper levels of detail are simplified on another thread while lessons load and
    // the window opens; the model stays where it is for the life of the app.
    detailLevels_ = std::async(std::launch::async, [model = &scene_.model()] { return render::simplifyModel(*model); });
    scene_.layers() = sceneDesc_.layers;
    manualPose_ = anim::placeOnFloor(anatomy::Pose::neutral(), anim::ContactList{{anatomy::Landmark::HeelR, 0.0},
                                                                                 {anatomy::Landmark::HeelL, 0.0}});
    scene_.setPose(manualPose_);
    core::logDebug("app", "scene set-up took ", sceneTime.elapsedMs(), " ms");

    settingsPath_ = settingsPath();
    LoadedSettings loaded = loadSettings(settingsPath_);
    settings_ = std::move(loaded.settings);
    if (loaded.problem) {
        std::string message = "settings could not be read, so the defaults are used: " + loaded.problem->describe();
        if (!loaded.setAside.empty()) message += " (the old file is kept as " + loaded.setAside.string() + ")";
        core::logWarning("app", message);
        ui::notify(overlay_, message, 10.0);
    }
    if (settings_.layersSaved)
        for (std::size_t i = 0; i < scene::kLayerCount; ++i)
            scene_.layers()[i] = {settings_.layerVisible[i], settings_.layerOpacity[i]};
    for (const auto& [id, progress] : settings_.lessons) completedSteps_[id] = progress.completedSteps;

    std::vector<std::string> structures;
    for (const scene::Structure& structure : scene_.structures()) {
        structures.push_back(structure.name.structure);
        structureNames_.push_back(scene::readableName(structure.name));
    }
    core::Stopwatch lessonTime;
    lessons_ = scene::LessonLibrary::load(paths_.scenes() / "lessons", paths_.scenes() / "poses.toml",
                                          paths_.assets() / "sources.toml", structures);
    core::logDebug("app", "lessons took ", lessonTime.elapsedMs(), " ms");

    platform::WindowDesc windowDesc;
    windowDesc.size = options_.size;
    windowDesc.headless = options_.headless;
    windowDesc.fullscreen = options_.fullscreen;
    if (!options_.headless && !options_.sizeGiven && !options_.bench && settings_.window) {
        // Open where the user left the window last time, as desktop applications do.
        const auto [x, y, width, height] = *settings_.window;
        if (width >= 320 && height >= 240) {
            windowDesc.position = glm::ivec2(x, y);
            windowDesc.size = {width, height};
        }
        windowDesc.fullscreen = windowDesc.fullscreen || settings_.fullscreen;
    }
    windowDesc.display = options_.display;
    windowDesc.vsync = options_.vsync && !options_.bench;
    windowDesc.glDebugContext = options_.glDebug;
    auto window = platform::Window::create(windowDesc);
    if (!window) return window.error();
    window_ = std::move(*window);

    auto gl = gfx::loadOpenGL(platform::Window::glProcLoader());
    if (!gl) return gl.error();
    gl_ = *gl;
    if (options_.glDebug && !gfx::enableDebugOutput(true))
        core::logInfo("gfx", "this driver has no debug output (KHR_debug)");
    core::logDebug("gfx", "OpenGL ", gl_.version, " on ", gl_.renderer);

    render::Quality quality = render::Quality::High;
    if (options_.quality == "medium") quality = render::Quality::Medium;
    if (options_.quality == "low") quality = render::Quality::Low;
    autoQuality_ = options_.quality == "auto" && (!options_.headless || options_.bench);
    if (autoQuality_) quality = qualityGovernor_.quality();
    core::Stopwatch graphicsTime;
    if (core::Status created = createGraphics(quality); !created) return created;
    core::logDebug("app", "graphics set-up took ", graphicsTime.elapsedMs(), " ms, ",
                   core::secondsSinceProgramStart() * 1000.0, " ms since start");

    camera_.frame(scene_.visibleBounds(), false);
    if (sceneDesc_.focus || sceneDesc_.distanceM) {
        scene::CameraPose pose = camera_.pose();
        if (sceneDesc_.focus) pose.focus = *sceneDesc_.focus;
        if (sceneDesc_.distanceM) pose.distanceM = *sceneDesc_.distanceM;
        camera_.setPresetBase(pose);
    }
    scene::ViewPreset preset = sceneDesc_.view;
    if (!options_.view.empty()) preset = scene::presetFromName(options_.view).value_or(preset);
    camera_.setPreset(preset, false);

    if (!options_.lesson.empty()) {
        if (!lessons_.find(options_.lesson)) {
            for (const scene::LessonEntry& entry : lessons_.entries())
                if (entry.error && std::filesystem::path(entry.path).stem() == options_.lesson) return *entry.error;
            return core::Error{"", 0, 0, "--lesson", "no lesson named '" + options_.lesson + "' in " +
                                                         (paths_.scenes() / "lessons").string()};
        }
        startLesson(options_.lesson, options_.step > 0 ? options_.step - 1 : -1);
        if (options_.stepTimeS >= 0.0) {
            player_.scrub(options_.stepTimeS);
            // Let the muscles settle at the moment asked for (activation and cramp included).
            for (int i = 0; i < 240; ++i) scene_.stepMuscles(simulationClock_.stepSeconds(), player_.pose(), player_.muscleDrive());
            scene_.updateMuscleMeshes();
        }
        updateLesson();
        camera_.update(60.0f); // the opening view appears at once, without a glide
        // A view given on the command line wins over the step's.
        if (!options_.view.empty()) camera_.setPreset(preset, false);
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // window placement is saved by the app's own settings
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    window_.initImGuiBackend();
    if (!gfx::initImGuiRenderer()) return core::makeError("cannot start the overlay renderer");
    imguiReady_ = true;
    dpiScale_ = std::clamp(window_.displayDpi() / 96.0f, 1.0f, 3.0f) * window_.pixelsPerPoint();
    presenterDisplay_ = options_.display;
    setFontScale(settings_.fontScale);
    if (options_.presenter) setPresenter(true);
    return {};
}

core::Status Application::createGraphics(render::Quality quality)
{
    render::RenderOptions renderOptions;
    renderOptions.maxSamples = gl_.maxSamples;
    renderOptions.quality = quality;
    renderOptions.pipelined = !options_.headless || options_.bench;
    auto renderer = render::Renderer::create(paths_.shaders(), renderOptions);
    if (!renderer) return renderer.error();
    renderer_ = std::move(*renderer);
    if (core::Status uploaded = renderer_->upload(scene_); !uploaded) return uploaded.error();
    // Made once at start-up; a renderer rebuilt after a lost context simplifies as it draws.
    if (detailLevels_.valid()) renderer_->setDetailLevels(detailLevels_.get());
    gpuTimer_ = gfx::GpuTimer();
    gpuTimer_.create();
    renderer_->setPassTiming(options_.bench && std::getenv("HT_BENCH_PASSES") != nullptr);
    return {};
}

core::Status Application::recoverLostContext()
{
    core::logWarning("gfx", "the OpenGL context was lost (GPU reset); rebuilding it");
    const render::Quality quality = renderer_ ? renderer_->quality() : render::Quality::High;
    // GL objects go first, while their names still mean something to the driver.
    if (imguiReady_) gfx::shutdownImGuiRenderer();
    overlayCache_.release();
    renderer_.reset();
    gpuTimer_ = gfx::GpuTimer();
    if (core::Status made = window_.recreateContext(); !made) return made;
    gfx::invalidateRenderState();  // the new context starts from GL's defaults, not our cache
    auto gl = gfx::loadOpenGL(platform::Window::glProcLoader());
    if (!gl) return gl.error();
    gl_ = *gl;
    if (options_.glDebug) gfx::enableDebugOutput(true);
    if (core::Status created = createGraphics(quality); !created) return created;
    if (imguiReady_) {
        if (!gfx::initImGuiRenderer()) return core::makeError("cannot restart the overlay renderer");
        fontRebuildPending_ = true;
    }
    ++contextRecoveries_;
    ui::notify(overlay_, "The graphics driver was reset; the view has been rebuilt");
    return {};
}

void Application::refreshDisplayScale()
{
    if (!imguiReady_) return;
    const float scale = std::clamp(window_.displayDpi() / 96.0f, 1.0f, 3.0f) * window_.pixelsPerPoint();
    if (std::abs(scale - dpiScale_) < 0.01f) return;
    core::logInfo("app", "display scale ", dpiScale_, " -> ", scale, "; text resized to match");
    dpiScale_ = scale;
    setFontScale(fontScale_);
}

void Application::setFontScale(float scale)
{
    fontScale_ = std::clamp(scale, 0.6f, 4.0f);
    const float pixels = std::round(kBaseFontPixels * fontScale_ * dpiScale_);
    ui::loadFonts(pixels, ui::presenterPixelsFor(window_.drawableSize().y));
    ui::applyTheme(pixels / kBaseFontPixels, settings_.highContrast);
    fontRebuildPending_ = true;
}

void Application::computeStretchGrid()
{
    constexpr int kHipSteps = 29, kKneeSteps = 25;
    for (auto& grid : stretchGrid_) grid.assign(std::size_t(kHipSteps * kKneeSteps), 0.0f);
    const anatomy::Pose standing = anatomy::Pose::neutral();
    std::array<double, 4> rest{};
    for (std::size_t h = 0; h < 4; ++h)
        rest[h] = anatomy::muscleKinematics(standing, anatomy::kHamstrings[h], anatomy::Side::Right).lengthM;
    for (int k = 0; k < kKneeSteps; ++k)
        for (int h = 0; h < kHipSteps; ++h) {
            anatomy::Pose pose = standing;
            pose[anatomy::Coordinate::HipFlexionR] = -20.0 + 5.0 * h;
            pose[anatomy::Coordinate::KneeFlexionR] = 5.0 * k;
            const std::size_t cell = std::size_t(k * kHipSteps + h);
            double biarticular = 0.0;
            for (std::size_t m = 0; m < 4; ++m) {
                const double percent =
                    anatomy::muscleKinematics(pose, anatomy::kHamstrings[m], anatomy::Side::Right).lengthM / rest[m] * 100.0;
                stretchGrid_[m][cell] = float(percent);
                if (anatomy::kHamstrings[m] != anatomy::Muscle::BicepsFemorisShort) biarticular += percent / 3.0;
            }
            stretchGrid_[4][cell] = float(biarticular);
        }
}

void Application::recordHistory(double dtS)
{
    const scene::BodySimulation* body = scene_.body();
    if (!body) return;
    historyTimerS_ += dtS;
    if (historyTimerS_ < 1.0 / 30.0) return; // 30 samples a second: 10 s in 300
    historyTimerS_ = 0.0;
    for (std::size_t h = 0; h < 4; ++h) {
        const anatomy::HeadState& head = body->simulation().head(anatomy::kHamstrings[h], anatomy::Side::Right);
        history_[h][0].push(float(head.lengthPercentOfRest));
        history_[h][1].push(float(head.mtu.activation));
        history_[h][2].push(float(head.mtu.tendonForceN));
    }
}

// The chosen colour map, as a 0..1 value per muscle and tendon structure of the hamstrings.
std::vector<render::StructureTint> Application::muscleTints() const
{
    std::vector<render::StructureTint> tints;
    const scene::BodySimulation* body = scene_.body();
    if (!body || colourMap_ == ui::ColourMap::Natural) return tints;
    for (std::size_t i = 0; i < scene_.structures().size(); ++i) {
        const scene::Structure& structure = scene_.structures()[i];
        if (structure.name.layer != scene::LayerId::Muscle) continue;
        const auto muscle = anatomy::muscleFromName(structure.name.structure);
        if (!muscle || std::find(anatomy::kHamstrings.begin(), anatomy::kHamstrings.end(), *muscle) == anatomy::kHamstrings.end())
            continue;
        const anatomy::Side side = structure.name.side == scene::Side::Left ? anatomy::Side::Left : anatomy::Side::Right;
        const anatomy::HeadState& head = body->simulation().head(*muscle, side);
        float value = 0.0f;
        switch (colourMap_) {
        case ui::ColourMap::Activation: value = float(head.mtu.activation); break;
        case ui::ColourMap::Strain: value = float((head.mtu.normFiberLength - 0.8) / 0.6); break;
        case ui::ColourMap::Force:
            value = float(head.mtu.tendonForceN / anatomy::muscleDef(*muscle).parameters.maxIsometricForceN);
            break;
        case ui::ColourMap::Natural: break;
        }
        tints.push_back({int(i), std::clamp(value, 0.0f, 1.0f)});
    }
    return tints;
}

void Application::drawPhysiology(std::vector<ui::Command>& commands)
{
    const scene::BodySimulation* body = scene_.body();
    if (!body) return;
    const anatomy::Musculoskeletal& simulation = body->simulation();
    if (physiologyPanel_.open) {
        ui::PhysiologyInput input;
        input.side = "Right leg";
        input.stretch = std::string(anatomy::stretchIntensityName(simulation.stretchIntensity(anatomy::Side::Right)));
        input.colourMap = colourMap_;
        for (std::size_t h = 0; h < 4; ++h) {
            const anatomy::Muscle muscle = anatomy::kHamstrings[h];
            const anatomy::HeadState& head = simulation.head(muscle, anatomy::Side::Right);
            ui::HeadReadout readout;
            readout.name = std::string(anatomy::muscleDef(muscle).displayName);
            readout.lengthPercentOfRest = head.lengthPercentOfRest;
            readout.fiberOverOptimal = head.mtu.normFiberLength;
            readout.activation = head.mtu.activation;
            readout.forceN = head.mtu.tendonForceN;
            readout.passiveForceN = head.mtu.passiveFiberForceN;
            readout.cramping = head.cramp.phase != anatomy::CrampPhase::None;
            if (readout.cramping) {
                char text[64];
                std::snprintf(text, sizeof text, "cramp, %.0f s left", head.cramp.timeLeftS);
                input.cramp = text;
            }
            input.heads.push_back(readout);
            input.history.push_back({&history_[h][0], &history_[h][1], &history_[h][2]});
        }
        ui::drawPhysiologyPanel(input, physiologyPanel_, commands);
    }
    if (stretchMap_.open) {
        ui::StretchMapInput input;
        input.lengthPercent = stretchGrid_[std::size_t(stretchMapHead_)];
        input.hipSteps = 29;
        input.kneeSteps = 25;
        input.currentHipDeg = float(scene_.pose()[anatomy::Coordinate::HipFlexionR]);
        input.currentKneeDeg = float(scene_.pose()[anatomy::Coordinate::KneeFlexionR]);
        input.head = stretchMapHead_;
        for (anatomy::Muscle muscle : anatomy::kHamstrings) input.headNames.emplace_back(anatomy::muscleDef(muscle).displayName);
        input.headNames.emplace_back("The three that cross the hip (mean)");
        ui::drawStretchMap(input, stretchMap_, commands);
    }
}

void Application::showQuizQuestion()
{
    const scene::QuizQuestion& question = quiz_->question();
    if (question.kind == scene::QuestionKind::NameStructure && question.structure >= 0) {
        scene_.setHighlightedStructure(question.structure);
        scene_.setStructureHidden(question.structure, false);
        const core::Bounds bounds = scene_.structureBounds(question.structure);
        scene::CameraPose target = camera_.targetPose();
        target.focus = bounds.center();
        target.distanceM = std::max(bounds.radius() * 4.0f, 0.5f);
        camera_.transitionTo(target);
    } else {
        std::vector<std::string> heads{std::string(anatomy::muscleDef(question.head).name)};
        scene_.setHighlights(heads);
        camera_.setPreset(scene::ViewPreset::Posterior);
    }
}

void Application::setXray(bool enabled)
{
    explorePanel_.xray = enabled;
    if (enabled) {
        if (!layersBeforeXray_) layersBeforeXray_ = scene_.layers();
        // Outer to inner: skin almost gone, neighbours faint, hamstrings half, bones and nerve solid.
        const std::pair<scene::LayerId, float> xray[] = {{scene::LayerId::Skin, 0.06f}, {scene::LayerId::Context, 0.18f},
                                                          {scene::LayerId::Muscle, 0.45f}, {scene::LayerId::Tendon, 0.6f}};
        for (auto [layer, opacity] : xray) {
            scene::LayerSettings& settings = scene_.layers()[std::size_t(layer)];
            settings.opacity = std::min(settings.opacity, opacity);
        }
    } else if (layersBeforeXray_) {
        scene_.layers() = *layersBeforeXray_;
        layersBeforeXray_.reset();
    }
}

// Names on screen: every hamstring and bone when labels are on, and always the structures a
// lesson step points out. One label per structure name, on the side facing the camera.
void Application::drawStructureLabels()
{
    const glm::ivec2 size = window_.drawableSize();
    const glm::mat4 viewProjection = camera_.projectionMatrix(float(size.x) / float(std::max(size.y, 1))) * camera_.viewMatrix();
    std::map<std::string, std::pair<float, ui::LabelAnchor>> nearest;
    for (std::size_t i = 0; i < scene_.structures().size(); ++i) {
        const scene::Structure& structure = scene_.structures()[i];
        const bool emphasised = scene_.highlighted(int(i));
        const bool labelled = explorePanel_.labels && (structure.name.layer == scene::LayerId::Muscle ||
                                                       structure.name.layer == scene::LayerId::Bone);
        if (!emphasised && !labelled) continue;
        bool visible = false;
        for (int index : structure.instances) visible = visible || scene_.instanceVisible(scene_.instances()[std::size_t(index)]);
        if (!visible) continue;
        const glm::vec3 centre = scene_.structureBounds(int(i)).center();
        glm::vec4 clip = viewProjection * glm::vec4(centre, 1.0f);
        if (clip.w <= 0.0f) continue;
        clip /= clip.w;
        if (std::abs(clip.x) > 1.0f || std::abs(clip.y) > 1.0f) continue;
        const glm::vec2 screen{(clip.x * 0.5f + 0.5f) * float(size.x), (0.5f - clip.y * 0.5f) * float(size.y)};
        const float distance = glm::length(centre - camera_.position());
        std::string text = structureNames_[i];
        if (const auto paren = text.find(" ("); paren != std::string::npos) text.resize(paren);
        auto [found, inserted] = nearest.try_emplace(text, distance, ui::LabelAnchor{text, screen, emphasised});
        if (!inserted && distance < found->second.first) found->second = {distance, ui::LabelAnchor{text, screen, emphasised}};
    }
    std::vector<ui::LabelAnchor> anchors;
    for (auto& [text, entry] : nearest) anchors.push_back(entry.second);
    const float panelWidth = lessonPanel_.open ? std::max(ImGui::GetFontSize() * 22.0f, float(size.x) * 0.28f) : 0.0f;
    ui::drawLabels(anchors, 10.0f, float(size.x) - panelWidth - 10.0f, ImGui::GetFrameHeight() + 10.0f, float(size.y) - 10.0f);
}

void Application::setPresenter(bool enabled)
{
    if (enabled == presenter_) return;
    presenter_ = enabled;
    blank_ = false;
    // Lift the model above the caption that runs along the bottom of the screen.
    camera_.setLensShift(enabled ? glm::vec2(0.0f, 0.28f) : glm::vec2(0.0f));
    if (enabled && !window_.fullscreen()) {
        window_.setFullscreen(true, presenterDisplay_);
        presenterMadeFullscreen_ = window_.fullscreen();
    } else if (!enabled && presenterMadeFullscreen_) {
        window_.setFullscreen(false);
        presenterMadeFullscreen_ = false;
    }
}

void Application::applyAction(int actionValue, std::vector<ui::Command>& commands)
{
    const auto action = Action(actionValue);
    const glm::vec2 viewport = glm::vec2(window_.drawableSize());
    const float stepPixels = viewport.y / 12.0f; // 15 degrees
    switch (action) {
    case Action::ViewAnterior: commands.push_back(ui::SetViewPreset{scene::ViewPreset::Anterior}); break;
    case Action::ViewPosterior: commands.push_back(ui::SetViewPreset{scene::ViewPreset::Posterior}); break;
    case Action::ViewLateral: commands.push_back(ui::SetViewPreset{scene::ViewPreset::Lateral}); break;
    case Action::ViewMedial: commands.push_back(ui::SetViewPreset{scene::ViewPreset::Medial}); break;
    case Action::ViewSuperior: commands.push_back(ui::SetViewPreset{scene::ViewPreset::Superior}); break;
    case Action::FrameAll: commands.push_back(ui::FrameAll{}); break;
    case Action::FocusSelection: commands.push_back(ui::FocusSelection{}); break;
    case Action::OrbitLeft: camera_.orbit({-stepPixels, 0.0f}, viewport); break;
    case Action::OrbitRight: camera_.orbit({stepPixels, 0.0f}, viewport); break;
    case Action::OrbitUp: camera_.orbit({0.0f, stepPixels}, viewport); break;
    case Action::OrbitDown: camera_.orbit({0.0f, -stepPixels}, viewport); break;
    case Action::ZoomIn: camera_.zoom(1.0f); break;
    case Action::ZoomOut: camera_.zoom(-1.0f); break;
    case Action::ToggleHelp: overlay_.showHelp = !overlay_.showHelp; break;
    case Action::ToggleLayers: commands.push_back(ui::ToggleExplorePanel{}); break;
    case Action::ToggleFullscreen: commands.push_back(ui::ToggleFullscreen{}); break;
    case Action::Screenshot: commands.push_back(ui::TakeScreenshot{}); break;
    case Action::LargerText: commands.push_back(ui::SetFontScale{fontScale_ * 1.25f}); break;
    case Action::SmallerText: commands.push_back(ui::SetFontScale{fontScale_ / 1.25f}); break;
    case Action::ClearOrClose:
        if (blank_)
            blank_ = false;
        else if (overlay_.showHelp)
            overlay_.showHelp = false;
        else if (presenter_)
            commands.push_back(ui::TogglePresenter{});
        else
            commands.push_back(ui::SelectStructure{-1});
        break;
    case Action::Quit: commands.push_back(ui::Quit{}); break;
    case Action::NextStep:
        if (player_.active()) commands.push_back(ui::NextStep{});
        break;
    case Action::PreviousStep:
        if (player_.active()) commands.push_back(ui::PreviousStep{});
        break;
    case Action::TogglePause:
        if (player_.active()) commands.push_back(ui::SetPaused{!player_.paused()});
        break;
    case Action::ToggleLessons: commands.push_back(ui::ToggleLessonPanel{}); break;
    case Action::ToggleXray: commands.push_back(ui::SetXray{!explorePanel_.xray}); break;
    case Action::TogglePhysiology: commands.push_back(ui::TogglePhysiologyPanel{}); break;
    case Action::ToggleBones:
    case Action::ToggleMuscles:
    case Action::ToggleTendons:
    case Action::ToggleNeighbours:
    case Action::ToggleNerves:
    case Action::ToggleSkin: {
        const auto layer = scene::LayerId(int(action) - int(Action::ToggleBones));
        commands.push_back(ui::SetLayerVisible{layer, !scene_.layer(layer).visible});
        break;
    }
    case Action::ToggleStretchMap: commands.push_back(ui::ToggleStretchMap{}); break;
    case Action::ToggleLabels: commands.push_back(ui::SetLabels{!explorePanel_.labels}); break;
    case Action::IsolateSelection:
        if (scene_.selectedStructure >= 0) commands.push_back(ui::IsolateStructure{scene_.selectedStructure});
        break;
    case Action::HideSelection:
        if (scene_.selectedStructure >= 0) commands.push_back(ui::HideStructure{scene_.selectedStructure});
        break;
    case Action::ShowAll: commands.push_back(ui::ShowAllStructures{}); break;
    case Action::ToggleQuiz:
        if (quiz_)
            commands.push_back(ui::StopQuiz{});
        else
            commands.push_back(ui::StartQuiz{});
        break;
    case Action::TogglePresenter: commands.push_back(ui::TogglePresenter{}); break;
    case Action::ToggleBlank: commands.push_back(ui::ToggleBlank{}); break;
    case Action::ToggleHighContrast: commands.push_back(ui::SetHighContrast{!settings_.highContrast}); break;
    }
}

void Application::handleMouse(const platform::InputEvent& event)
{
    using Type = platform::InputEvent::Type;
    const glm::vec2 viewport = glm::vec2(window_.drawableSize());
    const bool overlayWantsMouse = imguiReady_ && ImGui::GetIO().WantCaptureMouse;
    switch (event.type) {
    case Type::MouseDown:
        mousePosition_ = event.position;
        if (overlayWantsMouse) return;
        pressPosition_ = event.position;
        dragDistance_ = 0.0f;
        if (event.button == platform::MouseButton::Left && !event.modifiers.shift)
            drag_ = Drag::Orbit;
        else
            drag_ = Drag::Pan;
        window_.setMouseCapture(true);
        if (event.button == platform::MouseButton::Left && event.clicks == 2) {
            // Double-click: glide to the point under the cursor.
            if (auto hit = scene_.pick(camera_.rayThroughPixel(event.position, viewport))) camera_.focusOn(hit->point);
            drag_ = Drag::None;
        }
        break;
    case Type::MouseUp:
        if (drag_ != Drag::None) {
            window_.setMouseCapture(false);
            const bool click = dragDistance_ < kClickSlopPixels && event.button == platform::MouseButton::Left;
            drag_ = Drag::None;
            if (click) {
                auto hit = scene_.pick(camera_.rayThroughPixel(event.position, viewport));
                applyCommand(ui::SelectStructure{hit ? hit->structure : -1});
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
            camera_.orbit(event.delta, viewport);
        else
            camera_.pan(event.delta, viewport);
        break;
    case Type::MouseWheel:
        if (!overlayWantsMouse) camera_.zoom(event.wheel);
        break;
    case Type::Pinch:
        if (!overlayWantsMouse) camera_.zoomByFactor(1.0f + event.pinch * 4.0f);
        break;
    default: break;
    }
}

void Application::handleInput(const std::vector<platform::InputEvent>& events, std::vector<ui::Command>& commands)
{
    using Type = platform::InputEvent::Type;
    for (const platform::InputEvent& event : events) {
        switch (event.type) {
        case Type::Quit: commands.push_back(ui::Quit{}); break;
        case Type::KeyDown: {
            // Text fields in the overlay keep their keys; function keys always reach the app.
            const bool functionKey = event.key >= platform::Key::F1 && event.key <= platform::Key::F12;
            if (imguiReady_ && ImGui::GetIO().WantTextInput && !functionKey) break;
            if (quiz_ && !event.modifiers.ctrl) {
                if (!quiz_->answered() && event.key >= platform::Key::Num1 && event.key <= platform::Key::Num4) {
                    commands.push_back(ui::AnswerQuiz{int(event.key) - int(platform::Key::Num1)});
                    break;
                }
                if (quiz_->answered() && event.key == platform::Key::Enter) {
                    commands.push_back(ui::NextQuizQuestion{});
                    break;
                }
            }
            if (auto action = actionForKey(event.key, event.modifiers)) applyAction(int(*action), commands);
            break;
        }
        case Type::MouseDown:
        case Type::MouseUp:
        case Type::MouseMove:
        case Type::MouseWheel:
        case Type::Pinch: handleMouse(event); break;
        case Type::WindowMinimized:
            // Nobody is watching: stop drawing, and hold a running lesson where it is.
            minimised_ = true;
            if (player_.active() && !player_.paused()) {
                player_.setPaused(true);
                pausedByMinimise_ = true;
            }
            break;
        case Type::WindowRestored:
            minimised_ = false;
            if (pausedByMinimise_ && player_.active()) player_.setPaused(false);
            pausedByMinimise_ = false;
            break;
        case Type::WindowResized:
        case Type::WindowMoved:
        case Type::DisplayChanged: refreshDisplayScale(); break;
        default: break;
        }
    }
}

void Application::applyCommand(const ui::Command& command)
{
    std::visit(Overloaded{
                   [&](const ui::SetViewPreset& c) { camera_.setPreset(c.preset); },
                   [&](const ui::FrameAll&) { camera_.frame(scene_.visibleBounds()); },
                   [&](const ui::FocusSelection&) {
                       if (scene_.selectedStructure < 0) return;
                       const core::Bounds bounds = scene_.structureBounds(scene_.selectedStructure);
                       scene::CameraPose target = camera_.targetPose();
                       target.focus = bounds.center();
                       target.distanceM = std::max(bounds.radius() * 3.2f, 0.15f);
                       camera_.transitionTo(target);
                   },
                   [&](const ui::SetLayerVisible& c) { scene_.layers()[std::size_t(c.layer)].visible = c.visible; },
                   [&](const ui::SetLayerOpacity& c) {
                       scene_.layers()[std::size_t(c.layer)].opacity = std::clamp(c.opacity, 0.0f, 1.0f);
                   },
                   [&](const ui::SelectStructure& c) { scene_.selectedStructure = c.structure; },
                   [&](const ui::TakeScreenshot&) { screenshotRequested_ = true; },
                   [&](const ui::ToggleFullscreen&) { window_.setFullscreen(!window_.fullscreen(), options_.display); },
                   [&](const ui::SetFontScale& c) { setFontScale(c.scale); },
                   [&](const ui::Quit&) { running_ = false; },
                   [&](const ui::StartLesson& c) { startLesson(c.id, c.step); },
                   [&](const ui::StopLesson&) {
                       rememberProgress();
                       player_.stop();
                       scene_.setHighlights({});
                       saveSettingsNow();
                   },
                   [&](const ui::NextStep&) {
                       rememberProgress();
                       player_.next();
                   },
                   [&](const ui::PreviousStep&) { player_.previous(); },
                   [&](const ui::GoToStep& c) { player_.goToStep(c.step); },
                   [&](const ui::RestartStep&) { player_.restartStep(); },
                   [&](const ui::SetPaused& c) { player_.setPaused(c.paused); },
                   [&](const ui::SetPlaybackSpeed& c) { player_.setSpeed(c.speed); },
                   [&](const ui::ScrubStep& c) { player_.scrub(c.timeS); },
                   [&](const ui::SetXray& c) { setXray(c.enabled); },
                   [&](const ui::HideStructure& c) {
                       scene_.setStructureHidden(c.structure, true);
                       if (scene_.selectedStructure == c.structure) scene_.selectedStructure = -1;
                   },
                   [&](const ui::IsolateStructure& c) { scene_.isolateStructure(c.structure); },
                   [&](const ui::ShowAllStructures&) { scene_.showAllStructures(); },
                   [&](const ui::SetLabels& c) { explorePanel_.labels = c.enabled; },
                   [&](const ui::ToggleExplorePanel&) { explorePanel_.open = !explorePanel_.open; },
                   [&](const ui::ToggleLessonPanel&) { lessonPanel_.open = !lessonPanel_.open; },
                   [&](const ui::StartQuiz&) {
                       if (player_.active()) applyCommand(ui::StopLesson{});
                       quiz_.emplace(scene_, structureNames_, scene::stretchCandidates(lessons_),
                                     std::uint32_t(std::time(nullptr)));
                       showQuizQuestion();
                   },
                   [&](const ui::StopQuiz&) {
                       quiz_.reset();
                       scene_.setHighlights({});
                   },
                   [&](const ui::AnswerQuiz& c) {
                       if (quiz_) quiz_->answer(c.option);
                   },
                   [&](const ui::NextQuizQuestion&) {
                       if (!quiz_) return;
                       quiz_->next();
                       showQuizQuestion();
                   },
                   [&](const ui::SetColourMap& c) { colourMap_ = ui::ColourMap(std::clamp(c.map, 0, ui::kColourMapCount - 1)); },
                   [&](const ui::SetLegPose& c) {
                       if (player_.active()) applyCommand(ui::StopLesson{});
                       manualPose_[anatomy::Coordinate::HipFlexionR] = c.hipFlexionDeg;
                       manualPose_[anatomy::Coordinate::KneeFlexionR] = c.kneeFlexionDeg;
                   },
                   [&](const ui::SetStretchMapHead& c) { stretchMapHead_ = std::clamp(c.head, 0, 4); },
                   [&](const ui::TogglePhysiologyPanel&) { physiologyPanel_.open = !physiologyPanel_.open; },
                   [&](const ui::ToggleStretchMap&) {
                       stretchMap_.open = !stretchMap_.open;
                       if (stretchMap_.open && stretchGrid_[0].empty()) computeStretchGrid();
                   },
                   [&](const ui::TogglePresenter&) { setPresenter(!presenter_); },
                   [&](const ui::ToggleBlank&) { blank_ = !blank_; },
                   [&](const ui::SetHighContrast& c) {
                       settings_.highContrast = c.enabled;
                       setFontScale(fontScale_);
                   },
                   [&](const ui::SetPresenterDisplay& c) { presenterDisplay_ = c.display; },
               },
               command);
}

void Application::updateHover()
{
    if (!hoverDirty_ || drag_ != Drag::None) return;
    hoverDirty_ = false;
    if (imguiReady_ && ImGui::GetIO().WantCaptureMouse) {
        scene_.hoveredStructure = -1;
        return;
    }
    auto hit = scene_.pick(camera_.rayThroughPixel(mousePosition_, glm::vec2(window_.drawableSize())));
    scene_.hoveredStructure = hit ? hit->structure : -1;
}

void Application::buildOverlay(double dtSeconds, std::vector<ui::Command>& commands)
{
    if (presenter_) {
        ui::PresenterInput presenter;
        presenter.player = &player_;
        presenter.sources = &lessons_.sources();
        presenter.sceneTitle = sceneDesc_.title;
        presenter.blank = blank_;
        presenter.pointer = mousePosition_;
        presenter.pointerVisible = !options_.headless || !script_.empty();
        ui::drawPresenter(presenter, commands);
        ui::OverlayInput helpInput;
        helpInput.help = &help_;
        ui::drawControlsHelp(helpInput, overlay_);
        return;
    }
    ui::OverlayInput input;
    input.scene = &scene_;
    input.help = &help_;
    input.sceneTitle = sceneDesc_.title;
    input.fontScale = fontScale_;
    input.fullscreen = window_.fullscreen();
    input.highContrast = settings_.highContrast;
    input.exploreOpen = explorePanel_.open;
    input.lessonsOpen = lessonPanel_.open;
    input.physiologyOpen = physiologyPanel_.open;
    input.stretchMapOpen = stretchMap_.open;
    for (const platform::DisplayInfo& display : window_.displays()) input.displays.push_back(display.name);
    input.presenterDisplay = presenterDisplay_;
    input.stats.frameMs = dtSeconds * 1000.0;
    input.stats.fps = ImGui::GetIO().Framerate;
    input.stats.renderer = gl_.renderer;
    input.stats.triangles = renderer_->uploadedTriangles();
    overlay_.persistentError = renderer_->shaders().lastReloadError();
    ui::drawOverlay(input, overlay_, dtSeconds, commands);

    ui::ExplorePanelInput exploreInput;
    exploreInput.scene = &scene_;
    exploreInput.names = &structureNames_;
    ui::drawExplorePanel(exploreInput, explorePanel_, commands);
    drawStructureLabels();

    if (quiz_) ui::drawQuizPanel(*quiz_, commands);
    drawPhysiology(commands);

    ui::LessonPanelInput lessonInput;
    lessonInput.library = &lessons_;
    lessonInput.player = &player_;
    lessonInput.completed = &completedSteps_;
    ui::drawLessonPanel(lessonInput, lessonPanel_, commands);
}

void Application::startLesson(const std::string& id, int step)
{
    const scene::Lesson* lesson = lessons_.find(id);
    if (!lesson) {
        ui::notify(overlay_, "No lesson named '" + id + "'");
        return;
    }
    rememberProgress();
    if (step < 0) {
        auto found = settings_.lessons.find(id);
        step = found != settings_.lessons.end() ? found->second.lastStep : 0;
    }
    step = std::clamp(step, 0, int(lesson->steps.size()) - 1);
    player_.start(*lesson, scene_.pose(), step);
    settings_.lastLesson = id;
    appliedStepSerial_ = -1;
}

// A step sets the camera view, layers and highlights once, when it begins; the user can
// still change them while it plays.
void Application::applyStepSettings()
{
    const scene::LessonStep* step = player_.step();
    if (!step || appliedStepSerial_ == player_.stepSerial()) return;
    appliedStepSerial_ = player_.stepSerial();
    if (!step->keys.empty()) {
        // Frame the named part of the body over every key pose of the step, so a body that
        // sits down or stands up within it stays in view all the way.
        std::vector<anatomy::Pose> poses;
        for (const auto& key : step->keys) poses.push_back(key.pose);
        core::Bounds bounds;
        for (const anatomy::Pose& pose : poses) {
            const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(pose);
            for (const anatomy::LandmarkInfo& info : anatomy::landmarkInfos()) {
                const bool leg = info.segment != anatomy::Segment::Pelvis && info.segment != anatomy::Segment::Abdomen &&
                                 info.segment != anatomy::Segment::Thorax && info.segment != anatomy::Segment::Neck &&
                                 info.segment != anatomy::Segment::Head && info.segment != anatomy::Segment::HumerusR &&
                                 info.segment != anatomy::Segment::HumerusL && info.segment != anatomy::Segment::ForearmR &&
                                 info.segment != anatomy::Segment::ForearmL && info.segment != anatomy::Segment::HandR &&
                                 info.segment != anatomy::Segment::HandL;
                const bool thigh = info.landmark == anatomy::Landmark::KneeR || info.landmark == anatomy::Landmark::KneeL ||
                                   info.landmark == anatomy::Landmark::SeatR || info.landmark == anatomy::Landmark::SeatL ||
                                   info.landmark == anatomy::Landmark::ThighR || info.landmark == anatomy::Landmark::ThighL;
                const bool wanted = step->frame == scene::LessonStep::Framing::Body ||
                                    (step->frame == scene::LessonStep::Framing::Legs && (leg || thigh)) ||
                                    (step->frame == scene::LessonStep::Framing::Thighs && thigh);
                if (wanted) bounds.add(glm::vec3(anatomy::landmarkPosition(skeleton, info.landmark)));
            }
            if (step->frame != scene::LessonStep::Framing::Thighs) bounds.add(glm::vec3(skeleton.origin(anatomy::Segment::Pelvis)));
        }
        scene::CameraPose base = camera_.targetPose();
        base.focus = bounds.center();
        base.distanceM = std::max(bounds.radius(), 0.15f) / std::sin(core::degToRadF(camera_.fieldOfViewDeg()) * 0.5f) * 1.1f;
        camera_.setPresetFraming(base);
        if (!step->view) camera_.transitionTo(base);
    }
    if (step->view) camera_.setPreset(*step->view);
    for (std::size_t i = 0; i < scene::kLayerCount; ++i) {
        const std::optional<scene::LayerSettings>& layer = step->layers[i];
        scene_.layers()[i] = layer ? *layer : sceneDesc_.layers[i];
    }
    scene_.setHighlights(step->highlight);
    settings_.lessons[player_.lesson()->id].lastStep = player_.stepIndex();
}

void Application::updateLesson()
{
    if (!player_.active()) {
        scene_.props.clear();
        return;
    }
    applyStepSettings();
    placeProps();
    if (player_.stepFinished()) {
        auto& done = completedSteps_[player_.lesson()->id];
        if (done.insert(player_.stepIndex()).second) {
            rememberProgress();
            if (!options_.headless) saveSettingsNow();
        }
    }
}

// Props under a body point stand where the step's final key puts that point (the curb stays
// put while the heel comes down onto it); props at a body point move with it, turned with
// its segment, and cylinders there run along the segment.
void Application::placeProps()
{
    scene_.props.clear();
    const scene::LessonStep* step = player_.step();
    if (!step || step->keys.empty()) return;
    const anatomy::SkeletonPose finalSkeleton = anatomy::computeSkeleton(step->keys.back().pose);
    for (const scene::Prop& prop : step->props) {
        scene::PropInstance instance;
        instance.cylinder = prop.shape == scene::Prop::Shape::Cylinder;
        instance.colour = prop.colour;
        const anatomy::LandmarkInfo& landmark = anatomy::landmarkInfo(prop.landmark);
        if (prop.follows) {
            const glm::mat4 segment(scene_.skeleton()[landmark.segment]);
            const glm::vec3 at(anatomy::landmarkPosition(scene_.skeleton(), prop.landmark));
            glm::mat4 orient = segment;
            orient[3] = glm::vec4(at, 1.0f);
            if (instance.cylinder) orient = orient * glm::rotate(glm::mat4(1.0f), glm::half_pi<float>(), glm::vec3(1, 0, 0));
            instance.transform = orient * glm::scale(glm::mat4(1.0f), prop.sizeM);
        } else {
            const glm::vec3 at(anatomy::landmarkPosition(finalSkeleton, prop.landmark));
            const glm::vec3 centre(at.x, prop.sizeM.y * 0.5f, at.z);
            instance.transform = glm::translate(glm::mat4(1.0f), centre) * glm::scale(glm::mat4(1.0f), prop.sizeM);
        }
        scene_.props.push_back(instance);
    }
}

void Application::rememberProgress()
{
    if (!player_.active()) return;
    LessonProgress& progress = settings_.lessons[player_.lesson()->id];
    progress.lastStep = player_.stepIndex();
    progress.completedSteps = completedSteps_[player_.lesson()->id];
}

void Application::saveSettingsNow()
{
    for (std::size_t i = 0; i < scene::kLayerCount; ++i) {
        settings_.layerVisible[i] = scene_.layers()[i].visible;
        settings_.layerOpacity[i] = scene_.layers()[i].opacity;
    }
    settings_.layersSaved = true;
    settings_.fontScale = fontScale_;
    settings_.fullscreen = window_.fullscreen() && !presenterMadeFullscreen_;  // presenter mode is not a preference
    if (!window_.headless() && !window_.fullscreen()) {
        const glm::ivec2 position = window_.windowPosition();
        const glm::ivec2 size = window_.windowSize();
        settings_.window = std::array<int, 4>{position.x, position.y, size.x, size.y};
    }
    core::Status saved = saveSettings(settings_, settingsPath_);
    if (!saved && !settingsUnsaved_) {
        // Said once: the app carries on with the settings in memory until it quits.
        settingsUnsaved_ = true;
        core::logWarning("app", "settings not saved: ", saved.error().describe());
        ui::notify(overlay_, "Settings cannot be saved (" + saved.error().describe() + "); changes last until you quit", 10.0);
    } else if (saved) {
        settingsUnsaved_ = false;
    }
}

void Application::writeReport() const
{
    nlohmann::json report;
    report["frames"] = frameIndex_;
    auto structureName = [&](int index) -> nlohmann::json {
        if (index < 0) return nullptr;
        return scene_.structures()[std::size_t(index)].nodeName;
    };
    report["selected"] = structureName(scene_.selectedStructure);
    report["hovered"] = structureName(scene_.hoveredStructure);
    for (const scene::LayerInfo& info : scene::layerInfos()) {
        const scene::LayerSettings& layer = scene_.layer(info.id);
        report["layers"][std::string(info.key)] = {{"visible", layer.visible}, {"opacity", layer.opacity}};
    }
    if (player_.active()) {
        report["lesson"] = {{"id", player_.lesson()->id},
                            {"step", player_.stepIndex()},
                            {"steps", player_.stepCount()},
                            {"paused", player_.paused()},
                            {"phase", std::string(scene::phaseName(player_.clock().phase))},
                            {"time_s", player_.stepTimeS()}};
    } else {
        report["lesson"] = nullptr;
    }
    const scene::CameraPose& pose = camera_.pose();
    report["camera"] = {{"yaw_deg", pose.yawDeg}, {"pitch_deg", pose.pitchDeg}, {"distance_m", pose.distanceM}};
    report["font_pixels"] = imguiReady_ ? ImGui::GetFontSize() : 0.0f;
    report["presenter"] = presenter_;
    report["presenter_heading_pixels"] = ui::fonts().presenterHeading ? ui::fonts().presenterHeading->FontSize : 0.0f;
    report["presenter_text_pixels"] = ui::fonts().presenterPixels;
    report["font_scale"] = fontScale_;
    report["fullscreen"] = window_.fullscreen();
    report["minimised"] = minimised_;
    report["frames"] = frameIndex_;
    report["frames_drawn"] = framesDrawn_;
    report["context_recoveries"] = contextRecoveries_;
    // The overlay's windows as last drawn (window points), for tests of layout.
    report["panels"] = nlohmann::json::object();
    if (imguiReady_)
        for (const ImGuiWindow* panel : ImGui::GetCurrentContext()->Windows)
            if (panel->WasActive && !panel->Hidden && !(panel->Flags & ImGuiWindowFlags_ChildWindow))
                report["panels"][panel->Name] = {panel->Pos.x, panel->Pos.y, panel->Size.x, panel->Size.y};
    report["reset_notification"] = gl_.resetNotification;
    report["dpi_scale"] = dpiScale_;
    {
        const glm::ivec2 position = window_.windowPosition(), size = window_.windowSize(), drawable = window_.drawableSize();
        report["window"] = {{"x", position.x}, {"y", position.y}, {"width", size.x}, {"height", size.y},
                            {"drawable_width", drawable.x}, {"drawable_height", drawable.y}};
    }
    report["gl_problems"] = gfx::debugProblemCount();
    // Where each visible muscle, tendon and bone can be clicked now: the first of a few points
    // around its projected centre where picking finds it (window points, origin top left).
    const glm::ivec2 size = window_.drawableSize();
    const float scale = window_.pixelsPerPoint();
    const glm::mat4 viewProjection = camera_.projectionMatrix(float(size.x) / float(std::max(size.y, 1))) * camera_.viewMatrix();
    for (std::size_t i = 0; i < scene_.structures().size(); ++i) {
        const scene::Structure& structure = scene_.structures()[i];
        if (structure.name.layer != scene::LayerId::Muscle && structure.name.layer != scene::LayerId::Bone) continue;
        const core::Bounds bounds = scene_.structureBounds(int(i));
        const glm::vec3 centre = bounds.center();
        const glm::vec3 offsets[] = {{0, 0, 0}, {0, 0.25f, 0}, {0, -0.25f, 0}, {0, 0.4f, 0}, {0, -0.4f, 0}};
        for (const glm::vec3& offset : offsets) {
            glm::vec4 clip = viewProjection * glm::vec4(centre + offset * bounds.size(), 1.0f);
            if (clip.w <= 0.0f) continue;
            clip /= clip.w;
            const glm::vec2 pixel{(clip.x * 0.5f + 0.5f) * float(size.x), (0.5f - clip.y * 0.5f) * float(size.y)};
            if (pixel.x < 0 || pixel.y < 0 || pixel.x >= float(size.x) || pixel.y >= float(size.y)) continue;
            const auto hit = scene_.pick(camera_.rayThroughPixel(pixel, glm::vec2(size)));
            if (hit && hit->structure == int(i)) {
                report["click_points"][structure.nodeName] = {pixel.x / scale, pixel.y / scale};
                break;
            }
        }
    }
    const std::string text = report.dump(2) + "\n";
    if (core::Status written = core::writeFileAtomic(options_.reportPath, text); !written)
        core::logError("app", written.error().describe());
}

// Eight seconds relaxed, eight of a cramp in the right biceps femoris long head, eight of a
// straight-leg raise that stretches it away, over and over: every path through the muscle
// model and the meshes, for as long as the soak runs.
void Application::soakDrive(double elapsedS, anatomy::Pose& pose, scene::MuscleDrive& drive) const
{
    // Three phases of kSoakCycleS / 3: relaxed, cramping, cramping while the hip flexes.
    const int phase = int(elapsedS / (kSoakCycleS / 3.0)) % 3;
    if (phase >= 1) {
        drive.mode = scene::MuscleMode::Cramp;
        drive.cramp = scene::CrampSpec{anatomy::Muscle::BicepsFemorisLong, anatomy::Side::Right, 0.0, 20.0};
        drive.crampElapsedS = std::fmod(elapsedS, 24.0) - 8.0;
    }
    if (phase == 2) {
        const double t = std::clamp((std::fmod(elapsedS, 8.0)) / 3.0, 0.0, 1.0);
        pose[anatomy::Coordinate::HipFlexionR] = 70.0 * t;
    }
}

// Memory may settle for the first tenth of the run (at least 30 s). After that, early and late
// windows of whole cycles (about a third of the rest each, so both see every phase alike) are
// compared: the median resident size must grow by less than 1 MB, and frame time, each part of
// the cycle against the same part, by less than a fifth.
int Application::soakVerdict()
{
    const double warmUpS = std::max(30.0, options_.soakSeconds * 0.1);
    std::vector<SoakSample> settled;
    for (const SoakSample& sample : soakSamples_)
        if (sample.seconds >= warmUpS) settled.push_back(sample);
    if (settled.size() < 4) {
        std::printf("soak: too short to judge (%zu samples after a %.0f s warm-up)\n", settled.size(), warmUpS);
        return 1;
    }
    long lowest = settled.front().residentKb, highest = lowest;
    for (const SoakSample& sample : settled) {
        lowest = std::min(lowest, sample.residentKb);
        highest = std::max(highest, sample.residentKb);
    }
    // Windows on the simulation's clock, which the cycle runs on, so each holds whole cycles.
    const double settledS = settled.back().sceneSeconds - settled.front().sceneSeconds;
    const double windowS = kSoakCycleS * std::max(1.0, std::floor(settledS / 3.0 / kSoakCycleS));
    std::vector<double> early, late, earlyKb, lateKb;
    std::vector<TimedSample> earlyTimed, lateTimed;
    for (const SoakSample& sample : settled) {
        if (sample.sceneSeconds < settled.front().sceneSeconds + windowS) {
            early.push_back(sample.frameMs);
            earlyKb.push_back(double(sample.residentKb));
            earlyTimed.push_back({sample.sceneSeconds, sample.frameMs});
        }
        if (sample.sceneSeconds > settled.back().sceneSeconds - windowS) {
            late.push_back(sample.frameMs);
            lateKb.push_back(double(sample.residentKb));
            lateTimed.push_back({sample.sceneSeconds, sample.frameMs});
        }
    }
    const long growthKb = long(percentiles(lateKb).median - percentiles(earlyKb).median);
    const double earlyMs = percentiles(early).median, lateMs = percentiles(late).median;
    // Each part of the cycle against the same part (see phaseMatchedDrift).
    const double drift = phaseMatchedDrift(earlyTimed, lateTimed, kSoakCycleS, int(kSoakCycleS / kSoakSampleS));
    std::printf("soak_result: resident growth %ld kB after warm-up (range %ld kB), frame median %.2f -> %.2f ms, phase for phase %+.0f%%\n",
                growthKb, highest - lowest, earlyMs, lateMs, drift * 100.0);
    const bool memoryOk = growthKb < 1024;
    const bool timeOk = drift < 0.2;
    if (!memoryOk) std::printf("soak: FAILED, resident memory grew by %ld kB (limit 1024 kB)\n", growthKb);
    if (!timeOk) std::printf("soak: FAILED, frames slowed by %.0f%% (limit 20%%)\n", drift * 100.0);
    return memoryOk && timeOk ? 0 : 1;
}

int Application::checkLessons(const Options& options)
{
    const DataPaths paths = findDataPaths(options.dataDir);
    const std::string scenePath =
        options.scenePath.empty() ? (paths.scenes() / "default.toml").string() : options.scenePath;
    std::vector<std::string> structures;
    auto desc = scene::loadSceneFile(scenePath);
    if (!desc) {
        std::fprintf(stderr, "%s\n", desc.error().describe().c_str());
        return 1;
    }
    auto model = assets::importModel(options.modelPath.empty()
                                         ? paths.resolveAsset(desc->model, std::filesystem::path(scenePath).parent_path())
                                         : std::filesystem::path(options.modelPath));
    if (!model) {
        std::fprintf(stderr, "%s\n", model.error().describe().c_str());
        return 1;
    }
    const scene::Scene scene(std::move(*model));
    for (const scene::Structure& structure : scene.structures()) structures.push_back(structure.name.structure);
    const auto lessons = scene::LessonLibrary::load(paths.scenes() / "lessons", paths.scenes() / "poses.toml",
                                                    paths.assets() / "sources.toml", structures);
    int good = 0;
    if (lessons.setupError()) std::fprintf(stderr, "%s\n", lessons.setupError()->describe().c_str());
    for (const scene::LessonEntry& entry : lessons.entries()) {
        if (entry.error)
            std::fprintf(stderr, "%s\n", entry.error->describe().c_str());
        else
            ++good;
    }
    std::printf("%d lesson(s) loaded, %d with problems\n", good, lessons.errorCount());
    return lessons.errorCount() == 0 && good > 0 ? 0 : 1;
}

core::Status Application::renderFrame(double dtSeconds, std::vector<ui::Command>& commands)
{
    const glm::ivec2 drawable = window_.drawableSize();
    if (drawable.x <= 0 || drawable.y <= 0) return {}; // minimised: nothing to draw

    const render::FrameView view = render::frameViewFrom(camera_, drawable);
    renderer_->updateDeformedMeshes(scene_);
    if (core::Status rendered = renderer_->render(scene_, view, muscleTints()); !rendered) return rendered;
    renderer_->present(drawable);

    if (!options_.noOverlay) {
        if (imguiReady_ && ui::presenterPixelsFor(drawable.y) != ui::fonts().presenterPixels) setFontScale(fontScale_);
        if (fontRebuildPending_) {
            gfx::rebuildImGuiFonts();
            overlayCache_.invalidate();
            fontRebuildPending_ = false;
        }
        gfx::newImGuiRendererFrame();
        window_.newImGuiFrame();
        ImGui::NewFrame();
        buildOverlay(dtSeconds, commands);
        ImGui::Render();
        if (options_.bench && std::getenv("HT_BENCH_PASSES")) gfx::finish();
        core::Stopwatch overlayClock;
        const gfx::CachedOverlay::Path path =
            overlayCache_.draw(*ImGui::GetDrawData(), drawable, [&](const gfx::Texture2D& picture, std::span<const glm::ivec4> boxes) {
                renderer_->compositeOverlay(picture, boxes);
            });
        ++overlayPaths_[std::size_t(path)];
        if (options_.bench && std::getenv("HT_BENCH_PASSES")) {
            gfx::finish();
            overlayMs_.push_back(overlayClock.elapsedMs());
        }
    }
    return {};
}

void Application::saveScreenshot(const std::filesystem::path& path)
{
    core::Image image = gfx::readPixels(nullptr, window_.drawableSize());
    core::Status written = core::writePng(path, image);
    if (!written) {
        core::logError("app", written.error().describe());
        ui::notify(overlay_, "Screenshot failed: " + written.error().describe());
        return;
    }
    core::logInfo("app", "screenshot saved to ", path.string());
    ui::notify(overlay_, "Screenshot saved to " + path.string());
}

int Application::exportLesson()
{
    namespace fs = std::filesystem;
    const scene::Lesson* lesson = lessons_.find(options_.exportLesson);
    if (!lesson) {
        for (const scene::LessonEntry& entry : lessons_.entries())
            if (entry.error && fs::path(entry.path).stem() == options_.exportLesson) {
                std::fprintf(stderr, "hamstring-trainer: error: %s\n", entry.error->describe().c_str());
                return 1;
            }
        std::fprintf(stderr, "hamstring-trainer: error: --export-lesson: no lesson named '%s' in %s\n",
                     options_.exportLesson.c_str(), (paths_.scenes() / "lessons").string().c_str());
        return 1;
    }
    const fs::path folder = options_.exportDir;
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) {
        std::fprintf(stderr, "hamstring-trainer: error: %s: cannot create folder: %s\n", folder.string().c_str(),
                     ec.message().c_str());
        return 1;
    }
    const scene::Lesson copy = *lesson;
    startLesson(copy.id, 0);
    std::vector<std::string> images;
    const glm::ivec2 size = window_.drawableSize();
    for (std::size_t i = 0; i < copy.steps.size(); ++i) {
        player_.goToStep(int(i));
        // Each picture shows the step at the end of its move: the position to hold.
        player_.scrub(copy.steps[i].motionS());
        for (int s = 0; s < 240; ++s) scene_.stepMuscles(simulationClock_.stepSeconds(), player_.pose(), player_.muscleDrive());
        scene_.updateMuscleMeshes();
        updateLesson();
        camera_.update(60.0f);
        const render::FrameView view = render::frameViewFrom(camera_, size);
        renderer_->updateDeformedMeshes(scene_);
        if (core::Status rendered = renderer_->render(scene_, view, muscleTints()); !rendered) {
            std::fprintf(stderr, "hamstring-trainer: error: %s\n", rendered.error().describe().c_str());
            return 1;
        }
        char name[32];
        std::snprintf(name, sizeof name, "step-%02zu.png", i + 1);
        renderer_->present(size);
        if (core::Status written = core::writePng(folder / name, gfx::readPixels(nullptr, size)); !written) {
            std::fprintf(stderr, "hamstring-trainer: error: %s\n", written.error().describe().c_str());
            return 1;
        }
        images.emplace_back(name);
    }
    const fs::path handout = folder / "handout.html";
    if (core::Status written = core::writeFileAtomic(handout, renderHandoutHtml(copy, images, lessons_.sources())); !written) {
        std::fprintf(stderr, "hamstring-trainer: error: %s\n", written.error().describe().c_str());
        return 1;
    }
    std::printf("exported %zu steps of '%s' to %s\n", images.size(), copy.title.c_str(), handout.string().c_str());
    return 0;
}

void Application::planTour()
{
    tour_.clear();
    for (const scene::LessonEntry& entry : lessons_.entries()) {
        if (!entry.lesson) continue;
        for (std::size_t step = 0; step < entry.lesson->steps.size(); ++step) {
            const double duration = entry.lesson->steps[step].durationS();
            for (double fraction : {0.0, 0.5, 1.0})
                tour_.push_back({entry.lesson->id, int(step), duration * fraction});
        }
    }
}

void Application::applyTourStop(std::size_t frame)
{
    const TourStop& stop = tour_[std::min(frame, tour_.size() - 1)];
    const scene::Lesson* playing = player_.lesson();
    if (!playing || playing->id != stop.lessonId) {
        // Lessons take the quality levels in turn, so every level's passes meet every kind of step.
        static constexpr render::Quality kLevels[] = {render::Quality::Low, render::Quality::Medium, render::Quality::High};
        renderer_->setQuality(kLevels[tourLessons_ % 3]);
        startLesson(stop.lessonId, stop.step);
        // And a structure selected in each, a different one each time, for the outline pass.
        if (!scene_.structures().empty())
            scene_.selectedStructure = int((std::size_t(tourLessons_) * 7) % scene_.structures().size());
        ++tourLessons_;
        core::logDebug("tour", "lesson ", stop.lessonId);
    } else if (player_.stepIndex() != stop.step) {
        player_.goToStep(stop.step);
    }
    player_.scrub(stop.timeS);
}

int Application::tourVerdict() const
{
    std::size_t lessons = 0, steps = 0;
    for (const scene::LessonEntry& entry : lessons_.entries())
        if (entry.lesson) {
            ++lessons;
            steps += entry.lesson->steps.size();
        }
    // A broken lesson file was logged as it loaded; a missing pose library or source list was not.
    if (lessons_.setupError()) std::fprintf(stderr, "%s\n", lessons_.setupError()->describe().c_str());
    const int broken = lessons_.errorCount() + (lessons_.setupError() ? 1 : 0);
    const int glProblems = gfx::debugProblemCount();
    const int logged = core::loggedProblemCount();
    std::printf("tour: %zu lessons, %zu steps, %d frames drawn; %d broken lesson files, %d OpenGL errors or warnings, "
                "%d warnings or errors logged; OpenGL debug output %s\n",
                lessons, steps, framesDrawn_, broken, glProblems, logged, gl_.khrDebug ? "on" : "not offered by the driver");
    std::fflush(stdout);
    const bool ok = broken == 0 && glProblems == 0 && logged == 0 && lessons > 0 &&
                    framesDrawn_ == int(tour_.size());
    if (!ok) std::printf("tour: FAILED\n");
    return ok ? 0 : 1;
}

int Application::run()
{
    if (!options_.exportLesson.empty()) return exportLesson();
    const bool headless = options_.headless;
    if (options_.tour) planTour();
    const int frameLimit = options_.tour       ? int(tour_.size())
                           : options_.frames > 0 ? options_.frames
                                                 : (headless && options_.soakSeconds <= 0.0 ? 1 : 0);
    std::vector<platform::InputEvent> events;
    std::vector<ui::Command> commands;
    core::Stopwatch frameClock;
    int exitCode = 0;

    while (running_) {
        core::Stopwatch cpuTime;
        const double realDt = frameClock.elapsedSeconds();
        frameClock.restart();
        // Headless runs advance time by a fixed frame so their images are reproducible.
        const double dt = headless ? kHeadlessFrameSeconds : std::min(realDt, 0.25);

        events.clear();
        commands.clear();
        if (options_.tour) {
            if (tour_.empty()) break;
            applyTourStop(std::size_t(frameIndex_));
        }
        bool contextLost = gl_.resetNotification && gfx::contextLost();
        while (nextScripted_ < script_.size() && script_[nextScripted_].frame <= frameIndex_) {
            const ScriptedInput& scripted = script_[nextScripted_++];
            if (scripted.contextLost)
                contextLost = true;
            else
                window_.injectInput(scripted.input);
        }
        if (contextLost) {
            if (core::Status recovered = recoverLostContext(); !recovered) {
                core::logError("gfx", recovered.error().describe());
                exitCode = 1;
                break;
            }
        }
        window_.pollEvents(events);
        handleInput(events, commands);
        for (const ui::Command& command : commands) applyCommand(command);
        commands.clear();

        if (renderer_->shaders().reloadChanged() > 0) ui::notify(overlay_, "Shaders reloaded");

        lessonReloadTimerS_ += dt;
        if (lessonReloadTimerS_ > 0.5) {
            lessonReloadTimerS_ = 0.0;
            if (lessons_.reloadChanged() > 0) {
                ui::notify(overlay_, "Lessons reloaded");
                if (player_.active()) {
                    if (const scene::Lesson* fresh = lessons_.find(player_.lesson()->id)) {
                        const int step = std::min(player_.stepIndex(), int(fresh->steps.size()) - 1);
                        const double time = player_.stepTimeS();
                        player_.start(*fresh, scene_.pose(), step);
                        player_.scrub(time);
                    }
                }
            }
        }

        const int steps = simulationClock_.advance(dt);
        for (int i = 0; i < steps; ++i) {
            const double step = simulationClock_.stepSeconds();
            player_.update(step);
            if (options_.soakSeconds > 0.0) {
                anatomy::Pose pose = manualPose_;
                scene::MuscleDrive drive;
                soakDrive(scene_.timeSeconds(), pose, drive);
                scene_.stepMuscles(step, pose, drive);
            } else if (player_.active()) {
                scene_.stepMuscles(step, player_.pose(), player_.muscleDrive());
            } else {
                scene_.stepMuscles(step, manualPose_, scene::MuscleDrive{});
            }
            scene_.step(step);
            recordHistory(step);
        }
        scene_.updateMuscleMeshes();
        updateLesson();
        camera_.update(float(dt));
        updateHover();

        const bool lastFrame = frameLimit > 0 && frameIndex_ + 1 >= frameLimit;
        if (minimised_) {
            // Nothing to draw; wait for the window to come back instead of spinning.
            if (!headless) window_.waitForEvents(100);
            ++frameIndex_;
            if (lastFrame) break;
            continue;
        }
        gpuTimer_.begin();
        core::Status rendered = renderFrame(dt, commands);
        gpuTimer_.end();
        if (!rendered) {
            core::logError("render", rendered.error().describe());
            exitCode = 1;
            break;
        }
        for (const ui::Command& command : commands) applyCommand(command);

        if (screenshotRequested_) {
            screenshotRequested_ = false;
            saveScreenshot(screenshotFolder() / timestampedName("hamstring", ".png"));
        }
        if (lastFrame && !options_.screenshotPath.empty()) saveScreenshot(options_.screenshotPath);
        window_.swapBuffers();
        ++framesDrawn_;
        if (options_.bench) gfx::finish();
        if (options_.tour) gfx::checkErrors("the end of a frame");

        if (frameIndex_ == 0) firstFrameSeconds_ = core::secondsSinceProgramStart();
        if (autoQuality_) adaptQuality(cpuTime.elapsedMs());
        if (options_.bench) {
            cpuFrameMs_.push_back(cpuTime.elapsedMs());
            for (double ms : gpuTimer_.collect()) gpuFrameMs_.push_back(ms);
        }
        ++frameIndex_;
        if (lastFrame) break;
        if (options_.soakSeconds > 0.0) {
            soakFrameMs_.push_back(cpuTime.elapsedMs());
            const double elapsed = core::secondsSinceProgramStart();
            if (soakSamples_.empty() || elapsed - soakSamples_.back().seconds >= kSoakSampleS) {
                const MemoryUse memory = memoryUse();
                const double median = percentiles(soakFrameMs_).median;
                soakFrameMs_.clear();
                soakSamples_.push_back({elapsed, memory.residentKb, median, scene_.timeSeconds()});
                std::printf("soak t=%.0f s resident=%ld kB frame_median=%.2f ms\n", elapsed, memory.residentKb, median);
                std::fflush(stdout);
            }
            if (elapsed >= options_.soakSeconds) break;
        }
    }
    if (options_.soakSeconds > 0.0) exitCode = std::max(exitCode, soakVerdict());
    if (options_.tour) exitCode = std::max(exitCode, tourVerdict());
    if (options_.bench) {
        for (double ms : gpuTimer_.drain()) gpuFrameMs_.push_back(ms);
        printBenchmark();
    }
    if (!options_.reportPath.empty()) writeReport();
    // Headless runs are automation: they leave the user's saved settings alone.
    if (!options_.headless) {
        rememberProgress();
        saveSettingsNow();
    }
    if (options_.glDebug && gfx::debugProblemCount() > 0)
        core::logWarning("gl", gfx::debugProblemCount(), " OpenGL errors or warnings were reported");
    return exitCode;
}

// --quality auto: the governor picks the level from the frame times.
void Application::adaptQuality(double frameMs)
{
    const std::optional<render::Quality> changed = qualityGovernor_.addFrame(frameMs);
    if (!changed) return;
    renderer_->setQuality(*changed);
    core::logInfo("render", "quality now ", render::qualityName(*changed), " (median of the last ", QualityGovernor::kWindow,
                  " frames)");
    if (options_.bench) {
        // A benchmark reports the level it settled on: restart the measurements.
        cpuFrameMs_.clear();
        gpuFrameMs_.clear();
        for (double ms : gpuTimer_.drain()) (void)ms;
    }
}

void Application::printBenchmark()
{
    // The first frame builds pipelines and uploads; it is reported apart as start-up.
    std::vector<double> cpu(cpuFrameMs_.begin() + (cpuFrameMs_.size() > 1 ? 1 : 0), cpuFrameMs_.end());
    std::vector<double> gpu(gpuFrameMs_.begin() + (gpuFrameMs_.size() > 1 ? 1 : 0), gpuFrameMs_.end());
    const Percentiles cpuStats = percentiles(cpu);
    const Percentiles gpuStats = percentiles(gpu);
    const MemoryUse memory = memoryUse();
    const glm::ivec2 size = window_.drawableSize();
    std::printf("renderer: %s\n", gl_.renderer.c_str());
    std::printf("gl_version: %s\n", gl_.version.c_str());
    std::printf("size: %dx%d\n", size.x, size.y);
    std::printf("quality: %s\n", std::string(render::qualityName(renderer_->quality())).c_str());
    std::printf("overlay: %s\n", options_.noOverlay ? "off" : "on");
    if (!options_.noOverlay)
    {
        double covered = 0.0;
        for (const glm::ivec4& box : overlayCache_.boxes()) covered += double(box.z) * double(box.w);
        std::printf("overlay_frames: kept %lld, redrawn %lld, direct %lld; the kept picture covers %.0f%% of the window in %zu boxes\n",
                    overlayPaths_[0], overlayPaths_[1], overlayPaths_[2], 100.0 * covered / (double(size.x) * double(size.y)),
                    overlayCache_.boxes().size());
    }
    std::printf("triangles: %zu (%zu at this level)\n", renderer_->uploadedTriangles(), renderer_->triangleCountInUse());
    std::printf("frames: %zu\n", cpu.size());
    std::printf("start_to_first_frame_ms: %.1f\n", firstFrameSeconds_ * 1000.0);
    std::printf("cpu_frame_ms: median %.2f p95 %.2f p99 %.2f max %.2f\n", cpuStats.median, cpuStats.p95, cpuStats.p99,
                cpuStats.max);
    std::printf("gpu_frame_ms: median %.2f p95 %.2f p99 %.2f max %.2f (%zu queries)\n", gpuStats.median, gpuStats.p95,
                gpuStats.p99, gpuStats.max, gpuStats.count);
    std::printf("resident_memory_mb: %.1f (peak %.1f)\n", memory.residentKb / 1024.0, memory.peakResidentKb / 1024.0);
    for (const auto& [pass, times] : renderer_->passTimes())
        std::printf("pass_ms %-12s median %.2f\n", pass.c_str(), percentiles(times).median);
    if (!overlayMs_.empty()) std::printf("pass_ms %-12s median %.2f\n", "overlay", percentiles(overlayMs_).median);
    std::fflush(stdout);
}

} // namespace app
