// Golden-image comparison for rendering tests. A reviewed image lives in tests/golden/;
// the test renders the same scene and compares under a maximum and a mean difference.
// On failure the actual image and an amplified diff are written beside the build for review.
// HT_UPDATE_GOLDEN=1 writes the actual image as the new golden instead (then review it!).
#pragma once

#include "core/image.h"

#include <string>

namespace testing_support {

struct GoldenTolerance {
    int maxChannelDifference = 40;   // 0..255, any single channel of any pixel
    double meanChannelDifference = 0.5;
};

struct ImageDifference {
    int maxChannelDifference = 0; // 0..255 over all pixels and RGB channels
    double meanChannelDifference = 0.0;
    core::Image diff;             // per-pixel absolute difference, amplified for viewing
};

// Compares RGB channels; the images must be the same size (asserted by callers).
ImageDifference compareImages(const core::Image& actual, const core::Image& expected);

struct GoldenResult {
    bool passed = false;
    std::string message;
};

GoldenResult compareWithGolden(const core::Image& actual, const std::string& name, const GoldenTolerance& tolerance);

} // namespace testing_support
