// Where the docked panels sit each frame: Explore and the stretch map on the left, the lessons on
// the right, the physiology panel along the bottom between them; in a small window (or with
// large text) the panels stack in one right-hand column so the model keeps the rest.
// A pure function of the window and font size, so the layout is tested without ImGui.
#pragma once

#include <glm/vec2.hpp>

namespace ui {

// A panel's place in window pixels (origin top left); a closed panel has size zero.
struct DockRect {
    glm::vec2 position{0.0f};
    glm::vec2 size{0.0f};

    bool empty() const { return size.x <= 0.0f || size.y <= 0.0f; }
    float right() const { return position.x + size.x; }
    float bottom() const { return position.y + size.y; }
};

struct DockRequest {
    glm::vec2 workPosition{0.0f};   // the window below the menu bar
    glm::vec2 workSize{0.0f};
    float fontPixels = 17.0f;
    float titleBarPixels = 23.0f;   // a window's title bar (ImGui::GetFrameHeight)
    bool explore = false;
    bool exploreFolded = false;     // Explore showed only its title bar last frame
    bool lessons = false;
    bool physiology = false;
    bool stretchMap = false;
    bool quiz = false;              // a quiz card is open
};

struct DockLayout {
    // One right-hand column for everything (small windows, large text); Explore then starts
    // folded so the lesson text keeps its room.
    bool stacked = false;
    // Explore: its top-left corner and the largest size it may grow to (it sizes to its content).
    DockRect explore;
    DockRect lessons;
    DockRect physiology;
    DockRect stretchMap;
    // The box the quiz card fits in: side by side, the model's part of the window (the card sits
    // at its bottom, centred, over no docked panel); stacked, its own slot in the column.
    DockRect quiz;
};

// Natural height of the physiology panel at this font size: a line of status and three plots.
float physiologyPanelHeight(float fontPixels);

DockLayout layoutDockedPanels(const DockRequest& request);

} // namespace ui
