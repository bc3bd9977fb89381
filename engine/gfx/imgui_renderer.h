// Draws Dear ImGui's output with the OpenGL3 backend, built against this module's loader.
#pragma once

struct ImDrawData;

namespace gfx {

bool initImGuiRenderer();
void shutdownImGuiRenderer();
void newImGuiRendererFrame();
void renderImGui(ImDrawData* drawData);
// Rebuilds the font texture after the font atlas changed (new size or font).
void rebuildImGuiFonts();

} // namespace gfx
