#include "content/scene_file.h"

#include "content/toml_reader.h"

#include <cmath>

namespace content {

std::array<LayerSettings, kLayerCount> defaultLayerSettings()
{
    std::array<LayerSettings, kLayerCount> layers{};
    layers[std::size_t(LayerId::Skin)].opacity = 0.25f;
    return layers;
}

namespace {

// How far from the model the camera may be, and a focus from its centre, in metres.
constexpr double kFarthestM = 50.0;

SceneDesc readScene(TableReader& root)
{
    root.rejectUnknownKeys({"title", "model", "view", "focus", "distance", "layers"});
    SceneDesc desc;
    desc.path = root.file();
    desc.layers = defaultLayerSettings();
    desc.title = root.string("title", true).value_or("");
    desc.model = root.string("model", true).value_or("");
    desc.view = root.choice("view", false, kViewPresetNames, {.what = "view", .suggest = false}).value_or(desc.view);
    if (const toml::array* focus = root.array("focus", false)) {
        // value<double>() is empty for text and for integers too large to be exact doubles; an
        // empty one counts as not-a-number, which is out of range as TOML's nan and inf are.
        const auto coordinate = [&](std::size_t i) {
            return focus->size() == 3 ? focus->get(i)->value<double>().value_or(std::nan("")) : std::nan("");
        };
        const double x = coordinate(0), y = coordinate(1), z = coordinate(2);
        const auto near = [](double v) { return withinRange(v, -kFarthestM, kFarthestM); };
        if (near(x) && near(y) && near(z))
            desc.focus = glm::vec3(float(x), float(y), float(z));
        else
            root.error("focus", "expected [x, y, z] in metres from -50 to 50 (x forward, y up, z to the right)");
    }
    if (auto distance = root.number("distance", false, 0.05, kFarthestM)) desc.distanceM = float(*distance);
    if (const toml::table* layers = root.subtable("layers", false)) {
        TableReader layerTable(*layers, "layers", root.errors());
        std::vector<std::string> keys;
        for (const LayerInfo& info : layerInfos()) keys.emplace_back(info.key);
        layerTable.rejectUnknownKeys(keys);
        for (const LayerInfo& info : layerInfos()) {
            const toml::table* settings = layerTable.subtable(info.key, false);
            if (!settings) continue;
            TableReader layer(*settings, layerTable.field(info.key), root.errors());
            layer.rejectUnknownKeys({"visible", "opacity"});
            LayerSettings& out = desc.layers[std::size_t(info.id)];
            out.visible = layer.boolean("visible", false).value_or(out.visible);
            out.opacity = float(layer.number("opacity", false, 0.0, 1.0).value_or(out.opacity));
        }
    }
    return desc;
}

} // namespace

core::Expected<SceneDesc> parseSceneText(std::string_view text, const std::string& path)
{
    return readTomlText<SceneDesc>(text, path, readScene);
}

} // namespace content
