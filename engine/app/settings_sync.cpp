#include "app/settings_sync.h"

#include "app/graphics_context.h"
#include "app/world.h"
#include "core/log.h"
#include "ui/overlay.h"

namespace app {

void SettingsSync::load()
{
    path_ = settingsPath();
    LoadedSettings loaded = loadSettings(path_);
    settings_ = std::move(loaded.settings);
    if (loaded.problem) {
        std::string message = "settings could not be read, so the defaults are used: " + loaded.problem->describe();
        if (!loaded.setAside.empty()) message += " (the old file is kept as " + loaded.setAside.string() + ")";
        core::logWarning("app", message);
        ui::notify(notices_, message, 10.0);
    }
}

int SettingsSync::lastStep(const std::string& lessonId) const
{
    const auto found = settings_.lessons.find(lessonId);
    return found != settings_.lessons.end() ? found->second.lastStep : 0;
}

void SettingsSync::rememberProgress(const std::string& lessonId, int step, const std::set<int>& completed)
{
    LessonProgress& progress = settings_.lessons[lessonId];
    progress.lastStep = step;
    progress.completedSteps = completed;
}

void SettingsSync::save()
{
    const scene::Scene& scene = world_.scene;
    for (std::size_t i = 0; i < content::kLayerCount; ++i) {
        settings_.layerVisible[i] = scene.layers()[i].visible;
        settings_.layerOpacity[i] = scene.layers()[i].opacity;
    }
    settings_.closeUp = world_.closeUp.enabled();
    settings_.layersSaved = true;
    settings_.fontScale = graphics_.fontScale();
    settings_.highContrast = graphics_.highContrast();
    settings_.fullscreen = graphics_.userFullscreen();
    const platform::Window& window = graphics_.window();
    if (!window.headless() && !window.fullscreen()) {
        const glm::ivec2 position = window.windowPosition();
        const glm::ivec2 size = window.windowSize();
        settings_.window = std::array<int, 4>{position.x, position.y, size.x, size.y};
    }
    core::Status saved = saveSettings(settings_, path_);
    if (!saved && !unsaved_) {
        // Said once: the app carries on with the settings in memory until it quits.
        unsaved_ = true;
        core::logWarning("app", "settings not saved: ", saved.error().describe());
        ui::notify(notices_, "Settings cannot be saved (" + saved.error().describe() + "); changes last until you quit", 10.0);
    } else if (saved) {
        unsaved_ = false;
    }
}

void SettingsSync::recordRoutine(RoutineRecord record)
{
    std::vector<RoutineRecord>& history = settings_.routineHistory;
    history.push_back(std::move(record));
    if (history.size() > kRoutineHistoryMax) history.erase(history.begin(), history.end() - std::ptrdiff_t(kRoutineHistoryMax));
}

} // namespace app
