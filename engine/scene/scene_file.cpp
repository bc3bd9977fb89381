#include "scene/scene_file.h"

#include "core/file.h"
#include "scene/toml_reader.h"

namespace scene {

std::array<LayerSettings, kLayerCount> defaultLayerSettings()
{
    std::array<LayerSettings, kLayerCount> layers{};
    layers[std::size_t(LayerId::Skin)].opacity = 0.25f;
    return layers;
}

core::Expected<SceneDesc> parseSceneText(std::string_view text, const std::string& path)
{
    auto parsed = parseTomlText(text, path);
    if (!parsed) return parsed.error();
    TomlErrors errors{path, {}};
    TableReader root(*parsed, "", errors);
    root.rejectUnknownKeys({"title", "model", "view", "focus", "distance", "layers"});

    SceneDesc desc;
    desc.path = path;
    desc.layers = defaultLayerSettings();
    desc.title = root.string("title", true).value_or("");
    desc.model = root.string("model", true).value_or("");
    if (auto view = root.string("view", false)) {
        if (auto preset = presetFromName(*view))
            desc.view = *preset;
        else
            root.error("view", "unknown view '" + *view + "' (anterior, posterior, lateral, medial or superior)");
    }
    if (const toml::array* focus = root.array("focus", false)) {
        if (focus->size() == 3 && focus->get(0)->is_number() && focus->get(1)->is_number() && focus->get(2)->is_number())
            desc.focus = glm::vec3(float(*focus->get(0)->value<double>()), float(*focus->get(1)->value<double>()),
                                   float(*focus->get(2)->value<double>()));
        else
            root.error("focus", "expected [x, y, z] in metres (x forward, y up, z to the right)");
    }
    if (auto distance = root.number("distance", false, 0.05, 50.0)) desc.distanceM = float(*distance);
    if (const toml::table* layers = root.subtable("layers", false)) {
        TableReader layerTable(*layers, "layers", errors);
        std::vector<std::string> keys;
        for (const LayerInfo& info : layerInfos()) keys.emplace_back(info.key);
        layerTable.rejectUnknownKeys(keys);
        for (const LayerInfo& info : layerInfos()) {
            const toml::table* settings = layerTable.subtable(info.key, false);
            if (!settings) continue;
            TableReader layer(*settings, layerTable.field(info.key), errors);
            layer.rejectUnknownKeys({"visible", "opacity"});
            LayerSettings& out = desc.layers[std::size_t(info.id)];
            out.visible = layer.boolean("visible", false).value_or(out.visible);
            out.opacity = float(layer.number("opacity", false, 0.0, 1.0).value_or(out.opacity));
        }
    }
    if (!errors.empty()) return summarise(errors);
    return desc;
}

core::Expected<SceneDesc> loadSceneFile(const std::string& path)
{
    auto text = core::readTextFile(path);
    if (!text) return text.error();
    return parseSceneText(*text, path);
}

} // namespace scene
