// The naming convention that ties a model's nodes to anatomy: "<layer>.<structure>[.<side>]",
// e.g. "muscle.semitendinosus.r", "bone.femur.l", "skin.body". Any glTF named this way
// (or renamed through a mapping file) can replace the generated model.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace content {

enum class LayerId { Bone, Muscle, Tendon, Context, Nerve, Skin, Other };
constexpr int kLayerCount = 7;

struct LayerInfo {
    LayerId id;
    std::string_view key;    // node name prefix and settings key
    std::string_view label;  // shown in the layer panel
};

const std::array<LayerInfo, kLayerCount>& layerInfos();
const LayerInfo& layerInfo(LayerId id);
std::optional<LayerId> layerFromKey(std::string_view key);

enum class Side { None, Left, Right };

struct StructureName {
    LayerId layer = LayerId::Other;
    std::string structure;   // e.g. "semitendinosus", "femur", "body"
    Side side = Side::None;

    // "semitendinosus.r": unique per structure instance in a model.
    std::string instanceKey() const;
};

// "Biceps femoris long (right)": a readable name built from the node name, for models that
// come without structure information.
std::string readableName(const StructureName& name);

// Parses a node name; names outside the convention land in the Other layer with the whole
// name as the structure.
StructureName parseStructureName(std::string_view nodeName);

} // namespace content
