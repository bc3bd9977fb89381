// Model import through assimp (glTF 2.0 first; OBJ and FBX too) into CPU-side ModelData.
#pragma once

#include "assets/model_data.h"
#include "core/error.h"

#include <filesystem>

namespace assets {

// Reads a model file. A missing, unreadable or corrupt file gives an error naming it.
core::Expected<ModelData> importModel(const std::filesystem::path& path);

// Reads a model from memory; `formatHint` is the file extension ("glb", "obj", "fbx") and
// `name` is used in messages. Used for fuzzing and for models that do not live in a file.
core::Expected<ModelData> importModelFromMemory(const void* data, std::size_t size, const std::string& formatHint,
                                                const std::string& name);

} // namespace assets
