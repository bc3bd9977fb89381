#include "gfx/shader_library.h"

#include "core/log.h"

#include <algorithm>

namespace gfx {

core::Status ShaderLibrary::readSources(Entry& entry, std::optional<ShaderSource>& vertex, std::optional<ShaderSource>& fragment)
{
    auto vertexSource = loadShaderSource(folder_ / entry.vertexFile, entry.defines);
    if (!vertexSource) return vertexSource.error();
    auto fragmentSource = loadShaderSource(folder_ / entry.fragmentFile, entry.defines);
    if (!fragmentSource) return fragmentSource.error();
    entry.watcher.clear();
    for (const auto& file : vertexSource->files) entry.watcher.watch(file);
    for (const auto& file : fragmentSource->files) entry.watcher.watch(file);
    vertex = std::move(*vertexSource);
    fragment = std::move(*fragmentSource);
    return {};
}

core::Expected<ShaderProgram> ShaderLibrary::build(Entry& entry)
{
    std::optional<ShaderSource> vertex, fragment;
    if (core::Status read = readSources(entry, vertex, fragment); !read) return read.error();
    if (!cache_) cache_.emplace(cacheFolder_);
    if (std::optional<ShaderProgram> kept = cache_->load(*vertex, *fragment, entry.name)) return std::move(*kept);
    auto program = ShaderProgram::build(*vertex, *fragment, entry.name);
    if (program) cache_->store(*vertex, *fragment, *program);
    return program;
}

core::Expected<int> ShaderLibrary::load(const std::string& name, const std::string& vertexFile,
                                        const std::string& fragmentFile, std::vector<std::string> defines, Build when)
{
    Entry entry;
    entry.name = name;
    entry.vertexFile = vertexFile;
    entry.fragmentFile = fragmentFile;
    entry.defines = std::move(defines);
    if (when == Build::OnFirstUse) {
        std::optional<ShaderSource> vertex, fragment;
        if (core::Status read = readSources(entry, vertex, fragment); !read) return read.error();
        entry.pending = true;
    } else {
        auto program = build(entry);
        if (!program) return program.error();
        entry.program = std::move(*program);
    }
    entries_.push_back(std::move(entry));
    return int(entries_.size()) - 1;
}

core::Status ShaderLibrary::build(int index)
{
    Entry& entry = entries_[std::size_t(index)];
    if (!entry.pending) return {};
    entry.pending = false;
    auto program = build(entry);
    if (!program) {
        lastReloadError_ = program.error().describe();
        core::logError("gfx", lastReloadError_, " (the '", entry.name, "' program draws nothing until its files are mended)");
        return program.error();
    }
    entry.program = std::move(*program);
    return {};
}

const ShaderProgram& ShaderLibrary::program(int index)
{
    (void)build(index);
    return entries_[std::size_t(index)].program;
}

int ShaderLibrary::programCount() const
{
    int built = 0;
    for (const Entry& entry : entries_) built += entry.pending ? 0 : 1;
    return built;
}

std::uint64_t ShaderLibrary::latestBuildSerial() const
{
    std::uint64_t latest = 0;
    for (const Entry& entry : entries_) latest = std::max(latest, entry.program.buildSerial());
    return latest;
}

int ShaderLibrary::find(const std::string& name) const
{
    for (std::size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].name == name) return int(i);
    return -1;
}

int ShaderLibrary::reloadChanged()
{
    int reloaded = 0;
    for (Entry& entry : entries_) {
        if (entry.watcher.poll().empty() || entry.pending) continue;  // a pending one reads its files when built
        auto program = build(entry);
        if (!program) {
            lastReloadError_ = program.error().describe();
            core::logError("gfx", lastReloadError_, " (keeping the previous '", entry.name, "' program)");
            continue;
        }
        entry.program = std::move(*program);
        lastReloadError_.clear();
        core::logInfo("gfx", "reloaded shader program '", entry.name, "'");
        ++reloaded;
    }
    return reloaded;
}

} // namespace gfx
