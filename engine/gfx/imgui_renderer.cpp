#include "gfx/imgui_renderer.h"

#include "gfx/gl.h"
#include "gfx/render_state.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

namespace gfx {

bool initImGuiRenderer()
{
    return ImGui_ImplOpenGL3_Init("#version 330 core");
}

void shutdownImGuiRenderer()
{
    ImGui_ImplOpenGL3_Shutdown();
}

void newImGuiRendererFrame()
{
    ImGui_ImplOpenGL3_NewFrame();
    // Once the font atlas is a texture, its pixels on the CPU side are not needed: ImGui makes
    // them again if the fonts are rebuilt (a new text size or display).
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    if (atlas.TexPixelsAlpha8 || atlas.TexPixelsRGBA32) atlas.ClearTexData();
}

void renderImGui(ImDrawData* drawData)
{
    ImGui_ImplOpenGL3_RenderDrawData(drawData);
    invalidateRenderState(); // the backend sets its own blend, scissor and cull state
}

void rebuildImGuiFonts()
{
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

} // namespace gfx
