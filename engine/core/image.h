// CPU images: PNG reading and writing (stb from Debian's libstb) and the image comparison
// used by golden-image tests.
#pragma once

#include "core/error.h"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace core {

// 8-bit RGBA, rows top to bottom.
struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;

    bool empty() const { return width == 0 || height == 0; }
    std::uint8_t* pixel(int x, int y) { return &rgba[(std::size_t(y) * width + x) * 4]; }
    const std::uint8_t* pixel(int x, int y) const { return &rgba[(std::size_t(y) * width + x) * 4]; }
    void flipVertically();
};

Status writePng(const std::filesystem::path& path, const Image& image);
Expected<Image> readPng(const std::filesystem::path& path);

struct ImageDifference {
    int maxChannelDifference = 0; // 0..255 over all pixels and RGB channels
    double meanChannelDifference = 0.0;
    Image diff;                   // per-pixel absolute difference, amplified for viewing
};

// Compares RGB channels; the images must be the same size (asserted by callers).
ImageDifference compareImages(const Image& actual, const Image& expected);

} // namespace core
