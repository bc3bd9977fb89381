#include "gfx/shader_library.h"

#include "core/log.h"

namespace gfx {

core::Expected<ShaderProgram> ShaderLibrary::build(Entry& entry)
{
    auto vertex = loadShaderSource(folder_ / entry.vertexFile, entry.defines);
    if (!vertex) return vertex.error();
    auto fragment = loadShaderSource(folder_ / entry.fragmentFile, entry.defines);
    if (!fragment) return fragment.error();
    entry.watcher.clear();
    for (const auto& file : vertex->files) entry.watcher.watch(file);
    for (const auto& file : fragment->files) entry.watcher.watch(file);
    if (!cache_) cache_.emplace(cacheFolder_);
    if (std::optional<ShaderProgram> kept = cache_->load(*vertex, *fragment, entry.name)) return std::move(*kept);
    auto program = ShaderProgram::build(*vertex, *fragment, entry.name);
    if (program) cache_->store(*vertex, *fragment, *program);
    return program;
}

core::Expected<int> ShaderLibrary::load(const std::string& name, const std::string& vertexFile,
                                        const std::string& fragmentFile, std::vector<std::string> defines)
{
    Entry entry;
    entry.name = name;
    entry.vertexFile = vertexFile;
    entry.fragmentFile = fragmentFile;
    entry.defines = std::move(defines);
    auto program = build(entry);
    if (!program) return program.error();
    entry.program = std::move(*program);
    entries_.push_back(std::move(entry));
    return int(entries_.size()) - 1;
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
        if (entry.watcher.poll().empty()) continue;
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
