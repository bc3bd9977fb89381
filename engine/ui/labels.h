// Names pinned to structures in 3D: a dot on the structure, a leader line, and the name in
// a column beside the model. Labels in a column are spread so they never overlap.
#pragma once

#include "ui/view_area.h"

#include <glm/vec2.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ui {

struct LabelAnchor {
    std::string text;
    glm::vec2 screen{0.0f};   // pixels, origin top left
    bool emphasised = false;  // a structure the lesson points out
};

struct PlacedLabel {
    std::string text;
    glm::vec2 anchor{0.0f};
    glm::vec2 position{0.0f}; // top left of the text box
    glm::vec2 size{0.0f};
    bool leftColumn = false;
    bool emphasised = false;
};

// The text pinned to a structure (its display name, without the side in brackets), or none.
// A structure whose name an open quiz question asks for shows "?" where it is the one
// highlighted for the question, and no label at all otherwise.
std::optional<std::string> structureLabelText(const std::string& displayName, bool emphasised, bool concealed);

// Lays labels out in two columns either side of the anchors, each column spread downward
// then pulled back inside [top, bottom]. Pure function of its input, for tests.
std::vector<PlacedLabel> layoutLabels(std::vector<LabelAnchor> anchors, const std::vector<glm::vec2>& textSizes,
                                      float left, float right, float top, float bottom, float gap);

// Where a label's anchor is drawn this frame: where it was last frame while the structure has
// moved less than `tolerancePx` on screen (a camera easing toward its target, a muscle's small
// shifts while a pose is held), else where it is now, on a whole pixel. Still labels leave the
// overlay exactly as it was, so its kept picture is reused (gfx::CachedOverlay) instead of
// drawing every panel again each frame.
glm::vec2 steadyAnchor(std::optional<glm::vec2> previous, glm::vec2 now, float tolerancePx);

// The room labels have: the window less the docked panels, and beside a picture in picture
// (the close-up's box) only the main view the anchors belong to.
struct LabelBounds {
    float left = 0.0f, right = 0.0f, top = 0.0f, bottom = 0.0f;
};
// Keeps the labels inside `mainView` (a margin in from its edges) and drops the anchors the
// box covers: what lies under the box is not seen in the main view, and a label over the box
// would name something in another picture.
LabelBounds fitLabelsBeside(std::vector<LabelAnchor>& anchors, LabelBounds bounds, const PixelRect& mainView,
                            const PixelRect& box, float margin);

// Measures, lays out and draws the labels on the background draw list (behind panels).
void drawLabels(const std::vector<LabelAnchor>& anchors, float left, float right, float top, float bottom);

} // namespace ui
