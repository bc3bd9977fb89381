// Model import through assimp (glTF 2.0 first; OBJ and FBX too) into CPU-side ModelData.
//
// assimp 5.2 crashes on some damaged files, and it is a system library, so it runs in a
// child process (core/isolate.h) together with the conversion into ModelData, both loaded
// there from a module (assets/assimp_reader.h); the model comes back as bytes (model_wire.h)
// and is checked on arrival. A file that crashes or hangs the reader gives an error naming
// it, like any other bad file. The child is forked: import before starting other threads.
#pragma once

#include "assets/assimp_reader.h"
#include "assets/model_data.h"
#include "core/error.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace assets {

struct ImportOptions {
    double seconds = 60.0;             // how long assimp may take before the file counts as broken
    unsigned long long memoryMiB = 4096; // how much memory the import process may hold
    // Where no child process can be made, read the model in this process (unprotected)
    // rather than not at all. Off for fuzzing, where that would turn assimp's crashes into ours.
    bool inProcessFallback = true;
};

// Keys the import leaves on the root node's metadata: the meshes of lines or points it left
// out (names, comma-separated), and what the file stated about units and axes, prefixed.
inline constexpr std::string_view kSkippedMeshesKey = "import.skipped_meshes";
inline constexpr std::string_view kStatedPrefix = "import.stated.";

// Reads a model file. A missing, unreadable, corrupt or crashing file gives an error naming it.
core::Expected<ModelData> importModel(const std::filesystem::path& path, const ImportOptions& options = {});

// Reads a model from memory; `formatHint` is the file extension ("glb", "obj", "fbx") and
// `name` is used in messages. Used for fuzzing and for models that do not live in a file.
core::Expected<ModelData> importModelFromMemory(const void* data, std::size_t size, const std::string& formatHint,
                                                const std::string& name, const ImportOptions& options = {});

// assimp and the conversion (assets/assimp_reader.h) live in a module of their own, loaded
// only by the import process, or by this one where no process can be made.
inline constexpr const char* kAssimpModuleName = "ht_assets_assimp.so";
// A program that links the reader itself (the fuzz targets, whose coverage counters must be
// their own) hands it over here, and the import process runs it instead of the module's.
void useLinkedAssimpReader(AssimpEntry reader);

// The same, saying also whether the import process died in this program's own code (the
// conversion) rather than in assimp: that is a bug here, and the fuzz target fails on it.
struct ImportOutcome {
    core::Expected<ModelData> model;
    bool failedInOwnCode = false;
};

ImportOutcome importModelFromMemoryOutcome(const void* data, std::size_t size, const std::string& formatHint,
                                           const std::string& name, const ImportOptions& options = {});

} // namespace assets
