#include "golden.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace testing_support {
namespace fs = std::filesystem;

ImageDifference compareImages(const core::Image& actual, const core::Image& expected, int differingPixelThreshold)
{
    ImageDifference result;
    result.diff.width = actual.width;
    result.diff.height = actual.height;
    result.diff.rgba.assign(actual.rgba.size(), 255);
    std::uint64_t total = 0;
    std::size_t differing = 0;
    const std::size_t pixels = std::size_t(actual.width) * actual.height;
    for (std::size_t i = 0; i < pixels; ++i) {
        int pixelMax = 0;
        for (int c = 0; c < 3; ++c) {
            int difference = std::abs(int(actual.rgba[i * 4 + c]) - int(expected.rgba[i * 4 + c]));
            pixelMax = std::max(pixelMax, difference);
            total += std::uint64_t(difference);
            result.diff.rgba[i * 4 + c] = std::uint8_t(std::min(255, difference * 8));
        }
        result.maxChannelDifference = std::max(result.maxChannelDifference, pixelMax);
        differing += pixelMax > differingPixelThreshold;
    }
    result.meanChannelDifference = pixels ? double(total) / double(pixels * 3) : 0.0;
    result.differingPixelFraction = pixels ? double(differing) / double(pixels) : 0.0;
    return result;
}

GoldenResult compareWithGolden(const core::Image& actual, const std::string& name, const GoldenTolerance& tolerance)
{
    const fs::path golden = fs::path(HT_SOURCE_DIR) / "tests" / "golden" / (name + ".png");
    const fs::path outputDir = fs::path(HT_BINARY_DIR) / "golden-output";
    const char* update = std::getenv("HT_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        core::Status written = core::writePng(golden, actual);
        return {written.ok(), written.ok() ? "golden image updated: " + golden.string() : written.error().describe()};
    }
    auto expected = core::readPng(golden);
    if (!expected.ok()) {
        (void)core::writePng(outputDir / (name + ".actual.png"), actual);
        return {false, "no golden image " + golden.string() + " (actual written to " +
                           (outputDir / (name + ".actual.png")).string() + "; review it, then run with HT_UPDATE_GOLDEN=1)"};
    }
    if (expected->width != actual.width || expected->height != actual.height) {
        (void)core::writePng(outputDir / (name + ".actual.png"), actual);
        return {false, "size differs from the golden image"};
    }
    const ImageDifference difference = compareImages(actual, *expected);
    std::ostringstream message;
    message << name << ": max difference " << difference.maxChannelDifference << " (limit "
            << tolerance.maxChannelDifference << "), mean " << difference.meanChannelDifference << " (limit "
            << tolerance.meanChannelDifference << "), pixels differing by more than " << kDifferingPixelThreshold << ": "
            << difference.differingPixelFraction * 100.0 << " % (limit " << tolerance.differingPixelFraction * 100.0 << " %)";
    const bool passed = difference.maxChannelDifference <= tolerance.maxChannelDifference &&
                        difference.meanChannelDifference <= tolerance.meanChannelDifference &&
                        difference.differingPixelFraction <= tolerance.differingPixelFraction;
    if (!passed) {
        (void)core::writePng(outputDir / (name + ".actual.png"), actual);
        (void)core::writePng(outputDir / (name + ".diff.png"), difference.diff);
        message << "; actual and diff images in " << outputDir.string();
    }
    return {passed, message.str()};
}

} // namespace testing_support
