#include "anim/easing.h"

#include <algorithm>

namespace anim {

double ease(Easing easing, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    switch (easing) {
    case Easing::Linear: return t;
    case Easing::In: return t * t * t;
    case Easing::Out: {
        const double u = 1.0 - t;
        return 1.0 - u * u * u;
    }
    case Easing::InOut:
        // Quintic smootherstep: zero velocity and acceleration at both ends, as a body
        // starts and finishes a deliberate stretch.
        return t * t * t * (t * (t * 6.0 - 15.0) + 10.0);
    }
    return t;
}

std::string_view easingName(Easing easing)
{
    return kEasingNames.name(easing);
}

std::optional<Easing> easingFromName(std::string_view name)
{
    return kEasingNames.parse(name);
}

} // namespace anim
