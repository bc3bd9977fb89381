#include "ui/style.h"

#include "core/log.h"

#include <imgui.h>

#include <cmath>
#include <filesystem>

namespace ui {
namespace {

struct FontFiles {
    const char* regular;
    const char* bold;
};

constexpr FontFiles kFontCandidates[] = {
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
    {"/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"},
};

FontSet current;

// Latin text plus the dashes, quotes, arrows and degree sign the lessons use.
const ImWchar* glyphRanges()
{
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2193, 0x25B2, 0x25C0, 0};
    return ranges;
}

ImFont* addFont(const char* file, float pixels)
{
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return ImGui::GetIO().Fonts->AddFontFromFileTTF(file, pixels, &config, glyphRanges());
}

} // namespace

const FontSet& loadFonts(float bodyPixels, float presenterPixels)
{
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    current = FontSet{};
    current.bodyPixels = std::round(bodyPixels);
    current.presenterPixels = std::round(presenterPixels);
    for (const FontFiles& files : kFontCandidates) {
        if (!std::filesystem::exists(files.regular)) continue;
        const char* bold = std::filesystem::exists(files.bold) ? files.bold : files.regular;
        current.body = addFont(files.regular, current.bodyPixels);
        current.heading = addFont(bold, std::round(current.bodyPixels * 1.2f));
        current.presenter = addFont(files.regular, current.presenterPixels);
        current.presenterHeading = addFont(bold, std::round(current.presenterPixels * 1.25f));
        if (current.body && current.heading && current.presenter && current.presenterHeading) {
            current.file = files.regular;
            io.FontDefault = current.body;
            return current;
        }
        io.Fonts->Clear();
    }
    core::logWarning("ui", "no TrueType font found (install fonts-dejavu-core); text uses the built-in bitmap font");
    ImFontConfig config;
    config.SizePixels = current.bodyPixels;
    current.body = current.heading = io.Fonts->AddFontDefault(&config);
    config.SizePixels = current.presenterPixels;
    current.presenter = current.presenterHeading = io.Fonts->AddFontDefault(&config);
    io.FontDefault = current.body;
    return current;
}

const FontSet& fonts()
{
    return current;
}

float presenterPixelsFor(int screenHeightPixels)
{
    return std::max(18.0f, std::round(float(screenHeightPixels) / 28.0f));
}

