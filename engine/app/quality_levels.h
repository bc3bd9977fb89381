// The rendering levels in the app's terms: their order from cheapest to best (which the
// automatic governor climbs) and the words --quality takes, auto included. render::Quality
// itself belongs to the renderer; this is the one place the app ranks and names it.
#pragma once

#include "core/enum_names.h"
#include "render/renderer.h"

#include <array>
#include <optional>

namespace app {

// The levels from cheapest to best: a level's rank is its place here.
inline constexpr std::array<render::Quality, 4> kQualityByCost{render::Quality::Lowest, render::Quality::Low,
                                                               render::Quality::Medium, render::Quality::High};
int qualityRank(render::Quality quality);
render::Quality qualityOfRank(int rank);  // clamped to the levels there are

// --quality: one level for the whole run, or chosen from measured frame times.
enum class QualityChoice { Auto, Lowest, Low, Medium, High };
inline constexpr auto kQualityChoiceNames = core::enumNames<QualityChoice>({{QualityChoice::Auto, "auto"},
                                                                            {QualityChoice::High, "high"},
                                                                            {QualityChoice::Medium, "medium"},
                                                                            {QualityChoice::Low, "low"},
                                                                            {QualityChoice::Lowest, "lowest"}});

// The level a fixed choice names; none for auto.
std::optional<render::Quality> fixedQuality(QualityChoice choice);

} // namespace app
