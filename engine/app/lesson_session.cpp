#include "app/lesson_session.h"

#include "app/settings_sync.h"
#include "app/step_framing.h"
#include "app/world.h"
#include "core/log.h"
#include "lessons/routine_player.h"
#include "scene/step_staging.h"
#include "ui/overlay.h"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include <sys/resource.h>

namespace app {
namespace {

// A routine plays as a lesson of its own (lessons/routine_player.h); its progress is the
// routine history, not lesson progress.
bool isRoutine(const content::Lesson& lesson)
{
    return lesson.id.rfind(lessons::kRoutineLessonPrefix, 0) == 0;
}

// Lessons loading behind the first frames get about a tenth of a core's share while frames are
// being drawn; with the frames waiting on the display they have the rest.
constexpr int kBehindNice = 10;

} // namespace

void LessonSession::beginLoad(const DataPaths& paths)
{
    startLoading(paths, LoadPriority::Normal);
}

void LessonSession::deferLoad(const DataPaths& paths)
{
    deferred_ = paths;
}

void LessonSession::beginDeferredLoad()
{
    if (!deferred_) return;
    startLoading(*deferred_, LoadPriority::Behind);
    deferred_.reset();
}

void LessonSession::startLoading(const DataPaths& paths, LoadPriority priority) const
{
    loading_ = std::async(std::launch::async, [lessons = paths.scenes() / "lessons", poses = paths.scenes() / "poses.toml",
                                               sources = paths.assets() / "sources.toml", ids = world_.structureIds(),
                                               stop = stopLoading_.get_token(), priority] {
        // Linux keeps a nice value per thread; the helpers this thread starts inherit it.
        if (priority == LoadPriority::Behind) setpriority(PRIO_PROCESS, 0, kBehindNice);
        core::Stopwatch lessonTime;
        lessons::LessonLibrary library = lessons::LessonLibrary::load(lessons, poses, sources, ids, {}, stop);
        core::logDebug("app", "lessons took ", lessonTime.elapsedMs(), " ms (on their own thread",
                       priority == LoadPriority::Behind ? ", behind the first frames)" : ")");
        return library;
    });
}

void LessonSession::finishLoad()
{
    if (loading_.valid()) takeLoaded();  // a deferred load stays deferred
}

void LessonSession::pollLoad()
{
    if (loading_.valid() && loading_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) takeLoaded();
}

void LessonSession::takeLoaded() const
{
    if (deferred_) {
        // Asked for before the frames began them: read now.
        startLoading(*deferred_, LoadPriority::Normal);
        deferred_.reset();
    }
    if (!loading_.valid()) return;
    library_ = loading_.get();
    loaded_ = true;
    for (const auto& [id, progress] : settings_.settings().lessons) completedSteps_[id] = progress.completedSteps;
}

const lessons::LessonLibrary& LessonSession::library() const
{
    takeLoaded();
    return library_;
}

core::Status LessonSession::openFromOptions(const Options& options, const DataPaths& paths)
{
    if (options.lesson.empty()) return {};
    if (!library().find(options.lesson)) {
        for (const lessons::LessonEntry& entry : library().entries())
            if (entry.error && std::filesystem::path(entry.path).stem() == options.lesson) return *entry.error;
        return core::Error{"", 0, 0, "--lesson",
                           "no lesson named '" + options.lesson + "' in " + (paths.scenes() / "lessons").string()};
    }
    const content::Lesson& lesson = *library().find(options.lesson);
    const int steps = int(lesson.steps.size());
    if (options.step > steps)
        return core::Error{"", 0, 0, "--step " + std::to_string(options.step),
                           options.lesson + (steps == 1 ? " has one step, 1" : " has steps 1 to " + std::to_string(steps))};
    start(options.lesson, options.step > 0 ? options.step - 1 : -1);
    if (options.stepTimeS > player_.stepDurationS()) {
        char time[40], lasts[80];
        std::snprintf(time, sizeof time, "--time %g", options.stepTimeS);
        std::snprintf(lasts, sizeof lasts, " lasts %g s: times from 0 to %g", player_.stepDurationS(), player_.stepDurationS());
        return core::Error{"", 0, 0, time, "step " + std::to_string(player_.stepIndex() + 1) + " of " + options.lesson + lasts};
    }
    if (options.stepTimeS >= 0.0) {
        player_.scrub(options.stepTimeS);
        settleMuscles();
    }
    update();
    world_.camera.update(60.0f); // the opening view appears at once, without a glide
    world_.applyViewOption(options);
    return {};
}

void LessonSession::start(const std::string& id, int step)
{
    const content::Lesson* lesson = library().find(id);  // waits for lessons still loading
    if (!lesson) {
        ui::notify(notices_, "No lesson named '" + id + "'");
        return;
    }
    rememberProgress();
    if (step < 0) step = settings_.lastStep(id);
    step = std::clamp(step, 0, int(lesson->steps.size()) - 1);
    player_.start(*lesson, world_.scene.pose(), step);
    settings_.rememberLastLesson(id);
    appliedStepSerial_ = -1;
}

void LessonSession::stop()
{
    rememberProgress();
    player_.stop();
    world_.scene.setHighlights({});
    world_.scene.setFocus({});
    settings_.save();
}

void LessonSession::next()
{
    rememberProgress();
    player_.next();
}

void LessonSession::update()
{
    if (!player_.active()) {
        scene::stageStep(world_.scene, nullptr);
        return;
    }
    applyStepSettings();
    followViewRegion();
    placeProps();
    if (player_.stepFinished() && !isRoutine(*player_.lesson())) {
        auto& done = completedSteps_[player_.lesson()->id];
        if (done.insert(player_.stepIndex()).second) {
            rememberProgress();
            if (saveWhenStepDone_) settings_.save();
        }
    }
}

void LessonSession::reloadChanged(double dtS)
{
    reloadTimerS_ += dtS;
    if (reloadTimerS_ <= 0.5) return;
    reloadTimerS_ = 0.0;
    if (!loaded_ || library_.reloadChanged() == 0) return;
    ui::notify(notices_, "Lessons reloaded");
    if (!player_.active()) return;
    if (const content::Lesson* fresh = library_.find(player_.lesson()->id)) {
        const int step = std::min(player_.stepIndex(), int(fresh->steps.size()) - 1);
        const double time = player_.stepTimeS();
        player_.start(*fresh, world_.scene.pose(), step);
        // Still at the step's start (on the way down, say), the body carries on from where it is.
        if (time > 0.0) player_.scrub(time);
    }
}

void LessonSession::setWindowMinimised(bool minimised)
{
    if (minimised) {
        if (player_.active() && !player_.paused()) {
            player_.setPaused(true);
            pausedByMinimise_ = true;
        }
        return;
    }
    if (pausedByMinimise_ && player_.active()) player_.setPaused(false);
    pausedByMinimise_ = false;
}

void LessonSession::rememberProgress()
{
    if (!player_.active() || isRoutine(*player_.lesson())) return;
    const std::string& id = player_.lesson()->id;
    settings_.rememberProgress(id, player_.stepIndex(), completedSteps_[id]);
}

void LessonSession::settleMuscles()
{
    // The player's time stands still meanwhile: one pose and drive serve every step.
    const anatomy::Pose pose = player_.pose();
    const scene::MuscleDrive drive = player_.muscleDrive();
    for (int i = 0; i < 240; ++i) world_.scene.stepMuscles(world_.simulationClock.stepSeconds(), pose, drive);
    world_.scene.updateMuscleMeshes();
}

// A step sets the camera view, layers and highlights once, when it begins; the user can
// still change them while it plays.
void LessonSession::applyStepSettings()
{
    const content::LessonStep* step = player_.step();
    if (!step || appliedStepSerial_ == player_.stepSerial()) return;
    appliedStepSerial_ = player_.stepSerial();
    for (std::size_t i = 0; i < content::kLayerCount; ++i) {
        const std::optional<content::LayerSettings>& layer = step->layers[i];
        world_.scene.layers()[i] = layer ? *layer : world_.desc.layers[i];
    }
    world_.scene.setHighlights(step->highlight);
    // A step about the hamstrings keeps them in view even while they rest and none is highlighted.
    world_.scene.setFocus(aboutHamstrings(*step) ? workingHeadKeys(*step) : std::vector<std::string>{});
    frameStep();
    if (!isRoutine(*player_.lesson())) settings_.rememberStep(player_.lesson()->id, player_.stepIndex());
}

// The camera glides to the step's framing inside the part of the window the panels leave free;
// the number keys' preset views keep that focus and distance.
void LessonSession::frameStep()
{
    const content::LessonStep* step = player_.step();
    if (!step || step->keys.empty()) return;
    scene::OrbitCamera& camera = world_.camera;
    const StepFraming framing = world_.closeUp.mainFraming(*step, world_.scene);
    const scene::CameraPose target = camera.fitPoints(framing.points, framing.angles, framing.fill);
    camera.setPresetFraming(target);
    // Framed while the panels were still finding their sizes (the first frames): nothing was
    // seen yet to glide from.
    const bool firstLook = camera.viewRegion().valid() && camera.viewRegionSettling() && appliedStepSerial_ == framedStepSerial_;
    camera.transitionTo(target, firstLook ? 0.0f : kFramingGlideS);
    framedRegion_ = camera.viewRegion();
    framedStepSerial_ = appliedStepSerial_;
    framedUserMoves_ = camera.userMoves();
}

void LessonSession::followCloseUp(float dtS)
{
    const content::LessonStep* step = player_.step();
    scene::OrbitCamera& camera = world_.camera;
    if (!player_.active() || !step || !world_.closeUp.mainFollows(step) || camera.transitioning() ||
        framedStepSerial_ != appliedStepSerial_ || camera.userMoves() != framedUserMoves_)
        return;
    const StepFraming framing = world_.closeUp.mainFraming(*step, world_.scene);
    const scene::CameraPose target = camera.fitPoints(framing.points, framing.angles, framing.fill);
    camera.setPresetFraming(target);
    camera.setPose(followPose(camera.pose(), target, dtS, CloseUp::kFollowSeconds));
}

// Panels that open, close or change size leave another free area: the step is framed again
// there, unless the user has moved the view since it was framed.
void LessonSession::followViewRegion()
{
    const scene::ViewRegion& region = world_.camera.viewRegion();
    if (!player_.active() || !region.valid() || world_.camera.userMoves() != framedUserMoves_) return;
    const glm::vec2 moved = glm::max(glm::abs(region.minPx - framedRegion_.minPx), glm::abs(region.maxPx - framedRegion_.maxPx));
    const glm::vec2 window = region.windowPx;
    // A notice or a tooltip-sized change is not worth a camera move.
    if (framedRegion_.valid() && framedRegion_.windowPx == window && moved.x < window.x * 0.1f && moved.y < window.y * 0.1f) return;
    frameStep();
}

// Props and the partner figure: placed by scene/step_staging.h around the body as posed now.
void LessonSession::placeProps()
{
    scene::stageStep(world_.scene, player_.step(), player_.keyTimeS());
}

int checkLessons(const Options& options)
{
    const DataPaths paths = findDataPaths(options.dataDir);
    auto files = readSceneFiles(options, paths);
    if (!files) {
        std::fprintf(stderr, "%s\n", files.error().describe().c_str());
        return 1;
    }
    World world;
    world.build(std::move(*files));
    const auto lessons = lessons::LessonLibrary::load(paths.scenes() / "lessons", paths.scenes() / "poses.toml",
                                                    paths.assets() / "sources.toml", world.structureIds());
    int good = 0;
    if (lessons.setupError()) std::fprintf(stderr, "%s\n", lessons.setupError()->describe().c_str());
    for (const lessons::LessonEntry& entry : lessons.entries()) {
        if (entry.error)
            std::fprintf(stderr, "%s\n", entry.error->describe().c_str());
        else
            ++good;
    }
    // A term no lesson marks is flagged, not failed: a glossary may run ahead of its lessons.
    for (const std::string& term : lessons.unusedGlossaryTerms())
        std::fprintf(stderr, "scenes/glossary.toml: term '%s' is not marked in any lesson\n", term.c_str());
    std::printf("%d lesson(s) loaded, %d with problems\n", good, lessons.errorCount());
    // The shipped routines name lessons and steps: checked against the lessons just loaded.
    int routines = 0, brokenRoutines = 0;
    std::error_code ec;
    const content::RoutineContext context = lessons::routineContext(lessons);
    for (const auto& file : std::filesystem::directory_iterator(paths.scenes() / "routines", ec)) {
        if (file.path().extension() != ".toml") continue;
        ++routines;
        if (auto routine = content::loadRoutineFile(file.path().string(), context); !routine) {
            std::fprintf(stderr, "%s\n", routine.error().describe().c_str());
            ++brokenRoutines;
        }
    }
    std::printf("%d routine(s) checked, %d with problems\n", routines, brokenRoutines);
    return lessons.errorCount() == 0 && good > 0 && brokenRoutines == 0 ? 0 : 1;
}

} // namespace app
