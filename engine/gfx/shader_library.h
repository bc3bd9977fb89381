// The app's shader programs by name, loaded from the shaders/ folder. Edited files are
// rebuilt while the app runs; a program that fails keeps the last good one running.
#pragma once

#include "core/error.h"
#include "core/file.h"
#include "gfx/shader.h"

#include <filesystem>
#include <string>
#include <vector>

namespace gfx {

class ShaderLibrary {
public:
    explicit ShaderLibrary(std::filesystem::path folder) : folder_(std::move(folder)) {}

    // Builds a program from two files in the folder; returns its index. Used at start-up,
    // where a failure is fatal and reported with file and line.
    core::Expected<int> load(const std::string& name, const std::string& vertexFile, const std::string& fragmentFile);
    const ShaderProgram& program(int index) const { return entries_[std::size_t(index)].program; }
    int find(const std::string& name) const;

    // Rebuilds programs whose files (includes too) changed. Returns how many were replaced;
    // failures are logged and leave the old program in place.
    int reloadChanged();
    // The last failure of a reload, for showing in the overlay; empty after a good reload.
    const std::string& lastReloadError() const { return lastReloadError_; }

private:
    struct Entry {
        std::string name;
        std::string vertexFile;
        std::string fragmentFile;
        ShaderProgram program;
        core::FileWatcher watcher;
    };
    core::Expected<ShaderProgram> build(Entry& entry);

    std::filesystem::path folder_;
    std::vector<Entry> entries_;
    std::string lastReloadError_;
};

} // namespace gfx
