#include "content/name_mapping.h"

#include "anatomy/skeleton.h"
#include "core/text.h"
#include "content/structures.h"
#include "content/toml_reader.h"

#include <algorithm>

namespace content {
namespace {

// Why a name breaks the convention; empty when it follows it.
std::string conventionProblem(const std::string& name)
{
    if (name.rfind("joint.", 0) == 0) {
        if (anatomy::segmentFromName(std::string_view(name).substr(6))) return {};
        std::vector<std::string> segments;
        for (const anatomy::SegmentInfo& info : anatomy::segmentInfos()) segments.emplace_back(info.name);
        return core::withSuggestion("'" + name + "' names no skeleton segment", name.substr(6), segments);
    }
    const StructureName parsed = parseStructureName(name);
    if (parsed.layer == LayerId::Other) {
        std::vector<std::string> layers;
        for (const LayerInfo& info : layerInfos())
            if (info.id != LayerId::Other) layers.emplace_back(info.key);
        const std::string prefix = name.substr(0, name.find('.'));
        return core::withSuggestion("'" + name + "' does not start with a layer (" + core::join(layers, ", ") + ")",
                                    prefix, layers);
    }
    if (parsed.structure.empty()) return "'" + name + "' has no structure after its layer";
    return {};
}

// One table, [nodes], of "their name" = "our name".
NameMapping readMapping(TableReader& root)
{
    root.rejectUnknownKeys({"nodes"});
    NameMapping mapping;
    mapping.path = root.file();
    if (const toml::table* nodes = root.subtable("nodes", true)) {
        TableReader reader(*nodes, "nodes", root.errors());
        for (const auto& [theirs, value] : *nodes) {
            const std::string their(theirs.str());
            auto ours = reader.string(their, true);
            if (!ours) continue;
            if (const std::string problem = conventionProblem(*ours); !problem.empty()) {
                reader.error(their, problem);
                continue;
            }
            mapping.renames[their] = *ours;
            mapping.lines[their] = int(value.source().begin.line);
        }
    }
    return mapping;
}

} // namespace

core::Expected<NameMapping> parseNameMappingText(std::string_view text, const std::string& path)
{
    return readTomlText<NameMapping>(text, path, readMapping);
}

core::Status applyNameMapping(const NameMapping& mapping, assets::ModelData& model)
{
    // Every entry must match a node, checked before anything is renamed.
    std::vector<std::string> present;
    for (const assets::Node& node : model.nodes) present.push_back(node.name);
    for (const auto& [theirs, ours] : mapping.renames)
        if (std::find(present.begin(), present.end(), theirs) == present.end())
            return core::Error{mapping.path, mapping.lines.at(theirs), 1, "nodes." + theirs,
                               core::withSuggestion("the model has no node named '" + theirs + "'", theirs, present)};
    for (assets::Node& node : model.nodes) {
        auto rename = mapping.renames.find(node.name);
        if (rename == mapping.renames.end()) continue;
        node.name = rename->second;
        for (int mesh : node.meshes) model.meshes[std::size_t(mesh)].name = rename->second;
    }
    return {};
}

} // namespace content
