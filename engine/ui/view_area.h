// The part of the window the overlay leaves to the 3D view. Read from Dear ImGui's window list
// after a frame's panels are built, so any layout (docked, floating, presenter caption) counts
// without each panel reporting its size; framing and the coverage measure both use it.
#pragma once

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include <span>
#include <vector>

namespace ui {

// An axis-aligned box in window pixels, origin top left, max exclusive.
struct PixelRect {
    glm::vec2 min{0.0f};
    glm::vec2 max{0.0f};

    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
    float area() const { return width() > 0.0f && height() > 0.0f ? width() * height() : 0.0f; }
    bool empty() const { return area() <= 0.0f; }
    glm::vec2 center() const { return (min + max) * 0.5f; }
    bool overlaps(const PixelRect& other) const
    {
        return min.x < other.max.x && other.min.x < max.x && min.y < other.max.y && other.min.y < max.y;
    }
    bool operator==(const PixelRect&) const = default;
};

// The boxes (framebuffer pixels) of the ImGui windows shown this frame: call between
// ImGui::Render and the next NewFrame. Tooltips, popups and child windows are left out (they
// come and go with the pointer, or lie inside their parent already).
std::vector<PixelRect> overlayWindowRects();

// Begins a panel docked against the window's edges, as ImGui::Begin does (End it as usual),
// with a solid background and square corners: nothing behind it shows, so the scene need not
// be drawn there (ViewArea::shown).
bool beginSolidPanel(const char* name, bool* open, int flags);  // flags: ImGuiWindowFlags
// Marks the current window, whose background is fully opaque and square, as hiding what lies
// behind it this frame (the menu bar, after BeginMainMenuBar).
void markSolidWindow();
// Marks the current window as a notice floating over the scene this frame (a notification, the
// frame-time readout): the view is not framed around it, so a notice that comes and goes does
// not move the model.
void markFloatingWindow();

// The part of a window of `windowPixels` the solid boxes leave showing, as one rectangle:
// boxes that span the rest's full height against its left or right side, or its full width
// against its top or bottom, cut it down. Empty when nothing shows.
PixelRect shownRect(glm::vec2 windowPixels, std::span<const PixelRect> solid);

// `rect` (origin top left) as GL counts pixels in a window `windowHeight` rows high: x, y of
// the bottom-left pixel, width, height, rounded outward to whole pixels.
glm::ivec4 bottomLeftPixels(const PixelRect& rect, float windowHeight);

// The largest rectangle of a window of `windowPixels` that overlaps none of `covered`.
// Empty when nothing is free.
PixelRect largestFreeRect(glm::vec2 windowPixels, std::span<const PixelRect> covered);
// The height of the largest box shaped `aspect` (width over height) that fits in `rect`.
float heightOfBoxShaped(const PixelRect& rect, float aspect);
// The free rectangle that holds the largest box shaped `aspect` (a long subject is framed
// bigger in a wide strip than in a larger square); of those that hold the same box, the
// largest. The whole window when nothing is covered; empty when nothing is free.
PixelRect bestFreeRectFor(glm::vec2 windowPixels, std::span<const PixelRect> covered, float aspect);

// What the overlay leaves free in one frame: the covering boxes and the largest free rectangle.
struct ViewArea {
    glm::vec2 windowPixels{0.0f};
    std::vector<PixelRect> covered;  // floating notices left out (markFloatingWindow)
    PixelRect free;  // the whole window while no overlay is drawn
    PixelRect shown; // the part no solid panel hides (shownRect); the whole window without an overlay
};

// The view area of this frame's overlay (between ImGui::Render and the next NewFrame).
ViewArea currentViewArea(glm::vec2 windowPixels);

} // namespace ui
