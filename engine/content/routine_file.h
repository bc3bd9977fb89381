// Reading and writing routine files. Every problem comes back as "file:line:column: field:
// what is wrong", as for lessons: unknown keys and lessons with a suggestion, numbers out of
// range with the range named, and a step that has no hold to practise.
#pragma once

#include "core/error.h"
#include "core/file.h"
#include "content/lesson.h"
#include "content/lesson_file.h"
#include "content/routine.h"

#include <string>
#include <vector>

namespace content {

// The lessons a routine may name; null entries are not allowed.
struct RoutineContext {
    std::vector<const Lesson*> lessons;
};

// The step of a lesson practised when a routine does not say: the one with the longest hold
// (the first of equals), else the one with the most repetitions; -1 when no step has either.
int practiceStep(const Lesson& lesson);

core::Expected<Routine> parseRoutine(std::string_view text, const std::string& path, const RoutineContext& context);
inline core::Expected<Routine> loadRoutineFile(const std::string& path, const RoutineContext& context)
{
    return core::parseTextFile(path, [&](std::string_view text, const std::string& file) { return parseRoutine(text, file, context); });
}

// The routine as a file parseRoutine reads back to the same routine.
std::string serialiseRoutine(const Routine& routine);

} // namespace content
