// Easing curves for keyframed motion: how a move starts and ends.
#pragma once

#include "core/enum_names.h"

#include <optional>
#include <string_view>

namespace anim {

enum class Easing { Linear, In, Out, InOut };

// The words for each curve in lesson files (`ease = "in_out"`).
inline constexpr auto kEasingNames = core::enumNames<Easing>({
    {Easing::Linear, "linear"}, {Easing::In, "in"}, {Easing::Out, "out"}, {Easing::InOut, "in_out"},
});

// Maps progress t in [0, 1] through the curve (clamped).
double ease(Easing easing, double t);
std::string_view easingName(Easing easing);
std::optional<Easing> easingFromName(std::string_view name);

} // namespace anim
