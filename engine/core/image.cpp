#include "core/image.h"

#include <algorithm>
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

} // namespace core
