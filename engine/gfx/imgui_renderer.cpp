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
