#include "app/input_script.h"

#include "core/file.h"
#include "core/text.h"
#include "scene/toml_reader.h"

#include <algorithm>

namespace app {

core::Expected<std::vector<ScriptedInput>> parseInputScript(std::string_view text, const std::string& path)
{
    auto table = scene::parseTomlText(text, path);
    if (!table) return table.error();
    scene::TomlErrors errors{path, {}};
    scene::TableReader root(*table, "", errors);
    root.rejectUnknownKeys({"event"});
    std::vector<ScriptedInput> script;
    const std::vector<std::string> types{"move",   "click",    "double_click", "down",    "up",
                                         "wheel",  "key",      "key_down",     "key_up",  "resize",
                                         "minimise", "restore", "display",     "context_lost"};
    if (const toml::array* events = root.array("event", true)) {
        for (std::size_t i = 0; i < events->size(); ++i) {
            const std::string field = "event[" + std::to_string(i) + "]";
            const toml::table* entry = events->get(i)->as_table();
            if (!entry) {
                errors.add(events->get(i), field, "expected an [[event]] table");
                continue;
            }
            scene::TableReader reader(*entry, field, errors);
            reader.rejectUnknownKeys({"frame", "type", "x", "y", "button", "wheel", "key", "shift", "ctrl", "alt", "width",
                                     "height", "display", "dpi"});
            const int frame = int(reader.number("frame", true, 0.0, 1e7).value_or(0.0));
            const std::string type = reader.string("type", true).value_or("move");
            if (std::find(types.begin(), types.end(), type) == types.end()) {
                reader.error("type", core::withSuggestion("unknown event type '" + type + "'", type, types));
                continue;
            }
            platform::SyntheticInput input;
            input.position = {float(reader.number("x", false, -1e5, 1e5).value_or(0.0)),
                              float(reader.number("y", false, -1e5, 1e5).value_or(0.0))};
            input.modifiers = {reader.boolean("shift", false).value_or(false), reader.boolean("ctrl", false).value_or(false),
                               reader.boolean("alt", false).value_or(false)};
            const std::string button = reader.string("button", false).value_or("left");
            if (button == "right") input.button = platform::MouseButton::Right;
            else if (button == "middle") input.button = platform::MouseButton::Middle;
            else if (button != "left") reader.error("button", "button is left, right or middle");
            const bool keyEvent = type.rfind("key", 0) == 0;
            if (keyEvent) {
                const std::string name = reader.string("key", true).value_or("");
                auto key = platform::keyFromName(name);
                if (!key) {
                    reader.error("key", "unknown key '" + name + "' (names as in the F1 help, e.g. PageDown, F12, A)");
                    continue;
                }
                input.key = *key;
            }
            auto add = [&](int at, platform::SyntheticInput::Type kind, int clicks = 1) {
                ScriptedInput scripted{at, input};
                scripted.input.type = kind;
                scripted.input.clicks = clicks;
                script.push_back(scripted);
            };
            using T = platform::SyntheticInput::Type;
            if (type == "move") add(frame, T::MouseMove);
            else if (type == "down") add(frame, T::MouseDown);
            else if (type == "up") add(frame, T::MouseUp);
            else if (type == "key_down") add(frame, T::KeyDown);
            else if (type == "key_up") add(frame, T::KeyUp);
            else if (type == "key") {
                add(frame, T::KeyDown);
                add(frame + 1, T::KeyUp);
            } else if (type == "wheel") {
                input.wheel = float(reader.number("wheel", true, -100.0, 100.0).value_or(0.0));
                add(frame, T::Wheel);
            } else if (type == "resize") {
                input.size = {int(reader.number("width", true, 1.0, 16384.0).value_or(1.0)),
                              int(reader.number("height", true, 1.0, 16384.0).value_or(1.0))};
                add(frame, T::Resize);
            } else if (type == "minimise") {
                add(frame, T::Minimise);
            } else if (type == "restore") {
                add(frame, T::Restore);
            } else if (type == "display") {
                input.display = int(reader.number("display", false, 0.0, 64.0).value_or(0.0));
                input.dpi = float(reader.number("dpi", true, 24.0, 1200.0).value_or(96.0));
                add(frame, T::DisplayChange);
            } else if (type == "context_lost") {
                add(frame, T::MouseMove);
                script.back().contextLost = true;
            } else if (type == "click" || type == "double_click") {
                add(frame, T::MouseMove);
                add(frame + 1, T::MouseDown);
                add(frame + 2, T::MouseUp);
                if (type == "double_click") {
                    add(frame + 3, T::MouseDown, 2);
                    add(frame + 4, T::MouseUp, 2);
                }
            }
        }
    }
    if (!errors.empty()) return scene::summarise(errors);
    std::stable_sort(script.begin(), script.end(), [](const ScriptedInput& a, const ScriptedInput& b) { return a.frame < b.frame; });
    return script;
}

core::Expected<std::vector<ScriptedInput>> loadInputScript(const std::string& path)
{
    auto text = core::readTextFile(path);
    if (!text) return text.error();
    return parseInputScript(*text, path);
}

} // namespace app
