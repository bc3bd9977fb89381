#include "app/routine_session.h"

#include "app/lesson_session.h"
#include "app/settings_sync.h"
#include "app/world.h"
#include "core/file.h"
#include "core/log.h"
#include "ui/overlay.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace app {
namespace fs = std::filesystem;

fs::path savedRoutinesFolder()
{
    return settingsPath().parent_path() / "routines";
}

std::string routineFileStem(const std::string& title)
{
    std::string stem;
    for (char c : title) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte))
            stem += char(std::tolower(byte));
        else if (!stem.empty() && stem.back() != '_')
            stem += '_';   // spaces, punctuation and non-ASCII letters become one separator
    }
    while (!stem.empty() && stem.back() == '_') stem.pop_back();
    if (stem.size() > 60) stem.resize(60);
    return stem.empty() ? "routine" : stem;
}

core::Status RoutineSession::openFromOptions(const Options& options, const DataPaths& paths)
{
    shippedFolder_ = paths.scenes() / "routines";
    if (lessons_.loadedLibrary()) refreshFiles();  // else once they are in (update)
    if (options.routinePath.empty()) return {};
    if (core::Status opened = open(options.routinePath); !opened) return opened;
    if (options.stepTimeS >= 0.0) {
        const double totalS = player_.plan()->totalS();
        if (options.stepTimeS > totalS) {
            char message[120];
            std::snprintf(message, sizeof message, "the routine lasts %g s: times from 0 to %g", totalS, totalS);
            return core::Error{options.routinePath, 0, 0, "--time", message};
        }
        seek(options.stepTimeS);
        lessons_.settleMuscles();
    }
    lessons_.update();
    world_.camera.update(60.0f);   // the opening view appears at once, without a glide
    return {};
}

core::Status RoutineSession::open(const fs::path& file)
{
    auto routine = content::loadRoutineFile(file.string(), lessons::routineContext(lessons_.library()));
    if (!routine) {
        core::logError("routine", routine.error().describe());
        ui::notify(notices_, "Routine not opened: " + routine.error().describe(), 10.0);
        return routine.error();
    }
    return play(*routine);
}

core::Status RoutineSession::play(const content::Routine& given)
{
    content::Routine routine = given;
    if (routine.id.empty()) routine.id = routineFileStem(routine.title);   // built in the panel, not yet saved
    auto plan = lessons::planRoutine(routine, lessons::routineContext(lessons_.library()));
    if (!plan) {
        ui::notify(notices_, "Routine not played: " + plan.error().describe(), 10.0);
        return plan.error();
    }
    lessons_.rememberProgress();   // of the lesson that was playing, if any
    player_.start(std::move(*plan), lessons_.player(), world_.scene.pose());
    core::logInfo("routine", "playing '", routine.title, "': ", routine.entries.size(), " entries, ", player_.plan()->totalS(), " s");
    return {};
}

void RoutineSession::stop()
{
    if (playing()) lessons_.stop();
    player_.stop();
}

void RoutineSession::skip()
{
    player_.skip(lessons_.player());
}

void RoutineSession::previous()
{
    player_.previous(lessons_.player());
}

void RoutineSession::seek(double elapsedS)
{
    const lessons::RoutinePlan* plan = player_.plan();
    if (!plan || !playing()) return;
    lessons::LessonPlayer& player = lessons_.player();
    for (int segment = 0; segment < int(plan->segments.size()); ++segment) {
        const double startS = plan->segmentStartS(segment);
        const double routeS = plan->routeS[std::size_t(segment)];
        const double durationS = plan->lesson.steps[std::size_t(segment)].durationS();
        if (elapsedS < startS + routeS + durationS || segment + 1 == int(plan->segments.size())) {
            if (player.stepIndex() != segment) player.goToStep(segment);
            player.scrub(elapsedS - startS - routeS);   // a time on the way in shows the step's start
            return;
        }
    }
}

void RoutineSession::update(double dtS)
{
    if (!filesListed_ && lessons_.loadedLibrary()) refreshFiles();
    if (player_.active() && !player_.drives(lessons_.player())) {
        player_.stop();   // another lesson was started, or the lesson was stopped
        return;
    }
    if (player_.update(lessons_.player(), dtS)) recordFinished();
}

bool RoutineSession::playing() const
{
    return player_.drives(lessons_.player());
}

lessons::RoutinePosition RoutineSession::position() const
{
    return player_.position(lessons_.player());
}

std::size_t RoutineSession::historySize() const
{
    return settings_.settings().routineHistory.size();
}

void RoutineSession::recordFinished()
{
    const lessons::RoutinePlan& plan = *player_.plan();
    RoutineRecord record;
    record.routine = plan.routine.title;
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M", &local);
    record.finished = stamp;
    record.entries = plan.entryCount();
    record.entriesDone = player_.entriesDone();
    record.totalSeconds = int(std::lround(player_.playedS()));
    settings_.recordRoutine(record);
    core::logInfo("routine", "finished '", record.routine, "': ", record.entriesDone, " of ", record.entries, " entries in ",
                  record.totalSeconds, " s");
    ui::notify(notices_, "Routine finished: " + record.routine, 6.0);
    if (saveHistory_) settings_.save();
}

core::Expected<fs::path> RoutineSession::save(const content::Routine& routine)
{
    const fs::path folder = savedRoutinesFolder();
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) return core::makeFileError(folder.string(), "cannot create the folder: " + ec.message());
    const fs::path path = folder / (routineFileStem(routine.title) + ".toml");
    if (core::Status written = core::writeFileAtomic(path, content::serialiseRoutine(routine)); !written) return written.error();
    // Read back as any routine file is, so what was saved is known to open.
    auto check = content::loadRoutineFile(path.string(), lessons::routineContext(lessons_.library()));
    if (!check) return check.error();
    refreshFiles();
    return path;
}

void RoutineSession::refreshFiles()
{
    files_.clear();
    filesListed_ = true;
    const content::RoutineContext context = lessons::routineContext(lessons_.library());
    for (const auto& [folder, shipped] : {std::pair{shippedFolder_, true}, std::pair{savedRoutinesFolder(), false}}) {
        std::error_code ec;
        if (folder.empty() || !fs::is_directory(folder, ec)) continue;
        std::vector<RoutineFileInfo> found;
        for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
            if (entry.path().extension() != ".toml") continue;
            auto routine = content::loadRoutineFile(entry.path().string(), context);
            found.push_back({entry.path(), routine ? routine->title : entry.path().stem().string() + " (has a problem)", shipped});
        }
        std::sort(found.begin(), found.end(), [](const RoutineFileInfo& a, const RoutineFileInfo& b) { return a.title < b.title; });
        files_.insert(files_.end(), found.begin(), found.end());
    }
}

} // namespace app
