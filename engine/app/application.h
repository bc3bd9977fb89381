// The trainer's main loop. One frame, top to bottom: platform events -> commands ->
// fixed-step simulation -> camera -> render the scene -> build the overlay -> present.
#pragma once

#include "app/input_script.h"
#include "app/options.h"
#include "app/quality_governor.h"
#include "app/paths.h"
#include "app/settings.h"
#include "core/clock.h"
#include "core/error.h"
#include "gfx/context.h"
#include "gfx/imgui_renderer.h"
#include "gfx/timer_query.h"
#include "platform/window.h"
#include "render/renderer.h"
#include "scene/camera.h"
#include "scene/lesson_library.h"
#include "scene/lesson_player.h"
#include "scene/quiz.h"
#include "scene/scene.h"
#include "ui/explore_panel.h"
#include "ui/lesson_panel.h"
#include "ui/physiology_panel.h"
#include "ui/stretch_map.h"
#include "ui/overlay.h"

#include <array>
#include <future>
#include <map>
#include <memory>
#include <set>
#include <optional>
#include <vector>

namespace app {

class Application {
public:
    // Opens the window, loads GL, shaders, the scene and its model. Any failure comes back
    // as one error naming the file or requirement.
    static core::Expected<std::unique_ptr<Application>> create(const Options& options);
    ~Application();

    // Runs until quit (or the requested number of frames); returns the exit code.
    int run();

    // --check-lessons: loads the scene's model and every lesson with no window, prints each
    // problem as file:line:column, and returns 1 if there was any.
    static int checkLessons(const Options& options);

private:
    Application() = default;
    core::Status initialise();
    void handleInput(const std::vector<platform::InputEvent>& events, std::vector<ui::Command>& commands);
    void handleMouse(const platform::InputEvent& event);
    void applyAction(int action, std::vector<ui::Command>& commands);
    void applyCommand(const ui::Command& command);
    void updateHover();
    void buildOverlay(double dtSeconds, std::vector<ui::Command>& commands);
    core::Status renderFrame(double dtSeconds, std::vector<ui::Command>& commands);
    void saveScreenshot(const std::filesystem::path& path);
    void setFontScale(float scale);
    // Called when the window was resized or moved to another display: a new DPI rebuilds the
    // fonts at the size that keeps text the same physical size.
    void refreshDisplayScale();
    // The GL context was lost: drop every GL object, make a new context and rebuild them.
    core::Status recoverLostContext();
    core::Status createGraphics(render::Quality quality);
    void setPresenter(bool enabled);
    void setXray(bool enabled);
    void drawStructureLabels();
    void showQuizQuestion();
    void computeStretchGrid();
    void recordHistory(double dtS);
    std::vector<render::StructureTint> muscleTints() const;
    void drawPhysiology(std::vector<ui::Command>& commands);
    void printBenchmark();
    void adaptQuality(double frameMs);
    void startLesson(const std::string& id, int step);
    void applyStepSettings();
    void updateLesson();
    void placeProps();
    void rememberProgress();
    void saveSettingsNow();
    void writeReport() const;
    int exportLesson();
    // --soak: what the body does at this moment of the cycle (relaxed, cramping, stretching).
    void soakDrive(double elapsedS, anatomy::Pose& pose, scene::MuscleDrive& drive) const;
    int soakVerdict();
    // --tour: the frames to draw, three per step of every lesson (as the step starts, midway
    // and at its end), and the verdict afterwards.
    void planTour();
    void applyTourStop(std::size_t frame);
    int tourVerdict() const;

    Options options_;
    DataPaths paths_;
    platform::Window window_;
    gfx::ContextInfo gl_;
    std::optional<render::Renderer> renderer_;
    gfx::CachedOverlay overlayCache_;                 // the panels kept as a picture while unchanged
    std::array<long long, 3> overlayPaths_{};         // frames kept, redrawn, direct
    scene::SceneDesc sceneDesc_;
    scene::Scene scene_;
    scene::OrbitCamera camera_;
    core::FixedStepClock simulationClock_{1.0 / 240.0};
    ui::OverlayState overlay_;
    ui::LessonPanelState lessonPanel_;
    ui::ExplorePanelState explorePanel_;
    std::vector<std::string> structureNames_;   // display name per structure
    std::optional<scene::Quiz> quiz_;
    anatomy::Pose manualPose_;                   // the body when no lesson runs (the stretch map moves it)
    ui::PhysiologyPanelState physiologyPanel_;
    ui::StretchMapState stretchMap_;
    ui::ColourMap colourMap_ = ui::ColourMap::Natural;
    int stretchMapHead_ = 4;
    std::array<std::vector<float>, 5> stretchGrid_;  // length % of standing, per head and the mean
    std::array<std::array<ui::History, 3>, 4> history_;  // right leg: length %, activation, force
    double historyTimerS_ = 0.0;
    std::optional<std::array<scene::LayerSettings, scene::kLayerCount>> layersBeforeXray_;
    bool presenter_ = false;
    bool presenterMadeFullscreen_ = false;
    bool blank_ = false;
    int presenterDisplay_ = 0;
    scene::LessonLibrary lessons_;
    scene::LessonPlayer player_;
    int appliedStepSerial_ = -1;
    double lessonReloadTimerS_ = 0.0;
    Settings settings_;
    std::vector<ScriptedInput> script_;
    std::size_t nextScripted_ = 0;
    std::filesystem::path settingsPath_;
    std::map<std::string, std::set<int>> completedSteps_;
    std::vector<ui::HelpEntry> help_;
    bool imguiReady_ = false;
    bool minimised_ = false;
    bool settingsUnsaved_ = false;          // the last save failed (reported once)
    bool pausedByMinimise_ = false;         // the lesson was playing when the window was minimised
    int framesDrawn_ = 0;
    int contextRecoveries_ = 0;
    bool running_ = true;
    float fontScale_ = 1.0f;
    float dpiScale_ = 1.0f;
    bool fontRebuildPending_ = false;
    bool screenshotRequested_ = false;

    // Mouse gesture state.
    enum class Drag { None, Orbit, Pan };
    Drag drag_ = Drag::None;
    glm::vec2 mousePosition_{0.0f};
    glm::vec2 pressPosition_{0.0f};
    float dragDistance_ = 0.0f;
    bool mouseOverScene_ = true;
    bool hoverDirty_ = false;

    // Automatic quality: recent frame times decide whether to step down.
    QualityGovernor qualityGovernor_;
    std::future<render::DetailLevels> detailLevels_;         // being simplified while the app starts
    bool autoQuality_ = false;

    // Benchmark samples.
    gfx::GpuTimer gpuTimer_;
    std::vector<double> cpuFrameMs_;
    std::vector<double> gpuFrameMs_;
    std::vector<double> overlayMs_;
    double firstFrameSeconds_ = 0.0;
    std::int64_t frameIndex_ = 0;

    // Soak samples: seconds since start, resident memory (kB), median frame time (ms).
    static constexpr double kSoakCycleS = 24.0;   // relaxed, cramp, cramp with a stretch
    static constexpr double kSoakSampleS = 4.0;   // six samples a cycle
    struct SoakSample {
        double seconds;       // since the program started
        long residentKb;
        double frameMs;
        double sceneSeconds;  // the simulation's clock, which drives the cycle (it lags when frames are slow)
    };
    std::vector<SoakSample> soakSamples_;
    struct TourStop {
        std::string lessonId;
        int step;
        double timeS;
    };
    std::vector<TourStop> tour_;
    int tourLessons_ = 0;  // lessons begun so far
    std::vector<double> soakFrameMs_;
};

} // namespace app
