#include "ui/labels.h"

#include <imgui.h>

#include <glm/common.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ui {

std::optional<std::string> structureLabelText(const std::string& displayName, bool emphasised, bool concealed)
{
    if (concealed) return emphasised ? std::optional<std::string>("?") : std::nullopt;
    return displayName.substr(0, displayName.find(" ("));
}

std::vector<PlacedLabel> layoutLabels(std::vector<LabelAnchor> anchors, const std::vector<glm::vec2>& textSizes, float left,
                                      float right, float top, float bottom, float gap)
{
    std::vector<PlacedLabel> placed;
    if (anchors.empty()) return placed;
    float minX = anchors.front().screen.x, maxX = minX, sumX = 0.0f;
    for (const LabelAnchor& anchor : anchors) {
        minX = std::min(minX, anchor.screen.x);
        maxX = std::max(maxX, anchor.screen.x);
        sumX += anchor.screen.x;
    }
    const float centre = sumX / float(anchors.size());
    const float reach = std::max(40.0f, (right - left) * 0.06f);
    for (std::size_t i = 0; i < anchors.size(); ++i) {
        PlacedLabel label;
        label.text = anchors[i].text;
        label.anchor = anchors[i].screen;
        label.size = textSizes[i];
        label.emphasised = anchors[i].emphasised;
        label.leftColumn = anchors[i].screen.x < centre;
        label.position.x = label.leftColumn ? std::max(left, minX - reach - label.size.x)
                                            : std::min(right - label.size.x, maxX + reach);
        label.position.y = label.anchor.y - label.size.y * 0.5f;
        placed.push_back(std::move(label));
    }
    for (bool leftColumn : {true, false}) {
        std::vector<PlacedLabel*> column;
        for (PlacedLabel& label : placed)
            if (label.leftColumn == leftColumn) column.push_back(&label);
        std::sort(column.begin(), column.end(), [](const PlacedLabel* a, const PlacedLabel* b) { return a->anchor.y < b->anchor.y; });
        // Push down so no two overlap, then back up from the bottom edge if needed.
        float next = top;
        for (PlacedLabel* label : column) {
            label->position.y = std::max(label->position.y, next);
            next = label->position.y + label->size.y + gap;
        }
        float limit = bottom;
        for (auto it = column.rbegin(); it != column.rend(); ++it) {
            PlacedLabel* label = *it;
            label->position.y = std::min(label->position.y, limit - label->size.y);
            limit = label->position.y - gap;
        }
    }
    return placed;
}

glm::vec2 steadyAnchor(std::optional<glm::vec2> previous, glm::vec2 now, float tolerancePx)
{
    if (previous && std::abs(now.x - previous->x) < tolerancePx && std::abs(now.y - previous->y) < tolerancePx) return *previous;
    return glm::round(now);
}

LabelBounds fitLabelsBeside(std::vector<LabelAnchor>& anchors, LabelBounds bounds, const PixelRect& mainView,
                            const PixelRect& box, float margin)
{
    if (!box.empty())
        std::erase_if(anchors, [&](const LabelAnchor& anchor) {
            return anchor.screen.x >= box.min.x && anchor.screen.x <= box.max.x && anchor.screen.y >= box.min.y &&
                   anchor.screen.y <= box.max.y;
        });
    if (mainView.empty()) return bounds;
    bounds.left = std::max(bounds.left, mainView.min.x + margin);
    bounds.right = std::min(bounds.right, mainView.max.x - margin);
    bounds.top = std::max(bounds.top, mainView.min.y + margin);
    bounds.bottom = std::min(bounds.bottom, mainView.max.y - margin);
    return bounds;
}

void drawLabels(const std::vector<LabelAnchor>& anchors, float left, float right, float top, float bottom)
{
    if (anchors.empty()) return;
    const float padding = ImGui::GetFontSize() * 0.3f;
    std::vector<glm::vec2> sizes;
    for (const LabelAnchor& anchor : anchors) {
        const ImVec2 text = ImGui::CalcTextSize(anchor.text.c_str());
        sizes.push_back({text.x + 2.0f * padding, text.y + 2.0f * padding});
    }
    const std::vector<PlacedLabel> placed = layoutLabels(anchors, sizes, left, right, top, bottom, ImGui::GetFontSize() * 0.25f);
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    for (const PlacedLabel& label : placed) {
        const ImU32 line = label.emphasised ? IM_COL32(110, 245, 220, 230) : IM_COL32(235, 235, 235, 200);
        const ImVec2 anchor(label.anchor.x, label.anchor.y);
        const ImVec2 edge(label.leftColumn ? label.position.x + label.size.x : label.position.x,
                          label.position.y + label.size.y * 0.5f);
        draw->AddLine(anchor, edge, IM_COL32(0, 0, 0, 120), 3.0f);
        draw->AddLine(anchor, edge, line, 1.5f);
        draw->AddCircleFilled(anchor, 3.5f, line);
        draw->AddRectFilled(ImVec2(label.position.x, label.position.y),
                            ImVec2(label.position.x + label.size.x, label.position.y + label.size.y),
                            IM_COL32(15, 17, 20, 200), 4.0f);
        draw->AddText(ImVec2(label.position.x + padding, label.position.y + padding),
                      label.emphasised ? IM_COL32(140, 255, 230, 255) : IM_COL32(245, 245, 245, 255), label.text.c_str());
    }
}

} // namespace ui
