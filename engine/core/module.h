// The app's own modules: shared objects opened with dlopen only when their work is asked for
// (the video encoder with FFmpeg, the model import's assimp), so the trainer does not load
// their libraries at every start.
#pragma once

#include "core/error.h"

#include <filesystem>
#include <string>
#include <vector>

namespace core {

// Where a module may be: installed beside the program's own libraries
// (<prefix>/bin/hamstring-trainer and <prefix>/lib/hamstring-trainer/NAME), then `buildPath`,
// where this build made it, but only for a program that runs from inside `buildTree` (this
// build's folder): an installed program never loads a module from a build folder, which may
// hold another version.
std::vector<std::filesystem::path> moduleCandidates(const std::string& name, const std::string& buildPath,
                                                    const std::string& buildTree);

// Opens the first of `candidates` that is there and loads, and finds `symbol` in it; the
// module stays loaded for the life of the process. The error lists every place tried and why
// each failed ("PATH (not there), PATH (no SYMBOL)").
Expected<void*> loadModuleSymbol(const std::vector<std::filesystem::path>& candidates, const char* symbol);

} // namespace core
