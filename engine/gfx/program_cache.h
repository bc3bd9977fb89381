// Linked shader programs kept on disk between runs, so a start-up does not compile GLSL
// again. A program is found by its expanded source text and the driver's name and version;
// anything that does not match, fails its checksum or is refused by the driver is compiled
// from source instead (and a compile error is then reported as usual).
#pragma once

#include "gfx/shader.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gfx {

class ProgramCache {
public:
    // An empty folder turns the cache off. The context must be current: the driver's identity
    // is read here.
    explicit ProgramCache(std::filesystem::path folder);

    bool enabled() const { return !folder_.empty(); }
    std::optional<ShaderProgram> load(const ShaderSource& vertex, const ShaderSource& fragment, const std::string& name);
    // Keeps the program for the next run; a failure to write only costs that run a compile.
    void store(const ShaderSource& vertex, const ShaderSource& fragment, const ShaderProgram& program);

    int hits() const { return hits_; }

private:
    std::uint64_t keyFor(const ShaderSource& vertex, const ShaderSource& fragment) const;
    std::filesystem::path fileFor(std::uint64_t key) const;
    void dropOldFiles() const;

    std::filesystem::path folder_;
    std::string driver_;          // vendor, renderer and version strings
    std::vector<int> formats_;    // the binary formats the driver reads
    int hits_ = 0;
};

} // namespace gfx
