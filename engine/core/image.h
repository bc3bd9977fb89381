// CPU images: PNG reading and writing (stb from Debian's libstb). Comparing images is a test
// matter: see tests/support/golden.h.
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

} // namespace core
