#include "core/image.h"

#include <algorithm>
#include <cstdlib>
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

namespace core {

void Image::flipVertically()
{
    const std::size_t rowBytes = std::size_t(width) * 4;
    std::vector<std::uint8_t> row(rowBytes);
    for (int y = 0; y < height / 2; ++y) {
        std::uint8_t* top = &rgba[std::size_t(y) * rowBytes];
        std::uint8_t* bottom = &rgba[std::size_t(height - 1 - y) * rowBytes];
        std::copy(top, top + rowBytes, row.begin());
        std::copy(bottom, bottom + rowBytes, top);
        std::copy(row.begin(), row.end(), bottom);
    }
}

Status writePng(const std::filesystem::path& path, const Image& image)
{
    if (image.empty()) return makeFileError(path.string(), "cannot write an empty image");
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (!stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4))
        return makeFileError(path.string(), "cannot write PNG (is the folder writable?)");
    return {};
}

Expected<Image> readPng(const std::filesystem::path& path)
{
    int width = 0, height = 0, channels = 0;
    stbi_uc* pixels = stbi_load(path.c_str(), &width, &height, &channels, 4);
    if (!pixels) {
        const char* reason = stbi_failure_reason();
        return makeFileError(path.string(), std::string("cannot read PNG: ") + (reason ? reason : "unknown reason"));
    }
    Image image;
    image.width = width;
    image.height = height;
    image.rgba.assign(pixels, pixels + std::size_t(width) * height * 4);
    stbi_image_free(pixels);
    return image;
}

ImageDifference compareImages(const Image& actual, const Image& expected)
{
    ImageDifference result;
    result.diff.width = actual.width;
    result.diff.height = actual.height;
    result.diff.rgba.assign(actual.rgba.size(), 255);
    std::uint64_t total = 0;
    const std::size_t pixels = std::size_t(actual.width) * actual.height;
    for (std::size_t i = 0; i < pixels; ++i) {
        for (int c = 0; c < 3; ++c) {
            int difference = std::abs(int(actual.rgba[i * 4 + c]) - int(expected.rgba[i * 4 + c]));
            result.maxChannelDifference = std::max(result.maxChannelDifference, difference);
            total += std::uint64_t(difference);
            result.diff.rgba[i * 4 + c] = std::uint8_t(std::min(255, difference * 8));
        }
    }
    result.meanChannelDifference = pixels ? double(total) / double(pixels * 3) : 0.0;
    return result;
}

} // namespace core
