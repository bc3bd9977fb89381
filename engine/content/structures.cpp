#include "content/structures.h"

#include <cctype>

namespace content {

const std::array<LayerInfo, kLayerCount>& layerInfos()
{
    static const std::array<LayerInfo, kLayerCount> infos{{
        {LayerId::Bone, "bone", "Bones"},
        {LayerId::Muscle, "muscle", "Hamstring muscles"},
        {LayerId::Tendon, "tendon", "Tendons"},
        {LayerId::Context, "context", "Neighbouring muscles"},
        {LayerId::Nerve, "nerve", "Nerves"},
        {LayerId::Skin, "skin", "Skin"},
        {LayerId::Other, "other", "Other"},
    }};
    return infos;
}

const LayerInfo& layerInfo(LayerId id)
{
    return layerInfos()[std::size_t(id)];
}

std::optional<LayerId> layerFromKey(std::string_view key)
{
    for (const LayerInfo& info : layerInfos())
        if (info.key == key) return info.id;
    return std::nullopt;
}

std::string StructureName::instanceKey() const
{
    switch (side) {
    case Side::Left: return structure + ".l";
    case Side::Right: return structure + ".r";
    case Side::None: break;
    }
    return structure;
}

std::string readableName(const StructureName& name)
{
    std::string label = name.structure;
    for (char& c : label)
        if (c == '_') c = ' ';
    if (!label.empty()) label[0] = char(std::toupper(static_cast<unsigned char>(label[0])));
    switch (name.side) {
    case Side::Left: label += " (left)"; break;
    case Side::Right: label += " (right)"; break;
    case Side::None: break;
    }
    return label;
}

StructureName parseStructureName(std::string_view nodeName)
{
    StructureName name;
    const std::size_t firstDot = nodeName.find('.');
    if (firstDot == std::string_view::npos) {
        name.structure = std::string(nodeName);
        return name;
    }
    auto layer = layerFromKey(nodeName.substr(0, firstDot));
    if (!layer || *layer == LayerId::Other) {
        name.structure = std::string(nodeName);
        return name;
    }
    name.layer = *layer;
    std::string_view rest = nodeName.substr(firstDot + 1);
    if (rest.size() > 2 && rest[rest.size() - 2] == '.') {
        const char side = rest.back();
        if (side == 'l' || side == 'r') {
            name.side = side == 'l' ? Side::Left : Side::Right;
            rest.remove_suffix(2);
        }
    }
    name.structure = std::string(rest);
    return name;
}

} // namespace content
