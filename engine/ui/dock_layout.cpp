#include "ui/dock_layout.h"

#include <glm/common.hpp>

#include <algorithm>

namespace ui {
namespace {

constexpr float kExploreMarginPixels = 10.0f;   // Explore floats a little off the edges, as it always has

// Widths in font sizes, so large text widens the panels with it.
constexpr float kLeftColumnEm = 21.5f;      // Explore's layer table, and the stretch map's pad
constexpr float kExploreEm = 19.0f;         // Explore's height with its search box
constexpr float kLessonsEm = 22.0f;         // about 40 characters of step text a line
constexpr float kStretchMapEm = 24.0f;      // natural height: head choice, pad, two lines

float lessonsWidth(const DockRequest& request, bool anotherDockOpen)
{
    const float width = request.workSize.x;
    // Beside another docked panel the lesson column gives up width so the model keeps the middle.
    const float cap = anotherDockOpen ? 0.3f : 0.5f;
    return std::min(std::max(kLessonsEm * request.fontPixels, 0.28f * width), cap * width);
}

DockLayout sideBySide(const DockRequest& request)
{
    const glm::vec2 origin = request.workPosition, size = request.workSize;
    const float em = request.fontPixels;
    const bool docks = request.physiology || request.stretchMap;
    DockLayout layout;
    const float lessonsW = request.lessons ? lessonsWidth(request, docks) : 0.0f;
    if (request.lessons) layout.lessons = {{origin.x + size.x - lessonsW, origin.y}, {lessonsW, size.y}};

    const float columnW = std::min(kLeftColumnEm * em, 0.3f * size.x);
    float leftBottom = origin.y + size.y;   // where Explore has to stop
    float bottomLeft = origin.x;            // where the physiology strip starts
    if (request.stretchMap) {
        // Under Explore it leaves Explore its usual height (about 19 lines) where it can.
        const float height = request.explore ? std::min(kStretchMapEm * em, std::max(size.y - kExploreEm * em, 0.45f * size.y))
                                             : std::min(kStretchMapEm * em, size.y);
        layout.stretchMap = {{origin.x, origin.y + size.y - height}, {columnW, height}};
        leftBottom = layout.stretchMap.position.y;
        bottomLeft = layout.stretchMap.right();
    }
    if (request.physiology) {
        const float height = std::min(physiologyPanelHeight(em), 0.35f * size.y);
        const float right = layout.lessons.empty() ? origin.x + size.x : layout.lessons.position.x;
        layout.physiology = {{bottomLeft, origin.y + size.y - height}, {right - bottomLeft, height}};
        if (!request.stretchMap) leftBottom = layout.physiology.position.y;
    }
    if (request.explore) {
        const glm::vec2 corner(origin.x + kExploreMarginPixels, origin.y + kExploreMarginPixels);
        const float right = layout.lessons.empty() ? origin.x + size.x : layout.lessons.position.x;
        const float maxW = request.stretchMap ? columnW - kExploreMarginPixels : right - kExploreMarginPixels - corner.x;
        layout.explore = {corner, {std::max(maxW, 0.0f), std::max(leftBottom - kExploreMarginPixels - corner.y, request.titleBarPixels)}};
    }
    return layout;
}

// Small windows: Explore, lessons and physiology share one column on the right, the stretch map
// keeps the bottom-left corner, and the model has the rest.
DockLayout stacked(const DockRequest& request)
{
    const glm::vec2 origin = request.workPosition, size = request.workSize;
    const float em = request.fontPixels;
    DockLayout layout;
    layout.stacked = true;
    const float columnW = std::min(std::max(kLessonsEm * em, 0.3f * size.x), 0.44f * size.x);
    const float columnX = origin.x + size.x - columnW;
    float top = origin.y;
    float bottom = origin.y + size.y;
    if (request.explore) {
        const float height = request.exploreFolded ? request.titleBarPixels : std::min(18.0f * em, 0.45f * size.y);
        layout.explore = {{columnX, top}, {columnW, height}};
        top += height;
    }
    if (request.quiz) {
        // The question comes first: about fourteen lines (prompt, four answers, the reason).
        const float height = std::min(14.0f * em, 0.6f * (bottom - top));
        layout.quiz = {{columnX, bottom - height}, {columnW, height}};
        bottom -= height;
    }
    if (request.physiology) {
        const float height = std::min(physiologyPanelHeight(em), request.lessons ? 0.55f * (bottom - top) : bottom - top);
        layout.physiology = {{columnX, bottom - height}, {columnW, height}};
        bottom -= height;
    }
    if (request.lessons) layout.lessons = {{columnX, top}, {columnW, std::max(bottom - top, request.titleBarPixels)}};
    if (request.stretchMap) {
        const float width = std::min(17.0f * em, 0.3f * size.x);
        const float height = std::min(kStretchMapEm * em, size.y);
        layout.stretchMap = {{origin.x, origin.y + size.y - height}, {width, height}};
    }
    return layout;
}

// The part between the docks, less a margin: where the quiz card goes.
DockRect quizBox(const DockRequest& request, const DockLayout& layout)
{
    const glm::vec2 origin = request.workPosition, size = request.workSize;
    float left = origin.x, right = origin.x + size.x, bottom = origin.y + size.y;
    if (!layout.stretchMap.empty()) left = layout.stretchMap.right();
    if (!layout.lessons.empty()) right = std::min(right, layout.lessons.position.x);
    if (!layout.physiology.empty()) {
        if (layout.stacked) right = std::min(right, layout.physiology.position.x);
        else bottom = layout.physiology.position.y;
    }
    if (layout.stacked && !layout.explore.empty()) right = std::min(right, layout.explore.position.x);
    const float margin = kExploreMarginPixels;
    return {{left + margin, origin.y + margin}, {std::max(right - left - 2.0f * margin, 0.0f), std::max(bottom - origin.y - 2.0f * margin, 0.0f)}};
}

DockLayout chooseLayout(const DockRequest& request)
{
    DockLayout layout = sideBySide(request);
    // Side by side leaves the model the middle; when that middle gets narrower than two fifths
    // of the window, or too short for a plot strip under Explore, stacking serves it better.
    // With only Explore and the lessons open this matters in small windows alone (below about
    // 800 x 450, where side by side they would cover the whole view).
    const bool docks = request.physiology || request.stretchMap || request.quiz;
    const bool small = request.workSize.x < 800.0f || request.workSize.y < 450.0f;
    if (!docks && !small) return layout;
    const float em = request.fontPixels;
    float middleLeft = request.workPosition.x;
    if (request.stretchMap) middleLeft = layout.stretchMap.right();
    else if (request.explore) middleLeft += std::min(kLeftColumnEm * em, 0.3f * request.workSize.x);
    const float middleRight = layout.lessons.empty() ? request.workPosition.x + request.workSize.x : layout.lessons.position.x;
    const bool narrow = middleRight - middleLeft < 0.4f * request.workSize.x;
    const bool short_ = docks && request.workSize.y < 32.0f * em;
    return narrow || short_ ? stacked(request) : layout;
}

} // namespace

// Whole pixels, so neighbours meet edge to edge (ImGui would floor a fractional corner).
DockRect snapped(const DockRect& rect)
{
    const glm::vec2 low = glm::round(rect.position), high = glm::round(rect.position + rect.size);
    return {low, high - low};
}

DockLayout layoutDockedPanels(const DockRequest& request)
{
    DockLayout layout = chooseLayout(request);
    if (!layout.stacked) layout.quiz = quizBox(request, layout);
    for (DockRect* rect : {&layout.explore, &layout.lessons, &layout.physiology, &layout.stretchMap, &layout.quiz}) *rect = snapped(*rect);
    return layout;
}

float physiologyPanelHeight(float fontPixels)
{
    // Title bar, the control line, three plots with a time axis and four values beside each,
    // and the key to the head colours: about twelve and a half lines.
    return 12.5f * fontPixels;
}

} // namespace ui
