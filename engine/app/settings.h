// What the trainer remembers between runs: text size, theme, layers, window placement, sound,
// the close-up switch, lesson progress and routine history, in $XDG_CONFIG_HOME/hamstring-trainer/settings.toml. Saved atomically, so
// a crash while saving never leaves half a file; a corrupt file is set aside (not deleted)
// and reported, and the defaults are used.
#pragma once

#include "core/error.h"
#include "content/structures.h"

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace app {

struct LessonProgress {
    int lastStep = 0;
    std::set<int> completedSteps;
};

// Sound and voice for guided practice (engine/audio).
struct SoundSettings {
    int volumePercent = 80;   // 0..100
    bool voice = true;        // spoken titles, cues and counts
    bool mute = false;
    bool operator==(const SoundSettings&) const = default;
};

// One routine played to its end (app/routine_session.h), for the history in the routine panel.
struct RoutineRecord {
    std::string routine;       // its title
    std::string finished;      // local date and time, "2026-12-05 21:30"
    int entriesDone = 0;       // entries played to their end (skipped ones are not)
    int entries = 0;
    int totalSeconds = 0;      // time spent playing, pauses left out
    bool operator==(const RoutineRecord&) const = default;
};
// The newest records kept; older ones are dropped as new ones come.
inline constexpr std::size_t kRoutineHistoryMax = 200;

// What the panel shows of the history: sessions in the last seven days (today included) and
// the run of days up to today (or yesterday) with at least one session.
struct RoutineHistorySummary {
    int thisWeek = 0;
    int streakDays = 0;
};
// `today`: "2026-12-05"; records with dates that do not parse are left out.
RoutineHistorySummary summariseHistory(const std::vector<RoutineRecord>& history, const std::string& today);

struct Settings {
    float fontScale = 1.0f;
    bool highContrast = false;
    std::array<float, content::kLayerCount> layerOpacity{};
    std::array<bool, content::kLayerCount> layerVisible{};
    bool layersSaved = false;          // false: use the scene's own layer settings
    std::optional<std::array<int, 4>> window;  // x, y, width, height
    bool fullscreen = false;
    std::string lastLesson;
    std::map<std::string, LessonProgress> lessons;
    SoundSettings sound;
    std::vector<RoutineRecord> routineHistory;   // oldest first
    bool closeUp = true;               // the working hamstrings close up, the whole pose in a corner (app/close_up.h)
};

// $XDG_CONFIG_HOME/hamstring-trainer/settings.toml (or ~/.config/...); HT_CONFIG_DIR overrides.
std::filesystem::path settingsPath();

struct LoadedSettings {
    Settings settings;
    std::optional<core::Error> problem;   // set when the file was corrupt and defaults were used
    std::filesystem::path setAside;       // where the corrupt file was moved, if it was
};

LoadedSettings loadSettings(const std::filesystem::path& path);
core::Expected<Settings> parseSettings(std::string_view text, const std::string& path);
core::Status saveSettings(const Settings& settings, const std::filesystem::path& path);
std::string serialiseSettings(const Settings& settings);

} // namespace app
