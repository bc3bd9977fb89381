// The lesson being taught: the library of lesson files (reloaded when edited), the player that
// moves the body through a step, what each step sets as it begins (view, layers, highlights,
// props), and which steps the student has finished (kept in the settings).
#pragma once

#include "app/options.h"
#include "app/paths.h"
#include "core/error.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_player.h"

#include <future>
#include <map>
#include <optional>
#include <set>
#include <stop_token>
#include <string>

namespace ui {
struct OverlayState;
}

namespace app {

class SettingsSync;
struct World;

class LessonSession {
public:
    // `saveWhenStepDone`: write the settings each time a step is finished (not in automation).
    LessonSession(World& world, SettingsSync& settings, ui::OverlayState& notices, bool saveWhenStepDone)
        : world_(world), settings_(settings), notices_(notices), saveWhenStepDone_(saveWhenStepDone)
    {
    }
    // Closing while the lessons load: no further file is read, and the thread is waited for.
    ~LessonSession() { stopLoading_.request_stop(); }
    LessonSession(const LessonSession&) = delete;
    LessonSession& operator=(const LessonSession&) = delete;

    // Loads every lesson for the world's structures, and the progress the settings remember.
    // beginLoad reads the files on another thread (it needs only the files and the model's
    // structure names), overlapping the window and renderer opening; finishLoad waits for it.
    // When the first frame does not need them, deferLoad notes where they are and
    // beginDeferredLoad starts reading them once that frame is shown, at a lower priority so
    // the frames keep their pace; pollLoad takes them once they are in. Until then the lesson
    // panel says they are loading, and anything asking for library() waits for them (or reads
    // them there and then, if they were not started). load does beginLoad and finishLoad.
    void beginLoad(const DataPaths& paths);
    void finishLoad();
    void deferLoad(const DataPaths& paths);
    void beginDeferredLoad();
    void pollLoad();
    void load(const DataPaths& paths)
    {
        beginLoad(paths);
        finishLoad();
    }
    // --lesson, --step and --time: opens the lesson at that moment with the view already there.
    core::Status openFromOptions(const Options& options, const DataPaths& paths);

    // Starts a lesson at a step; -1: where the student left it.
    void start(const std::string& id, int step);
    void stop();
    void next();
    // After each frame's simulation: the new step's settings, props, progress.
    void update();
    // With the close-up the main view follows the working heads as they move (a stride, a
    // rep), until the user moves the view; after the camera's own update each frame.
    void followCloseUp(float dtS);
    // Looks for edited lesson files every half second and keeps the playing one where it was.
    void reloadChanged(double dtS);
    // A minimised window holds a playing lesson; restoring it plays on (unless the user paused it).
    void setWindowMinimised(bool minimised);
    // Notes the playing lesson's step and finished steps in the settings.
    void rememberProgress();
    // Runs the muscles for a second at the player's pose and drive, so a still picture of this
    // moment shows them settled (activation and cramp included).
    void settleMuscles();

    lessons::LessonPlayer& player() { return player_; }
    const lessons::LessonPlayer& player() const { return player_; }
    // The lessons, waiting for them if they are still loading.
    const lessons::LessonLibrary& library() const;
    // The lessons once loaded, else null: the lesson panel draws from this without waiting.
    const lessons::LessonLibrary* loadedLibrary() const { return loaded_ ? &library_ : nullptr; }
    const std::map<std::string, std::set<int>>& completedSteps() const { return completedSteps_; }

    // How long the camera glides to a step's framing.
    static constexpr float kFramingGlideS = 0.8f;

private:
    enum class LoadPriority { Normal, Behind };
    void startLoading(const DataPaths& paths, LoadPriority priority) const;
    // Takes the library from the loading thread, waiting for it (starting it first if it was
    // only deferred), with the saved progress.
    void takeLoaded() const;
    void applyStepSettings();
    // Frames the step's working structures (app/step_framing.h) in the free view area.
    void frameStep();
    void followViewRegion();
    void placeProps();

    World& world_;
    SettingsSync& settings_;
    ui::OverlayState& notices_;
    bool saveWhenStepDone_;
    // Loaded by whichever asks first: library() is const to the panels that read it.
    mutable lessons::LessonLibrary library_;
    mutable bool loaded_ = false;
    mutable std::optional<DataPaths> deferred_;  // where the lessons are, until they start loading
    mutable std::future<lessons::LessonLibrary> loading_;
    std::stop_source stopLoading_;
    lessons::LessonPlayer player_;
    mutable std::map<std::string, std::set<int>> completedSteps_;
    int appliedStepSerial_ = -1;     // the step whose settings were applied
    scene::ViewRegion framedRegion_; // the free view area the step was framed in
    int framedUserMoves_ = 0;        // the camera's count of user moves when it was framed
    int framedStepSerial_ = -1;      // the step framed last
    double reloadTimerS_ = 0.0;
    bool pausedByMinimise_ = false;  // the lesson was playing when the window was minimised
};

// --check-lessons: loads the scene's model, every lesson and every shipped routine with no
// window, prints each problem as file:line:column, and returns 1 if there was any.
int checkLessons(const Options& options);

} // namespace app
