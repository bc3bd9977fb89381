// The routine being practised: opening a routine file (--routine, a dropped file, the panel's
// list), playing it through the lesson session's player (lessons/routine_player.h), saving
// routines built in the panel to the config dir, and a record in the settings' history each
// time one is played to its end.
#pragma once

#include "app/options.h"
#include "app/paths.h"
#include "core/error.h"
#include "lessons/routine_player.h"

#include <filesystem>
#include <string>
#include <vector>

namespace ui {
struct OverlayState;
}

namespace app {

class LessonSession;
class SettingsSync;
struct World;

// A routine file the panel lists: a shipped example or one the user saved.
struct RoutineFileInfo {
    std::filesystem::path path;
    std::string title;
    bool shipped = false;
};

// Where saved routines go: routines/ beside the settings file (HT_CONFIG_DIR honoured).
std::filesystem::path savedRoutinesFolder();
// "My stretch: day 1" -> "my_stretch_day_1", a file name safe on every system; never empty.
std::string routineFileStem(const std::string& title);

class RoutineSession {
public:
    // `saveHistory`: write the settings when a routine is finished (not in automation).
    RoutineSession(World& world, LessonSession& lessons, SettingsSync& settings, ui::OverlayState& notices, bool saveHistory)
        : world_(world), lessons_(lessons), settings_(settings), notices_(notices), saveHistory_(saveHistory)
    {
    }

    // --routine FILE (with --time: that many seconds into it).
    core::Status openFromOptions(const Options& options, const DataPaths& paths);
    // Reads a routine file and plays it; a problem is shown (file:line:column) and returned.
    core::Status open(const std::filesystem::path& file);
    core::Status play(const content::Routine& routine);
    void stop();
    void skip();
    void previous();
    // Jumps to `elapsedS` on the routine's timeline (reproducible pictures and tests).
    void seek(double elapsedS);
    // Once a frame, after the lesson player advanced by `dtS`.
    void update(double dtS);
    // Writes the routine to savedRoutinesFolder()/<stem of its title>.toml; returns the path.
    core::Expected<std::filesystem::path> save(const content::Routine& routine);

    // Shipped examples first, then the user's, each by title; read again by refreshFiles().
    // Empty until the lessons have loaded: a routine is read against them.
    const std::vector<RoutineFileInfo>& routineFiles() const { return files_; }
    void refreshFiles();
    const lessons::RoutinePlayer& player() const { return player_; }
    bool playing() const;
    lessons::RoutinePosition position() const;
    std::size_t historySize() const;   // routines finished, as the settings hold them

private:
    void recordFinished();

    World& world_;
    LessonSession& lessons_;
    SettingsSync& settings_;
    ui::OverlayState& notices_;
    bool saveHistory_;
    std::filesystem::path shippedFolder_;   // scenes/routines
    lessons::RoutinePlayer player_;
    std::vector<RoutineFileInfo> files_;
    bool filesListed_ = false;  // listed once the lessons they name are in (they may load behind the first frames)
};

} // namespace app
