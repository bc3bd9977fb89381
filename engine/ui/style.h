// Fonts and themes. Text is drawn from a scalable TrueType font (DejaVu Sans from Debian's
// fonts-dejavu-core) baked at the exact pixel sizes in use, so it stays crisp from a laptop
// to a 4K projector; the presenter sizes follow the screen height.
#pragma once

#include <string>

struct ImFont;
struct ImVec4;

namespace ui {

struct FontSet {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;          // bold, a little larger
    ImFont* presenter = nullptr;        // projector captions
    ImFont* presenterHeading = nullptr;
    float bodyPixels = 0.0f;
    float presenterPixels = 0.0f;
    std::string file;                   // the TTF used; empty: ImGui's built-in bitmap font
};

// Rebuilds the font atlas for these sizes (the renderer must re-upload it afterwards).
const FontSet& loadFonts(float bodyPixels, float presenterPixels);
const FontSet& fonts();

// Presenter caption size for a screen: a line of text is 1/28 of the screen height
// (39 px at 1080p, 77 px at 2160p), readable from the back of a classroom.
float presenterPixelsFor(int screenHeightPixels);

// Call between Begin and End of a window the user can move: keeps it below the menu bar and
// inside the screen, so a window shrunk to nothing and grown again, or a drag past the edge,
// never leaves a panel out of reach.
void keepWindowInView();

// Text wrapped at the window's edge, in `color` when one is given (panels' paragraphs).
void wrappedText(const std::string& text, const ImVec4* color = nullptr);

// Calm dark panels; or white on black with yellow accents and strong borders.
void applyTheme(float scale, bool highContrast);

} // namespace ui
