// What the trainer remembers between runs: text size, theme, layers, window placement, sound
// and lesson progress, in $XDG_CONFIG_HOME/hamstring-trainer/settings.toml. Saved atomically, so
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
