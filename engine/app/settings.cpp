#include "app/settings.h"

#include "core/file.h"
#include "content/toml_reader.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <sstream>

namespace app {
namespace fs = std::filesystem;

fs::path settingsPath()
{
    if (const char* dir = std::getenv("HT_CONFIG_DIR"); dir && *dir) return fs::path(dir) / "settings.toml";
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return fs::path(xdg) / "hamstring-trainer" / "settings.toml";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".config" / "hamstring-trainer" / "settings.toml";
    return fs::path("hamstring-trainer-settings.toml");
}

namespace {

// "2026-12-05 21:30" (local time, minutes): true when it reads as a real date and time.
bool validStamp(const std::string& stamp)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0;
    char end = 0;
    if (std::sscanf(stamp.c_str(), "%4d-%2d-%2d %2d:%2d%c", &year, &month, &day, &hour, &minute, &end) != 5) return false;
    return stamp.size() == 16 && year >= 2000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 &&
           hour <= 23 && minute >= 0 && minute <= 59;
}

// [[routine_history]] tables; a malformed one is reported like any other setting.
void readRoutineHistory(content::TableReader& root, std::vector<RoutineRecord>& history)
{
    root.eachTableIn("routine_history", false, "expected a [[routine_history]] table", [&](std::size_t, content::TableReader& reader) {
        reader.rejectUnknownKeys({"routine", "finished", "entries_done", "entries", "seconds"});
        RoutineRecord record;
        record.routine = reader.string("routine", true).value_or("");
        record.finished = reader.string("finished", true).value_or("");
        if (reader.has("finished") && !record.finished.empty() && !validStamp(record.finished))
            reader.error("finished", "expected a local date and time as \"2026-12-05 21:30\"");
        record.entries = int(reader.number("entries", true, 1.0, 1000.0).value_or(1.0));
        record.entriesDone = int(reader.number("entries_done", true, 0.0, double(record.entries)).value_or(0.0));
        record.totalSeconds = int(reader.number("seconds", true, 0.0, 24.0 * 3600.0).value_or(0.0));
        history.push_back(std::move(record));
    });
    if (history.size() > kRoutineHistoryMax) history.erase(history.begin(), history.end() - std::ptrdiff_t(kRoutineHistoryMax));
}

// Days since 1970-01-01 of a "YYYY-MM-DD..." text (calendar days, no time zone).
std::optional<long> dayNumber(const std::string& stamp)
{
    int year = 0;
    unsigned month = 0, day = 0;
    if (std::sscanf(stamp.c_str(), "%4d-%2u-%2u", &year, &month, &day) != 3) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!date.ok()) return std::nullopt;
    return long(std::chrono::sys_days{date}.time_since_epoch().count());
}

} // namespace

RoutineHistorySummary summariseHistory(const std::vector<RoutineRecord>& history, const std::string& today)
{
    RoutineHistorySummary summary;
    const std::optional<long> todayNumber = dayNumber(today);
    if (!todayNumber) return summary;
    std::set<long> days;
    for (const RoutineRecord& record : history) {
        const std::optional<long> day = dayNumber(record.finished);
        if (!day || *day > *todayNumber) continue;
        days.insert(*day);
        if (*todayNumber - *day < 7) ++summary.thisWeek;
    }
    // A streak still counts on a day not yet practised, as long as yesterday was.
    long day = days.count(*todayNumber) ? *todayNumber : *todayNumber - 1;
    while (days.count(day)) {
        ++summary.streakDays;
        --day;
    }
    return summary;
}

