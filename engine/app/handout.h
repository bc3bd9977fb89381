// The printable lesson handout that --export-lesson writes: one section per step with its
// picture, text, bullets, evidence box and sources, glossary terms as footnotes explained at
// the end of their step, and the full citations at the end.
#pragma once

#include "content/glossary.h"
#include "content/lesson.h"
#include "content/sources.h"

#include <string>
#include <vector>

namespace app {

// `images[i]` is the file name (relative to the handout) of step i's picture.
// `glossary`: marked terms become footnotes; null: they are printed as plain words.
std::string renderHandoutHtml(const content::Lesson& lesson, const std::vector<std::string>& images,
                              const content::SourceList& sources,
                              const content::Glossary* glossary = nullptr);

std::string escapeHtml(const std::string& text);

} // namespace app
