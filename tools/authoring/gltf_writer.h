// Writes ModelData as binary glTF 2.0 (.glb). Output is deterministic: the same model gives
// the same bytes. Muscle parametric coordinates go to TEXCOORD_1 (along, around) and
// TEXCOORD_2 (outward, 0); node metadata goes to the node's extras. Authoring code: the model
// generator and the tests write models, the app only reads them (engine/assets), so this
// lives with the tools while keeping the assets namespace of the data it writes.
#pragma once

#include "assets/model_data.h"
#include "core/error.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace assets {

struct GltfWriteOptions {
    std::string generator = "Hamstring Trainer";
    std::string copyright;
};

// Serialises to bytes; fails on data glTF cannot hold (mismatched attribute counts, a skin
// whose joints are not nodes).
core::Expected<std::vector<std::uint8_t>> encodeGlb(const ModelData& model, const GltfWriteOptions& options = {});
core::Status writeGlb(const ModelData& model, const std::filesystem::path& path, const GltfWriteOptions& options = {});

} // namespace assets
