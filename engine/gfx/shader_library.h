// The app's shader programs by name, loaded from the shaders/ folder. Edited files are
// rebuilt while the app runs; a program that fails keeps the last good one running.
#pragma once

#include "core/error.h"
#include "core/file.h"
#include "gfx/program_cache.h"
#include "gfx/shader.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gfx {

class ShaderLibrary {
public:
    // Linked programs are kept in `cacheFolder` between runs (none: compiled at every start).
    explicit ShaderLibrary(std::filesystem::path folder, std::filesystem::path cacheFolder = {})
        : folder_(std::move(folder)), cacheFolder_(std::move(cacheFolder))
    {
    }

    // Builds a program from two files in the folder; returns its index. Used at start-up,
    // where a failure is fatal and reported with file and line. `defines` pick a variant of
    // the files (loadShaderSource).
    core::Expected<int> load(const std::string& name, const std::string& vertexFile, const std::string& fragmentFile,
                             std::vector<std::string> defines = {});
    const ShaderProgram& program(int index) const { return entries_[std::size_t(index)].program; }
    int find(const std::string& name) const;

    // Rebuilds programs whose files (includes too) changed. Returns how many were replaced;
    // failures are logged and leave the old program in place.
    int reloadChanged();
    // The last failure of a reload, for showing in the overlay; empty after a good reload.
    const std::string& lastReloadError() const { return lastReloadError_; }
    // How many programs came from the cache instead of a compile, of how many loaded.
    int cachedPrograms() const { return cache_ ? cache_->hits() : 0; }
    int programCount() const { return int(entries_.size()); }

private:
    struct Entry {
        std::string name;
        std::string vertexFile;
        std::string fragmentFile;
        std::vector<std::string> defines;
        ShaderProgram program;
        core::FileWatcher watcher;
    };
    core::Expected<ShaderProgram> build(Entry& entry);

    std::filesystem::path folder_;
    std::filesystem::path cacheFolder_;
    std::optional<ProgramCache> cache_;  // opened at the first build, when a context is current
    std::vector<Entry> entries_;
    std::string lastReloadError_;
};

} // namespace gfx
