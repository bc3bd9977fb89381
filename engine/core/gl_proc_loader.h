// The one thing platform and gfx share without including each other: a function that gives
// the address of an OpenGL entry point by name. platform's window hands out its context's
// (SDL_GL_GetProcAddress); gfx loads OpenGL through it.
#pragma once

namespace core {

using GLProcLoader = void* (*)(const char* name);

} // namespace core
