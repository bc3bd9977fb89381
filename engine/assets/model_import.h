// Model import through assimp (glTF 2.0 first; OBJ and FBX too) into CPU-side ModelData.
#pragma once

#include "assets/model_data.h"
#include "core/error.h"

#include <filesystem>

namespace assets {

// Reads a model file. A missing, unreadable or corrupt file gives an error naming it.
core::Expected<ModelData> importModel(const std::filesystem::path& path);

} // namespace assets