void applyTheme(float scale, bool highContrast)
{
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.PopupRounding = 4.0f;
    style.WindowBorderSize = 0.0f;
    style.WindowPadding = ImVec2(12.0f, 10.0f);
    style.ItemSpacing = ImVec2(8.0f, 6.0f);
    ImVec4* colors = style.Colors;
    if (highContrast) {
        style.WindowBorderSize = 2.0f;
        style.FrameBorderSize = 1.0f;
        const ImVec4 black{0.0f, 0.0f, 0.0f, 1.0f};
        const ImVec4 white{1.0f, 1.0f, 1.0f, 1.0f};
        const ImVec4 yellow{1.0f, 0.86f, 0.0f, 1.0f};
        colors[ImGuiCol_Text] = white;
        colors[ImGuiCol_TextDisabled] = ImVec4(0.85f, 0.85f, 0.85f, 1.0f);
        colors[ImGuiCol_WindowBg] = black;
        colors[ImGuiCol_ChildBg] = black;
        colors[ImGuiCol_PopupBg] = black;
        colors[ImGuiCol_MenuBarBg] = black;
        colors[ImGuiCol_Border] = white;
        colors[ImGuiCol_FrameBg] = ImVec4(0.12f, 0.12f, 0.12f, 1.0f);
        colors[ImGuiCol_FrameBgHovered] = ImVec4(0.25f, 0.25f, 0.1f, 1.0f);
        colors[ImGuiCol_Button] = ImVec4(0.15f, 0.15f, 0.15f, 1.0f);
        colors[ImGuiCol_ButtonHovered] = ImVec4(0.35f, 0.3f, 0.0f, 1.0f);
        colors[ImGuiCol_ButtonActive] = ImVec4(0.55f, 0.47f, 0.0f, 1.0f);
        colors[ImGuiCol_Header] = ImVec4(0.35f, 0.3f, 0.0f, 1.0f);
        colors[ImGuiCol_HeaderHovered] = ImVec4(0.5f, 0.42f, 0.0f, 1.0f);
        colors[ImGuiCol_HeaderActive] = ImVec4(0.6f, 0.5f, 0.0f, 1.0f);
        colors[ImGuiCol_CheckMark] = yellow;
        colors[ImGuiCol_SliderGrab] = yellow;
        colors[ImGuiCol_SliderGrabActive] = white;
        colors[ImGuiCol_TitleBg] = black;
        colors[ImGuiCol_TitleBgActive] = ImVec4(0.2f, 0.2f, 0.2f, 1.0f);
        colors[ImGuiCol_Tab] = ImVec4(0.15f, 0.15f, 0.15f, 1.0f);
        colors[ImGuiCol_TabActive] = ImVec4(0.45f, 0.38f, 0.0f, 1.0f);
        colors[ImGuiCol_TabHovered] = ImVec4(0.55f, 0.47f, 0.0f, 1.0f);
        colors[ImGuiCol_NavHighlight] = yellow;
        colors[ImGuiCol_PlotHistogram] = yellow;
    } else {
        colors[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.12f, 0.92f);
        colors[ImGuiCol_MenuBarBg] = ImVec4(0.08f, 0.09f, 0.11f, 1.0f);
        colors[ImGuiCol_Header] = ImVec4(0.55f, 0.22f, 0.20f, 0.55f);
        colors[ImGuiCol_HeaderHovered] = ImVec4(0.65f, 0.28f, 0.25f, 0.80f);
        colors[ImGuiCol_HeaderActive] = ImVec4(0.70f, 0.30f, 0.27f, 1.00f);
        colors[ImGuiCol_CheckMark] = ImVec4(0.95f, 0.62f, 0.45f, 1.00f);
        colors[ImGuiCol_SliderGrab] = ImVec4(0.85f, 0.45f, 0.38f, 1.00f);
        colors[ImGuiCol_SliderGrabActive] = ImVec4(0.95f, 0.55f, 0.45f, 1.00f);
        colors[ImGuiCol_Button] = ImVec4(0.55f, 0.22f, 0.20f, 0.60f);
        colors[ImGuiCol_ButtonHovered] = ImVec4(0.65f, 0.28f, 0.25f, 1.00f);
        colors[ImGuiCol_ButtonActive] = ImVec4(0.75f, 0.32f, 0.28f, 1.00f);
        colors[ImGuiCol_TitleBgActive] = ImVec4(0.30f, 0.14f, 0.13f, 1.00f);
        colors[ImGuiCol_FrameBg] = ImVec4(0.18f, 0.19f, 0.22f, 1.00f);
        colors[ImGuiCol_Tab] = ImVec4(0.20f, 0.12f, 0.12f, 1.00f);
        colors[ImGuiCol_TabActive] = ImVec4(0.55f, 0.22f, 0.20f, 1.00f);
        colors[ImGuiCol_TabHovered] = ImVec4(0.65f, 0.28f, 0.25f, 1.00f);
        colors[ImGuiCol_PlotHistogram] = ImVec4(0.95f, 0.62f, 0.45f, 1.00f);
    }
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

void wrappedText(const std::string& text, const ImVec4* color)
{
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, *color);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    if (color) ImGui::PopStyleColor();
}

void keepWindowInView()
{
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 position = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const ImVec2 low = viewport->WorkPos;
    const ImVec2 high(viewport->WorkPos.x + viewport->WorkSize.x, viewport->WorkPos.y + viewport->WorkSize.y);
    ImVec2 wanted = position;
    // Whole window inside where it fits; otherwise its top-left corner (title and close box).
    wanted.x = std::max(low.x, std::min(wanted.x, high.x - size.x));
    wanted.y = std::max(low.y, std::min(wanted.y, high.y - size.y));
    if (wanted.x != position.x || wanted.y != position.y) ImGui::SetWindowPos(wanted);
}

} // namespace ui