core::Expected<Settings> parseSettings(std::string_view text, const std::string& path)
{
    auto table = content::parseTomlText(text, path);
    if (!table) return table.error();
    content::TomlErrors errors{path, {}};
    content::TableReader root(*table, "", errors);
    root.rejectUnknownKeys({"font_scale", "high_contrast", "fullscreen", "window", "layers", "last_lesson", "lessons", "sound", "routine_history", "close_up"});
    Settings settings;
    settings.fontScale = float(root.number("font_scale", false, 0.5, 4.0).value_or(1.0));
    settings.highContrast = root.boolean("high_contrast", false).value_or(false);
    settings.fullscreen = root.boolean("fullscreen", false).value_or(false);
    settings.closeUp = root.boolean("close_up", false).value_or(true);
    settings.lastLesson = root.string("last_lesson", false).value_or("");
    if (const toml::array* window = root.array("window", false)) {
        std::array<int, 4> values{};
        bool good = window->size() == 4;
        for (std::size_t i = 0; good && i < 4; ++i) {
            auto value = window->get(i)->value<int64_t>();
            good = value.has_value() && *value > -100000 && *value < 100000;
            if (good) values[i] = int(*value);
        }
        if (good && values[2] > 0 && values[3] > 0)
            settings.window = values;
        else
            root.error("window", "expected [x, y, width, height] in pixels");
    }
    if (const toml::table* layers = root.subtable("layers", false)) {
        content::TableReader layerReader(*layers, "layers", errors);
        settings.layersSaved = true;
        for (const content::LayerInfo& info : content::layerInfos()) {
            settings.layerOpacity[std::size_t(info.id)] = 1.0f;
            settings.layerVisible[std::size_t(info.id)] = true;
            const toml::table* layer = layerReader.subtable(info.key, false);
            if (!layer) continue;
            content::TableReader reader(*layer, layerReader.field(info.key), errors);
            settings.layerOpacity[std::size_t(info.id)] = float(reader.number("opacity", false, 0.0, 1.0).value_or(1.0));
            settings.layerVisible[std::size_t(info.id)] = reader.boolean("visible", false).value_or(true);
        }
    }
    if (const toml::table* sound = root.subtable("sound", false)) {
        content::TableReader reader(*sound, "sound", errors);
        reader.rejectUnknownKeys({"volume", "voice", "mute"});
        settings.sound.volumePercent = int(reader.number("volume", false, 0.0, 100.0).value_or(80.0));
        settings.sound.voice = reader.boolean("voice", false).value_or(true);
        settings.sound.mute = reader.boolean("mute", false).value_or(false);
    }
    if (const toml::table* lessons = root.subtable("lessons", false)) {
        for (const auto& [key, value] : *lessons) {
            const std::string id(key.str());
            const toml::table* entry = value.as_table();
            if (!entry) {
                errors.add(&value, "lessons." + id, "expected a table");
                continue;
            }
            content::TableReader reader(*entry, "lessons." + id, errors);
            LessonProgress progress;
            progress.lastStep = int(reader.number("last_step", false, 0.0, 10000.0).value_or(0.0));
            if (const toml::array* done = reader.array("completed", false))
                for (std::size_t i = 0; i < done->size(); ++i)
                    if (auto step = done->get(i)->value<int64_t>(); step && *step >= 0 && *step < 10000)
                        progress.completedSteps.insert(int(*step));
            settings.lessons[id] = progress;
        }
    }
    readRoutineHistory(root, settings.routineHistory);
    if (!errors.empty()) return content::summarise(errors);
    return settings;
}

namespace {

std::string quoted(const std::string& text)
{
    std::ostringstream out;
    out << toml::value<std::string>(text);
    return out.str();
}

} // namespace

LoadedSettings loadSettings(const fs::path& path)
{
    LoadedSettings loaded;
    std::error_code ec;
    if (!fs::exists(path, ec)) return loaded;
    auto text = core::readTextFile(path);
    if (!text) {
        loaded.problem = text.error();
        return loaded;
    }
    auto settings = parseSettings(*text, path.string());
    if (settings) {
        loaded.settings = std::move(*settings);
        return loaded;
    }
    loaded.problem = settings.error();
    // Keep the user's file: move it aside so it can be read or mended, then start afresh.
    fs::path aside = path;
    aside += ".corrupt-" + std::to_string(std::time(nullptr));
    fs::rename(path, aside, ec);
    if (!ec) loaded.setAside = aside;
    return loaded;
}

std::string serialiseSettings(const Settings& settings)
{
    std::ostringstream out;
    out << "# Hamstring Trainer settings, written by the app. Safe to edit while it is closed.\n";
    out << "font_scale = " << settings.fontScale << "\n";
    out << "high_contrast = " << (settings.highContrast ? "true" : "false") << "\n";
    out << "fullscreen = " << (settings.fullscreen ? "true" : "false") << "\n";
    out << "close_up = " << (settings.closeUp ? "true" : "false") << "\n";
    if (settings.window)
        out << "window = [" << (*settings.window)[0] << ", " << (*settings.window)[1] << ", " << (*settings.window)[2]
            << ", " << (*settings.window)[3] << "]\n";
    if (!settings.lastLesson.empty()) out << "last_lesson = " << quoted(settings.lastLesson) << "\n";
    if (settings.layersSaved) {
        for (const content::LayerInfo& info : content::layerInfos()) {
            out << "\n[layers." << info.key << "]\n";
            out << "visible = " << (settings.layerVisible[std::size_t(info.id)] ? "true" : "false") << "\n";
            out << "opacity = " << settings.layerOpacity[std::size_t(info.id)] << "\n";
        }
    }
    out << "\n[sound]\n";
    out << "volume = " << settings.sound.volumePercent << "\n";
    out << "voice = " << (settings.sound.voice ? "true" : "false") << "\n";
    out << "mute = " << (settings.sound.mute ? "true" : "false") << "\n";
    for (const auto& [id, progress] : settings.lessons) {
        out << "\n[lessons." << quoted(id) << "]\n";
        out << "last_step = " << progress.lastStep << "\n";
        out << "completed = [";
        bool first = true;
        for (int step : progress.completedSteps) {
            out << (first ? "" : ", ") << step;
            first = false;
        }
        out << "]\n";
    }
    for (const RoutineRecord& record : settings.routineHistory) {
        out << "\n[[routine_history]]\n";
        out << "routine = " << quoted(record.routine) << "\n";
        out << "finished = " << quoted(record.finished) << "\n";
        out << "entries_done = " << record.entriesDone << "\n";
        out << "entries = " << record.entries << "\n";
        out << "seconds = " << record.totalSeconds << "\n";
    }
    return out.str();
}

core::Status saveSettings(const Settings& settings, const fs::path& path)
{
    return core::writeFileAtomic(path, serialiseSettings(settings));
}

} // namespace app
