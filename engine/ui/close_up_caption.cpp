#include "ui/close_up_caption.h"

#include <imgui.h>

#include <algorithm>

namespace ui {

void drawCloseUpCaption(const PixelRect& box, const std::string& caption)
{
    if (box.empty() || caption.empty()) return;
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
    // Framebuffer pixels to ImGui's points.
    const ImVec2 min(box.min.x / scale.x, box.min.y / scale.y);
    const ImVec2 max(box.max.x / scale.x, box.max.y / scale.y);
    const float padding = std::max(3.0f, ImGui::GetFontSize() * 0.3f);
    // A caption wider than a narrow box breaks between words ("Close-up: right / hamstrings")
    // rather than being cut off at the box's edge.
    const float wrapWidth = std::max(1.0f, max.x - min.x - 2.0f * padding);
    const ImVec2 text = ImGui::CalcTextSize(caption.c_str(), nullptr, false, wrapWidth);
    const ImVec2 plateMax(std::min(max.x, min.x + text.x + 2.0f * padding), std::min(max.y, min.y + text.y + 2.0f * padding));
    draw->PushClipRect(min, max, true);
    draw->AddRectFilled(min, plateMax, IM_COL32(12, 14, 18, 190));
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(min.x + padding, min.y + padding), ImGui::GetColorU32(ImGuiCol_Text),
                  caption.c_str(), nullptr, wrapWidth);
    draw->PopClipRect();
}

} // namespace ui
