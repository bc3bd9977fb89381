// The printable lesson handout that --export-lesson writes: one section per step with its
// picture, text, bullets and sources, and the full citations at the end.
#pragma once

#include "content/lesson.h"
#include "content/sources.h"

#include <string>
#include <vector>

namespace app {

// `images[i]` is the file name (relative to the handout) of step i's picture.
std::string renderHandoutHtml(const content::Lesson& lesson, const std::vector<std::string>& images,
                              const content::SourceList& sources);

std::string escapeHtml(const std::string& text);

} // namespace app
