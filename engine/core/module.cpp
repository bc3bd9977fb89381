#include "core/module.h"

#include <dlfcn.h>

#include <algorithm>

namespace core {

std::vector<std::filesystem::path> moduleCandidates(const std::string& name, const std::string& buildPath,
                                                    const std::string& buildTree)
{
    std::vector<std::filesystem::path> candidates;
    std::error_code error;
    const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) return candidates;
    candidates.push_back(executable.parent_path().parent_path() / "lib" / "hamstring-trainer" / name);
    if (buildPath.empty() || buildTree.empty()) return candidates;
    // Inside the build folder: every part of its path leads the program's (so not a sibling
    // folder whose name merely starts the same).
    std::filesystem::path tree = std::filesystem::path(buildTree).lexically_normal();
    if (!tree.has_filename()) tree = tree.parent_path();  // "build/" as "build"
    if (std::mismatch(tree.begin(), tree.end(), executable.begin(), executable.end()).first == tree.end())
        candidates.emplace_back(buildPath);
    return candidates;
}

Expected<void*> loadModuleSymbol(const std::vector<std::filesystem::path>& candidates, const char* symbol)
{
    std::string tried;
    const auto note = [&](const std::filesystem::path& candidate, const std::string& why) {
        tried += (tried.empty() ? "" : ", ") + candidate.string() + " (" + why + ")";
    };
    for (const std::filesystem::path& candidate : candidates) {
        std::error_code missing;
        if (!std::filesystem::exists(candidate, missing)) {
            note(candidate, "not there");
            continue;
        }
        void* module = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!module) {
            const char* why = dlerror();
            note(candidate, why ? why : "cannot be loaded");
            continue;
        }
        if (void* found = dlsym(module, symbol)) return found;
        note(candidate, std::string("no ") + symbol);
    }
    return makeError(tried.empty() ? std::string("no place to look") : tried);
}

} // namespace core
