#include "content/routine_file.h"

#include "core/text.h"
#include "content/toml_reader.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

namespace content {
namespace {

const Lesson* findLesson(const RoutineContext& context, const std::string& id)
{
    for (const Lesson* lesson : context.lessons)
        if (lesson->id == id) return lesson;
    return nullptr;
}

std::vector<std::string> lessonIds(const RoutineContext& context)
{
    std::vector<std::string> ids;
    for (const Lesson* lesson : context.lessons) ids.push_back(lesson->id);
    return ids;
}

std::string limitedText(TableReader& reader, std::string_view key, bool required, int maxChars, std::string_view what)
{
    std::string text = reader.string(key, required).value_or("");
    if (auto problem = textProblem(text, maxChars, what)) reader.error(key, *problem);
    return text;
}

// A whole number from `min` to `max`; a fraction is reported as such.
std::optional<int> wholeNumber(TableReader& reader, std::string_view key, bool required, int min, int max)
{
    const auto number = reader.number(key, required, double(min), double(max));
    if (!number) return std::nullopt;
    if (*number != std::floor(*number)) {
        reader.error(key, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max));
        return std::nullopt;
    }
    return int(*number);
}

// The step an entry practises: the one it names (counted from 1, as a reader counts the
// [[step]] tables), else the lesson's practice step.
void readStep(TableReader& reader, const Lesson& lesson, RoutineEntry& entry)
{
    const int steps = int(lesson.steps.size());
    if (reader.has("step")) {
        if (auto step = wholeNumber(reader, "step", false, 1, std::max(steps, 1))) {
            entry.step = *step - 1;
            entry.stepGiven = true;
        }
        return;
    }
    entry.step = practiceStep(lesson);
    if (entry.step < 0) {
        reader.error("lesson", "'" + lesson.id + "' has no step with a hold or repetitions to practise; name one with step = 1 to " +
                                   std::to_string(steps));
        entry.step = 0;
    }
}

RoutineEntry readEntry(TableReader& reader, const RoutineContext& context, double restBetweenS)
{
    reader.rejectUnknownKeys({"lesson", "step", "title", "repetitions", "hold", "rest", "rest_after"});
    RoutineEntry entry;
    entry.line = int(reader.table().source().begin.line);
    const Lesson* lesson = nullptr;
    if (auto id = reader.string("lesson", true)) {
        entry.lesson = *id;
        lesson = findLesson(context, *id);
        if (!lesson)
            reader.error("lesson", core::withSuggestion("unknown lesson '" + *id + "' (see scenes/lessons)", *id, lessonIds(context)));
    }
    if (lesson) readStep(reader, *lesson, entry);
    entry.title = limitedText(reader, "title", false, kRoutineLimits.titleChars, "a title");
    // Left out, each number is what the lesson step itself uses.
    const LessonStep* step = lesson ? &lesson->steps[std::size_t(entry.step)] : nullptr;
    entry.repetitions = wholeNumber(reader, "repetitions", false, 1, kRoutineLimits.repetitions)
                            .value_or(step ? std::min(step->repetitions, kRoutineLimits.repetitions) : 1);
    entry.holdS = reader.number("hold", false, 0.0, kRoutineLimits.holdS).value_or(step ? std::min(step->holdS, kRoutineLimits.holdS) : 0.0);
    entry.restS = reader.number("rest", false, 0.0, kRoutineLimits.restS).value_or(step ? std::min(step->restS, kRoutineLimits.restS) : 0.0);
    entry.restAfterS = reader.number("rest_after", false, 0.0, kRoutineLimits.restS).value_or(restBetweenS);
    return entry;
}

Routine readRoutine(TableReader& root, const RoutineContext& context)
{
    root.rejectUnknownKeys({"title", "note", "rest_between", "entry"});
    Routine routine;
    routine.path = root.file();
    routine.id = std::filesystem::path(routine.path).stem().string();
    routine.title = limitedText(root, "title", true, kRoutineLimits.titleChars, "a title");
    routine.note = limitedText(root, "note", false, kRoutineLimits.noteChars, "a note");
    const double restBetweenS = root.number("rest_between", false, 0.0, kRoutineLimits.restS).value_or(0.0);
    if (const toml::array* list = root.table().get_as<toml::array>("entry"); list && list->size() > std::size_t(kRoutineLimits.entries)) {
        root.error("entry", std::to_string(list->size()) + " entries, more than the " + std::to_string(kRoutineLimits.entries) +
                                " a routine may have");
        return routine;
    }
    const toml::array* entries = root.eachTableIn("entry", true, "expected an [[entry]] table", [&](std::size_t, TableReader& entry) {
        routine.entries.push_back(readEntry(entry, context, restBetweenS));
    });
    if (entries && entries->empty()) root.error("entry", "a routine needs at least one [[entry]]");
    if (!routine.entries.empty()) routine.entries.back().restAfterS = 0.0;   // nothing follows the last
    return routine;
}

std::string quoted(const std::string& text)
{
    std::ostringstream out;
    out << toml::value<std::string>(text);
    return out.str();
}

} // namespace

int practiceStep(const Lesson& lesson)
{
    int best = -1;
    for (int i = 0; i < int(lesson.steps.size()); ++i) {
        const LessonStep& step = lesson.steps[std::size_t(i)];
        if (step.holdS <= 0.0 && step.repetitions <= 1) continue;
        if (best < 0) {
            best = i;
            continue;
        }
        const LessonStep& chosen = lesson.steps[std::size_t(best)];
        if (step.holdS > chosen.holdS || (step.holdS == chosen.holdS && step.repetitions > chosen.repetitions)) best = i;
    }
    return best;
}

core::Expected<Routine> parseRoutine(std::string_view text, const std::string& path, const RoutineContext& context)
{
    return readTomlText<Routine>(text, path, [&](TableReader& root) { return readRoutine(root, context); });
}

std::string serialiseRoutine(const Routine& routine)
{
    std::ostringstream out;
    out << "# A Hamstring Trainer routine (docs/lesson-format.md, \"Routine files\").\n";
    out << "title = " << quoted(routine.title) << "\n";
    if (!routine.note.empty()) out << "note = " << quoted(routine.note) << "\n";
    for (const RoutineEntry& entry : routine.entries) {
        out << "\n[[entry]]\n";
        out << "lesson = " << quoted(entry.lesson) << "\n";
        out << "step = " << entry.step + 1 << "\n";
        if (!entry.title.empty()) out << "title = " << quoted(entry.title) << "\n";
        out << "repetitions = " << entry.repetitions << "\n";
        out << "hold = " << entry.holdS << "\n";
        out << "rest = " << entry.restS << "\n";
        if (&entry != &routine.entries.back()) out << "rest_after = " << entry.restAfterS << "\n";
    }
    return out.str();
}

} // namespace content
