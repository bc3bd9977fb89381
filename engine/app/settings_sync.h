// The user's settings while the trainer runs: read once at start-up, lesson progress noted as
// steps are done, and written back (app/settings.h) with the current layers, text size, theme
// window placement and the close-up switch when a lesson stops, a step is finished or the trainer quits.
#pragma once

#include "app/settings.h"

#include <filesystem>
#include <set>
#include <string>

namespace ui {
struct OverlayState;
}

namespace app {

class GraphicsContext;
struct World;

class SettingsSync {
public:
    SettingsSync(const World& world, const GraphicsContext& graphics, ui::OverlayState& notices)
        : world_(world), graphics_(graphics), notices_(notices)
    {
    }

    // Reads the settings file; a corrupt one is set aside and reported (log and a notice), and
    // the defaults are used.
    void load();
    const Settings& settings() const { return settings_; }
    // The step a lesson was left at (0 for a lesson never opened).
    int lastStep(const std::string& lessonId) const;
    // Notes where a lesson is and which steps are done (written at the next save).
    void rememberProgress(const std::string& lessonId, int step, const std::set<int>& completed);
    void rememberLastLesson(const std::string& lessonId) { settings_.lastLesson = lessonId; }
    void rememberStep(const std::string& lessonId, int step) { settings_.lessons[lessonId].lastStep = step; }
    void rememberSound(const SoundSettings& sound) { settings_.sound = sound; }
    // Adds a finished routine to the history (the oldest dropped past kRoutineHistoryMax).
    void recordRoutine(RoutineRecord record);
    // Writes the settings with what the app shows now. A failure is said once; the settings
    // then last until the trainer quits.
    void save();

private:
    const World& world_;
    const GraphicsContext& graphics_;
    ui::OverlayState& notices_;
    Settings settings_;
    std::filesystem::path path_;
    bool unsaved_ = false;  // the last save failed (reported once)
};

} // namespace app
