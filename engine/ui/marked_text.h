// Step text with glossary terms marked ([[term]], see content/glossary.h): drawn word by word,
// wrapped to the width available, terms coloured and underlined; hovering a term shows its
// plain explanation and a click pins it in a popup until the reader clicks elsewhere.
#pragma once

#include "content/glossary.h"
#include "content/sources.h"

#include <string>
#include <string_view>

// Dear ImGui stays out of this header: the app includes the panels without ImGui's include path.
struct ImVec4;

namespace ui {

struct MarkedTextOptions {
    const content::Glossary* glossary = nullptr;   // null: terms are coloured, nothing explained
    const content::SourceList* sources = nullptr;  // names the explanation's source, when given
    bool interactive = true;                       // false where the window takes no input (presenter)
    float wrapWidth = 0.0f;                        // 0: the width left in the window
    const ImVec4* textColour = nullptr;            // plain words; null: the style's text colour
};

// What the reader did with the terms this frame, kept by the panel between frames.
struct GlossaryState {
    std::string hoveredTerm;   // the term under the mouse this frame, or empty
    std::string pinnedTerm;    // the term whose explanation is pinned open, or empty
};

// Draws `text`; records a hovered or clicked term in `state`.
void drawMarkedText(std::string_view text, const MarkedTextOptions& options, GlossaryState& state);

// The pinned explanation's popup; call once per frame in the window that drew the text.
void drawPinnedTerm(const MarkedTextOptions& options, GlossaryState& state);

} // namespace ui
