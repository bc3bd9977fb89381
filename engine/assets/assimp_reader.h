// The part of the model import that touches assimp: reading a file with it and converting what
// it read into ModelData.
//
// It is built into a module of its own, ht_assets_assimp.so, which the import process loads
// (assets/model_import.h): the trainer itself does not map assimp and the libraries it brings
// (measured on a 2-core VM: 7.5 ms of every start and 2.5 MB resident), unless no process can
// be made and the import falls back to running here. The same code is also the static library
// ht_assimp_reader, linked straight into the fuzz targets, whose coverage counters must be the
// executable's own (core/isolate.cpp sends the child's back), and into the import's tests.
#pragma once

#include "assets/model_data.h"
#include "core/error.h"

#include <cstddef>
#include <cstdint>
#include <string>

struct aiScene;

namespace assets {

// What to read: bytes in memory, or (data null) a file assimp opens itself by `name`.
struct AssimpSource {
    const void* data = nullptr;
    std::size_t size = 0;
    std::string formatHint;  // the file extension ("glb", "obj", "fbx") for bytes in memory
    std::string name;        // the file's path, or a name for messages
};

// Where the reading has got to, told to `stage` as it goes: assimp's own code (its reader,
// and freeing its scene at the end) or this program's conversion.
enum class AssimpStage : int { Reading = 1, Converting = 2, Freeing = 3 };
using AssimpStageFunction = void (*)(void* context, AssimpStage stage);

// Reads with assimp and converts. `stage` may be null.
core::Expected<ModelData> readWithAssimp(const AssimpSource& source, AssimpStageFunction stage, void* context);

// The conversion of what assimp read into ModelData, which readWithAssimp runs after assimp;
// exposed so that it can be fuzzed in one process (tests/fuzz/fuzz_convert.cpp). Expects a
// scene as assimp's validation leaves it: pointers and counts consistent.
core::Expected<ModelData> convertAssimpScene(const aiScene& scene, const std::string& name);

// readWithAssimp under a C name, for dlsym: the module's one visible symbol. The answer goes into
// `result`.
using AssimpEntry = void (*)(const AssimpSource* source, AssimpStageFunction stage, void* context,
                             core::Expected<ModelData>* result);
inline constexpr const char* kAssimpEntrySymbol = "ht_read_with_assimp";

// What the two sides of the entry must agree on: the layout of what crosses it, reckoned from
// these headers by the module and by the program that loads it. A module built from other
// sources (another version left behind) gives another value and is not used. Count the
// version up when what crosses changes meaning without changing size.
inline constexpr std::uint64_t kAssimpEntryVersion = 1;
inline std::uint64_t assimpEntryLayout()
{
    const std::uint64_t sizes[] = {sizeof(AssimpSource), sizeof(ModelData), sizeof(MeshData), sizeof(Node), sizeof(Material),
                                   sizeof(Skin), sizeof(core::Error), sizeof(core::Expected<ModelData>)};
    std::uint64_t layout = kAssimpEntryVersion;
    for (std::uint64_t size : sizes) layout = layout * 1'000'003u + size;
    return layout;
}
inline constexpr const char* kAssimpLayoutSymbol = "ht_assimp_entry_layout";

} // namespace assets

extern "C" void ht_read_with_assimp(const assets::AssimpSource* source, assets::AssimpStageFunction stage, void* context,
                                    core::Expected<assets::ModelData>* result);
extern "C" std::uint64_t ht_assimp_entry_layout();
