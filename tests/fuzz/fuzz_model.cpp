// Fuzz target: model import through assimp into engine data. The first byte picks the
// format the bytes are read as (glb, gltf, obj, fbx).
#include "assets/model_import.h"

#include <assimp/DefaultLogger.hpp>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 2) return 0;
    static const char* const formats[] = {"glb", "gltf", "obj", "fbx"};
    const char* format = formats[data[0] % 4];
    auto model = assets::importModelFromMemory(data + 1, size - 1, format, std::string("fuzz.") + format);
    if (model) (void)model->restBounds();
    return 0;
}
