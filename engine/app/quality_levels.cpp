#include "app/quality_levels.h"

#include <algorithm>

namespace app {

// Lowest to High follow Auto in the same order as kQualityByCost.
static_assert(int(QualityChoice::Lowest) == 1 && int(QualityChoice::High) == int(kQualityByCost.size()));

int qualityRank(render::Quality quality)
{
    return int(std::find(kQualityByCost.begin(), kQualityByCost.end(), quality) - kQualityByCost.begin());
}

render::Quality qualityOfRank(int rank)
{
    return kQualityByCost[std::size_t(std::clamp(rank, 0, int(kQualityByCost.size()) - 1))];
}

std::optional<render::Quality> fixedQuality(QualityChoice choice)
{
    if (choice == QualityChoice::Auto) return std::nullopt;
    return kQualityByCost[std::size_t(int(choice) - 1)];
}

} // namespace app
