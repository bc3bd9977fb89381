// A fresh temporary folder per test, removed afterwards.
#pragma once

#include <filesystem>
#include <string>

namespace testing_support {

class TempDir {
public:
    explicit TempDir(const std::string& tag = "ht-test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// Writes text to a file, creating folders.
void writeText(const std::filesystem::path& path, const std::string& text);

// A data folder like the shipped one at `data`: shaders, assets, the default scene, poses and
// glossary, and an empty scenes/lessons for the test's own lessons. Returns `data`.
std::filesystem::path copyShippedData(const std::filesystem::path& data);

} // namespace testing_support
