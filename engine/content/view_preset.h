// The named views of the model (from the front, behind, the side, within, above), as scene
// and lesson files and the command line write them. The camera turns them into directions.
#pragma once

#include "core/enum_names.h"

#include <optional>
#include <string_view>

namespace content {

enum class ViewPreset { Anterior, Posterior, Lateral, Medial, Superior };

// The words that name the preset views in scene and lesson files and on the command line.
inline constexpr auto kViewPresetNames = core::enumNames<ViewPreset>({
    {ViewPreset::Anterior, "anterior"}, {ViewPreset::Posterior, "posterior"}, {ViewPreset::Lateral, "lateral"},
    {ViewPreset::Medial, "medial"}, {ViewPreset::Superior, "superior"},
});

std::string_view presetName(ViewPreset preset);
std::optional<ViewPreset> presetFromName(std::string_view name);

} // namespace content
