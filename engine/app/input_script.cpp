#include "app/input_script.h"

#include "core/enum_names.h"
#include "core/file.h"
#include "core/text.h"
#include "content/toml_reader.h"

#include <algorithm>
#include <optional>

namespace app {
namespace {

// The kinds of [[event]] a script holds, by the word for `type`.
enum class EventType { Move, Click, DoubleClick, Down, Up, Wheel, Key, KeyDown, KeyUp, Resize, Minimise, Restore, Display, ContextLost, Drop };
constexpr auto kEventTypeNames = core::enumNames<EventType>({
    {EventType::Move, "move"},
    {EventType::Click, "click"},
    {EventType::DoubleClick, "double_click"},
    {EventType::Down, "down"},
    {EventType::Up, "up"},
    {EventType::Wheel, "wheel"},
    {EventType::Key, "key"},
    {EventType::KeyDown, "key_down"},
    {EventType::KeyUp, "key_up"},
    {EventType::Resize, "resize"},
    {EventType::Minimise, "minimise"},
    {EventType::Restore, "restore"},
    {EventType::Display, "display"},
    {EventType::ContextLost, "context_lost"},
    {EventType::Drop, "drop"},
});

constexpr auto kButtonNames = core::enumNames<platform::MouseButton>({
    {platform::MouseButton::Left, "left"},
    {platform::MouseButton::Right, "right"},
    {platform::MouseButton::Middle, "middle"},
});

} // namespace

core::Expected<std::vector<ScriptedInput>> parseInputScript(std::string_view text, const std::string& path)
{
    auto table = content::parseTomlText(text, path);
    if (!table) return table.error();
    content::TomlErrors errors{path, {}};
    content::TableReader root(*table, "", errors);
    root.rejectUnknownKeys({"event"});
    std::vector<ScriptedInput> script;
    std::vector<std::string> types;
    for (const auto& entry : kEventTypeNames) types.emplace_back(entry.name);
    if (const toml::array* events = root.array("event", true)) {
        for (std::size_t i = 0; i < events->size(); ++i) {
            const std::string field = "event[" + std::to_string(i) + "]";
            const toml::table* entry = events->get(i)->as_table();
            if (!entry) {
                errors.add(events->get(i), field, "expected an [[event]] table");
                continue;
            }
            content::TableReader reader(*entry, field, errors);
            reader.rejectUnknownKeys({"frame", "type", "x", "y", "button", "wheel", "key", "shift", "ctrl", "alt", "width",
                                     "height", "display", "dpi", "path"});
            const int frame = int(reader.number("frame", true, 0.0, 1e7).value_or(0.0));
            const std::string typeName = reader.string("type", true).value_or("move");
            const std::optional<EventType> type = kEventTypeNames.parse(typeName);
            if (!type) {
                reader.error("type", core::withSuggestion("unknown event type '" + typeName + "'", typeName, types));
                continue;
            }
            platform::SyntheticInput input;
            input.position = {float(reader.number("x", false, -1e5, 1e5).value_or(0.0)),
                              float(reader.number("y", false, -1e5, 1e5).value_or(0.0))};
            input.modifiers = {reader.boolean("shift", false).value_or(false), reader.boolean("ctrl", false).value_or(false),
                               reader.boolean("alt", false).value_or(false)};
            const std::string button = reader.string("button", false).value_or("left");
            if (const std::optional<platform::MouseButton> known = kButtonNames.parse(button))
                input.button = *known;
            else
                reader.error("button", "button is " + kButtonNames.choices());
            const bool keyEvent = *type == EventType::Key || *type == EventType::KeyDown || *type == EventType::KeyUp;
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
            switch (*type) {
            case EventType::Move: add(frame, T::MouseMove); break;
            case EventType::Down: add(frame, T::MouseDown); break;
            case EventType::Up: add(frame, T::MouseUp); break;
            case EventType::KeyDown: add(frame, T::KeyDown); break;
            case EventType::KeyUp: add(frame, T::KeyUp); break;
            case EventType::Key:
                add(frame, T::KeyDown);
                add(frame + 1, T::KeyUp);
                break;
            case EventType::Wheel:
                input.wheel = float(reader.number("wheel", true, -100.0, 100.0).value_or(0.0));
                add(frame, T::Wheel);
                break;
            case EventType::Resize:
                input.size = {int(reader.number("width", true, 1.0, 16384.0).value_or(1.0)),
                              int(reader.number("height", true, 1.0, 16384.0).value_or(1.0))};
                add(frame, T::Resize);
                break;
            case EventType::Minimise: add(frame, T::Minimise); break;
            case EventType::Drop:
                input.path = reader.string("path", true).value_or("");
                add(frame, T::DropFile);
                break;
            case EventType::Restore: add(frame, T::Restore); break;
            case EventType::Display:
                input.display = int(reader.number("display", false, 0.0, 64.0).value_or(0.0));
                input.dpi = float(reader.number("dpi", true, 24.0, 1200.0).value_or(96.0));
                add(frame, T::DisplayChange);
                break;
            case EventType::ContextLost:
                add(frame, T::MouseMove);
                script.back().contextLost = true;
                break;
            case EventType::Click:
            case EventType::DoubleClick:
                add(frame, T::MouseMove);
                add(frame + 1, T::MouseDown);
                add(frame + 2, T::MouseUp);
                if (*type == EventType::DoubleClick) {
                    add(frame + 3, T::MouseDown, 2);
                    add(frame + 4, T::MouseUp, 2);
                }
                break;
            }
        }
    }
    if (!errors.empty()) return content::summarise(errors);
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
