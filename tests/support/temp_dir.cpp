#include "temp_dir.h"

#include <fstream>
#include <random>
#include <stdexcept>

namespace testing_support {

TempDir::TempDir(const std::string& tag)
{
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / (tag + "-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir()
{
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
}

void writeText(const std::filesystem::path& path, const std::string& text)
{
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::filesystem::path copyShippedData(const std::filesystem::path& data)
{
    namespace fs = std::filesystem;
    const fs::path source = HT_SOURCE_DIR;
    fs::create_directories(data / "scenes" / "lessons");
    fs::copy(source / "shaders", data / "shaders", fs::copy_options::recursive);
    fs::copy(source / "assets", data / "assets", fs::copy_options::recursive);
    for (const char* file : {"default.toml", "poses.toml", "glossary.toml"})
        fs::copy(source / "scenes" / file, data / "scenes" / file);
    return data;
}

} // namespace testing_support
