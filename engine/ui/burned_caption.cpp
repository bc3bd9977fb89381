#include "ui/burned_caption.h"

#include "ui/style.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

namespace ui {

void drawBurnedCaption(const std::string& text)
{
    if (text.empty()) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const FontSet& set = fonts();
    ImFont* font = set.presenter ? set.presenter : ImGui::GetFont();
    // About a twentieth of the picture's height, as broadcast subtitles are: 34 px at 720p.
    const float sizePx = std::max(16.0f, set.presenterPixels * 1.3f);
    const float padding = sizePx * 0.45f;
    const float wrapWidth = viewport->Size.x * 0.84f;
    const ImVec2 textSize = font->CalcTextSizeA(sizePx, FLT_MAX, wrapWidth, text.c_str());
    const ImVec2 textPos(viewport->Pos.x + (viewport->Size.x - textSize.x) * 0.5f,
                         viewport->Pos.y + viewport->Size.y - textSize.y - padding - viewport->Size.y * 0.06f);
    ImDrawList* foreground = ImGui::GetForegroundDrawList();
    foreground->AddRectFilled(ImVec2(textPos.x - padding, textPos.y - padding * 0.6f),
                              ImVec2(textPos.x + textSize.x + padding, textPos.y + textSize.y + padding * 0.6f),
                              IM_COL32(0, 0, 0, 200), padding * 0.5f);
    foreground->AddText(font, sizePx, textPos, IM_COL32(255, 255, 255, 255), text.c_str(), nullptr, wrapWidth);
}

} // namespace ui
