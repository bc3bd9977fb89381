// The built-in model in a form made for loading: the imported ModelData and its simplified
// levels of detail, written once at build time (tools/modelpack) beside the generated glTF.
// Reading it is one file read and a checked decode, with no assimp and no import process, so
// the first frame does not wait for either. User models never take this path.
#pragma once

#include "assets/detail_levels.h"
#include "assets/model_data.h"
#include "core/error.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace assets {

// The pack that belongs beside a glTF file: same name, extension ".htmodel".
std::filesystem::path modelPackPathFor(const std::filesystem::path& gltfPath);

// What a pack was made from: the source file's size and a hash of its bytes. A pack whose
// source has changed since is stale and is not used.
struct PackSource {
    std::uint64_t sizeBytes = 0;
    std::uint64_t hash = 0;
    bool operator==(const PackSource&) const = default;
};
PackSource packSourceOf(std::string_view bytes);
core::Expected<PackSource> packSourceOfFile(const std::filesystem::path& path);

struct ModelPack {
    ModelData model;
    DetailLevels levels;
};

// The bytes of a pack: a header (magic, version, source, payload hash) and the payload.
std::string encodeModelPack(const ModelData& model, const DetailLevels& levels, const PackSource& source);

// Reads a pack and checks it: its magic and version, that it was made from `expected` (when
// given), the payload's hash, the model's consistency (as a model from the import process
// is checked), and that every level's indices are whole triangles inside their mesh. Any
// failure is an error naming `name` and what is wrong.
core::Expected<ModelPack> decodeModelPack(std::string_view bytes, const std::string& name, const PackSource* expected = nullptr);
core::Expected<ModelPack> readModelPack(const std::filesystem::path& path, const PackSource* expected = nullptr);
// The header alone, read without mapping the file: magic, version, and the size of the
// source it was made from. No hash is computed: the checks that need every byte are
// readModelPack's. Enough to decide, in microseconds, whether reading the pack is worth trying.
core::Status checkModelPackHeader(const std::filesystem::path& path, std::uint64_t sourceSizeBytes);

} // namespace assets
