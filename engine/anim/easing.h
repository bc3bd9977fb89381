// Easing curves for keyframed motion: how a move starts and ends.
#pragma once

#include <optional>
#include <string_view>

namespace anim {

enum class Easing { Linear, In, Out, InOut };

// Maps progress t in [0, 1] through the curve (clamped).
double ease(Easing easing, double t);
std::string_view easingName(Easing easing);
std::optional<Easing> easingFromName(std::string_view name);

} // namespace anim
