// Scene files (scenes/*.toml): which model to show, the opening view and the layers.
#pragma once

#include "core/error.h"
#include "core/file.h"
#include "content/view_preset.h"
#include "content/structures.h"

#include <glm/vec3.hpp>

#include <array>
#include <optional>
#include <string>

namespace content {

struct LayerSettings {
    bool visible = true;
    float opacity = 1.0f;
};

struct SceneDesc {
    std::string path;                 // the file it came from
    std::string title;
    std::string model;                // asset name or path of the model file
    ViewPreset view = ViewPreset::Posterior;
    std::optional<glm::vec3> focus;   // opening view centre (metres); default: frame everything
    std::optional<float> distanceM;   // opening view distance
    std::array<LayerSettings, kLayerCount> layers{};
};

core::Expected<SceneDesc> parseSceneText(std::string_view text, const std::string& path);
inline core::Expected<SceneDesc> loadSceneFile(const std::string& path) { return core::parseTextFile(path, parseSceneText); }

// Layer defaults of the trainer: translucent skin, everything else opaque and shown.
std::array<LayerSettings, kLayerCount> defaultLayerSettings();

} // namespace content
