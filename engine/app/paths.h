// Where the app finds its files: shaders, scenes and hand-made assets in the data folder,
// generated assets in the build tree, user files in the XDG folders.
#pragma once

#include <filesystem>
#include <string>

namespace app {

struct DataPaths {
    std::filesystem::path dataDir;          // holds shaders/, scenes/, assets/
    std::filesystem::path generatedAssets;  // models the build generated

    std::filesystem::path shaders() const { return dataDir / "shaders"; }
    std::filesystem::path scenes() const { return dataDir / "scenes"; }
    std::filesystem::path assets() const { return dataDir / "assets"; }
    // An asset named in a scene: as given when it exists, else in the generated assets, else in assets/.
    std::filesystem::path resolveAsset(const std::string& name, const std::filesystem::path& relativeTo) const;
};

// From --data-dir, else $HT_DATA_DIR, else the source tree this binary was built from.
DataPaths findDataPaths(const std::string& dataDirOption);

// $XDG_PICTURES_DIR-like folder for screenshots: ~/Pictures/Hamstring Trainer.
std::filesystem::path screenshotFolder();
// A file name like "hamstring-2026-11-22-143005.png".
std::string timestampedName(const std::string& prefix, const std::string& extension);

} // namespace app
