#include "golden.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace testing_support {
namespace fs = std::filesystem;

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
    const core::ImageDifference difference = core::compareImages(actual, *expected);
    std::ostringstream message;
    message << name << ": max difference " << difference.maxChannelDifference << " (limit "
            << tolerance.maxChannelDifference << "), mean " << difference.meanChannelDifference << " (limit "
            << tolerance.meanChannelDifference << ")";
    const bool passed = difference.maxChannelDifference <= tolerance.maxChannelDifference &&
                        difference.meanChannelDifference <= tolerance.meanChannelDifference;
    if (!passed) {
        (void)core::writePng(outputDir / (name + ".actual.png"), actual);
        (void)core::writePng(outputDir / (name + ".diff.png"), difference.diff);
        message << "; actual and diff images in " << outputDir.string();
    }
    return {passed, message.str()};
}

} // namespace testing_support
