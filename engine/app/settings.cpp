#include "app/settings.h"

#include "core/file.h"
#include "content/toml_reader.h"

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

core::Expected<Settings> parseSettings(std::string_view text, const std::string& path)
{
    auto table = content::parseTomlText(text, path);
    if (!table) return table.error();
    content::TomlErrors errors{path, {}};
    content::TableReader root(*table, "", errors);
    root.rejectUnknownKeys({"font_scale", "high_contrast", "fullscreen", "window", "layers", "last_lesson", "lessons", "sound"});
    Settings settings;
    settings.fontScale = float(root.number("font_scale", false, 0.5, 4.0).value_or(1.0));
    settings.highContrast = root.boolean("high_contrast", false).value_or(false);
    settings.fullscreen = root.boolean("fullscreen", false).value_or(false);
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
    return out.str();
}

core::Status saveSettings(const Settings& settings, const fs::path& path)
{
    return core::writeFileAtomic(path, serialiseSettings(settings));
}

} // namespace app
