// Golden-image comparison for rendering tests. A reviewed image lives in tests/golden/;
// the test renders the same scene and compares under a maximum and a mean difference, and a
// limit on how many pixels differ at all: a small local change (an outline gone, a small
// structure missing) moves the mean little but changes a cluster of pixels clearly.
// On failure the actual image and an amplified diff are written beside the build for review.
// HT_UPDATE_GOLDEN=1 writes the actual image as the new golden instead (then review it!).
#pragma once

#include "core/image.h"

#include <string>

namespace testing_support {

// A pixel "differs" when one of its channels differs by more than this: above the noise of
// llvmpipe's rasterisation and of shading changes too faint to see.
inline constexpr int kDifferingPixelThreshold = 16;

struct GoldenTolerance {
    int maxChannelDifference = 40;   // 0..255, any single channel of any pixel
    double meanChannelDifference = 0.5;
    double differingPixelFraction = 0.001; // share of pixels that differ (kDifferingPixelThreshold)
};

struct ImageDifference {
    int maxChannelDifference = 0; // 0..255 over all pixels and RGB channels
    double meanChannelDifference = 0.0;
    double differingPixelFraction = 0.0; // pixels with a channel off by more than the threshold
    core::Image diff;             // per-pixel absolute difference, amplified for viewing
};

// Compares RGB channels; the images must be the same size (asserted by callers).
ImageDifference compareImages(const core::Image& actual, const core::Image& expected,
                              int differingPixelThreshold = kDifferingPixelThreshold);

struct GoldenResult {
    bool passed = false;
    std::string message;
};

GoldenResult compareWithGolden(const core::Image& actual, const std::string& name, const GoldenTolerance& tolerance);

} // namespace testing_support
