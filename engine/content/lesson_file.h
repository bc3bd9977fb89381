// Loading and validating lesson files. Every problem comes back as
// "file:line:column: field: what is wrong", with a suggestion for near misses.
#pragma once

#include "core/error.h"
#include "core/file.h"
#include "content/glossary.h"
#include "content/lesson.h"
#include "content/pose_library.h"
#include "content/sources.h"

#include <string>
#include <vector>

namespace content {

struct LessonContext {
    const PoseLibrary* poses = nullptr;
    const SourceList* sources = nullptr;
    std::vector<std::string> structures;   // names a step may highlight ("semitendinosus", "femur", ...)
    // Terms lessons may mark ([[term]]); null: marks are checked for form only.
    const Glossary* glossary = nullptr;
};

core::Expected<Lesson> parseLesson(std::string_view text, const std::string& path, const LessonContext& context);
inline core::Expected<Lesson> loadLessonFile(const std::string& path, const LessonContext& context)
{
    return core::parseTextFile(path, [&](std::string_view text, const std::string& file) { return parseLesson(text, file, context); });
}

} // namespace content
