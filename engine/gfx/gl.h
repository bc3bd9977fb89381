// Private to gfx: the generated loader. No header outside engine/gfx/*.cpp includes this.
#pragma once

#include <glad/gl.h>
