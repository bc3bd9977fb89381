// The app's shader programs by name, loaded from the shaders/ folder. Edited files are
// rebuilt while the app runs; a program that fails keeps the last good one running.
#pragma once

#include "core/error.h"
#include "core/file.h"
#include "gfx/program_cache.h"
#include "gfx/shader.h"

#include <cstdint>
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

    // Builds a program from two files in the folder (now, or the first time it is asked
    // for); returns its index. Used at start-up, where a failure is fatal and reported with
    // file and line: a program built later has its files read now, so a missing one is
    // reported all the same. `defines` pick a variant of the files (loadShaderSource).
    enum class Build { Now, OnFirstUse };
    core::Expected<int> load(const std::string& name, const std::string& vertexFile, const std::string& fragmentFile,
                             std::vector<std::string> defines = {}, Build when = Build::Now);
    // Builds a program left for its first use, if it is not built yet; its failure, with file
    // and line. A program that failed is tried again when its files change (reloadChanged).
    core::Status build(int index);
    // The program, built first if it was left for its first use. One that does not build is
    // logged, shown as lastReloadError, and left empty (it draws nothing).
    const ShaderProgram& program(int index);
    int find(const std::string& name) const;

    // Rebuilds programs whose files (includes too) changed. Returns how many were replaced;
    // failures are logged and leave the old program in place.
    int reloadChanged();
    // The last failure of a reload, for showing in the overlay; empty after a good reload.
    const std::string& lastReloadError() const { return lastReloadError_; }
    // How many programs came from the cache instead of a compile, of how many were built
    // (those left for their first use and not yet used are not counted).
    int cachedPrograms() const { return cache_ ? cache_->hits() : 0; }
    int programCount() const;
    // The newest build serial of any program here: it changes when one is built or rebuilt.
    std::uint64_t latestBuildSerial() const;

private:
    struct Entry {
        std::string name;
        std::string vertexFile;
        std::string fragmentFile;
        std::vector<std::string> defines;
        bool pending = false;  // left for its first use
        ShaderProgram program;
        core::FileWatcher watcher;
    };
    core::Expected<ShaderProgram> build(Entry& entry);
    // Reads the entry's files (and includes) and watches them.
    core::Status readSources(Entry& entry, std::optional<ShaderSource>& vertex, std::optional<ShaderSource>& fragment);

    std::filesystem::path folder_;
    std::filesystem::path cacheFolder_;
    std::optional<ProgramCache> cache_;  // opened at the first build, when a context is current
    std::vector<Entry> entries_;
    std::string lastReloadError_;
};

} // namespace gfx
