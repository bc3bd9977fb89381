#include "content/view_preset.h"

namespace content {

std::string_view presetName(ViewPreset preset)
{
    return kViewPresetNames.name(preset);
}

std::optional<ViewPreset> presetFromName(std::string_view name)
{
    return kViewPresetNames.parse(name);
}

} // namespace content
