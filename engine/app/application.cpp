#include "app/application.h"

#include "core/clock.h"
#include "core/log.h"
#include "core/startup_heap.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <future>
#include <string_view>

namespace app {
namespace {

constexpr double kHeadlessFrameSeconds = 1.0 / 60.0;

// The start-up timeline in --verbose: where the time to the first frame goes.
void markStartup(const char* stage)
{
    core::logDebug("app", "start-up: ", stage, " at ", core::secondsSinceProgramStart() * 1000.0, " ms");
}

// The first frame waits for the lessons when it shows one or a routine, when the presenter or
// automation may drive them from the start, and where a picture is saved with the panels on
// it, or headless, which must not depend on when a thread finished. Otherwise they load behind
// the first frames.
bool lessonsBeforeFirstFrame(const Options& options)
{
    return (options.headless && !options.bench) || (!options.screenshotPath.empty() && !options.noOverlay) ||
           !options.lesson.empty() || !options.routinePath.empty() ||
           !options.inputScript.empty() || options.presenter || !options.exportLesson.empty() ||
           !options.videoLesson.empty() || options.tour || !options.coverageCsv.empty() || !options.reportPath.empty();
}

} // namespace

Application::Application(const Options& options)
    : options_(options), paths_(findDataPaths(options.dataDir)), settings_(world_, graphics_, overlay_),
      lessons_(world_, settings_, overlay_, !options.headless), routines_(world_, lessons_, settings_, overlay_, !options.headless),
      physiology_(world_), panels_(world_, graphics_, lessons_, routines_, settings_, physiology_, overlay_),
      dispatch_(world_, graphics_, lessons_, routines_, panels_, physiology_, loop_, options.display),
      input_(world_, graphics_, dispatch_, lessons_, panels_, loop_)
{
}

core::Expected<std::unique_ptr<Application>> Application::create(const Options& options)
{
    std::unique_ptr<Application> app(new Application(options));
    if (core::Status started = app->start(); !started) return started.error();
    app->addModes();
    return app;
}

// Initialization. A bad file is reported before any window shows.
core::Status Application::start()
{
    if (!options_.inputScript.empty()) {
        auto script = loadInputScript(options_.inputScript);
        if (!script) return script.error();
        script_ = std::move(*script);
    }
    panels_.setPointerVisible(!options_.headless || !script_.empty());

    markStartup("options read");
    // Started again after a model pack failed its checks: say so once, in this process.
    if (const char* refused = std::getenv(kRefusedModelPackVariable); refused && *refused) {
        core::logWarning("assets", refused, "; the app started again and imported the glTF file instead");
        ::unsetenv(kRefusedModelPackVariable);  // no other thread yet
    }
    settings_.load();
    const Settings& settings = settings_.settings();
    // The scene's files are read and its world built on another thread while this one opens
    // the window and OpenGL (the driver's libraries take the longest to load); lessons load
    // once the world names its structures if the first frame needs them, else after that
    // frame. The window stays hidden until its first frame, and a bad file is still what gets
    // reported when both fail. A model that has to go through the import is read first, here:
    // the import forks a child process, which must happen before any other thread starts
    // (core/isolate.h).
    using PackedLevels = std::optional<render::DetailLevels>;
    std::optional<SceneFiles> imported;
    if (!sceneModelFromPack(options_, paths_)) {
        auto files = readSceneFiles(options_, paths_);
        if (!files) return files.error();
        imported = std::move(*files);
        markStartup("model imported");
    }
    const bool lessonsFirst = lessonsBeforeFirstFrame(options_);
    if (!lessonsFirst) lessons_.deferLoad(paths_);
    std::string packRefusal;  // set by the world's thread when the pack fails its checks
    std::future<core::Expected<PackedLevels>> worldReady =
        std::async(std::launch::async, [this, imported = std::move(imported), lessonsFirst, &packRefusal]() mutable -> core::Expected<PackedLevels> {
            auto files = imported ? core::Expected<SceneFiles>(std::move(*imported))
                                  : readSceneFiles(options_, paths_, ModelSource::PackOnly, &packRefusal);
            if (!files) return files.error();
            markStartup("scene files read");
            core::Stopwatch sceneTime;
            PackedLevels packed = std::move(files->detailLevels);
            world_.build(std::move(*files));
            core::logDebug("app", "scene set-up took ", sceneTime.elapsedMs(), " ms");
            markStartup("world built");
            if (lessonsFirst) lessons_.beginLoad(paths_);
            return packed;
        });
    const core::Status opened = graphics_.open(graphicsDescFor(options_, settings, paths_.shaders()));
    core::Expected<PackedLevels> built = worldReady.get();
    if (!built && !packRefusal.empty() && canStartOverImporting()) return startOverImporting(packRefusal);
    if (!built) return built.error();
    if (!opened) return opened;
    if (settings.layersSaved)
        for (std::size_t i = 0; i < content::kLayerCount; ++i)
            world_.scene.layers()[i] = {settings.layerVisible[i], settings.layerOpacity[i]};
    world_.closeUp.setEnabled(options_.closeUp.value_or(settings.closeUp));
    if (*built) {
        // Made at build time with the packed model.
        std::promise<render::DetailLevels> ready;
        ready.set_value(std::move(**built));
        graphics_.setDetailLevels(ready.get_future());
    } else {
        // The cheaper levels of detail are simplified on another thread while the renderer sets
        // up; the model stays where it is for the life of the app.
        graphics_.setDetailLevels(
            std::async(std::launch::async, [model = &world_.scene.model()] { return render::simplifyModel(*model); }));
    }
    markStartup("window and OpenGL open");
    if (options_.quality == QualityChoice::Auto && (!options_.headless || options_.bench)) governor_.emplace();
    const render::Quality quality =
        governor_ ? governor_->quality() : fixedQuality(options_.quality).value_or(render::Quality::High);
    // The overlay first: its fonts are rasterised on another thread while the renderer sets up.
    if (core::Status overlay = graphics_.startOverlay(settings.fontScale, settings.highContrast); !overlay) return overlay;
    core::Stopwatch graphicsTime;
    // The driver's copies of the model and the render targets come in 2 MiB pages until the
    // first frame is shown (core/startup_heap.h): measured on a 2-core VM with llvmpipe, the
    // time to the first frame fell from about 225 ms to 170.
    core::reserveStartupHugePages(kStartupHeapBytes);
    if (core::Status created = graphics_.createRenderer(quality, world_.scene); !created) return created;
    graphics_.finishFontAtlas();
    core::logDebug("app", "graphics set-up took ", graphicsTime.elapsedMs(), " ms, ",
                   core::secondsSinceProgramStart() * 1000.0, " ms since start");

    world_.frameOpeningView(options_);
    lessons_.finishLoad();
    markStartup(lessons_.loadedLibrary() ? "lessons in" : "lessons to load after the first frame");
    if (core::Status opened = lessons_.openFromOptions(options_, paths_); !opened) return opened;
    if (core::Status opened = routines_.openFromOptions(options_, paths_); !opened) return opened;
    if (!options_.routinePath.empty()) panels_.routinePanel().open = true;
    panels_.setPresenterDisplay(options_.display);
    if (options_.presenter) panels_.setPresenter(true);
    markStartup("ready for the first frame");
    return {};
}

// The pack's header fitted, so the model was to come from it, but its bytes did not (damaged,
// or packed from another glTF file of the same size). The glTF must go through the import,
// which forks a child process, and a process may do that only while it has no other threads
// (core/isolate.h): the driver's are running by now. So the app starts over as a fresh
// process, told to leave packs alone, with the same command line; the new process says why.
// Nothing has been shown or saved yet: the window stays hidden until the first frame.
bool Application::canStartOverImporting() const
{
    const char* skipping = std::getenv(kSkipModelPackVariable);
    return !(skipping && *skipping) && !options_.commandLine.empty();
}

core::Status Application::startOverImporting(const std::string& refusal)
{
    core::logDebug("assets", refusal, "; starting again to import the glTF file");
    std::vector<std::string> arguments = options_.commandLine;
    std::vector<char*> argv;
    for (std::string& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    // The environment handed over as it is, with the two variables for the new process: no
    // setenv here, where the driver's threads may be reading the environment.
    std::vector<std::string> variables;
    const std::string skip = std::string(kSkipModelPackVariable) + "=", refused = std::string(kRefusedModelPackVariable) + "=";
    for (char** entry = environ; entry && *entry; ++entry) {
        const std::string_view variable(*entry);
        if (!variable.starts_with(skip) && !variable.starts_with(refused)) variables.emplace_back(variable);
    }
    variables.push_back(skip + "1");
    variables.push_back(refused + refusal);
    std::vector<char*> envp;
    for (std::string& variable : variables) envp.push_back(variable.data());
    envp.push_back(nullptr);
    // The window, its context and the video system go first, with whatever they hold open.
    graphics_.closeWindow();
    std::fflush(nullptr);
    ::execve("/proc/self/exe", argv.data(), envp.data());
    return core::makeError(refusal + "; starting again to import the glTF file failed: " + std::strerror(errno));
}

// Automation beside the loop. The order is the order of their verdicts at the end.
void Application::addModes()
{
    if (!options_.exportLesson.empty())
        modes_.push_back(makeExportMode(world_, graphics_, lessons_, physiology_, paths_, options_.exportLesson, options_.exportDir));
    if (!options_.videoLesson.empty())
        modes_.push_back(makeVideoMode(world_, graphics_, lessons_, physiology_, paths_,
                                       {options_.videoLesson, options_.videoPath, options_.burnCaptions, options_.videoSeconds,
                                        options_.progressLines}));
    if (options_.tour) modes_.push_back(makeTourMode(world_, graphics_, lessons_, loop_));
    if (!options_.coverageCsv.empty())
        modes_.push_back(makeCoverageMode(world_, graphics_, lessons_, physiology_,
                                          {options_.coverageCsv, options_.coverageFloors, options_.lesson,
                                           !options_.coverageFloors.empty(), std::getenv("HT_COVERAGE_PICTURES")
                                                                                 ? std::getenv("HT_COVERAGE_PICTURES")
                                                                                 : "",
                                           float(options_.coverageScale)}));
    if (options_.soakSeconds > 0.0) modes_.push_back(makeSoakMode(world_, options_.soakSeconds, options_.frames));
    if (options_.bench) modes_.push_back(makeBenchMode(graphics_, !options_.noOverlay));
    if (!options_.reportPath.empty())
        modes_.push_back(makeReportMode(options_.reportPath, world_, graphics_, lessons_, routines_, panels_, loop_));
}

int Application::frameLimit() const
{
    for (const auto& mode : modes_)
        if (std::optional<int> limit = mode->frameLimit()) return *limit;
    if (options_.frames > 0) return options_.frames;
    return options_.headless ? 1 : 0;  // headless and nothing else asked: one frame, one image
}

int Application::run()
{
    for (const auto& mode : modes_)
        if (std::optional<int> exitCode = mode->start()) return *exitCode;
    const int frameLimit = this->frameLimit();
    std::vector<platform::InputEvent> events;
    std::vector<ui::Command> commands;
    core::Stopwatch frameClock;
    int exitCode = 0;

    while (loop_.running) {
        core::Stopwatch cpuTime;
        const double realDt = frameClock.elapsedSeconds();
        frameClock.restart();
        // Headless runs advance time by a fixed frame so their images are reproducible.
        const double dt = options_.headless ? kHeadlessFrameSeconds : std::min(realDt, 0.25);
        if (!std::all_of(modes_.begin(), modes_.end(), [&](const auto& mode) { return mode->beforeFrame(loop_.frameIndex); }))
            break;

        // Platform events -> commands.
        if (core::Status read = readInput(events, commands); !read) {
            core::logError("gfx", read.error().describe());
            exitCode = 1;
            break;
        }
        // Fixed-step simulation -> lesson -> camera.
        advance(dt);

        const bool lastFrame = frameLimit > 0 && loop_.frameIndex + 1 >= frameLimit;
        if (loop_.minimised) {
            // Nothing to draw; wait for the window to come back instead of spinning.
            if (!options_.headless) graphics_.window().waitForEvents(100);
            ++loop_.frameIndex;
            if (lastFrame) break;
            continue;
        }
        // Render the scene -> build the overlay -> present.
        graphics_.allowKeptPictures(!governor_ || !governor_->wantsDrawnFrames());
        graphics_.gpuTimer().begin();
        core::Status drawn = drawFrame(dt, commands);
        graphics_.gpuTimer().end();
        if (!drawn) {
            core::logError("render", drawn.error().describe());
            exitCode = 1;
            break;
        }
        dispatch_.applyAll(commands);
        if (loop_.screenshotRequested) {
            loop_.screenshotRequested = false;
            saveScreenshot(screenshots_.freePath(screenshotFolder() / timestampedName("hamstring", ".png")));
        }
        if (lastFrame && !options_.screenshotPath.empty()) saveScreenshot(options_.screenshotPath);
        (void)reportScreenshots(false);
        followVideoExport();
        graphics_.window().swapBuffers();
        if (loop_.frameIndex == 0) markStartup("first frame shown");
        ++loop_.framesDrawn;
        if (graphics_.keptScenePicture()) ++loop_.scenePicturesKept;

        // The frame after a level change drew at the new level, which let go of the old one's
        // targets: their memory goes back to the system rather than staying resident unused.
        // The driver compiles the new level's shader variants over the frames that follow, as
        // each state first comes up, and the compiler's working memory stays in the heap: what
        // is free goes back once more a second later.
        if (framesSinceLevelChange_ >= 0) {
            ++framesSinceLevelChange_;
            if (framesSinceLevelChange_ == 1 || framesSinceLevelChange_ == kSecondHeapReturnFrames) core::giveBackFreeHeap();
            if (framesSinceLevelChange_ >= kSecondHeapReturnFrames) framesSinceLevelChange_ = -1;
        }
        for (const auto& mode : modes_) mode->afterPresent();
        const double cpuMs = cpuTime.elapsedMs();
        const bool drawnInARow = graphics_.drewScene() && previousFrameDrew_;
        previousFrameDrew_ = graphics_.drewScene();
        const bool qualityChanged = adaptQuality(cpuMs, drawnInARow);
        const FrameResult frame{loop_.frameIndex, cpuMs, qualityChanged, lastFrame, graphics_.keptScenePicture(), drawnInARow};
        if (qualityChanged) framesSinceLevelChange_ = 0;
        bool goOn = true;
        for (const auto& mode : modes_) goOn = mode->afterFrame(frame) && goOn;
        ++loop_.frameIndex;
        if (lastFrame || !goOn) break;
    }

    // The picture --screenshot asked for is the run's result: without it the run failed.
    if (reportScreenshots(true)) exitCode = std::max(exitCode, 1);
    for (const auto& mode : modes_)
        if (std::optional<int> verdict = mode->verdict()) exitCode = std::max(exitCode, *verdict);
    // Headless runs are automation: they leave the user's saved settings alone.
    if (!options_.headless) {
        lessons_.rememberProgress();
        settings_.save();
    }
    if (options_.glDebug && gfx::debugProblemCount() > 0)
        core::logWarning("gl", gfx::debugProblemCount(), " OpenGL errors or warnings were reported");
    return exitCode;
}

core::Status Application::readInput(std::vector<platform::InputEvent>& events, std::vector<ui::Command>& commands)
{
    events.clear();
    commands.clear();
    bool contextLost = graphics_.contextLost();
    while (nextScripted_ < script_.size() && script_[nextScripted_].frame <= loop_.frameIndex) {
        const ScriptedInput& scripted = script_[nextScripted_++];
        if (scripted.contextLost)
            contextLost = true;
        else
            graphics_.window().injectInput(scripted.input);
    }
    if (contextLost) {
        if (core::Status recovered = graphics_.recoverLostContext(world_.scene); !recovered) return recovered;
        ui::notify(overlay_, "The graphics driver was reset; the view has been rebuilt");
    }
    graphics_.window().pollEvents(events);
    input_.handle(events, commands);
    dispatch_.applyAll(commands);
    commands.clear();
    return {};
}

void Application::advance(double dtSeconds)
{
    if (graphics_.renderer().shaders().reloadChanged() > 0) ui::notify(overlay_, "Shaders reloaded");
    if (loop_.frameIndex == 1) core::releaseStartupHugePages(kHeapTrimThreshold);  // start-up is over (core/startup_heap.h)
    // The first frame is shown (or the window was minimised): the lessons, if they wait for it.
    if (loop_.frameIndex > 0) lessons_.beginDeferredLoad();
    lessons_.pollLoad();
    lessons_.reloadChanged(dtSeconds);

    scene::Scene& scene = world_.scene;
    lessons::LessonPlayer& player = lessons_.player();
    // A step entered by a cut (into or out of a bed) starts its muscles over at its pose
    // rather than stretching them from the pose before in one simulation step.
    if (player.active() && player.stepSerial() != relaxedStepSerial_) {
        relaxedStepSerial_ = player.stepSerial();
        if (player.cutIn()) scene.relaxMuscles(player.pose());
    }
    const int steps = world_.simulationClock.advance(dtSeconds);
    for (int i = 0; i < steps; ++i) {
        const double step = world_.simulationClock.stepSeconds();
        player.update(step);
        if (const std::optional<MuscleInput> driven = modeMuscleInput())
            scene.stepMuscles(step, driven->pose, driven->drive);
        else if (player.active())
            scene.stepMuscles(step, player.pose(), player.muscleDrive());
        else
            scene.stepMuscles(step, world_.manualPose, scene::MuscleDrive{});
        scene.step(step);
        physiology_.record(step);
    }
    scene.updateMuscleMeshes();
    routines_.update(dtSeconds);  // a routine moves on to its next entry or rest
    lessons_.update();
    // The step's tones and voice for this frame's span (a routine's rests have their own).
    audio_.update(player, routines_.playing() ? routines_.player().plan() : nullptr, !options_.headless);
    world_.camera.update(float(dtSeconds));
    lessons_.followCloseUp(float(dtSeconds));
    world_.closeUp.update(float(dtSeconds), player.active() ? player.step() : nullptr, player.stepSerial(), scene);
    input_.updateHover();
}

std::optional<MuscleInput> Application::modeMuscleInput() const
{
    for (const auto& mode : modes_)
        if (std::optional<MuscleInput> input = mode->muscleInput(world_.scene.timeSeconds())) return input;
    return std::nullopt;
}

core::Status Application::drawFrame(double dtSeconds, std::vector<ui::Command>& commands)
{
    std::function<void()> buildOverlay;
    if (!options_.noOverlay) buildOverlay = [&] { panels_.build(dtSeconds, input_.pointerPixels(), commands); };
    const bool drawScene = std::all_of(modes_.begin(), modes_.end(), [](const auto& mode) { return mode->loopDrawsScene(); });
    core::Status drawn = graphics_.drawFrame(world_.scene, world_.camera, physiology_.tints(), buildOverlay,
                                             world_.closeUp.insetView(), drawScene);
    // The next frames frame the model in what the panels (and the close-up) left free this one.
    const ui::ViewArea& area = graphics_.viewArea();
    world_.closeUp.setViewArea(area);
    const ui::PixelRect mainView = world_.closeUp.mainViewRect();
    world_.camera.setViewRegion({mainView.min, mainView.max, area.windowPixels});
    return drawn;
}

// The pixels are read now; the file is compressed and written beside the loop.
void Application::saveScreenshot(const std::filesystem::path& path)
{
    screenshots_.write(path, graphics_.readFrame());
}

bool Application::reportScreenshots(bool wait)
{
    bool askedForFailed = false;
    for (ScreenshotWriter::Outcome& written : screenshots_.collect(wait)) {
        if (!written.status) {
            core::logError("app", written.status.error().describe());
            ui::notify(overlay_, "Screenshot failed: " + written.status.error().describe());
            askedForFailed = askedForFailed || (!options_.screenshotPath.empty() && written.path == options_.screenshotPath);
            continue;
        }
        core::logInfo("app", "screenshot saved to ", written.path.string());
        ui::notify(overlay_, "Screenshot saved to " + written.path.string());
    }
    return askedForFailed;
}

void Application::followVideoExport()
{
    if (loop_.videoExportRequested) {
        loop_.videoExportRequested = false;
        startVideoExport();
    }
    if (loop_.videoExportCancelled) {
        loop_.videoExportCancelled = false;
        videoExport_.cancel();
    }
    videoExport_.poll();
    overlay_.videoExportRunning = videoExport_.running();
    overlay_.videoExportFraction = videoExport_.fraction();
    overlay_.videoExportFile = videoExport_.file().filename().string();
    if (std::optional<std::string> outcome = videoExport_.takeOutcome()) {
        core::logInfo("app", *outcome);
        ui::notify(overlay_, *outcome, 10.0);
    }
}

void Application::startVideoExport()
{
    const content::Lesson* lesson = lessons_.player().lesson();
    if (!lesson || videoExport_.running()) return;
    const std::filesystem::path folder = videoFolder();
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        ui::notify(overlay_, "Video export failed: " + folder.string() + ": cannot create folder: " + ec.message(), 10.0);
        return;
    }
    // Named after the lesson; an earlier export of it is kept, the new one gets the time too.
    std::filesystem::path file = folder / (lesson->id + ".mp4");
    if (std::filesystem::exists(file)) file = folder / timestampedName(lesson->id, ".mp4");
    // The child sees the same scene, model and data as this window.
    std::vector<std::string> arguments;
    const std::pair<const char*, const std::string*> passed[] = {{"--data-dir", &options_.dataDir},
                                                                 {"--model", &options_.modelPath},
                                                                 {"--model-unit", &options_.modelUnit},
                                                                 {"--model-up", &options_.modelUp}};
    for (const auto& [name, value] : passed)
        if (!value->empty()) arguments.insert(arguments.end(), {name, *value});
    if (!options_.scenePath.empty()) arguments.push_back(options_.scenePath);
    arguments.insert(arguments.end(), {"--export-lesson-video", lesson->id, file.string()});
    if (core::Status started = videoExport_.start(file, arguments); !started) {
        ui::notify(overlay_, "Video export failed: " + started.error().describe(), 10.0);
        return;
    }
    ui::notify(overlay_, "Exporting '" + lesson->title + "' as a video to " + file.string());
}

bool Application::adaptQuality(double frameMs, bool drawnInARow)
{
    if (!governor_) return false;
    // Each lesson step is a scene of its own to the governor, and so is the model explored freely;
    // named when the step changes.
    const lessons::LessonPlayer& player = lessons_.player();
    const int serial = player.active() ? player.stepSerial() : -1;
    std::optional<render::Quality> learned;
    if (serial != governedStepSerial_) {
        governedStepSerial_ = serial;
        std::string scene;
        if (const content::Lesson* lesson = player.active() ? player.lesson() : nullptr)
            scene = lesson->id + " step " + std::to_string(player.stepIndex() + 1);
        learned = governor_->enterScene(scene);
    }
    if (learned) {
        graphics_.renderer().setQuality(*learned);
        core::logInfo("render", "quality now ", render::qualityName(*learned), " (what this scene allowed before)");
        return true;
    }
    // Only frames that draw the scene, after one that drew it too, say what drawing costs at
    // this level (FrameResult::drawnInARow): a still scene would otherwise climb to a level it
    // cannot draw once it moves.
    if (!drawnInARow) return false;
    const std::optional<render::Quality> changed = governor_->addFrame(frameMs);
    if (!changed) return false;
    graphics_.renderer().setQuality(*changed);
    core::logInfo("render", "quality now ", render::qualityName(*changed), " (median of the last ", QualityGovernor::kWindow,
                  " frames)");
    return true;
}

} // namespace app
