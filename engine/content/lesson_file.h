// Loading and validating lesson files. Every problem comes back as
// "file:line:column: field: what is wrong", with a suggestion for near misses.
#pragma once

#include "core/error.h"
#include "core/file.h"
#include "content/glossary.h"
#include "content/lesson.h"
#include "content/pose_library.h"
#include "content/sources.h"

#include <optional>
#include <string>
#include <vector>

namespace content {

// The longest texts and lists a lesson may hold, in characters (UTF-8 code points) and items.
// Each is several times what the shipped lessons use. They keep every text well within what
// the panels can draw: Dear ImGui draws one wrapped text from a single block of 16-bit indices,
// about 16,000 visible characters, and a longer one stopped the program.
struct LessonLimits {
    int titleChars = 120;      // a lesson's or a step's title
    int summaryChars = 1000;
    int textChars = 4000;      // a step's text
    int bullets = 12;
    int bulletChars = 300;
    int cueChars = 120;
    int steps = 50;
    int keys = 50;             // key poses in one step
    int props = 20;
    int listItems = 50;        // sources, highlighted structures
};
inline constexpr LessonLimits kLessonLimits;

struct LessonContext {
    const PoseLibrary* poses = nullptr;
    const SourceList* sources = nullptr;
    std::vector<std::string> structures;   // names a step may highlight ("semitendinosus", "femur", ...)
    // Terms lessons may mark ([[term]]); null: marks are checked for form only.
    const Glossary* glossary = nullptr;
    // Where key and partner poses settled before are kept, shared by lessons loaded together;
    // null: each is settled afresh.
    SettledPoses* settled = nullptr;
};

// What is wrong with a text for the screen, if anything: longer than `maxChars` (UTF-8 code
// points), or holding a control character other than a line break or tab. `what` names the
// holder in the message ("a title").
std::optional<std::string> textProblem(std::string_view text, int maxChars, std::string_view what);

core::Expected<Lesson> parseLesson(std::string_view text, const std::string& path, const LessonContext& context);
inline core::Expected<Lesson> loadLessonFile(const std::string& path, const LessonContext& context)
{
    return core::parseTextFile(path, [&](std::string_view text, const std::string& file) { return parseLesson(text, file, context); });
}

} // namespace content
